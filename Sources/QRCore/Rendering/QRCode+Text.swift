extension QRCode {
    /// The symbol drawn as text with `border` light modules around it; every
    /// line ends with `"\n"`. See ``TextFormat`` for the formats.
    /// - Precondition: `border >= 0`.
    public func text(_ format: TextFormat, border: Int = 4) -> String {
        precondition(border >= 0, "negative border")
        var bytes: [UInt8] = []
        switch format {
        case .txt: appendDigits(border: border, to: &bytes)
        case .utf8: appendHalfBlocks(border: border, inkDark: true, to: &bytes)
        case .utf8Inverted: appendHalfBlocks(border: border, inkDark: false, to: &bytes)
        case .ansi: appendANSI(border: border, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the module at (`x`, `y`) is dark, in coordinates that include
    /// the border; the border is light.
    private func isDark(_ x: Int, _ y: Int, border: Int) -> Bool {
        let column = x - border, row = y - border
        return column >= 0 && column < width && row >= 0 && row < height && self[column, row]
    }

    private func appendDigits(border: Int, to bytes: inout [UInt8]) {
        let across = width + 2 * border, down = height + 2 * border
        for y in 0..<down {
            for x in 0..<across { bytes.append(isDark(x, y, border: border) ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Two module rows per line; a last odd row is paired with nothing
    /// (uninked), which lies outside the drawing.
    private func appendHalfBlocks(border: Int, inkDark: Bool, to bytes: inout [UInt8]) {
        let across = width + 2 * border, down = height + 2 * border
        let full = Array("█".utf8), upper = Array("▀".utf8), lower = Array("▄".utf8)
        for y in stride(from: 0, to: down, by: 2) {
            for x in 0..<across {
                let top = isDark(x, y, border: border) == inkDark
                let bottom = y + 1 < down && isDark(x, y + 1, border: border) == inkDark
                switch (top, bottom) {
                case (true, true): bytes += full
                case (true, false): bytes += upper
                case (false, true): bytes += lower
                case (false, false): bytes.append(UInt8(ascii: " "))
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// A colour code only where the colour changes along a line.
    private func appendANSI(border: Int, to bytes: inout [UInt8]) {
        let across = width + 2 * border, down = height + 2 * border
        let black = Array("\u{1B}[40m".utf8), white = Array("\u{1B}[47m".utf8), reset = Array("\u{1B}[0m\n".utf8)
        for y in 0..<down {
            var previous: Bool?
            for x in 0..<across {
                let dark = isDark(x, y, border: border)
                if dark != previous { bytes += dark ? black : white }
                previous = dark
                bytes += [UInt8(ascii: " "), UInt8(ascii: " ")]
            }
            bytes += reset
        }
    }
}

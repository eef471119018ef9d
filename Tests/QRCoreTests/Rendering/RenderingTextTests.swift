import Testing

@testable import QRCore

/// Text drawings, exact for a small matrix.
struct RenderingTextTests {
    /// A 3×3 "symbol" (rendering does not care that it is not a real one):
    ///     1 0 1
    ///     0 1 0
    ///     1 1 0
    static let small = QRCode(
        version: 1, correctionLevel: .low, mask: 0,
        modules: BitMatrix(rows: ["101", "010", "110"]))

    @Test func txtWithoutBorderIsTheBareMatrix() {
        #expect(Self.small.text(.txt, border: 0) == "101\n010\n110\n")
    }

    @Test func txtBorderIsLight() {
        #expect(Self.small.text(.txt, border: 1) == "00000\n01010\n00100\n01100\n00000\n")
    }

    @Test func txtOfARealSymbolMatchesItsModules() throws {
        let code = try QRCode(text: "txt", correctionLevel: .medium)
        let lines = code.text(.txt).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == code.size + 8 + 1 && lines.last == "")
        #expect(lines[4].dropFirst(4).prefix(code.size) == Substring(code.modules.rowStrings[0]))
        #expect(code.text(.txt, border: 0) == code.modules.rowStrings.map { $0 + "\n" }.joined())
    }

    @Test func utf8InksDarkModulesTwoRowsPerLine() {
        // Rows 0+1: ▀ ▄ ▀ ; row 2 alone (bottom half outside the drawing): ▀ ▀ space.
        #expect(Self.small.text(.utf8, border: 0) == "▀▄▀\n▀▀ \n")
        // With a border: light rows and columns are blank.
        #expect(Self.small.text(.utf8, border: 1) == " ▄ ▄ \n ▄█  \n     \n")
    }

    @Test func utf8InvertedInksLightModules() {
        #expect(Self.small.text(.utf8Inverted, border: 0) == "▄▀▄\n  ▀\n")
        #expect(Self.small.text(.utf8Inverted, border: 1) == "█▀█▀█\n█▀ ██\n▀▀▀▀▀\n")
    }

    @Test func ansiUsesBackgroundColoursAndResetsEachLine() {
        let black = "\u{1B}[40m", white = "\u{1B}[47m", reset = "\u{1B}[0m\n"
        let expected =
            black + "  " + white + "  " + black + "  " + reset
            + white + "  " + black + "  " + white + "  " + reset
            + black + "    " + white + "  " + reset
        #expect(Self.small.text(.ansi, border: 0) == expected)
        let bordered = Self.small.text(.ansi, border: 2)
        #expect(bordered.hasPrefix(white + String(repeating: " ", count: 14) + reset))
        #expect(bordered.split(separator: "\n").count == 7)
    }

    @Test func everyFormatEndsLinesWithNewline() throws {
        let code = try QRCode(text: "lines", correctionLevel: .low)
        for format in TextFormat.allCases {
            let text = code.text(format)
            #expect(text.hasSuffix("\n"))
            let expectedLines = format == .utf8 || format == .utf8Inverted ? (code.size + 9) / 2 : code.size + 8
            #expect(text.split(separator: "\n").count == expectedLines, "\(format)")
        }
    }
}

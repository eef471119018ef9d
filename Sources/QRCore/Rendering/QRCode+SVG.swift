extension QRCode {
    /// The symbol as an SVG document: one `<path>` of the dark modules, each
    /// horizontal run of them one rectangle, over a background `<rect>`
    /// (omitted when the background is fully transparent).
    ///
    /// Coordinates are in modules: the `viewBox` spans the symbol and its
    /// border, and `width`/`height` are that many modules × `options.scale`.
    /// `shape-rendering="crispEdges"` keeps viewers from anti-aliasing the
    /// seams between runs into faint lines. Colours with alpha below 255 get
    /// a `fill-opacity`.
    /// - Precondition: `options` is valid (see ``RenderOptions/validate()``)
    ///   and the size in user units fits an `Int`.
    public func svg(options: RenderOptions = RenderOptions()) -> String {
        precondition(options.scale >= 1 && options.border >= 0, "invalid render options; call validate() first")
        let across = width + 2 * options.border, down = height + 2 * options.border
        let (pixelWidth, overflow) = across.multipliedReportingOverflow(by: options.scale)
        precondition(!overflow, "SVG size overflows")
        let pixelHeight = down * options.scale
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(pixelWidth)\" "
        svg += "height=\"\(pixelHeight)\" viewBox=\"0 0 \(across) \(down)\" shape-rendering=\"crispEdges\">\n"
        if options.background.a > 0 {
            svg += "<rect width=\"\(across)\" height=\"\(down)\"\(Self.svgFill(options.background))/>\n"
        }
        svg += "<path\(Self.svgFill(options.foreground)) d=\"\(svgPathData(border: options.border))\"/>\n"
        svg += "</svg>\n"
        return svg
    }

    /// `M x y h n v1 h-n z` for each run of dark modules, built as bytes:
    /// a symbol has hundreds of runs, and string interpolation per run
    /// costs more than the rest of the document.
    private func svgPathData(border: Int) -> String {
        var path: [UInt8] = []
        path.reserveCapacity(width * height)
        for y in 0..<height {
            modules.forEachDarkRun(inRow: y) { run in
                path.append(UInt8(ascii: "M"))
                Self.appendDecimal(run.lowerBound + border, to: &path)
                path.append(UInt8(ascii: " "))
                Self.appendDecimal(y + border, to: &path)
                path.append(UInt8(ascii: "h"))
                Self.appendDecimal(run.count, to: &path)
                path.append(contentsOf: "v1h-".utf8)
                Self.appendDecimal(run.count, to: &path)
                path.append(UInt8(ascii: "z"))
            }
        }
        return String(decoding: path, as: UTF8.self)
    }

    /// Appends the decimal digits of a non-negative number.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// ` fill="#rrggbb"`, plus ` fill-opacity="…"` unless opaque.
    private static func svgFill(_ color: RGBAColor) -> String {
        let fill = " fill=\"\(color.rgbHex)\""
        return color.isOpaque ? fill : fill + " fill-opacity=\"\(opacity(color.a))\""
    }

    /// `alpha / 255` with at most three decimals and no trailing zeros: `0.5`, `0.251`, `0`.
    private static func opacity(_ alpha: UInt8) -> String {
        let thousandths = (Int(alpha) * 1000 + 127) / 255
        guard thousandths > 0 else { return "0" }
        var digits = String(thousandths)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }
}

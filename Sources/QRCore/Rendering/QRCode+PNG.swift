extension QRCode {
    /// The symbol as a PNG: `options.scale` pixels per module, with
    /// `options.border` light modules around it.
    ///
    /// Black on white gives a 1-bit greyscale PNG, the smallest; other colours
    /// give a 1-bit palette PNG, with a tRNS chunk when either colour has
    /// alpha below 255 (so transparent backgrounds work). Pixel rows are
    /// compressed by `RasterDeflater`, which knows that they repeat.
    /// - Throws: ``RenderError/invalidScale(_:)``, ``RenderError/invalidBorder(_:)``,
    ///   ``RenderError/imageTooLarge(width:height:maxPixels:maxDimension:)``
    ///   beyond ``ImageLimits/default``.
    public func pngData(options: RenderOptions = RenderOptions()) throws(RenderError) -> [UInt8] {
        try options.validate()
        let pixels = try options.pixelSize(width: width, height: height)
        let raster = ModuleRaster(code: self, scale: options.scale, border: options.border)
        let stream = RasterDeflater.zlibStream(rows: raster.rows, rowBytes: raster.rowBytes, repeatCount: options.scale)
        return PNGWriter.png(
            Self.pngHeader(width: pixels.width, height: pixels.height, options: options), zlibStream: stream)
    }

    /// Writes ``pngData(options:)`` to a file, replacing it whole (a reader
    /// never sees a half-written image).
    /// - Throws: any error of ``pngData(options:)``, or ``RenderError/writeFailed(path:reason:)``.
    public func writePNG(toFile path: String, options: RenderOptions = RenderOptions()) throws(RenderError) {
        let png = try pngData(options: options)
        do {
            try FileIO.writeFile(atPath: path, bytes: png)
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// 1-bit grey for black on white; otherwise a two-entry palette, dark
    /// first, matching ``ModuleRaster``'s bits (set for light).
    private static func pngHeader(width: Int, height: Int, options: RenderOptions) -> PNGWriter.Header {
        let (dark, light) = (options.foreground, options.background)
        guard dark != .black || light != .white else {
            return PNGWriter.Header(width: width, height: height, colorType: .gray, bitDepth: 1)
        }
        var alpha = [dark.a, light.a]
        while alpha.last == 255 { alpha.removeLast() }  // tRNS may omit trailing opaque entries
        return PNGWriter.Header(
            width: width, height: height, colorType: .palette, bitDepth: 1,
            palette: [dark.r, dark.g, dark.b, light.r, light.g, light.b], alpha: alpha)
    }
}

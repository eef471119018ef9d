extension GrayImage {
    /// Decodes a PNG of any colour type and bit depth (grey 1–16 bits, RGB,
    /// palette with or without tRNS, grey + alpha, RGBA, Adam7 interlaced).
    ///
    /// 16-bit samples are scaled (not truncated) to 8 bits, colour becomes
    /// Rec. 601 luminance and transparency is composited on white. No gamma
    /// correction is applied: a code's contrast survives any gamma.
    /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the header
    ///   alone, before pixel memory is allocated; ``ImageError/corrupt(_:)``
    ///   for anything libpng rejects; ``ImageError/formatNotBuiltIn(_:)`` when
    ///   QRCore was built without the `PNG` trait.
    public init(pngData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
        #if PNG
            let decoded = try PNGDecoder.decode(pngData, limits: limits, channels: 1)
            self.init(width: decoded.info.width, height: decoded.info.height, pixels: decoded.pixels)
        #else
            throw .formatNotBuiltIn("PNG")
        #endif
    }

    /// This image as an 8-bit greyscale PNG, for saving images in tests.
    /// - Precondition: 1…8,192 pixels wide (one Adler-32 block a row) and at least 1 high.
    func pngData() -> [UInt8] {
        let stream = RasterDeflater.zlibStream(rows: pixels, rowBytes: width, repeatCount: 1)
        return PNGWriter.png(
            PNGWriter.Header(width: width, height: height, colorType: .gray, bitDepth: 8),
            zlibStream: stream)
    }
}

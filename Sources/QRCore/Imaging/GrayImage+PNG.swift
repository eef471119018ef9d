extension GrayImage {
    /// Decodes a PNG of any colour type and bit depth (grey 1–16 bits, RGB,
    /// palette with or without tRNS, grey + alpha, RGBA, Adam7 interlaced).
    ///
    /// 16-bit samples are scaled (not truncated) to 8 bits, colour becomes
    /// Rec. 601 luminance and transparency is composited on white. No gamma
    /// correction is applied: a code's contrast survives any gamma.
    /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the header
    ///   alone, before pixel memory is allocated; ``ImageError/corrupt(_:)``
    ///   for anything libpng rejects.
    public init(pngData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
        let decoded = try PNGCodec.decode(pngData, limits: limits, channels: 1)
        self.init(width: decoded.info.width, height: decoded.info.height, pixels: decoded.pixels)
    }

    /// This image as an 8-bit greyscale PNG, for saving images in tests and tools.
    /// - Throws: ``ImageError/invalidDimensions(width:height:)`` for an empty
    ///   image, ``ImageError/encodingFailed(_:)`` if libpng fails.
    public func pngData() throws(ImageError) -> [UInt8] {
        guard width > 0, height > 0 else { throw .invalidDimensions(width: width, height: height) }
        let header = PNGCodec.Header(width: width, height: height, colorType: .gray, bitDepth: 8)
        do {
            return try PNGCodec.encode(header, rows: pixels, stride: width)
        } catch {
            throw .encodingFailed(error.message)
        }
    }
}

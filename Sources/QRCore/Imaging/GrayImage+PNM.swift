extension GrayImage {
    /// Decodes a Netpbm image: binary PGM (P5) or PPM (P6), or their plain
    /// ASCII forms P2 and P3, with maxval 1…65535 (16-bit samples are
    /// big-endian) and `#` comments in the header.
    /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the header
    ///   alone; ``ImageError/corrupt(_:)`` for a bad header or a short raster;
    ///   ``ImageError/unsupportedFormat(_:)`` for other magic numbers.
    public init(pnmData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
        self = try PNMDecoder.decode(pnmData, limits: limits)
    }
}

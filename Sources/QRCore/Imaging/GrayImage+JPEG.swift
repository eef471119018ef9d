extension GrayImage {
    /// Decodes a JPEG: baseline, extended or progressive, Huffman or
    /// arithmetic coded, with restart markers; grey, YCbCr, RGB, CMYK or YCCK,
    /// 8 bits a sample.
    ///
    /// Grey and YCbCr images give their stored luminance (the Y channel, as
    /// OpenCV's `IMREAD_GRAYSCALE` does); RGB, CMYK and YCCK become Rec. 601
    /// luminance, CMYK read as inverted when an Adobe APP14 marker says so.
    /// No colour management is applied: a code's contrast survives without it.
    /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the frame
    ///   header alone, before pixel memory is allocated;
    ///   ``ImageError/corrupt(_:)`` for damaged or truncated data (never grey
    ///   padding); ``ImageError/unsupportedFormat(_:)`` for 12-bit, lossless
    ///   or hierarchical JPEG and unknown colour spaces;
    ///   ``ImageError/formatNotBuiltIn(_:)`` when QRCore was built without
    ///   the `JPEG` trait.
    public init(jpegData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
        #if JPEG
            let decoded = try JPEGDecoder.decode(jpegData, limits: limits)
            self.init(width: decoded.info.width, height: decoded.info.height, pixels: decoded.pixels)
        #else
            throw .formatNotBuiltIn("JPEG")
        #endif
    }
}

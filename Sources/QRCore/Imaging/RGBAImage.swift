#if PNG
    /// An 8-bit RGBA image with straight (not premultiplied) alpha, rows top to
    /// bottom without padding.
    ///
    /// ``GrayImage`` is what the detector reads; this is for callers that need
    /// the colours themselves, such as checking a rendered PNG's palette and
    /// transparency.
    struct RGBAImage: Sendable, Hashable {
        let width: Int
        let height: Int
        /// `width × height × 4` bytes: red, green, blue, alpha.
        var pixels: [UInt8]

        /// Decodes a PNG of any colour type and bit depth to 8-bit RGBA; pixels
        /// without alpha are opaque and 16-bit samples are scaled to 8 bits.
        /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the header
        ///   alone; ``ImageError/corrupt(_:)`` for anything libpng rejects.
        init(pngData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
            let decoded = try PNGDecoder.decode(pngData, limits: limits, channels: 4)
            width = decoded.info.width
            height = decoded.info.height
            pixels = decoded.pixels
        }

        /// The pixel at column `x`, row `y`.
        subscript(x: Int, y: Int) -> RGBAColor {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel out of range")
            let offset = (y * width + x) * 4
            return RGBAColor(r: pixels[offset], g: pixels[offset + 1], b: pixels[offset + 2], a: pixels[offset + 3])
        }
    }
#endif

extension GrayImage {
    /// Converts a caller's raw pixel buffer to luminance.
    ///
    /// Colour becomes Rec. 601 luminance and alpha is composited on white.
    /// Rows are `bytesPerRow` apart; the last row need only be
    /// `width × format.bytesPerPixel` long.
    /// - Throws: ``ImageError/invalidDimensions(width:height:)``,
    ///   ``ImageError/tooLarge(width:height:limit:)``,
    ///   ``ImageError/invalidStride(bytesPerRow:minimum:)`` or
    ///   ``ImageError/bufferTooSmall(needed:given:)``; never traps on bad sizes.
    /// - Complexity: O(`width × height`).
    public init(
        pixels: UnsafeRawBufferPointer, width: Int, height: Int, bytesPerRow: Int,
        format: PixelFormat, limits: ImageLimits = .default
    ) throws(ImageError) {
        try limits.check(width: width, height: height)
        let (rowLength, lengthOverflow) = width.multipliedReportingOverflow(by: format.bytesPerPixel)
        guard !lengthOverflow, bytesPerRow >= rowLength else {
            throw .invalidStride(bytesPerRow: bytesPerRow, minimum: lengthOverflow ? .max : rowLength)
        }
        let (rows, rowsOverflow) = bytesPerRow.multipliedReportingOverflow(by: height - 1)
        let (needed, neededOverflow) = rows.addingReportingOverflow(rowLength)
        guard !rowsOverflow, !neededOverflow, needed <= pixels.count, let base = pixels.baseAddress else {
            throw .bufferTooSmall(needed: rowsOverflow || neededOverflow ? .max : needed, given: pixels.count)
        }
        let source = UnsafeRawBufferPointer(start: base, count: needed)
        let grey = [UInt8](unsafeUninitializedCapacity: width * height) { buffer, count in
            Self.convert(source, into: buffer, width: width, height: height, bytesPerRow: bytesPerRow, format: format)
            count = width * height
        }
        self.init(width: width, height: height, pixels: grey)
    }

    /// Converts pixels held in an array; `bytesPerRow` defaults to rows without padding.
    public init(
        pixels: [UInt8], width: Int, height: Int, bytesPerRow: Int? = nil,
        format: PixelFormat, limits: ImageLimits = .default
    ) throws(ImageError) {
        let (packed, overflow) = width.multipliedReportingOverflow(by: format.bytesPerPixel)
        let stride = bytesPerRow ?? (overflow ? .max : packed)
        let result = pixels.withUnsafeBytes { bytes in
            Result { () throws(ImageError) in
                try GrayImage(
                    pixels: bytes, width: width, height: height, bytesPerRow: stride,
                    format: format, limits: limits)
            }
        }
        self = try result.get()
    }

    /// Writes the luminance of each source pixel; the sizes are already validated.
    private static func convert(
        _ source: UnsafeRawBufferPointer, into grey: UnsafeMutableBufferPointer<UInt8>,
        width: Int, height: Int, bytesPerRow: Int, format: PixelFormat
    ) {
        let step = format.bytesPerPixel
        let (red, green, blue, alpha) = format.channelOffsets
        for y in 0..<height {
            let row = source.baseAddress! + y * bytesPerRow
            let out = grey.baseAddress! + y * width
            switch (format, alpha) {
            case (.gray8, _):
                UnsafeMutableRawPointer(out).copyMemory(from: row, byteCount: width)
            case (_, nil):
                for x in 0..<width {
                    let pixel = row + x * step
                    out[x] = Luminance.luma(
                        pixel.load(fromByteOffset: red, as: UInt8.self),
                        pixel.load(fromByteOffset: green, as: UInt8.self),
                        pixel.load(fromByteOffset: blue, as: UInt8.self))
                }
            case let (_, alpha?):
                for x in 0..<width {
                    let pixel = row + x * step
                    let luma = Luminance.luma(
                        pixel.load(fromByteOffset: red, as: UInt8.self),
                        pixel.load(fromByteOffset: green, as: UInt8.self),
                        pixel.load(fromByteOffset: blue, as: UInt8.self))
                    out[x] = Luminance.onWhite(luma, alpha: pixel.load(fromByteOffset: alpha, as: UInt8.self))
                }
            }
        }
    }
}

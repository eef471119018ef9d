import Testing

@testable import QRCore

/// Caller-supplied pixel buffers in every ``PixelFormat``.
struct ImagingRawPixelTests {
    /// Two pixels: opaque orange and half-transparent blue, in each layout.
    static let orange = (r: UInt8(255), g: UInt8(165), b: UInt8(0), a: UInt8(255))
    static let blue = (r: UInt8(0), g: UInt8(0), b: UInt8(255), a: UInt8(128))

    static func bytes(_ format: PixelFormat) -> [UInt8] {
        [orange, blue].flatMap { p -> [UInt8] in
            switch format {
            case .gray8: [p.g]
            case .rgb8: [p.r, p.g, p.b]
            case .rgba8: [p.r, p.g, p.b, p.a]
            case .bgra8: [p.b, p.g, p.r, p.a]
            case .argb8: [p.a, p.r, p.g, p.b]
            }
        }
    }

    @Test(arguments: PixelFormat.allCases)
    func convertsEachFormat(_ format: PixelFormat) throws {
        let image = try GrayImage(pixels: Self.bytes(format), width: 2, height: 1, format: format)
        let orangeLuma = Luminance.luma(255, 165, 0)
        let blueLuma = Luminance.luma(0, 0, 255)
        let expected: [UInt8] =
            switch format {
            case .gray8: [165, 0]
            case .rgb8: [orangeLuma, blueLuma]
            case .rgba8, .bgra8, .argb8: [orangeLuma, Luminance.onWhite(blueLuma, alpha: 128)]
            }
        #expect(image.pixels == expected)
    }

    @Test func weightsMatchTheShim() {
        #expect(Luminance.luma(255, 255, 255) == 255)
        #expect(Luminance.luma(0, 0, 0) == 0)
        #expect(Luminance.luma(255, 0, 0) == 77)
        #expect(Luminance.luma(0, 255, 0) == 149)
        #expect(Luminance.luma(0, 0, 255) == 29)
        #expect(Luminance.onWhite(0, alpha: 0) == 255)
        #expect(Luminance.onWhite(0, alpha: 255) == 0)
        #expect(Luminance.onWhite(100, alpha: 128) == 177)
    }

    @Test func paddedRowsAreSkipped() throws {
        // 2×2 RGB with 8 bytes per row: 2 padding bytes (0xEE) that must be ignored.
        let pixels: [UInt8] = [
            0, 0, 0, 255, 255, 255, 0xEE, 0xEE,
            255, 255, 255, 0, 0, 0, 0xEE, 0xEE,
        ]
        let image = try GrayImage(pixels: pixels, width: 2, height: 2, bytesPerRow: 8, format: .rgb8)
        #expect(image.pixels == [0, 255, 255, 0])
    }

    @Test func lastRowNeedNotBePadded() throws {
        let pixels: [UInt8] = [10, 20, 0xEE, 30, 40]
        let image = try GrayImage(pixels: pixels, width: 2, height: 2, bytesPerRow: 3, format: .gray8)
        #expect(image.pixels == [10, 20, 30, 40])
    }

    @Test func unsafeBufferInitializerReadsInPlace() throws {
        let pixels: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let image = try pixels.withUnsafeBytes { buffer in
            try GrayImage(pixels: buffer, width: 2, height: 1, bytesPerRow: 8, format: .bgra8)
        }
        let first = Luminance.onWhite(Luminance.luma(3, 2, 1), alpha: 4)
        let second = Luminance.onWhite(Luminance.luma(7, 6, 5), alpha: 8)
        #expect(image.pixels == [first, second])
    }

    @Test func badSizesAreErrorsNotTraps() {
        let four = [UInt8](repeating: 0, count: 4)
        #expect(throws: ImageError.invalidStride(bytesPerRow: 5, minimum: 6)) {
            try GrayImage(pixels: four, width: 2, height: 1, bytesPerRow: 5, format: .rgb8)
        }
        #expect(throws: ImageError.bufferTooSmall(needed: 6, given: 4)) {
            try GrayImage(pixels: four, width: 2, height: 1, format: .rgb8)
        }
        #expect(throws: ImageError.bufferTooSmall(needed: 9, given: 4)) {
            try GrayImage(pixels: four, width: 1, height: 2, bytesPerRow: 8, format: .gray8)
        }
        #expect(throws: ImageError.invalidDimensions(width: 0, height: 1)) {
            try GrayImage(pixels: four, width: 0, height: 1, format: .gray8)
        }
        #expect(throws: ImageError.invalidDimensions(width: 1, height: -1)) {
            try GrayImage(pixels: four, width: 1, height: -1, format: .gray8)
        }
        #expect(throws: ImageError.tooLarge(width: 70_000, height: 1, limit: .default)) {
            try GrayImage(pixels: four, width: 70_000, height: 1, format: .gray8)
        }
        #expect(throws: ImageError.self) {
            try GrayImage(pixels: four, width: 1, height: 2, bytesPerRow: .max, format: .gray8)
        }
        #expect(throws: ImageError.self) {
            try GrayImage(pixels: four, width: .max, height: .max, format: .argb8)
        }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(throws: ImageError.bufferTooSmall(needed: 1, given: 0)) {
            try GrayImage(pixels: empty, width: 1, height: 1, bytesPerRow: 1, format: .gray8)
        }
    }
}

extension ImagingRawPixelTests {
    @Test func generousLimitsStillCannotOverflow() {
        let unlimited = ImageLimits(maxPixels: .max, maxDimension: .max)
        let four = [UInt8](repeating: 0, count: 4)
        #expect(throws: ImageError.invalidStride(bytesPerRow: 8, minimum: .max)) {
            try GrayImage(pixels: four, width: .max / 2, height: 1, bytesPerRow: 8, format: .rgba8, limits: unlimited)
        }
        #expect(throws: ImageError.tooLarge(width: .max / 2, height: 3, limit: unlimited)) {
            try GrayImage(pixels: four, width: .max / 2, height: 3, format: .gray8, limits: unlimited)
        }
    }
}

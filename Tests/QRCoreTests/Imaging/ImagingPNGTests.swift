// These tests read PNG through libpng: they need the PNG package trait.
#if PNG
    import Foundation
    import QRCoreTestSupport
    import Testing
    @testable import QRCore

    /// PNG input through libpng: every colour type, bit depth and interlacing.
    struct ImagingPNGTests {
        @Test func fixturesCoverEveryColourTypeAndDepth() {
            let kinds = Set(ImageFixture.png.map { "\($0.colorType!)/\($0.bitDepth!)" })
            let expected: Set = [
                "0/1", "0/2", "0/4", "0/8", "0/16", "2/8", "2/16", "3/1", "3/2", "3/4", "3/8",
                "4/8", "4/16", "6/8", "6/16",
            ]
            #expect(kinds == expected)
            #expect(ImageFixture.png.contains { $0.interlaced! })
        }

        @Test(arguments: ImageFixture.png)
        func decodesToTheExpectedLuminance(_ fixture: ImageFixture) throws {
            let image = try GrayImage(pngData: fixture.bytes)
            #expect(image.width == fixture.width && image.height == fixture.height)
            let wrong = zip(image.pixels, fixture.luma).filter { $0 != $1 }.count
            #expect(wrong == 0, "\(wrong) pixels differ")
        }

        @Test(arguments: ImageFixture.png)
        func decodesToTheExpectedRGBA(_ fixture: ImageFixture) throws {
            let image = try RGBAImage(pngData: fixture.bytes)
            #expect(image.width == fixture.width && image.height == fixture.height)
            #expect(image.pixels == fixture.rgba)
        }

        @Test(arguments: ImageFixture.png)
        func reportsTheStoredFormat(_ fixture: ImageFixture) throws {
            let info = try PNGDecoder.decode(fixture.bytes, limits: .default, channels: 1).info
            #expect(info.colorType.rawValue == fixture.colorType)
            #expect(info.bitDepth == fixture.bitDepth)
            #expect(info.interlaced == fixture.interlaced)
        }

        @Test func greyImagesRoundTripThroughPNG() throws {
            var generator = SeededRandom(seed: 7)
            let pixels = (0..<37 * 23).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let image = GrayImage(width: 37, height: 23, pixels: pixels)
            let png = image.pngData()
            let info = try PNGDecoder.decode(png, limits: .default, channels: 1).info
            #expect(info.colorType == .gray && info.bitDepth == 8)
            #expect(try GrayImage(pngData: png) == image)
        }

        /// The header alone is refused: the bytes hold no image data at all, so
        /// any attempt to allocate and decode 10¹⁰ pixels would fail differently.
        @Test func hugeHeaderIsRefusedFromTheHeader() {
            let png = PNGBytes.claiming(width: 100_000, height: 100_000)
            #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: .default)) {
                try GrayImage(pngData: png)
            }
        }

        @Test func limitsApplyToSidesAndPixelCount() throws {
            let fixture = try #require(ImageFixture.png.first { $0.name == "rgb8.png" })
            let narrow = ImageLimits(maxPixels: 1_000_000, maxDimension: 12)
            #expect(throws: ImageError.tooLarge(width: 13, height: 9, limit: narrow)) {
                try GrayImage(pngData: fixture.bytes, limits: narrow)
            }
            let small = ImageLimits(maxPixels: 116, maxDimension: 100)
            #expect(throws: ImageError.tooLarge(width: 13, height: 9, limit: small)) {
                try GrayImage(pngData: fixture.bytes, limits: small)
            }
            let exact = ImageLimits(maxPixels: 117, maxDimension: 13)
            #expect(try GrayImage(pngData: fixture.bytes, limits: exact).pixels == fixture.luma)
        }

        @Test func zeroSizedHeaderIsCorrupt() {
            #expect(throws: ImageError.self) { try GrayImage(pngData: PNGBytes.claiming(width: 0, height: 5)) }
        }

        @Test func errorsSayWhatWentWrong() {
            let error = #expect(throws: ImageError.self) { try GrayImage(pngData: Array("not a png at all".utf8)) }
            #expect(error?.description.contains("signature") == true)
        }
    }
#endif

// These tests read JPEG through libjpeg-turbo: they need the JPEG package trait.
#if JPEG
    import Foundation
    import QRCoreTestSupport
    import Testing
    @testable import QRCore

    /// JPEG through the libjpeg-turbo shim: every kind read to the luminance
    /// other decoders give, and every damaged or unsupported file refused with a
    /// typed error.
    struct ImagingJPEGTests {
        @Test(arguments: ImageFixture.jpeg)
        func decodesEachKindToTheLuminanceOtherDecodersGive(_ fixture: ImageFixture) throws {
            let decoded = try JPEGDecoder.decode(fixture.bytes, limits: .default)
            #expect(decoded.info.width == fixture.width && decoded.info.height == fixture.height)
            #expect("\(decoded.info.colorSpace)" == fixture.colorSpace)
            #expect(decoded.info.isProgressive == fixture.progressive)
            #expect(decoded.info.hasAdobeMarker == fixture.adobe)
            #expect(decoded.pixels == fixture.luma)
            #expect(try GrayImage(jpegData: fixture.bytes).pixels == fixture.luma)
        }

        /// The fixtures are what their names say, so the test above covers every path.
        @Test func fixturesCoverEveryKind() throws {
            let fixtures = ImageFixture.jpeg
            #expect(Set(fixtures.compactMap(\.colorSpace)) == ["gray", "yCbCr", "rgb", "cmyk", "ycck"])
            #expect(fixtures.contains { $0.progressive == true && $0.colorSpace == "yCbCr" })
            #expect(fixtures.contains { $0.progressive == true && $0.colorSpace == "cmyk" })
            #expect(fixtures.contains { $0.colorSpace == "cmyk" && $0.adobe == false })
            #expect(ImageFixture.named("jpeg-ycbcr-restart.jpg").restartMarkers ?? 0 >= 5)
            let arithmetic = try ImageFixture.named("jpeg-ycbcr-arithmetic.jpg").bytes
            #expect(JPEGBytes.segments(arithmetic).contains { $0.marker == 0xC9 })  // SOF9: arithmetic coding
        }

        @Test func aColourPhotoOfACodeReadsBack() throws {
            let image = try GrayImage(contentsOfFile: Fixtures.url("images/qr-photo.jpg").path)
            let text = try String(contentsOf: Fixtures.url("images/qr-photo.txt"), encoding: .utf8)
            #expect(image.width == 800 && image.height == 600)
            #expect(QRReader().read(image).map(\.text) == [text])
        }

        // MARK: - Damaged files

        @Test(arguments: [
            "jpeg-ycbcr-420.jpg", "jpeg-ycbcr-422-progressive.jpg", "jpeg-ycbcr-restart.jpg",
            "jpeg-ycbcr-arithmetic.jpg", "jpeg-cmyk-progressive.jpg",
        ])
        func truncatedFilesAreErrorsNotGreyPadding(_ name: String) throws {
            let bytes = try ImageFixture.named(name).bytes
            // Every prefix that loses more than the end-of-image marker fails.
            for length in 0..<bytes.count - 2 {
                #expect(throws: ImageError.self, "\(length) of \(bytes.count) bytes") {
                    try GrayImage(jpegData: Array(bytes[..<length]))
                }
            }
            let scan = try #require(JPEGBytes.segments(bytes).last { $0.marker == nil })
            #expect(throws: ImageError.corrupt("JPEG: truncated: the data ends before the image is complete")) {
                try GrayImage(jpegData: Array(bytes[..<(scan.range.lowerBound + scan.range.count / 2)]))
            }
        }

        @Test func invalidHuffmanCodesAreCorrupt() throws {
            var bytes = try ImageFixture.named("jpeg-ycbcr-420.jpg").bytes
            let scan = try #require(JPEGBytes.segments(bytes).first { $0.marker == nil })
            // 32 one bits (FF is stuffed as FF 00): longer than any Huffman code,
            // since no code may be all ones (T.81 §C).
            let middle = scan.range.lowerBound + scan.range.count / 3
            bytes.replaceSubrange(middle..<middle + 8, with: [0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00])
            #expect(throws: ImageError.corrupt("JPEG: Corrupt JPEG data: bad Huffman code")) {
                try GrayImage(jpegData: bytes)
            }
        }

        @Test func aMissingRestartMarkerIsCorrupt() throws {
            var bytes = try ImageFixture.named("jpeg-ycbcr-restart.jpg").bytes
            let restart = try #require(JPEGBytes.segments(bytes).first { $0.marker == 0xD0 })
            bytes.removeSubrange(restart.range)
            let error = #expect(throws: ImageError.self) { try GrayImage(jpegData: bytes) }
            #expect(error?.description.contains("instead of RST0") == true, "\(String(describing: error))")
        }

        @Test func randomByteFlipsNeverCrash() throws {
            let sources = try [
                "jpeg-ycbcr-420.jpg", "jpeg-ycbcr-422-progressive.jpg", "jpeg-cmyk-adobe.jpg",
                "jpeg-ycbcr-arithmetic.jpg",
            ].map { try ImageFixture.named($0).bytes }
            var generator = SeededRandom(seed: 2025)
            var failures = 0
            for round in 0..<800 {
                var bytes = sources[round % sources.count]
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 2..<bytes.count, using: &generator)] ^= UInt8.random(
                        in: 1...255, using: &generator)
                }
                do {
                    let image = try GrayImage(
                        jpegData: bytes, limits: ImageLimits(maxPixels: 1 << 20, maxDimension: 4096))
                    #expect(image.pixels.count == image.width * image.height)
                } catch {
                    failures += 1
                }
            }
            #expect(failures > 0)
        }

        // MARK: - Limits

        @Test(arguments: [(UInt16(60000), UInt16(60000)), (65535, 65535), (20000, 7000)])
        func hugeClaimedSizesAreRefusedFromTheHeader(width: UInt16, height: UInt16) throws {
            let claim = JPEGBytes.claiming(
                width: width, height: height, in: try ImageFixture.named("jpeg-gray.jpg").bytes)
            #expect(throws: ImageError.tooLarge(width: Int(width), height: Int(height), limit: .default)) {
                try GrayImage(jpegData: claim)
            }
        }

        @Test func theCallersLimitsApply() throws {
            let fixture = ImageFixture.named("jpeg-ycbcr-420.jpg")
            let bytes = try fixture.bytes
            let narrow = ImageLimits(maxPixels: 10_000, maxDimension: 36)
            let small = ImageLimits(maxPixels: 37 * 29 - 1, maxDimension: 100)
            #expect(throws: ImageError.tooLarge(width: 37, height: 29, limit: narrow)) {
                try GrayImage(jpegData: bytes, limits: narrow)
            }
            #expect(throws: ImageError.tooLarge(width: 37, height: 29, limit: small)) {
                try GrayImage(jpegData: bytes, limits: small)
            }
            let exact = ImageLimits(maxPixels: 37 * 29, maxDimension: 37)
            #expect(try GrayImage(jpegData: bytes, limits: exact).pixels == fixture.luma)
        }

        @Test func libjpegsOwnSizeCapIsUnsupportedNotCorrupt() throws {
            let claim = JPEGBytes.claiming(width: 65535, height: 1, in: try ImageFixture.named("jpeg-gray.jpg").bytes)
            #expect(throws: ImageError.unsupportedFormat("JPEG: Maximum supported image dimension is 65500 pixels")) {
                try GrayImage(jpegData: claim)
            }
        }

        // MARK: - Unsupported kinds

        @Test func twelveBitSamplesAreUnsupported() {
            #expect(throws: ImageError.unsupportedFormat("JPEG: 12-bit samples are not supported (only 8-bit)")) {
                try GrayImage(jpegData: JPEGBytes.header(frame: 0xC1, precision: 12))
            }
        }

        @Test func hierarchicalAndLosslessProcessesAreUnsupported() {
            #expect(throws: ImageError.unsupportedFormat("JPEG: the hierarchical process (SOF5) is not supported")) {
                try GrayImage(jpegData: JPEGBytes.header(frame: 0xC5))
            }
            // libjpeg-turbo 3 reads lossless JPEG, but not at 16 bits through the 8-bit API.
            let error = #expect(throws: ImageError.self) {
                try GrayImage(jpegData: JPEGBytes.header(frame: 0xC3, precision: 16))
            }
            guard case let .unsupportedFormat(reason) = error else {
                Issue.record("expected unsupportedFormat, got \(String(describing: error))")
                return
            }
            #expect(reason.hasPrefix("JPEG: "))
        }

        @Test func unknownColourSpacesAreUnsupported() {
            #expect(
                throws: ImageError.unsupportedFormat("JPEG: 2 components in an unknown colour space are not supported")
            ) {
                try GrayImage(jpegData: JPEGBytes.header(components: 2))
            }
        }

        @Test func absurdScanCountsAreRefused() throws {
            let bytes = try ImageFixture.named("jpeg-gray-progressive.jpg").bytes
            #expect(throws: ImageError.unsupportedFormat("JPEG: more than 500 scans are not supported")) {
                try GrayImage(jpegData: JPEGBytes.repeatingFirstScan(bytes, count: 600))
            }
        }

        @Test func emptyDataIsCorrupt() {
            #expect(throws: ImageError.corrupt("empty JPEG data")) { try GrayImage(jpegData: []) }
            let error = #expect(throws: ImageError.self) { try GrayImage(jpegData: Array("not a jpeg".utf8)) }
            #expect(error?.description.hasPrefix("corrupt image: JPEG: Not a JPEG file") == true)
        }
    }
#endif

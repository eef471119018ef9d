// These tests read PNG through libpng: they need the PNG package trait.
#if PNG
    import Foundation
    import QRCoreTestSupport
    import Testing
    @testable import QRCore

    /// No input bytes may crash a decoder: every failure is an ``ImageError``.
    struct ImagingCorruptInputTests {
        static let smallPNG: [UInt8] = {
            try! ImageFixture.png.first { $0.name == "rgba8-adam7.png" }!.bytes
        }()

        /// Decodes `bytes` both ways; a success must at least be well-formed.
        static func decodeIfPossible(_ bytes: [UInt8]) -> GrayImage? {
            let image = try? GrayImage(imageData: bytes)
            if let image { #expect(image.pixels.count == image.width * image.height) }
            _ = try? RGBAImage(pngData: bytes)
            return image
        }

        @Test func truncatedAtEveryLength() throws {
            let full = try GrayImage(pngData: Self.smallPNG)
            var failures = 0
            for length in 0..<Self.smallPNG.count {
                let prefix = Array(Self.smallPNG[..<length])
                do {
                    let image = try GrayImage(pngData: prefix)
                    #expect(image == full, "a \(length)-byte prefix decoded to a different image")
                } catch {
                    failures += 1
                }
            }
            // Only prefixes that keep all of the image data (missing just IEND) may decode.
            #expect(failures >= Self.smallPNG.count - 12)
        }

        @Test func randomByteFlipsNeverCrash() {
            var generator = SeededRandom(seed: 2024)
            var decoded = 0
            for round in 0..<600 {
                var bytes = Self.smallPNG
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 8..<bytes.count, using: &generator)
                    bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
                }
                // Half the time repair the CRCs, so the damage reaches zlib, the filters and the IHDR checks.
                if round % 2 == 0 { bytes = PNGBytes.fixingCRCs(bytes) }
                if Self.decodeIfPossible(bytes) != nil { decoded += 1 }
            }
            #expect(decoded < 600)
        }

        @Test func zeroLengthAndGarbageAreErrors() {
            #expect(throws: ImageError.corrupt("empty PNG data")) { try GrayImage(pngData: []) }
            #expect(throws: ImageError.unsupportedFormat("empty input")) { try GrayImage(imageData: []) }
            #expect(throws: ImageError.self) { try GrayImage(pnmData: []) }
            var generator = SeededRandom(seed: 99)
            for length in [1, 7, 8, 9, 33, 100, 4096] {
                let garbage = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                #expect(throws: ImageError.self) { try GrayImage(pngData: garbage) }
                #expect(throws: ImageError.self) { try GrayImage(pngData: ImageFormat.pngSignature + garbage) }
                #expect(throws: ImageError.self) { try GrayImage(pnmData: Array("P5\n".utf8) + garbage) }
            }
        }

        @Test(arguments: [
            (UInt32(100_000), UInt32(100_000)), (1, 200_000_000), (0x7FFF_FFFF, 0x7FFF_FFFF), (70_000, 1),
        ])
        func hugeClaimedSizesAreTooLarge(width: UInt32, height: UInt32) {
            #expect(throws: ImageError.tooLarge(width: Int(width), height: Int(height), limit: .default)) {
                try GrayImage(pngData: PNGBytes.claiming(width: width, height: height))
            }
        }

        @Test func invalidIHDRFieldsAreCorrupt() {
            for (bitDepth, colorType): (UInt8, UInt8) in [(3, 0), (8, 5), (1, 2), (16, 3)] {
                #expect(throws: ImageError.self, "bit depth \(bitDepth), colour type \(colorType)") {
                    try GrayImage(
                        pngData: PNGBytes.claiming(width: 4, height: 4, bitDepth: bitDepth, colorType: colorType))
                }
            }
            // Valid header, but the IDAT holds far fewer rows than claimed.
            #expect(throws: ImageError.self) { try GrayImage(pngData: PNGBytes.claiming(width: 300, height: 300)) }
        }

        @Test func randomPNMBytesNeverCrash() {
            var generator = SeededRandom(seed: 5)
            let alphabet = Array("P2356 \n\t#0123456789".utf8)
            for _ in 0..<2000 {
                let length = Int.random(in: 0...40, using: &generator)
                var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                if Bool.random(using: &generator) { bytes = Array("P5".utf8) + bytes }
                _ = Self.decodeIfPossible(bytes)
            }
        }

        @Test func hugePNMHeadersAreTooLargeBeforeReadingTheRaster() {
            #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: .default)) {
                try GrayImage(pnmData: Array("P5 100000 100000 255\n".utf8))
            }
            #expect(throws: ImageError.corrupt("PNM width is not a number at byte 3")) {
                try GrayImage(pnmData: Array("P5 99999999999999999999 1 255\n".utf8))
            }
        }
    }
#endif

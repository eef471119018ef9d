import Foundation
import Testing

@testable import QRCore

/// Reading images from files and from bytes of unknown format.
struct ImagingFileTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qrcore-\(UUID())-\(name)").path
    }

    @Test(arguments: ImageFixture.all)
    func readsEveryFixtureFromItsFile(_ fixture: ImageFixture) throws {
        let isPNG = fixture.name.hasSuffix(".png"), isJPEG = fixture.name.hasSuffix(".jpg")
        guard (!isPNG || BuildTraits.readsPNG) && (!isJPEG || BuildTraits.readsJPEG) else {
            let format = isPNG ? "PNG" : "JPEG"
            #expect(throws: ImageError.formatNotBuiltIn(format)) { try GrayImage(contentsOfFile: fixture.path) }
            return
        }
        let image = try GrayImage(contentsOfFile: fixture.path)
        #expect(image.width == fixture.width && image.height == fixture.height)
        #expect(image.pixels == fixture.luma)
        #expect(try GrayImage(imageData: fixture.bytes) == image)
    }

    @Test func missingFilesReportTheSystemReason() {
        let path = Self.temporaryPath("missing.png")
        let error = #expect(throws: ImageError.self) { try GrayImage(contentsOfFile: path) }
        #expect(error == .io(path: path, reason: "cannot open: No such file or directory"))
    }

    @Test func directoriesAreRefused() {
        let path = FileManager.default.temporaryDirectory.path
        #expect(throws: ImageError.io(path: path, reason: "is a directory")) { try GrayImage(contentsOfFile: path) }
    }

    @Test func unsupportedFormatsAreNamed() {
        let use = "; use PNG, JPEG, PGM or PPM"
        let cases: [([UInt8], String)] = [
            (Array("GIF89a".utf8), "GIF is not supported" + use),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "WebP is not supported" + use),
            ([0, 0, 0, 0x18] + Array("ftypheic\u{0}\u{0}\u{0}\u{0}".utf8), "HEIC is not supported" + use),
            ([0, 0, 0, 0x1C] + Array("ftypavif\u{0}\u{0}\u{0}\u{0}".utf8), "AVIF is not supported" + use),
            ([0, 0, 0, 0x1C] + Array("ftypmif1\u{0}\u{0}\u{0}\u{0}".utf8), "HEIF is not supported" + use),
            (Array("BM6\u{0}\u{0}\u{0}".utf8), "BMP is not supported" + use),
            ([0x49, 0x49, 0x2A, 0x00, 8, 0], "TIFF is not supported" + use),
            ([0x4D, 0x4D, 0x00, 0x2A, 0, 8], "TIFF is not supported" + use),
            ([0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A], "JPEG 2000 is not supported" + use),
            ([0xFF, 0x0A, 0xFA], "JPEG XL is not supported" + use),
            (Array("%PDF-1.7".utf8), "PDF is not supported" + use),
            ([0x01, 0x02, 0xAB], "unrecognised data starting with bytes 01 02 ab" + use),
            ([], "empty input"),
        ]
        for (bytes, description) in cases {
            #expect(throws: ImageError.unsupportedFormat(description)) { try GrayImage(imageData: bytes) }
        }
    }

    @Test(.enabled(if: BuildTraits.readsJPEG))
    func jpegIsRecognisedByItsSignatureNotItsName() throws {
        let fixture = ImageFixture.named("jpeg-ycbcr-420.jpg")
        let path = Self.temporaryPath("photo.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileIO.writeFile(atPath: path, bytes: fixture.bytes)
        #expect(try GrayImage(contentsOfFile: path).pixels == fixture.luma)
        // A damaged JPEG is reported as a JPEG, never as "not a PNG".
        let error = #expect(throws: ImageError.self) { try GrayImage(imageData: Array(try fixture.bytes.prefix(300))) }
        #expect(error?.description.hasPrefix("corrupt image: JPEG: ") == true)
    }

    @Test func emptyFilesAreUnsupported() throws {
        let path = Self.temporaryPath("empty.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileIO.writeFile(atPath: path, bytes: [])
        #expect(throws: ImageError.unsupportedFormat("empty input")) { try GrayImage(contentsOfFile: path) }
    }

    @Test func fileIORoundTripsAndReplacesWhole() throws {
        let path = Self.temporaryPath("data.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try FileIO.writeFile(atPath: path, bytes: long)
        #expect(try FileIO.readFile(atPath: path) == long)
        try FileIO.writeFile(atPath: path, bytes: [1, 2, 3])
        #expect(try FileIO.readFile(atPath: path) == [1, 2, 3])
    }

    @Test func fileIORefusesFilesOverTheLimit() throws {
        let path = Self.temporaryPath("big.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileIO.writeFile(atPath: path, bytes: [UInt8](repeating: 0, count: 100))
        #expect(throws: FileIO.Failure.self) { try FileIO.readFile(atPath: path, maxBytes: 99) }
        #expect(try FileIO.readFile(atPath: path, maxBytes: 100).count == 100)
    }

    @Test(.enabled(if: BuildTraits.readsPNG))
    func savedImagesReadBack() throws {
        let path = Self.temporaryPath("grey.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let image = GrayImage(width: 3, height: 2, pixels: [0, 50, 100, 150, 200, 250])
        try FileIO.writeFile(atPath: path, bytes: image.pngData())
        #expect(try GrayImage(contentsOfFile: path) == image)
    }
}

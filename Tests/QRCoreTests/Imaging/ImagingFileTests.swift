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
        let cases: [([UInt8], String)] = [
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "JPEG is not supported; use PNG, PGM or PPM"),
            (Array("GIF89a".utf8), "GIF is not supported; use PNG, PGM or PPM"),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "WebP is not supported; use PNG, PGM or PPM"),
            ([0x01, 0x02, 0xAB], "unrecognised data starting with bytes 01 02 ab; use PNG, PGM or PPM"),
            ([], "empty input"),
        ]
        for (bytes, description) in cases {
            #expect(throws: ImageError.unsupportedFormat(description)) { try GrayImage(imageData: bytes) }
        }
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

    @Test func savedImagesReadBack() throws {
        let path = Self.temporaryPath("grey.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let image = GrayImage(width: 3, height: 2, pixels: [0, 50, 100, 150, 200, 250])
        try FileIO.writeFile(atPath: path, bytes: image.pngData())
        #expect(try GrayImage(contentsOfFile: path) == image)
    }
}

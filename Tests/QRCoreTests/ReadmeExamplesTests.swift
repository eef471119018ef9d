import Foundation
import Testing
@testable import QRCore

/// The library examples of README.md, kept compiling and true.
struct ReadmeExamplesTests {
    @Test func encodingExamples() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correctionLevel: .medium)
        #expect(code.size == code.version.size && code.correctionLevel >= .medium)
        #expect(code[0, 0])

        var options = EncodingOptions(correctionLevel: .high)
        options.versions = try QRVersion.range(5, 10)
        options.mask = try QRMask(number: 3)
        options.boostsCorrection = false
        options.declaresUTF8 = true
        let fixed = try QRCode(text: "Grüße", options: options)
        #expect(fixed.version.number == 5 && fixed.mask.number == 3 && fixed.correctionLevel == .high)

        let segments = [try QRSegment.alphanumeric("INVOICE "), try QRSegment.numeric("0012345678")]
        let mixed = try QRCode(segments: segments, options: EncodingOptions())
        #expect(try QRDecoder.decode(mixed.modules).text == "INVOICE 0012345678")
    }

    @Test(.enabled(if: BuildTraits.readsPNG))
    func renderingAndDecodingExamples() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correctionLevel: .medium)
        let png = try code.pngData(options: RenderOptions(scale: 10, border: 4))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try code.writePNG(toFile: path, options: RenderOptions(
            foreground: try RGBAColor(parsing: "#1a237e"), background: .transparent))
        #expect(code.svg(options: RenderOptions()).contains("<path"))
        #expect(code.text(.txt, border: 0).split(separator: "\n").count == code.size)

        let image = try GrayImage(contentsOfFile: path)
        #expect(QRReader().read(image).map(\.text) == ["https://example.com/ticket/8F3A"])
        #expect(QRReader().read(try GrayImage(pngData: png)).first?.text == "https://example.com/ticket/8F3A")
        #expect(try QRDecoder.decode(code.modules).text == "https://example.com/ticket/8F3A")
        let photo = try GrayImage(contentsOfFile: Fixtures.url("images/qr-photo.jpg").path)
        #expect(QRReader().read(photo).count == 1)
    }

    @Test(.enabled(if: BuildTraits.readsPNG))
    func parallelCodecExample() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2, queueCapacity: 256))
        let id = try await codec.submit(.encode(EncodeRequest(text: "https://example.com", format: .png(RenderOptions()))))
        #expect(await codec.status(id) != .unknown)
        guard case let .png(bytes) = try await codec.result(id) else {
            Issue.record("an encode job to PNG gave something else")
            return
        }
        #expect(QRReader().read(try GrayImage(pngData: bytes)).map(\.text) == ["https://example.com"])

        let photo = Fixtures.url("images/qr-photo.jpg").path
        let codes = try await codec.decode(DecodeRequest(file: photo))
        #expect(!codes.isEmpty)
        let photoBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: photo)))
        #expect(try await codec.decode(DecodeRequest(imageData: photoBytes)) == codes)
        let paths = [photo, "/nonexistent.png"]
        let results = await codec.decodeAll(paths.map { DecodeRequest(file: $0) }, whenFull: .reject)
        #expect(results.count == 2)
        #expect((try? results[0].get())?.isEmpty == false)
        #expect((try? results[1].get()) == nil)

        #expect(await codec.metrics().completed >= 2)
        await codec.shutdown(.graceful)
    }
}

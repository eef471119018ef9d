import Foundation
import Testing
@testable import QRCore

/// The library examples of README.md, kept compiling and true.
struct ReadmeExamplesTests {
    @Test func encodingExamples() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correction: .medium)
        #expect(code.size == code.version.size && code.correction >= .medium)
        #expect(code[0, 0])

        var options = EncodingOptions(correction: .high)
        options.versions = try QRVersion.range(5, 10)
        options.mask = try QRMask(number: 3)
        options.boostsCorrection = false
        options.declaresUTF8 = true
        let fixed = try QRCode(text: "Grüße", mode: .automatic, options: options)
        #expect(fixed.version.number == 5 && fixed.mask.number == 3 && fixed.correction == .high)

        let segments = [try QRSegment.alphanumeric("INVOICE "), try QRSegment.numeric("0012345678")]
        let mixed = try QRCode(segments: segments, options: EncodingOptions())
        #expect(try QRDecoder.decode(mixed.modules).text == "INVOICE 0012345678")
    }

    @Test func renderingAndDecodingExamples() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correction: .medium)
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
    }
}

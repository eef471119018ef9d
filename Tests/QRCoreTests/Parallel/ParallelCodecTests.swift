import Foundation
import Testing

@testable import QRCore

/// ``ParallelCodec``'s jobs end to end: each kind of input and output, jobs
/// by identifier, and failures that stay with their job.
struct ParallelCodecTests {
    private static let text = "https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42"

    private static func symbolPNG() throws -> [UInt8] {
        try QRCode(text: text, correctionLevel: .high).pngData(options: RenderOptions(scale: 4))
    }

    @Test func encodesToPNGSVGAndMatrix() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        let expected = try QRCode(text: Self.text)
        let png = try await codec.encode(EncodeRequest(text: Self.text, format: .png(RenderOptions())))
        let svg = try await codec.encode(EncodeRequest(text: Self.text, format: .svg(RenderOptions(scale: 3))))
        let matrix = try await codec.encode(
            EncodeRequest(segments: [try QRSegment.alphanumeric("HELLO")], format: .matrix))
        #expect(png == .png(try expected.pngData()))
        #expect(svg == .svg(expected.svg(options: RenderOptions(scale: 3))))
        #expect(matrix == .matrix(try QRCode(segments: [try QRSegment.alphanumeric("HELLO")])))
        await codec.shutdown()
    }

    @Test(.enabled(if: BuildTraits.readsPNG))
    func decodesPNGBytesFilesAndPixelBuffers() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        let png = try Self.symbolPNG()
        let image = try GrayImage(pngData: png)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID()).png").path
        try Data(png).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcomes = await codec.decodeAll([
            DecodeRequest(imageData: png),
            DecodeRequest(file: file),
            DecodeRequest(
                pixels: PixelBuffer(bytes: image.pixels, width: image.width, height: image.height, format: .gray8)),
        ])
        #expect(try outcomes.map { try $0.get().map(\.text) } == Array(repeating: [Self.text], count: 3))
        await codec.shutdown()
    }

    @Test(.enabled(if: BuildTraits.readsJPEG))
    func decodesJPEGBytesAndFiles() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        let photo = Fixtures.url("images/qr-photo.jpg").path
        let text = try String(contentsOf: Fixtures.url("images/qr-photo.txt"), encoding: .utf8)
        let outcomes = await codec.decodeAll([
            DecodeRequest(imageData: [UInt8](try Data(contentsOf: URL(fileURLWithPath: photo)))),
            DecodeRequest(file: photo),
        ])
        #expect(try outcomes.map { try $0.get().map(\.text) } == [[text], [text]])
        await codec.shutdown()
    }

    @Test func submittedJobsAreFollowedByIdentifier() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 1))
        let id = try await codec.submit(.tiny("by id"))
        let first = try await codec.result(id)
        #expect(await codec.status(id) == .succeeded)
        #expect(try await codec.result(id) == first, "a kept result can be read again")
        #expect(
            first
                == .matrix(
                    try QRCode(
                        text: "by id", mode: .byte,
                        options: EncodingOptions(
                            correctionLevel: .low, versions: 1...1, mask: 0, boostsCorrection: false))))
        let failing = try await codec.submit(.failing("abc"))
        await #expect(throws: ParallelCodecError.encoding(.unencodableCharacter("a", index: 0, mode: .numeric))) {
            try await codec.result(failing)
        }
        #expect(await codec.status(failing) == .failed)
        let never = JobID(rawValue: 999)
        #expect(await codec.status(never) == .unknown)
        await #expect(throws: ParallelCodecError.unknownJob(never)) { try await codec.result(never) }
        await codec.shutdown()
    }

    @Test func aFailingJobFailsAloneAndThePoolGoesOn() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        let tooLong = String(repeating: "9", count: 8000)
        let outcomes = await codec.runAll([
            .tiny("good 1"),
            .encode(EncodeRequest(text: tooLong, format: .png(RenderOptions()))),
            .unreadable("not a PNG"),
            .decode(
                DecodeRequest(
                    pixels: PixelBuffer(
                        bytes: Array(repeating: 255, count: 64 * 64), width: 64, height: 64, format: .gray8))),
            .encode(EncodeRequest(text: "x", format: .svg(RenderOptions(scale: 0)))),
            .tiny("good 2"),
        ])
        #expect(outcomes.map(\.isSuccess) == [true, false, false, false, false, true])
        #expect(outcomes[1].failure.map { if case .encoding(.dataTooLong) = $0 { true } else { false } } == true)
        #expect(outcomes[2].failure.map { if case .image = $0 { true } else { false } } == true)
        #expect(outcomes[3].failure == .noCodeFound(width: 64, height: 64))
        #expect(outcomes[4].failure == .rendering(.invalidScale(0)))
        _ = try await codec.encode(EncodeRequest(text: "still serving", format: .png(RenderOptions())))
        let metrics = await codec.metrics()
        #expect(metrics.failed == 4 && metrics.completed == 3)
        await codec.shutdown()
    }
}

import Foundation
import Hummingbird
import QRCore
import Testing

@testable import QRServer

/// `POST /decode`, asynchronous and with `?sync=1`.
struct DecodeTests {
    private let text = "https://example.com/ticket/8F3A"

    private func codePNG(_ text: String, foreground: RGBAColor = .black) throws -> [UInt8] {
        try QRCode(text: text, correctionLevel: .quartile).pngData(
            options: RenderOptions(scale: 5, foreground: foreground))
    }

    /// The fields of `qr decode --json`, one code.
    private func expectCode(_ codes: Any?, text: String) throws {
        let list = try #require(codes as? [[String: Any]])
        #expect(list.count == 1)
        let code = try #require(list.first)
        #expect(code["text"] as? String == text)
        #expect(code["bytes_base64"] as? String == Data(text.utf8).base64EncodedString())
        #expect(code["charset"] as? String == "UTF-8")
        #expect(code["model"] as? Int == 2)
        #expect(code["ecc"] as? String == "Q")
        #expect((code["version"] as? Int).map { (1...40).contains($0) } == true)
        #expect((code["mask"] as? Int).map { (0...7).contains($0) } == true)
        #expect((code["corners"] as? [[Double]])?.count == 4)
        #expect(code["mirrored"] as? Bool == false)
        #expect(code["inverted"] as? Bool == false)
        #expect(code["errors_corrected"] as? Int == 0)
    }

    @Test func decodesAPNGBodyAsATask() async throws {
        let png = try codePNG(text)
        try await TestServer.run { client in
            let response = try await client.post("/decode", bytes: png)
            #expect(response.status == .accepted)
            #expect(response.object["kind"] as? String == "decode")
            let result = try await client.finished(try #require(response.object["task_id"] as? String))
            #expect(result["status"] as? String == "success")
            try expectCode(result["codes"], text: text)
        }
    }

    @Test func decodesAMultipartUpload() async throws {
        let png = try codePNG(text)
        try await TestServer.run { client in
            let form = Multipart.form(file: png, extraFields: [("note", "from a browser")])
            let response = try await client.post("/decode", bytes: form, contentType: Multipart.contentType)
            #expect(response.status == .accepted)
            let result = try await client.finished(try #require(response.object["task_id"] as? String))
            try expectCode(result["codes"], text: text)
        }
    }

    @Test func anUndecodableImageIsAnErrorResult() async throws {
        try await TestServer.run { client in
            let junk = try await client.post("/decode", bytes: Array("not an image at all".utf8))
            #expect(junk.status == .accepted)
            let result = try await client.finished(try #require(junk.object["task_id"] as? String))
            #expect(result["status"] as? String == "error")
            #expect((result["message"] as? String)?.hasPrefix("image unreadable") == true)
        }
    }

    @Test func noCodeFoundIsAnErrorResultNotAServerError() async throws {
        let blank = try codePNG("invisible", foreground: .white)
        try await TestServer.run { client in
            let response = try await client.post("/decode", bytes: blank)
            let result = try await client.finished(try #require(response.object["task_id"] as? String))
            #expect(result["status"] as? String == "error")
            #expect((result["message"] as? String)?.hasPrefix("no QR code found") == true)
        }
    }

    @Test func syncDecodeAnswersTheCodes() async throws {
        let png = try codePNG(text)
        try await TestServer.run { client in
            let response = try await client.post("/decode?sync=1", bytes: png)
            #expect(response.status == .ok)
            try expectCode(response.object["codes"], text: text)
            let form = try await client.post(
                "/decode?sync=true", bytes: Multipart.form(file: png),
                contentType: Multipart.contentType)
            try expectCode(form.object["codes"], text: text)
        }
    }

    @Test func syncDecodeOfNothingReadableIs422() async throws {
        let blank = try codePNG("invisible", foreground: .white)
        try await TestServer.run { client in
            let junk = try await client.post("/decode?sync=1", bytes: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
            #expect(junk.status == .unprocessableContent)
            #expect((junk.object["error"] as? String)?.hasPrefix("image unreadable") == true)
            let empty = try await client.post("/decode?sync=1", bytes: blank)
            #expect(empty.status == .unprocessableContent)
            #expect((empty.object["error"] as? String)?.hasPrefix("no QR code found") == true)
        }
    }

    @Test(arguments: [
        ("/decode", [UInt8](), "image/png", "body"),
        ("/decode", Multipart.form(file: [1, 2], name: "note", filename: nil), Multipart.contentType, "file"),
        ("/decode", Multipart.form(file: []), Multipart.contentType, "file"),
        ("/decode", [1, 2, 3], "multipart/form-data", "body"),
        ("/decode?sync=maybe", [1, 2, 3], "image/png", "sync"),
        ("/decode?wait=1", [1, 2, 3], "image/png", "wait"),
    ])
    func badUploadsAre400NamingTheField(
        _ uri: String, _ body: [UInt8], _ contentType: String, _ field: String
    ) async throws {
        try await TestServer.run { client in
            let response = try await client.post(uri, bytes: body, contentType: contentType)
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == field)
        }
    }

    /// A colour photo saved as a progressive JPEG, as a phone would (Fixtures/images/qr-photo.jpg).
    private static let photo = (
        jpeg: [UInt8](try! Fixtures.data("images/qr-photo.jpg")),
        text: try! String(contentsOf: Fixtures.url("images/qr-photo.txt"), encoding: .utf8)
    )

    @Test func decodesAJPEGBodyAsATaskAndAtOnce() async throws {
        try await TestServer.run { client in
            let response = try await client.post("/decode", bytes: Self.photo.jpeg, contentType: "image/jpeg")
            #expect(response.status == .accepted)
            let result = try await client.finished(try #require(response.object["task_id"] as? String))
            #expect(result["status"] as? String == "success")
            #expect((result["codes"] as? [[String: Any]])?.map { $0["text"] as? String } == [Self.photo.text])
            let sync = try await client.post("/decode?sync=1", bytes: Self.photo.jpeg, contentType: "image/jpeg")
            #expect(sync.status == .ok)
            #expect((sync.object["codes"] as? [[String: Any]])?.map { $0["text"] as? String } == [Self.photo.text])
        }
    }

    @Test func decodesAJPEGUploadedInAForm() async throws {
        try await TestServer.run { client in
            let form = Multipart.form(file: Self.photo.jpeg, filename: "IMG_0042.jpg")
            let response = try await client.post("/decode", bytes: form, contentType: Multipart.contentType)
            #expect(response.status == .accepted)
            let result = try await client.finished(try #require(response.object["task_id"] as? String))
            #expect((result["codes"] as? [[String: Any]])?.map { $0["text"] as? String } == [Self.photo.text])
            let sync = try await client.post("/decode?sync=1", bytes: form, contentType: Multipart.contentType)
            #expect((sync.object["codes"] as? [[String: Any]])?.map { $0["text"] as? String } == [Self.photo.text])
        }
    }

    @Test(arguments: [
        (Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), "GIF"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "WebP"),
        ([0, 0, 0, 0x18] + Array("ftypheic\u{0}\u{0}\u{0}\u{0}".utf8), "HEIC"),
    ])
    func unsupportedFormatsAreNamedNeverCalledNotAPNG(_ body: [UInt8], _ format: String) async throws {
        let expected =
            "image unreadable: unsupported image format: \(format) is not supported; use PNG, JPEG, PGM or PPM"
        try await TestServer.run { client in
            let sync = try await client.post("/decode?sync=1", bytes: body, contentType: "image/png")
            #expect(sync.status == .unprocessableContent)
            #expect(sync.object["error"] as? String == expected)
            let task = try await client.post(
                "/decode", bytes: Multipart.form(file: body), contentType: Multipart.contentType)
            #expect(task.status == .accepted)
            let result = try await client.finished(try #require(task.object["task_id"] as? String))
            #expect(result["status"] as? String == "error")
            #expect(result["message"] as? String == expected)
        }
    }

    @Test func aTruncatedJPEGIsReportedAsAJPEG() async throws {
        try await TestServer.run { client in
            let response = try await client.post("/decode?sync=1", bytes: Array(Self.photo.jpeg.prefix(20_000)))
            #expect(response.status == .unprocessableContent)
            #expect(
                response.object["error"] as? String
                    == "image unreadable: corrupt image: JPEG: truncated: the data ends before the image is complete")
        }
    }

    @Test func imagesBeyondTheLimitsAreRefusedFromTheirHeader() async throws {
        // A 4,350-pixel-wide PNG of a few kilobytes: the worker refuses it from its header.
        var options = TestServer.options(maxBody: 1 << 20)
        options.imageLimits = ImageLimits(maxPixels: 1_000_000, maxDimension: 4096)
        let png = try QRCode(text: "big").pngData(options: RenderOptions(scale: 150))
        try await TestServer.run(options) { client in
            let response = try await client.post("/decode?sync=1", bytes: png)
            #expect(response.status == .unprocessableContent)
            #expect((response.object["error"] as? String)?.contains("exceeds the limit of 1000000 pixels") == true)
        }
    }
}

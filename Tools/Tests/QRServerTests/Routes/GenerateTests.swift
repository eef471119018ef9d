import Foundation
import Hummingbird
import QRCore
import Testing

@testable import QRServer

/// `POST /generate`, `GET /result/{id}`, `GET /result/{id}/image` and `GET /qr`.
struct GenerateTests {
    private func decodedText(_ png: [UInt8]) throws -> String? {
        QRReader().read(try GrayImage(pngData: png)).first?.text
    }

    @Test func generateAnswersATaskAtOnceAndTheImageLater() async throws {
        try await TestServer.run { client in
            let response = try await client.post("/generate", json: #"{"text": "Grüße, QR!", "ecc": "H", "scale": 6}"#)
            #expect(response.status == .accepted)
            let id = try #require(response.object["task_id"] as? String)
            #expect(id.count == 32 && TaskID(id) != nil)
            #expect(response.headers[.location] == "/result/\(id)")
            let result = try await client.finished(id)
            #expect(result["status"] as? String == "success")
            #expect(result["kind"] as? String == "generate")
            #expect(result["format"] as? String == "png")
            let imagePath = try #require(result["image"] as? String)
            #expect(imagePath == "/result/\(id)/image")
            let image = try await client.get(imagePath)
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.bytes.count == result["bytes"] as? Int)
            #expect(try decodedText(image.bytes) == "Grüße, QR!")
            let download = try await client.get(imagePath + "?download=1")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        }
    }

    @Test func generateHonoursEveryField() async throws {
        try await TestServer.run { client in
            let id = try await client.submit(
                "/generate",
                json: """
                    {"text": "12345", "ecc": "q", "version": 3, "mask": 5, "scale": 2, "border": 1,
                     "format": "png", "fg": "#1a237e", "bg": "transparent"}
                    """)
            _ = try await client.finished(id)
            let png = try await client.get("/result/\(id)/image")
            let code = try #require(QRReader().read(try GrayImage(pngData: png.bytes)).first)
            #expect(code.text == "12345")
            #expect(code.version.number == 3)
            #expect(code.mask.number == 5)
            #expect(code.correctionLevel >= .quartile)
            #expect(try GrayImage(pngData: png.bytes).width == (29 + 2) * 2)
        }
    }

    /// The server's Micro QR is the library's, drawn with a 2-module quiet zone.
    @Test func generateAndQuickCodeMakeMicroQR() async throws {
        try await TestServer.run { client in
            let id = try await client.submit(
                "/generate", json: #"{"text": "12345", "symbol": "micro", "ecc": "L", "scale": 2}"#)
            _ = try await client.finished(id)
            let png = try await client.get("/result/\(id)/image")
            let m1 = try QRCode(text: "12345", options: EncodingOptions(symbol: .micro, correctionLevel: .low))
            #expect(m1.version.description == "M1")
            #expect(png.bytes == (try m1.pngData(options: RenderOptions(scale: 2, border: 2))))
            #expect(try GrayImage(pngData: png.bytes).width == (11 + 4) * 2)

            let quick = try await client.get("/qr?text=HELLO&symbol=micro&version=2&mask=1&ecc=l&scale=3")
            let m2 = try QRVersion.micro(2)
            let expected = try QRCode(
                text: "HELLO",
                options: EncodingOptions(correctionLevel: .low, versions: m2...m2, mask: try QRMask.micro(1)))
            #expect(quick.status == .ok)
            #expect(quick.bytes == (try expected.pngData(options: RenderOptions(scale: 3, border: 2))))
        }
    }

    /// rMQR through both routes: the library's symbol, its size numbered as
    /// the standard lists them, a 2-module quiet zone, rectangular images.
    @Test func generateAndQuickCodeMakeRMQR() async throws {
        try await TestServer.run { client in
            let id = try await client.submit(
                "/generate", json: #"{"text": "LOT 4711", "symbol": "rmqr", "ecc": "H", "scale": 2}"#)
            _ = try await client.finished(id)
            let png = try await client.get("/result/\(id)/image")
            let code = try QRCode(text: "LOT 4711", options: EncodingOptions(symbol: .rmqr, correctionLevel: .high))
            #expect(png.bytes == (try code.pngData(options: RenderOptions(scale: 2, border: 2))))
            let image = try GrayImage(pngData: png.bytes)
            #expect(image.width == (code.width + 4) * 2 && image.height == (code.height + 4) * 2)

            let quick = try await client.get("/qr?text=12345&symbol=rmqr&version=11&scale=3")
            let r11x27 = try QRVersion.rmqr(height: 11, width: 27)
            let expected = try QRCode(text: "12345", options: EncodingOptions(versions: r11x27...r11x27))
            #expect(quick.status == .ok)
            #expect(quick.bytes == (try expected.pngData(options: RenderOptions(scale: 3, border: 2))))
        }
    }

    @Test func generateMakesSVG() async throws {
        try await TestServer.run { client in
            let id = try await client.submit("/generate", json: #"{"text": "vector", "format": "SVG"}"#)
            let result = try await client.finished(id)
            #expect(result["format"] as? String == "svg")
            #expect(result["content_type"] as? String == "image/svg+xml")
            let image = try await client.get("/result/\(id)/image")
            #expect(image.headers[.contentType] == "image/svg+xml")
            #expect(image.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(image.text.contains("<svg") && image.text.contains("<path"))
        }
    }

    /// Every bad field is a 400 that names it.
    @Test(arguments: [
        (#"{"ecc": "M"}"#, "text"), (#"{"text": 42}"#, "text"), (#"{"text": "x", "ecc": "X"}"#, "ecc"),
        (#"{"text": "x", "version": 0}"#, "version"), (#"{"text": "x", "version": 41}"#, "version"),
        (#"{"text": "x", "version": "7"}"#, "version"), (#"{"text": "x", "mask": 8}"#, "mask"),
        (#"{"text": "x", "scale": 0}"#, "scale"), (#"{"text": "x", "scale": 33}"#, "scale"),
        (#"{"text": "x", "border": -1}"#, "border"), (#"{"text": "x", "border": 17}"#, "border"),
        (#"{"text": "x", "format": "gif"}"#, "format"), (#"{"text": "x", "fg": "nocolour"}"#, "fg"),
        (##"{"text": "x", "bg": "#12345"}"##, "bg"), (#"{"text": "x", "size": 3}"#, "size"),
        (#"{"text": "x", "scale": 1e400}"#, "scale"), ("{\"text\": ", "body"), ("[]", "body"), ("", "body"),
        (#"{"text": "x", "symbol": "rmqr", "ecc": "L"}"#, "ecc"), (#"{"text": "x", "symbol": "nano"}"#, "symbol"),
        (#"{"text": "x", "symbol": "rmqr", "version": 33}"#, "version"),
        (#"{"text": "x", "symbol": "rmqr", "mask": 1}"#, "mask"),
        (#"{"text": "x", "symbol": "micro", "ecc": "H"}"#, "ecc"),
        (#"{"text": "x", "symbol": "micro", "version": 1, "ecc": "M"}"#, "ecc"),
        (#"{"text": "x", "symbol": "micro", "version": 5}"#, "version"),
        (#"{"text": "x", "symbol": "micro", "mask": 4}"#, "mask"),
    ])
    func badFieldsAre400NamingTheField(_ body: String, _ field: String) async throws {
        try await TestServer.run { client in
            let response = try await client.post("/generate", json: body)
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == field)
            #expect((response.object["error"] as? String)?.hasPrefix("\(field):") == true)
        }
    }

    @Test func textTooLongForAnyVersionIs422WithTheCapacity() async throws {
        try await TestServer.run { client in
            let long = String(repeating: "x", count: 3000)
            let response = try await client.post("/generate", json: #"{"text": "\#(long)", "ecc": "M"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.object["field"] as? String == "text")
            #expect(response.object["capacity_bits"] as? Int == 18672)
            #expect(response.object["capacity_bytes"] as? Int == 2331)
            #expect(response.object["bits_needed"] as? Int == 24020)
            #expect(response.object["version"] as? Int == 40)
            #expect(response.object["ecc"] as? String == "M")

            let fixed = try await client.post(
                "/generate", json: #"{"text": "\#(long.prefix(30))", "ecc": "H", "version": 1}"#)
            #expect(fixed.status == .unprocessableContent)
            #expect(fixed.object["capacity_bits"] as? Int == 72)

            let quick = try await client.get("/qr?text=\(long)")
            #expect(quick.status == .unprocessableContent)
            #expect(quick.object["capacity_bits"] as? Int == 18672)
        }
    }

    @Test func quickCodeAnswersTheImage() async throws {
        try await TestServer.run { client in
            let png = try await client.get("/qr?text=Hello+from+GET%21&ecc=h&scale=4")
            #expect(png.status == .ok)
            #expect(png.headers[.contentType] == "image/png")
            #expect(png.headers[.cacheControl]?.hasPrefix("public") == true)
            #expect(try decodedText(png.bytes) == "Hello from GET!")
            let svg = try await client.get("/qr?text=svg&format=svg")
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.text.hasPrefix("<?xml") || svg.text.hasPrefix("<svg"))
        }
    }

    @Test(arguments: [
        ("/qr", "text"), ("/qr?text=x&ecc=Z", "ecc"), ("/qr?text=x&scale=big", "scale"),
        ("/qr?text=x&colour=red", "colour"), ("/qr?text=%E0%A4", "text"), ("/qr?text=a&text=b", "text"),
    ])
    func quickCodeRefusesBadQueries(_ uri: String, _ field: String) async throws {
        try await TestServer.run { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == field)
        }
    }

    @Test func imageOfAnUnknownOrDecodeTaskIs404() async throws {
        try await TestServer.run { client in
            #expect(try await client.get("/result/\(TaskID.random())/image").status == .notFound)
            #expect(try await client.get("/result/nonsense/image").status == .notFound)
            let png = try QRCode(text: "d").pngData(options: RenderOptions())
            let decode = try await client.post("/decode", bytes: png)
            let id = try #require(decode.object["task_id"] as? String)
            #expect(try await client.get("/result/\(id)/image").status == .notFound)
        }
    }
}

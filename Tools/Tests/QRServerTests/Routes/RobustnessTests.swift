import Foundation
import Hummingbird
import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

/// No request can take the server down or make it answer 500.
struct RobustnessTests {
    /// Seeded random requests on every route: every answer is below 500, and
    /// the server still answers afterwards.
    @Test func randomRequestsNeverGet5xx() async throws {
        let png = try QRCode(text: "fuzz").pngData(options: RenderOptions(scale: 3))
        try await TestServer.run { client in
            var generator = SeededRandom(seed: 2024)
            let paths = [
                "/", "/generate", "/decode", "/decode?sync=1", "/qr", "/result/", "/metrics", "/healthz",
                "/result/\(TaskID.random())", "/result/\(TaskID.random())/image", "/%00", "/qr?text=%",
                "/qr?" + String(repeating: "&", count: 300), "/result/../../etc/passwd",
            ]
            let bodies: [[UInt8]] = [
                [], Array("{}".utf8), Array(#"{"text":"#.utf8), Array(#"{"text":"\u0000"}"#.utf8),
                Array(#"{"text":"x","scale":99999999999999999999}"#.utf8), png,
                Array(png.prefix(40)), Multipart.form(file: png), [0xFF, 0xFE, 0x00],
            ]
            for _ in 0..<300 {
                var path = paths.randomElement(using: &generator)!
                if Bool.random(using: &generator) {
                    path +=
                        (path.contains("?") ? "&" : "?") + "text="
                        + String(UInt64.random(in: 0...UInt64.max, using: &generator))
                }
                var body = bodies.randomElement(using: &generator)!
                if !body.isEmpty, Bool.random(using: &generator) {
                    body[Int.random(in: 0..<body.count, using: &generator)] ^= 0x5A
                }
                let method: HTTPRequest.Method = [.get, .post, .put, .delete].randomElement(using: &generator)!
                let contentType = [
                    "image/png", "application/json", Multipart.contentType, "multipart/form-data; boundary=x",
                ]
                .randomElement(using: &generator)!
                let response = try await client.execute(
                    uri: path, method: method, headers: [.contentType: contentType],
                    body: method == .get ? nil : ByteBuffer(bytes: body))
                #expect(response.status.code < 500, "\(method) \(path)")
            }
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    @Test func malformedHTTPIsRefusedAndTheServerGoesOn() async throws {
        try await TestServer.run { client in
            let port = try #require(client.port)
            for garbage in [
                "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "POST /generate HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                "GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n",
            ] {
                let answer = try await RawHTTP.exchange(port: port, garbage)
                #expect(!answer.hasPrefix("HTTP/1.1 5"), "\(garbage.prefix(40))")
            }
            #expect(try await client.get("/healthz").status == .ok)
        }
    }
}

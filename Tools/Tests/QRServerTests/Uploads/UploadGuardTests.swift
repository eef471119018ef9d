import Foundation
import Hummingbird
import QRCore
import Testing

@testable import QRServer

/// `Expect: 100-continue` and refusals before the body has arrived, on real
/// sockets.
struct UploadGuardTests {
    private func head(_ path: String, length: Int, expect: Bool = false) -> String {
        "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\nContent-Length: \(length)\r\n"
            + (expect ? "Expect: 100-continue\r\n" : "") + "\r\n"
    }

    /// The server answers `100 Continue` before any of the body is sent, and
    /// takes the body sent after it.
    @Test func answersContinueBeforeTheBody() async throws {
        let png = try QRCode(text: "continue").pngData(options: RenderOptions(scale: 4))
        try await TestServer.run { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            await socket.send(head("/decode?sync=1", length: png.count, expect: true))
            let interim = try #require(await socket.readUntil("\r\n\r\n"))
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n"))
            socket.discardReceived()
            await socket.send(png)
            let answer = try #require(await socket.readUntil("\"continue\""))
            #expect(answer.hasPrefix("HTTP/1.1 200 OK"))
        }
    }

    /// Over the body limit: no `100 Continue`, the 413 at once, and the
    /// connection closes, since no body is coming.
    @Test func refusesAnOversizedBodyInsteadOfContinuing() async throws {
        try await TestServer.run(TestServer.options(maxBody: 1000)) { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            await socket.send(head("/decode", length: 5000, expect: true))
            let answer = await socket.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 413"))
            #expect(!answer.contains("100 Continue"))
            #expect(answer.lowercased().contains("connection: close"))
        }
    }

    /// Over the byte budget: 503 with `Retry-After` instead of `100 Continue`.
    @Test func refusesABodyOverTheBudgetInsteadOfContinuing() async throws {
        var options = TestServer.options(maxBody: 4 << 20)
        options.maxQueuedBytes = 1 << 20
        try await TestServer.run(options) { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            await socket.send(head("/decode", length: 2 << 20, expect: true))
            let answer = await socket.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 503"))
            #expect(answer.lowercased().contains("retry-after: 1"))
            #expect(answer.contains(#""max_queued_bytes":1048576"#))
            #expect(!answer.contains("100 Continue"))
        }
    }

    /// A client that writes its whole 32 MiB body before reading (as Python's
    /// `urllib` does, with `Connection: close`) gets the 413, not a hang:
    /// the server reads and drops the rest of the body, then closes.
    @Test func aClientThatWritesEverythingFirstSeesThe413() async throws {
        try await TestServer.run(TestServer.options(maxBody: 64 * 1024)) { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            let length = 32 << 20
            let request =
                "POST /decode HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: image/png\r\nContent-Length: \(length)\r\n\r\n"
            await socket.send(request)
            #expect(await socket.send([UInt8](repeating: 0x55, count: length)) == length)
            let answer = await socket.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 413"))
            #expect(answer.contains(#""max_body_bytes":65536"#))
        }
    }

    /// The same without `Connection: close`: the answer says close, and the
    /// connection ends once the body has been read and dropped.
    @Test func aRefusedKeepAliveConnectionClosesAfterTheBody() async throws {
        try await TestServer.run(TestServer.options(maxBody: 64 * 1024)) { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            let length = 8 << 20
            await socket.send(head("/generate", length: length))
            #expect(await socket.send([UInt8](repeating: 0x20, count: length)) == length)
            let answer = await socket.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 413"))
            #expect(answer.lowercased().contains("connection: close"))
        }
    }

    /// A body within the limits on a kept-alive connection leaves it open
    /// for the next request.
    @Test func anAcceptedBodyKeepsTheConnection() async throws {
        try await TestServer.run { client in
            let socket = try LoopbackClient(port: try #require(client.port))
            let json = #"{"text": "keep"}"#
            let request =
                "POST /generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(json.utf8.count)\r\n\r\n\(json)"
            await socket.send(request)
            #expect(try #require(await socket.readUntil("status_url")).hasPrefix("HTTP/1.1 202"))
            socket.discardReceived()
            await socket.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try #require(await socket.readUntil("\"store\"")).hasPrefix("HTTP/1.1 200"))
        }
    }
}

import Foundation
import Hummingbird
import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

/// 503 when the queue is full, 413 past the body limit.
struct LoadSheddingTests {
    /// One worker held at the gate and a queue of one: the third job finds no
    /// room, whatever the timing.
    @Test func aFullQueueIs503WithRetryAfter() async throws {
        let gate = WorkerGate()
        let codec = TestServer.gatedCodec(gate, workers: 1, queue: 1)
        let png = try QRCode(text: "queued").pngData(options: RenderOptions())
        try await TestServer.run(codec: codec) { client in
            let running = try await client.submit("/generate", json: #"{"text": "one"}"#)
            await gate.waitForArrivals(1)
            let queued = try await client.submit("/generate", json: #"{"text": "two"}"#)
            for response in [
                try await client.post("/generate", json: #"{"text": "three"}"#),
                try await client.get("/qr?text=four"),
                try await client.post("/decode", bytes: png),
                try await client.post("/decode?sync=1", bytes: png),
            ] {
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(response.object["retry_after"] as? Int == 1)
                #expect((response.object["error"] as? String)?.hasPrefix("queue full") == true)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("\nqr_jobs_rejected_total 4\n"))
            #expect(metrics.contains("\nqr_busy_workers 1\n"))
            #expect(metrics.contains("\nqr_queue_length 1\n"))
            gate.open()
            #expect(try await client.finished(running)["status"] as? String == "success")
            #expect(try await client.finished(queued)["status"] as? String == "success")
            #expect(try await client.post("/generate", json: #"{"text": "room again"}"#).status == .accepted)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let options = TestServer.options(maxBody: 1000)
        let big = [UInt8](repeating: 0x41, count: 1001)
        for uri in ["/generate", "/decode", "/decode?sync=1"] {
            try await TestServer.run(options) { client in
                let response = try await client.post(uri, bytes: big, contentType: "application/octet-stream")
                #expect(response.status == .contentTooLarge, "\(uri)")
                #expect(response.object["field"] as? String == "body")
                #expect(response.object["max_body_bytes"] as? Int == 1000)
            }
        }
    }

    @Test func aChunkedBodyOverTheLimitIs413() async throws {
        let options = TestServer.options(maxBody: 1000)
        try await TestServer.run(options) { client in
            // No Content-Length: the limit is found while reading the chunks.
            let chunk = String(repeating: "A", count: 600)
            let request =
                "POST /decode HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n"
            let answer = try await RawHTTP.exchange(port: try #require(client.port), request)
            #expect(answer.hasPrefix("HTTP/1.1 413"))
            #expect(answer.contains(#""max_body_bytes":1000"#))
        }
    }

    @Test func aBodyAtTheLimitIsAccepted() async throws {
        let options = TestServer.options(maxBody: 1000)
        let json = #"{"text": "\#(String(repeating: "a", count: 1000 - 12))"}"#
        #expect(json.utf8.count == 1000)
        try await TestServer.run(options) { client in
            let response = try await client.post("/generate", json: json)
            #expect(response.status == .accepted)
        }
    }
}

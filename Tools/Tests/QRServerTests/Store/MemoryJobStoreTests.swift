import Foundation
import Hummingbird
import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

/// The memory store through the routes: idempotency keys, health, and the
/// bound on live jobs that the task table's sweep relies on.
struct MemoryJobStoreTests {
    @Test func theSameIdempotencyKeyGivesTheSameTask() async throws {
        try await TestServer.run { client in
            let key: HTTPFields = [.contentType: "application/json", QRService.idempotencyKeyField: "order-17"]
            let first = try await client.post("/generate", json: #"{"text": "once"}"#, headers: key)
            let again = try await client.post("/generate", json: #"{"text": "once"}"#, headers: key)
            let other = try await client.post(
                "/generate", json: #"{"text": "once"}"#,
                headers: [
                    .contentType: "application/json",
                    QRService.idempotencyKeyField: "order-18",
                ])
            #expect(first.status == .accepted)
            #expect(again.status == .accepted)
            let id = try #require(first.object["task_id"] as? String)
            #expect(again.object["task_id"] as? String == id)
            #expect(other.object["task_id"] as? String != id)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("\nqr_tasks 2\n"))
        }
    }

    @Test(arguments: ["", String(repeating: "k", count: 256), "two words", "caf\u{e9}"])
    func aMalformedIdempotencyKeyIs400(_ key: String) async throws {
        try await TestServer.run { client in
            let response = try await client.execute(
                uri: "/generate", method: .post,
                headers: [
                    .contentType: "application/json",
                    QRService.idempotencyKeyField: key,
                ],
                body: ByteBuffer(string: #"{"text": "x"}"#))
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == "Idempotency-Key")
        }
    }

    @Test func healthNamesTheStore() async throws {
        try await TestServer.run { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect(response.object["status"] as? String == "ok")
            #expect(response.object["store"] as? String == "memory")
        }
    }

    /// Jobs handed ahead to a worker count against the queue: with the
    /// worker held, the codec admits exactly `queue + workers` jobs, which
    /// ``MemoryJobStore/liveJobBound(_:)`` covers (before any result is kept).
    @Test func theLiveJobBoundCoversEveryJobTheCodecAdmits() async throws {
        let gate = WorkerGate()
        let codec = TestServer.gatedCodec(gate, workers: 2, queue: 5)
        var admitted = 0
        while (try? await codec.submit(.encode(EncodeRequest(text: "\(admitted)", format: .matrix)), whenFull: .reject))
            != nil
        {
            admitted += 1
        }
        #expect(admitted == 5 + 2)
        #expect(MemoryJobStore.liveJobBound(codec.options) - codec.options.maxRetainedResults == admitted)
        gate.open()
        await codec.shutdown()
    }
}

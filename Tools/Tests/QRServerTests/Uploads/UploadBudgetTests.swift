import Foundation
import Hummingbird
import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

/// `--max-queued-bytes` through the routes: bodies in reading, jobs queued
/// and results kept all count, and a body that does not fit gets 503.
struct UploadBudgetTests {
    private func options(budget: Int) -> ServerOptions {
        var options = TestServer.options(maxBody: 100_000)
        options.maxQueuedBytes = budget
        return options
    }

    /// A synchronous upload held at the worker keeps its body's bytes; the
    /// next upload that would pass the budget is refused before its body is
    /// read, and fits again once the first has been answered.
    @Test func aHeldBodyCountsUntilItsRequestIsAnswered() async throws {
        let gate = WorkerGate()
        let codec = TestServer.gatedCodec(gate, workers: 1, queue: 4)
        let body = [UInt8](repeating: 0x42, count: 60_000)
        try await TestServer.run(options(budget: 100_000), codec: codec) { client in
            let held = try LoopbackClient(port: try #require(client.port))  // a connection of its own
            await held.send("POST /decode?sync=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(body.count)\r\n\r\n")
            await held.send(body)
            await gate.waitForArrivals(1)
            // On a connection of its own too: an early refusal closes its
            // connection, which the shared client would otherwise reuse.
            let refusedConnection = try LoopbackClient(port: try #require(client.port))
            await refusedConnection.send(
                "POST /decode?sync=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(body.count)\r\n\r\n")
            // The JSON body ends the answer; the server then drains what it
            // is sent for a while before it closes, so don't wait for that.
            let refused = try #require(await refusedConnection.readUntil("}"))
            #expect(refused.hasPrefix("HTTP/1.1 503"))
            #expect(refused.lowercased().contains("retry-after: 1\r\n"))
            #expect(refused.contains("\"max_queued_bytes\":100000") || refused.contains("\"max_queued_bytes\": 100000"))
            gate.open()
            // Not an image: the job's own failure, answered after the worker ran it.
            #expect(try #require(await held.readUntil("\r\n\r\n")).hasPrefix("HTTP/1.1 422"))
            #expect(try await client.post("/decode?sync=1", bytes: body).status == .unprocessableContent)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("\nqr_budget_refusals_total 1\n"))
        }
    }

    /// A queued job's payload counts until it finishes, then its result
    /// until the result expires.
    @Test func queuedJobsAndKeptResultsCount() async throws {
        let gate = WorkerGate()
        let clock = ManualClock()
        let codec = TestServer.gatedCodec(gate, workers: 1, queue: 4, ttl: .seconds(60), clock: clock)
        let service = try QRService(options: options(budget: 1 << 20), codec: codec, clock: clock)
        let store = try #require(service.store as? MemoryJobStore)
        let task = try await store.submit(.decode(image: [UInt8](repeating: 1, count: 50_000)), idempotencyKey: nil)
        #expect(service.budget.used == 50_000)
        gate.open()
        await store.waitForOutcome(of: task.id, upTo: .seconds(30))
        try await eventually { service.budget.used == 256 }  // the failure's kept result
        clock.advance(by: .seconds(61))
        #expect(service.budget.used == 0)
        await codec.shutdown()
    }
}

/// Waits, by yielding, for bookkeeping that another task finishes after the
/// event the test awaited; fails after many turns instead of hanging.
func eventually(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    for _ in 0..<100_000 {
        if condition() { return }
        await Task.yield()
    }
    Issue.record("the condition never held", sourceLocation: sourceLocation)
}

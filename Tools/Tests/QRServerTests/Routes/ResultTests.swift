import Foundation
import Hummingbird
import QRCoreTestSupport
import Testing

@testable import QRCore
@testable import QRServer

/// Task states, identifiers and expiry of `GET /result/{id}`.
struct ResultTests {
    @Test func reportsRunningThenPendingThenSuccess() async throws {
        let gate = WorkerGate()
        let codec = TestServer.gatedCodec(gate, workers: 1, queue: 4)
        try await TestServer.run(codec: codec) { client in
            let first = try await client.submit("/generate", json: #"{"text": "first"}"#)
            await gate.waitForArrivals(1)  // the only worker holds the first job
            let second = try await client.submit("/generate", json: #"{"text": "second"}"#)
            let running = try await client.get("/result/\(first)")
            #expect(running.object["status"] as? String == "running")
            #expect(running.object["task_id"] as? String == first)
            let pending = try await client.get("/result/\(second)")
            #expect(pending.object["status"] as? String == "pending")
            #expect(pending.headers[.cacheControl] == "no-store")
            let notYet = try await client.get("/result/\(second)/image")
            #expect(notYet.status == .conflict)
            let held = try await client.get("/result/\(second)?wait=1")  // times out: still pending
            #expect(held.object["status"] as? String == "pending")
            gate.open()
            #expect(try await client.finished(first)["status"] as? String == "success")
            #expect(try await client.finished(second)["status"] as? String == "success")
        }
    }

    @Test func unknownAndMalformedIdentifiersAre404() async throws {
        try await TestServer.run { client in
            for id in [TaskID.random().description, "0123", "ZZZZ56789abcdef0123456789abcdef0", "%2e%2e"] {
                let response = try await client.get("/result/\(id)")
                #expect(response.status == .notFound, "\(id)")
                #expect((response.object["error"] as? String)?.contains("unknown or expired") == true)
            }
        }
    }

    @Test func expiredResultsAre404() async throws {
        let clock = ManualClock()
        let options = TestServer.options(ttl: .seconds(60))
        let codec = ParallelCodec(options: options.codec, clock: clock)
        try await TestServer.run(options, codec: codec, clock: clock) { client in
            let id = try await client.submit("/generate", json: #"{"text": "short-lived"}"#)
            #expect(try await client.finished(id)["status"] as? String == "success")
            clock.advance(by: .seconds(59))
            #expect(try await client.get("/result/\(id)").status == .ok)
            clock.advance(by: .seconds(2))
            #expect(try await client.get("/result/\(id)").status == .notFound)
            #expect(try await client.get("/result/\(id)/image").status == .notFound)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("\nqr_results_expired_total 1\n"))
            #expect(metrics.contains("\nqr_tasks 0\n"))
        }
    }

    /// Workers whose every job fails as an over-long text would, had the
    /// request's check let it through: the failure is the task's result.
    @Test func aFailedGenerateTaskExplainsAndHasNoImage() async throws {
        let failure = QREncodingError.dataTooLong(bitsNeeded: 100, capacityBits: 72, version: 1, correctionLevel: .high)
        let codec = ParallelCodec(
            options: ParallelCodecOptions(workers: 1), clock: ContinuousCodecClock(),
            runner: { _ in .failure(.encoding(failure)) })
        try await TestServer.run(codec: codec) { client in
            let id = try await client.submit("/generate", json: #"{"text": "x"}"#)
            let result = try await client.finished(id)
            #expect(result["status"] as? String == "error")
            #expect(result["message"] as? String == failure.description)
            #expect(result["capacity_bits"] as? Int == 72)
            let image = try await client.get("/result/\(id)/image")
            #expect(image.status == .conflict)
            #expect((image.object["error"] as? String)?.contains("failed") == true)
        }
    }

    @Test func waitIsBounded() async throws {
        try await TestServer.run { client in
            let id = try await client.submit("/generate", json: #"{"text": "w"}"#)
            let response = try await client.get("/result/\(id)?wait=31")
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == "wait")
        }
    }
}

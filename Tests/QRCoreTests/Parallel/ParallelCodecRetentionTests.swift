import QRCoreTestSupport
import Testing

@testable import QRCore

/// Kept results expire by age and by count; latencies and throughput follow
/// the injected clock. Time moves only when the test moves it.
struct ParallelCodecRetentionTests {
    @Test func resultsExpireAfterTheirTimeToLive() async throws {
        let clock = ManualClock()
        let codec = ParallelCodec(
            options: ParallelCodecOptions(workers: 1, resultTimeToLive: .seconds(30)), clock: clock)
        let id = try await codec.submit(.tiny("kept"))
        _ = try await codec.result(id)
        clock.advance(by: .seconds(29))
        #expect(await codec.status(id) == .succeeded)
        _ = try await codec.result(id)
        clock.advance(by: .seconds(1))
        #expect(await codec.status(id) == .expired)
        await #expect(throws: ParallelCodecError.expired(id)) { try await codec.result(id) }
        let metrics = await codec.metrics()
        #expect(metrics.expired == 1 && metrics.retained == 0)
        await codec.shutdown()
    }

    @Test func theOldestResultsGiveWayBeyondTheCountLimit() async throws {
        let codec = ParallelCodec(
            options: ParallelCodecOptions(workers: 1, maxRetainedResults: 2), clock: ManualClock())
        var ids: [JobID] = []
        for index in 0..<3 {
            let id = try await codec.submit(.tiny("kept \(index)"))
            _ = try await codec.result(id)
            ids.append(id)
        }
        var statuses: [JobStatus] = []
        for id in ids { statuses.append(await codec.status(id)) }
        #expect(statuses == [.expired, .succeeded, .succeeded])
        #expect(await codec.metrics().retained == 2)
        await codec.shutdown()
    }

    @Test func conveniencesKeepNothing() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2), clock: ManualClock())
        _ = await codec.runAll((0..<10).map { .tiny("batch \($0)") })
        #expect(await codec.metrics().retained == 0)
        await codec.shutdown()
    }

    @Test func latencyAndThroughputFollowTheClock() async throws {
        let clock = ManualClock()
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(ParallelCodecOptions(workers: 1), clock: clock)
        #expect(await codec.metrics().latencyP50 == nil)
        let held = try await codec.submit(.tiny("hold"))
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        clock.advance(by: .milliseconds(400))
        runner.gate.open()
        _ = try await codec.result(held)
        for index in 0..<3 {
            clock.advance(by: .milliseconds(100))
            _ = try await codec.result(try await codec.submit(.tiny("quick \(index)")))
        }
        clock.advance(by: .milliseconds(200))
        let metrics = await codec.metrics()
        #expect(metrics.latencyP50 == .zero && metrics.latencyP99 == .milliseconds(400))
        #expect(metrics.throughput == 6, "3 more jobs in the 0.5 s since the first finished")
        await codec.shutdown()
    }
}

import Testing

@testable import QRCore

/// Graceful shutdown finishes the queue; immediate shutdown cancels it. One
/// worker held at a gate, so that there is a queue when shutdown begins.
struct ParallelCodecShutdownTests {
    private static let options = ParallelCodecOptions(workers: 1, queueCapacity: 3)

    /// One job running (announced) and three queued.
    private static func load(_ codec: ParallelCodec, _ runner: InstrumentedRunner) async throws -> [JobID] {
        var ids = [try await codec.submit(.tiny("hold"))]
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        for index in 0..<3 { ids.append(try await codec.submit(.tiny("queued \(index)"))) }
        return ids
    }

    /// Whether the codec has begun shutting down: a submission that finds the
    /// queue full is refused as shut down instead of as full.
    private static func refusesAsShutDown(_ codec: ParallelCodec) async -> Bool {
        do {
            _ = try await codec.submit(.tiny("late"), whenFull: .reject)
            return false
        } catch {
            return error == .shutDown
        }
    }

    @Test func gracefulShutdownRunsWhatIsQueued() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let ids = try await Self.load(codec, runner)
        let stopping = Task { await codec.shutdown(.graceful) }
        #expect(await eventually { await Self.refusesAsShutDown(codec) })
        runner.gate.open()
        await stopping.value
        var statuses: [JobStatus] = []
        for id in ids { statuses.append(await codec.status(id)) }
        #expect(statuses == Array(repeating: .succeeded, count: 4))
        #expect(runner.runs(of: "late") == 0)
        await #expect(throws: ParallelCodecError.shutDown) { try await codec.run(.tiny("after")) }
        #expect(await codec.metrics().busyWorkers == 0)
    }

    @Test func immediateShutdownCancelsWhatIsQueued() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let ids = try await Self.load(codec, runner)
        let stopping = Task { await codec.shutdown(.immediate) }
        for id in ids.dropFirst() {
            #expect(await codec.outcome(of: id) == .failure(.cancelled))
        }
        runner.gate.open()
        await stopping.value
        #expect(await codec.status(ids[0]) == .succeeded, "the running job finished")
        #expect((0..<3).allSatisfy { runner.runs(of: "queued \($0)") == 0 })
    }

    @Test func submissionsWaitingForRoomAreRefused() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        _ = try await Self.load(codec, runner)
        let waiting = Task { try await codec.submit(.tiny("waiting"), whenFull: .wait) }
        #expect(await eventually { await codec.metrics().waitingSubmissions == 1 })
        let stopping = Task { await codec.shutdown(.graceful) }
        await #expect(throws: ParallelCodecError.shutDown) { try await waiting.value }
        runner.gate.open()
        await stopping.value
        #expect(runner.runs(of: "waiting") == 0)
    }

    @Test func anIdleCodecStopsAtOnceAndShutdownCanBeRepeated() async throws {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        _ = try await codec.run(.tiny("one"))
        await codec.shutdown()
        await codec.shutdown(.immediate)
        #expect(await codec.metrics().completed == 1)
    }
}

import Testing

@testable import QRCore

/// A full queue: waiting for room or failing at once, as the caller chooses.
/// One worker, held at a gate, and room for two waiting jobs.
struct ParallelCodecBackpressureTests {
    private static let options = ParallelCodecOptions(workers: 1, queueCapacity: 2)

    /// Fills the codec: one job running (announced), two waiting.
    private static func fill(_ codec: ParallelCodec, _ runner: InstrumentedRunner) async throws -> [JobID] {
        var ids = [try await codec.submit(.tiny("hold 0"), whenFull: .reject)]
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        ids.append(try await codec.submit(.tiny("hold 1"), whenFull: .reject))
        ids.append(try await codec.submit(.tiny("hold 2"), whenFull: .reject))
        return ids
    }

    @Test func rejectFailsAtOnceWhenTheQueueIsFull() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let ids = try await Self.fill(codec, runner)
        await #expect(throws: ParallelCodecError.queueFull(capacity: 2)) {
            try await codec.submit(.tiny("one too many"), whenFull: .reject)
        }
        let metrics = await codec.metrics()
        #expect(metrics.rejected == 1 && metrics.queued == 2 && metrics.busyWorkers == 1)
        runner.gate.open()
        for id in ids { _ = try await codec.result(id) }
        #expect(runner.runs(of: "one too many") == 0)
        _ = try await codec.submit(.tiny("room again"), whenFull: .reject)
        await codec.shutdown()
    }

    @Test func waitSuspendsUntilThereIsRoom() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let ids = try await Self.fill(codec, runner)
        let waiting = Task { try await codec.submit(.tiny("patient"), whenFull: .wait) }
        #expect(await eventually { await codec.metrics().waitingSubmissions == 1 })
        #expect(await codec.metrics().queued == 2, "the queue holds no more than its capacity")
        runner.gate.open()
        let id = try await waiting.value
        #expect(try await codec.result(id) == CodecJob.tiny("patient").run().get())
        for id in ids { _ = try await codec.result(id) }
        #expect(await codec.metrics().rejected == 0)
        await codec.shutdown()
    }

    @Test func aBatchUnderRejectFailsOnlyTheItemsThatFindNoRoom() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let batch = Task { await codec.runAll((0..<6).map { .tiny("hold \($0)") }, whenFull: .reject) }
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        runner.gate.open()
        let outcomes = await batch.value
        #expect(outcomes.prefix(3).allSatisfy { $0.isSuccess })
        #expect(outcomes.dropFirst(3).allSatisfy { $0.failure == .queueFull(capacity: 2) })
        await codec.shutdown()
    }

    @Test func aBatchLargerThanTheQueueWaitsItsWayThrough() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let outcomes = await codec.encodeAll((0..<40).map { EncodeRequest(text: "item \($0)", format: .matrix) })
        #expect(try outcomes.map { try $0.get() } == (0..<40).map { .matrix(try QRCode(text: "item \($0)")) })
        #expect(runner.maxRunning == 1)
        await codec.shutdown()
    }

    @Test func cancellingAWaitingSubmitterWithdrawsItsJob() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let ids = try await Self.fill(codec, runner)
        let waiting = Task { try await codec.submit(.tiny("withdrawn"), whenFull: .wait) }
        #expect(await eventually { await codec.metrics().waitingSubmissions == 1 })
        waiting.cancel()
        await #expect(throws: ParallelCodecError.cancelled) { try await waiting.value }
        #expect(await codec.metrics().waitingSubmissions == 0)
        runner.gate.open()
        for id in ids { _ = try await codec.result(id) }
        #expect(runner.runs(of: "withdrawn") == 0)
        await codec.shutdown()
    }
}

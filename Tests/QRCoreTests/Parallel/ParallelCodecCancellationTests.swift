import Testing

@testable import QRCore

/// Cancelling by identifier and by cancelling the awaiting task, while a job
/// is queued and while it runs. One worker, held at a gate.
struct ParallelCodecCancellationTests {
    private static let options = ParallelCodecOptions(workers: 1, queueCapacity: 8)

    @Test func aJobCancelledWhileQueuedNeverRuns() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let running = try await codec.submit(.tiny("hold"))
        let queued = try await codec.submit(.tiny("queued"))
        #expect(await codec.status(queued) == .queued)
        #expect(await codec.cancel(queued))
        #expect(await codec.status(queued) == .cancelled)
        await #expect(throws: ParallelCodecError.cancelled) { try await codec.result(queued) }
        #expect(await !codec.cancel(queued), "already cancelled")
        runner.gate.open()
        _ = try await codec.result(running)
        _ = try await codec.run(.tiny("after"))
        #expect(runner.runs(of: "queued") == 0)
        #expect(await codec.metrics().cancelled == 1)
        await codec.shutdown()
    }

    @Test func aJobCancelledWhileRunningHasItsResultDiscarded() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let id = try await codec.submit(.tiny("hold"))
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        #expect(await codec.status(id) == .running)
        let waiter = Task { await codec.outcome(of: id) }
        #expect(await codec.cancel(id))
        #expect(await waiter.value == .failure(.cancelled), "the waiter hears at once, while the job still runs")
        #expect(await codec.metrics().busyWorkers == 1)
        runner.gate.open()
        _ = try await codec.run(.tiny("next"))
        #expect(await codec.status(id) == .cancelled)
        let metrics = await codec.metrics()
        #expect(metrics.cancelled == 1 && metrics.completed == 1)
        await codec.shutdown()
    }

    @Test func cancellingTheAwaitingTaskCancelsItsJob() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let running = try await codec.submit(.tiny("hold"))
        let task = Task { try await codec.encode(EncodeRequest(text: "abandoned", mode: .byte, format: .matrix)) }
        #expect(await eventually { await codec.metrics().queued == 1 })
        task.cancel()
        await #expect(throws: ParallelCodecError.cancelled) { try await task.value }
        runner.gate.open()
        _ = try await codec.result(running)
        _ = try await codec.run(.tiny("after"))
        #expect(runner.runs(of: "abandoned") == 0)
        await codec.shutdown()
    }

    @Test func cancellingABatchTaskCancelsItsUnfinishedJobs() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(ParallelCodecOptions(workers: 1, queueCapacity: 2))
        let task = Task { await codec.runAll([.tiny("hold")] + (0..<5).map { .tiny("batch \($0)") }) }
        var started = runner.started.makeAsyncIterator()
        _ = await started.next()
        task.cancel()
        let outcomes = await task.value
        #expect(outcomes.allSatisfy { $0.failure == .cancelled })
        runner.gate.open()
        _ = try await codec.run(.tiny("after"))
        #expect((0..<5).allSatisfy { runner.runs(of: "batch \($0)") == 0 })
        await codec.shutdown()
    }

    @Test func cancellingAResultWaitLeavesTheJobRunning() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(Self.options)
        let id = try await codec.submit(.tiny("hold"))
        let waiter = Task { await codec.outcome(of: id) }
        #expect(await eventually { await codec.metrics().busyWorkers == 1 })
        waiter.cancel()
        #expect(await waiter.value == .failure(.cancelled))
        runner.gate.open()
        #expect(try await codec.result(id) == CodecJob.tiny("hold").run().get())
        #expect(await codec.status(id) == .succeeded)
        await codec.shutdown()
    }
}

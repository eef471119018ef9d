import Testing

@testable import QRCore

/// How many jobs run at once, measured inside the jobs, and 100,000 jobs
/// that each end exactly once.
struct ParallelCodecConcurrencyTests {
    @Test func neverMoreThanTheWorkersRunAtOnce() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(ParallelCodecOptions(workers: 3, queueCapacity: 16))
        var ids: [JobID] = []
        for index in 0..<12 { ids.append(try await codec.submit(.tiny("hold \(index)"))) }
        var started = runner.started.makeAsyncIterator()
        for _ in 0..<3 { _ = await started.next() }
        #expect(runner.running == 3)
        #expect(await codec.metrics().busyWorkers == 3)
        #expect(await codec.metrics().queued == 9)
        var statuses: [JobStatus] = []
        for id in ids { statuses.append(await codec.status(id)) }
        #expect(statuses.filter { $0 == .running }.count == 3)
        #expect(statuses.filter { $0 == .queued }.count == 9)
        runner.gate.open()
        for id in ids { _ = try await codec.result(id) }
        #expect(runner.maxRunning == 3)
        await codec.shutdown()
    }

    /// 100,000 cheap jobs — real encodes, failing encodes, unreadable
    /// images, and some cancelled as soon as they are queued — from four
    /// tasks at once. Every identifier ends in exactly one terminal state
    /// that matches its job; no job runs twice; nothing is lost.
    @Test(.tags(.stress), .enabled(if: StressTests.enabled, "set QRCORE_STRESS=1"), .timeLimit(.minutes(3)))
    func everyOneOfAHundredThousandJobsEndsExactlyOnce() async throws {
        let runner = InstrumentedRunner()
        let codec = runner.makeCodec(ParallelCodecOptions(workers: 2, queueCapacity: 64, maxRetainedResults: 100_000))
        let submitted = try await withThrowingTaskGroup(of: [(String, JobID, Bool)].self) { group in
            for task in 0..<4 {
                group.addTask { try await Self.submitShare(of: task, to: codec) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(submitted.count == 100_000)
        #expect(Set(submitted.map(\.1)).count == 100_000, "identifiers are unique")
        var tally: [JobStatus: Int] = [:]
        for (label, id, cancelled) in submitted {
            let status = try await Self.settle(id, label: label, cancelled: cancelled, codec: codec)
            tally[status, default: 0] += 1
            #expect(runner.runs(of: label) <= 1, "\(label) ran twice")
            if status != .cancelled { #expect(runner.runs(of: label) == 1, "\(label) never ran") }
        }
        let metrics = await codec.metrics()
        #expect(
            tally[.succeeded] == metrics.completed && tally[.failed] == metrics.failed
                && tally[.cancelled] == metrics.cancelled)
        #expect(metrics.completed + metrics.failed + metrics.cancelled == 100_000)
        #expect(metrics.rejected == 0 && metrics.queued == 0 && metrics.busyWorkers == 0)
        #expect(runner.maxRunning <= 2)
        await codec.shutdown()
    }

    /// Batches smaller than the hand-off report in groups, relying on each
    /// worker to hand over its reports before it sleeps. Thousands of them
    /// from two tasks, every seventh cancelled at once, must all come back
    /// and let the pool shut down: a lost report would hang here.
    @Test(.tags(.stress), .enabled(if: StressTests.enabled, "set QRCORE_STRESS=1"), .timeLimit(.minutes(3)))
    func manySmallBatchesAllComeBack() async {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2))
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<2 {
                group.addTask {
                    for round in 0..<1_000 {
                        let jobs = (0...(round % 5)).map { CodecJob.tiny("\(lane)-\(round)-\($0)") }
                        let batch = Task { await codec.runAll(jobs) }
                        if round % 7 == 0 { batch.cancel() }
                        let outcomes = await batch.value
                        #expect(outcomes.count == jobs.count)
                        #expect(outcomes.allSatisfy { $0.isSuccess || $0.failure == .cancelled })
                    }
                }
            }
        }
        await codec.shutdown()
    }

    /// A quarter of the jobs: 7 in 10 tiny encodes (labelled by number, the
    /// last of them cancelled right after it is queued), 2 failing encodes
    /// (labelled n…), 1 unreadable image (u…).
    private static func submitShare(of task: Int, to codec: ParallelCodec) async throws -> [(String, JobID, Bool)] {
        var submitted: [(String, JobID, Bool)] = []
        for index in 0..<25_000 {
            let label = "\(task)-\(index)"
            let job: CodecJob =
                switch index % 10 {
                case 0...6: .tiny(label)
                case 7, 8: .failing("n" + label)
                default: .unreadable("u" + label)
                }
            let id = try await codec.submit(job)
            let cancelled = index % 10 == 6
            if cancelled { await codec.cancel(id) }
            submitted.append((job.label, id, cancelled))
        }
        return submitted
    }

    /// Awaits a job and checks that its outcome, its status and its kind agree.
    private static func settle(
        _ id: JobID, label: String, cancelled: Bool, codec: ParallelCodec
    ) async throws -> JobStatus {
        let outcome = await codec.outcome(of: id)
        let status = await codec.status(id)
        switch outcome {
        case .success: #expect(status == .succeeded && label.first?.isNumber == true)
        case .failure(.cancelled): #expect(status == .cancelled && cancelled)
        case .failure(.encoding): #expect(status == .failed && label.hasPrefix("n"))
        case .failure(.image): #expect(status == .failed && label.hasPrefix("u"))
        case let .failure(error): Issue.record("\(id): unexpected \(error)")
        }
        return status
    }
}

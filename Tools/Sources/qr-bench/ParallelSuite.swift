import QRCore

/// Each workload run serially (one job after another on this task) and
/// through a ``ParallelCodec`` of 1…`maxWorkers` workers, at each job count.
/// Runs are repeated and the fastest of each kind kept, so that a burst of
/// other work on the machine does not decide the result.
struct ParallelSuite {
    var workloads: [ParallelWorkload]
    var jobCounts: [Int]
    var maxWorkers: Int
    var repetitions: Int

    func run() async throws -> [ParallelRun] {
        var rows: [ParallelRun] = []
        for workload in workloads {
            // Warm up, and check that every job succeeds.
            for _ in 0..<2 { try workload.cycle.forEach { _ = try $0.runSerially() } }
            for count in jobCounts {
                rows += try await measure(workload, jobs: workload.jobs(count))
            }
        }
        return rows
    }

    /// Rounds are repeated until they have taken this long, so that short
    /// runs (a 50-job batch lasts milliseconds, 10,000 generate jobs under
    /// a second) get many chances at a quiet moment of a shared machine,
    /// whose bursts of other work last seconds.
    private static let minimumMeasuringTime = Duration.seconds(10)
    private static let maximumRepetitions = 100

    /// The serial row, then one per pool size, each the fastest of at least
    /// ``repetitions`` rounds (more for short runs).
    private func measure(_ workload: ParallelWorkload, jobs: [BenchJob]) async throws -> [ParallelRun] {
        var best: [Int?: ParallelRun] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        var round = 0
        while round < repetitions
            || (start.duration(to: clock.now) < Self.minimumMeasuringTime && round < Self.maximumRepetitions)
        {
            round += 1
            var runs = [try runSerially(workload.name, jobs)]
            for workers in 1...maxWorkers { runs.append(try await runPooled(workload.name, jobs, workers: workers)) }
            for run in runs where best[run.workers].map({ run.total < $0.total }) ?? true {
                best[run.workers] = run
            }
        }
        let serial = best[nil]!
        return [serial]
            + (1...maxWorkers).map { workers in
                var run = best[workers]!
                run.speedup = run.jobsPerSecond / serial.jobsPerSecond
                return run
            }
    }

    /// The jobs one after another on this task, keeping every output as
    /// ``ParallelCodec/runAll(_:whenFull:)`` does, so that both sides do the
    /// same work and the difference is the pool's.
    private func runSerially(_ name: String, _ jobs: [BenchJob]) throws -> ParallelRun {
        let clock = ContinuousClock()
        var latencies: [Duration] = []
        latencies.reserveCapacity(jobs.count)
        var outputs: [CodecOutput] = []
        outputs.reserveCapacity(jobs.count)
        let (start, cpuStart) = (clock.now, processCPUTime())
        for job in jobs {
            let begun = clock.now
            outputs.append(try job.runSerially())
            latencies.append(begun.duration(to: clock.now))
        }
        let (total, cpu) = (start.duration(to: clock.now), processCPUTime() - cpuStart)
        blackHole(outputs)
        latencies.sort()
        return ParallelRun(
            workload: name, jobs: jobs.count, workers: nil, total: total, cpu: cpu,
            latencyP50: Self.percentile(latencies, 0.5), latencyP99: Self.percentile(latencies, 0.99))
    }

    /// All jobs through one ``ParallelCodec/runAll(_:whenFull:)`` of a codec
    /// with default options but for the workers: the queue (1,024) lets the
    /// workers be refilled in large groups, as a batch caller gets them. The
    /// latencies are therefore mostly queueing: submission to result.
    private func runPooled(_ name: String, _ jobs: [BenchJob], workers: Int) async throws -> ParallelRun {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: workers))
        let codecJobs = jobs.map(\.codecJob)
        // A server's pool is running before the requests come (so was the
        // original service's): a few untimed jobs start the threads and warm
        // their memory, which would otherwise cost a 50-job batch ~1 ms.
        // Their latencies stay in the metrics, among the timed jobs'.
        _ = await codec.runAll(Array(codecJobs.prefix(2 * workers)))
        let clock = ContinuousClock()
        let (start, cpuStart) = (clock.now, processCPUTime())
        let outcomes = await codec.runAll(codecJobs)
        let (total, cpu) = (start.duration(to: clock.now), processCPUTime() - cpuStart)
        let metrics = await codec.metrics()
        await codec.shutdown()
        for outcome in outcomes { _ = try outcome.get() }
        return ParallelRun(
            workload: name, jobs: jobs.count, workers: workers, total: total, cpu: cpu,
            latencyP50: metrics.latencyP50 ?? .zero, latencyP99: metrics.latencyP99 ?? .zero)
    }

    /// The nearest-rank percentile of sorted durations.
    private static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

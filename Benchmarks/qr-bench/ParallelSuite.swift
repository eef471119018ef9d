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
            for _ in 0..<2 { try workload.cycle.forEach { try $0.runSerially() } }  // warm up, and check every job succeeds
            for count in jobCounts {
                rows += try await measure(workload, jobs: workload.jobs(count))
            }
        }
        return rows
    }

    /// The serial row, then one per pool size, each the fastest of the repetitions.
    private func measure(_ workload: ParallelWorkload, jobs: [BenchJob]) async throws -> [ParallelRun] {
        var best: [Int?: ParallelRun] = [:]
        for _ in 0..<repetitions {
            var runs = [try runSerially(workload.name, jobs)]
            for workers in 1...maxWorkers { runs.append(try await runPooled(workload.name, jobs, workers: workers)) }
            for run in runs where best[run.workers].map({ run.total < $0.total }) ?? true {
                best[run.workers] = run
            }
        }
        let serial = best[nil]!
        return [serial] + (1...maxWorkers).map { workers in
            var run = best[workers]!
            run.speedup = run.jobsPerSecond / serial.jobsPerSecond
            return run
        }
    }

    private func runSerially(_ name: String, _ jobs: [BenchJob]) throws -> ParallelRun {
        let clock = ContinuousClock()
        var latencies: [Duration] = []
        latencies.reserveCapacity(jobs.count)
        let (start, cpuStart) = (clock.now, processCPUTime())
        for job in jobs {
            let begun = clock.now
            try job.runSerially()
            latencies.append(begun.duration(to: clock.now))
        }
        let (total, cpu) = (start.duration(to: clock.now), processCPUTime() - cpuStart)
        latencies.sort()
        return ParallelRun(workload: name, jobs: jobs.count, workers: nil, total: total, cpu: cpu,
                           latencyP50: Self.percentile(latencies, 0.5), latencyP99: Self.percentile(latencies, 0.99))
    }

    /// All jobs through one ``ParallelCodec/runAll(_:whenFull:)``. The queue
    /// holds 8 jobs per worker, like a load generator with 8 connections
    /// per worker: enough that a worker never waits, few enough that the
    /// latency is a job's, not the whole batch's.
    private func runPooled(_ name: String, _ jobs: [BenchJob], workers: Int) async throws -> ParallelRun {
        let codec = ParallelCodec(options: ParallelCodecOptions(workers: workers, queueCapacity: 8 * workers))
        let codecJobs = jobs.map(\.codecJob)
        let clock = ContinuousClock()
        let (start, cpuStart) = (clock.now, processCPUTime())
        let outcomes = await codec.runAll(codecJobs)
        let (total, cpu) = (start.duration(to: clock.now), processCPUTime() - cpuStart)
        let metrics = await codec.metrics()
        await codec.shutdown()
        for outcome in outcomes { _ = try outcome.get() }
        return ParallelRun(workload: name, jobs: jobs.count, workers: workers, total: total, cpu: cpu,
                           latencyP50: metrics.latencyP50 ?? .zero, latencyP99: metrics.latencyP99 ?? .zero)
    }

    /// The nearest-rank percentile of sorted durations.
    private static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

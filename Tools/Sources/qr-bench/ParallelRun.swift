import Foundation

/// One row of the serial-versus-parallel table: a workload's jobs run
/// serially (``workers`` nil) or through a pool of ``workers``.
struct ParallelRun {
    var workload: String
    var jobs: Int
    var workers: Int?
    /// From the first submission to the last result.
    var total: Duration
    /// CPU time of every thread of the process over the same span: the
    /// jobs' own work plus, for a pool, its bookkeeping and hand-offs.
    var cpu: Duration
    /// Submission to result: for serial runs, each job's own time; for a pool,
    /// the codec's metrics (queue wait included, the last 4,096 jobs).
    var latencyP50: Duration
    var latencyP99: Duration
    /// Throughput over the serial run's of the same workload and job count.
    var speedup = 1.0

    var jobsPerSecond: Double { Double(jobs) / total.seconds }
    /// Speedup per worker: 100% when every worker adds a whole serial run's throughput.
    var efficiency: Double? { workers.map { speedup / Double($0) } }

    static let tableHeader =
        "parallel workload   jobs  workers   total ms     jobs/s    p50 ms    p99 ms  cpu µs/job  speedup  efficiency"

    var tableRow: String {
        [
            workload.padding(toLength: 16, withPad: " ", startingAt: 0),
            String(jobs).leftPadded(to: 7),
            (workers.map(String.init) ?? "serial").leftPadded(to: 9),
            String(format: "%11.1f", total.seconds * 1e3),
            String(format: "%11.1f", jobsPerSecond),
            String(format: "%10.3f", latencyP50.seconds * 1e3),
            String(format: "%10.3f", latencyP99.seconds * 1e3),
            String(format: "%12.1f", cpu.seconds * 1e6 / Double(jobs)),
            String(format: "%8.2f×", speedup),
            efficiency.map { String(format: "%11.0f%%", $0 * 100) } ?? "",
        ].joined()
    }
}

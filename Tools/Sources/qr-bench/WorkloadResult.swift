import Foundation

/// One workload of the report: a line of the per-operation table, and an
/// entry of `--json`'s `{"workloads": [{"name", "us_per_op", "bytes"?, …}]}`.
struct WorkloadResult {
    /// Serial against parallel, for the entries of the parallel workloads.
    struct Parallel {
        var serialJobsPerSecond: Double
        var parallelJobsPerSecond: Double
        var workers: Int
        var speedup: Double
    }

    var name: String
    var microsecondsPerOp: Double
    var bytes: Int? = nil
    var detail: String = ""
    var parallel: Parallel? = nil

    /// The JSON entry of a parallel workload at one job count: its pool of
    /// the most workers against serial; `us_per_op` is the pool's time per job.
    init(parallelRuns runs: [ParallelRun], bytes: Int?) {
        let serial = runs.first { $0.workers == nil }!
        let widest = runs.max { ($0.workers ?? 0) < ($1.workers ?? 0) }!
        name = "parallel/\(serial.workload)/\(serial.jobs)"
        microsecondsPerOp = 1e6 / widest.jobsPerSecond
        self.bytes = bytes
        parallel = Parallel(
            serialJobsPerSecond: serial.jobsPerSecond, parallelJobsPerSecond: widest.jobsPerSecond,
            workers: widest.workers ?? 0, speedup: widest.speedup)
    }

    init(name: String, microsecondsPerOp: Double, bytes: Int? = nil, detail: String = "") {
        self.name = name
        self.microsecondsPerOp = microsecondsPerOp
        self.bytes = bytes
        self.detail = detail
    }

    static func table(_ results: [WorkloadResult]) -> String {
        var lines = ["workload                 µs/op      bytes  detail"]
        for result in results {
            let bytes = result.bytes.map(String.init) ?? "-"
            lines.append(
                result.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: "%9.2f", result.microsecondsPerOp)
                    + bytes.leftPadded(to: 11) + "  " + result.detail)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [WorkloadResult]) -> String {
        "{\"workloads\": [" + results.map(\.jsonObject).joined(separator: ", ") + "]}"
    }

    private var jsonObject: String {
        var fields = ["\"name\": \"\(name)\"", String(format: "\"us_per_op\": %.3f", microsecondsPerOp)]
        if let bytes { fields.append("\"bytes\": \(bytes)") }
        if let parallel {
            fields.append(String(format: "\"serial_jobs_per_s\": %.1f", parallel.serialJobsPerSecond))
            fields.append(String(format: "\"parallel_jobs_per_s\": %.1f", parallel.parallelJobsPerSecond))
            fields.append("\"workers\": \(parallel.workers)")
            fields.append(String(format: "\"speedup\": %.3f", parallel.speedup))
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

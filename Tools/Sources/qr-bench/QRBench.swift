import ArgumentParser
import QRCore

/// `qr-bench`: how fast QRCore encodes and decodes, one call at a time and
/// through a ``ParallelCodec`` pool.
@main
struct QRBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr-bench",
        abstract: "Measure QRCore's speed on the benchmark payloads, serially and in parallel.",
        discussion: """
            Build in release mode: swift run -c release qr-bench
            Per operation (median µs per call, for every payload of Fixtures/bench/payloads.json):
              encode/NAME           text → module matrix (automatic version and mask)
              png/NAME              text → PNG at scale 10, border 4
              decode/photo-640x480  Fixtures/bench/photo-640x480.png, pixels in memory → results
              decode/FILE           every PNG of --decode-dir
            Serial against parallel (each job count, serially and with 1…--workers workers):
              generate    url-H → PNG, scale 10, border 4
              decode      photo-640x480.png bytes → codes
              mixed       generate and decode alternately
              decode-dir  the PNGs of --decode-dir in turn
            --json prints {"workloads": [...]}: per-operation entries have name, us_per_op and
            bytes; parallel ones are named parallel/WORKLOAD/JOBS and add serial_jobs_per_s,
            parallel_jobs_per_s, workers and speedup (us_per_op: the pool's time per job).
            """)

    /// Which half of the benchmark to run.
    enum Suite: String, CaseIterable, ExpressibleByArgument {
        case all
        case perOperation = "per-op"
        case parallel
    }

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(help: "Which workloads to run: \(Suite.allCases.map(\.rawValue).joined(separator: ", ")).")
    var suite: Suite = .all

    @Option(help: "Path to payloads.json.")
    var payloads: String = Payload.defaultPath

    @Option(help: "Milliseconds to spend measuring each per-operation workload.")
    var budgetMs: Int = 700

    @Option(help: "Also decode every PNG in this folder.")
    var decodeDir: String?

    @Option(help: "The most workers to measure: pools of 1 to this many.")
    var workers: Int = ParallelCodecOptions.activeProcessorCount

    @Option(help: "Jobs per parallel run; repeat for several counts (default: 50 and 10000).")
    var jobs: [Int] = [50, 10_000]

    @Option(
        help:
            "Runs of each parallel configuration, at least (rounds shorter than 10 s in all are repeated further); the fastest is reported."
    )
    var repetitions: Int = 3

    @Option(name: .customLong("workload"), help: "A parallel workload to run; repeat for several (default: all).")
    var selectedWorkloads: [String] = []

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        guard jobs.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--jobs must be at least 1") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
        guard budgetMs >= 1 else { throw ValidationError("--budget-ms must be at least 1") }
    }

    func run() async throws {
        let payloadList = try Payload.load(from: payloads)
        let userFiles = try decodeDir.map { try DecodeDirectory(path: $0).files() } ?? []
        var results: [WorkloadResult] = []
        if suite != .parallel {
            let files = [(name: "photo-640x480", path: Payload.fixture("photo-640x480.png"))] + userFiles
            let perOperation = PerOperationSuite(
                payloads: payloadList, decodeFiles: files,
                timing: Timing(budget: .milliseconds(budgetMs)))
            results = try perOperation.run()
            if !json { print(WorkloadResult.table(results)) }
        }
        if suite != .perOperation {
            results += try await runParallel(payloads: payloadList, userFiles: userFiles)
        }
        if json { print(WorkloadResult.json(results)) }
    }

    /// Runs the parallel suite, prints its table (unless --json) and returns its JSON entries.
    private func runParallel(
        payloads: [Payload], userFiles: [(name: String, path: String)]
    ) async throws -> [WorkloadResult] {
        var workloads = try ParallelWorkload.standard(
            payloads: payloads, photoPath: Payload.fixture("photo-640x480.png"))
        if !userFiles.isEmpty { workloads.append(try ParallelWorkload.decodeDirectory(userFiles)) }
        if !selectedWorkloads.isEmpty {
            let unknown = Set(selectedWorkloads).subtracting(workloads.map(\.name))
            guard unknown.isEmpty else {
                throw ValidationError("unknown --workload \(unknown.sorted().joined(separator: ", "))")
            }
            workloads = workloads.filter { selectedWorkloads.contains($0.name) }
        }
        let suite = ParallelSuite(workloads: workloads, jobCounts: jobs, maxWorkers: workers, repetitions: repetitions)
        let runs = try await suite.run()
        if !json {
            print("\n" + ParallelRun.tableHeader)
            runs.forEach { print($0.tableRow) }
        }
        return workloads.flatMap { workload in
            jobs.map { count in
                WorkloadResult(
                    parallelRuns: runs.filter { $0.workload == workload.name && $0.jobs == count },
                    bytes: workload.bytes)
            }
        }
    }
}

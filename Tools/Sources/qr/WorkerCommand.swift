import ArgumentParser
import Foundation
import QRCore
import QRServer

/// `qr worker`: runs the jobs of a PostgreSQL store that `qr serve --store`
/// instances queue.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the jobs that qr serve instances queue in PostgreSQL.",
        discussion: """
            Claims jobs as its workers free up (woken by LISTEN/NOTIFY, with a
            slow poll behind), runs them and records each result; a job whose
            worker dies is taken back when its lease expires. Run as many as
            you like, on any machines. SIGTERM or SIGINT stops claiming, lets
            the jobs it holds finish, and exits.

            Example:
              qr worker --store postgres://qr:secret@db.internal/qr --workers 8
            """)

    @Option(
        help: ArgumentHelp(
            "The store: postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|require].",
            valueName: "URL"))
    var store: String

    @Option(help: "Worker threads, up to 256 (default: one per processor).")
    var workers: Int?

    @Option(help: "Seconds a claimed job may run before another worker may take it back.")
    var lease = 30

    func validate() throws {
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers \(workers) is outside 1–256") }
        if !(1...86_400).contains(lease) { throw ValidationError("--lease \(lease) is outside 1–86400 seconds") }
        _ = try location()
    }

    func run() async throws {
        let location = try location()
        let workers = workers ?? ParallelCodecOptions.activeProcessorCount
        try await QRWorker(location: location, workers: workers, lease: .seconds(lease)).run {
            let line = "qr worker: running jobs from \(location) with \(workers) workers\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    private func location() throws -> PostgresLocation {
        do {
            return try PostgresLocation(url: store)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

import ArgumentParser
import Foundation
import QRCore
import QRServer

/// `qr serve`: the QR workshop as an HTTP service with a web page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the QR workshop: a web page and an HTTP API on a worker pool.",
        discussion: """
            Routes:
              GET  /                     the web page (generate and decode)
              POST /generate             JSON {"text", "ecc", "version", "mask",
                                         "scale", "border", "format", "fg", "bg"}
                                         → 202 {"task_id"}
              POST /decode               an image body (PNG, JPEG, PGM, PPM) or a
                                         multipart form upload
                                         → 202 {"task_id"}; ?sync=1 → the codes
              GET  /result/{id}          {"status": "pending"|"running"|
                                         "success"|"error", …}; ?wait=S holds it
              GET  /result/{id}/image    the image of a finished generate task
              GET  /qr?text=…            the image at once
              GET  /metrics, /healthz    Prometheus metrics, liveness
            SIGINT or SIGTERM stops the server gracefully: open requests and
            queued jobs finish.

            With --store postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…],
            tasks and results live in PostgreSQL: any instance answers for
            any task, a 202 survives any crash, and `qr worker` processes
            (or this one's --workers) run the jobs. --workers 0 makes a pure
            front end.

            Examples:
              qr serve                   http://127.0.0.1:8080
              qr serve --port 9000 --workers 4 --queue 256 --ttl 60
              qr serve --store postgres://qr@db/qr --workers 0
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Where tasks live: memory, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|require].",
            valueName: "memory|URL"))
    var store = "memory"

    @Option(help: "Worker threads, up to 256 (default: one per processor); 0 with --store postgres runs no jobs here.")
    var workers: Int?

    @Option(help: "Jobs that may wait for a worker, up to 1000000; beyond that requests get 503.")
    var queue = 1024

    @Option(help: "Seconds a finished task's result is kept, up to 604800 (a week).")
    var ttl = 300

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes, up to 1 GiB; larger ones get 413.")
    var maxBody = 16 << 20

    @Option(
        name: .customLong("max-queued-bytes"),
        help: "Bytes held at once for request bodies, queued jobs and kept results; beyond that uploads get 503.")
    var maxQueuedBytes = 256 << 20

    @Option(help: "With --store postgres: seconds a claimed job may run before another worker may take it back.")
    var lease = 30

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port \(port) is outside 0–65535") }
        let fewestWorkers = store == "memory" ? 1 : 0
        if let workers, !(fewestWorkers...256).contains(workers) {
            throw ValidationError(
                "--workers \(workers) is outside \(fewestWorkers)–256"
                    + (workers == 0 ? " (0 needs --store postgres://…)" : ""))
        }
        if !(1...1_000_000).contains(queue) { throw ValidationError("--queue \(queue) is outside 1–1000000") }
        if !(1...604_800).contains(ttl) { throw ValidationError("--ttl \(ttl) is outside 1–604800 seconds") }
        if !(1...(1 << 30)).contains(maxBody) {
            throw ValidationError("--max-body \(maxBody) is outside 1–1073741824 bytes")
        }
        if !((1 << 20)...(1 << 40)).contains(maxQueuedBytes) {
            throw ValidationError("--max-queued-bytes \(maxQueuedBytes) is outside 1 MiB–1 TiB")
        }
        if !(1...86_400).contains(lease) { throw ValidationError("--lease \(lease) is outside 1–86400 seconds") }
        _ = try storeLocation()
    }

    func run() async throws {
        let codec = ParallelCodecOptions(
            workers: workers ?? ParallelCodecOptions.activeProcessorCount,
            queueCapacity: queue, resultTimeToLive: .seconds(ttl))
        let location = try storeLocation()
        let options = ServerOptions(
            host: host, port: port, store: location.map { .postgres($0) } ?? .memory,
            codec: codec, maxBodyBytes: maxBody, maxQueuedBytes: maxQueuedBytes,
            lease: .seconds(lease))
        let (host, where_) = (host, location.map { " on \($0)" } ?? "")
        try await QRService(options: options).run { port in
            // Unbuffered, so that a script waiting for this line sees it at once.
            let line = "qr serve: listening on http://\(host):\(port) with \(codec.workers) workers\(where_)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    /// nil for `memory`.
    private func storeLocation() throws -> PostgresLocation? {
        guard store != "memory" else { return nil }
        do {
            return try PostgresLocation(url: store)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

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

            Examples:
              qr serve                   http://127.0.0.1:8080
              qr serve --port 9000 --workers 4 --queue 256 --ttl 60
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 8080

    @Option(help: "Worker threads, up to 256 (default: one per processor).")
    var workers: Int?

    @Option(help: "Jobs that may wait for a worker, up to 1000000; beyond that requests get 503.")
    var queue = 1024

    @Option(help: "Seconds a finished task's result is kept, up to 604800 (a week).")
    var ttl = 300

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes, up to 1 GiB; larger ones get 413.")
    var maxBody = 16 << 20

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port \(port) is outside 0–65535") }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers \(workers) is outside 1–256") }
        if !(1...1_000_000).contains(queue) { throw ValidationError("--queue \(queue) is outside 1–1000000") }
        // Results live in memory only: a week is already far longer than a client waits.
        if !(1...604_800).contains(ttl) { throw ValidationError("--ttl \(ttl) is outside 1–604800 seconds") }
        if !(1...(1 << 30)).contains(maxBody) { throw ValidationError("--max-body \(maxBody) is outside 1–1073741824 bytes") }
    }

    func run() async throws {
        let codec = ParallelCodecOptions(workers: workers ?? ParallelCodecOptions.activeProcessorCount,
                                         queueCapacity: queue, resultTimeToLive: .seconds(ttl))
        let options = ServerOptions(host: host, port: port, codec: codec, maxBodyBytes: maxBody)
        let host = host
        try await QRService(options: options).run { port in
            // Unbuffered, so that a script waiting for this line sees it at once.
            let line = "qr serve: listening on http://\(host):\(port) with \(codec.workers) workers\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}

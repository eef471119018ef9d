import Logging
import QRCore
import ServiceLifecycle

/// `qr worker`: a process that only runs the PostgreSQL store's jobs, on a
/// ``ParallelCodec`` of its own. Run as many as you like, on any machines;
/// each claims jobs as its workers free up (see ``PostgresWorker``).
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://qr@db.internal/qr")
/// try await QRWorker(location: location, workers: 8).run()   // until SIGINT or SIGTERM
/// ```
///
/// SIGTERM or SIGINT stops claiming; the jobs it holds finish and are
/// recorded, then it exits.
public struct QRWorker: Sendable {
    let database: JobDatabase
    let codec: ParallelCodec
    let worker: PostgresWorker

    /// - Parameters:
    ///   - workers: worker threads (one per processor by default).
    ///   - lease: how long a claimed job may run before another worker may take it back.
    ///   - options: the limits a job is checked against (image size, scale, border).
    public init(
        location: PostgresLocation, workers: Int = ParallelCodecOptions.activeProcessorCount,
        lease: Duration = .seconds(30), options: ServerOptions = ServerOptions(),
        logger: Logger = Logger(label: "qr.worker")
    ) throws {
        var options = options
        options.store = .postgres(location)
        options.lease = lease
        options.codec.workers = workers
        database = JobDatabase(location: location, options: options, workers: workers, logger: logger)
        codec = ParallelCodec(options: options.codec)
        worker = try PostgresWorker(database: database, codec: codec)
    }

    /// Runs until SIGTERM or SIGINT.
    /// - Parameter onReady: called once the schema is ready and the worker claims jobs.
    public func run(onReady: @escaping @Sendable () async -> Void = {}) async throws {
        let database = database
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    database.client, PostgresMaintenance(database: database), CodecLifecycle(codec: codec), worker,
                    ReadyAnnouncer(database: database, onReady: onReady),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: database.logger))
        try await group.run()
    }
}

/// Calls back once the schema is ready, then waits for the shutdown.
private struct ReadyAnnouncer: Service {
    let database: JobDatabase
    let onReady: @Sendable () async -> Void

    func run() async throws {
        try await database.prepare()
        await onReady()
        try? await gracefulShutdown()
    }
}

import Foundation
import Logging
import NIOCore
import PostgresNIO
import QRCore
import ServiceLifecycle

/// The store of `qr serve --store postgres://…`: tasks and results live in
/// PostgreSQL, so any instance answers for any task, a 202 means the job is
/// committed, and any process with workers (`qr serve --workers N`,
/// `qr worker`) runs it. See ``PostgresStatements`` for how jobs are
/// claimed, completed, rescued and pruned, and ``PostgresSchema`` for the
/// tables.
///
/// Every call is bounded by ``ServerOptions/storeTimeout`` (see
/// ``Deadline``): while the database is down or slow, requests get 503 with
/// `Retry-After`, and the pool connects again by itself when it returns.
final class PostgresJobStore: JobStore, Sendable {
    /// Claims of a job before it ends as an error: a job whose worker dies or
    /// stalls past its lease this many times is not tried again.
    static let maxAttempts = 3
    /// How often a waiter looks at its task when no notification came: the
    /// slow path, for notifications lost while the listener reconnected.
    static let fallbackPoll = Duration.seconds(2)

    let database: JobDatabase
    let codec: ParallelCodec?
    let waiters: CompletionWaiters
    private let listener: NotificationListener
    private let maintenance: PostgresMaintenance
    private let worker: PostgresWorker?

    var name: String { "postgres" }
    private var options: ServerOptions { database.options }

    /// - Parameters:
    ///   - codec: this process's workers, which run jobs from the store
    ///     (and the synchronous routes' jobs directly); nil for a front end.
    init(
        location: PostgresLocation, codec: ParallelCodec?, options: ServerOptions,
        logger: Logger = Logger(label: "qr.store")
    ) throws {
        let database = JobDatabase(
            location: location, options: options, workers: codec?.options.workers ?? 0,
            logger: logger)
        self.database = database
        self.codec = codec
        let waiters = CompletionWaiters()
        self.waiters = waiters
        listener = NotificationListener(
            channel: database.doneChannel, configuration: try location.connectionConfiguration(), logger: logger,
            onNotification: { payload in TaskID(uuidText: payload).map(waiters.finished) },
            onReconnect: { waiters.wakeAll() })
        maintenance = PostgresMaintenance(database: database)
        worker = try codec.map { try PostgresWorker(database: database, codec: $0) }
    }

    /// The pool, the completion listener, the maintenance, the codec, then
    /// the workers: stopped in reverse, so the workers finish and record
    /// their jobs while the codec and the pool still run.
    var services: [any Service] {
        var services: [any Service] = [database.client, listener, maintenance]
        if let codec, let worker { services += [CodecLifecycle(codec: codec), worker] }
        return services
    }

    func prepare() async throws {
        try await database.prepare()
    }

    // MARK: - JobStore

    func submit(_ request: TaskRequest, idempotencyKey: String?) async throws(APIError) -> SubmittedTask {
        for _ in 0..<2 {
            let id = TaskID.random()
            if !(try await database.rows(insert(request, id: id, idempotencyKey: idempotencyKey))).isEmpty {
                return SubmittedTask(id: id, kind: request.kind)
            }
            guard let idempotencyKey,
                let (existing, kind, format, expired) = try await database.rows(
                    PostgresStatements.FindKey(key: idempotencyKey)
                ).first
            else { throw queueFull() }
            if !expired { return SubmittedTask(id: TaskID(uuid: existing), kind: try Self.kind(kind, format)) }
            _ = try await database.rows(PostgresStatements.DropExpiredKey(key: idempotencyKey))
        }
        throw queueFull()
    }

    func snapshot(of id: TaskID) async throws(APIError) -> TaskSnapshot? {
        try await database.rows(PostgresStatements.Read(id: id.uuid)).first?.snapshot
    }

    /// Waits for the completion notification, looking at the task again at
    /// least every ``fallbackPoll``.
    func waitForOutcome(of id: TaskID, upTo limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let expectation = waiters.expect(id)
            defer { expectation.cancel() }
            guard let task = try? await snapshot(of: id) else { return }
            if case .finished = task.state { return }
            await expectation.wait(upTo: min(Self.fallbackPoll, deadline - ContinuousClock.now))
        }
    }

    /// With workers of its own, the job runs here: its outcome is nobody
    /// else's business. A front end queues it like any other and waits.
    func run(_ request: TaskRequest) async throws(APIError) -> TaskOutcome {
        if let codec { return try await PostgresWorker.run(request, on: codec, options: options) }
        let id = TaskID.random()
        guard !(try await database.rows(insert(request, id: id, idempotencyKey: nil))).isEmpty else {
            throw queueFull()
        }
        await waitForOutcome(of: id, upTo: options.maxWait)
        guard let task = try await database.rows(PostgresStatements.Take(id: id.uuid)).first,
            case let .finished(outcome) = task.snapshot.state
        else {
            throw .unavailable(
                "no worker finished the job within \(options.maxWait); it stays queued",
                retryAfterSeconds: options.retryAfterSeconds)
        }
        return outcome
    }

    func health() async -> StoreHealth {
        do {
            _ = try await Deadline.run(within: options.storeTimeout) { [client = database.client] in
                try await client.query("SELECT 1")
            }
            return StoreHealth(reachable: true)
        } catch {
            return StoreHealth(
                reachable: false,
                problem: "PostgreSQL at \(database.location): \(JobDatabase.describe(error))")
        }
    }

    func metrics(into page: inout PrometheusText) async {
        let tally = try? await database.execute(PostgresStatements.Tally()).first
        page.gauge("qr_store_up", "Whether the job store answered this scrape.", tally == nil ? 0 : 1)
        page.gauge(
            "qr_store_waiters", "Requests of this process waiting for a completion notification.",
            waiters.count)
        guard let tally else { return }
        page.gauge(
            "qr_store_jobs", "Tasks in the store, by state.", label: "state",
            [("queued", tally.queued), ("running", tally.running), ("finished", tally.finished)])
        page.counter(
            "qr_store_duplicate_completions_total",
            "Late completions discarded: a job run again after its lease expired finished twice.",
            tally.duplicateCompletions)
        page.counter(
            "qr_store_rescued_jobs_total", "Jobs queued again after their worker's lease expired.",
            tally.rescued)
        page.counter(
            "qr_store_exhausted_jobs_total",
            "Jobs ended as errors after their lease expired on every attempt.", tally.exhausted)
    }

    private func insert(_ request: TaskRequest, id: TaskID, idempotencyKey: String?) -> PostgresStatements.Insert {
        let format: String? = if case let .generate(format) = request.kind { format.rawValue } else { nil }
        return PostgresStatements.Insert(
            id: id.uuid, kind: request.kind.name, format: format, request: ByteBuffer(bytes: request.payload),
            idempotencyKey: idempotencyKey, maxAttempts: Self.maxAttempts,
            ttlSeconds: Int(options.codec.resultTimeToLive.components.seconds),
            queueCapacity: options.codec.queueCapacity, jobsChannel: database.jobsChannel)
    }

    private func queueFull() -> APIError {
        .unavailable(
            "queue full: \(options.codec.queueCapacity) jobs are waiting in the store; retry later",
            retryAfterSeconds: options.retryAfterSeconds)
    }

    private static func kind(_ name: String, _ format: String?) throws(APIError) -> TaskKind {
        switch (name, format.flatMap(OutputFormat.init(rawValue:))) {
        case let ("generate", format?): return .generate(format)
        case ("decode", _): return .decode
        default: throw APIError(.internalServerError, "unreadable task kind \(name)")
        }
    }
}

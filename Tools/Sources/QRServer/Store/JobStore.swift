import Hummingbird
import ServiceLifecycle

/// Where tasks live between `POST` and `GET /result`: in this process's
/// memory, on the ``ParallelCodec`` that runs them (``MemoryJobStore``), or
/// in PostgreSQL, where any instance answers for any task and any worker
/// runs it (``PostgresJobStore``). The routes talk to this protocol only.
///
/// Every method answers within a bounded time: a store that cannot be
/// reached throws 503 with `Retry-After`, never hangs.
protocol JobStore: Sendable {
    /// `memory` or `postgres`, for `/healthz` and `/metrics`.
    var name: String { get }

    /// Queues a job and names it with a new task, or, for an
    /// `Idempotency-Key` already used, returns that key's task.
    /// - Throws: 503 when the queue is full or the store unreachable.
    func submit(_ request: TaskRequest, idempotencyKey: String?) async throws(APIError) -> SubmittedTask

    /// Where a task stands; nil when it is unknown or its result expired.
    func snapshot(of id: TaskID) async throws(APIError) -> TaskSnapshot?

    /// Returns when the task has finished (or is unknown) or `limit` has passed.
    func waitForOutcome(of id: TaskID, upTo limit: Duration) async

    /// Runs a job and returns its outcome without keeping it (`GET /qr`,
    /// `POST /decode?sync=1`).
    /// - Throws: 503 when the queue is full, the store unreachable or the
    ///   job not finished within the longest wait.
    func run(_ request: TaskRequest) async throws(APIError) -> TaskOutcome

    /// Whether the store answers now.
    func health() async -> StoreHealth

    /// The store's lines of `GET /metrics`.
    func metrics(into page: inout PrometheusText) async

    /// What must run beside the HTTP server, started before it and stopped
    /// after it, in reverse order (a database client first, so it stops last;
    /// the codec's shutdown before the workers that feed it, so it stops after them).
    var services: [any Service] { get }

    /// Work before the server takes requests (creating the schema).
    func prepare() async throws
}

/// A task just queued, or the one an idempotency key already named.
struct SubmittedTask: Sendable, Hashable {
    let id: TaskID
    let kind: TaskKind
}

/// A task as `GET /result/{id}` shows it.
struct TaskSnapshot: Sendable, Hashable {
    enum State: Sendable, Hashable {
        case pending
        case running
        case finished(TaskOutcome)
    }

    let kind: TaskKind
    let state: State
}

/// The answer of `GET /healthz`.
struct StoreHealth: Sendable, Hashable {
    var reachable: Bool
    /// Why not, when it is not.
    var problem: String?
}

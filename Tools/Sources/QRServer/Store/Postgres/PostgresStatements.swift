import Foundation
import NIOCore
import PostgresNIO

/// The statements of the PostgreSQL store, prepared once per connection
/// and run with bound parameters. Each is one statement, so each is atomic
/// without a transaction of ours, and none holds a lock past its own end.
///
/// The shape follows the PostgreSQL job queues that have run in production
/// for years: claims that lock candidate rows with `FOR UPDATE SKIP LOCKED`
/// and mark them in the same statement (Oban's `fetch_jobs`, River's
/// `JobGetAvailable`, Solid Queue's `ReadyExecution.claim`), a lease after
/// which a job is taken back (graphile-worker's `locked_at` expiry, Oban's
/// Lifeline rescue, River's rescuer), completion that only a job still
/// unfinished accepts (River's "set state if running"), NOTIFY on insert
/// with LISTEN in the workers (River, Oban, graphile-worker), and pruning in
/// bounded batches (Oban's Pruner, River's cleaner).
enum PostgresStatements {
    /// Queues a job unless `queue` jobs already wait (the count stops at
    /// `queue`, so a full queue costs at most that many index entries), and
    /// unless its idempotency key is taken (`ON CONFLICT DO NOTHING`: a
    /// concurrent insert of the same key waits for the first and then does
    /// nothing). Wakes the workers: the notification is sent at commit,
    /// so a worker never wakes before the job is visible.
    struct Insert: PostgresPreparedStatement {
        static let sql = """
            WITH queued AS (SELECT count(*) AS n FROM (SELECT 1 FROM jobs WHERE state = 'queued' LIMIT $8) AS q),
            inserted AS (
                INSERT INTO jobs (id, kind, format, request, idempotency_key, max_attempts, ttl_seconds)
                SELECT $1, $2, $3, $4, $5, $6, $7 FROM queued WHERE queued.n < $8
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id)
            SELECT id, pg_notify($9, '')::text FROM inserted
            """
        typealias Row = UUID

        var id: UUID
        var kind: String
        var format: String?
        var request: ByteBuffer
        var idempotencyKey: String?
        var maxAttempts: Int
        var ttlSeconds: Int
        var queueCapacity: Int
        var jobsChannel: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 9)
            bindings.append(id)
            bindings.append(kind)
            bindings.append(format)
            bindings.append(request)
            bindings.append(idempotencyKey)
            bindings.append(Int32(maxAttempts))
            bindings.append(Int32(ttlSeconds))
            bindings.append(queueCapacity)
            bindings.append(jobsChannel)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode((UUID, String).self).0
        }
    }

    /// The task an idempotency key names, expired or not.
    struct FindKey: PostgresPreparedStatement {
        static let sql = """
            SELECT id, kind, format, expires_at IS NOT NULL AND expires_at <= now() FROM jobs
            WHERE idempotency_key = $1
            """
        typealias Row = (UUID, String, String?, Bool)

        var key: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(key)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Row.self)
        }
    }

    /// Drops a finished task whose result expired, so that its key may name a new one.
    struct DropExpiredKey: PostgresPreparedStatement {
        static let sql = "DELETE FROM jobs WHERE idempotency_key = $1 AND expires_at <= now() RETURNING id"
        typealias Row = UUID

        var key: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(key)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(UUID.self)
        }
    }

    /// Claims up to `limit` queued jobs, oldest first, in one statement: the
    /// rows are locked with `SKIP LOCKED` (claimers never wait for one
    /// another and never take the same row), marked running with a lease,
    /// and their attempt counted, before any other claimer can see them.
    struct Claim: PostgresPreparedStatement {
        static let sql = """
            WITH next AS (
                SELECT id FROM jobs WHERE state = 'queued'
                ORDER BY created_at LIMIT $1
                FOR UPDATE SKIP LOCKED)
            UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1,
                lease_until = now() + make_interval(secs => $2), claimed_by = $3
            FROM next WHERE jobs.id = next.id
            RETURNING jobs.id, jobs.kind, jobs.request, jobs.attempts
            """
        typealias Row = ClaimedJob

        var limit: Int
        var leaseSeconds: Double
        var worker: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(limit)
            bindings.append(leaseSeconds)
            bindings.append(worker)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (id, kind, request, attempts) = try row.decode((UUID, String, ByteBuffer, Int32).self)
            return ClaimedJob(id: id, kind: kind, request: Array(request.readableBytesView), attempt: Int(attempts))
        }
    }

    /// Records a job's outcome if it has none yet: the first completion wins.
    /// A late one (a worker that stalled past its lease while another ran
    /// the job again) matches no row; it is discarded and counted in
    /// `duplicate_completions`. The request bytes are dropped, the result
    /// expires after the task's time to live, and waiters are told at commit.
    struct Complete: PostgresPreparedStatement {
        static let sql = """
            WITH finished AS (
                UPDATE jobs SET state = $2, result = $3, result_json = $4, request = '\\x'::bytea,
                    lease_until = NULL, finished_at = now(), expires_at = now() + make_interval(secs => ttl_seconds)
                WHERE id = $1 AND state IN ('queued', 'running')
                RETURNING id),
            late AS (
                UPDATE counters SET value = value + 1
                WHERE name = 'duplicate_completions' AND NOT EXISTS (SELECT 1 FROM finished))
            SELECT id, pg_notify($5, id::text)::text FROM finished
            """
        typealias Row = UUID

        var id: UUID
        var outcome: StoredOutcome
        var doneChannel: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 5)
            bindings.append(id)
            bindings.append(outcome.state)
            bindings.append(outcome.result)
            bindings.append(outcome.resultJSON)
            bindings.append(doneChannel)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode((UUID, String).self).0
        }
    }

    /// Takes back up to `limit` jobs whose lease expired (their worker died
    /// or stalled): queued again, or, after `max_attempts` claims, failed
    /// with `message`, so that a job that kills its workers ends instead of
    /// looping. Requeued jobs wake the workers; failed ones their waiters.
    struct Rescue: PostgresPreparedStatement {
        static let sql = """
            WITH expired AS (
                SELECT id FROM jobs WHERE state = 'running' AND lease_until < now()
                ORDER BY lease_until LIMIT $1
                FOR UPDATE SKIP LOCKED),
            rescued AS (
                UPDATE jobs SET
                    state = CASE WHEN jobs.attempts >= jobs.max_attempts THEN 'failed' ELSE 'queued' END,
                    lease_until = NULL, claimed_by = NULL,
                    finished_at = CASE WHEN jobs.attempts >= jobs.max_attempts THEN now() END,
                    expires_at = CASE WHEN jobs.attempts >= jobs.max_attempts
                        THEN now() + make_interval(secs => jobs.ttl_seconds) END,
                    result_json = CASE WHEN jobs.attempts >= jobs.max_attempts THEN $2 END,
                    request = CASE WHEN jobs.attempts >= jobs.max_attempts THEN '\\x'::bytea ELSE jobs.request END
                FROM expired WHERE jobs.id = expired.id
                RETURNING jobs.id, jobs.state),
            counted AS (
                UPDATE counters SET value = value + tally.n
                FROM (SELECT CASE WHEN state = 'failed' THEN 'exhausted_jobs' ELSE 'rescued_jobs' END AS name,
                             count(*) AS n
                      FROM rescued GROUP BY 1) AS tally
                WHERE counters.name = tally.name)
            SELECT id, state,
                (CASE WHEN state = 'failed' THEN pg_notify($3, id::text) ELSE pg_notify($4, '') END)::text
            FROM rescued
            """
        typealias Row = (UUID, String)

        var limit: Int
        var exhaustedFailure: String
        var doneChannel: String
        var jobsChannel: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(limit)
            bindings.append(exhaustedFailure)
            bindings.append(doneChannel)
            bindings.append(jobsChannel)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (id, state, _) = try row.decode((UUID, String, String).self)
            return (id, state)
        }
    }

    /// Deletes up to `limit` tasks whose results expired. Bounded, so that
    /// no statement holds many row locks or writes much WAL at once; the
    /// caller repeats it while it finds a full batch.
    struct Prune: PostgresPreparedStatement {
        static let sql = """
            WITH pruned AS (
                DELETE FROM jobs WHERE ctid IN (
                    SELECT ctid FROM jobs WHERE expires_at < now() LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING 1)
            SELECT count(*) FROM pruned
            """
        typealias Row = Int

        var limit: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(limit)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Int.self)
        }
    }

    /// A task as `GET /result` shows it, unless its result expired.
    struct Read: PostgresPreparedStatement {
        static let sql = """
            SELECT kind, format, state, result, result_json FROM jobs
            WHERE id = $1 AND (expires_at IS NULL OR expires_at > now())
            """
        typealias Row = StoredTask

        var id: UUID

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try StoredTask(row.decode((String, String?, String, ByteBuffer?, String?).self))
        }
    }

    /// A synchronous job's outcome, deleted as it is read: nobody else knows its task.
    struct Take: PostgresPreparedStatement {
        static let sql = """
            DELETE FROM jobs WHERE id = $1 AND state IN ('succeeded', 'failed')
            RETURNING kind, format, state, result, result_json
            """
        typealias Row = StoredTask

        var id: UUID

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try StoredTask(row.decode((String, String?, String, ByteBuffer?, String?).self))
        }
    }

    /// The queue's state and the store's totals, for `/metrics`.
    struct Tally: PostgresPreparedStatement {
        static let sql = """
            SELECT
                (SELECT count(*) FROM jobs WHERE state = 'queued'),
                (SELECT count(*) FROM jobs WHERE state = 'running'),
                (SELECT count(*) FROM jobs WHERE state IN ('succeeded', 'failed')),
                (SELECT value FROM counters WHERE name = 'duplicate_completions'),
                (SELECT value FROM counters WHERE name = 'rescued_jobs'),
                (SELECT value FROM counters WHERE name = 'exhausted_jobs')
            """
        typealias Row = StoreTally

        func makeBindings() throws -> PostgresBindings { PostgresBindings() }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let values = try row.decode((Int, Int, Int, Int, Int, Int).self)
            return StoreTally(
                queued: values.0, running: values.1, finished: values.2, duplicateCompletions: values.3,
                rescued: values.4, exhausted: values.5)
        }
    }
}

/// A job a worker claimed.
struct ClaimedJob: Sendable {
    let id: UUID
    let kind: String
    let request: [UInt8]
    /// 1 for the first claim; more after rescues.
    let attempt: Int
}

/// The store's counts for `/metrics`.
struct StoreTally: Sendable, Hashable {
    var queued: Int
    var running: Int
    var finished: Int
    var duplicateCompletions: Int
    var rescued: Int
    var exhausted: Int
}

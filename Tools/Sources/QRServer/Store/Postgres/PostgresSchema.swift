import Logging
import PostgresNIO

/// The tables of the PostgreSQL store and their migrations.
///
/// `migrate` runs at every start of `qr serve` and `qr worker`, in one
/// transaction under a transaction-scoped advisory lock
/// (`pg_advisory_xact_lock`), so that any number of processes may start at
/// once: the first creates or upgrades the schema, the others wait for it and
/// then find nothing to do. `schema_version` holds the version reached; each
/// migration is a list of statements applied once, in order, never edited
/// after release (a change is a new migration).
enum PostgresSchema {
    /// The lock's first key: this program's; the second is the schema's name.
    static let lockKey: Int32 = 0x5152_5354  // "QRST"

    /// Migration N (from 1) takes the schema from version N-1 to N.
    static let migrations: [[String]] = [
        [
            // One row a task. `request` is the generate fields (JSON) or the
            // image, emptied when the task finishes; `result` is a generate
            // task's image, `result_json` a decode task's codes or a failure.
            """
            CREATE TABLE jobs (
                id uuid PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('generate', 'decode')),
                format text CHECK (format IN ('png', 'svg')),
                state text NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
                request bytea NOT NULL,
                idempotency_key text UNIQUE,
                attempts integer NOT NULL DEFAULT 0,
                max_attempts integer NOT NULL,
                ttl_seconds integer NOT NULL,
                lease_until timestamptz,
                claimed_by text,
                created_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                expires_at timestamptz,
                result bytea,
                result_json text
            )
            """,
            // Partial indexes, each as small as the set it serves: claims walk
            // the queued jobs oldest first, the rescue the expired leases, the
            // pruning the expired results.
            "CREATE INDEX jobs_queued ON jobs (created_at) WHERE state = 'queued'",
            "CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running'",
            "CREATE INDEX jobs_expiry ON jobs (expires_at) WHERE expires_at IS NOT NULL",
            // Totals every process adds to, for /metrics on any instance.
            "CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL DEFAULT 0)",
            "INSERT INTO counters (name) VALUES ('duplicate_completions'), ('rescued_jobs'), ('exhausted_jobs')",
        ]
    ]

    static var version: Int { migrations.count }

    /// Creates the schema or brings it to ``version``.
    /// - Returns: the version found before (0 for a new schema).
    @discardableResult
    static func migrate(_ connection: PostgresConnection, schema: String, logger: Logger) async throws -> Int {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey), hashtext(\(schema)))", logger: logger)
            // The name is checked by PostgresLocation: lowercase letters, digits and _.
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(schema)"), logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)",
                logger: logger)
            var found = 0
            for try await version in try await connection.query("SELECT version FROM schema_version", logger: logger)
                .decode(Int.self)
            { found = version }
            guard found < version else { return found }
            if found == 0 {
                try await connection.query("INSERT INTO schema_version (version) VALUES (0)", logger: logger)
            }
            for statements in migrations[found...] {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            try await connection.query("UPDATE schema_version SET version = \(version)", logger: logger)
            logger.info(
                "job store schema migrated",
                metadata: [
                    "schema": "\(schema)", "from": "\(found)",
                    "to": "\(version)",
                ])
            return found
        }
    }
}

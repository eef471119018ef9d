import Logging
import PostgresNIO

/// The database behind the PostgreSQL store, shared by the store's front
/// end, its workers and its maintenance: the connection pool, the channel
/// names, the schema's migration, and statements run within the time limit.
final class JobDatabase: Sendable {
    let location: PostgresLocation
    let options: ServerOptions
    let client: PostgresClient
    let logger: Logger
    private let migration = Migration()

    var jobsChannel: String { "\(location.schema)_jobs" }
    var doneChannel: String { "\(location.schema)_done" }

    /// - Parameter workers: the workers of this process, each of which may
    ///   complete a job while requests run.
    init(location: PostgresLocation, options: ServerOptions, workers: Int, logger: Logger) {
        self.location = location
        self.options = options
        self.logger = logger
        client = PostgresClient(
            configuration: location.clientConfiguration(
                statementTimeout: options.storeTimeout,
                maxConnections: 8 + 2 * workers),
            backgroundLogger: logger)
    }

    /// Creates or migrates the schema, waiting up to 30 s for the database.
    func prepare() async throws {
        try await migration.run { [self] in
            var attempt = 0
            while true {
                attempt += 1
                do {
                    _ = try await Deadline.run(within: .seconds(10)) { [self] in
                        try await client.withConnection { connection in
                            try await PostgresSchema.migrate(connection, schema: location.schema, logger: logger)
                        }
                    }
                    return
                } catch {
                    guard attempt < 30 else { throw error }
                    logger.warning(
                        "waiting for PostgreSQL at \(location)", metadata: ["error": "\(Self.describe(error))"])
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    /// Runs a statement within ``ServerOptions/storeTimeout`` and collects its rows.
    func execute<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row]
    where Statement.Row: Sendable {
        try await Deadline.run(within: options.storeTimeout) { [client] in
            var rows: [Statement.Row] = []
            for try await row in try await client.execute(statement) { rows.append(row) }
            return rows
        }
    }

    /// As ``execute(_:)``, answering a failure with 503 and `Retry-After`.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws(APIError) -> [Statement.Row]
    where Statement.Row: Sendable {
        do {
            return try await execute(statement)
        } catch {
            logger.warning(
                "job store statement failed",
                metadata: [
                    "statement": "\(Statement.self)",
                    "error": "\(Self.describe(error))",
                ])
            throw .unavailable(
                "the job store (PostgreSQL) is unavailable: \(Self.describe(error))",
                retryAfterSeconds: options.retryAfterSeconds)
        }
    }

    /// A short account of a database error for a client and the log.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

/// Runs the migration once, however many callers ask (the server before it
/// listens, its workers before they claim).
private actor Migration {
    private var task: Task<Void, any Error>?

    func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        if task == nil { task = Task { try await body() } }
        try await task!.value
    }
}

import Foundation
import Logging
import PostgresNIO
import Testing

@testable import QRServer

/// The PostgreSQL database of the store's tests: `QR_TEST_POSTGRES_URL`
/// (`Scripts/pg-test.sh` starts a throwaway PostgreSQL 15 and sets it). Each
/// test works in a schema of its own, dropped at its end, so tests run in
/// parallel and leave nothing behind. Without the variable the suites are
/// skipped, and the script fails if they did not run.
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["QR_TEST_POSTGRES_URL"]
    static var isConfigured: Bool { url != nil }

    static var logger: Logger {
        var logger = Logger(label: "qr-store-test")
        logger.logLevel = .error
        return logger
    }

    /// A location in a new schema.
    static func location(schema: String = "qrtest_\(TaskID.random().description.prefix(12))") throws -> PostgresLocation
    {
        try PostgresLocation(url: try #require(url), schema: schema)
    }

    /// Options for a store in `location`, with small limits.
    static func options(
        _ location: PostgresLocation, workers: Int = 0, queue: Int = 64, ttl: Int = 300
    ) -> ServerOptions {
        var options = TestServer.options(workers: max(workers, 1), queue: queue, ttl: .seconds(ttl))
        options.codec.workers = workers
        options.store = .postgres(location)
        options.storeTimeout = .seconds(10)
        return options
    }

    /// Runs `body` with a migrated database whose pool runs meanwhile; drops the schema after.
    static func withDatabase<Value: Sendable>(
        _ options: ServerOptions? = nil,
        _ body: @Sendable (JobDatabase) async throws -> Value
    ) async throws -> Value {
        let options = try options ?? Self.options(location())
        guard case let .postgres(location) = options.store else { throw PostgresLocation.Missing() }
        let database = JobDatabase(location: location, options: options, workers: 0, logger: logger)
        return try await running(database.client) {
            let result: Result<Value, any Error>
            do {
                try await database.prepare()
                result = .success(try await body(database))
            } catch {
                result = .failure(error)
            }
            try? await dropSchema(location)
            return try result.get()
        }
    }

    /// Runs `body` while `client` runs.
    static func running<Value: Sendable>(
        _ client: PostgresClient,
        _ body: () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Drops a test's schema, on a connection of its own.
    static func dropSchema(_ location: PostgresLocation) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try location.connectionConfiguration(), id: 0,
            logger: logger)
        try await connection.query(
            PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.schema) CASCADE"),
            logger: logger)
        try await connection.close()
    }
}

extension PostgresLocation {
    struct Missing: Error {}
}

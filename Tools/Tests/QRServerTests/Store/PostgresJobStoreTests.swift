import Foundation
import Hummingbird
import HummingbirdTesting
import QRCore
import Testing

@testable import QRServer

/// The PostgreSQL store through its front end and the HTTP API, with real
/// worker processes' code (``QRWorker``) and a real database.
@Suite(.enabled(if: TestDatabase.isConfigured, "QR_TEST_POSTGRES_URL is not set (Scripts/pg-test.sh sets it)"))
struct PostgresJobStoreTests {
    /// Runs `body` with a front end (no workers) on a fresh schema.
    private func withFrontEnd<Value: Sendable>(
        queue: Int = 64,
        _ body: @Sendable (PostgresJobStore) async throws -> Value
    ) async throws -> Value {
        let location = try TestDatabase.location()
        let store = try PostgresJobStore(
            location: location, codec: nil,
            options: TestDatabase.options(location, queue: queue),
            logger: TestDatabase.logger)
        defer { Task { try? await TestDatabase.dropSchema(location) } }
        return try await TestDatabase.running(store.database.client) {
            try await store.prepare()
            return try await body(store)
        }
    }

    /// Eight requests with one idempotency key at once: one task, one row.
    @Test func concurrentSubmissionsWithOneKeyMakeOneTask() async throws {
        try await withFrontEnd { store in
            let ids = try await withThrowingTaskGroup(of: TaskID.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.submit(.generate(try Self.parameters("same")), idempotencyKey: "k-1").id
                    }
                }
                return try await group.reduce(into: Set<TaskID>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            let other = try await store.submit(.generate(try Self.parameters("same")), idempotencyKey: "k-2")
            #expect(!ids.contains(other.id))
            #expect(try await store.database.execute(PostgresStatements.Tally()).first?.queued == 2)
        }
    }

    /// Past the queue depth, a submission is 503 with `Retry-After`.
    @Test func aFullQueueIs503() async throws {
        try await withFrontEnd(queue: 2) { store in
            _ = try await store.submit(.decode(image: [1]), idempotencyKey: nil)
            _ = try await store.submit(.decode(image: [2]), idempotencyKey: nil)
            let error = await #expect(throws: APIError.self) {
                try await store.submit(.decode(image: [3]), idempotencyKey: nil)
            }
            #expect(error?.status == .serviceUnavailable)
            #expect(error?.headers[.retryAfter] == "1")
            #expect(error?.message.hasPrefix("queue full") == true)
        }
    }

    /// A database that does not answer: every call is 503 within the store
    /// timeout, and the health check says so.
    @Test func anUnreachableDatabaseIs503() async throws {
        var location = try TestDatabase.location()
        location.port = 9  // nothing listens on the discard port
        var options = TestDatabase.options(location)
        options.storeTimeout = .milliseconds(500)
        let store = try PostgresJobStore(location: location, codec: nil, options: options, logger: TestDatabase.logger)
        try await TestDatabase.running(store.database.client) {
            let error = await #expect(throws: APIError.self) {
                try await store.submit(.decode(image: [1]), idempotencyKey: nil)
            }
            #expect(error?.status == .serviceUnavailable)
            #expect(error?.headers[.retryAfter] == "1")
            #expect(error?.message.contains("job store (PostgreSQL) is unavailable") == true)
            await #expect(throws: APIError.self) { try await store.snapshot(of: TaskID.random()) }
            let health = await store.health()
            #expect(!health.reachable)
            #expect(health.problem?.contains(":9/") == true)
        }
    }

    /// Two front ends and a worker process on one database: a task
    /// submitted through one is read through the other, for generate and
    /// decode, and the synchronous routes go through the store too.
    @Test(.timeLimit(.minutes(2)))
    func frontEndsAndAWorkerShareTheStore() async throws {
        let location = try TestDatabase.location()
        let options = TestDatabase.options(location)
        let worker = try QRWorker(
            location: location, workers: 1, lease: .seconds(30), options: options,
            logger: TestDatabase.logger)
        let png = try QRCode(text: "through the store").pngData(options: RenderOptions(scale: 4))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            try await TestServer.serve(options) { first in
                try await TestServer.serve(options) { second in
                    let generate = try await first.submit("/generate", json: #"{"text": "shared", "format": "svg"}"#)
                    let result = try await second.finished(generate)
                    #expect(result["status"] as? String == "success")
                    #expect(result["format"] as? String == "svg")
                    let image = try await second.get("/result/\(generate)/image")
                    #expect(image.headers[.contentType] == "image/svg+xml")
                    #expect(image.text.hasPrefix("<svg") || image.text.hasPrefix("<?xml"))

                    let decode = try await second.post("/decode", bytes: png)
                    let codes = try await first.finished(try #require(decode.object["task_id"] as? String))
                    #expect((codes["codes"] as? [[String: Any]])?.first?["text"] as? String == "through the store")

                    let quick = try await first.get("/qr?text=sync")
                    #expect(quick.status == .ok)
                    #expect(quick.headers[.contentType] == "image/png")
                    let sync = try await second.post("/decode?sync=1", bytes: png)
                    #expect(sync.status == .ok)

                    let health = try await first.get("/healthz")
                    #expect(health.object["store"] as? String == "postgres")
                    let metrics = try await second.get("/metrics").text
                    #expect(metrics.contains("\nqr_store_up 1\n"))
                    #expect(metrics.contains("\nqr_workers 0\n"))
                }
            }
            group.cancelAll()
        }
        try await TestDatabase.dropSchema(location)
    }

    private static func parameters(_ text: String) throws -> GenerateParameters {
        try GenerateParameters(RequestFields(json: Array(#"{"text": "\#(text)"}"#.utf8)), limits: ServerOptions())
    }
}

import Foundation
import NIOCore
import PostgresNIO
import Testing

@testable import QRServer

/// The store's statements against a real PostgreSQL (no mock): migration,
/// claim, completion, rescue and pruning, each with what must hold when
/// several processes run them at once.
@Suite(.enabled(if: TestDatabase.isConfigured, "QR_TEST_POSTGRES_URL is not set (Scripts/pg-test.sh sets it)"))
struct PostgresStatementTests {
    /// Queues `count` generate jobs with time to live `ttl` seconds.
    private func insert(_ count: Int, into database: JobDatabase, ttl: Int = 300) async throws -> [UUID] {
        var ids: [UUID] = []
        for index in 0..<count {
            let id = TaskID.random().uuid
            let inserted = try await database.execute(
                PostgresStatements.Insert(
                    id: id, kind: "generate", format: "png", request: ByteBuffer(string: #"{"text":"\#(index)"}"#),
                    idempotencyKey: nil, maxAttempts: 3, ttlSeconds: ttl, queueCapacity: 1000,
                    jobsChannel: database.jobsChannel))
            #expect(inserted == [id])
            ids.append(id)
        }
        return ids
    }

    private func claim(
        _ limit: Int, from database: JobDatabase, lease: Double = 30,
        worker: String = "test"
    ) async throws -> [ClaimedJob] {
        try await database.execute(PostgresStatements.Claim(limit: limit, leaseSeconds: lease, worker: worker))
    }

    private func complete(_ id: UUID, _ outcome: TaskOutcome, in database: JobDatabase) async throws -> Bool {
        try await !database.execute(
            PostgresStatements.Complete(
                id: id, outcome: StoredOutcome(outcome),
                doneChannel: database.doneChannel)
        ).isEmpty
    }

    private func tally(_ database: JobDatabase) async throws -> StoreTally {
        try #require(try await database.execute(PostgresStatements.Tally()).first)
    }

    private func read(_ id: UUID, in database: JobDatabase) async throws -> TaskSnapshot? {
        try await database.execute(PostgresStatements.Read(id: id)).first?.snapshot
    }

    /// Eight processes start at once on a new schema: one creates it, the
    /// others wait on the advisory lock and find it done; none fails.
    @Test func migrationUnderConcurrentStart() async throws {
        let location = try TestDatabase.location()
        let options = TestDatabase.options(location)
        let databases = (0..<8).map { _ in
            JobDatabase(location: location, options: options, workers: 0, logger: TestDatabase.logger)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for database in databases { group.addTask { await database.client.run() } }
            try await withThrowingTaskGroup(of: Void.self) { starts in
                for database in databases { starts.addTask { try await database.prepare() } }
                try await starts.waitForAll()
            }
            let versions = try await databases[0].client.query(
                "SELECT version FROM \(unescaped: location.schema).schema_version"
            )
            .collect().map { try $0.decode(Int.self) }
            #expect(versions == [PostgresSchema.version])
            let again = try await databases[1].client.withConnection { connection in
                try await PostgresSchema.migrate(connection, schema: location.schema, logger: TestDatabase.logger)
            }
            #expect(again == PostgresSchema.version)
            #expect(
                try await tally(databases[2])
                    == StoreTally(
                        queued: 0, running: 0, finished: 0, duplicateCompletions: 0,
                        rescued: 0, exhausted: 0))
            group.cancelAll()
        }
        try await TestDatabase.dropSchema(location)
    }

    /// Two workers claiming at once never take the same job, and each claim
    /// sets the lease and counts the attempt in the same statement.
    @Test func concurrentClaimsTakeEachJobOnce() async throws {
        try await TestDatabase.withDatabase { database in
            let ids = try await insert(7, into: database)
            async let first = claim(4, from: database, worker: "a")
            async let second = claim(4, from: database, worker: "b")
            let claimed = try await first + second
            #expect(claimed.count == 7)
            #expect(Set(claimed.map(\.id)) == Set(ids))
            #expect(claimed.allSatisfy { $0.attempt == 1 && $0.kind == "generate" })
            #expect(try await claim(4, from: database).isEmpty)
            let tally = try await tally(database)
            #expect((tally.queued, tally.running) == (0, 7))
            let leases = try await database.client.query(
                "SELECT count(*) FROM jobs WHERE lease_until > now() + interval '20 seconds' AND claimed_by IN ('a', 'b')"
            )
            .collect().map { try $0.decode(Int.self) }
            #expect(leases == [7])
        }
    }

    /// The first completion wins; a late one changes nothing and is counted.
    @Test func theFirstCompletionWins() async throws {
        try await TestDatabase.withDatabase { database in
            let id = try #require(try await insert(1, into: database).first)
            _ = try await claim(1, from: database)
            #expect(try await complete(id, .image(.png, [1, 2, 3]), in: database))
            #expect(try await !complete(id, .image(.png, [9, 9]), in: database))
            #expect(try await tally(database).duplicateCompletions == 1)
            let task = try #require(try await read(id, in: database))
            #expect(task.state == .finished(.image(.png, [1, 2, 3])))
        }
    }

    /// An expired lease puts the job back in the queue, its attempts kept;
    /// after the last attempt it ends as an error instead.
    @Test func rescueRequeuesThenEndsAnExhaustedJob() async throws {
        try await TestDatabase.withDatabase { database in
            let id = try #require(try await insert(1, into: database).first)
            let message = StoredOutcome.json(TaskFailure(message: "exhausted"))
            for attempt in 1...3 {
                let claimed = try await claim(1, from: database, lease: -1)  // already expired
                #expect(claimed.map(\.attempt) == [attempt])
                let rescued = try await database.execute(
                    PostgresStatements.Rescue(
                        limit: 10, exhaustedFailure: message, doneChannel: database.doneChannel,
                        jobsChannel: database.jobsChannel))
                #expect(rescued.map(\.0) == [id])
                #expect(rescued.map(\.1) == [attempt < 3 ? "queued" : "failed"])
            }
            #expect(try await claim(1, from: database).isEmpty)
            let tally = try await tally(database)
            #expect((tally.rescued, tally.exhausted) == (2, 1))
            let task = try #require(try await read(id, in: database))
            #expect(task.state == .finished(.failure(TaskFailure(message: "exhausted"))))
        }
    }

    /// A job whose lease has not expired is left alone.
    @Test func rescueLeavesLiveLeases() async throws {
        try await TestDatabase.withDatabase { database in
            _ = try await insert(2, into: database)
            _ = try await claim(2, from: database, lease: 60)
            let rescued = try await database.execute(
                PostgresStatements.Rescue(
                    limit: 10, exhaustedFailure: "{}", doneChannel: database.doneChannel,
                    jobsChannel: database.jobsChannel))
            #expect(rescued.isEmpty)
        }
    }

    /// Expired results are deleted in batches of the size asked, and are
    /// invisible as soon as they expire, pruned or not.
    @Test func pruneDeletesExpiredResultsInBatches() async throws {
        try await TestDatabase.withDatabase { database in
            let expiring = try await insert(5, into: database, ttl: 0)
            let kept = try await insert(1, into: database, ttl: 300)
            _ = try await claim(10, from: database)
            for id in expiring + kept { #expect(try await complete(id, .image(.png, [0x3C]), in: database)) }
            #expect(try await read(expiring[0], in: database) == nil)
            var batches: [Int] = []
            for _ in 0..<4 { batches += try await database.execute(PostgresStatements.Prune(limit: 2)) }
            #expect(batches == [2, 2, 1, 0])
            #expect(try await tally(database).finished == 1)
            #expect(try await read(kept[0], in: database)?.state == .finished(.image(.png, [0x3C])))
        }
    }

    /// Every insert notifies the jobs channel, every completion the done
    /// channel with the task's identifier, at commit.
    @Test(.timeLimit(.minutes(1)))
    func insertsAndCompletionsNotify() async throws {
        try await TestDatabase.withDatabase { database in
            let waiters = CompletionWaiters()
            let (jobs, jobsSink) = AsyncStream.makeStream(of: String.self)
            let configuration = try database.location.connectionConfiguration()
            let (listening, ready) = AsyncStream.makeStream(of: Void.self)
            let done = NotificationListener(
                channel: database.doneChannel, configuration: configuration,
                logger: TestDatabase.logger,
                onNotification: { TaskID(uuidText: $0).map(waiters.finished) },
                onReconnect: { ready.yield() })
            let inserted = NotificationListener(
                channel: database.jobsChannel, configuration: configuration,
                logger: TestDatabase.logger, onNotification: { jobsSink.yield($0) },
                onReconnect: { ready.yield() })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await done.run() }
                group.addTask { await inserted.run() }
                var iterator = listening.makeAsyncIterator()
                _ = await iterator.next()
                _ = await iterator.next()
                let id = try #require(try await insert(1, into: database).first)
                var notifications = jobs.makeAsyncIterator()
                #expect(await notifications.next() == "")
                let expectation = waiters.expect(TaskID(uuid: id))
                _ = try await claim(1, from: database)
                #expect(try await complete(id, .codes(.array([])), in: database))
                await expectation.wait(upTo: .seconds(3600))  // returns on the notification only
                expectation.cancel()
                group.cancelAll()
            }
        }
    }
}

import Logging
import ServiceLifecycle

/// What every process on the PostgreSQL store does every few seconds:
/// takes back the jobs whose lease expired (``PostgresStatements/Rescue``)
/// and deletes the tasks whose results expired
/// (``PostgresStatements/Prune``), each in bounded batches. Any number of
/// processes may do it at once: both statements skip rows another holds.
final class PostgresMaintenance: Service, Sendable {
    /// Rows a statement touches at most.
    static let rescueBatch = 100
    static let pruneBatch = 1000
    /// Batches a round runs at most, so that one process never loops for long.
    static let maxBatches = 10

    let database: JobDatabase
    let interval: Duration

    init(database: JobDatabase) {
        self.database = database
        interval = Self.interval(lease: database.options.lease)
    }

    /// A few times a lease, so that a dead worker's jobs wait at most about
    /// a lease and a third; at least every half second, at most every 5 s.
    static func interval(lease: Duration) -> Duration {
        min(.seconds(5), max(.milliseconds(500), lease / 3))
    }

    func run() async {
        await cancelWhenGracefulShutdown {
            guard (try? await self.database.prepare()) != nil else { return }
            while !Task.isCancelled {
                await self.round()
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// One round of rescue and pruning.
    func round() async {
        do {
            let failure = StoredOutcome.json(TaskFailure(message: Self.exhaustedMessage))
            for _ in 0..<Self.maxBatches {
                let rescued = try await database.execute(
                    PostgresStatements.Rescue(
                        limit: Self.rescueBatch, exhaustedFailure: failure, doneChannel: database.doneChannel,
                        jobsChannel: database.jobsChannel))
                for (id, state) in rescued {
                    database.logger.notice(
                        "lease expired", metadata: ["task": "\(TaskID(uuid: id))", "now": "\(state)"])
                }
                if rescued.count < Self.rescueBatch { break }
            }
            for _ in 0..<Self.maxBatches {
                guard
                    try await database.execute(PostgresStatements.Prune(limit: Self.pruneBatch)).first ?? 0
                        == Self.pruneBatch
                else { break }
            }
        } catch {
            database.logger.debug("maintenance skipped", metadata: ["error": "\(JobDatabase.describe(error))"])
        }
    }

    static let exhaustedMessage =
        "the job was claimed \(PostgresJobStore.maxAttempts) times and its worker stopped "
        + "or stalled past its lease each time; it is not tried again"
}

import Foundation
import Logging
import NIOCore
import PostgresNIO
import QRCore
import ServiceLifecycle

/// Runs the PostgreSQL store's jobs on this process's ``ParallelCodec``:
/// the workers of `qr serve --workers N` and of `qr worker`.
///
/// It keeps up to two jobs a codec worker claimed (one running, one ready),
/// claims more as they finish, and otherwise sleeps until a job is inserted
/// (LISTEN on the jobs channel, which every insert NOTIFYs) or, should a
/// notification be lost, until a slow poll. Each outcome is written with
/// ``PostgresStatements/Complete``, retried while the database is away.
/// On graceful shutdown (SIGTERM) it claims nothing more, finishes and
/// completes the jobs it holds, then returns.
final class PostgresWorker: Service, Sendable {
    /// How often the worker looks for jobs when no notification wakes it.
    static let pollInterval = Duration.seconds(2)

    let database: JobDatabase
    let codec: ParallelCodec
    /// Written into `claimed_by`: which process holds a job.
    let name: String
    private let listenerConfiguration: PostgresConnection.Configuration

    private enum Event {
        case wake
        case finished
        case stop
    }

    init(database: JobDatabase, codec: ParallelCodec) throws {
        self.database = database
        self.codec = codec
        name = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"
        listenerConfiguration = try database.location.connectionConfiguration()
    }

    /// The most jobs held at once.
    var capacity: Int { 2 * codec.options.workers }

    func run() async throws {
        try await database.prepare()
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        let listener = NotificationListener(
            channel: database.jobsChannel, configuration: listenerConfiguration,
            logger: database.logger,
            onNotification: { _ in sink.yield(.wake) },
            onReconnect: { sink.yield(.wake) })
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await listener.run() }
            group.addTask {
                while !Task.isCancelled {
                    sink.yield(.wake)
                    try? await Task.sleep(for: Self.pollInterval)
                }
            }
            await withGracefulShutdownHandler {
                await self.work(events, group: &group) { sink.yield(.finished) }
            } onGracefulShutdown: {
                sink.yield(.stop)
            }
            group.cancelAll()
        }
    }

    /// Claims while there is room, until told to stop and every held job is done.
    private func work(
        _ events: AsyncStream<Event>, group: inout TaskGroup<Void>,
        finished: @escaping @Sendable () -> Void
    ) async {
        var held = 0
        var stopping = false
        for await event in events {
            switch event {
            case .wake: break
            case .finished: held -= 1
            case .stop: stopping = true
            }
            if stopping {
                if held == 0 { return }
                continue
            }
            while held < capacity {
                let room = capacity - held
                let claimed: [ClaimedJob]
                do {
                    claimed = try await database.execute(
                        PostgresStatements.Claim(
                            limit: room, leaseSeconds: database.options.lease.seconds, worker: name))
                } catch {
                    database.logger.warning(
                        "claim failed; trying again on the next wake-up",
                        metadata: ["error": "\(JobDatabase.describe(error))"])
                    break
                }
                held += claimed.count
                for job in claimed {
                    group.addTask {
                        await self.execute(job)
                        finished()
                    }
                }
                if claimed.count < room { break }
            }
        }
    }

    /// Runs one job and records its outcome.
    private func execute(_ job: ClaimedJob) async {
        let outcome: TaskOutcome
        do {
            let request = try TaskRequest(kind: job.kind, payload: job.request, limits: database.options)
            outcome = try await Self.run(request, on: codec, options: database.options, whenFull: .wait)
        } catch {
            // The codec is shutting down (or the request is unreadable here):
            // leave the job to its lease, so that another worker runs it.
            database.logger.warning("job not run", metadata: ["task": "\(TaskID(uuid: job.id))", "error": "\(error)"])
            return
        }
        await complete(job, outcome)
    }

    /// Writes the outcome, trying again while the database is unreachable,
    /// for as long as the lease (after which the job is another worker's).
    private func complete(_ job: ClaimedJob, _ outcome: TaskOutcome) async {
        let giveUp = ContinuousClock.now + max(database.options.lease, .seconds(10))
        let statement = PostgresStatements.Complete(
            id: job.id, outcome: StoredOutcome(outcome),
            doneChannel: database.doneChannel)
        var delay = Duration.milliseconds(100)
        while true {
            do {
                if try await database.execute(statement).isEmpty {
                    database.logger.notice(
                        "late completion discarded: the job was finished by another worker",
                        metadata: ["task": "\(TaskID(uuid: job.id))", "attempt": "\(job.attempt)"])
                }
                return
            } catch {
                guard ContinuousClock.now + delay < giveUp else {
                    database.logger.error(
                        "could not record a job's outcome; its lease will expire and it runs again",
                        metadata: [
                            "task": "\(TaskID(uuid: job.id))",
                            "error": "\(JobDatabase.describe(error))",
                        ])
                    return
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(2))
            }
        }
    }

    /// A job's outcome on `codec`: its result, or its own failure.
    /// - Throws: 503 when the codec refuses it (full queue, shutting down).
    static func run(
        _ request: TaskRequest, on codec: ParallelCodec, options: ServerOptions,
        whenFull policy: QueueFullPolicy = .reject
    ) async throws(APIError) -> TaskOutcome {
        do {
            return TaskOutcome(
                .success(
                    try await codec.run(
                        request.codecJob(limits: options.imageLimits),
                        whenFull: policy)))
        } catch .queueFull(let capacity) {
            throw APIError.refusal(.queueFull(capacity: capacity), retryAfterSeconds: options.retryAfterSeconds)
        } catch .shutDown, .cancelled, .expired, .unknownJob {
            throw APIError.refusal(.shutDown, retryAfterSeconds: options.retryAfterSeconds)
        } catch {
            return TaskOutcome(.failure(error))
        }
    }
}

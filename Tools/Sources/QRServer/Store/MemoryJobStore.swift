import QRCore
import ServiceLifecycle

/// The store of `qr serve --store memory`: tasks are jobs of this process's
/// ``ParallelCodec``, which keeps their results until they expire, and a
/// ``TaskRegistry`` maps the random task identifiers to them. Nothing
/// outlives the process.
///
/// Queued bodies and kept results count against the server's ``ByteBudget``:
/// a job's payload from submission until it finishes, then its result for
/// the time to live.
struct MemoryJobStore: JobStore {
    let codec: ParallelCodec
    let tasks: TaskRegistry
    let budget: ByteBudget
    let options: ServerOptions

    var name: String { "memory" }

    init(codec: ParallelCodec, budget: ByteBudget, options: ServerOptions) {
        self.codec = codec
        tasks = TaskRegistry(liveJobBound: Self.liveJobBound(codec.options))
        self.budget = budget
        self.options = options
    }

    /// The most jobs the codec holds unexpired: queued, in flight and kept.
    /// Jobs handed ahead to a worker (up to 128 each) still count against
    /// the queue capacity (``SchedulerStateMachine``'s `waitingCount` is the
    /// queue plus what is in flight beyond one job a worker), so the
    /// unfinished jobs are at most `queueCapacity + workers`. Only the task
    /// table's sweep threshold depends on it, so each term is capped at
    /// 2^40 rather than let a huge queue capacity overflow the sum.
    static func liveJobBound(_ options: ParallelCodecOptions) -> Int {
        let cap = 1 << 40
        return [options.queueCapacity, options.workers, options.maxRetainedResults].reduce(0) { $0 + min($1, cap) }
    }

    func submit(_ request: TaskRequest, idempotencyKey: String?) async throws(APIError) -> SubmittedTask {
        if let idempotencyKey, let (id, entry) = tasks.task(forKey: idempotencyKey),
            await codec.status(entry.job) != .expired
        {
            return SubmittedTask(id: id, kind: entry.kind)
        }
        let job: JobID
        do {
            job = try await codec.submit(request.codecJob(limits: options.imageLimits), whenFull: .reject)
        } catch {
            throw APIError.refusal(error, retryAfterSeconds: options.retryAfterSeconds)
        }
        let registration = tasks.register(TaskEntry(job: job, kind: request.kind, idempotencyKey: idempotencyKey))
        guard registration.isNew else {
            await codec.cancel(job)  // the same key, submitted at the same moment: one task
            return SubmittedTask(id: registration.id, kind: tasks.entry(for: registration.id)?.kind ?? request.kind)
        }
        if registration.sweepDue {
            let (tasks, codec) = (tasks, codec)
            Task { await tasks.sweep { await codec.status($0) } }
        }
        account(job, payload: request.payloadSize)
        return SubmittedTask(id: registration.id, kind: request.kind)
    }

    func snapshot(of id: TaskID) async throws(APIError) -> TaskSnapshot? {
        guard let entry = tasks.entry(for: id) else { return nil }
        switch await codec.status(entry.job) {
        case .queued: return TaskSnapshot(kind: entry.kind, state: .pending)
        case .running: return TaskSnapshot(kind: entry.kind, state: .running)
        case .succeeded, .failed, .cancelled:
            do {
                return TaskSnapshot(
                    kind: entry.kind, state: .finished(TaskOutcome(.success(try await codec.result(entry.job)))))
            } catch .expired, .unknownJob {
                break
            } catch {
                return TaskSnapshot(kind: entry.kind, state: .finished(TaskOutcome(.failure(error))))
            }
        case .expired, .unknown:
            break
        }
        tasks.forget(id)
        return nil
    }

    /// Cancelling the wait for the result leaves the job alone.
    func waitForOutcome(of id: TaskID, upTo limit: Duration) async {
        guard let job = tasks.entry(for: id)?.job else { return }
        let codec = codec
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await codec.result(job) }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    func run(_ request: TaskRequest) async throws(APIError) -> TaskOutcome {
        do {
            return TaskOutcome(
                .success(try await codec.run(request.codecJob(limits: options.imageLimits), whenFull: .reject)))
        } catch .encoding(let failure) {
            return TaskOutcome(.failure(.encoding(failure)))
        } catch .rendering(let failure) {
            return TaskOutcome(.failure(.rendering(failure)))
        } catch .image(let failure) {
            return TaskOutcome(.failure(.image(failure)))
        } catch let .noCodeFound(width, height) {
            return TaskOutcome(.failure(.noCodeFound(width: width, height: height)))
        } catch {
            throw APIError.refusal(error, retryAfterSeconds: options.retryAfterSeconds)
        }
    }

    func health() async -> StoreHealth { StoreHealth(reachable: true) }

    func metrics(into page: inout PrometheusText) async {
        page.gauge("qr_tasks", "Task identifiers the server maps to jobs.", tasks.count)
    }

    var services: [any Service] { [CodecLifecycle(codec: codec)] }

    func prepare() async throws {}

    /// Counts the job's payload until it finishes, then its result until
    /// the result expires.
    private func account(_ job: JobID, payload: Int) {
        budget.take(payload)
        let (codec, budget, timeToLive) = (codec, budget, codec.options.resultTimeToLive)
        Task {
            let outcome: Result<CodecOutput, ParallelCodecError>
            do throws(ParallelCodecError) {
                outcome = .success(try await codec.result(job))
            } catch {
                outcome = .failure(error)
            }
            budget.release(payload)
            budget.retain(Self.size(of: outcome), until: budget.now + timeToLive)
        }
    }

    /// About what a kept outcome costs in memory.
    private static func size(of outcome: Result<CodecOutput, ParallelCodecError>) -> Int {
        switch outcome {
        case let .success(.png(bytes)): bytes.count
        case let .success(.svg(text)): text.utf8.count
        case let .success(.codes(codes)): codes.reduce(0) { $0 + 256 + 2 * $1.bytes.count }
        case .success(.matrix), .failure: 256
        }
    }
}

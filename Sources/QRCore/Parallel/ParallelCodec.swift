/// Encodes and decodes QR Codes on a fixed pool of worker threads, for a
/// server that receives more jobs than one core can do.
///
/// ```swift
/// let codec = ParallelCodec()
/// let request = EncodeRequest(text: "https://example.com", format: .png(RenderOptions()))
/// let id = try await codec.submit(.encode(request))   // at once: 202 + id
/// print(await codec.status(id))                       // queued, running, succeeded…
/// if case let .png(bytes) = try await codec.result(id) { … }
/// let codes = try await codec.decode(DecodeRequest(file: "photo.png"))   // submit and await
/// await codec.shutdown()
/// ```
///
/// - Work: ``ParallelCodecOptions/workers`` threads of its own run the jobs,
///   so at most that many run at once; the actor only keeps the books (a
///   `SchedulerStateMachine`), and no job runs on it or blocks it.
/// - Backpressure: at most ``ParallelCodecOptions/queueCapacity`` jobs wait;
///   beyond that a submission waits or fails at once (``QueueFullPolicy``).
/// - Isolation: a job's failure (too much data, an unreadable image, no code
///   found) is that job's outcome; the workers go on.
/// - Cancellation: ``cancel(_:)``, or cancelling the task that awaits a
///   convenience (``encode(_:whenFull:)``, ``runAll(_:whenFull:)``…). A job
///   cancelled while queued never runs; one cancelled while running has its
///   result discarded (the CPU work itself cannot be interrupted).
/// - Retention: outcomes of ``submit(_:whenFull:)`` jobs are kept for
///   ``result(_:)`` within ``ParallelCodecOptions/resultTimeToLive`` and
///   ``ParallelCodecOptions/maxRetainedResults``, then expire.
/// - Shutdown is explicit: call ``shutdown(_:)`` before dropping a codec.
///   Until then its threads wait for work and keep it alive.
public actor ParallelCodec {
    typealias Machine = SchedulerStateMachine<PooledJob, CodecOutput, BatchSlot>
    typealias Outcome = Result<CodecOutput, ParallelCodecError>

    /// The options the codec was created with.
    public nonisolated let options: ParallelCodecOptions
    private let clock: any ParallelCodecClock
    private let pool: WorkerPool<CodecOutput>
    private var machine: Machine
    private var lastToken: UInt64 = 0
    private var submitters: [WaiterToken: CheckedContinuation<Result<JobID, ParallelCodecError>, Never>] = [:]
    private var awaiting: [WaiterToken: CheckedContinuation<Outcome, Never>] = [:]
    private var batches: [WaiterToken: BatchCollector] = [:]
    private var shutdownWaiters: [CheckedContinuation<Void, Never>] = []

    /// Starts the worker threads.
    /// - Parameters:
    ///   - options: workers, queue capacity and retention.
    ///   - clock: the time source for latencies and expiry.
    /// - Precondition: at least one worker and room for one queued job.
    public init(
        options: ParallelCodecOptions = ParallelCodecOptions(),
        clock: any ParallelCodecClock = ContinuousCodecClock()
    ) {
        self.init(options: options, clock: clock, runner: { $0.run() })
    }

    /// A codec whose workers call `runner` instead of running jobs, for tests
    /// that count, hold or fake the work.
    init(
        options: ParallelCodecOptions, clock: any ParallelCodecClock,
        runner: @escaping @Sendable (CodecJob) -> Result<CodecOutput, ParallelCodecError>
    ) {
        self.options = options
        self.clock = clock
        // Workers run ahead on jobs handed over in advance and report in
        // groups: waking the actor (a futex wake, a thread to schedule) costs
        // far more than the bookkeeping it brings, and when workers fill every
        // core that cost comes out of their time. A group is due at the
        // inbox's backlog limit (64 reports), when the hand-off falls below a
        // quarter while the actor has more to hand over, or when a worker runs
        // dry. 128 jobs ahead per worker outlast a refill after 64 reports; a
        // low-water mark of at least 2 per worker does the same for small queues.
        let prefetch = 128 * options.workers
        machine = Machine(
            limits: Machine.Limits(
                workers: options.workers, prefetch: prefetch, queueCapacity: options.queueCapacity,
                timeToLive: options.resultTimeToLive, maxRetained: options.maxRetainedResults))
        let handedAhead = min(prefetch, options.queueCapacity)
        let lowWater = max(2 * options.workers, handedAhead / 4)
        pool = WorkerPool(workers: options.workers, lowWater: lowWater, clock: clock, runner: runner)
        Task { await self.receiveWorkerEvents() }
    }

    // MARK: - Jobs by identifier

    /// Queues a job and returns its identifier once it is queued: at once
    /// when there is room, or under ``QueueFullPolicy/wait`` when room frees.
    /// Its outcome is kept for ``result(_:)`` until it expires.
    /// - Throws: ``ParallelCodecError/queueFull(capacity:)`` (``QueueFullPolicy/reject``),
    ///   ``ParallelCodecError/shutDown``, or ``ParallelCodecError/cancelled``
    ///   when the task is cancelled while waiting for room (nothing is queued).
    public func submit(
        _ job: CodecJob, whenFull policy: QueueFullPolicy = .wait
    ) async throws(ParallelCodecError) -> JobID {
        catchUp()
        let token = makeToken()
        let now = clock.now()
        machine.expire(now: now)
        let admission = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                submitters[token] = continuation
                let item = Machine.Item(work: PooledJob(job: job, reportsAtOnce: true), owner: nil)
                perform(machine.submit([item], whenFull: policy, submitter: token, now: now), now: now)
            }
        } onCancel: {
            Task { await self.withdraw(token) }
        }
        return try admission.get()
    }

    /// Where a job stands. Cheap: it neither waits nor touches the workers' work.
    public func status(_ id: JobID) -> JobStatus {
        catchUp()
        machine.expire(now: clock.now())
        let status = machine.status(of: id)
        return status == .running && pool.handOff.contains(id) ? .queued : status
    }

    /// The job's output, waiting for it to finish. May be called any number
    /// of times, from any number of tasks, until the outcome expires.
    /// Cancelling the awaiting task stops the wait, not the job.
    /// - Throws: the job's own error, ``ParallelCodecError/cancelled``,
    ///   ``ParallelCodecError/expired(_:)`` or ``ParallelCodecError/unknownJob(_:)``.
    public func result(_ id: JobID) async throws(ParallelCodecError) -> CodecOutput {
        catchUp()
        let token = makeToken()
        machine.expire(now: clock.now())
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if let outcome = machine.awaitResult(of: id, waiter: token) {
                    continuation.resume(returning: outcome)
                } else {
                    awaiting[token] = continuation
                }
            }
        } onCancel: {
            Task { await self.stopAwaiting(id, token) }
        }
        return try outcome.get()
    }

    /// Cancels a job that has not finished: a queued job never runs; a
    /// running one finishes on its worker but its result is discarded.
    /// Whoever awaits it gets ``ParallelCodecError/cancelled`` at once.
    /// - Returns: whether the job was still unfinished (and is now cancelled).
    @discardableResult
    public func cancel(_ id: JobID) -> Bool {
        catchUp()
        let now = clock.now()
        machine.expire(now: now)
        guard !machine.status(of: id).isTerminal else { return false }
        perform(machine.cancel(id, now: now), now: now)
        return true
    }

    // MARK: - Batches

    /// Runs jobs and returns their outcomes in input order, each item its own
    /// success or error. The jobs are this call's own: their outcomes are not
    /// kept afterwards, and cancelling the calling task cancels those not yet
    /// finished (they come back as ``ParallelCodecError/cancelled``). Workers
    /// report a batch's outcomes in groups, so ``metrics()`` may trail a
    /// running batch by a few dozen jobs (a report is due every 64 at most).
    /// - Parameters:
    ///   - jobs: the jobs, in the order their outcomes come back.
    ///   - policy: under ``QueueFullPolicy/wait`` the batch enters the
    ///     queue as room frees, without holding more than the queue's capacity;
    ///     under ``QueueFullPolicy/reject`` the items that find no room fail
    ///     with ``ParallelCodecError/queueFull(capacity:)``.
    public func runAll(
        _ jobs: [CodecJob], whenFull policy: QueueFullPolicy = .wait
    ) async -> [Result<CodecOutput, ParallelCodecError>] {
        guard !jobs.isEmpty else { return [] }
        guard !Task.isCancelled else { return jobs.map { _ in .failure(.cancelled) } }
        catchUp()
        let token = makeToken()
        let now = clock.now()
        machine.expire(now: now)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                batches[token] = BatchCollector(count: jobs.count, continuation: continuation)
                let items = jobs.enumerated().map { index, job in
                    Machine.Item(
                        work: PooledJob(job: job, reportsAtOnce: jobs.count == 1),
                        owner: BatchSlot(batch: token, index: index))
                }
                perform(machine.submit(items, whenFull: policy, submitter: token, now: now), now: now)
            }
        } onCancel: {
            Task { await self.cancelBatch(token) }
        }
    }

    // MARK: - Monitoring and shutdown

    /// Current load, totals so far, and recent latency and throughput.
    public func metrics() -> ParallelCodecMetrics {
        catchUp()
        let now = clock.now()
        machine.expire(now: now)
        let counters = machine.counters
        return ParallelCodecMetrics(
            workers: options.workers, busyWorkers: pool.handOff.busyCount, queued: machine.waitingCount,
            waitingSubmissions: machine.parkedCount, completed: counters.succeeded, failed: counters.failed,
            cancelled: counters.cancelled, rejected: counters.rejected, expired: counters.expired,
            retained: machine.retainedCount, latencyP50: machine.latencies.percentile(0.5),
            latencyP99: machine.latencies.percentile(0.99), throughput: machine.latencies.throughput(now: now))
    }

    /// Stops taking jobs and returns once every worker thread has exited.
    /// Submissions from then on fail with ``ParallelCodecError/shutDown``, and
    /// so do those still waiting for room. Results already kept stay
    /// available. Calling it again waits for the same end; an immediate
    /// shutdown after a graceful one still cancels what is queued.
    /// - Parameter mode: ``ShutdownMode/graceful`` runs the queued jobs first;
    ///   ``ShutdownMode/immediate`` cancels them. Running jobs finish either way.
    public func shutdown(_ mode: ShutdownMode = .graceful) async {
        catchUp()
        let now = clock.now()
        perform(machine.shutdown(mode, now: now), now: now)
        guard machine.state != .stopped else { return }
        await withCheckedContinuation { shutdownWaiters.append($0) }
    }

    // MARK: - Carrying out the scheduler's actions

    /// Applies the workers' reports in the order they arrive, until the last
    /// worker has exited.
    private func receiveWorkerEvents() async {
        while let events = await pool.events.next() {
            apply(events)
        }
    }

    /// Applies reports that wait in the inbox without having woken the actor
    /// (the jobs of a batch report in groups), so that admission, status,
    /// cancellation and metrics see every job that has finished.
    private func catchUp() {
        apply(pool.events.takeWaiting())
    }

    /// The jobs finished since the last look are applied together, so that
    /// refilling the workers costs one hand-off, not one per job.
    private func apply(_ events: [WorkerEvent<CodecOutput>]) {
        var finished: [Machine.Report] = []
        finished.reserveCapacity(events.count)
        var exits = 0
        for event in events {
            switch event {
            case let .finished(id, outcome, finishedAt):
                finished.append(Machine.Report(id: id, outcome: outcome, finishedAt: finishedAt))
            case .exited: exits += 1
            }
        }
        if !finished.isEmpty {
            let now = clock.now()
            perform(machine.workersFinished(finished, now: now), now: now)
        }
        for _ in 0..<exits {
            if machine.workerExited() { finishShutdown() }
        }
    }

    private func perform(_ actions: [Machine.Action], now: Duration) {
        for action in actions {
            switch action {
            case let .dispatch(dispatches):
                pool.handOff.push(dispatches)
            case let .deliver(.owner(slot), outcome):
                deliver(outcome, to: slot)
            case let .deliver(.waiter(token), outcome):
                awaiting.removeValue(forKey: token)?.resume(returning: outcome)
            case let .admit(token, ids):
                admit(ids, for: token)
            case let .refuse(token, error):
                submitters.removeValue(forKey: token)?.resume(returning: .failure(error))
            case let .recall(id):
                perform(machine.recalled(id, neverStarted: pool.handOff.remove(id), now: now), now: now)
            case .stopWorkers:
                pool.handOff.close()
            }
        }
        pool.handOff.actorHasMore = machine.hasUndispatchedJobs
    }

    /// A single submission learns its identifier; a batch notes its jobs' for cancellation.
    private func admit(_ ids: [JobID], for token: WaiterToken) {
        if let submitter = submitters.removeValue(forKey: token) {
            submitter.resume(returning: .success(ids[0]))
        } else {
            batches[token]?.admit(ids)
        }
    }

    private func deliver(_ outcome: Outcome, to slot: BatchSlot) {
        guard batches[slot.batch]?.record(outcome, at: slot.index) == true else { return }
        batches.removeValue(forKey: slot.batch)?.complete()
    }

    private func withdraw(_ token: WaiterToken) {
        perform(machine.withdraw(token), now: clock.now())
    }

    private func stopAwaiting(_ id: JobID, _ token: WaiterToken) {
        perform(machine.stopAwaiting(id, waiter: token), now: clock.now())
    }

    /// The caller of a batch was cancelled: withdraw what waits for room and
    /// cancel what was admitted (finished jobs are left alone).
    private func cancelBatch(_ token: WaiterToken) {
        let now = clock.now()
        perform(machine.withdraw(token), now: now)
        for id in batches[token]?.admitted ?? [] {
            perform(machine.cancel(id, now: now), now: now)
        }
    }

    private func finishShutdown() {
        pool.events.finish()
        for waiter in shutdownWaiters { waiter.resume() }
        shutdownWaiters = []
    }

    private func makeToken() -> WaiterToken {
        lastToken += 1
        return WaiterToken(rawValue: lastToken)
    }
}

/// The scheduling logic of ``ParallelCodec`` as a plain value: which job runs
/// next, how full the queue is, who waits for what, which results are kept
/// and for how long, and when the pool may stop.
///
/// It owns no thread, clock or continuation. Every event — a submission, a
/// worker's result, a cancellation, a shutdown — is a mutating call that is
/// given the time and returns the ``Action``s its owner must carry out, so
/// that every interleaving can be unit-tested without threads. Work, outputs
/// and owners are opaque to it.
///
/// Invariants (checked by the tests after every event):
/// - at most `workers + prefetch` jobs are in flight (handed to the workers);
///   the workers themselves make sure that at most `workers` of them run;
/// - at most `queueCapacity` jobs wait (``waitingCount``), and submissions
///   are parked only while that is full;
/// - every admitted job gets exactly one outcome, delivered to its owner (if
///   it has one) and to everyone awaiting it at that moment;
/// - at most `maxRetained` outcomes are kept, none past `timeToLive`.
struct SchedulerStateMachine<Work, Output, Owner> {
    typealias Outcome = Result<Output, ParallelCodecError>

    /// The pool's life.
    enum State: Equatable {
        /// Taking submissions.
        case accepting
        /// Shut down: no submissions; queued jobs run (graceful) or were
        /// cancelled (immediate); in-flight ones finish.
        case draining
        /// No job is left; the workers were told to exit and `exited` have.
        case stopping(exited: Int)
        /// Every worker has exited.
        case stopped
    }

    /// What the owner must do after an event, in order.
    enum Action {
        /// Hand these jobs to the workers, in order.
        case dispatch([JobDispatch<Work>])
        /// Give a job's outcome to its owner or to a caller awaiting it.
        case deliver(Recipient, Outcome)
        /// These jobs of a submission entered the queue. A parked submission
        /// is admitted in several steps.
        case admit(WaiterToken, [JobID])
        /// The rest of a submission will never be admitted.
        case refuse(WaiterToken, ParallelCodecError)
        /// Take this job back from the workers if none has started it yet, and
        /// report which with ``recalled(_:neverStarted:now:)``.
        case recall(JobID)
        /// No job is left: let the workers exit, and report each exit with
        /// ``workerExited()``.
        case stopWorkers
    }

    /// Who receives an outcome.
    enum Recipient {
        /// The job's owner, named at submission: it receives exactly one outcome.
        case owner(Owner)
        /// A caller awaiting the job through ``awaitResult(of:waiter:)``.
        case waiter(WaiterToken)
    }

    /// A job to submit. A job with an owner is the owner's alone: its outcome
    /// goes to the owner and is not kept afterwards.
    struct Item {
        var work: Work
        var owner: Owner?
    }

    /// A job a worker finished, and when.
    struct Report {
        let id: JobID
        let outcome: Outcome
        let finishedAt: Duration
    }

    /// The bounds the machine keeps.
    struct Limits {
        /// Jobs that may run at once.
        var workers: Int
        /// Jobs handed to the workers beyond those running, so that a worker
        /// finishing a job finds the next one without waiting for its owner.
        var prefetch: Int
        /// Jobs that may wait for a worker, counting those handed ahead.
        var queueCapacity: Int
        var timeToLive: Duration
        var maxRetained: Int
    }

    /// Jobs counted by how they ended.
    struct Counters: Equatable {
        var succeeded = 0
        var failed = 0
        /// Including submissions withdrawn while parked.
        var cancelled = 0
        /// Submissions refused for a full queue or a shutdown.
        var rejected = 0
        /// Kept outcomes dropped by the retention.
        var expired = 0
    }

    private struct Job {
        var phase: Phase
        let owner: Owner?
        let submittedAt: Duration
        var waiters: [WaiterToken] = []
    }

    private enum Phase {
        case queued(Work)
        /// Handed to the workers; `cancelling` once ``cancel(_:now:)`` asked for it back.
        case inFlight(cancelling: Bool)
        case finished(Outcome, at: Duration)
    }

    private struct ParkedSubmission {
        let submitter: WaiterToken
        var items: ArraySlice<Item>
    }

    let limits: Limits
    private(set) var state = State.accepting
    private(set) var counters = Counters()
    private(set) var latencies = LatencyWindow()
    private var jobs: [JobID: Job] = [:]
    private var queue = FIFOBuffer<JobID>()
    private var parked = FIFOBuffer<ParkedSubmission>()
    private var retained = FIFOBuffer<JobID>()
    private var inFlight: Set<JobID> = []
    private var nextID: UInt64 = 0

    init(limits: Limits) {
        precondition(limits.workers >= 1, "a pool needs a worker")
        precondition(limits.prefetch >= 0, "prefetch cannot be negative")
        precondition(limits.queueCapacity >= 1, "a queue needs room for a job")
        precondition(limits.maxRetained >= 0, "cannot keep a negative number of results")
        self.limits = limits
    }

    /// Jobs waiting for a worker: those queued, and those handed to the
    /// workers beyond one per worker (which cannot have started).
    var waitingCount: Int { queue.count + max(0, inFlight.count - limits.workers) }
    /// Whether one more job fits within ``Limits/queueCapacity``.
    private var hasRoom: Bool { waitingCount < limits.queueCapacity }
    /// Whether jobs wait in the machine (queued, or parked for room) to be
    /// handed to the workers as in-flight ones finish.
    var hasUndispatchedJobs: Bool { !queue.isEmpty || parkedCount > 0 }
    /// Jobs handed to the workers and not yet reported back.
    var inFlightCount: Int { inFlight.count }
    /// Items of submissions waiting for room in the queue.
    private(set) var parkedCount = 0
    /// Outcomes kept for ``awaitResult(of:waiter:)``.
    var retainedCount: Int { retained.count }

    // MARK: - Submission

    /// Admits as many items as the queue has room for, in order; the rest
    /// are parked under `submitter` (``QueueFullPolicy/wait``) or refused
    /// (``QueueFullPolicy/reject``, and after a shutdown). Refused items with
    /// an owner get their error delivered; `submitter` gets
    /// ``Action/admit(_:_:)`` for what entered and ``Action/refuse(_:_:)``
    /// if anything never will.
    mutating func submit(
        _ items: [Item], whenFull policy: QueueFullPolicy, submitter: WaiterToken,
        now: Duration
    ) -> [Action] {
        var actions: [Action] = []
        guard state == .accepting else {
            refuse(items[...], submitter: submitter, error: .shutDown, into: &actions)
            return actions
        }
        var rest = items[...]
        var before: Int
        repeat {  // dispatching makes room while workers are free
            before = rest.count
            admit(from: &rest, submitter: submitter, now: now, into: &actions)
            dispatchReady(now: now, into: &actions)
        } while !rest.isEmpty && rest.count < before
        if !rest.isEmpty {
            switch policy {
            case .wait:
                parked.append(ParkedSubmission(submitter: submitter, items: rest))
                parkedCount += rest.count
            case .reject:
                refuse(rest, submitter: submitter, error: .queueFull(capacity: limits.queueCapacity), into: &actions)
            }
        }
        return actions
    }

    /// Withdraws what is still parked of a submission whose caller gave up
    /// waiting; what was admitted stays (cancel it by identifier).
    mutating func withdraw(_ submitter: WaiterToken) -> [Action] {
        guard let submission = parked.removeFirst(where: { $0.submitter == submitter }) else { return [] }
        parkedCount -= submission.items.count
        var actions: [Action] = []
        refuse(submission.items, submitter: submitter, error: .cancelled, into: &actions)
        return actions
    }

    /// Moves items into the queue while it has room, issuing identifiers in order.
    private mutating func admit(
        from items: inout ArraySlice<Item>, submitter: WaiterToken, now: Duration,
        into actions: inout [Action]
    ) {
        var ids: [JobID] = []
        while hasRoom, let item = items.popFirst() {
            let id = JobID(rawValue: nextID)
            nextID += 1
            jobs[id] = Job(phase: .queued(item.work), owner: item.owner, submittedAt: now)
            queue.append(id)
            ids.append(id)
        }
        if !ids.isEmpty { actions.append(.admit(submitter, ids)) }
    }

    /// Admits parked submissions, oldest first, while the queue has room.
    private mutating func admitParked(now: Duration, into actions: inout [Action]) {
        while hasRoom, var submission = parked.first {
            let before = submission.items.count
            admit(from: &submission.items, submitter: submission.submitter, now: now, into: &actions)
            parkedCount -= before - submission.items.count
            if submission.items.isEmpty {
                _ = parked.popFirst()
            } else {
                parked.replaceFirst(with: submission)
            }
        }
    }

    private mutating func refuse(
        _ items: ArraySlice<Item>, submitter: WaiterToken, error: ParallelCodecError,
        into actions: inout [Action]
    ) {
        for owner in items.lazy.compactMap(\.owner) {
            actions.append(.deliver(.owner(owner), .failure(error)))
        }
        if error == .cancelled {
            counters.cancelled += items.count
        } else {
            counters.rejected += items.count
        }
        actions.append(.refuse(submitter, error))
    }

    // MARK: - Running

    /// Hands queued jobs to the workers up to the in-flight limit, refilling
    /// the queue from parked submissions as it empties.
    private mutating func dispatchReady(now: Duration, into actions: inout [Action]) {
        var dispatches: [JobDispatch<Work>] = []
        while inFlight.count < limits.workers + limits.prefetch {
            if queue.isEmpty { admitParked(now: now, into: &actions) }
            guard let id = queue.popFirst() else { break }
            guard case let .queued(work)? = jobs[id]?.phase else { preconditionFailure("\(id) queued twice") }
            jobs[id]?.phase = .inFlight(cancelling: false)
            inFlight.insert(id)
            dispatches.append(JobDispatch(id: id, work: work))
        }
        if !dispatches.isEmpty { actions.append(.dispatch(dispatches)) }
        admitParked(now: now, into: &actions)
        stopIfDrained(into: &actions)
    }

    /// Workers finished these jobs, each at its `finishedAt`. Each outcome is
    /// delivered unless its job was cancelled meanwhile; either way the
    /// workers are free for more, and the jobs that refill them are handed
    /// over in one dispatch.
    mutating func workersFinished(_ reports: [Report], now: Duration) -> [Action] {
        var actions: [Action] = []
        for report in reports {
            let wasInFlight = inFlight.remove(report.id) != nil
            precondition(wasInFlight, "\(report.id) finished but was not in flight")
            if let job = jobs[report.id], case .inFlight = job.phase {
                latencies.record(latency: report.finishedAt - job.submittedAt, finishedAt: report.finishedAt)
                finish(report.id, with: report.outcome, now: now, into: &actions)
            }
        }
        dispatchReady(now: now, into: &actions)
        return actions
    }

    /// Gives a job its outcome: delivered to its owner and waiters, then kept
    /// for ``awaitResult(of:waiter:)`` unless it has an owner.
    private mutating func finish(_ id: JobID, with outcome: Outcome, now: Duration, into actions: inout [Action]) {
        guard let job = jobs[id] else { preconditionFailure("\(id) finished twice") }
        count(outcome)
        for waiter in job.waiters { actions.append(.deliver(.waiter(waiter), outcome)) }
        if let owner = job.owner {
            actions.append(.deliver(.owner(owner), outcome))
            jobs[id] = nil
        } else {
            jobs[id] = Job(phase: .finished(outcome, at: now), owner: nil, submittedAt: job.submittedAt)
            retained.append(id)
            expire(now: now)
        }
    }

    private mutating func count(_ outcome: Outcome) {
        switch outcome {
        case .success: counters.succeeded += 1
        case .failure(.cancelled): counters.cancelled += 1
        case .failure: counters.failed += 1
        }
    }

    // MARK: - Results and status

    /// The outcome of a finished job, an error for one that is gone or was
    /// never issued, or nil when `waiter` now awaits it (the outcome comes
    /// later as ``Action/deliver(_:_:)``).
    mutating func awaitResult(of id: JobID, waiter: WaiterToken) -> Outcome? {
        guard let job = jobs[id] else { return .failure(id.rawValue < nextID ? .expired(id) : .unknownJob(id)) }
        if case let .finished(outcome, _) = job.phase { return outcome }
        jobs[id]?.waiters.append(waiter)
        return nil
    }

    /// Stops `waiter` awaiting a job (its task was cancelled); the job goes on.
    mutating func stopAwaiting(_ id: JobID, waiter: WaiterToken) -> [Action] {
        guard let index = jobs[id]?.waiters.firstIndex(of: waiter) else { return [] }
        jobs[id]?.waiters.remove(at: index)
        return [.deliver(.waiter(waiter), .failure(.cancelled))]
    }

    /// The job's status; a job in flight reads as running (its owner knows
    /// whether a worker has actually picked it up).
    func status(of id: JobID) -> JobStatus {
        guard let job = jobs[id] else { return id.rawValue < nextID ? .expired : .unknown }
        switch job.phase {
        case .queued: return .queued
        case .inFlight: return .running
        case .finished(.success, _): return .succeeded
        case .finished(.failure(.cancelled), _): return .cancelled
        case .finished(.failure, _): return .failed
        }
    }

    /// Drops kept outcomes beyond the count limit, and those older than the
    /// time to live. Outcomes are kept in finishing order, so only the oldest
    /// need looking at.
    mutating func expire(now: Duration) {
        while let id = retained.first {
            guard case let .finished(_, finishedAt)? = jobs[id]?.phase else {
                preconditionFailure("\(id) kept but not finished")
            }
            guard retained.count > limits.maxRetained || now - finishedAt >= limits.timeToLive else { return }
            _ = retained.popFirst()
            jobs[id] = nil
            counters.expired += 1
        }
    }

    // MARK: - Cancellation and shutdown

    /// Cancels a queued job (it never runs) or asks for an in-flight one
    /// back (``Action/recall(_:)``). A finished or unknown job is left alone.
    /// - Complexity: O(queued jobs) for a queued job.
    mutating func cancel(_ id: JobID, now: Duration) -> [Action] {
        switch jobs[id]?.phase {
        case .queued?:
            _ = queue.removeFirst { $0 == id }
            var actions: [Action] = []
            finish(id, with: .failure(.cancelled), now: now, into: &actions)
            dispatchReady(now: now, into: &actions)
            return actions
        case .inFlight(cancelling: false)?:
            jobs[id]?.phase = .inFlight(cancelling: true)
            return [.recall(id)]
        case .inFlight(cancelling: true)?, .finished?, nil:
            return []
        }
    }

    /// The answer to ``Action/recall(_:)``. A job that never started is
    /// cancelled and frees its place; a started one is cancelled only if
    /// ``cancel(_:now:)`` asked (its result is discarded when it finishes),
    /// and otherwise — an immediate shutdown — runs to its end.
    mutating func recalled(_ id: JobID, neverStarted: Bool, now: Duration) -> [Action] {
        guard case let .inFlight(cancelling)? = jobs[id]?.phase else { return [] }
        var actions: [Action] = []
        if neverStarted {
            inFlight.remove(id)
            finish(id, with: .failure(.cancelled), now: now, into: &actions)
            dispatchReady(now: now, into: &actions)
        } else if cancelling {
            finish(id, with: .failure(.cancelled), now: now, into: &actions)
        }
        return actions
    }

    /// Stops taking submissions and refuses the parked ones. Graceful: the
    /// queue still runs. Immediate: queued jobs are cancelled and in-flight
    /// ones not yet started are recalled. The workers stop once nothing is left.
    mutating func shutdown(_ mode: ShutdownMode, now: Duration) -> [Action] {
        var actions: [Action] = []
        if state == .accepting {
            state = .draining
            parkedCount = 0
            while let submission = parked.popFirst() {
                refuse(submission.items, submitter: submission.submitter, error: .shutDown, into: &actions)
            }
        }
        if mode == .immediate && state == .draining {
            while let id = queue.popFirst() { finish(id, with: .failure(.cancelled), now: now, into: &actions) }
            for id in inFlight.sorted() { actions.append(.recall(id)) }
        }
        stopIfDrained(into: &actions)
        return actions
    }

    private mutating func stopIfDrained(into actions: inout [Action]) {
        guard state == .draining, queue.isEmpty, inFlight.isEmpty else { return }
        state = .stopping(exited: 0)
        actions.append(.stopWorkers)
    }

    /// A worker has exited; returns whether it was the last.
    mutating func workerExited() -> Bool {
        guard case let .stopping(exited) = state else { preconditionFailure("a worker exited before it was stopped") }
        state = exited + 1 == limits.workers ? .stopped : .stopping(exited: exited + 1)
        return state == .stopped
    }
}

extension SchedulerStateMachine.Action: Equatable where Work: Equatable, Output: Equatable, Owner: Equatable {}

extension SchedulerStateMachine.Recipient: Equatable where Owner: Equatable {}

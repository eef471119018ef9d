import Testing

@testable import QRCore

/// Drives a ``SchedulerStateMachine`` the way ``ParallelCodec`` does, with
/// pretend workers and no threads: it carries out every action (a hand-off
/// list stands for the workers' queue), records what each recipient got,
/// and checks the machine's invariants after every event.
struct SchedulerHarness {
    typealias Machine = SchedulerStateMachine<Int, Int, Int>
    typealias Outcome = Result<Int, ParallelCodecError>

    var machine: Machine
    var now: Duration = .zero
    /// Jobs dispatched and not yet started, oldest first.
    private(set) var handOff: [JobDispatch<Int>] = []
    /// Jobs a pretend worker has started.
    private(set) var running: [JobDispatch<Int>] = []
    /// Every outcome each owner received, in order.
    private(set) var ownerOutcomes: [Int: [Outcome]] = [:]
    private(set) var waiterOutcomes: [WaiterToken: [Outcome]] = [:]
    private(set) var admitted: [WaiterToken: [JobID]] = [:]
    private(set) var refused: [WaiterToken: ParallelCodecError] = [:]
    private(set) var workersStopped = false
    private(set) var maxInFlight = 0
    private var lastToken: UInt64 = 0

    init(
        workers: Int = 2, prefetch: Int = 0, capacity: Int = 4, timeToLive: Duration = .seconds(60),
        maxRetained: Int = 100
    ) {
        machine = Machine(
            limits: Machine.Limits(
                workers: workers, prefetch: prefetch, queueCapacity: capacity,
                timeToLive: timeToLive, maxRetained: maxRetained))
    }

    mutating func makeToken() -> WaiterToken {
        lastToken += 1
        return WaiterToken(rawValue: lastToken)
    }

    /// Submits works (owned when `owners` is given) and returns the submitter's token.
    @discardableResult
    mutating func submit(_ works: [Int], owners: [Int]? = nil, whenFull policy: QueueFullPolicy = .wait) -> WaiterToken
    {
        let token = makeToken()
        let items = works.indices.map { Machine.Item(work: works[$0], owner: owners?[$0]) }
        apply(machine.submit(items, whenFull: policy, submitter: token, now: now))
        return token
    }

    /// A free pretend worker takes the oldest dispatched job.
    @discardableResult
    mutating func start() -> JobDispatch<Int>? {
        guard !handOff.isEmpty, running.count < machine.limits.workers else { return nil }
        let dispatch = handOff.removeFirst()
        running.append(dispatch)
        return dispatch
    }

    /// The running job with this identifier finishes with `outcome` (its work, doubled, by default).
    mutating func finish(_ id: JobID, with outcome: Outcome? = nil) {
        let index = running.firstIndex { $0.id == id }!
        let dispatch = running.remove(at: index)
        apply(
            machine.workersFinished(
                [Machine.Report(id: id, outcome: outcome ?? .success(dispatch.work * 2), finishedAt: now)], now: now))
    }

    /// Starts jobs until every worker is busy, then finishes them all; repeats until no job is left.
    mutating func runEverything() {
        while !handOff.isEmpty || !running.isEmpty {
            while running.count < machine.limits.workers, start() != nil {}
            for dispatch in running { finish(dispatch.id) }
        }
    }

    mutating func cancel(_ id: JobID) { apply(machine.cancel(id, now: now)) }
    mutating func withdraw(_ token: WaiterToken) { apply(machine.withdraw(token)) }
    mutating func shutdown(_ mode: ShutdownMode) { apply(machine.shutdown(mode, now: now)) }

    mutating func awaitResult(of id: JobID) -> (WaiterToken, Outcome?) {
        let token = makeToken()
        return (token, machine.awaitResult(of: id, waiter: token))
    }

    mutating func stopAwaiting(_ id: JobID, _ token: WaiterToken) { apply(machine.stopAwaiting(id, waiter: token)) }

    mutating func apply(_ actions: [Machine.Action]) {
        for action in actions { perform(action) }
        checkInvariants()
    }

    private mutating func perform(_ action: Machine.Action) {
        switch action {
        case let .dispatch(dispatches): handOff += dispatches
        case let .deliver(.owner(owner), outcome):
            #expect(ownerOutcomes[owner] == nil, "owner \(owner) got a second outcome")
            ownerOutcomes[owner, default: []].append(outcome)
        case let .deliver(.waiter(token), outcome): waiterOutcomes[token, default: []].append(outcome)
        case let .admit(token, ids): admitted[token, default: []] += ids
        case let .refuse(token, error):
            #expect(refused[token] == nil, "a submission refused twice")
            refused[token] = error
        case let .recall(id):
            let index = handOff.firstIndex { $0.id == id }
            if let index { handOff.remove(at: index) }
            apply(machine.recalled(id, neverStarted: index != nil, now: now))
        case .stopWorkers:
            #expect(handOff.isEmpty && running.isEmpty, "workers stopped with work left")
            workersStopped = true
        }
    }

    /// Records an issue for each invariant broken; plain comparisons first,
    /// since this runs after every one of the property test's events.
    private mutating func checkInvariants() {
        let limits = machine.limits
        let inFlight = handOff.count + running.count
        maxInFlight = max(maxInFlight, inFlight)
        let broken = [
            (machine.inFlightCount != inFlight, "the machine lost track of a job in flight"),
            (inFlight > limits.workers + limits.prefetch, "too many jobs in flight"),
            (machine.waitingCount > limits.queueCapacity, "the queue overflowed"),
            (
                machine.parkedCount > 0 && machine.waitingCount < limits.queueCapacity,
                "a submission waits while there is room"
            ),
            (machine.retainedCount > limits.maxRetained, "too many results kept"),
        ]
        for (isBroken, invariant) in broken where isBroken { Issue.record("invariant broken: \(invariant)") }
    }
}

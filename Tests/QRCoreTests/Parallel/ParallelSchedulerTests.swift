import QRCoreTestSupport
import Testing

@testable import QRCore

/// ``SchedulerStateMachine`` on its own: every event as a plain call, no threads.
struct ParallelSchedulerTests {
    private typealias Machine = SchedulerStateMachine<Int, Int, Int>

    private static func ids(_ numbers: ClosedRange<UInt64>) -> [JobID] { numbers.map(JobID.init(rawValue:)) }

    @Test func admitsAndDispatchesUpToTheWorkers() {
        var machine = Machine(
            limits: .init(workers: 2, prefetch: 0, queueCapacity: 4, timeToLive: .seconds(1), maxRetained: 10))
        let submitter = WaiterToken(rawValue: 1)
        let actions = machine.submit(
            [10, 11, 12].map { .init(work: $0, owner: nil) }, whenFull: .reject,
            submitter: submitter, now: .zero)
        #expect(
            actions == [
                .admit(submitter, Self.ids(0...2)),
                .dispatch([
                    JobDispatch(id: JobID(rawValue: 0), work: 10), JobDispatch(id: JobID(rawValue: 1), work: 11),
                ]),
            ])
        #expect(machine.status(of: JobID(rawValue: 0)) == .running)
        #expect(machine.status(of: JobID(rawValue: 2)) == .queued)
        #expect(machine.status(of: JobID(rawValue: 3)) == .unknown)
    }

    @Test func prefetchHandsJobsAheadButCountsThemAsWaiting() {
        var harness = SchedulerHarness(workers: 2, prefetch: 2, capacity: 3)
        harness.submit(Array(0..<6), whenFull: .reject)
        #expect(harness.handOff.count == 4)
        #expect(harness.machine.waitingCount == 3, "2 handed ahead + 1 queued")
        #expect(harness.refused.values.first == .queueFull(capacity: 3), "2 running + 3 waiting, the 6th refused")
    }

    @Test func tellsWhetherJobsWaitToBeHandedOver() {
        var harness = SchedulerHarness(workers: 1, prefetch: 1, capacity: 2)
        harness.submit([1, 2], whenFull: .wait)
        #expect(!harness.machine.hasUndispatchedJobs, "both handed over: 1 running, 1 ahead")
        harness.submit([3, 4, 5], whenFull: .wait)
        #expect(harness.machine.hasUndispatchedJobs, "3 queued, 4 and 5 parked")
        harness.runEverything()
        #expect(!harness.machine.hasUndispatchedJobs)
    }

    @Test func latencyRunsToWhenTheWorkerFinishedNotToTheReport() {
        var machine = Machine(
            limits: .init(workers: 1, prefetch: 0, queueCapacity: 4, timeToLive: .seconds(1), maxRetained: 10))
        _ = machine.submit(
            [.init(work: 1, owner: 1)], whenFull: .reject, submitter: WaiterToken(rawValue: 1), now: .zero)
        let report = Machine.Report(id: JobID(rawValue: 0), outcome: .success(2), finishedAt: .milliseconds(10))
        let actions = machine.workersFinished([report], now: .milliseconds(50))
        #expect(actions == [.deliver(.owner(1), .success(2))])
        #expect(machine.latencies.percentile(0.5) == .milliseconds(10))
    }

    @Test func rejectPolicyRefusesWhatFindsNoRoom() {
        var harness = SchedulerHarness(workers: 1, capacity: 2)
        let batch = harness.submit([1, 2, 3, 4, 5], owners: [1, 2, 3, 4, 5], whenFull: .reject)
        #expect(harness.admitted[batch] == Self.ids(0...2), "1 running + 2 waiting")
        #expect(harness.refused[batch] == .queueFull(capacity: 2))
        #expect(harness.ownerOutcomes[4]?.first == .failure(.queueFull(capacity: 2)))
        #expect(harness.ownerOutcomes[5]?.first == .failure(.queueFull(capacity: 2)))
        #expect(harness.machine.counters.rejected == 2)
        harness.runEverything()
        #expect((1...3).map { harness.ownerOutcomes[$0]?.first } == [.success(2), .success(4), .success(6)])
    }

    @Test func waitPolicyParksAndAdmitsInArrivalOrder() {
        var harness = SchedulerHarness(workers: 1, capacity: 1)
        let first = harness.submit([1, 2])
        let second = harness.submit([3])
        let third = harness.submit([4])
        #expect(harness.admitted[first] == Self.ids(0...1))
        #expect(harness.admitted[second] == nil && harness.admitted[third] == nil)
        #expect(harness.machine.parkedCount == 2)
        let running = harness.start()!
        harness.finish(running.id)
        #expect(harness.admitted[second] == [JobID(rawValue: 2)])
        #expect(harness.admitted[third] == nil, "still waits behind the second")
        harness.runEverything()
        #expect(harness.admitted[third] == [JobID(rawValue: 3)])
        #expect(harness.refused.isEmpty)
    }

    @Test func aLargeBatchEntersAsRoomFrees() {
        var harness = SchedulerHarness(workers: 2, prefetch: 2, capacity: 3)
        let batch = harness.submit(Array(0..<50), owners: Array(0..<50))
        harness.runEverything()
        #expect(harness.admitted[batch]?.count == 50)
        #expect((0..<50).map { harness.ownerOutcomes[$0]?.first } == (0..<50).map { .success($0 * 2) })
        #expect(harness.maxInFlight == 4)
    }

    @Test func ownedOutcomesAreDeliveredNotKept() {
        var harness = SchedulerHarness()
        harness.submit([7], owners: [70])
        let dispatch = harness.start()!
        harness.finish(dispatch.id)
        #expect(harness.ownerOutcomes[70] == [.success(14)])
        #expect(harness.machine.retainedCount == 0)
        #expect(harness.machine.status(of: dispatch.id) == .expired)
    }

    @Test func keptOutcomesServeEveryWaiterAndLaterCallers() {
        var harness = SchedulerHarness()
        harness.submit([7])
        let id = JobID(rawValue: 0)
        let (early, none) = harness.awaitResult(of: id)
        #expect(none == nil)
        harness.start()
        harness.finish(id, with: .failure(.noCodeFound(width: 1, height: 1)))
        #expect(harness.waiterOutcomes[early] == [.failure(.noCodeFound(width: 1, height: 1))])
        #expect(harness.awaitResult(of: id).1 == .failure(.noCodeFound(width: 1, height: 1)))
        #expect(harness.machine.status(of: id) == .failed)
        #expect(harness.machine.counters.failed == 1)
    }

    @Test func aWaiterWhoStopsGetsCancelledAndTheJobGoesOn() {
        var harness = SchedulerHarness()
        harness.submit([7])
        let id = JobID(rawValue: 0)
        let (token, _) = harness.awaitResult(of: id)
        harness.stopAwaiting(id, token)
        #expect(harness.waiterOutcomes[token] == [.failure(.cancelled)])
        harness.runEverything()
        #expect(harness.waiterOutcomes[token]?.count == 1)
        #expect(harness.machine.status(of: id) == .succeeded)
    }

    @Test func cancellingAQueuedJobMeansItNeverRuns() {
        var harness = SchedulerHarness(workers: 1, capacity: 2)
        harness.submit([1, 2, 3], owners: [1, 2, 3])
        harness.cancel(JobID(rawValue: 1))
        #expect(harness.ownerOutcomes[2] == [.failure(.cancelled)])
        harness.runEverything()
        #expect(harness.ownerOutcomes[1] == [.success(2)] && harness.ownerOutcomes[3] == [.success(6)])
        #expect(harness.machine.counters == .init(succeeded: 2, failed: 0, cancelled: 1, rejected: 0, expired: 0))
    }

    @Test func cancellingFreesRoomForAWaitingSubmission() {
        var harness = SchedulerHarness(workers: 1, capacity: 1)
        harness.submit([1, 2])
        let waiting = harness.submit([3])
        harness.cancel(JobID(rawValue: 1))
        #expect(harness.admitted[waiting] == [JobID(rawValue: 2)])
    }

    @Test func cancellingAJobHandedAheadTakesItBack() {
        var harness = SchedulerHarness(workers: 1, prefetch: 1, capacity: 4)
        harness.submit([1, 2, 3])
        #expect(harness.handOff.map(\.work) == [1, 2])
        harness.start()
        harness.cancel(JobID(rawValue: 1))
        #expect(harness.handOff.map(\.work) == [3], "recalled, and the next job handed ahead in its place")
        #expect(harness.machine.status(of: JobID(rawValue: 1)) == .cancelled)
    }

    @Test func cancellingARunningJobDiscardsItsResult() {
        var harness = SchedulerHarness(workers: 1, capacity: 4)
        harness.submit([1, 2], owners: [1, 2])
        let running = harness.start()!
        harness.cancel(running.id)
        #expect(harness.ownerOutcomes[1] == [.failure(.cancelled)])
        #expect(harness.handOff.isEmpty, "the worker is still busy with the cancelled job")
        harness.finish(running.id)
        #expect(harness.ownerOutcomes[1] == [.failure(.cancelled)])
        #expect(harness.handOff.map(\.work) == [2])
        harness.cancel(running.id)
        #expect(harness.machine.counters.cancelled == 1)
    }

    @Test func withdrawingAParkedSubmissionCancelsWhatWasNotAdmitted() {
        var harness = SchedulerHarness(workers: 1, capacity: 1)
        harness.submit([1, 2])
        let batch = harness.submit([3, 4], owners: [3, 4])
        harness.withdraw(batch)
        #expect(harness.refused[batch] == .cancelled)
        #expect(
            harness.ownerOutcomes[3] == [.failure(.cancelled)] && harness.ownerOutcomes[4] == [.failure(.cancelled)])
        harness.runEverything()
        #expect(harness.admitted[batch] == nil)
    }

    @Test func resultsExpireAfterTheirTimeToLive() {
        var harness = SchedulerHarness(timeToLive: .seconds(10))
        harness.submit([1])
        harness.runEverything()
        let id = JobID(rawValue: 0)
        harness.now += .seconds(9)
        harness.machine.expire(now: harness.now)
        #expect(harness.machine.status(of: id) == .succeeded)
        harness.now += .seconds(1)
        harness.machine.expire(now: harness.now)
        #expect(harness.machine.status(of: id) == .expired)
        #expect(harness.awaitResult(of: id).1 == .failure(.expired(id)))
        #expect(harness.awaitResult(of: JobID(rawValue: 1)).1 == .failure(.unknownJob(JobID(rawValue: 1))))
        #expect(harness.machine.counters.expired == 1)
    }

    @Test func theOldestResultsGiveWayBeyondTheCountLimit() {
        var harness = SchedulerHarness(maxRetained: 3)
        harness.submit([1, 2])
        harness.runEverything()
        harness.submit([3, 4, 5])
        harness.runEverything()
        #expect(
            (0...4).map { harness.machine.status(of: JobID(rawValue: $0)) }
                == [.expired, .expired, .succeeded, .succeeded, .succeeded])
        #expect(harness.machine.retainedCount == 3)
    }

    @Test func gracefulShutdownRunsTheQueueThenStops() {
        var harness = SchedulerHarness(workers: 1, capacity: 2)
        harness.submit([1, 2, 3], owners: [1, 2, 3])
        let parked = harness.submit([4], owners: [4])
        harness.shutdown(.graceful)
        #expect(harness.machine.state == .draining)
        #expect(harness.refused[parked] == .shutDown && harness.ownerOutcomes[4] == [.failure(.shutDown)])
        let late = harness.submit([5])
        #expect(harness.refused[late] == .shutDown)
        #expect(!harness.workersStopped)
        harness.runEverything()
        #expect((1...3).map { harness.ownerOutcomes[$0] } == [[.success(2)], [.success(4)], [.success(6)]])
        #expect(harness.workersStopped && harness.machine.state == .stopping(exited: 0))
        let last = harness.machine.workerExited()
        #expect(last && harness.machine.state == .stopped)
    }

    @Test func immediateShutdownCancelsTheQueueAndLetsRunningJobsFinish() {
        var harness = SchedulerHarness(workers: 1, prefetch: 1, capacity: 3)
        harness.submit([1, 2, 3, 4], owners: [1, 2, 3, 4])
        let running = harness.start()!
        harness.shutdown(.immediate)
        #expect([2, 3, 4].map { harness.ownerOutcomes[$0] } == Array(repeating: [.failure(.cancelled)], count: 3))
        #expect(harness.handOff.isEmpty && !harness.workersStopped)
        harness.finish(running.id)
        #expect(harness.ownerOutcomes[1] == [.success(2)])
        #expect(harness.workersStopped)
    }

    @Test func shutdownOfAnIdlePoolStopsAtOnce() {
        var machine = Machine(
            limits: .init(workers: 2, prefetch: 0, queueCapacity: 1, timeToLive: .seconds(1), maxRetained: 1))
        #expect(machine.shutdown(.graceful, now: .zero) == [.stopWorkers])
        #expect(machine.shutdown(.immediate, now: .zero) == [])
        let first = machine.workerExited()
        let second = machine.workerExited()
        #expect(!first && second)
    }

    /// 100,000 jobs through random interleavings of submissions (both
    /// policies, owned and kept), starts, finishes, failures, cancellations
    /// and expiry: every job ends exactly once, every owner hears once, and
    /// the invariants hold after each event.
    @Test func everyJobEndsExactlyOnceUnderRandomInterleavings() {
        var random = SeededRandom(seed: 0x5EED_C0DE)
        var harness = SchedulerHarness(workers: 3, prefetch: 3, capacity: 16, timeToLive: .seconds(5), maxRetained: 50)
        var owner = 0
        var submittedOwned = 0
        var submitted = 0
        while owner < 100_000 {
            harness.now += .milliseconds(Int64(random.next() % 3))
            switch random.next() % 20 {
            case 0...3:
                let count = Int(random.next() % 3) + 1
                let policy: QueueFullPolicy = random.next() % 2 == 0 ? .wait : .reject
                harness.submit(Array(owner..<owner + count), owners: Array(owner..<owner + count), whenFull: policy)
                owner += count
                submittedOwned += count
                submitted += count
            case 4...5:
                harness.submit([Int(random.next() % 100)], whenFull: .reject)
                submitted += 1
            case 6...11:
                harness.start()
            case 12...18:
                if let job = harness.running.randomElement(using: &random) {
                    harness.finish(
                        job.id, with: random.next() % 5 == 0 ? .failure(.noCodeFound(width: 1, height: 1)) : nil)
                }
            default:
                harness.cancel(JobID(rawValue: random.next() % UInt64(max(owner, 1))))
            }
        }
        harness.shutdown(.graceful)
        harness.runEverything()
        #expect(harness.workersStopped)
        #expect(harness.ownerOutcomes.count == submittedOwned)
        #expect(harness.ownerOutcomes.values.allSatisfy { $0.count == 1 })
        #expect(harness.maxInFlight == 6)
        let counters = harness.machine.counters
        #expect(
            counters.succeeded + counters.failed + counters.cancelled + counters.rejected == submitted,
            "each submitted job counted once, however it ended")
        #expect(counters.cancelled > 0 && counters.rejected > 0 && counters.failed > 0 && counters.expired > 0)
    }
}

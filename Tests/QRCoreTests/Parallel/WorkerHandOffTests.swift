import Testing

@testable import QRCore

/// When a finished job is worth waking the actor for, and the guarantee that
/// makes reporting in groups safe: a worker with nothing left to take hands
/// over what it posted before it sleeps.
struct WorkerHandOffTests {
    private static func job(_ number: Int) -> JobDispatch<Int> {
        JobDispatch(id: JobID(rawValue: UInt64(number)), work: number)
    }

    private static func handOff(waiting: Int, lowWater: Int) -> WorkerHandOff<Int> {
        let handOff = WorkerHandOff<Int>(lowWater: lowWater)
        handOff.push((0..<waiting).map(job))
        return handOff
    }

    @Test func runningLowWantsARefillOnlyWhenTheActorHasMore() {
        let handOff = Self.handOff(waiting: 3, lowWater: 4)
        #expect(!handOff.wantsReport, "nothing to refill with: the report can wait")
        handOff.actorHasMore = true
        #expect(handOff.wantsReport)
    }

    @Test func aWellStockedHandOffWantsNoReport() {
        let handOff = Self.handOff(waiting: 4, lowWater: 4)
        handOff.actorHasMore = true
        #expect(!handOff.wantsReport)
    }

    @Test func aWaitingJobIsTakenWithoutTheBeforeSleepingStep() {
        let handOff = Self.handOff(waiting: 1, lowWater: 1)
        var flushes = 0
        #expect(handOff.take(afterFinishing: false, beforeSleeping: { flushes += 1 })?.work == 0)
        #expect(flushes == 0)
    }

    @Test func anEmptyHandOffRunsTheBeforeSleepingStepFirst() {
        let handOff = WorkerHandOff<Int>(lowWater: 1)
        // The step itself supplies the job, so the call returns instead of sleeping.
        let taken = handOff.take(afterFinishing: false, beforeSleeping: { handOff.push([Self.job(7)]) })
        #expect(taken?.work == 7)
    }

    @Test func flushHandsUnwokenReportsToAWaitingConsumer() async {
        let inbox = WorkerEventInbox<Int>()
        let consumer = Task { await inbox.next() }
        #expect(await eventually { inbox.consumerIsWaiting })
        inbox.post(.finished(JobID(rawValue: 1), .success(2), at: .zero), wake: false)
        #expect(inbox.consumerIsWaiting, "posted without waking: still waiting")
        inbox.flush()
        #expect(!inbox.consumerIsWaiting, "the flush handed the report over")
        if inbox.consumerIsWaiting { inbox.finish() }  // release the consumer rather than hang
        #expect(await consumer.value?.count == 1)
    }
}

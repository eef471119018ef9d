import Testing
@testable import QRCore

/// When a worker's finished job is worth waking the actor for: the policy
/// that keeps batch jobs from costing a wake-up each.
struct WorkerHandOffTests {
    private static func handOff(waiting: Int, lowWater: Int) -> WorkerHandOff<Int> {
        let handOff = WorkerHandOff<Int>(lowWater: lowWater)
        handOff.push((0..<waiting).map { JobDispatch(id: JobID(rawValue: UInt64($0)), work: $0) })
        return handOff
    }

    @Test func runningLowWantsARefillOnlyWhenTheActorHasMore() {
        let handOff = Self.handOff(waiting: 3, lowWater: 4)
        #expect(!handOff.wantsReport, "nothing to refill with: the report can wait")
        handOff.expectMore(true)
        #expect(handOff.wantsReport)
    }

    @Test func aWellStockedHandOffWantsNoReport() {
        let handOff = Self.handOff(waiting: 4, lowWater: 4)
        handOff.expectMore(true)
        #expect(!handOff.wantsReport)
    }

    @Test func runningDryAlwaysReports() {
        let handOff = Self.handOff(waiting: 1, lowWater: 4)
        _ = handOff.take(afterFinishing: false)
        #expect(handOff.wantsReport, "a batch's last outcomes must not wait for a report that never comes")
    }
}

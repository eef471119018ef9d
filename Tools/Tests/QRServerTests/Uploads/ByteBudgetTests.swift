import QRCore
import QRCoreTestSupport
import Testing

@testable import QRServer

/// The byte budget alone, on a clock the test moves.
struct ByteBudgetTests {
    @Test func reservesWhatFitsAndCountsRefusals() {
        let budget = ByteBudget(limit: 100, clock: ManualClock())
        #expect(budget.reserve(60))
        #expect(!budget.reserve(41))
        #expect(budget.wouldFit(40))
        #expect(!budget.wouldFit(41))
        #expect(budget.reserve(40))
        #expect(budget.used == 100)
        #expect(budget.refusals == 1)
        budget.release(60)
        #expect(budget.used == 40)
    }

    /// `take` counts a job whose body was admitted even past the limit, so
    /// that handing a reservation over to the job never fails.
    @Test func takeCountsPastTheLimit() {
        let budget = ByteBudget(limit: 10, clock: ManualClock())
        budget.take(15)
        #expect(budget.used == 15)
        #expect(!budget.reserve(1))
    }

    @Test func keptResultsAreCountedUntilTheyExpire() {
        let clock = ManualClock()
        let budget = ByteBudget(limit: 1000, clock: clock)
        budget.retain(300, until: .seconds(10))
        budget.retain(200, until: .seconds(20))
        #expect(budget.used == 500)
        clock.advance(by: .seconds(10))
        #expect(budget.used == 200)
        #expect(budget.reserve(800))
        clock.advance(by: .seconds(10))
        #expect(budget.used == 800)
    }

    /// Many expired results in a row are given back in amortised constant time.
    @Test func givesBackLongRunsOfExpiredResults() {
        let clock = ManualClock()
        let budget = ByteBudget(limit: 1 << 30, clock: clock)
        for second in 0..<5000 { budget.retain(10, until: .seconds(second)) }
        clock.advance(by: .seconds(4999))
        #expect(budget.used == 0)
        budget.retain(7, until: .seconds(6000))
        #expect(budget.used == 7)
    }
}

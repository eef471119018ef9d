import QRCore
import Testing

@testable import QRServer

struct TaskTableTests {
    private func entry(_ job: UInt64) -> TaskEntry {
        TaskEntry(job: JobID(rawValue: job), kind: .decode)
    }

    @Test func registersUnderFreshIdentifiersAndForgets() {
        var table = TaskTable(liveJobBound: 10)
        let first = table.register(entry(1))
        let second = table.register(entry(2))
        #expect(first.id != second.id)
        #expect(table[first.id] == entry(1))
        table.forget(first.id)
        #expect(table[first.id] == nil)
        #expect(table.count == 1)
    }

    @Test func drawsAgainWhenAnIdentifierIsTaken() {
        var table = TaskTable(liveJobBound: 10)
        let fixed = TaskID(high: 1, low: 1)
        var draws = [fixed, fixed, TaskID(high: 2, low: 2)]
        _ = table.register(entry(1), makeID: { draws.removeFirst() })
        let second = table.register(entry(2), makeID: { draws.removeFirst() })
        #expect(second.id == TaskID(high: 2, low: 2))
        #expect(table[fixed] == entry(1))
    }

    @Test func asksForASweepAtTheThresholdAndRaisesItWhenMuchStaysLive() {
        var table = TaskTable(liveJobBound: 1)
        let threshold = table.sweepThreshold
        #expect(threshold == 2 * 1 + 1024)
        var dues: [Bool] = []
        for job in 0..<UInt64(threshold) { dues.append(table.register(entry(job)).sweepDue) }
        #expect(dues.dropLast().allSatisfy { !$0 })
        #expect(dues.last == true)
        let snapshot = table.snapshot()
        #expect(snapshot.count == threshold)
        // Half the jobs expired: they go, and the next sweep waits for twice what is left.
        let stale = snapshot.filter { $0.job.rawValue % 2 == 0 }.map(\.id)
        table.finishSweep(removing: stale)
        #expect(table.count == threshold - stale.count)
        #expect(table.sweepThreshold == max(threshold, 2 * table.count))
    }

    @Test func registrySweepDropsOnlyExpiredJobs() async {
        let registry = TaskRegistry(liveJobBound: 4)
        var ids: [TaskID] = []
        for job in 0..<UInt64(20) { ids.append(registry.register(entry(job)).id) }
        await registry.sweep { $0.rawValue < 15 ? .expired : .succeeded }
        #expect(registry.count == 5)
        #expect(ids.prefix(15).allSatisfy { registry.entry(for: $0) == nil })
        #expect(ids.suffix(5).allSatisfy { registry.entry(for: $0) != nil })
    }

    /// A library user may ask for an effectively unbounded queue: the sum is
    /// capped, never an overflow trap.
    @Test func liveJobBoundIsCappedForHugeQueues() {
        #expect(
            MemoryJobStore.liveJobBound(ParallelCodecOptions(workers: 2, queueCapacity: 64, maxRetainedResults: 100))
                == 64 + 2 + 100)
        let huge = MemoryJobStore.liveJobBound(
            ParallelCodecOptions(workers: 2, queueCapacity: .max, maxRetainedResults: .max))
        #expect(huge == 2 * (1 << 40) + 2)
        #expect(TaskTable(liveJobBound: huge).sweepThreshold == 2 * huge + 1024)
    }
}

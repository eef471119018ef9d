import Foundation

/// Holds the codec's worker threads inside their jobs until the test opens
/// it, and tells the test when a worker has arrived: how a test keeps a job
/// running, or the queue full, for exactly as long as it needs, without sleeping.
final class WorkerGate: @unchecked Sendable { // `isOpen` is read and written only with `condition` locked
    private let condition = NSCondition()
    private var isOpen = false
    private let arrivals: AsyncStream<Void>.Continuation
    /// One element each time a worker reaches the gate.
    let arrived: AsyncStream<Void>

    init() {
        (arrived, arrivals) = AsyncStream.makeStream(of: Void.self)
    }

    /// Called on a worker thread: reports the arrival, then blocks until the gate opens.
    func pass() {
        arrivals.yield()
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Lets every waiting and future worker through.
    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once `count` more workers have reached the gate.
    func waitForArrivals(_ count: Int = 1) async {
        var iterator = arrived.makeAsyncIterator()
        for _ in 0..<count { _ = await iterator.next() }
    }
}

import Foundation

/// Holds worker threads inside their jobs until the test opens it, and tells
/// the test when a worker has arrived: how a test keeps a job running, or a
/// queue full, for exactly as long as it needs, without sleeping.
///
/// A job calls ``pass()`` on its worker thread; the test awaits
/// ``waitForArrivals(_:)`` and later calls ``open()``.
public final class WorkerGate: @unchecked Sendable {  // safe: isOpen only with the condition locked
    // Safe to share: `isOpen` is read and written only with `condition` locked,
    // and the AsyncStream continuation is itself thread-safe.
    private let condition = NSCondition()
    private var isOpen = false
    private let arrivals: AsyncStream<Void>.Continuation
    private let arrived: AsyncStream<Void>

    /// A closed gate.
    public init() {
        (arrived, arrivals) = AsyncStream.makeStream(of: Void.self)
    }

    /// Called on a worker thread: reports the arrival, then blocks until the gate opens.
    public func pass() {
        arrivals.yield()
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Lets every waiting and future worker through.
    public func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once `count` more workers have reached the gate.
    public func waitForArrivals(_ count: Int = 1) async {
        var iterator = arrived.makeAsyncIterator()
        for _ in 0..<count { _ = await iterator.next() }
    }
}

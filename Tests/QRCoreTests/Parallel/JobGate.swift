import Foundation

/// Holds worker threads inside a job until the test opens it: how a test
/// keeps jobs running, or a queue full, for as long as it needs.
final class JobGate: @unchecked Sendable { // `isOpen` is read and written only with `condition` locked
    private let condition = NSCondition()
    private var isOpen = false

    /// Blocks the calling (worker) thread until the gate opens.
    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Lets every waiting and future caller through.
    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}

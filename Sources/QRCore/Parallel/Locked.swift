/// A value shared between threads, touched only inside ``withLock(_:)``.
///
/// Used instead of `Synchronization.Mutex` for the reason ``ConditionLock``
/// gives: on Linux ThreadSanitizer cannot see how Mutex hands a contended
/// lock over, and reports each contended section as a race — so
/// `Scripts/test-tsan.sh` failed whenever two tasks happened to meet in one
/// (the symbol template cache, seen in CI).
package final class Locked<Value: Sendable>: @unchecked Sendable {  // `value` is touched only with `lock` held
    private let lock = ConditionLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held.
    package func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}

extension Locked {
    /// The entry at `index` of a table built on first use: `build`'s
    /// result, kept for later calls. It is built outside the lock, so
    /// callers that meet on an empty entry may each build it once; the
    /// entries are pure functions of their index, so either copy will do.
    func entry<Element>(at index: Int, orBuild build: () -> Element) -> Element where Value == [Element?] {
        if let kept = withLock({ $0[index] }) { return kept }
        let built = build()
        withLock { $0[index] = built }
        return built
    }
}

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

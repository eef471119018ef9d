#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX mutex with a condition variable, for the state that worker
/// threads share with the ``ParallelCodec`` actor.
///
/// Not `Synchronization.Mutex`: on Linux that hands a contended lock over
/// inside the kernel (a priority-inheritance futex), where ThreadSanitizer
/// cannot see it, so every contended section reads as a data race and
/// `swift test --sanitize=thread` could no longer find real ones. Worker
/// threads also need a condition variable to sleep on, which it lacks.
///
/// `@unchecked Sendable` is safe: the pthread objects are used only through
/// pthread calls, which synchronise themselves.
final class ConditionLock: @unchecked Sendable {  // safe: pthread objects used only through pthread calls
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Runs `body` with the mutex held once `isReady` holds, sleeping on the
    /// condition variable until then.
    func withLock<T>(whenReady isReady: () -> Bool, _ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !isReady() { pthread_cond_wait(condition, mutex) }
        return try body()
    }

    /// Wakes one thread sleeping in ``withLock(whenReady:_:)``.
    func signal() {
        pthread_cond_signal(condition)
    }

    /// Wakes every thread sleeping in ``withLock(whenReady:_:)``.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}

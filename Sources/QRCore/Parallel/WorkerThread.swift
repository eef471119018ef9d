#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts the POSIX threads that run ``ParallelCodec``'s jobs.
///
/// Jobs take from microseconds to tens of milliseconds of CPU without a
/// suspension point; on Swift's cooperative pool (one thread per core) they
/// would starve every other task of the process, the codec's own actor
/// included. Threads of its own keep that pool free.
enum WorkerThread {
    /// The closure a new thread runs, passed through `pthread_create`'s context pointer.
    private final class Start {
        let body: @Sendable () -> Void

        init(body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }

    /// Starts a detached thread that runs `body` and ends.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Start(body: body)).toOpaque()
        #if canImport(Glibc)
            var thread = pthread_t()
            let result = pthread_create(
                &thread, nil,
                { context in
                    WorkerThread.run(context!)
                }, context)
        #else
            var thread: pthread_t?
            let result = pthread_create(
                &thread, nil,
                { context in
                    WorkerThread.run(context)
                }, context)
        #endif
        precondition(result == 0, "pthread_create failed with error \(result)")
        #if canImport(Glibc)
            pthread_detach(thread)
        #else
            pthread_detach(thread!)
        #endif
    }

    private static func run(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        Unmanaged<Start>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }
}

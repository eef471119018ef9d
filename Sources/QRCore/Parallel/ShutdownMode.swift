/// How ``ParallelCodec/shutdown(_:)`` treats jobs that have not finished.
/// Either way, new submissions fail with ``ParallelCodecError/shutDown``,
/// submissions still waiting for room are refused the same way, and jobs that
/// are already running finish normally.
public enum ShutdownMode: String, Sendable, Hashable, CaseIterable {
    /// Run every queued job, then stop the workers.
    case graceful
    /// Cancel every queued job (they never run), then stop the workers as soon
    /// as the running ones finish.
    case immediate
}

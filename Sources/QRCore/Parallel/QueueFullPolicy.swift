/// What a submission does when the ``ParallelCodec``'s queue is full: the
/// caller chooses between being slowed down and being told at once.
public enum QueueFullPolicy: String, Sendable, Hashable, CaseIterable {
    /// Suspend until the queue has room. Waiting submissions are admitted in
    /// the order they arrived; cancelling the waiting task withdraws them.
    case wait
    /// Fail at once with ``ParallelCodecError/queueFull(capacity:)`` (a server
    /// answers 503 and lets the client retry).
    case reject
}

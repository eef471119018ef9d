/// Names one suspended caller of a ``ParallelCodec`` — a submission waiting
/// for room, a batch, or a caller awaiting a result — so that the scheduler
/// can say whom an action is for without holding the continuation itself.
struct WaiterToken: Sendable, Hashable {
    let rawValue: UInt64
}

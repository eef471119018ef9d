/// The owner of a job submitted by a ``ParallelCodec`` convenience: which
/// batch awaits it and where its outcome goes in the batch's results.
struct BatchSlot: Sendable, Hashable {
    let batch: WaiterToken
    let index: Int
}

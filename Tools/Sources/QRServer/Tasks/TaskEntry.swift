import QRCore

/// One task: the codec job behind it, what it is, and the
/// `Idempotency-Key` it was submitted with, if any.
struct TaskEntry: Sendable, Hashable {
    let job: JobID
    let kind: TaskKind
    var idempotencyKey: String? = nil
}

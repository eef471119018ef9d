import QRCore

/// One task: the codec job behind it and what it is.
struct TaskEntry: Sendable, Hashable {
    let job: JobID
    let kind: TaskKind
}

/// A job handed to the workers: its identifier and the work to do.
struct JobDispatch<Work> {
    let id: JobID
    let work: Work
}

extension JobDispatch: Sendable where Work: Sendable {}

extension JobDispatch: Equatable where Work: Equatable {}

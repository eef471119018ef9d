/// Gathers the outcomes of a batch (``ParallelCodec/runAll(_:whenFull:)``
/// and the conveniences built on it) in input order, and hands them over
/// once each item has its own.
struct BatchCollector {
    typealias Outcome = Result<CodecOutput, ParallelCodecError>

    private var outcomes: [Outcome?]
    private var missing: Int
    private let continuation: CheckedContinuation<[Outcome], Never>
    /// The batch's jobs admitted so far, to cancel them if the caller's task is cancelled.
    private(set) var admitted: [JobID] = []

    init(count: Int, continuation: CheckedContinuation<[Outcome], Never>) {
        outcomes = Array(repeating: nil, count: count)
        missing = count
        self.continuation = continuation
    }

    mutating func admit(_ ids: [JobID]) {
        admitted += ids
    }

    /// Stores an item's outcome; returns whether the batch is complete.
    mutating func record(_ outcome: Outcome, at index: Int) -> Bool {
        precondition(outcomes[index] == nil, "item \(index) of a batch got two outcomes")
        outcomes[index] = outcome
        missing -= 1
        return missing == 0
    }

    /// Resumes the awaiting caller. - Precondition: every item has its outcome.
    func complete() {
        continuation.resume(returning: outcomes.map { $0! })
    }
}

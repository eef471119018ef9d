/// Names one job of a ``ParallelCodec``: returned by ``ParallelCodec/submit(_:whenFull:)``
/// and passed to ``ParallelCodec/status(_:)``, ``ParallelCodec/result(_:)`` and
/// ``ParallelCodec/cancel(_:)``.
///
/// Identifiers are issued in submission order and never reused by a codec, so
/// an identifier it no longer knows is one whose result has expired.
public struct JobID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The job's number: 0 for a codec's first job, then counting up.
    public let rawValue: UInt64

    /// The identifier with this number, as ``rawValue`` gave it (for a job id that went through a URL or a database).
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Orders by number.
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The identifier as "job-N".
    public var description: String { "job-\(rawValue)" }
}

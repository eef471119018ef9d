/// Why a job of a ``ParallelCodec`` has no result. A job's own failure
/// (``encoding(_:)``, ``rendering(_:)``, ``image(_:)``, ``noCodeFound(width:height:)``)
/// fails that job alone; the others come from the pool.
public enum ParallelCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text could not be encoded (too much data, a character the mode lacks, …).
    case encoding(QREncodingError)
    /// The symbol could not be drawn with the render options given.
    case rendering(RenderError)
    /// The image could not be read (unreadable PNG, missing file, bad pixel buffer).
    case image(ImageError)
    /// The image was read, but no QR Code was found in it.
    case noCodeFound(width: Int, height: Int)
    /// The queue held `capacity` jobs and the submission chose
    /// ``QueueFullPolicy/reject``. Remedies: retry later, wait instead, or
    /// create the codec with a larger ``ParallelCodecOptions/queueCapacity``.
    case queueFull(capacity: Int)
    /// The job was cancelled — by ``ParallelCodec/cancel(_:)``, by an
    /// immediate shutdown, or by cancelling the task that awaited it — or the
    /// awaiting task was cancelled while the job went on.
    case cancelled
    /// The job finished, but its result was dropped after the retention period.
    case expired(JobID)
    /// No job with this identifier was ever submitted to this codec.
    case unknownJob(JobID)
    /// The codec was shut down before the job was queued.
    case shutDown

    /// What went wrong, in one sentence.
    public var description: String {
        switch self {
        case let .encoding(error): "encoding failed: \(error)"
        case let .rendering(error): "rendering failed: \(error)"
        case let .image(error): "image unreadable: \(error)"
        case let .noCodeFound(width, height): "no QR Code found in the \(width)×\(height) image"
        case let .queueFull(capacity): "queue full: \(capacity) jobs are waiting; retry later or wait for room"
        case .cancelled: "cancelled"
        case let .expired(id): "the result of \(id) has expired"
        case let .unknownJob(id): "\(id) was never submitted to this codec"
        case .shutDown: "the codec is shut down"
        }
    }
}

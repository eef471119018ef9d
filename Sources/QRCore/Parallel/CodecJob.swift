/// One unit of work for a ``ParallelCodec``.
public enum CodecJob: Sendable, Hashable {
    /// Text or segments → PNG, SVG or matrix.
    case encode(EncodeRequest)
    /// PNG bytes, a file or a pixel buffer → the codes found.
    case decode(DecodeRequest)

    /// Does the work on the calling thread. Never throws and never traps on
    /// bad input: a job's failure is a value, so that it fails alone and the
    /// worker goes on to the next job.
    func run() -> Result<CodecOutput, ParallelCodecError> {
        switch self {
        case let .encode(request): request.run()
        case let .decode(request): request.run()
        }
    }
}

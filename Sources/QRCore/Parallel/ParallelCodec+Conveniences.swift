/// Submit-and-await shortcuts over ``ParallelCodec/runAll(_:whenFull:)``:
/// each call owns its jobs, so cancelling the calling task cancels them.
extension ParallelCodec {
    /// Runs one job and returns its output.
    /// - Throws: the job's own error, ``ParallelCodecError/queueFull(capacity:)``,
    ///   ``ParallelCodecError/shutDown`` or ``ParallelCodecError/cancelled``.
    public func run(
        _ job: CodecJob, whenFull policy: QueueFullPolicy = .wait
    ) async throws(ParallelCodecError) -> CodecOutput {
        try await runAll([job], whenFull: policy)[0].get()
    }

    /// Encodes one symbol and returns it in the requested form.
    /// - Throws: as ``run(_:whenFull:)``; ``ParallelCodecError/encoding(_:)`` or
    ///   ``ParallelCodecError/rendering(_:)`` for the request's own failure.
    public func encode(
        _ request: EncodeRequest, whenFull policy: QueueFullPolicy = .wait
    ) async throws(ParallelCodecError) -> CodecOutput {
        try await run(.encode(request), whenFull: policy)
    }

    /// Reads one image and returns the codes found (at least one).
    /// - Throws: as ``run(_:whenFull:)``; ``ParallelCodecError/image(_:)`` or
    ///   ``ParallelCodecError/noCodeFound(width:height:)`` for the image's own failure.
    public func decode(
        _ request: DecodeRequest, whenFull policy: QueueFullPolicy = .wait
    ) async throws(ParallelCodecError) -> [DecodedSymbol] {
        Self.codes(of: try await run(.decode(request), whenFull: policy))
    }

    /// Encodes symbols; outcomes in input order, each its own success or error.
    public func encodeAll(
        _ requests: [EncodeRequest], whenFull policy: QueueFullPolicy = .wait
    ) async -> [Result<CodecOutput, ParallelCodecError>] {
        await runAll(requests.map(CodecJob.encode), whenFull: policy)
    }

    /// Reads images; outcomes in input order, each its own success or error.
    public func decodeAll(
        _ requests: [DecodeRequest], whenFull policy: QueueFullPolicy = .wait
    ) async -> [Result<[DecodedSymbol], ParallelCodecError>] {
        await runAll(requests.map(CodecJob.decode), whenFull: policy).map { $0.map(Self.codes(of:)) }
    }

    private static func codes(of output: CodecOutput) -> [DecodedSymbol] {
        guard case let .codes(codes) = output else { preconditionFailure("a decode job produced \(output)") }
        return codes
    }
}

import QRCore

/// One job of the serial-versus-parallel workloads, runnable both ways:
/// through ``ParallelCodec``, or on the caller with the public calls that
/// the codec's worker makes for it — so both sides do the same work.
enum BenchJob: Sendable {
    /// Text → PNG at scale 10, border 4 (the original service's generate request).
    case generate(text: String, correctionLevel: ErrorCorrectionLevel)
    /// PNG bytes → the codes in them.
    case decode(png: [UInt8])

    static let rendering = RenderOptions(scale: 10, border: 4)

    var codecJob: CodecJob {
        switch self {
        case let .generate(text, correctionLevel):
            .encode(
                EncodeRequest(
                    text: text, options: EncodingOptions(correctionLevel: correctionLevel), format: .png(Self.rendering)
                ))
        case let .decode(png):
            .decode(DecodeRequest(imageData: png))
        }
    }

    /// Does the job on the calling thread and returns what the codec's job
    /// would; throws where the codec's job would fail.
    func runSerially() throws -> CodecOutput {
        switch self {
        case let .generate(text, correctionLevel):
            return .png(try QRCode(text: text, correctionLevel: correctionLevel).pngData(options: Self.rendering))
        case let .decode(png):
            let codes = QRReader().read(try GrayImage(pngData: png))
            guard !codes.isEmpty else { throw BenchFailure("no QR Code found") }
            return .codes(codes)
        }
    }
}

/// A workload that cannot be measured because its jobs fail.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

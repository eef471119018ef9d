import QRCore

/// A job as the HTTP API takes it and as a store keeps it: what to encode
/// (the checked fields of `POST /generate` or `GET /qr`) or the image to
/// read. Any worker, in this process or another, turns it into a
/// ``CodecJob`` with its own limits.
enum TaskRequest: Sendable, Hashable {
    case generate(GenerateParameters)
    case decode(image: [UInt8])

    var kind: TaskKind {
        switch self {
        case let .generate(parameters): .generate(parameters.format)
        case .decode: .decode
        }
    }

    /// The bytes that a queued job holds: what a client sent.
    var payloadSize: Int {
        switch self {
        case let .generate(parameters): parameters.text.utf8.count
        case let .decode(image): image.count
        }
    }

    /// The job for a ``ParallelCodec``, reading images within `limits`.
    func codecJob(limits: ImageLimits) -> CodecJob {
        switch self {
        case let .generate(parameters): .encode(parameters.request)
        case let .decode(image): .decode(DecodeRequest(imageData: image, options: DecodeOptions(limits: limits)))
        }
    }

    /// The stored form: the generate fields as a canonical JSON object, or
    /// the image's bytes.
    var payload: [UInt8] {
        switch self {
        case let .generate(parameters): Array(parameters.json.text.utf8)
        case let .decode(image): image
        }
    }

    /// A request read back from its stored form, checked again against this
    /// process's limits.
    /// - Throws: 400 when the fields are refused here (a worker started with
    ///   smaller limits than the front end that took the job).
    init(kind: String, payload: [UInt8], limits: ServerOptions) throws(APIError) {
        switch kind {
        case "generate": self = .generate(try GenerateParameters(RequestFields(json: payload), limits: limits))
        case "decode": self = .decode(image: payload)
        default: throw APIError(.badRequest, "unknown task kind \"\(kind)\"")
        }
    }
}

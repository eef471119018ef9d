import QRCore

/// How a finished task ended, in the form `GET /result/{id}` shows it, which
/// either store can keep: the image of a generate task, the codes a decode
/// task found, or the task's own failure.
enum TaskOutcome: Sendable, Hashable {
    case image(OutputFormat, [UInt8])
    /// The JSON array of the codes found, as `qr decode --json` writes them.
    case codes(JSONValue)
    case failure(TaskFailure)

    /// The outcome of a codec job.
    init(_ result: Result<CodecOutput, ParallelCodecError>) {
        switch result {
        case let .success(.png(bytes)): self = .image(.png, bytes)
        case let .success(.svg(text)): self = .image(.svg, Array(text.utf8))
        case let .success(.codes(codes)): self = .codes(.array(codes.map(DecodedCodeJSON.code)))
        case .success(.matrix): self = .failure(TaskFailure(message: "the job produced no image"))
        case let .failure(error): self = .failure(TaskFailure(error))
        }
    }

    /// About what it costs to keep in memory.
    var size: Int {
        switch self {
        case let .image(_, bytes): bytes.count
        case let .codes(codes): codes.text.utf8.count
        case let .failure(failure): failure.message.utf8.count + 64
        }
    }
}

/// Why a task failed, with the capacity details of text too long for any
/// allowed version (`bits_needed`, `capacity_bits`…), as the 422 of a
/// synchronous request gives them.
struct TaskFailure: Sendable, Hashable, Codable {
    var message: String
    /// The request field at fault, named in a synchronous request's 422.
    var field: String?
    var capacity: CapacityDetails?

    init(message: String, field: String? = nil, capacity: CapacityDetails? = nil) {
        self.message = message
        self.field = field
        self.capacity = capacity
    }

    init(_ error: ParallelCodecError) {
        message = QRService.message(for: error)
        switch error {
        case let .encoding(.dataTooLong(needed, capacity, version, level)):
            field = "text"
            self.capacity = CapacityDetails(
                bitsNeeded: needed, capacityBits: capacity, version: version,
                correctionLevel: level)
        case .encoding: field = "text"
        case .image, .noCodeFound: field = "body"
        default: break
        }
    }

    /// The 422 of a synchronous request that failed this way.
    var error: APIError {
        APIError(.unprocessableContent, message, field: field, details: capacity?.members ?? [])
    }

    /// `"message"`, then the capacity details when there are some.
    var members: [JSONValue.Member] {
        [.init(key: "message", value: .string(message))] + (capacity?.members ?? [])
    }
}

import Hummingbird
import QRCore

/// What every route that takes work shares: reading the body within the
/// limit, queueing a job under a new task identifier, and turning the codec's
/// refusals into HTTP answers.
extension QRService {
    /// The request body, refused with 413 past ``ServerOptions/maxBodyBytes``
    /// (at once when `Content-Length` says so, else as soon as it is crossed).
    func collectBody(_ request: Request) async throws(APIError) -> [UInt8] {
        let limit = options.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw tooLarge(limit)
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge(limit) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, "body: could not be read", field: "body")
        }
        return bytes
    }

    /// Queues a job without waiting for room, and names it with a new task.
    /// - Throws: 503 with `Retry-After` when the queue is full or the server stops.
    func submit(_ job: CodecJob, kind: TaskKind) async throws(APIError) -> TaskID {
        let jobID: JobID
        do {
            jobID = try await codec.submit(job, whenFull: .reject)
        } catch {
            throw failure(error)
        }
        let (id, sweepDue) = tasks.register(TaskEntry(job: jobID, kind: kind))
        if sweepDue {
            let (tasks, codec) = (tasks, codec)
            Task { await tasks.sweep { await codec.status($0) } }
        }
        return id
    }

    /// 202 with the task's identifier and where to poll.
    func accepted(_ id: TaskID, kind: TaskKind) -> Response {
        let location = "/result/\(id)"
        return .json(.object(["task_id": .string(id.description), "kind": .string(kind.name),
                              "status_url": .string(location)]),
                     status: .accepted, headers: [.location: location])
    }

    /// The HTTP answer to a job that failed, for the synchronous routes and
    /// the image of a failed task: 422 for the request's own failure, 503 for
    /// a full queue or a stopping server.
    func failure(_ error: ParallelCodecError) -> APIError {
        switch error {
        case .queueFull:
            return APIError(.serviceUnavailable, "\(error)",
                            details: [.init(key: "retry_after", value: .int(options.retryAfterSeconds))],
                            headers: [.retryAfter: String(options.retryAfterSeconds)])
        case .shutDown, .cancelled:
            return APIError(.serviceUnavailable, "the server is shutting down",
                            headers: [.retryAfter: String(options.retryAfterSeconds)])
        case let .encoding(failure):
            return CapacityCheck.error(for: failure)
        case .rendering:
            return APIError(.unprocessableContent, "\(error)")
        case .image, .noCodeFound:
            return APIError(.unprocessableContent, Self.message(for: error), field: "body")
        case .expired, .unknownJob:
            return .unknownTask()
        }
    }

    /// What a client is told about a job's own failure.
    static func message(for error: ParallelCodecError) -> String {
        switch error {
        case .noCodeFound: "no QR code found (\(error))"
        case let .encoding(failure): "\(failure)"
        default: "\(error)"
        }
    }

    private func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "body: larger than the limit of \(limit) bytes", field: "body",
                 details: [.init(key: "max_body_bytes", value: .int(limit))])
    }
}

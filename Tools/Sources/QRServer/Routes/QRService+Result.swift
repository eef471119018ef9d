import Hummingbird
import QRCore

/// `GET /result/{id}` and `GET /result/{id}/image`.
extension QRService {
    /// Where a task stands: `pending`, `running`, `success` (with the image's
    /// address or the codes found) or `error` (with a message); 404 once
    /// unknown or expired. `?wait=S` holds the answer until the task
    /// finishes or S seconds pass, so a client need not poll in a loop.
    func result(_ request: Request, id text: String?) async throws(APIError) -> Response {
        let fields = try RequestFields(query: request.uri.query)
        try fields.allowOnly(["wait"])
        let maxWait = Int(options.maxWait.components.seconds)
        let wait = try fields.integer("wait", in: 0...maxWait) ?? 0
        let id = try taskID(text)
        if wait > 0 { await store.waitForOutcome(of: id, upTo: .seconds(wait)) }
        let task = try await snapshot(of: id)
        var members: [JSONValue.Member] = [
            .init(key: "task_id", value: .string(id.description)),
            .init(key: "kind", value: .string(task.kind.name)),
        ]
        switch task.state {
        case .pending: members.insert(.init(key: "status", value: "pending"), at: 0)
        case .running: members.insert(.init(key: "status", value: "running"), at: 0)
        case let .finished(.failure(failure)):
            members.insert(.init(key: "status", value: "error"), at: 0)
            members += failure.members
        case let .finished(outcome):
            members.insert(.init(key: "status", value: "success"), at: 0)
            members += Self.successMembers(outcome, id: id)
        }
        return .json(.object(members))
    }

    /// A generate task's image; 409 while it is not finished or when it
    /// failed, 404 for a decode task or an unknown one. `?download=1` asks
    /// the browser to save it.
    func image(_ request: Request, id text: String?) async throws(APIError) -> Response {
        let fields = try RequestFields(query: request.uri.query)
        try fields.allowOnly(["download"])
        let download = try fields.flag("download") ?? false
        let id = try taskID(text)
        let task = try await snapshot(of: id)
        guard case .generate = task.kind else {
            throw APIError(.notFound, "task \(id) is a decode task; it has no image")
        }
        switch task.state {
        case .pending, .running:
            throw APIError(.conflict, "task \(id) has not finished; poll /result/\(id)")
        case let .finished(.failure(failure)):
            throw APIError(.conflict, "task \(id) failed: \(failure.message)")
        case .finished(.codes):
            throw APIError(.notFound, "task \(id) has no image")
        case let .finished(.image(format, bytes)):
            let disposition = download ? "attachment" : "inline"
            return Self.image(
                format, bytes,
                headers: [
                    .cacheControl: "private, max-age=\(Int(options.codec.resultTimeToLive.components.seconds))",
                    .contentDisposition:
                        "\(disposition); filename=\"qr-\(id.description.prefix(8)).\(format.rawValue)\"",
                ])
        }
    }

    /// 404 for an identifier that is malformed.
    private func taskID(_ text: String?) throws(APIError) -> TaskID {
        guard let text, let id = TaskID(text) else { throw .unknownTask() }
        return id
    }

    /// 404 for a task that is unknown or expired.
    private func snapshot(of id: TaskID) async throws(APIError) -> TaskSnapshot {
        guard let task = try await store.snapshot(of: id) else { throw .unknownTask() }
        return task
    }

    private static func successMembers(_ outcome: TaskOutcome, id: TaskID) -> [JSONValue.Member] {
        switch outcome {
        case let .image(format, bytes):
            return [
                .init(key: "format", value: .string(format.rawValue)),
                .init(key: "content_type", value: .string(format.contentType)),
                .init(key: "bytes", value: .int(bytes.count)),
                .init(key: "image", value: .string("/result/\(id)/image")),
            ]
        case let .codes(codes):
            return [.init(key: "codes", value: codes)]
        case .failure:
            return []
        }
    }
}

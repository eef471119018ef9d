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
        let (id, entry) = try lookUp(text)
        if wait > 0 { await waitForOutcome(of: entry.job, upTo: .seconds(wait)) }
        var members: [JSONValue.Member] = [
            .init(key: "task_id", value: .string(id.description)),
            .init(key: "kind", value: .string(entry.kind.name)),
        ]
        switch try await state(of: id, entry) {
        case .pending: members.insert(.init(key: "status", value: "pending"), at: 0)
        case .running: members.insert(.init(key: "status", value: "running"), at: 0)
        case let .finished(.success(output)):
            members.insert(.init(key: "status", value: "success"), at: 0)
            members += Self.successMembers(output, id: id)
        case let .finished(.failure(error)):
            members.insert(.init(key: "status", value: "error"), at: 0)
            members.append(.init(key: "message", value: .string(Self.message(for: error))))
            if case .encoding = error { members += failure(error).details }
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
        let (id, entry) = try lookUp(text)
        guard case let .generate(format) = entry.kind else {
            throw APIError(.notFound, "task \(id) is a decode task; it has no image")
        }
        switch try await state(of: id, entry) {
        case .pending, .running:
            throw APIError(.conflict, "task \(id) has not finished; poll /result/\(id)")
        case let .finished(.failure(error)):
            throw APIError(.conflict, "task \(id) failed: \(Self.message(for: error))")
        case let .finished(.success(output)):
            let disposition = download ? "attachment" : "inline"
            return Self.image(output, headers: [
                .cacheControl: "private, max-age=\(Int(options.codec.resultTimeToLive.components.seconds))",
                .contentDisposition: "\(disposition); filename=\"qr-\(id.description.prefix(8)).\(format.rawValue)\"",
            ])
        }
    }

    private enum TaskState {
        case pending
        case running
        case finished(Result<CodecOutput, ParallelCodecError>)
    }

    /// The task of an identifier; 404 when it is malformed or unknown.
    private func lookUp(_ text: String?) throws(APIError) -> (TaskID, TaskEntry) {
        guard let text, let id = TaskID(text), let entry = tasks.entry(for: id) else { throw .unknownTask() }
        return (id, entry)
    }

    /// The task's state, forgetting it (404) once its job has expired.
    private func state(of id: TaskID, _ entry: TaskEntry) async throws(APIError) -> TaskState {
        switch await codec.status(entry.job) {
        case .queued: return .pending
        case .running: return .running
        case .succeeded, .failed, .cancelled:
            do {
                return .finished(.success(try await codec.result(entry.job)))
            } catch .expired, .unknownJob {
                break
            } catch {
                return .finished(.failure(error))
            }
        case .expired, .unknown:
            break
        }
        tasks.forget(id)
        throw .unknownTask()
    }

    /// Returns when the job has finished or `limit` has passed, whichever is
    /// first. Cancelling the wait for the result leaves the job alone.
    private func waitForOutcome(of job: JobID, upTo limit: Duration) async {
        let codec = codec
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await codec.result(job) }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    private static func successMembers(_ output: CodecOutput, id: TaskID) -> [JSONValue.Member] {
        switch output {
        case let .png(bytes):
            return imageMembers(.png, size: bytes.count, id: id)
        case let .svg(text):
            return imageMembers(.svg, size: text.utf8.count, id: id)
        case let .codes(codes):
            return [.init(key: "codes", value: .array(codes.map(DecodedCodeJSON.code)))]
        case .matrix:
            return []
        }
    }

    private static func imageMembers(_ format: OutputFormat, size: Int, id: TaskID) -> [JSONValue.Member] {
        [
            .init(key: "format", value: .string(format.rawValue)),
            .init(key: "content_type", value: .string(format.contentType)),
            .init(key: "bytes", value: .int(size)),
            .init(key: "image", value: .string("/result/\(id)/image")),
        ]
    }
}

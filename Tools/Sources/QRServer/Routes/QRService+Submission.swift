import HTTPTypes
import Hummingbird
import QRCore

/// What every route that takes work shares: reading the body within the
/// limits, the idempotency key, the 202 answer, and the messages of failures.
extension QRService {
    /// Runs `handle` on the request body, read within the limits and held
    /// against the ``ByteBudget`` until `handle` returns.
    ///
    /// - 413 past ``ServerOptions/maxBodyBytes``: at once when
    ///   `Content-Length` says so, else as soon as it is crossed.
    /// - 503 with `Retry-After` when the budget cannot hold the body: before
    ///   reading any of it when `Content-Length` is given, else as soon as a
    ///   chunk does not fit.
    func withBody<Value>(
        _ request: Request,
        _ handle: ([UInt8]) async throws(APIError) -> Value
    ) async throws(APIError) -> Value {
        let limit = options.maxBodyBytes
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > limit { throw tooLarge(limit) }
        var reserved = 0
        defer { budget.release(reserved) }
        if let declared {
            guard budget.reserve(declared) else { throw overBudget() }
            reserved = declared
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(declared ?? 0)
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge(limit) }
                let more = bytes.count + buffer.readableBytes - reserved
                if more > 0 {
                    guard budget.reserve(more) else { throw overBudget() }
                    reserved += more
                }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, "body: could not be read", field: "body")
        }
        return try await handle(bytes)
    }

    /// The `Idempotency-Key` header: the same key on a later POST returns
    /// the same task (while the task is known) instead of queueing another.
    /// - Throws: 400 for a key that is empty, longer than 255 characters, or
    ///   not visible ASCII.
    func idempotencyKey(_ request: Request) throws(APIError) -> String? {
        guard let key = request.headers[Self.idempotencyKeyField] else { return nil }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError(.badRequest, "Idempotency-Key: 1 to 255 visible ASCII characters", field: "Idempotency-Key")
        }
        return key
    }

    static let idempotencyKeyField = HTTPField.Name("Idempotency-Key")!

    /// 202 with the task's identifier and where to poll.
    func accepted(_ task: SubmittedTask) -> Response {
        let location = "/result/\(task.id)"
        return .json(
            .object([
                "task_id": .string(task.id.description), "kind": .string(task.kind.name),
                "status_url": .string(location),
            ]),
            status: .accepted, headers: [.location: location])
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
        APIError(
            .contentTooLarge, "body: larger than the limit of \(limit) bytes", field: "body",
            details: [.init(key: "max_body_bytes", value: .int(limit))])
    }

    private func overBudget() -> APIError {
        .unavailable(
            "server busy: the bytes it holds for uploads and results would pass --max-queued-bytes "
                + "(\(budget.limit)); retry later",
            retryAfterSeconds: options.retryAfterSeconds,
            details: [.init(key: "max_queued_bytes", value: .int(budget.limit))])
    }
}

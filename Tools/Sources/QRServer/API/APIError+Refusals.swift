import QRCore

extension APIError {
    /// 503 with `Retry-After`: the queue is full, the server is stopping,
    /// the byte budget is spent or the job store cannot be reached. The
    /// client may try again after the delay.
    static func unavailable(_ message: String, retryAfterSeconds: Int, details: [JSONValue.Member] = []) -> APIError {
        APIError(
            .serviceUnavailable, message,
            details: details + [.init(key: "retry_after", value: .int(retryAfterSeconds))],
            headers: [.retryAfter: String(retryAfterSeconds)])
    }

    /// The HTTP answer to a codec's refusal of a job: 503 for a full queue
    /// or a stopping server, 404 for a job it no longer knows, 422 for the
    /// job's own failure.
    static func refusal(_ error: ParallelCodecError, retryAfterSeconds: Int) -> APIError {
        switch error {
        case .queueFull:
            return .unavailable("\(error)", retryAfterSeconds: retryAfterSeconds)
        case .shutDown, .cancelled:
            return .unavailable("the server is shutting down", retryAfterSeconds: retryAfterSeconds)
        case .expired, .unknownJob:
            return .unknownTask()
        case .encoding, .rendering, .image, .noCodeFound:
            return TaskFailure(error).error
        }
    }
}

import Hummingbird
import QRCore

/// `POST /generate` and `GET /qr`.
extension QRService {
    /// `POST /generate` with a JSON object → 202 `{"task_id"}`.
    func generate(_ request: Request) async throws(APIError) -> Response {
        let key = try idempotencyKey(request)
        return try await withBody(request) { body throws(APIError) in
            let parameters = try GenerateParameters(RequestFields(json: body), limits: options)
            try CapacityCheck.check(parameters.text, options: parameters.options)
            return accepted(try await store.submit(.generate(parameters), idempotencyKey: key))
        }
    }

    /// `GET /qr?text=…&ecc=…&format=png|svg` (and the other fields of
    /// `POST /generate`) → the image itself. The same query always gives the
    /// same image, so it may be cached.
    func quickCode(_ request: Request) async throws(APIError) -> Response {
        let parameters = try GenerateParameters(RequestFields(query: request.uri.query), limits: options)
        try CapacityCheck.check(parameters.text, options: parameters.options)
        switch try await store.run(.generate(parameters)) {
        case let .image(format, bytes):
            return Self.image(format, bytes, headers: [.cacheControl: "public, max-age=86400"])
        case let .failure(failure):
            throw failure.error
        case .codes:
            throw APIError(.internalServerError, "a generate job produced codes")
        }
    }

    /// An image as an HTTP body.
    static func image(_ format: OutputFormat, _ bytes: [UInt8], headers: HTTPFields = [:]) -> Response {
        var headers = headers
        if format == .svg {
            // Our SVG is one path; the policy keeps any SVG opened from here inert.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        }
        return .bytes(bytes, contentType: format.contentType, headers: headers)
    }
}

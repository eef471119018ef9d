import Hummingbird
import QRCore

/// `POST /generate` and `GET /qr`.
extension QRService {
    /// `POST /generate` with a JSON object → 202 `{"task_id"}`.
    func generate(_ request: Request) async throws(APIError) -> Response {
        let parameters = try GenerateParameters(RequestFields(json: try await collectBody(request)), limits: options)
        try CapacityCheck.check(parameters.text, options: parameters.options)
        let kind = TaskKind.generate(parameters.format)
        return accepted(try await submit(.encode(parameters.request), kind: kind), kind: kind)
    }

    /// `GET /qr?text=…&ecc=…&format=png|svg` (and the other fields of
    /// `POST /generate`) → the image itself. The same query always gives the
    /// same image, so it may be cached.
    func quickCode(_ request: Request) async throws(APIError) -> Response {
        let parameters = try GenerateParameters(RequestFields(query: request.uri.query), limits: options)
        try CapacityCheck.check(parameters.text, options: parameters.options)
        let output: CodecOutput
        do {
            output = try await codec.encode(parameters.request, whenFull: .reject)
        } catch {
            throw failure(error)
        }
        return Self.image(output, headers: [.cacheControl: "public, max-age=86400"])
    }

    /// An encode job's output as an HTTP body.
    static func image(_ output: CodecOutput, headers: HTTPFields = [:]) -> Response {
        switch output {
        case let .png(bytes):
            return .bytes(bytes, contentType: OutputFormat.png.contentType, headers: headers)
        case let .svg(text):
            var headers = headers
            // Our SVG is one path; the policy keeps any SVG opened from here inert.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
            return .bytes(Array(text.utf8), contentType: OutputFormat.svg.contentType, headers: headers)
        case .matrix, .codes:
            return .json(.object(["error": "this task has no image"]), status: .notFound)
        }
    }
}

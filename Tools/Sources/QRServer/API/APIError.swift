import Hummingbird

/// A request the server refuses, answered as
/// `{"error": message, "field": name, …details}` with a 4xx or 5xx status.
///
/// Every refusal of the API goes through this type, so that a client always
/// gets JSON with a message it can show, and a bad field is always named.
struct APIError: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var message: String
    /// The request field at fault, when one is.
    var field: String?
    /// More members of the JSON body (capacities, retry delay).
    var details: [JSONValue.Member] = []
    var headers: HTTPFields = [:]

    init(
        _ status: HTTPResponse.Status, _ message: String, field: String? = nil,
        details: [JSONValue.Member] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.message = message
        self.field = field
        self.details = details
        self.headers = headers
    }

    /// 400 for a field that is missing, of the wrong type or out of range.
    static func badField(_ field: String, _ problem: String) -> APIError {
        APIError(.badRequest, "\(field): \(problem)", field: field)
    }

    /// 404 for a task that never existed or whose result has expired.
    static func unknownTask() -> APIError {
        APIError(.notFound, "no such task: unknown or expired (results are kept for a limited time)")
    }

    var body: JSONValue {
        var members = [JSONValue.Member(key: "error", value: .string(message))]
        if let field { members.append(.init(key: "field", value: .string(field))) }
        return .object(members + details)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

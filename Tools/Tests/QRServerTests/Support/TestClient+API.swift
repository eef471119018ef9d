import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Requests and JSON answers in one line each.
extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    func post(
        _ uri: String, json: String, headers: HTTPFields = [.contentType: "application/json"]
    ) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func post(_ uri: String, bytes: [UInt8], contentType: String = "image/png") async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: contentType], body: ByteBuffer(bytes: bytes))
    }

    /// Submits a task, expecting 202, and returns its identifier.
    func submit(_ uri: String, json: String) async throws -> String {
        let response = try await post(uri, json: json)
        #expect(response.status == .accepted)
        return try #require(response.object["task_id"] as? String)
    }

    /// The task's result once it has finished (`?wait=` holds the answer until then).
    func finished(_ taskID: String) async throws -> [String: Any] {
        let response = try await get("/result/\(taskID)?wait=20")
        #expect(response.status == .ok)
        return response.object
    }
}

extension TestResponse {
    var bytes: [UInt8] { Array(body.readableBytesView) }
    var text: String { String(buffer: body) }

    /// The body as a JSON object; empty if it is not one.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }
}

import Hummingbird
import QRCore

/// `POST /decode`.
extension QRService {
    /// `POST /decode` with an image body (PNG, JPEG, PGM or PPM) or a multipart form upload → 202
    /// `{"task_id"}`; with `?sync=1` → 200 `{"codes": […]}` at once, or 422
    /// when the image is unreadable or shows no code.
    func decode(_ request: Request) async throws(APIError) -> Response {
        let fields = try RequestFields(query: request.uri.query)
        try fields.allowOnly(["sync"])
        let sync = try fields.flag("sync") ?? false
        let key = try idempotencyKey(request)
        return try await withBody(request) { body throws(APIError) in
            let job = TaskRequest.decode(image: try uploadedImage(body, contentType: request.headers[.contentType]))
            guard sync else { return accepted(try await store.submit(job, idempotencyKey: key)) }
            switch try await store.run(job) {
            case let .codes(codes):
                return .json(.object(["status": "success", "codes": codes]))
            case let .failure(failure):
                throw failure.error
            case .image:
                throw APIError(.internalServerError, "a decode job produced an image")
            }
        }
    }

    /// The image bytes: the body itself, or the file part of a multipart form.
    /// Whether they are an image it can read is the worker's to find out
    /// (from their signature, whatever the Content-Type says): an unreadable
    /// image is the task's error, not the request's.
    private func uploadedImage(_ body: [UInt8], contentType: String?) throws(APIError) -> [UInt8] {
        var image = body
        if let contentType, let boundary = try MultipartForm.boundary(contentType: contentType) {
            image = try MultipartForm.file(in: body, boundary: boundary)
        }
        guard !image.isEmpty else {
            throw .badField(
                body.isEmpty ? "body" : "file",
                "empty; send a PNG or JPEG image as the body or as a form's file")
        }
        return image
    }
}

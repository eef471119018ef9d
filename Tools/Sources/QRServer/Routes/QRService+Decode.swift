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
        let image = try uploadedImage(try await collectBody(request), contentType: request.headers[.contentType])
        let job = DecodeRequest(imageData: image, options: DecodeOptions(limits: options.imageLimits))
        guard sync else { return accepted(try await submit(.decode(job), kind: .decode), kind: .decode) }
        do {
            let codes = try await codec.decode(job, whenFull: .reject)
            return .json(.object(["status": "success", "codes": .array(codes.map(DecodedCodeJSON.code))]))
        } catch {
            throw failure(error)
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
            throw .badField(body.isEmpty ? "body" : "file",
                            "empty; send a PNG or JPEG image as the body or as a form's file")
        }
        return image
    }
}

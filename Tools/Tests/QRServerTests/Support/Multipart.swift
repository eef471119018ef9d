enum Multipart {
    static let boundary = "qr-test-boundary-7d1f"

    /// A form with one file part, as a browser sends it.
    static func form(
        file: [UInt8], name: String = "file", filename: String? = "code.png",
        extraFields: [(String, String)] = []
    ) -> [UInt8] {
        var body: [UInt8] = []
        for (field, value) in extraFields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        let filenamePart = filename.map { "; filename=\"\($0)\"" } ?? ""
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(filenamePart)\r\n".utf8)
        body += Array("Content-Type: image/png\r\n\r\n".utf8) + file + Array("\r\n--\(boundary)--\r\n".utf8)
        return body
    }

    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}

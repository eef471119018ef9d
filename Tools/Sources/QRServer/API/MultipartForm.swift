/// The file of a `multipart/form-data` upload (RFC 7578), as a browser's
/// form or `curl -F file=@code.png` sends it.
///
/// Only what `POST /decode` needs: the boundary from the content type, then
/// the first part that carries a file (a `filename` parameter) or is named
/// `file` or `image`. Every index is checked, so a malformed body is a 400,
/// never a trap.
enum MultipartForm {
    /// The boundary parameter of a `multipart/form-data` content type, or
    /// nil if the content type is something else.
    /// - Throws: 400 when it is multipart but names no usable boundary.
    static func boundary(contentType: String) throws(APIError) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingASCIISpaces() }
        guard let type = parameters.first, type.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIISpaces().lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingASCIISpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard (1...70).contains(value.utf8.count) else { break }  // RFC 2046 §5.1.1
            return value
        }
        throw .badField("body", "multipart/form-data without a valid boundary")
    }

    /// The bytes of the uploaded file.
    /// - Throws: 400 when the body is not a well-formed form or has no file.
    static func file(in body: [UInt8], boundary: String) throws(APIError) -> [UInt8] {
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = body.firstRange(of: delimiter)?.upperBound else {
            throw .badField("body", "no multipart boundary found")
        }
        let next = [0x0D, 0x0A] + delimiter
        while true {
            guard let headerEnd = range(of: [0x0D, 0x0A, 0x0D, 0x0A], in: body, from: start) else { break }
            let headers = String(decoding: body[start..<headerEnd.lowerBound], as: UTF8.self)
            guard let end = range(of: next, in: body, from: headerEnd.upperBound) else { break }
            if isFilePart(headers) { return Array(body[headerEnd.upperBound..<end.lowerBound]) }
            start = end.upperBound
        }
        throw .badField("file", "no file in the form; send the image as a part named \"file\"")
    }

    /// Whether a part's headers describe a file upload.
    private static func isFilePart(_ headers: String) -> Bool {
        for line in headers.split(whereSeparator: \.isNewline) {  // "\r\n" is one Character
            let lower = line.lowercased()
            guard lower.hasPrefix("content-disposition:") else { continue }
            return lower.contains("filename=") || lower.contains("name=\"file\"") || lower.contains("name=\"image\"")
        }
        return false
    }

    private static func range(of pattern: [UInt8], in body: [UInt8], from start: Int) -> Range<Int>? {
        guard start <= body.count else { return nil }
        return body[start...].firstRange(of: pattern)
    }
}

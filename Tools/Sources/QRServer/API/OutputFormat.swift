/// The image formats `POST /generate` and `GET /qr` produce.
enum OutputFormat: String, Sendable, Hashable {
    case png
    case svg

    var contentType: String {
        switch self {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        }
    }
}

/// What a task of the HTTP API does, which decides how its result is shown.
enum TaskKind: Sendable, Hashable {
    /// Text → an image in this format, served by `GET /result/{id}/image`.
    case generate(OutputFormat)
    /// An image → the codes found, listed in the result.
    case decode

    var name: String {
        switch self {
        case .generate: "generate"
        case .decode: "decode"
        }
    }
}

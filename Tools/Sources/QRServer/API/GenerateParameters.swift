import QRCore

/// What `POST /generate` and `GET /qr` ask for, checked field by field.
///
/// Fields: `text` (required), `ecc` (L, M, Q or H; M by default, raised for
/// free when the symbol has room), `version` (1–40, else the smallest that
/// fits), `mask` (0–7, else the lowest penalty), `scale` (pixels a module),
/// `border` (modules), `format` (png or svg), `fg` and `bg` (colours as
/// `qr encode` takes them).
struct GenerateParameters: Sendable, Hashable {
    static let fieldNames = ["text", "ecc", "version", "mask", "scale", "border", "format", "fg", "bg"]

    var text: String
    var options: EncodingOptions
    var format: OutputFormat
    var render: RenderOptions

    /// Reads and checks every field.
    /// - Throws: 400 naming the first bad field.
    init(_ fields: RequestFields, limits: ServerOptions) throws(APIError) {
        try fields.allowOnly(Self.fieldNames)
        guard let text = try fields.string("text") else { throw .badField("text", "required") }
        self.text = text
        options = EncodingOptions(correctionLevel: try Self.correctionLevel(fields))
        if let number = try fields.integer("version", in: 1...40), let version = try? QRVersion(number: number) {
            options.versions = version...version
        }
        if let number = try fields.integer("mask", in: 0...7) {
            options.mask = try? QRMask(number: number)
        }
        format = try Self.format(fields)
        render = RenderOptions(
            scale: try fields.integer("scale", in: 1...limits.maxScale) ?? 10,
            border: try fields.integer("border", in: 0...limits.maxBorder) ?? 4,
            foreground: try Self.color(fields, "fg") ?? .black,
            background: try Self.color(fields, "bg") ?? .white)
    }

    /// Every field, as a JSON object that ``init(_:limits:)`` reads back to
    /// the same parameters: how a store keeps a generate job.
    var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "text", value: .string(text)),
            .init(key: "ecc", value: .string(options.correctionLevel.letter)),
        ]
        if options.versions.lowerBound == options.versions.upperBound {
            members.append(.init(key: "version", value: .int(options.versions.lowerBound.number)))
        }
        if let mask = options.mask { members.append(.init(key: "mask", value: .int(mask.number))) }
        return .object(
            members + [
                .init(key: "scale", value: .int(render.scale)),
                .init(key: "border", value: .int(render.border)),
                .init(key: "format", value: .string(format.rawValue)),
                .init(key: "fg", value: .string(render.foreground.description)),
                .init(key: "bg", value: .string(render.background.description)),
            ])
    }

    /// The job for the codec.
    var request: EncodeRequest {
        EncodeRequest(text: text, options: options, format: format == .png ? .png(render) : .svg(render))
    }

    private static func correctionLevel(_ fields: RequestFields) throws(APIError) -> ErrorCorrectionLevel {
        guard let letter = try fields.string("ecc") else { return .medium }
        guard let level = ErrorCorrectionLevel(letter: letter.uppercased()) else {
            throw .badField("ecc", "must be L, M, Q or H, not \"\(letter)\"")
        }
        return level
    }

    private static func format(_ fields: RequestFields) throws(APIError) -> OutputFormat {
        guard let name = try fields.string("format") else { return .png }
        guard let format = OutputFormat(rawValue: name.lowercased()) else {
            throw .badField("format", "must be png or svg, not \"\(name)\"")
        }
        return format
    }

    private static func color(_ fields: RequestFields, _ name: String) throws(APIError) -> RGBAColor? {
        guard let text = try fields.string(name) else { return nil }
        do {
            return try RGBAColor(parsing: text)
        } catch {
            throw .badField(name, "\(error)")
        }
    }
}

import QRCore

/// What `POST /generate` and `GET /qr` ask for, checked field by field.
///
/// Fields: `text` (required), `symbol` (`qr`, the default, `micro` for a
/// Micro QR Code or `rmqr` for an rMQR Code), `ecc` (L, M, Q or H; M by
/// default, raised for free when the symbol has room; Micro QR offers L, M
/// and Q, rMQR M and H), `version` (1–40; 1–4 for Micro QR M1–M4; 1–32 for
/// the rMQR sizes in the standard's order, R7x43 to R17x139; else the
/// smallest that fits), `mask` (0–7, or 0–3 for Micro QR, 0 for rMQR; else
/// the standard's choice), `scale` (pixels a module), `border` (modules; 4,
/// or 2 for Micro QR and rMQR, by default), `format` (png or svg), `fg` and
/// `bg` (colours as `qr encode` takes them).
struct GenerateParameters: Sendable, Hashable {
    static let fieldNames = ["text", "symbol", "ecc", "version", "mask", "scale", "border", "format", "fg", "bg"]

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
        let symbol = try Self.symbol(fields)
        options = EncodingOptions(symbol: symbol, correctionLevel: try Self.correctionLevel(fields))
        let all = options.versions
        if let number = try fields.integer("version", in: 1...all.count) {
            let version = all.lowerBound.advanced(by: number - 1)
            options.versions = version...version
        }
        let masks: [QRMask] =
            switch symbol {
            case .micro: QRMask.allMicro
            case .rmqr: [QRMask.rmqr]
            default: QRMask.all
            }
        if let number = try fields.integer("mask", in: 0...masks.count - 1) { options.mask = masks[number] }
        try Self.checkLevelIsOffered(options)
        format = try Self.format(fields)
        render = RenderOptions(
            scale: try fields.integer("scale", in: 1...limits.maxScale) ?? 10,
            border: try fields.integer("border", in: 0...limits.maxBorder) ?? symbol.quietZone,
            foreground: try Self.color(fields, "fg") ?? .black,
            background: try Self.color(fields, "bg") ?? .white)
    }

    /// Every field, as a JSON object that ``init(_:limits:)`` reads back to
    /// the same parameters: how a store keeps a generate job.
    var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "text", value: .string(text)),
            .init(key: "symbol", value: .string(options.symbol.description)),
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

    private static func symbol(_ fields: RequestFields) throws(APIError) -> SymbolKind {
        switch try fields.string("symbol")?.lowercased() {
        case nil, "qr": return .qr
        case "micro": return .micro
        case "rmqr": return .rmqr
        case let other?: throw .badField("symbol", "must be qr, micro or rmqr, not \"\(other)\"")
        }
    }

    /// A level no allowed version offers (Micro QR: H, or M and Q at M1;
    /// rMQR: L and Q) is a bad `ecc`, not text too long.
    private static func checkLevelIsOffered(_ options: EncodingOptions) throws(APIError) {
        let level = options.correctionLevel
        guard options.versions.allSatisfy({ $0.capacity(correctionLevel: level, mode: .byte).dataBits == 0 }) else {
            return
        }
        let error = QREncodingError.correctionLevelUnavailable(level, version: options.versions.upperBound)
        throw .badField("ecc", "\(error)")
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

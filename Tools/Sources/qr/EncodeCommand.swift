import ArgumentParser
import Foundation
import QRCore

/// `qr encode`: text in, a QR Code out as PNG, SVG or text.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode text as a QR Code, a Micro QR Code or an rMQR Code.",
        discussion: """
            TEXT is read from standard input when absent (one trailing newline is dropped).
            Any argument that is not one of the options below is text, even if it starts with "-".
            The output format follows -o's extension (.png, .svg, .txt), else --format,
            else UTF-8 half blocks on standard output.

            Examples:
              qr encode "https://example.com"                     print to the terminal
              qr encode --ecc H -o ticket.png "TICKET-8F3A-22C1"  PNG, level H
              qr encode --format svg --fg "#1a237e" -o - hello    SVG on standard output
              qr encode --mode numeric --version 2 0123456789     forced mode and version
              qr encode --symbol micro --ecc L 12345              Micro QR Code (here M1)
              qr encode --version M3 -o part.png "AB-1234"        a fixed Micro QR version
              qr encode --symbol rmqr --max-height 9 -o tube.png "LOT 4711"   rMQR, at most 9 modules high
              qr encode --version R11x43 "SN 0042"                a fixed rMQR size
              echo -n "漢字" | qr encode --mode kanji --format txt --border 0
            """)

    @Option(name: .customLong("ecc"), help: "Error-correction level: L, M, Q or H (raised if it fits, see --no-boost).")
    var correctionLevel: ErrorCorrectionLevel = .medium

    @Option(help: "Symbol: qr (QR Code), micro (Micro QR Code, M1–M4) or rmqr (rMQR, R7x43–R17x139).")
    var symbol: SymbolOption?

    @Option(help: "A fixed version: 1–40, M1–M4 for Micro QR, or R7x43–R17x139 for rMQR.")
    var version: VersionOption?

    @Option(help: "The smallest version to use: 1–40, M1–M4, or an rMQR size (in the standard's order).")
    var minVersion: VersionOption?

    @Option(help: "The largest version to use: 1–40, M1–M4, or an rMQR size (in the standard's order).")
    var maxVersion: VersionOption?

    @Option(help: "A fixed mask, 0–7, or 0–3 for Micro QR (default: the standard's choice; rMQR has one mask, 0).")
    var mask: Int?

    @Option(help: "Encoding mode: auto, numeric, alphanumeric, byte or kanji.")
    var mode: ModeOption = .auto

    @Flag(help: "Keep the requested level instead of raising it to the highest that fits.")
    var noBoost = false

    @Flag(help: "Declare UTF-8 with an ECI designator (26) before the data.")
    var eci = false

    @Option(help: "Output format: png, svg, txt, utf8, utf8-inverted or ansi.")
    var format: OutputFormat?

    @Option(help: "Pixels per module (PNG and SVG).")
    var scale: Int = 10

    @Option(help: "Quiet-zone width in modules (default: 4, or 2 for Micro QR and rMQR).")
    var border: Int?

    @Option(help: "rMQR: the tallest symbol allowed, in modules (7–17); the smallest area within it is used.")
    var maxHeight: Int?

    @Option(help: "Dark colour: #RGB, #RRGGBB, #RRGGBBAA or a CSS name.")
    var fg: String = "black"

    @Option(help: "Light colour, or 'transparent'.")
    var bg: String = "white"

    @Option(name: .shortAndLong, help: "Output file ('-' for standard output).")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Split the text over N symbols (1–16) joined by structured append, or 'auto' for the fewest within --max-version; -o NAME.png writes NAME-1.png … NAME-N.png.",
            valueName: "N|auto"))
    var split: SplitOption?

    /// Words of the text, joined by spaces (see ``ArgumentNormalizer`` for
    /// text that starts with "-").
    @Argument(help: "The text to encode (several words are joined by spaces).")
    var words: [String] = []

    private var text: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    func validate() throws {
        if version != nil && (minVersion != nil || maxVersion != nil) {
            throw ValidationError("--version cannot be combined with --min-version or --max-version")
        }
        let kinds = Set([version, minVersion, maxVersion].compactMap { $0?.version.kind })
        if kinds.count > 1 { throw ValidationError("--min-version and --max-version mix kinds of symbol") }
        if let given = [version, minVersion, maxVersion].compactMap({ $0?.version }).first, let symbol,
            symbol.kind != given.kind
        {
            throw ValidationError("--symbol \(symbol.rawValue) does not match version \(given)")
        }
        if let minVersion, let maxVersion, minVersion.version > maxVersion.version {
            throw ValidationError("--min-version \(minVersion.version) exceeds --max-version \(maxVersion.version)")
        }
        if let maxHeight {
            guard symbolKind == .rmqr else {
                throw ValidationError("--max-height applies to rMQR only (--symbol rmqr)")
            }
            guard (7...17).contains(maxHeight) else {
                throw ValidationError("--max-height \(maxHeight) is outside 7–17")
            }
        }
        let maskLimit = ([.micro: 3, .rmqr: 0] as [SymbolKind: Int])[symbolKind] ?? 7
        if let mask, !(0...maskLimit).contains(mask) {
            throw ValidationError("--mask \(mask) is outside 0–\(maskLimit)")
        }
        if scale < 1 { throw ValidationError("--scale must be at least 1") }
        if let border, border < 0 { throw ValidationError("--border cannot be negative") }
        if let split {
            if case .count(let count) = split, !(1...16).contains(count) {
                throw ValidationError("--split \(count) is outside 1–16")
            }
            guard let output, output != "-" else {
                throw ValidationError("--split needs -o NAME.png (or .svg, .txt): it writes one file a symbol")
            }
            if mode != .auto { throw ValidationError("--split cannot be combined with --mode") }
        }
        _ = try outputFormat()
    }

    func run() throws {
        let payload = try readPayload()
        if let split { return try writeSequence(payload, split: split) }
        let code: QRCode
        do {
            code = try encode(payload, options: try encodingOptions())
        } catch let error as QREncodingError {
            throw CommandFailure(description: error.description)
        }
        let rendered = try render(code)
        try write(rendered)
    }

    // MARK: - Steps

    /// Structured append: the parts as NAME-1.EXT … NAME-N.EXT, their paths on standard output.
    private func writeSequence(_ payload: Payload, split: SplitOption) throws {
        guard case .text(let text) = payload else {
            throw CommandFailure(description: "--split takes text; standard input was not valid UTF-8")
        }
        let codes: [QRCode]
        do {
            switch split {
            case .count(let count):
                codes = try QRCode.structuredAppend(text: text, count: count, options: encodingOptions())
            case .automatic: codes = try QRCode.structuredAppend(text: text, options: encodingOptions())
            }
        } catch let error as QREncodingError {
            throw CommandFailure(description: error.description)
        }
        let path = output ?? ""
        let dot = path.lastIndex(of: ".").flatMap { path[$0...].contains("/") ? nil : $0 } ?? path.endIndex
        for (index, code) in codes.enumerated() {
            let partPath = path[..<dot] + "-\(index + 1)" + path[dot...]
            try write(try render(code), to: String(partPath))
            print(partPath)
        }
    }

    /// The kind of symbol: --symbol, else the kind of the versions given, else QR.
    private var symbolKind: SymbolKind {
        symbol?.kind ?? [version, minVersion, maxVersion].compactMap { $0?.version.kind }.first ?? .qr
    }

    private func encodingOptions() throws -> EncodingOptions {
        let kind = symbolKind
        let all =
            ([.micro: QRVersion.allMicro, .rmqr: QRVersion.allRMQR] as [SymbolKind: ClosedRange<QRVersion>])[kind]
            ?? QRVersion.all
        let versions: ClosedRange<QRVersion> =
            if let version { version.version...version.version } else {
                (minVersion?.version ?? all.lowerBound)...(maxVersion?.version ?? all.upperBound)
            }
        let chosenMask = try mask.map { number throws(QREncodingError) in
            switch kind {
            case .micro: try QRMask.micro(number)
            case .rmqr: QRMask.rmqr
            default: try QRMask(number: number)
            }
        }
        return EncodingOptions(
            correctionLevel: correctionLevel, versions: versions, mask: chosenMask,
            boostsCorrection: !noBoost, declaresUTF8: eci, maximumHeight: maxHeight)
    }

    /// The text argument, or standard input: text if it is valid UTF-8, else raw bytes.
    private func readPayload() throws -> Payload {
        if let text { return .text(text) }
        var bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        guard mode == .auto || mode == .byte else {
            throw CommandFailure(
                description: "standard input is not valid UTF-8, so it can only be encoded in byte mode")
        }
        return .bytes(bytes)
    }

    private func encode(_ payload: Payload, options: EncodingOptions) throws -> QRCode {
        switch payload {
        case .text(let text):
            guard let forced = mode.segmentMode else { return try QRCode(text: text, options: options) }
            return try QRCode(text: text, mode: forced, options: options)
        case .bytes(let bytes): return try QRCode(bytes: bytes, options: options)
        }
    }

    private func render(_ code: QRCode) throws -> [UInt8] {
        let format = try outputFormat() ?? .utf8
        do {
            return try render(code, as: format)
        } catch {
            throw CommandFailure(description: error.description)
        }
    }

    private func render(_ code: QRCode, as format: OutputFormat) throws(RenderError) -> [UInt8] {
        let border = self.border ?? code.symbol.quietZone
        let options = RenderOptions(
            scale: scale, border: border,
            foreground: try RGBAColor(parsing: fg), background: try RGBAColor(parsing: bg))
        switch format {
        case .png: return try code.pngData(options: options)
        case .svg: return Array(code.svg(options: options).utf8)
        case .txt: return Array(code.text(.txt, border: border).utf8)
        case .utf8: return Array(code.text(.utf8, border: border).utf8)
        case .utf8Inverted: return Array(code.text(.utf8Inverted, border: border).utf8)
        case .ansi: return Array(code.text(.ansi, border: border).utf8)
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try write(bytes, to: output)
    }

    private func write(_ bytes: [UInt8], to output: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(description: "\(output): \(error.localizedDescription)")
        }
    }

    /// --format, else the output file's extension; nil means the terminal default.
    private func outputFormat() throws -> OutputFormat? {
        if let format { return format }
        guard let output, output != "-" else { return nil }
        let suffix =
            output.split(separator: ".").count > 1 ? String(output.split(separator: ".").last!).lowercased() : ""
        guard let inferred = OutputFormat(fileExtension: suffix) else {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; add --format")
        }
        return inferred
    }
}

/// `--symbol` values.
enum SymbolOption: String, ExpressibleByArgument, CaseIterable {
    case qr, micro, rmqr

    var kind: SymbolKind {
        switch self {
        case .qr: .qr
        case .micro: .micro
        case .rmqr: .rmqr
        }
    }
}

/// A version argument: 1–40 for QR Code, M1–M4 for Micro QR Code, R7x43…R17x139 for rMQR.
struct VersionOption: ExpressibleByArgument {
    let version: QRVersion

    init?(argument: String) {
        guard let version = QRVersion(argument) else { return nil }
        self.version = version
    }

    static var defaultCompletionKind: CompletionKind {
        .list(
            (QRVersion.all.map(\.description) + QRVersion.allMicro.map(\.description)
                + QRVersion.allRMQR.map(\.description)))
    }
}

/// `--split N` or `--split auto`.
enum SplitOption: ExpressibleByArgument {
    case count(Int)
    case automatic

    init?(argument: String) {
        if argument == "auto" {
            self = .automatic
        } else if let count = Int(argument) {
            self = .count(count)
        } else {
            return nil
        }
    }
}

private enum Payload {
    case text(String)
    case bytes([UInt8])
}

/// `--mode` values.
enum ModeOption: String, ExpressibleByArgument, CaseIterable {
    case auto, numeric, alphanumeric, byte, kanji

    /// The forced mode, or nil for automatic segmentation.
    var segmentMode: SegmentMode? {
        switch self {
        case .auto: return nil
        case .numeric: return .numeric
        case .alphanumeric: return .alphanumeric
        case .byte: return .byte
        case .kanji: return .kanji
        }
    }
}

/// `--format` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case png, svg, txt, utf8
    case utf8Inverted = "utf8-inverted"
    case ansi

    init?(fileExtension: String) {
        switch fileExtension {
        case "png": self = .png
        case "svg": self = .svg
        case "txt": self = .txt
        default: return nil
        }
    }
}

extension ErrorCorrectionLevel: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(letter: argument) }
    public static var allValueStrings: [String] { ["L", "M", "Q", "H"] }
    /// Shown as the default in --help ("M", not the raw value).
    public var defaultValueDescription: String { letter }
}

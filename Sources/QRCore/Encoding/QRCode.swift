/// A QR Code symbol (Model 2): its modules and the parameters it was encoded with.
///
/// Three levels of API, from most to least automatic:
/// - ``init(text:correction:)`` — text in, the smallest symbol out;
/// - ``init(text:mode:options:)``, ``init(bytes:options:)`` and
///   ``init(segments:options:)`` — control over modes, version range, mask
///   and level boosting through ``EncodingOptions``;
/// - ``init(dataCodewords:version:correction:mask:)`` — finished data codewords.
///
/// ```swift
/// let code = try QRCode(text: "https://example.com", correction: .medium)
/// print(code.size, code.version, code.mask)
/// let dark = code[0, 0]   // the top-left finder's corner: true
/// ```
public struct QRCode: Sendable, Hashable {
    /// The symbol's version (its size class).
    public let version: QRVersion
    /// The error-correction level actually used (boosting may raise the requested one).
    public let correction: ErrorCorrection
    /// The data mask applied.
    public let mask: QRMask
    /// The modules, without quiet zone; `true` is dark.
    public let modules: BitMatrix

    init(version: QRVersion, correction: ErrorCorrection, mask: QRMask, modules: BitMatrix) {
        self.version = version
        self.correction = correction
        self.mask = mask
        self.modules = modules
    }

    /// Modules per side (21…177).
    public var size: Int { modules.width }

    /// Whether the module at column `x`, row `y` is dark; (0, 0) is the top-left corner.
    public subscript(x: Int, y: Int) -> Bool { modules[x, y] }
}

/// Ways to encode text.
public enum TextMode: String, Sendable, Hashable, CaseIterable {
    /// The segmentation with the fewest bits over numeric, alphanumeric and
    /// byte (UTF-8) modes (``SegmentOptimizer``): readable by every reader.
    case automatic
    /// The same, with kanji mode wherever it is shorter: smaller symbols for
    /// Japanese text, for readers that handle kanji segments.
    case automaticWithKanji
    /// Digits only, one segment.
    case numeric
    /// Digits, upper-case letters and ` $%*+-./:`, one segment.
    case alphanumeric
    /// The text's UTF-8 bytes, one segment.
    case byte
    /// Characters of JIS X 0208, one segment.
    case kanji
}

/// How to choose a symbol for the data.
public struct EncodingOptions: Sendable, Hashable {
    /// The minimum error-correction level.
    public var correction: ErrorCorrection
    /// Versions to consider; the smallest that fits is used. A single version fixes it.
    public var versions: ClosedRange<QRVersion>
    /// A fixed mask, or nil to choose the one with the lowest penalty.
    public var mask: QRMask?
    /// Whether to raise the level as far as the chosen version still holds the
    /// data. On by default: the extra protection costs no space.
    public var boostsCorrection: Bool
    /// Whether text encoding starts with an ECI designator declaring UTF-8
    /// (assignment 26, §7.4.2), so that readers need not guess the character set
    /// of byte segments. Ignored by ``QRCode/init(segments:options:)``.
    public var declaresUTF8: Bool

    public init(correction: ErrorCorrection = .medium, versions: ClosedRange<QRVersion> = QRVersion.all,
                mask: QRMask? = nil, boostsCorrection: Bool = true, declaresUTF8: Bool = false) {
        self.correction = correction
        self.versions = versions
        self.mask = mask
        self.boostsCorrection = boostsCorrection
        self.declaresUTF8 = declaresUTF8
    }
}

extension QRVersion {
    /// The versions `min…max`, validated.
    /// - Throws: ``EncodingError/invalidVersion(_:)`` or ``EncodingError/invalidVersionRange(min:max:)``.
    public static func range(_ min: Int, _ max: Int) throws(EncodingError) -> ClosedRange<QRVersion> {
        let lower = try QRVersion(number: min), upper = try QRVersion(number: max)
        guard lower <= upper else { throw .invalidVersionRange(min: min, max: max) }
        return lower...upper
    }
}

// MARK: - Encoding entry points

extension QRCode {
    /// Encodes text in the smallest symbol at `correction` or better, with
    /// automatic segmentation, version and mask.
    /// - Throws: ``EncodingError/dataTooLong(bitsNeeded:capacityBits:version:correction:)``.
    public init(text: String, correction: ErrorCorrection = .medium) throws(EncodingError) {
        try self.init(text: text, mode: .automatic, options: EncodingOptions(correction: correction))
    }

    /// Encodes text in one forced mode or with automatic segmentation.
    /// - Throws: ``EncodingError`` when a character does not fit the mode or the data fits no allowed version.
    public init(text: String, mode: TextMode, options: EncodingOptions) throws(EncodingError) {
        let plan: SegmentPlan
        switch mode {
        case .automatic: plan = .optimized(SegmentOptimizer(text: text))
        case .automaticWithKanji: plan = .optimized(SegmentOptimizer(text: text, kanji: .whenShorter))
        case .numeric: plan = .fixed([try QRSegment.numeric(text)])
        case .alphanumeric: plan = .fixed([try QRSegment.alphanumeric(text)])
        case .byte: plan = .fixed([QRSegment.bytes(Array(text.utf8))])
        case .kanji: plan = .fixed([try QRSegment.kanji(text)])
        }
        let prefix = options.declaresUTF8 ? [try QRSegment.eci(26)] : []
        self = try QREncoder.encode(plan, prefix: prefix, options: options)
    }

    /// Encodes arbitrary bytes in one byte segment.
    public init(bytes: [UInt8], options: EncodingOptions = EncodingOptions()) throws(EncodingError) {
        self = try QREncoder.encode(.fixed([QRSegment.bytes(bytes)]), prefix: [], options: options)
    }

    /// Encodes the given segments in order.
    public init(segments: [QRSegment], options: EncodingOptions = EncodingOptions()) throws(EncodingError) {
        self = try QREncoder.encode(.fixed(segments), prefix: [], options: options)
    }

    /// Builds a symbol from finished data codewords (segments, terminator and
    /// padding already written), adding error correction and the mask.
    /// - Parameter mask: a fixed mask, or nil for automatic selection.
    /// - Throws: ``EncodingError/wrongCodewordCount(given:expected:version:correction:)``.
    public init(dataCodewords: [UInt8], version: QRVersion, correction: ErrorCorrection,
                mask: QRMask? = nil) throws(EncodingError) {
        let expected = BlockStructure(version: version, correction: correction).dataCodewords
        guard dataCodewords.count == expected else {
            throw .wrongCodewordCount(given: dataCodewords.count, expected: expected,
                                      version: version, correction: correction)
        }
        self = SymbolBuilder.build(dataCodewords: dataCodewords, version: version,
                                   correction: correction, mask: mask)
    }
}

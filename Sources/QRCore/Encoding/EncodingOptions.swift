/// How to choose a symbol for the data.
public struct EncodingOptions: Sendable, Hashable {
    /// The minimum error-correction level.
    public var correctionLevel: ErrorCorrectionLevel
    /// Versions to consider; the smallest that fits is used. A single version
    /// fixes it. Micro QR versions (``QRVersion/allMicro``) make Micro QR Codes.
    public var versions: ClosedRange<QRVersion>
    /// The kind of symbol the versions make.
    public var symbol: SymbolKind { versions.lowerBound.kind }
    /// A fixed mask, or nil to choose the one with the lowest penalty.
    public var mask: QRMask?
    /// Whether to raise the level as far as the chosen version still holds the
    /// data. On by default: the extra protection costs no space.
    public var boostsCorrection: Bool
    /// Whether text encoding starts with an ECI designator declaring UTF-8
    /// (assignment 26, §7.4.2), so that readers need not guess the character set
    /// of byte segments. Ignored by ``QRCode/init(segments:options:)``.
    public var declaresUTF8: Bool
    /// Whether automatic segmentation may use kanji mode where it is shorter
    /// than byte mode: smaller symbols for Japanese text. Off by default,
    /// because some readers (OpenCV among them) return kanji segments as raw
    /// Shift JIS bytes.
    public var allowsKanjiMode: Bool

    /// Options with these choices; the defaults pick the smallest QR version
    /// at level M or better, the best mask, and no ECI.
    ///
    /// - Parameters:
    ///   - symbol: ``SymbolKind/qr`` or ``SymbolKind/micro``; it sets the
    ///     default versions (1…40, or M1…M4).
    ///   - correctionLevel: The minimum error-correction level.
    ///   - versions: The versions to consider, all of one kind; nil for every
    ///     version of `symbol`. When given, they decide the kind.
    ///   - mask: A fixed mask (``QRMask/micro(_:)`` for Micro QR), or nil.
    ///   - boostsCorrection: Whether to raise the level while the version still holds the data.
    ///   - declaresUTF8: Whether to start with an ECI designator for UTF-8 (QR Code only).
    ///   - allowsKanjiMode: Whether automatic segmentation may use kanji mode.
    public init(
        symbol: SymbolKind = .qr, correctionLevel: ErrorCorrectionLevel = .medium,
        versions: ClosedRange<QRVersion>? = nil, mask: QRMask? = nil, boostsCorrection: Bool = true,
        declaresUTF8: Bool = false, allowsKanjiMode: Bool = false
    ) {
        self.correctionLevel = correctionLevel
        self.versions = versions ?? (symbol == .micro ? QRVersion.allMicro : QRVersion.all)
        self.mask = mask
        self.boostsCorrection = boostsCorrection
        self.declaresUTF8 = declaresUTF8
        self.allowsKanjiMode = allowsKanjiMode
    }
}

extension QRVersion {
    /// The versions `min…max`, validated.
    /// - Throws: ``QREncodingError/invalidVersion(_:)`` or ``QREncodingError/invalidVersionRange(min:max:)``.
    public static func range(_ min: Int, _ max: Int) throws(QREncodingError) -> ClosedRange<QRVersion> {
        let lower = try QRVersion(number: min), upper = try QRVersion(number: max)
        guard lower <= upper else { throw .invalidVersionRange(min: min, max: max) }
        return lower...upper
    }
}

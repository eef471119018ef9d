/// How to choose a symbol for the data.
public struct EncodingOptions: Sendable, Hashable {
    /// The minimum error-correction level.
    public var correctionLevel: ErrorCorrectionLevel
    /// Versions to consider; the smallest that fits is used. A single version
    /// fixes it. Micro QR versions (``QRVersion/allMicro``) make Micro QR Codes,
    /// rMQR sizes (``QRVersion/allRMQR``) rMQR Codes; among rMQR sizes the
    /// smallest *area* that fits is used.
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
    /// rMQR only: the tallest symbol allowed, in modules (7…17), for the
    /// narrow spaces rMQR is made for; nil for no limit. Sizes taller than
    /// this are not considered.
    public var maximumHeight: Int?

    /// Options with these choices; the defaults pick the smallest QR version
    /// at level M or better, the best mask, and no ECI.
    ///
    /// - Parameters:
    ///   - symbol: ``SymbolKind/qr``, ``SymbolKind/micro`` or ``SymbolKind/rmqr``;
    ///     it sets the default versions (1…40, M1…M4, or R7x43…R17x139).
    ///   - correctionLevel: The minimum error-correction level.
    ///   - versions: The versions to consider, all of one kind; nil for every
    ///     version of `symbol`. When given, they decide the kind.
    ///   - mask: A fixed mask (``QRMask/micro(_:)`` for Micro QR, ``QRMask/rmqr``), or nil.
    ///   - boostsCorrection: Whether to raise the level while the version still holds the data.
    ///   - declaresUTF8: Whether to start with an ECI designator for UTF-8 (QR Code only).
    ///   - allowsKanjiMode: Whether automatic segmentation may use kanji mode.
    ///   - maximumHeight: rMQR only: the tallest symbol allowed, in modules; nil for any.
    public init(
        symbol: SymbolKind = .qr, correctionLevel: ErrorCorrectionLevel = .medium,
        versions: ClosedRange<QRVersion>? = nil, mask: QRMask? = nil, boostsCorrection: Bool = true,
        declaresUTF8: Bool = false, allowsKanjiMode: Bool = false, maximumHeight: Int? = nil
    ) {
        self.correctionLevel = correctionLevel
        self.maximumHeight = maximumHeight
        if let versions {
            self.versions = versions
        } else {
            switch symbol {
            case .micro: self.versions = QRVersion.allMicro
            case .rmqr: self.versions = QRVersion.allRMQR
            default: self.versions = QRVersion.all
            }
        }
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

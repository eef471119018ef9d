/// A QR Code symbol (Model 2), a Micro QR Code or an rMQR symbol: its
/// modules and the parameters it was encoded with. ``EncodingOptions/versions``
/// (or `EncodingOptions(symbol: .micro)`, `EncodingOptions(symbol: .rmqr)`)
/// chooses the kind.
///
/// Three levels of API, from most to least automatic:
/// - ``init(text:correctionLevel:)`` — text in, the smallest symbol out;
/// - ``init(text:mode:options:)``, ``init(bytes:options:)`` and
///   ``init(segments:options:)`` — control over modes, version range, mask
///   and level boosting through ``EncodingOptions``;
/// - ``init(dataCodewords:version:correctionLevel:mask:)`` — finished data codewords.
///
/// ```swift
/// let code = try QRCode(text: "https://example.com", correctionLevel: .medium)
/// print(code.size, code.version, code.mask)
/// let dark = code[0, 0]   // the top-left finder's corner: true
/// ```
public struct QRCode: Sendable, Hashable {
    /// The symbol's version (its size class).
    public let version: QRVersion
    /// The error-correction level actually used (boosting may raise the requested one).
    public let correctionLevel: ErrorCorrectionLevel
    /// The data mask applied.
    public let mask: QRMask
    /// The modules, without quiet zone; `true` is dark.
    public let modules: BitMatrix

    init(version: QRVersion, correctionLevel: ErrorCorrectionLevel, mask: QRMask, modules: BitMatrix) {
        self.version = version
        self.correctionLevel = correctionLevel
        self.mask = mask
        self.modules = modules
    }

    /// Modules per side (11…177); an rMQR symbol's width (see ``width``, ``height``).
    public var size: Int { modules.width }

    /// Modules across, without quiet zone.
    public var width: Int { modules.width }

    /// Modules down, without quiet zone: ``size`` for square symbols.
    public var height: Int { modules.height }

    /// QR Code, Micro QR Code or rMQR.
    public var symbol: SymbolKind { version.kind }

    /// Whether the module at column `x`, row `y` is dark; (0, 0) is the top-left corner.
    public subscript(x: Int, y: Int) -> Bool { modules[x, y] }
}

// MARK: - Encoding entry points

extension QRCode {
    /// Encodes text in the smallest symbol at `correctionLevel` or better, with
    /// automatic segmentation, version and mask.
    /// - Throws: ``QREncodingError/dataTooLong(bitsNeeded:capacityBits:version:correctionLevel:)``.
    public init(text: String, correctionLevel: ErrorCorrectionLevel = .medium) throws(QREncodingError) {
        try self.init(text: text, options: EncodingOptions(correctionLevel: correctionLevel))
    }

    /// Encodes text with the segmentation that takes the fewest bits
    /// (``SegmentOptimizer``): numeric, alphanumeric and byte (UTF-8) modes,
    /// and kanji mode when ``EncodingOptions/allowsKanjiMode`` says so.
    /// - Throws: ``QREncodingError`` when the data fits no allowed version.
    public init(text: String, options: EncodingOptions) throws(QREncodingError) {
        let (plan, prefix) = QREncoder.automaticText(text, options: options)
        self = try QREncoder.encode(plan, prefix: prefix, options: options)
    }

    /// Encodes text in one segment of a forced mode.
    /// - Throws: ``QREncodingError`` when a character does not fit the mode, the
    ///   mode holds no text, or the data fits no allowed version.
    public init(text: String, mode: SegmentMode, options: EncodingOptions) throws(QREncodingError) {
        let segment = try QRSegment.forced(text, mode: mode)
        self = try QREncoder.encode(.fixed([segment]), prefix: QREncoder.prefix(for: options), options: options)
    }

    /// Encodes arbitrary bytes in one byte segment.
    public init(bytes: [UInt8], options: EncodingOptions = EncodingOptions()) throws(QREncodingError) {
        self = try QREncoder.encode(.fixed([QRSegment.bytes(bytes)]), prefix: [], options: options)
    }

    /// Encodes the given segments in order.
    public init(segments: [QRSegment], options: EncodingOptions = EncodingOptions()) throws(QREncodingError) {
        self = try QREncoder.encode(.fixed(segments), prefix: [], options: options)
    }

    /// Builds a symbol from finished data codewords (segments, terminator and
    /// padding already written), adding error correction and the mask.
    /// - Parameters:
    ///   - dataCodewords: exactly the data capacity of `version` at `correctionLevel`
    ///     (for Micro QR M1 and M3, the last codeword's 4 low bits are ignored).
    ///   - version: the symbol's version.
    ///   - correctionLevel: the error-correction level the codewords were sized for.
    ///   - mask: a fixed mask, or nil for automatic selection.
    /// - Throws: ``QREncodingError/wrongCodewordCount(given:expected:version:correctionLevel:)``,
    ///   ``QREncodingError/correctionLevelUnavailable(_:version:)`` for a level a Micro QR
    ///   version lacks, or a mask of the other kind of symbol.
    public init(
        dataCodewords: [UInt8], version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        mask: QRMask? = nil
    ) throws(QREncodingError) {
        guard correctionLevel.isOffered(by: version) else {
            throw .correctionLevelUnavailable(correctionLevel, version: version)
        }
        if let mask, mask.kind != version.kind {
            throw version.kind == .micro ? .invalidMicroMask(mask.number) : .invalidMask(mask.number)
        }
        let expected = BlockStructure(version: version, correctionLevel: correctionLevel).dataCodewords
        guard dataCodewords.count == expected else {
            throw .wrongCodewordCount(
                given: dataCodewords.count, expected: expected,
                version: version, correctionLevel: correctionLevel)
        }
        if version.kind == .micro {
            self = MicroSymbolBuilder.build(
                dataCodewords: dataCodewords, version: version, correctionLevel: correctionLevel, mask: mask)
            return
        }
        if version.kind == .rmqr {
            self = RMQRSymbolBuilder.build(
                dataCodewords: dataCodewords, version: version, correctionLevel: correctionLevel)
            return
        }
        self = SymbolBuilder.build(
            dataCodewords: dataCodewords, version: version,
            correctionLevel: correctionLevel, mask: mask)
    }
}

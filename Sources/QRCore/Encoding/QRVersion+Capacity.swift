extension QRVersion {
    /// How much data a version holds at one error-correction level.
    public struct Capacity: Sendable, Hashable, CustomStringConvertible {
        /// Bits available to segments: the data codewords × 8 (Table 7).
        public let dataBits: Int
        /// The most characters of the mode in one segment: digits,
        /// alphanumeric characters, bytes or kanji (Table 7); 0 for the
        /// header modes, which hold no characters.
        public let characters: Int

        /// The capacity as "N characters in B data bits".
        public var description: String { "\(characters) characters in \(dataBits) data bits" }
    }

    /// The capacity of this version at `correctionLevel` for text in one
    /// segment of `mode` (ISO/IEC 18004:2015 §7.4.10, Table 7): what is left
    /// after the mode indicator and the character count, divided as the mode
    /// packs characters, and never more than the count field can say. Zero
    /// for a level or mode the Micro QR version lacks.
    ///
    /// ```swift
    /// let version: QRVersion = 7
    /// version.capacity(correctionLevel: .medium, mode: .byte).characters   // 122
    /// ```
    public func capacity(correctionLevel: ErrorCorrectionLevel, mode: SegmentMode) -> Capacity {
        guard correctionLevel.isOffered(by: self) else { return Capacity(dataBits: 0, characters: 0) }
        let dataBits = BlockStructure(version: self, correctionLevel: correctionLevel).dataBits
        guard mode.holdsCharacters && mode.isAvailable(at: self) else {
            return Capacity(dataBits: dataBits, characters: 0)
        }
        let width = mode.countWidth(at: self)
        let available = dataBits - mode.indicatorWidth(at: self) - width
        let characters: Int
        switch mode {
        case .numeric: characters = 3 * (available / 10) + [0, 0, 0, 0, 1, 1, 1, 2, 2, 2][available % 10]
        case .alphanumeric: characters = 2 * (available / 11) + (available % 11 >= 6 ? 1 : 0)
        case .kanji, .hanzi: characters = available / 13
        default: characters = available / 8
        }
        return Capacity(dataBits: dataBits, characters: Swift.min(characters, (1 << width) - 1))
    }

    /// The smallest version among `options.versions` that holds `text` at
    /// `options.correctionLevel`, segmented as ``QRCode/init(text:options:)``
    /// segments it (with the UTF-8 declaration and kanji mode as the options
    /// say), or nil when none does. It does not build the symbol.
    ///
    /// ```swift
    /// QRVersion.smallest(holding: "https://example.com", options: EncodingOptions(correctionLevel: .high))  // 3
    /// ```
    public static func smallest(holding text: String, options: EncodingOptions) -> QRVersion? {
        let (plan, prefix) = QREncoder.automaticText(text, options: options)
        return QREncoder.choose(plan, prefix: prefix, options: options)?.version
    }
}

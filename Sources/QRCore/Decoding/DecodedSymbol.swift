/// What a QR Code symbol says: its text and bytes, how it was encoded, and
/// what it took to read it. Produced by ``QRDecoder/decode(_:uncertain:)``.
///
/// The name says what it is, a decoded symbol, as ``QRCode`` is an encoded
/// one; "result" would not say of what.
public struct DecodedSymbol: Sendable, Hashable {
    /// The text: byte data in the character set its ECI designates, or, with
    /// no ECI, in UTF-8 if the bytes are valid UTF-8, else in Shift JIS if
    /// they are valid Shift JIS with kana or common kanji, else in ISO-8859-1
    /// (the rule is explained at `CharacterEncoding.guess`); kanji in Shift JIS, Hanzi in
    /// GB 2312; digits and alphanumeric characters as themselves. Under
    /// FNC1, alphanumeric `%` is the GS separator U+001D and `%%` is `%` (§7.4.8).
    public let text: String
    /// The content as bytes, in the order of the segments: byte-mode data
    /// unchanged, digits and alphanumeric characters as ASCII (GS as 0x1D),
    /// kanji as Shift JIS and Hanzi as GB 2312 code pairs. ECI, FNC1 and
    /// structured append headers add nothing. These are the bytes to use for
    /// binary payloads.
    public let bytes: [UInt8]
    /// The symbol's version.
    public let version: QRVersion
    /// The error-correction level from the format information.
    public let correction: ErrorCorrection
    /// The data mask from the format information.
    public let mask: QRMask
    /// ECI assignment numbers in the order the designators appear (§7.4.2).
    public let eciAssignments: [Int]
    /// FNC1 mode, if the symbol declares one (§7.4.8).
    public let fnc1: FNC1?
    /// The structured append header, if the symbol is part of a sequence (§8).
    public let structuredAppend: StructuredAppend?
    /// Whether the grid had to be transposed: the symbol was printed or
    /// photographed mirrored.
    public let mirrored: Bool
    /// Codewords that Reed–Solomon decoding changed, over all blocks.
    public let errorsCorrected: Int
    /// The segments in stream order, headers (ECI, FNC1, structured append) included.
    public let segments: [Segment]

    /// One segment of the data bit stream (§7.4).
    public struct Segment: Sendable, Hashable {
        /// The segment's mode (Table 2).
        public let mode: Mode
        /// Characters in the segment: digits, alphanumeric characters, bytes,
        /// kanji or Hanzi characters; 0 for the header modes.
        public let count: Int
    }

    /// The modes of Table 2, with Hanzi mode of GB/T 18284.
    public enum Mode: Sendable, Hashable, CustomStringConvertible {
        case numeric, alphanumeric, byte, kanji, hanzi, eci, fnc1FirstPosition, fnc1SecondPosition, structuredAppend

        public var description: String {
            switch self {
            case .numeric: return "numeric"
            case .alphanumeric: return "alphanumeric"
            case .byte: return "byte"
            case .kanji: return "kanji"
            case .hanzi: return "Hanzi"
            case .eci: return "ECI"
            case .fnc1FirstPosition: return "FNC1 (first position)"
            case .fnc1SecondPosition: return "FNC1 (second position)"
            case .structuredAppend: return "structured append"
            }
        }
    }

    /// How the data is formatted for an application (§7.4.8).
    public enum FNC1: Sendable, Hashable {
        /// FNC1 in first position: GS1 element strings (symbology identifier ]Q3).
        case gs1
        /// FNC1 in second position: an industry format named by its AIM
        /// application indicator, two digits "00"…"99" or one letter (]Q5).
        case industry(applicationIndicator: String)
    }

    /// The position of a symbol in a structured append sequence (§8).
    public struct StructuredAppend: Sendable, Hashable {
        /// The symbol's position in the sequence, from 0.
        public let index: Int
        /// The number of symbols in the sequence, 1…16.
        public let count: Int
        /// The XOR of all bytes of the whole message, the same in every symbol
        /// of the sequence, to check that symbols belong together.
        public let parity: UInt8
    }

    /// Whether the symbol holds GS1 data (FNC1 in first position).
    public var isGS1: Bool { fnc1 == .gs1 }
}

extension DecodedSymbol {
    /// Assembles the result of a successful decode.
    init(content: BitstreamContent, information: SymbolInformation, mirrored: Bool, errorsCorrected: Int) {
        self.text = content.text()
        self.bytes = content.bytes
        self.version = information.version
        self.correction = information.format.correction
        self.mask = information.format.mask
        self.eciAssignments = content.eciAssignments
        self.fnc1 = content.fnc1
        self.structuredAppend = content.structuredAppend
        self.mirrored = mirrored
        self.errorsCorrected = errorsCorrected
        self.segments = content.segments
    }
}

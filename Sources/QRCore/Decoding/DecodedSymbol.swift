/// A decoded QR Code: what it says, how it was encoded, where it was, and
/// what it took to read it. ``QRReader/read(_:)`` returns one per symbol
/// found in an image; ``QRDecoder/decode(_:uncertain:characterSet:)`` returns one for a
/// sampled grid.
///
/// The name says what it is, a decoded symbol, as ``QRCode`` is an encoded
/// one; "result" would not say of what.
public struct DecodedSymbol: Sendable, Hashable {
    /// The text: byte data in the character set its ECI designates, or, with
    /// no ECI, in the one ``DecodeOptions/characterSet`` forces, else in UTF-8
    /// if the bytes are valid UTF-8 (a leading byte order mark dropped), else
    /// in Shift JIS if they are valid Shift JIS and read as Japanese, else in
    /// ISO-8859-1 (the rule is explained at `CharacterEncoding.guess`); kanji
    /// in Shift JIS, Hanzi in GB 2312; digits and alphanumeric characters as
    /// themselves. Under FNC1, alphanumeric `%` is the GS separator U+001D and
    /// `%%` is `%` (§7.4.8).
    public let text: String
    /// The character set of the text: the one that decoded most of the byte,
    /// kanji and Hanzi data, or US-ASCII when there is none. Each segment's
    /// own is in ``segments``.
    public let characterSet: CharacterEncoding
    /// The content as bytes, in the order of the segments: byte-mode data
    /// unchanged, digits and alphanumeric characters as ASCII (GS as 0x1D),
    /// kanji as Shift JIS and Hanzi as GB 2312 code pairs. ECI, FNC1 and
    /// structured append headers add nothing. These are the bytes to use for
    /// binary payloads.
    public let bytes: [UInt8]
    /// The symbol's version.
    public let version: QRVersion
    /// QR Code or Micro QR Code (the kind of ``version``).
    public var symbol: SymbolKind { version.kind }
    /// Model 1 (versions 1–14, the original QR Code) or Model 2.
    public let model: SymbolModel
    /// The error-correction level from the format information.
    public let correctionLevel: ErrorCorrectionLevel
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
    public private(set) var isMirrored: Bool
    /// Whether the symbol was light modules on a dark background.
    public private(set) var isInverted: Bool
    /// The symbol's outer corners: in image pixels for a symbol found by
    /// ``QRReader``, in modules (the grid's own corners) for one decoded from
    /// a grid by ``QRDecoder``.
    public private(set) var corners: Quadrilateral
    /// Codewords that Reed–Solomon decoding changed, over all blocks.
    public let errorsCorrected: Int
    /// The segments in stream order, headers (ECI, FNC1, structured append) included.
    public let segments: [Segment]

    /// One segment of the data bit stream (§7.4).
    public struct Segment: Sendable, Hashable {
        /// The segment's mode (Table 2).
        public let mode: SegmentMode
        /// Characters in the segment: digits, alphanumeric characters, bytes,
        /// kanji or Hanzi characters; 0 for the header modes.
        public let count: Int
        /// The character set its characters were decoded in: US-ASCII for
        /// digits and alphanumeric characters, Shift JIS for kanji, GB18030
        /// for Hanzi, and for byte data the ECI's, the forced or the guessed
        /// one; nil for the header modes.
        public let characterSet: CharacterEncoding?

        /// The same segment in another character set.
        func with(characterSet: CharacterEncoding) -> Segment {
            Segment(mode: mode, count: count, characterSet: characterSet)
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
    /// Assembles the result of a successful decode; `characterSet` forces the
    /// character set of undeclared byte data (nil: guess it).
    init(
        content: BitstreamContent, information: SymbolInformation, mirrored: Bool, errorsCorrected: Int,
        characterSet: CharacterEncoding?
    ) {
        let resolved = content.resolved(forcing: characterSet)
        self.text = resolved.text
        self.characterSet = resolved.characterSet
        self.segments = resolved.segments
        self.bytes = content.bytes
        self.version = information.version
        self.model = information.model
        self.correctionLevel = information.format.correctionLevel
        self.mask = information.format.mask
        self.eciAssignments = content.eciAssignments
        self.fnc1 = content.fnc1
        self.structuredAppend = content.structuredAppend
        self.isMirrored = mirrored
        self.isInverted = false
        self.corners = Quadrilateral(gridWidth: information.version.width, height: information.version.height)
        self.errorsCorrected = errorsCorrected
    }

    /// This symbol as found in an image: at `corners`, and inverted or not;
    /// `mirrored` when the detector already undid a mirror image (rMQR).
    func located(at corners: Quadrilateral, inverted: Bool, mirrored: Bool = false) -> DecodedSymbol {
        var located = self
        located.corners = corners
        located.isInverted = inverted
        if mirrored { located.isMirrored = true }
        return located
    }
}

/// A mode of the data bit stream (ISO/IEC 18004:2015 §7.3, Table 2), with
/// the Hanzi mode of GB/T 18284.
///
/// One type for both directions: ``QRSegment`` writes data in these modes,
/// and ``DecodedSymbol/segments`` reports the ones a symbol holds. The raw
/// value is the 4-bit mode indicator.
public enum SegmentMode: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Digits 0–9, three in 10 bits (§7.4.3).
    case numeric = 0b0001
    /// Digits, upper-case letters and ` $%*+-./:`, two in 11 bits (§7.4.4).
    case alphanumeric = 0b0010
    /// Bytes, 8 bits each (§7.4.5).
    case byte = 0b0100
    /// Shift JIS double-byte characters of JIS X 0208, 13 bits each (§7.4.6).
    case kanji = 0b1000
    /// GB 2312 double-byte characters, 13 bits each (GB/T 18284; decoding only).
    case hanzi = 0b1101
    /// An Extended Channel Interpretation designator (§7.4.2).
    case eci = 0b0111
    /// FNC1 in first position: GS1 data follows (§7.4.8).
    case fnc1FirstPosition = 0b0101
    /// FNC1 in second position: an industry format follows (§7.4.8).
    case fnc1SecondPosition = 0b1001
    /// The structured append header (§8).
    case structuredAppend = 0b0011

    /// The 4-bit mode indicator (Table 2).
    public var indicator: UInt8 { rawValue }

    /// Whether segments of this mode hold characters, rather than being a header.
    public var holdsCharacters: Bool {
        switch self {
        case .numeric, .alphanumeric, .byte, .kanji, .hanzi: return true
        case .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend: return false
        }
    }

    /// Width of the character count field at `version` (Table 3); 0 for the
    /// header modes, which have none, and for a mode the Micro QR version
    /// does not offer. Hanzi uses kanji's widths.
    public func countWidth(at version: QRVersion) -> Int {
        if version.kind == .micro { return microCountWidth(version.number) }
        if version.kind == .rmqr { return RMQRSpec.countWidth(self, version.number) }
        let widthClass = version.countWidthClass
        switch self {
        case .numeric: return [10, 12, 14][widthClass]
        case .alphanumeric: return [9, 11, 13][widthClass]
        case .byte: return [8, 16, 16][widthClass]
        case .kanji, .hanzi: return [8, 10, 12][widthClass]
        case .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend: return 0
        }
    }

    /// The mode's name, such as "alphanumeric".
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

// MARK: - Micro QR Code

extension SegmentMode {
    /// Whether a segment of this mode can appear at `version`: every mode in
    /// QR Code; in Micro QR Code only numeric (M1…M4), alphanumeric (M2…),
    /// byte and kanji (M3…), and no header modes (Table 2); in rMQR every
    /// mode but structured append and Hanzi (ISO/IEC 23941:2022 Table 2).
    func isAvailable(at version: QRVersion) -> Bool {
        switch version.kind {
        case .micro: microCountWidth(version.number) > 0
        case .rmqr: RMQRSpec.indicator(self) != nil
        default: true
        }
    }

    /// Bits of the mode indicator: 4 in QR Code, 0…3 in Micro QR M1…M4
    /// (Table 2), 3 in rMQR.
    func indicatorWidth(at version: QRVersion) -> Int {
        switch version.kind {
        case .micro: version.number - 1
        case .rmqr: 3
        default: 4
        }
    }

    /// The indicator written at `version`: the 4-bit one of Table 2; in
    /// Micro QR Code the mode's index (numeric 0, alphanumeric 1, byte 2,
    /// kanji 3); in rMQR the 3-bit one of ISO/IEC 23941 Table 2.
    func indicator(at version: QRVersion) -> UInt32 {
        if version.kind == .rmqr { return RMQRSpec.indicator(self) ?? 0 }
        guard version.kind == .micro else { return UInt32(indicator) }
        switch self {
        case .alphanumeric: return 1
        case .byte: return 2
        case .kanji: return 3
        default: return 0
        }
    }

    /// The character count widths of Micro QR M1…M4 (Table 3); 0 where the
    /// version lacks the mode.
    private func microCountWidth(_ number: Int) -> Int {
        let widths: [Int]
        switch self {
        case .numeric: widths = [3, 4, 5, 6]
        case .alphanumeric: widths = [0, 3, 4, 5]
        case .byte: widths = [0, 0, 4, 5]
        case .kanji: widths = [0, 0, 3, 4]
        case .hanzi, .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend: return 0
        }
        return widths[number - 1]
    }
}

/// A run of data in one mode, ready to be written to a symbol
/// (ISO/IEC 18004:2015 §7.4): a mode indicator, a character count and the
/// encoded data bits.
///
/// Build segments with the factory functions, or let
/// ``SegmentOptimizer`` split text into the shortest sequence of segments.
public struct QRSegment: Sendable, Hashable {
    /// The segment's mode.
    public let mode: SegmentMode
    /// Characters (digits, alphanumeric characters, bytes or kanji) in the
    /// segment; 0 for an ECI designator.
    public let characterCount: Int
    /// The encoded data bits, without mode indicator and count.
    let data: BitBuffer

    init(mode: SegmentMode, characterCount: Int, data: BitBuffer) {
        self.mode = mode
        self.characterCount = characterCount
        self.data = data
    }

    /// Bits this segment occupies at `version`, header included, or nil when
    /// its character count does not fit the count field there, or its mode
    /// is not available there (Micro QR Code).
    public func bitLength(at version: QRVersion) -> Int? {
        guard mode.isAvailable(at: version) else { return nil }
        let width = mode.countWidth(at: version)
        guard mode == .eci || characterCount < 1 << width else { return nil }
        return mode.indicatorWidth(at: version) + width + data.count
    }

    /// The number of data bits, without mode indicator and count.
    public var dataBitCount: Int { data.count }

    /// Appends the segment, header and data, to `buffer`.
    func write(to buffer: inout BitBuffer, at version: QRVersion) {
        buffer.append(mode.indicator(at: version), width: mode.indicatorWidth(at: version))
        let width = mode.countWidth(at: version)
        if width > 0 { buffer.append(UInt32(characterCount), width: width) }
        buffer.append(data)
    }
}

// MARK: - Factories

extension QRSegment {
    /// A numeric segment: digits in groups of three, 10 bits a group (§7.4.3).
    /// - Throws: ``QREncodingError/unencodableCharacter(_:index:mode:)`` for a non-digit.
    public static func numeric(_ digits: String) throws(QREncodingError) -> QRSegment {
        let utf8 = Array(digits.utf8)
        if let bad = utf8.firstIndex(where: { !isDigit($0) }) {
            throw unencodable(in: digits, atUTF8Offset: bad, mode: .numeric)
        }
        return numeric(asciiDigits: utf8[...])
    }

    /// An alphanumeric segment: characters of the 45-character set in pairs,
    /// 11 bits a pair (§7.4.4, Table 5).
    /// - Throws: ``QREncodingError/unencodableCharacter(_:index:mode:)`` for a character outside the set.
    public static func alphanumeric(_ text: String) throws(QREncodingError) -> QRSegment {
        let utf8 = Array(text.utf8)
        if let bad = utf8.firstIndex(where: { alphanumericValue($0) == nil }) {
            throw unencodable(in: text, atUTF8Offset: bad, mode: .alphanumeric)
        }
        return alphanumeric(ascii: utf8[...])
    }

    /// A byte segment holding `bytes` unchanged (§7.4.5). Without an ECI
    /// designator, readers take the bytes as ISO-8859-1 or guess UTF-8.
    public static func bytes(_ bytes: [UInt8]) -> QRSegment {
        var data = BitBuffer()
        data.append(bytes: bytes)
        return QRSegment(mode: .byte, characterCount: bytes.count, data: data)
    }

    /// A kanji segment: each character's Shift JIS code compacted to 13 bits (§7.4.6).
    /// - Throws: ``QREncodingError/unencodableCharacter(_:index:mode:)`` for a
    ///   character with no double-byte Shift JIS code in the kanji ranges.
    public static func kanji(_ text: String) throws(QREncodingError) -> QRSegment {
        var values: [UInt16] = []
        for (index, character) in text.enumerated() {
            for scalar in character.unicodeScalars {
                guard let value = ShiftJIS.kanjiValue(for: scalar) else {
                    throw .unencodableCharacter(character, index: index, mode: .kanji)
                }
                values.append(value)
            }
        }
        return kanji(values: values[...])
    }

    /// An ECI designator (§7.4.2): 26 declares UTF-8, 3 ISO-8859-1, 20 Shift JIS.
    /// - Throws: ``QREncodingError/invalidECIAssignment(_:)`` outside 0…999999.
    public static func eci(_ assignment: Int) throws(QREncodingError) -> QRSegment {
        var data = BitBuffer()
        switch assignment {
        case 0..<(1 << 7):
            data.append(UInt32(assignment), width: 8)
        case (1 << 7)..<(1 << 14):
            data.append(0b10, width: 2)
            data.append(UInt32(assignment), width: 14)
        case (1 << 14)...999_999:
            data.append(0b110, width: 3)
            data.append(UInt32(assignment), width: 21)
        default:
            throw .invalidECIAssignment(assignment)
        }
        return QRSegment(mode: .eci, characterCount: 0, data: data)
    }

    /// One segment holding all of `text` in `mode` (byte mode takes its UTF-8
    /// bytes). Use ``SegmentOptimizer`` to choose modes automatically.
    /// - Throws: ``QREncodingError/unencodableCharacter(_:index:mode:)``, or
    ///   ``QREncodingError/unsupportedTextMode(_:)`` for a mode the encoder
    ///   cannot write text in (Hanzi and the header modes).
    public static func forced(_ text: String, mode: SegmentMode) throws(QREncodingError) -> QRSegment {
        switch mode {
        case .numeric: return try numeric(text)
        case .alphanumeric: return try alphanumeric(text)
        case .byte: return bytes(Array(text.utf8))
        case .kanji: return try kanji(text)
        case .hanzi, .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend:
            throw .unsupportedTextMode(mode)
        }
    }
}

// MARK: - Mode internals shared with the optimiser

extension QRSegment {
    /// The 45 characters of alphanumeric mode in value order (Table 5).
    static let alphanumericCharset = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    private static let alphanumericValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, byte) in alphanumericCharset.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func alphanumericValue(_ byte: UInt8) -> UInt32? {
        guard byte < 128 else { return nil }
        let value = alphanumericValues[Int(byte)]
        return value < 0 ? nil : UInt32(value)
    }

    /// Numeric segment from ASCII digits that the caller has validated.
    static func numeric(asciiDigits digits: ArraySlice<UInt8>) -> QRSegment {
        var data = BitBuffer()
        data.reserveCapacity(digits.count * 10 / 3 + 7)
        var index = digits.startIndex
        while index < digits.endIndex {
            let group = Swift.min(3, digits.endIndex - index)
            var value: UInt32 = 0
            for offset in 0..<group { value = value * 10 + UInt32(digits[index + offset] - 0x30) }
            data.append(value, width: [0, 4, 7, 10][group])
            index += group
        }
        return QRSegment(mode: .numeric, characterCount: digits.count, data: data)
    }

    /// Alphanumeric segment from ASCII characters that the caller has validated.
    static func alphanumeric(ascii: ArraySlice<UInt8>) -> QRSegment {
        var data = BitBuffer()
        data.reserveCapacity(ascii.count * 11 / 2 + 6)
        var index = ascii.startIndex
        while index + 1 < ascii.endIndex {
            let pair = alphanumericValue(ascii[index])! * 45 + alphanumericValue(ascii[index + 1])!
            data.append(pair, width: 11)
            index += 2
        }
        if index < ascii.endIndex { data.append(alphanumericValue(ascii[index])!, width: 6) }
        return QRSegment(mode: .alphanumeric, characterCount: ascii.count, data: data)
    }

    /// Kanji segment from 13-bit kanji values.
    static func kanji(values: ArraySlice<UInt16>) -> QRSegment {
        var data = BitBuffer()
        data.reserveCapacity(values.count * 13)
        for value in values { data.append(UInt32(value), width: 13) }
        return QRSegment(mode: .kanji, characterCount: values.count, data: data)
    }

    /// The error for the character that contains UTF-8 byte `offset` of `text`.
    private static func unencodable(in text: String, atUTF8Offset offset: Int, mode: SegmentMode) -> QREncodingError {
        let target = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        var characterIndex = 0
        var position = text.startIndex
        while position < text.endIndex {
            let next = text.index(after: position)
            if target < next { break }
            position = next
            characterIndex += 1
        }
        return .unencodableCharacter(text[position], index: characterIndex, mode: mode)
    }
}

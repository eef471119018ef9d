/// Reads the segments of a symbol's data codewords (ISO/IEC 18004:2015 §7.4):
/// numeric, alphanumeric, byte and kanji data; ECI designators; FNC1 in
/// first and second position; the structured append header (§8); and Hanzi
/// mode (GB/T 18284). Stops at the terminator, or where fewer bits remain
/// than a mode indicator needs (§7.4.9 lets a full symbol omit the
/// terminator), and ignores the padding after it.
///
/// Every field is checked against the bits that remain before it is read,
/// and every segment consumes at least its 4-bit mode indicator, so any
/// input ends in a result or a ``QRDecodingError``, never a trap or a loop.
struct BitstreamParser {
    private var reader: BitReader
    private let version: QRVersion
    private var content = BitstreamContent()
    /// The character set of byte segments, set by the last ECI; nil before any.
    private var byteEncoding: CharacterEncoding?

    /// Parses `dataCodewords` of a symbol of `version` (which fixes the
    /// character count widths of Table 3, for Model 1 as for Model 2). A
    /// Model 1 stream starts after four bits that carry nothing (the
    /// symbol's bottom-right corner; zxing-cpp skips them too).
    /// - Throws: ``QRDecodingError/malformedBitstream(_:bitOffset:)``,
    ///   ``QRDecodingError/unsupportedMode(indicator:bitOffset:)`` or
    ///   ``QRDecodingError/unsupportedECI(assignment:bitOffset:)``.
    static func parse(
        _ dataCodewords: [UInt8], version: QRVersion,
        model: SymbolModel = .model2
    ) throws(QRDecodingError) -> BitstreamContent {
        var parser = BitstreamParser(reader: BitReader(dataCodewords), version: version)
        if model == .model1 { _ = try parser.reader.read(4, for: "Model 1 leading bits") }
        try parser.parseSegments()
        return parser.content
    }

    private init(reader: BitReader, version: QRVersion) {
        self.reader = reader
        self.version = version
    }

    /// Segments until the terminator or the end of the data (Table 2).
    private mutating func parseSegments() throws(QRDecodingError) {
        while let (mode, start) = try nextMode() {
            switch mode {
            case .numeric: try parseNumeric()
            case .alphanumeric: try parseAlphanumeric()
            case .byte: try parseBytes()
            case .kanji: try parseKanji()
            case .hanzi: try parseHanzi()
            case .eci: try parseECI(at: start)
            case .fnc1FirstPosition: record(.fnc1FirstPosition, fnc1: .gs1)
            case .fnc1SecondPosition: try parseApplicationIndicator()
            case .structuredAppend: try parseStructuredAppend()
            }
        }
    }

    /// The next segment's mode and where it starts, or nil at the terminator
    /// or the end of the data. QR Code: a 4-bit indicator, 0000 ending the
    /// data. Micro QR Code: an indicator of 0–3 bits (Table 2), the data
    /// ending at a terminator of 3, 5, 7 or 9 zero bits, or at fewer zero bits
    /// that fill the rest. rMQR: a 3-bit indicator, 000 ending the data
    /// (ISO/IEC 23941:2022 Table 2).
    private mutating func nextMode() throws(QRDecodingError) -> (SegmentMode, Int)? {
        let start = reader.offset
        if version.kind == .rmqr {
            guard reader.remaining >= 3 else { return nil }
            let indicator = try reader.read(3, for: "mode indicator")
            guard let mode = RMQRSpec.mode(indicator: UInt32(indicator)) else { return nil }
            return (mode, start)
        }
        guard version.kind == .micro else {
            guard reader.remaining >= 4 else { return nil }
            let indicator = try reader.read(4, for: "mode indicator")
            if indicator == 0 { return nil }  // the terminator (§7.4.9)
            guard let mode = SegmentMode(rawValue: UInt8(indicator)) else {
                throw .unsupportedMode(indicator: indicator, bitOffset: start)
            }
            return (mode, start)
        }
        if reader.nextBitsAreZero(MicroQRSpec.terminatorWidth(version)) { return nil }
        let indicator = try reader.read(SegmentMode.numeric.indicatorWidth(at: version), for: "mode indicator")
        let modes: [SegmentMode] = [.numeric, .alphanumeric, .byte, .kanji]
        guard indicator < modes.count, modes[indicator].isAvailable(at: version) else {
            throw .unsupportedMode(indicator: indicator, bitOffset: start)
        }
        return (modes[indicator], start)
    }

    /// Notes a segment, the character set of its characters (nil for headers
    /// and undeclared byte data), and the FNC1 mode it declares, if any.
    private mutating func record(
        _ mode: SegmentMode, count: Int = 0, characterSet: CharacterEncoding? = nil,
        fnc1: DecodedSymbol.FNC1? = nil
    ) {
        content.record(mode, count: count, characterSet: characterSet)
        if let fnc1 { content.fnc1 = fnc1 }
    }

    /// The character count of a segment, whose field width depends on the
    /// mode and the version (Table 3); Hanzi uses kanji's widths.
    private mutating func readCount(_ mode: SegmentMode, name: String) throws(QRDecodingError) -> Int {
        try reader.read(mode.countWidth(at: version), for: "\(name) character count")
    }

    /// Bits of a numeric group of 0…3 digits, and the bound its value must stay below (§7.4.3).
    private static let numericGroupBits = [0, 4, 7, 10]
    private static let numericGroupLimits = [1, 10, 100, 1000]

    /// Numeric mode (§7.4.3): groups of three digits in 10 bits, a final two in 7 or one in 4.
    private mutating func parseNumeric() throws(QRDecodingError) {
        let count = try readCount(.numeric, name: "numeric")
        try reader.require(
            count / 3 * 10 + Self.numericGroupBits[count % 3],
            for: "a numeric segment of \(count) digits")
        var digits: [UInt8] = []
        digits.reserveCapacity(count)
        var left = count
        while left > 0 {
            let group = min(left, 3)
            let start = reader.offset
            let value = try reader.read(Self.numericGroupBits[group], for: "digits")
            var divisor = Self.numericGroupLimits[group] / 10
            guard value < divisor * 10 else {
                throw .malformedBitstream("\(value) is not a group of \(group) digits", bitOffset: start)
            }
            while divisor > 0 {
                digits.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            left -= group
        }
        content.append(digits, encoding: .ascii)
        record(.numeric, count: count, characterSet: .ascii)
    }

    /// Alphanumeric mode (§7.4.4): pairs of characters in 11 bits as 45·a + b, a final one in 6.
    private mutating func parseAlphanumeric() throws(QRDecodingError) {
        let count = try readCount(.alphanumeric, name: "alphanumeric")
        try reader.require(count / 2 * 11 + count % 2 * 6, for: "an alphanumeric segment of \(count) characters")
        var characters: [UInt8] = []
        characters.reserveCapacity(count)
        var left = count
        while left > 0 {
            let group = min(left, 2)
            let start = reader.offset
            let value = try reader.read(group == 2 ? 11 : 6, for: "alphanumeric characters")
            guard value < (group == 2 ? 45 * 45 : 45) else {
                throw .malformedBitstream("\(value) is not \(group) alphanumeric characters", bitOffset: start)
            }
            if group == 2 { characters.append(QRSegment.alphanumericCharset[value / 45]) }
            characters.append(QRSegment.alphanumericCharset[value % 45])
            left -= group
        }
        let text = content.fnc1 == nil ? characters : Self.fnc1Separators(characters)
        content.append(text, encoding: .ascii)
        record(.alphanumeric, count: count, characterSet: .ascii)
    }

    /// Under FNC1 an alphanumeric `%` stands for the FNC1 separator, GS
    /// (0x1D), and `%%` for a literal `%` (§7.4.8).
    private static func fnc1Separators(_ characters: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            let isPercent = characters[index] == UInt8(ascii: "%")
            if isPercent && index + 1 < characters.count && characters[index + 1] == UInt8(ascii: "%") {
                result.append(UInt8(ascii: "%"))
                index += 2
            } else {
                result.append(isPercent ? 0x1D : characters[index])
                index += 1
            }
        }
        return result
    }

    /// Byte mode (§7.4.5): 8 bits a byte, in the character set of the last ECI.
    private mutating func parseBytes() throws(QRDecodingError) {
        let count = try readCount(.byte, name: "byte")
        try reader.require(count * 8, for: "a byte segment of \(count) bytes")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(UInt8(try reader.read(8, for: "byte"))) }
        content.append(bytes, encoding: byteEncoding)
        record(.byte, count: count, characterSet: byteEncoding)
    }

    /// Kanji mode (§7.4.6): 13 bits a character, expanded back to its Shift JIS code.
    private mutating func parseKanji() throws(QRDecodingError) {
        let count = try readCount(.kanji, name: "kanji")
        try reader.require(count * 13, for: "a kanji segment of \(count) characters")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 2)
        for _ in 0..<count {
            let code = ShiftJIS.code(forKanjiValue: UInt16(try reader.read(13, for: "kanji character")))
            bytes += [UInt8(code >> 8), UInt8(code & 0xFF)]
        }
        content.append(bytes, encoding: .shiftJIS)
        record(.kanji, count: count, characterSet: .shiftJIS)
    }

    /// Hanzi mode (GB/T 18284, the Chinese edition of the standard): a 4-bit
    /// subset (1 = GB 2312), a count as wide as kanji mode's, then 13 bits a
    /// character: the code minus 0xA1A1 (or 0xA6A1 from row 0xB0 on), its
    /// high byte times 0x60 plus its low byte.
    private mutating func parseHanzi() throws(QRDecodingError) {
        let subsetOffset = reader.offset
        let subset = try reader.read(4, for: "Hanzi subset")
        guard subset == 1 else {
            throw .malformedBitstream("Hanzi subset \(subset) is not GB 2312 (1)", bitOffset: subsetOffset)
        }
        let count = try readCount(.kanji, name: "Hanzi")
        try reader.require(count * 13, for: "a Hanzi segment of \(count) characters")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 2)
        for _ in 0..<count {
            let value = try reader.read(13, for: "Hanzi character")
            let assembled = (value / 0x60) << 8 | value % 0x60
            let code = assembled + (assembled < 0x0A00 ? 0xA1A1 : 0xA6A1)
            bytes += [UInt8(code >> 8), UInt8(code & 0xFF)]
        }
        content.append(bytes, encoding: .gb18030)
        record(.hanzi, count: count, characterSet: .gb18030)
    }

    /// An ECI designator (§7.4.2.1): 0xxxxxxx, 10xxxxxx + 8 bits or
    /// 110xxxxx + 16 bits, giving assignments up to 999999. It sets the
    /// character set of the byte segments that follow.
    private mutating func parseECI(at start: Int) throws(QRDecodingError) {
        let first = try reader.read(8, for: "ECI designator")
        let assignment: Int
        switch first {
        case 0x00...0x7F: assignment = first
        case 0x80...0xBF: assignment = (first & 0x3F) << 8 | (try reader.read(8, for: "two-byte ECI designator"))
        case 0xC0...0xDF: assignment = (first & 0x1F) << 16 | (try reader.read(16, for: "three-byte ECI designator"))
        default: throw .malformedBitstream("ECI designator starts with 111", bitOffset: start + 4)
        }
        guard assignment <= 999_999 else {
            throw .malformedBitstream("ECI assignment \(assignment) exceeds 999999", bitOffset: start + 4)
        }
        guard let encoding = CharacterEncoding(eci: assignment) else {
            throw .unsupportedECI(assignment: assignment, bitOffset: start)
        }
        byteEncoding = encoding
        content.eciAssignments.append(assignment)
        record(.eci)
    }

    /// FNC1 in second position (§7.4.8.3): the application indicator follows,
    /// a value 0…99 for two digits, or a letter's ASCII code plus 100.
    private mutating func parseApplicationIndicator() throws(QRDecodingError) {
        let start = reader.offset
        let value = try reader.read(8, for: "application indicator")
        let indicator: String
        switch value {
        case 0..<100: indicator = value < 10 ? "0\(value)" : "\(value)"
        case 165...190, 197...222: indicator = String(Unicode.Scalar(UInt8(value - 100)))
        default:
            throw .malformedBitstream(
                "application indicator \(value) is neither 00…99 nor a letter",
                bitOffset: start)
        }
        record(.fnc1SecondPosition, fnc1: .industry(applicationIndicator: indicator))
    }

    /// The structured append header (§8): the symbol's position (4 bits), the
    /// number of symbols minus one (4 bits) and the parity byte of the whole message.
    private mutating func parseStructuredAppend() throws(QRDecodingError) {
        let start = reader.offset
        let index = try reader.read(4, for: "structured append position")
        let count = try reader.read(4, for: "structured append total") + 1
        let parity = UInt8(try reader.read(8, for: "structured append parity"))
        guard index < count else {
            throw .malformedBitstream(
                "structured append position \(index + 1) exceeds the total \(count)",
                bitOffset: start)
        }
        content.structuredAppend = DecodedSymbol.StructuredAppend(index: index, count: count, parity: parity)
        record(.structuredAppend)
    }
}

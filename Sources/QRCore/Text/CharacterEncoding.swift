/// The character sets that byte data of a symbol can be in, and how to turn
/// bytes into text in each (ISO/IEC 18004:2015 §7.4.2 ECI, §7.4.5 byte mode,
/// §7.4.6 kanji mode; assignments from the AIM ECI specification).
enum CharacterEncoding: Sendable, Hashable {
    case singleByte(SingleByteCharset)
    case utf8
    case utf16BigEndian
    case shiftJIS
    case big5
    case gb18030
    case eucKR

    /// ISO-8859-1, the default interpretation of byte mode in the 2005 and
    /// later editions of the standard (§7.4.5; the 2000 edition said JIS8).
    static let latin1 = CharacterEncoding.singleByte(.iso8859_1)

    /// The single-byte charsets by ECI assignment. 899 (8-bit binary data)
    /// reads as ISO-8859-1 so that no byte is lost.
    private static let singleByteAssignments: [Int: SingleByteCharset] = [
        0: .cp437, 1: .iso8859_1, 2: .cp437, 3: .iso8859_1, 4: .iso8859_2, 5: .iso8859_3,
        6: .iso8859_4, 7: .iso8859_5, 8: .iso8859_6, 9: .iso8859_7, 10: .iso8859_8, 11: .iso8859_9,
        12: .iso8859_10, 13: .iso8859_11, 15: .iso8859_13, 16: .iso8859_14, 17: .iso8859_15,
        18: .iso8859_16, 21: .windows1250, 22: .windows1251, 23: .windows1252, 24: .windows1256,
        27: .ascii, 170: .ascii, 899: .iso8859_1,
    ]

    /// The character set that ECI `assignment` designates, or nil if unknown.
    init?(eci assignment: Int) {
        switch assignment {
        case 20: self = .shiftJIS
        case 25: self = .utf16BigEndian
        case 26: self = .utf8
        case 28: self = .big5
        case 29: self = .gb18030
        case 30: self = .eucKR
        default:
            guard let charset = Self.singleByteAssignments[assignment] else { return nil }
            self = .singleByte(charset)
        }
    }

    /// The bytes as text. Invalid sequences become U+FFFD and decoding goes on.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch self {
        case .singleByte(let charset): return charset.decode(bytes)
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16BigEndian: return Self.decodeUTF16BigEndian(bytes)
        case .shiftJIS: return ShiftJISScan(bytes).text
        case .big5: return DoubleByteCharset.big5.decode(bytes)
        case .gb18030: return DoubleByteCharset.gb18030.decodeGB18030(bytes)
        case .eucKR: return DoubleByteCharset.eucKR.decode(bytes)
        }
    }

    /// The character set of byte data that no ECI declares.
    ///
    /// The standard says ISO-8859-1 (§7.4.5), but many encoders write UTF-8
    /// and Japanese ones write Shift JIS without saying so (zxing guesses too).
    /// The rule, in order:
    /// 1. UTF-8 if the bytes are valid UTF-8 (ASCII is both, so nothing is lost).
    ///    Random Latin-1 or Shift JIS text almost never is: their high bytes
    ///    would have to form exact lead/continuation patterns.
    /// 2. Shift JIS if the bytes decode completely as Shift JIS and at least one
    ///    double-byte character has a lead byte in 0x81…0x9F. Those bytes are
    ///    C1 control codes in ISO-8859-1, which text does not contain, and
    ///    they lead every kana and the common kanji. Bytes that are Shift JIS
    ///    only through lead bytes 0xE0…0xEF (`"Pokémon"`: é m = 0xE9 0x6D is a
    ///    kanji) or half-width katakana (0xA1…0xDF, the Latin-1 letters À…ß)
    ///    stay ISO-8859-1.
    /// 3. ISO-8859-1 otherwise.
    static func guess(for bytes: ArraySlice<UInt8>) -> CharacterEncoding {
        if UTF8Validation.isValid(bytes) { return .utf8 }
        let scan = ShiftJISScan(bytes)
        if scan.isValid && scan.lowLeadDoubleByteCount > 0 { return .shiftJIS }
        return latin1
    }

    /// UTF-16BE text (ECI 25); an odd final byte becomes U+FFFD.
    private static func decodeUTF16BigEndian(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return bytes.count % 2 == 0 ? text : text + "\u{FFFD}"
    }
}

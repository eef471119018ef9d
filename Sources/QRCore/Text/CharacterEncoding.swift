/// A character set that byte data of a symbol can be in, and how to turn its
/// bytes into text (ISO/IEC 18004:2015 §7.4.2 ECI, §7.4.5 byte mode, §7.4.6
/// kanji mode; ECI assignments from the AIM ECI specification).
///
/// ```swift
/// let sjis = CharacterEncoding(name: "SJIS")       // .shiftJIS
/// print(sjis?.name)                                  // "Shift_JIS"
/// print(CharacterEncoding.iso8859_1.decode([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]))   // "Müller"
/// ```
///
/// Named after what it is, an encoding of characters as bytes; Foundation's
/// `CharacterSet` is a set of characters and is unrelated.
public struct CharacterEncoding: Sendable, Hashable, CustomStringConvertible {
    /// How the bytes are read; single-byte sets share one table-driven decoder.
    enum Kind: Sendable, Hashable {
        case singleByte(SingleByteCharset)
        case utf8
        case utf16BigEndian
        case shiftJIS
        case big5
        case gb18030
        case eucKR
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// UTF-8 (ECI 26).
    public static let utf8 = CharacterEncoding(.utf8)
    /// UTF-16, big-endian, without byte order mark (ECI 25).
    public static let utf16BigEndian = CharacterEncoding(.utf16BigEndian)
    /// Shift_JIS: JIS X 0201 and JIS X 0208, with the Windows code page 932
    /// extensions (ECI 20; kanji mode).
    public static let shiftJIS = CharacterEncoding(.shiftJIS)
    /// Big5 (ECI 28).
    public static let big5 = CharacterEncoding(.big5)
    /// GB18030, a superset of GB 2312 and GBK (ECI 29; Hanzi mode).
    public static let gb18030 = CharacterEncoding(.gb18030)
    /// EUC-KR (ECI 30).
    public static let eucKR = CharacterEncoding(.eucKR)
    /// US-ASCII (ECI 27 and 170); bytes above 0x7F are invalid.
    public static let ascii = CharacterEncoding(.singleByte(.ascii))
    /// Code page 437 (ECI 0 and 2).
    public static let cp437 = CharacterEncoding(.singleByte(.cp437))
    /// ISO-8859-1, Latin-1: the default of byte mode since the 2005 edition
    /// of the standard (§7.4.5; ECI 1 and 3).
    public static let iso8859_1 = CharacterEncoding(.singleByte(.iso8859_1))
    /// ISO-8859-2, Latin-2, Central European (ECI 4).
    public static let iso8859_2 = CharacterEncoding(.singleByte(.iso8859_2))
    /// ISO-8859-3, Latin-3, South European (ECI 5).
    public static let iso8859_3 = CharacterEncoding(.singleByte(.iso8859_3))
    /// ISO-8859-4, Latin-4, North European (ECI 6).
    public static let iso8859_4 = CharacterEncoding(.singleByte(.iso8859_4))
    /// ISO-8859-5, Latin/Cyrillic (ECI 7).
    public static let iso8859_5 = CharacterEncoding(.singleByte(.iso8859_5))
    /// ISO-8859-6, Latin/Arabic (ECI 8).
    public static let iso8859_6 = CharacterEncoding(.singleByte(.iso8859_6))
    /// ISO-8859-7, Latin/Greek (ECI 9).
    public static let iso8859_7 = CharacterEncoding(.singleByte(.iso8859_7))
    /// ISO-8859-8, Latin/Hebrew (ECI 10).
    public static let iso8859_8 = CharacterEncoding(.singleByte(.iso8859_8))
    /// ISO-8859-9, Latin-5, Turkish (ECI 11).
    public static let iso8859_9 = CharacterEncoding(.singleByte(.iso8859_9))
    /// ISO-8859-10, Latin-6, Nordic (ECI 12).
    public static let iso8859_10 = CharacterEncoding(.singleByte(.iso8859_10))
    /// ISO-8859-11, Latin/Thai (ECI 13).
    public static let iso8859_11 = CharacterEncoding(.singleByte(.iso8859_11))
    /// ISO-8859-13, Latin-7, Baltic Rim (ECI 15).
    public static let iso8859_13 = CharacterEncoding(.singleByte(.iso8859_13))
    /// ISO-8859-14, Latin-8, Celtic (ECI 16).
    public static let iso8859_14 = CharacterEncoding(.singleByte(.iso8859_14))
    /// ISO-8859-15, Latin-9, Western European with € (ECI 17).
    public static let iso8859_15 = CharacterEncoding(.singleByte(.iso8859_15))
    /// ISO-8859-16, Latin-10, South-Eastern European (ECI 18).
    public static let iso8859_16 = CharacterEncoding(.singleByte(.iso8859_16))
    /// Windows-1250, Central European (ECI 21).
    public static let windows1250 = CharacterEncoding(.singleByte(.windows1250))
    /// Windows-1251, Cyrillic (ECI 22).
    public static let windows1251 = CharacterEncoding(.singleByte(.windows1251))
    /// Windows-1252, Western European (ECI 23).
    public static let windows1252 = CharacterEncoding(.singleByte(.windows1252))
    /// Windows-1256, Arabic (ECI 24).
    public static let windows1256 = CharacterEncoding(.singleByte(.windows1256))

    /// Every character set the decoder knows, in ECI order.
    public static let allCases: [CharacterEncoding] = [
        .cp437, .iso8859_1, .iso8859_2, .iso8859_3, .iso8859_4, .iso8859_5, .iso8859_6, .iso8859_7,
        .iso8859_8, .iso8859_9, .iso8859_10, .iso8859_11, .iso8859_13, .iso8859_14, .iso8859_15,
        .iso8859_16, .shiftJIS, .windows1250, .windows1251, .windows1252, .windows1256, .utf16BigEndian,
        .utf8, .ascii, .big5, .gb18030, .eucKR,
    ]

    /// The IANA name, e.g. "Shift_JIS", "ISO-8859-1", "UTF-8".
    public var name: String {
        switch kind {
        case .singleByte(let charset): return charset.name
        case .utf8: return "UTF-8"
        case .utf16BigEndian: return "UTF-16BE"
        case .shiftJIS: return "Shift_JIS"
        case .big5: return "Big5"
        case .gb18030: return "GB18030"
        case .eucKR: return "EUC-KR"
        }
    }

    /// The IANA name, as ``name``.
    public var description: String { name }

    /// The bytes as text. Invalid sequences become U+FFFD and decoding goes on.
    public func decode(_ bytes: [UInt8]) -> String {
        decode(bytes[...])
    }

    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch kind {
        case .singleByte(let charset): return charset.decode(bytes)
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16BigEndian: return Self.decodeUTF16BigEndian(bytes)
        case .shiftJIS: return ShiftJISScan(bytes).text
        case .big5: return DoubleByteCharset.big5.decode(bytes)
        case .gb18030: return DoubleByteCharset.gb18030.decodeGB18030(bytes)
        case .eucKR: return DoubleByteCharset.eucKR.decode(bytes)
        }
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

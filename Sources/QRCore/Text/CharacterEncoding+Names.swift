/// Finding a character set by its ECI assignment or by name.
extension CharacterEncoding {
    /// The character sets of ECI assignments (AIM ECI). 899 (8-bit binary
    /// data) reads as ISO-8859-1 so that no byte is lost; 170 (ISO/IEC 646
    /// invariant) as US-ASCII.
    private static let assignments: [Int: CharacterEncoding] = [
        0: .cp437, 1: .iso8859_1, 2: .cp437, 3: .iso8859_1, 4: .iso8859_2, 5: .iso8859_3,
        6: .iso8859_4, 7: .iso8859_5, 8: .iso8859_6, 9: .iso8859_7, 10: .iso8859_8, 11: .iso8859_9,
        12: .iso8859_10, 13: .iso8859_11, 15: .iso8859_13, 16: .iso8859_14, 17: .iso8859_15,
        18: .iso8859_16, 20: .shiftJIS, 21: .windows1250, 22: .windows1251, 23: .windows1252,
        24: .windows1256, 25: .utf16BigEndian, 26: .utf8, 27: .ascii, 28: .big5, 29: .gb18030,
        30: .eucKR, 170: .ascii, 899: .iso8859_1,
    ]

    /// The character set that ECI `assignment` designates, or nil if unknown.
    public init?(eci assignment: Int) {
        guard let encoding = Self.assignments[assignment] else { return nil }
        self = encoding
    }

    /// Other names people and libraries use, beyond each set's own ``name``
    /// (IANA aliases, the Windows and Java spellings, zxing's names). Keys are
    /// folded by ``foldedName(_:)``.
    private static let aliases: [String: CharacterEncoding] = [
        "utf8": .utf8, "unicodebig": .utf16BigEndian, "unicodebigunmarked": .utf16BigEndian,
        "sjis": .shiftJIS, "mskanji": .shiftJIS, "csshiftjis": .shiftJIS, "windows31j": .shiftJIS,
        "cp932": .shiftJIS, "ms932": .shiftJIS, "xsjis": .shiftJIS,
        "big5": .big5, "csbig5": .big5, "cp950": .big5,
        "gb2312": .gb18030, "gbk": .gb18030, "cp936": .gb18030, "euccn": .gb18030, "csgb2312": .gb18030,
        "cp949": .eucKR, "ksc5601": .eucKR, "cseuckr": .eucKR,
        "ascii": .ascii, "iso646us": .ascii, "usascii": .ascii, "csascii": .ascii,
        "ibm437": .cp437, "437": .cp437, "cspc8codepage437": .cp437,
        "latin1": .iso8859_1, "l1": .iso8859_1, "cp819": .iso8859_1, "ibm819": .iso8859_1,
        "isoir100": .iso8859_1, "csisolatin1": .iso8859_1,
        "latin2": .iso8859_2, "latin3": .iso8859_3, "latin4": .iso8859_4, "cyrillic": .iso8859_5,
        "arabic": .iso8859_6, "greek": .iso8859_7, "hebrew": .iso8859_8, "latin5": .iso8859_9,
        "latin6": .iso8859_10, "tis620": .iso8859_11, "latin7": .iso8859_13, "latin8": .iso8859_14,
        "latin9": .iso8859_15, "latin0": .iso8859_15, "latin10": .iso8859_16,
        "cp1250": .windows1250, "cp1251": .windows1251, "cp1252": .windows1252, "cp1256": .windows1256,
    ]

    /// Every known name, folded, to its character set: the names of
    /// ``allCases`` and ``aliases``.
    private static let byFoldedName: [String: CharacterEncoding] = {
        var names = aliases
        for encoding in allCases { names[foldedName(encoding.name)] = encoding }
        return names
    }()

    /// The character set with this name or alias, compared without case and
    /// ignoring `-`, `_`, `.` and spaces: "Shift_JIS", "sjis", "ISO-8859-1",
    /// "latin1", "iso8859_15", "UTF8", "windows-1252", "cp1252", "GB2312"
    /// (read as GB18030, its superset), … Nil for an unknown name.
    public init?(name: String) {
        guard let encoding = Self.byFoldedName[Self.foldedName(name)] else { return nil }
        self = encoding
    }

    /// Lowercase ASCII without the punctuation that spellings of one name differ in.
    private static func foldedName(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    switch scalar {
                    case "-", "_", ".", " ": return nil
                    case "A"..."Z": return Unicode.Scalar(scalar.value + 0x20)
                    default: return scalar
                    }
                }))
    }
}

import Testing

@testable import QRCore

/// The character set suites, grouped so that `--filter TextTests` runs them all.
@Suite enum TextTests {}

extension TextTests {
    /// Each ECI character set on a known string (bytes from Python's codecs),
    /// and finding character sets by name.
    struct CharacterEncodingTests {
        static let samples: [(eci: Int, bytes: [UInt8], text: String)] = [
            (2, [0x80, 0x61, 0x20, 0xB0, 0xB1, 0xB2, 0x20, 0xAB], "Ça ░▒▓ ½"),
            (3, [0xC6, 0x72, 0xF8, 0x73, 0x6B, 0xF8, 0x62, 0x69, 0x6E, 0x67, 0x20, 0xA9], "Ærøskøbing ©"),
            (4, [0xAF, 0xF3, 0xB3, 0xE6, 0x20, 0xA3, 0xF3, 0x64, 0xBC], "Żółć Łódź"),
            (5, [0xA1, 0x61, 0xF5, 0x61, 0x72], "Ħaġar"),
            (6, [0xD3, 0xEF, 0x6C, 0x69, 0x73], "Ķīlis"),
            (7, [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], "Привет"),
            (8, [0xE5, 0xD1, 0xCD, 0xC8, 0xC7], "مرحبا"),
            (9, [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1], "Καλημέρα"),
            (10, [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
            (11, [0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C, 0x20, 0xF0], "İstanbul ğ"),
            (12, [0xDE, 0xF3, 0x72, 0xF0, 0x75, 0x72, 0x20, 0xBF], "Þórður ŋ"),
            (13, [0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5], "สวัสดี"),
            (15, [0xC0, 0xFE, 0x75, 0x6F, 0x6C, 0x61, 0x73, 0x20, 0xA1], "Ąžuolas ”"),
            (16, [0xD0, 0xFE, 0x20, 0xA2], "Ŵŷ ḃ"),
            (17, [0xA4, 0x20, 0xBD, 0x20, 0xBE], "€ œ Ÿ"),
            (18, [0xAA, 0x65, 0x64, 0x69, 0x6E, 0xFE, 0xE3, 0x20, 0xA4], "Ședință €"),
            (20, [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0xB6, 0xC5], "日本語ｶﾅ"),
            (
                21, [0x50, 0xF8, 0xED, 0x6C, 0x69, 0x9A, 0x20, 0x9E, 0x6C, 0x75, 0x9D, 0x6F, 0x75, 0xE8, 0x6B, 0xFD],
                "Příliš žluťoučký"
            ),
            (22, [0xA8, 0xE6, 0xE8, 0xEA, 0x20, 0xB9], "Ёжик №"),
            (23, [0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x94, 0x20, 0x80], "“quote” €"),
            (24, [0xD3, 0xE1, 0xC7, 0xE3, 0x20, 0x81], "سلام پ"),
            (25, [0x03, 0xA9, 0x00, 0x78, 0xD8, 0x3D, 0xDE, 0x00], "Ωx😀"),
            (26, [0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80], "aé€😀"),
            (27, [0x41, 0x7E, 0xE9], "A~\u{FFFD}"),
            (28, [0xA4, 0xA4, 0xA4, 0xE5, 0xA6, 0x72], "中文字"),
            (29, [0xD6, 0xD0, 0xCE, 0xC4, 0x20, 0x81, 0x35, 0xF4, 0x37, 0x20, 0x94, 0x39, 0xFC, 0x36], "中文 ḿ 😀"),
            (30, [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
            (899, [0x00, 0xFF, 0x80], "\u{0}ÿ\u{80}"),
        ]

        @Test func everyECICharsetDecodesItsSample() throws {
            for sample in Self.samples {
                let encoding = try #require(CharacterEncoding(eci: sample.eci))
                #expect(encoding.decode(sample.bytes) == sample.text, "ECI \(sample.eci)")
            }
        }

        @Test func unknownAssignmentsHaveNoCharset() {
            for assignment in [14, 19, 31, 100, 171, 900, 999_999] {
                #expect(CharacterEncoding(eci: assignment) == nil, "ECI \(assignment)")
            }
        }

        @Test func invalidSequencesBecomeReplacementCharacters() {
            #expect(CharacterEncoding.shiftJIS.decode([0x41, 0x81, 0x20, 0x42][...]) == "A\u{FFFD} B")
            #expect(CharacterEncoding.big5.decode([0xA4][...]) == "\u{FFFD}")
            #expect(CharacterEncoding.gb18030.decode([0x81, 0x30, 0x81][...]) == "\u{FFFD}0\u{FFFD}")
            #expect(CharacterEncoding.utf16BigEndian.decode([0x00, 0x41, 0x00][...]) == "A\u{FFFD}")
            #expect(CharacterEncoding.utf8.decode([0x61, 0xFF][...]) == "a\u{FFFD}")
        }

        @Test func namesAndAliasesFindTheirCharset() {
            let names: [(String, CharacterEncoding)] = [
                ("UTF-8", .utf8), ("utf8", .utf8), ("Shift_JIS", .shiftJIS), ("SJIS", .shiftJIS),
                ("shift-jis", .shiftJIS), ("windows-31j", .shiftJIS), ("ISO-8859-1", .iso8859_1),
                ("latin1", .iso8859_1), ("ISO8859_15", .iso8859_15), ("iso-8859-16", .iso8859_16),
                ("Windows-1252", .windows1252), ("cp1251", .windows1251), ("Big5", .big5),
                ("GB2312", .gb18030), ("gb18030", .gb18030), ("EUC-KR", .eucKR), ("UTF-16BE", .utf16BigEndian),
                ("US-ASCII", .ascii), ("IBM437", .cp437),
            ]
            for (name, encoding) in names {
                #expect(CharacterEncoding(name: name) == encoding, "\(name)")
            }
            for encoding in CharacterEncoding.allCases {
                #expect(CharacterEncoding(name: encoding.name) == encoding)
                #expect("\(encoding)" == encoding.name)
            }
            #expect(CharacterEncoding(name: "klingon") == nil)
            #expect(CharacterEncoding(name: "") == nil)
        }
    }
}

import Testing

@testable import QRCore

extension TextTests {
    /// One test per rule of ``CharacterEncoding/guess(for:kanjiInSymbol:)``,
    /// through the whole decoder: the bytes go into a symbol, as a sender
    /// writes them, and the text comes out.
    struct CharacterEncodingGuessTests {
        /// Decodes a symbol holding `segments`, optionally forcing the character set of undeclared bytes.
        static func decoded(_ segments: [QRSegment], forcing forced: CharacterEncoding? = nil) throws -> DecodedSymbol {
            try QRDecoder.decode(QRCode(segments: segments).modules, characterSet: forced)
        }

        static func sjis(_ text: String) -> [UInt8] {
            text.unicodeScalars.flatMap { scalar -> [UInt8] in
                if scalar.isASCII { return [UInt8(scalar.value)] }
                if (0xFF61...0xFF9F).contains(scalar.value) { return [UInt8(scalar.value - 0xFF61 + 0xA1)] }
                let code = ShiftJIS.doubleByteCode(for: scalar)!
                return [UInt8(code >> 8), UInt8(code & 0xFF)]
            }
        }

        static func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

        @Test func anECIWins() throws {
            let utf8Bytes = Array("Grüße".utf8)
            let declared = try Self.decoded([try .eci(3), .bytes(utf8Bytes)], forcing: .shiftJIS)
            #expect(declared.text == "GrÃ¼Ã\u{9F}e")
            #expect(declared.characterSet == .iso8859_1)
            let sjis = try Self.decoded([try .eci(20), .bytes(Self.sjis("ﾒﾓ"))])
            #expect(sjis.text == "ﾒﾓ")
        }

        @Test func validUTF8IsUTF8AndLosesItsByteOrderMark() throws {
            #expect(try Self.decoded([.bytes(Array("Привет, 東京".utf8))]).text == "Привет, 東京")
            let marked: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("héllo".utf8)
            let symbol = try Self.decoded([.bytes(marked)])
            #expect(symbol.text == "héllo")
            #expect(symbol.bytes == marked)
            #expect(symbol.characterSet == .utf8)
            #expect(CharacterEncoding.guess(for: Array("plain ASCII".utf8)[...]) == .utf8)
        }

        @Test func kanaAndCommonKanjiAreShiftJIS() {
            for text in ["日本語", "こんにちは", "テスト", "予約番号：１２３４５", "ア"] {
                #expect(CharacterEncoding.guess(for: Self.sjis(text)[...]) == .shiftJIS, "\(text)")
            }
        }

        @Test func threeRareKanjiInARowAreShiftJIS() {
            let rare: [UInt8] = [0xE0, 0x40, 0xE0, 0x41, 0xE0, 0x42]  // three level-2 kanji, leads 0xE0
            #expect(CharacterEncoding.guess(for: rare[...]) == .shiftJIS)
            #expect(CharacterEncoding.guess(for: Self.latin1("Pokémon")[...]) == .iso8859_1)
        }

        @Test func halfWidthKatakanaWordsAreShiftJIS() throws {
            for text in ["ﾃﾞｻﾞｲﾝQR", "ﾒﾓ", "ﾒﾓ ﾒﾓ", "ｶﾞｽ 1", "Tｼｬﾂ", "QRｺｰﾄﾞ", "ｱｲｳ"] {
                #expect(CharacterEncoding.guess(for: Self.sjis(text)[...]) == .shiftJIS, "\(text)")
            }
            #expect(try Self.decoded([.bytes(Self.sjis("ﾃﾞｻﾞｲﾝQR"))]).text == "ﾃﾞｻﾞｲﾝQR")
        }

        @Test func latin1ThatLooksLikeKatakanaStaysLatin1() {
            // One symbol (ｰ), ß after a kana that takes no handakuten (ﾜﾟ), two
            // capitals inside an all-caps word, a capital before lowercase letters.
            for text in ["25°C", "£5", "¡Hola!", "« Bonjour »", "GRÜßE", "ATENÇÃO", "CRÉÉ", "Ålborg ÆØÅ", "Ça va"] {
                #expect(CharacterEncoding.guess(for: Self.latin1(text)[...]) == .iso8859_1, "\(text)")
            }
        }

        @Test func kanjiSegmentsMakeUndeclaredBytesShiftJIS() throws {
            let symbol = try Self.decoded([.bytes(Self.sjis("ｱ")), try .kanji("日本")])
            #expect(symbol.text == "ｱ日本")
            #expect(CharacterEncoding.guess(for: Self.sjis("ｱ")[...]) == .iso8859_1)
        }

        @Test func controlCodesMeanBinaryDataButATabIsText() {
            #expect(CharacterEncoding.guess(for: Self.sjis("日本\t語")[...]) == .shiftJIS)
            #expect(CharacterEncoding.guess(for: ([0x1B] + Self.sjis("日本"))[...]) == .iso8859_1)
        }

        @Test func everythingElseIsLatin1() {
            for text in ["Müller", "café", "Pokémon", "Größe", "São Paulo", "Zoë"] {
                #expect(CharacterEncoding.guess(for: Self.latin1(text)[...]) == .iso8859_1, "\(text)")
            }
            #expect(CharacterEncoding.guess(for: [0x82, 0xFF][...]) == .iso8859_1)  // no Shift JIS character
        }

        @Test func aForcedCharsetReplacesTheGuessButNotAnECI() throws {
            let bytes = Self.latin1("ÀÉ")
            #expect(try Self.decoded([.bytes(bytes)]).text == "ﾀﾉ")
            let forced = try Self.decoded([.bytes(bytes)], forcing: .iso8859_1)
            #expect(forced.text == "ÀÉ")
            #expect(forced.segments.first?.characterSet == .iso8859_1)
            let declared = try Self.decoded([try .eci(26), .bytes(Array("é".utf8))], forcing: .iso8859_1)
            #expect(declared.text == "é")
        }

        @Test func segmentsSayTheirCharsetAndTheResultTheMainOne() throws {
            let symbol = try Self.decoded([
                .bytes(Self.sjis("ﾃｽﾄ")), try .numeric("123"), try .eci(26),
                .bytes(Array("Ωmega".utf8)),
            ])
            #expect(symbol.text == "ﾃｽﾄ123Ωmega")
            #expect(symbol.segments.map(\.characterSet) == [.shiftJIS, .ascii, nil, .utf8])
            #expect(symbol.characterSet == .utf8)  // 6 bytes of UTF-8 against 3 of Shift JIS
            #expect(try Self.decoded([try .alphanumeric("HELLO")]).characterSet == .ascii)
        }

        @Test func theGuessCoversAllUndeclaredByteSegmentsTogether() throws {
            // ｱ, digits, then ｲｳ: one katakana word of three split by the digits.
            let symbol = try Self.decoded([.bytes(Self.sjis("ｱ")), try .numeric("42"), .bytes(Self.sjis("ｲｳ"))])
            #expect(symbol.text == "ｱ42ｲｳ")
        }
    }
}

/// The half-width katakana of JIS X 0201 (bytes 0xA1…0xDF in Shift JIS), and
/// whether a run of them reads as Japanese or as ISO-8859-1, where the same
/// bytes are the symbols ¡…¿ (0xA1…0xBF) and the capitals À…ß (0xC0…0xDF).
///
/// Japanese writes katakana in words, and marks voiced sounds with ﾞ (0xDE)
/// or ﾟ (0xDF) after the kana that take them (ﾃﾞ, ﾊﾟ). Latin-1 text has these
/// bytes one at a time (`25°C`, `Ça va`), or two capitals together inside an
/// all-caps word (`ATENÇÃO`, `CRÉÉ`), or ß after a capital (`GRÜßE`, whose Üß
/// would be ﾜﾟ, a handakuten where Japanese never writes one), and starts
/// words with a capital before lowercase letters (`Ålborg`).
enum HalfWidthKatakana {
    /// Whether `byte` is a half-width katakana character in Shift JIS.
    static func contains(_ byte: UInt8) -> Bool {
        (0xA1...0xDF).contains(byte)
    }

    /// The character of a half-width katakana byte: U+FF61…U+FF9F.
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(byte) - 0xA1 + 0xFF61)!
    }

    /// The Shift JIS byte of a half-width katakana character (the inverse of
    /// ``scalar(_:)``), or nil for any other character.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        (0xFF61...0xFF9F).contains(scalar.value) ? UInt8(scalar.value - 0xFF61 + 0xA1) : nil
    }

    private static let dakuten: UInt8 = 0xDE, handakuten: UInt8 = 0xDF

    /// Whether a run of half-width katakana reads as Japanese: it is well
    /// formed (``isWellFormed(_:)``) and has at least three characters, or
    /// two that are not a pair of Latin-1 capitals against an ASCII letter.
    /// A single character reads as Latin-1 (`25°C` is `25ｰC` in Shift JIS).
    /// - Parameters:
    ///   - run: the bytes of the run, each in 0xA1…0xDF.
    ///   - before: the byte before the run, if any; `after`: the byte after it.
    static func readsAsWord(_ run: ArraySlice<UInt8>, before: UInt8?, after: UInt8?) -> Bool {
        guard run.count >= 2, isWellFormed(run) else { return false }
        if run.count >= 3 { return true }
        let insideLatinWord = [before, after].contains { $0.map(isASCIILetter) ?? false }
        return !(run.allSatisfy(isLatin1Capital) && insideLatinWord)
    }

    /// Whether the run is one Latin-1 capital that starts a word of
    /// lowercase ASCII letters (`Ålborg`, `Ça`, `Über`): Latin-1 text for sure,
    /// since Japanese never writes a lone katakana straight before Latin
    /// lowercase.
    static func startsLatinWord(_ run: ArraySlice<UInt8>, before: UInt8?, after: UInt8?) -> Bool {
        guard run.count == 1, let capital = run.first, isLatin1Capital(capital), let after else { return false }
        return (0x61...0x7A).contains(after) && !(before.map(isASCIILetter) ?? false)
    }

    /// Whether the run could be Japanese: it does not start with a small
    /// kana, the long vowel mark ｰ or a sound mark, which follow another
    /// kana; and each ﾞ follows a kana that takes it (ｳ, ｶ…ﾄ, ﾊ…ﾎ) and each
    /// ﾟ one of ﾊ…ﾎ.
    static func isWellFormed(_ run: ArraySlice<UInt8>) -> Bool {
        guard let first = run.first, !(0xA7...0xB0).contains(first), first != dakuten, first != handakuten else {
            return false
        }
        for (previous, byte) in zip(run, run.dropFirst()) {
            if byte == dakuten && !takesDakuten(previous) { return false }
            if byte == handakuten && !(0xCA...0xCE).contains(previous) { return false }
        }
        return true
    }

    /// ｳ (0xB3), ｶ…ﾄ (0xB6…0xC4) and ﾊ…ﾎ (0xCA…0xCE) take a dakuten.
    private static func takesDakuten(_ byte: UInt8) -> Bool {
        byte == 0xB3 || (0xB6...0xC4).contains(byte) || (0xCA...0xCE).contains(byte)
    }

    /// À…Ý without ×: the capitals of ISO-8859-1 (Þ and ß are sound marks here).
    private static func isLatin1Capital(_ byte: UInt8) -> Bool {
        (0xC0...0xDD).contains(byte) && byte != 0xD7
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

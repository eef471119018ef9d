/// One pass of Shift JIS decoding that also says whether the bytes were
/// valid and how Japanese they look, for ``CharacterEncoding/guess(for:kanjiInSymbol:)``.
struct ShiftJISScan {
    /// The text, with U+FFFD for each invalid or unmapped byte.
    private(set) var text = ""
    /// Whether every byte was part of a mapped character.
    private(set) var isValid = true
    /// Whether a C0 control other than tab, line feed and carriage return
    /// occurs: the mark of binary data rather than text.
    private(set) var hasBinaryControls = false
    /// Double-byte characters whose lead byte is 0x81…0x9F: every kana,
    /// the full-width symbols and the common (level 1) kanji.
    private(set) var lowLeadDoubleByteCount = 0
    /// The most double-byte characters in a row.
    private(set) var longestDoubleByteRun = 0
    /// Whether some run of half-width katakana reads as a Japanese word
    /// (``HalfWidthKatakana/readsAsWord(_:before:after:)``).
    private(set) var hasKatakanaWord = false
    /// Whether some single Latin-1 capital starts a lowercase word
    /// (``HalfWidthKatakana/startsLatinWord(_:before:after:)``).
    private(set) var hasLatinWord = false

    init(_ bytes: ArraySlice<UInt8>) {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex, doubleByteRun = 0
        var katakanaStart: Int?
        while index < bytes.endIndex {
            let byte = bytes[index]
            if HalfWidthKatakana.contains(byte) {
                katakanaStart = katakanaStart ?? index
                scalars.append(HalfWidthKatakana.scalar(byte))
                doubleByteRun = 0
                index += 1
                continue
            }
            if let start = katakanaStart { noteKatakanaRun(start..<index, in: bytes) }
            katakanaStart = nil
            if let scalar = Self.doubleByteScalar(in: bytes, at: index) {
                scalars.append(scalar)
                if byte <= 0x9F { lowLeadDoubleByteCount += 1 }
                doubleByteRun += 1
                longestDoubleByteRun = max(longestDoubleByteRun, doubleByteRun)
                index += 2
            } else {
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
                if byte >= 0x80 { isValid = false }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { hasBinaryControls = true }
                doubleByteRun = 0
                index += 1
            }
        }
        if let start = katakanaStart { noteKatakanaRun(start..<index, in: bytes) }
        text = String(scalars)
    }

    /// The character of the double-byte code at `index`, or nil if there is none.
    private static func doubleByteScalar(in bytes: ArraySlice<UInt8>, at index: Int) -> Unicode.Scalar? {
        guard ShiftJIS.isLeadByte(bytes[index]), index + 1 < bytes.endIndex else { return nil }
        return ShiftJIS.scalar(forDoubleByte: UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
    }

    /// Judges a finished run of half-width katakana, with the bytes on either side.
    private mutating func noteKatakanaRun(_ run: Range<Int>, in bytes: ArraySlice<UInt8>) {
        let before = run.lowerBound > bytes.startIndex ? bytes[run.lowerBound - 1] : nil
        let after = run.upperBound < bytes.endIndex ? bytes[run.upperBound] : nil
        hasKatakanaWord = hasKatakanaWord || HalfWidthKatakana.readsAsWord(bytes[run], before: before, after: after)
        hasLatinWord = hasLatinWord || HalfWidthKatakana.startsLatinWord(bytes[run], before: before, after: after)
    }
}

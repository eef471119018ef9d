/// The character set of byte data that no ECI declares.
extension CharacterEncoding {
    /// Guesses the character set of undeclared byte data, the way the sender
    /// most likely meant it.
    ///
    /// The standard says ISO-8859-1 (§7.4.5), but most encoders write UTF-8
    /// without saying so, and Japanese ones write Shift JIS (so do "design QR"
    /// generators: half-width katakana and ASCII). The rule, in order:
    ///
    /// 1. **UTF-8** if the bytes are valid UTF-8 (a leading byte order mark
    ///    is allowed; the text drops it). ASCII is both, so nothing is lost.
    ///    Latin-1 or Shift JIS text is almost never valid UTF-8: its high
    ///    bytes would have to form exact lead and continuation patterns.
    /// 2. **Shift JIS** if every byte sequence is a mapped Shift JIS
    ///    character, no C0 control but tab, line feed and carriage return
    ///    occurs (binary data), and the text reads as Japanese:
    ///    - a double-byte character with a lead byte 0x81…0x9F (every kana, the
    ///      full-width symbols, the common kanji): those bytes are C1 control
    ///      codes in ISO-8859-1, which text never holds (`日本語`);
    ///    - three double-byte characters in a row (rarer kanji, 0xE0…0xEF leads);
    ///    - a half-width katakana word (``HalfWidthKatakana/readsAsWord(_:before:after:)``):
    ///      `ﾃﾞｻﾞｲﾝQR`, `ﾒﾓ`, but not `25°C` (one ｰ), `GRÜßE` (ﾟ after ﾜ) or
    ///      `ATENÇÃO` (two capitals inside an all-caps word), and only when no
    ///      lone capital starts a lowercase Latin word (`Ålborg ÆØÅ`);
    ///    - or the symbol also has kanji-mode segments: its encoder writes
    ///      Japanese, and writes the rest of it in Shift JIS.
    /// 3. **ISO-8859-1** otherwise: `Müller` (ü is no Shift JIS lead byte),
    ///    `café` (é ends without a trail byte), `Pokémon` (é m would be the
    ///    kanji 0xE96D, but a lone rare kanji between Latin letters is not
    ///    Japanese).
    ///
    /// zxing-cpp's guess (its `GuessTextEncoding`) reads right nothing of
    /// `Fixtures/charset` that this rule misreads; it misreads where it takes any byte in
    /// 0xA0…0xBF as katakana when such bytes are a tenth of the data (`¡Hola!`
    /// → `｡Hola!`, `25°C` → `25ｰC`), and two katakana as a word only when they
    /// are the only ones (`ﾒﾓ ﾒﾓ` → `ÒÓ ÒÓ`), reads Japanese text with a tab as
    /// ISO-8859-1, and keeps a byte order mark in the text. Both read the
    /// few Latin-1 texts of capitals alone (`ÄÖÜ`) as katakana (`ﾄﾖﾜ`).
    /// - Parameters:
    ///   - bytes: all the symbol's byte data that no ECI declares, in order.
    ///   - kanjiInSymbol: whether the symbol also has kanji-mode segments.
    static func guess(for bytes: ArraySlice<UInt8>, kanjiInSymbol: Bool = false) -> CharacterEncoding {
        if UTF8Validation.isValid(bytes) { return .utf8 }
        let scan = ShiftJISScan(bytes)
        guard scan.isValid, !scan.hasBinaryControls else { return .iso8859_1 }
        let readsAsJapanese =
            kanjiInSymbol || scan.lowLeadDoubleByteCount > 0
            || scan.longestDoubleByteRun >= 3 || (scan.hasKatakanaWord && !scan.hasLatinWord)
        return readsAsJapanese ? .shiftJIS : .iso8859_1
    }
}

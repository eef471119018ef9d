import Testing

@testable import QRCore

/// Bad input throws an ``QREncodingError`` that names the numbers or the
/// character at fault; edge inputs (empty text, largest payloads, arbitrary
/// bytes) encode.
struct EncodingErrorTests {
    static let lowOptions = EncodingOptions(correctionLevel: .low, mask: 0)

    // MARK: - Edges that encode

    @Test func emptyTextEncodesInVersion1() throws {
        let boosted = try QRCode(text: "")
        #expect(boosted.version == 1)
        #expect(boosted.correctionLevel == .high, "an empty payload fits at the highest level")
        #expect(EncoderReference.dataCodewords(of: boosted) == [0x00, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])

        let plain = try QRCode(text: "", options: EncodingOptions(boostsCorrection: false))
        #expect(plain.version == 1 && plain.correctionLevel == .medium)
        let parsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: plain), version: 1))
        #expect(parsed.segments.isEmpty)
        #expect(parsed.paddingIsValid)
    }

    @Test(arguments: [SegmentMode.numeric, .alphanumeric, .byte, .kanji])
    func emptyTextEncodesInEveryForcedMode(mode: SegmentMode) throws {
        let code = try QRCode(text: "", mode: mode, options: EncodingOptions(boostsCorrection: false))
        #expect(code.version == 1)
        let parsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: code), version: 1))
        #expect(parsed.segments.count == 1)
        #expect(parsed.contentBytes.isEmpty)
    }

    @Test func largestNumericPayloadAtLevelL() throws {
        let digits = String((0..<7090).map { Character(String($0 % 10)) })
        let code = try QRCode(text: String(digits.dropLast()), correctionLevel: .low)
        #expect(code.version == 40)
        #expect(code.correctionLevel == .low)
        // 4 + 14 + 2363 × 10 + 4 bits for 7090 digits; version 40-L holds 2956 × 8.
        let expected = QREncodingError.dataTooLong(
            bitsNeeded: 23652, capacityBits: 23648, version: 40, correctionLevel: .low)
        #expect(throws: expected) { try QRCode(text: digits, correctionLevel: .low) }
    }

    @Test func largestBytePayloadAtLevelL() throws {
        let bytes = (0..<2954).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let options = EncodingOptions(correctionLevel: .low, mask: 1)
        let code = try QRCode(bytes: Array(bytes.dropLast()), options: options)
        #expect(code.version == 40)
        let parsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: code), version: 40))
        #expect(parsed.segments == [.bytes(Array(bytes.dropLast()))])
        // 4 + 16 + 2954 × 8 bits.
        let expected = QREncodingError.dataTooLong(
            bitsNeeded: 23652, capacityBits: 23648, version: 40, correctionLevel: .low)
        #expect(throws: expected) { try QRCode(bytes: bytes, options: options) }
    }

    @Test(
        arguments: [[0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0x00], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func arbitraryBytesIncludingInvalidUTF8(bytes: [UInt8]) throws {
        #expect(String(validating: bytes, as: UTF8.self) == nil || bytes == [0x00])
        let code = try QRCode(bytes: bytes)
        let parsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: code), version: 1))
        #expect(parsed.segments == [.bytes(bytes)])
    }

    @Test func everyByteValueSurvives() throws {
        let bytes = (0...255).map(UInt8.init)
        let code = try QRCode(bytes: bytes, options: Self.lowOptions)
        let parsed = try #require(
            EncoderReference.parse(
                EncoderReference.dataCodewords(of: code),
                version: code.version.number))
        #expect(parsed.segments == [.bytes(bytes)])
    }

    // MARK: - Characters a forced mode cannot hold

    /// Indexes count Characters (grapheme clusters), not scalars or bytes.
    @Test(
        arguments: [
            ("12a4", "a", 2),
            ("12😀4", "😀", 2),
            ("1e\u{301}2", "e\u{301}", 1),
            ("1\u{301}23", "1\u{301}", 0),
            ("🇯🇵123", "🇯🇵", 0),
            ("99👍🏽", "👍🏽", 2),
            ("12 3", " ", 2),
            ("１２", "１", 0),
        ] as [(String, Character, Int)])
    func forcedNumericNamesTheCharacter(text: String, character: Character, index: Int) throws {
        let expected = QREncodingError.unencodableCharacter(character, index: index, mode: .numeric)
        #expect(throws: expected) { try QRSegment.numeric(text) }
        #expect(throws: expected) { try QRCode(text: text, mode: .numeric, options: Self.lowOptions) }
    }

    @Test func unencodableCharacterComparesWholeGraphemes() {
        // A precomposed é and e + U+0301 are the same Character; the error keeps the input's spelling.
        let error = #expect(throws: QREncodingError.self) { try QRSegment.numeric("7e\u{301}") }
        guard case .unencodableCharacter(let character, let index, _)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(index == 1)
        #expect(character.unicodeScalars.map(\.value) == [0x65, 0x301])
    }

    @Test(
        arguments: [
            ("HELLO world", "w", 6),
            ("ABC\r\nD", "\r\n", 3),
            ("a", "a", 0),
            ("A_B", "_", 1),
            ("Ü", "Ü", 0),
        ] as [(String, Character, Int)])
    func forcedAlphanumericNamesTheCharacter(text: String, character: Character, index: Int) {
        let expected = QREncodingError.unencodableCharacter(character, index: index, mode: .alphanumeric)
        #expect(throws: expected) { try QRSegment.alphanumeric(text) }
        #expect(throws: expected) { try QRCode(text: text, mode: .alphanumeric, options: Self.lowOptions) }
    }

    @Test(
        arguments: [
            ("漢字A", "A", 2),
            ("漢e\u{301}", "e\u{301}", 1),
            ("点ｶ", "ｶ", 1),
            ("1", "1", 0),
            ("漢字😀", "😀", 2),
        ] as [(String, Character, Int)])
    func forcedKanjiNamesTheCharacter(text: String, character: Character, index: Int) {
        let expected = QREncodingError.unencodableCharacter(character, index: index, mode: .kanji)
        #expect(throws: expected) { try QRSegment.kanji(text) }
        #expect(throws: expected) { try QRCode(text: text, mode: .kanji, options: Self.lowOptions) }
    }

    @Test func forcedFactoryDispatchesToTheMode() throws {
        #expect(throws: QREncodingError.unencodableCharacter("x", index: 1, mode: .alphanumeric)) {
            try QRSegment.forced("Ax", mode: .alphanumeric)
        }
        #expect(try QRSegment.forced("héllo", mode: .byte).characterCount == 6)
    }

    // MARK: - Bounded values

    /// Runtime numbers go through the throwing initialisers. (A literal such as
    /// `QRVersion(41)` is a literal coercion to `init(integerLiteral:)`, which
    /// traps by design, so these tests pass the numbers as variables.)
    @Test(arguments: [0, 41, -3, Int.max])
    func invalidVersions(number: Int) {
        #expect(throws: QREncodingError.invalidVersion(number)) { try QRVersion(number: number) }
        #expect(throws: QREncodingError.invalidVersion(number)) { try QRVersion.range(number, 40) }
        #expect(throws: QREncodingError.invalidVersion(number)) { try QRVersion.range(1, number) }
    }

    @Test func validVersionsAndRanges() throws {
        for number in 1...40 {
            let version = try QRVersion(number: number)
            #expect(version.number == number && version.size == 17 + 4 * number)
        }
        #expect(throws: QREncodingError.invalidVersionRange(min: 10, max: 5)) { try QRVersion.range(10, 5) }
        #expect(try QRVersion.range(5, 5) == QRVersion(5)...QRVersion(5))
        #expect(try QRVersion.range(1, 40) == QRVersion.all)
    }

    @Test(arguments: [8, -1, 255])
    func invalidMasks(number: Int) {
        #expect(throws: QREncodingError.invalidMask(number)) { try QRMask(number: number) }
    }

    @Test func validMasks() throws {
        for number in 0..<8 { #expect(try QRMask(number: number).number == number) }
    }

    @Test func invalidECIAssignments() {
        #expect(throws: QREncodingError.invalidECIAssignment(-1)) { try QRSegment.eci(-1) }
        #expect(throws: QREncodingError.invalidECIAssignment(1_000_000)) { try QRSegment.eci(1_000_000) }
    }

    /// §7.4.2.1, Table 4: one, two or three designator bytes with prefixes 0, 10, 110.
    @Test(arguments: [
        (0, "00000000"), (127, "01111111"), (128, "1000000010000000"),
        (16383, "1011111111111111"), (16384, "110000000100000000000000"),
        (999_999, "110011110100001000111111"),
    ])
    func eciDesignatorLengths(assignment: Int, bits: String) throws {
        let segment = try QRSegment.eci(assignment)
        #expect(segment.mode == .eci)
        #expect(EncoderReference.bitString(segment.data) == bits)
        #expect(segment.bitLength(at: 1) == 4 + bits.count)
    }

    @Test func lowLevelAPIChecksTheCodewordCount() throws {
        for given in [0, 15, 17] {
            #expect(
                throws: QREncodingError.wrongCodewordCount(
                    given: given, expected: 16, version: 1, correctionLevel: .medium)
            ) {
                try QRCode(dataCodewords: [UInt8](repeating: 0xEC, count: given), version: 1, correctionLevel: .medium)
            }
        }
        #expect(
            throws: QREncodingError.wrongCodewordCount(given: 2956, expected: 1276, version: 40, correctionLevel: .high)
        ) {
            try QRCode(dataCodewords: [UInt8](repeating: 0, count: 2956), version: 40, correctionLevel: .high)
        }
        let code = try QRCode(dataCodewords: [UInt8](repeating: 0xEC, count: 16), version: 1, correctionLevel: .medium)
        #expect(EncoderReference.dataCodewords(of: code) == [UInt8](repeating: 0xEC, count: 16))
    }

    // MARK: - Messages

    @Test func descriptionsNameTheNumbersAndCharacters() {
        let cases: [(QREncodingError, [String])] = [
            (
                .dataTooLong(bitsNeeded: 23652, capacityBits: 23648, version: 40, correctionLevel: .low),
                ["23652", "23648", "version 40", "level L"]
            ),
            (.unencodableCharacter("a", index: 2, mode: .numeric), ["'a'", "index 2", "numeric"]),
            (.unencodableCharacter("😀", index: 17, mode: .kanji), ["'😀'", "index 17", "kanji"]),
            (.unencodableCharacter("e\u{301}", index: 1, mode: .numeric), ["'e\u{301}'", "index 1"]),
            (.unencodableCharacter("\r\n", index: 3, mode: .alphanumeric), ["U+D U+A", "index 3", "alphanumeric"]),
            (.unencodableCharacter("\u{7F}", index: 0, mode: .numeric), ["U+7F", "index 0"]),
            (.invalidVersion(41), ["41", "1…40"]),
            (.invalidVersion(0), ["version 0"]),
            (.invalidVersionRange(min: 10, max: 5), ["10", "5"]),
            (.invalidMask(8), ["mask 8", "0…7"]),
            (.invalidMask(-1), ["mask -1"]),
            (.invalidECIAssignment(1_000_000), ["1000000", "999999"]),
            (.segmentTooLong(mode: .byte, count: 300, limit: 255, version: 9), ["byte", "300", "255", "version 9"]),
            (
                .wrongCodewordCount(given: 15, expected: 16, version: 1, correctionLevel: .medium),
                ["15", "16", "version 1", "level M"]
            ),
        ]
        for (error, fragments) in cases {
            for fragment in fragments {
                #expect(error.description.contains(fragment), "\(error.description) lacks \(fragment)")
            }
        }
    }

    @Test func thrownErrorsDescribeThemselves() {
        let error = #expect(throws: QREncodingError.self) {
            try QRCode(
                text: String(repeating: "x", count: 100), mode: .byte,
                options: EncodingOptions(correctionLevel: .high, versions: 1...3))
        }
        // 4 + 8 + 800 bits; version 3-H holds 26 codewords.
        #expect(error?.description.contains("812") == true)
        #expect(error?.description.contains("208") == true)
        #expect(error?.description.contains("version 3") == true)
    }
}

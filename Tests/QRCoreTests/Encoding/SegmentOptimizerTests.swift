import QRCoreTestSupport
import Testing

@testable import QRCore

/// Automatic segmentation (``SegmentOptimizer``): never worse than one mode,
/// exactly optimal against brute force, known splits, lossless, and split
/// where a character count field would overflow (Table 3).
struct SegmentOptimizerTests {
    /// One version from each count-width class of Table 3.
    static let classVersions: [QRVersion] = [1, 10, 27]

    // MARK: - Text generation and costs

    /// Pools that random text is drawn from, in runs.
    static let pools: [[String]] = [
        "0123456789".map(String.init),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".map(String.init),
        "abcdefghijklmnopqrstuvwxyz!?@#_~".map(String.init),
        "漢字点茗日本語東京ひらがなカタカナΩ１".map(String.init),
        ["é", "ß", "ñ", "€", "😀", "👍🏽", "e\u{301}", "\u{301}", "🇯🇵"],
    ]

    /// Random text made of runs from random pools, `scalarLimit` scalars at most.
    static func randomText(scalarLimit: Int, using random: inout SeededRandom) -> String {
        var text = ""
        let target = Int.random(in: 1...scalarLimit, using: &random)
        while text.unicodeScalars.count < target {
            let pool = pools.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let piece = pool.randomElement(using: &random)!
                guard text.unicodeScalars.count + piece.unicodeScalars.count <= target else { break }
                text += piece
            }
        }
        return text
    }

    /// The modes that can hold `scalar`.
    static func allowedModes(_ scalar: Unicode.Scalar) -> [SegmentMode] {
        var modes: [SegmentMode] = [.byte]
        if ("0"..."9").contains(scalar) { modes.append(.numeric) }
        if scalar.isASCII && EncoderReference.alphanumericCharacters.contains(Character(scalar)) {
            modes.append(.alphanumeric)
        }
        if !scalar.isASCII && ShiftJIS.kanjiValue(for: scalar) != nil { modes.append(.kanji) }
        return modes
    }

    /// Bits of one segment holding `scalars` in `mode`, header included.
    static func segmentBits(_ scalars: ArraySlice<Unicode.Scalar>, mode: SegmentMode, version: QRVersion) -> Int {
        let count = mode == .byte ? scalars.reduce(0) { $0 + UTF8.width($1) } : scalars.count
        return 4 + EncoderReference.countWidth(mode, version: version.number)
            + EncoderReference.payloadBits(mode, count: count)
    }

    /// Bits of the whole text in one mode, or nil if the mode cannot hold it.
    static func singleModeBits(_ text: String, mode: SegmentMode, version: QRVersion) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy({ allowedModes($0).contains(mode) }) else { return nil }
        return segmentBits(scalars[...], mode: mode, version: version)
    }

    /// The fewest bits over every assignment of an allowed mode to each scalar,
    /// consecutive equal modes forming one segment.
    static func bruteForceBits(_ text: String, version: QRVersion) -> Int {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return 0 }
        let choices = scalars.map(allowedModes)
        var digits = [Int](repeating: 0, count: scalars.count)  // a mixed-radix counter over the choices
        var best = Int.max
        while true {
            var total = 0, start = 0
            for index in 1...scalars.count
            where index == scalars.count
                || choices[index][digits[index]] != choices[start][digits[start]]
            {
                total += segmentBits(scalars[start..<index], mode: choices[start][digits[start]], version: version)
                start = index
            }
            best = min(best, total)
            var position = 0
            while position < digits.count {
                digits[position] += 1
                if digits[position] < choices[position].count { break }
                digits[position] = 0
                position += 1
            }
            if position == digits.count { return best }
        }
    }

    /// The optimiser's segments, written out and parsed back.
    static func parsedSegments(
        _ text: String, version: QRVersion
    ) throws -> (
        segments: [QRSegment],
        parsed: EncoderReference.ParsedData
    ) {
        let segments = SegmentOptimizer(text: text, kanji: .whenShorter).segments(at: version)
        var buffer = BitBuffer()
        for segment in segments { segment.write(to: &buffer, at: version) }
        let parsed = try #require(EncoderReference.parse(buffer.bytes, version: version.number))
        #expect(parsed.bitsUsed == buffer.count)
        return (segments, parsed)
    }

    static func optimizedBits(_ text: String, version: QRVersion) -> Int? {
        QREncoder.bitLength(SegmentOptimizer(text: text, kanji: .whenShorter).segments(at: version), at: version)
    }

    // MARK: - Properties

    @Test(arguments: classVersions)
    func neverWorseThanAnySingleMode(version: QRVersion) throws {
        var random = SeededRandom(seed: 0x5E6 + UInt64(version.number))
        for _ in 0..<300 {
            let text = Self.randomText(scalarLimit: 60, using: &random)
            let bits = try #require(Self.optimizedBits(text, version: version))
            for mode in [SegmentMode.numeric, .alphanumeric, .byte, .kanji] {
                if let single = Self.singleModeBits(text, mode: mode, version: version) {
                    #expect(bits <= single, "\(text.debugDescription) at \(version): \(bits) > \(mode) \(single)")
                }
            }
        }
    }

    @Test(arguments: classVersions)
    func equalsBruteForceOnShortText(version: QRVersion) throws {
        var random = SeededRandom(seed: 0xB407E + UInt64(version.number))
        for _ in 0..<150 {
            let text = Self.randomText(scalarLimit: 8, using: &random)
            let bits = try #require(Self.optimizedBits(text, version: version))
            #expect(bits == Self.bruteForceBits(text, version: version), "\(text.debugDescription) at \(version)")
        }
    }

    @Test(arguments: classVersions)
    func segmentsDecodeBackToTheText(version: QRVersion) throws {
        var random = SeededRandom(seed: 0xDEC0DE + UInt64(version.number))
        for _ in 0..<200 {
            let text = Self.randomText(scalarLimit: 80, using: &random)
            let (segments, parsed) = try Self.parsedSegments(text, version: version)
            #expect(parsed.text == text, "\(text.debugDescription) at \(version)")
            #expect(parsed.segments.map(\.mode) == segments.map(\.mode))
            // Maximal runs: a mode change at every boundary (no count field overflows at this length).
            #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.mode != $1.mode })
            // The bits the encoder charges are the bits ISO prescribes for these segments.
            let charged = try #require(QREncoder.bitLength(segments, at: version))
            let prescribed = parsed.segments.reduce(0) { total, segment in
                let count: Int
                switch segment {
                case .numeric(let s), .alphanumeric(let s): count = s.count
                case .bytes(let b): count = b.count
                case .kanji(let k): count = k.count
                case .eci: count = 0
                }
                return total + 4 + EncoderReference.countWidth(segment.mode, version: version.number)
                    + EncoderReference.payloadBits(segment.mode, count: count)
            }
            #expect(charged == prescribed)
        }
    }

    // MARK: - Known splits

    static func modesAndCounts(_ text: String, version: QRVersion) -> [String] {
        SegmentOptimizer(text: text, kanji: .whenShorter).segments(at: version).map {
            "\($0.mode) \($0.characterCount)"
        }
    }

    @Test func emptyTextHasNoSegments() {
        #expect(SegmentOptimizer(text: "", kanji: .whenShorter).segments(at: 1).isEmpty)
    }

    @Test func helloWorldStaysAlphanumeric() {
        #expect(Self.modesAndCounts("HELLO WORLD", version: 1) == ["alphanumeric 11"])
        #expect(Self.optimizedBits("HELLO WORLD", version: 1) == 4 + 9 + 5 * 11 + 6)
    }

    @Test func pureRunsUseTheirDensestMode() {
        #expect(Self.modesAndCounts("0123456789", version: 1) == ["numeric 10"])
        #expect(Self.modesAndCounts("漢字", version: 1) == ["kanji 2"])
        #expect(Self.modesAndCounts("hello, world", version: 1) == ["byte 12"])
        #expect(Self.modesAndCounts("héllo😀", version: 1) == ["byte 10"])
    }

    /// Inside byte text, six digits pay for a numeric segment at versions 1–9
    /// (14 + 20 + 12 = 46 bits < 48), five do not (14 + 17 + 12 = 43 > 40).
    @Test func digitsInsideByteTextSplitOnlyWhenItPays() {
        #expect(Self.modesAndCounts("ab123456cd", version: 1) == ["byte 2", "numeric 6", "byte 2"])
        #expect(Self.optimizedBits("ab123456cd", version: 1) == 90)
        #expect(Self.modesAndCounts("ab12345cd", version: 1) == ["byte 9"])
        #expect(Self.optimizedBits("ab12345cd", version: 1) == 84)
        // At versions 10–26 the wider count fields (12 and 16 bits) make the split cost more.
        #expect(Self.modesAndCounts("ab123456cd", version: 10) == ["byte 10"])
    }

    @Test func thirteenDigitsFollowedByText() {
        // Numeric 14 + 44, then byte 12 + 24 = 94 bits against 140 for all bytes.
        #expect(Self.modesAndCounts("1234567890123abc", version: 1) == ["numeric 13", "byte 3"])
        #expect(Self.optimizedBits("1234567890123abc", version: 1) == 94)
    }

    @Test func digitsAfterAlphanumericText() {
        // Alphanumeric 13 + 33, numeric 14 + 34 = 94 bits against 101 in one alphanumeric segment.
        #expect(Self.modesAndCounts("ABCDEF1234567890", version: 1) == ["alphanumeric 6", "numeric 10"])
        #expect(Self.optimizedBits("ABCDEF1234567890", version: 1) == 94)
    }

    @Test func kanjiThenLatin() {
        // Kanji 12 + 26, byte 12 + 24 = 74 bits against 84 for all bytes.
        #expect(Self.modesAndCounts("漢字abc", version: 1) == ["kanji 2", "byte 3"])
        #expect(Self.optimizedBits("漢字abc", version: 1) == 74)
    }

    @Test func automaticEncodingUsesTheSplitOfTheChosenVersionClass() throws {
        let options = EncodingOptions(correctionLevel: .low, boostsCorrection: false)
        let small = try QRCode(text: "ab123456cd", options: options)
        let smallParsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: small), version: 1))
        #expect(smallParsed.segments == [.bytes(Array("ab".utf8)), .numeric("123456"), .bytes(Array("cd".utf8))])

        var fixed = options
        fixed.versions = 10...10
        let large = try QRCode(text: "ab123456cd", options: fixed)
        let largeParsed = try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: large), version: 10))
        #expect(largeParsed.segments == [.bytes(Array("ab123456cd".utf8))])
    }

    // MARK: - Count field overflow

    @Test func longAlphanumericRunsSplitAtTheCountLimit() throws {
        let text = String(repeating: "A", count: 2100)
        #expect(Self.modesAndCounts(text, version: 10) == ["alphanumeric 2047", "alphanumeric 53"])
        #expect(Self.modesAndCounts(text, version: 26) == ["alphanumeric 2047", "alphanumeric 53"])
        #expect(Self.modesAndCounts(text, version: 27) == ["alphanumeric 2100"])
        #expect(
            Self.modesAndCounts(text, version: 1) == Array(repeating: "alphanumeric 511", count: 4)
                + ["alphanumeric 56"])
        for version in Self.classVersions {
            let (_, parsed) = try Self.parsedSegments(text, version: version)
            #expect(parsed.text == text)
        }
    }

    @Test func longRunsOfOtherModesSplitAtTheCountLimit() throws {
        let digits = String((0..<5000).map { Character(String($0 % 10)) })
        #expect(Self.modesAndCounts(digits, version: 10) == ["numeric 4095", "numeric 905"])
        #expect(Self.modesAndCounts(digits, version: 1) == Array(repeating: "numeric 1023", count: 4) + ["numeric 908"])
        let bytes = String(repeating: "q", count: 300)
        #expect(Self.modesAndCounts(bytes, version: 1) == ["byte 255", "byte 45"])
        let kanji = String(repeating: "点", count: 300)
        #expect(Self.modesAndCounts(kanji, version: 1) == ["kanji 255", "kanji 45"])
        #expect(Self.modesAndCounts(kanji, version: 10) == ["kanji 300"])
        for text in [digits, bytes, kanji] {
            let (_, parsed) = try Self.parsedSegments(text, version: 1)
            #expect(parsed.text == text)
        }
    }

    @Test func multiByteCharactersSurviveAByteSplit() throws {
        // 130 × "é" is 260 UTF-8 bytes: the 255-byte limit falls inside a character,
        // and the bytes still concatenate back to the text.
        let text = String(repeating: "é", count: 130)
        #expect(Self.modesAndCounts(text, version: 1) == ["byte 255", "byte 5"])
        let (_, parsed) = try Self.parsedSegments(text, version: 1)
        #expect(parsed.text == text)
    }

    @Test func automaticEncodingOfLongAlphanumericText() throws {
        let text = String(repeating: "A", count: 2100)
        let code = try QRCode(text: text, options: EncodingOptions(correctionLevel: .low, mask: 0))
        #expect(code.version.number >= 27)
        let parsed = try #require(
            EncoderReference.parse(
                EncoderReference.dataCodewords(of: code),
                version: code.version.number))
        #expect(parsed.segments == [.alphanumeric(text)])
    }

    @Test func fixedSegmentThatOverflowsItsCountFieldIsReported() {
        let segment = QRSegment.bytes([UInt8](repeating: 0x41, count: 300))
        #expect(segment.bitLength(at: 9) == nil)
        #expect(segment.bitLength(at: 10) == 4 + 16 + 2400)
        let options = EncodingOptions(correctionLevel: .low, versions: 1...9)
        #expect(throws: QREncodingError.segmentTooLong(mode: .byte, count: 300, limit: 255, version: 9)) {
            try QRCode(segments: [segment], options: options)
        }
        // With versions 10 and up allowed, the same segment fits.
        #expect(throws: Never.self) { try QRCode(segments: [segment], options: EncodingOptions(correctionLevel: .low)) }
    }
}

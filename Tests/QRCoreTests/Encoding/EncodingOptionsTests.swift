import QRCoreTestSupport
import Testing

@testable import QRCore

/// ``EncodingOptions``: level boosting, fixed versions and masks, the UTF-8
/// ECI designator, and kanji mode's 13-bit values.
struct EncodingOptionsTests {
    static func parsed(_ code: QRCode) throws -> EncoderReference.ParsedData {
        try #require(EncoderReference.parse(EncoderReference.dataCodewords(of: code), version: code.version.number))
    }

    static func capacityBits(_ version: QRVersion, _ level: ErrorCorrectionLevel) -> Int {
        BlockStructure(version: version, correctionLevel: level).dataBits
    }

    @Test func defaults() {
        let options = EncodingOptions()
        #expect(options.correctionLevel == .medium)
        #expect(options.versions == QRVersion.all)
        #expect(options.mask == nil)
        #expect(options.boostsCorrection)
        #expect(!options.declaresUTF8)
    }

    // MARK: - Boosting

    @Test func helloWorldIsBoostedToQuartile() throws {
        // 74 bits: 1-Q holds 104, 1-H only 72.
        let boosted = try QRCode(text: "HELLO WORLD", correctionLevel: .low)
        #expect(boosted.version == 1)
        #expect(boosted.correctionLevel == .quartile)
        let kept = try QRCode(
            text: "HELLO WORLD", options: EncodingOptions(correctionLevel: .low, boostsCorrection: false))
        #expect(kept.version == 1)
        #expect(kept.correctionLevel == .low)
        #expect(try Self.parsed(boosted).text == "HELLO WORLD")
    }

    @Test func boostFillsALargerFixedVersion() throws {
        let code = try QRCode(text: "HI", options: EncodingOptions(correctionLevel: .low, versions: 5...5))
        #expect(code.version == 5)
        #expect(code.correctionLevel == .high)
    }

    @Test func boostNeverLowersTheRequestedLevel() throws {
        let code = try QRCode(text: "HI", correctionLevel: .high)
        #expect(code.correctionLevel == .high)
    }

    /// Over random text and levels: boosting keeps the version that the
    /// requested level chose and takes the highest level that still holds the data.
    @Test func boostRaisesToTheHighestLevelThatFitsWithoutChangingVersion() throws {
        var random = SeededRandom(seed: 0xB0057)
        for _ in 0..<60 {
            let text = SegmentOptimizerTests.randomText(
                scalarLimit: Int.random(in: 1...400, using: &random),
                using: &random)
            let level = ErrorCorrectionLevel.allCases.randomElement(using: &random)!
            let boosted = try QRCode(text: text, options: EncodingOptions(correctionLevel: level, mask: 0))
            let kept = try QRCode(
                text: text, options: EncodingOptions(correctionLevel: level, mask: 0, boostsCorrection: false))
            #expect(kept.correctionLevel == level)
            #expect(boosted.version == kept.version)
            #expect(boosted.correctionLevel >= level)
            let bits = try Self.parsed(boosted).bitsUsed
            #expect(bits <= Self.capacityBits(boosted.version, boosted.correctionLevel))
            if let higher = ErrorCorrectionLevel(rawValue: boosted.correctionLevel.rawValue + 1) {
                #expect(bits > Self.capacityBits(boosted.version, higher), "\(text.debugDescription)")
            }
            #expect(try Self.parsed(boosted).text == text)
            #expect(try Self.parsed(kept).text == text)
        }
    }

    // MARK: - Fixed version and mask

    @Test func fixedVersionThatIsTooSmallThrows() {
        let digits = String(repeating: "7", count: 100)
        // 4 + 10 + 33 × 10 + 4 bits; version 1-L holds 19 codewords.
        #expect(
            throws: QREncodingError.dataTooLong(bitsNeeded: 348, capacityBits: 152, version: 1, correctionLevel: .low)
        ) {
            try QRCode(text: digits, options: EncodingOptions(correctionLevel: .low, versions: 1...1))
        }
        // The smallest version that fits is 3 (1-L 152, 2-L 272, 3-L 440 bits).
        #expect(
            throws: QREncodingError.dataTooLong(bitsNeeded: 348, capacityBits: 272, version: 2, correctionLevel: .low)
        ) {
            try QRCode(text: digits, options: EncodingOptions(correctionLevel: .low, versions: 1...2))
        }
        let code = try? QRCode(text: digits, options: EncodingOptions(correctionLevel: .low, versions: 1...3))
        #expect(code?.version == 3)
    }

    @Test func versionRangeLowerBoundIsRespected() throws {
        let code = try QRCode(text: "A", options: EncodingOptions(versions: 12...20))
        #expect(code.version == 12)
        #expect(code.size == 65)
    }

    @Test(arguments: 0..<8)
    func fixedMaskIsHonoured(mask: Int) throws {
        let text = "Mask test 0123456789"
        let options = EncodingOptions(correctionLevel: .medium, mask: try QRMask(number: mask))
        let code = try QRCode(text: text, options: options)
        #expect(code.mask.number == mask)
        let primary = try #require(EncoderReference.format(ofBits: EncoderReference.primaryFormatBits(code)))
        let secondary = try #require(EncoderReference.format(ofBits: EncoderReference.secondaryFormatBits(code)))
        #expect(primary.mask == mask && secondary.mask == mask)
        #expect(primary.level == code.correctionLevel && secondary.level == code.correctionLevel)
        // Unmasking with the format's mask recovers the text only if that mask was applied.
        #expect(try Self.parsed(code).text == text)
    }

    @Test func automaticMaskIsOneOfTheEightAndRecorded() throws {
        let code = try QRCode(text: "https://example.com/automatic", correctionLevel: .medium)
        let format = try #require(EncoderReference.format(ofBits: EncoderReference.primaryFormatBits(code)))
        #expect(format.mask == code.mask.number)
        #expect(try Self.parsed(code).text == "https://example.com/automatic")
    }

    // MARK: - UTF-8 declaration

    @Test(arguments: ["héllo wörld", "漢字 and ASCII", "0123456789", "PLAIN"])
    func declaresUTF8AddsOneECIDesignator(text: String) throws {
        let plain = try QRCode(text: text, options: EncodingOptions(boostsCorrection: false))
        let declared = try QRCode(text: text, options: EncodingOptions(boostsCorrection: false, declaresUTF8: true))
        let plainData = try Self.parsed(plain), declaredData = try Self.parsed(declared)
        #expect(declaredData.segments.first == .eci(26))
        #expect(declaredData.segments.filter { $0.mode == .eci }.count == 1)
        #expect(Array(declaredData.segments.dropFirst()) == plainData.segments)
        #expect(declaredData.bitsUsed == plainData.bitsUsed + 4 + 8)
        #expect(declaredData.text == text)
    }

    @Test func declaresUTF8WithForcedByteMode() throws {
        let code = try QRCode(text: "naïve", mode: .byte, options: EncodingOptions(declaresUTF8: true))
        #expect(try Self.parsed(code).segments == [.eci(26), .bytes(Array("naïve".utf8))])
    }

    /// The designator's 12 bits count against the capacity: 30 digits and the
    /// designator fill 1-M (12 + 14 + 100 ≤ 128), 31 do not (130 bits).
    @Test func declaresUTF8CountsTowardsCapacity() throws {
        let options = EncodingOptions(
            correctionLevel: .medium, versions: 1...1, boostsCorrection: false, declaresUTF8: true)
        let code = try QRCode(text: String(repeating: "5", count: 30), mode: .numeric, options: options)
        #expect(code.version == 1)
        #expect(try Self.parsed(code).bitsUsed == 126)
        #expect(
            throws: QREncodingError.dataTooLong(
                bitsNeeded: 130, capacityBits: 128, version: 1, correctionLevel: .medium)
        ) {
            try QRCode(text: String(repeating: "5", count: 31), mode: .numeric, options: options)
        }
        var withoutDeclaration = options
        withoutDeclaration.declaresUTF8 = false
        #expect(throws: Never.self) {
            try QRCode(text: String(repeating: "5", count: 31), mode: .numeric, options: withoutDeclaration)
        }
    }

    @Test func declaresUTF8IsIgnoredForSegmentsAndBytes() throws {
        let options = EncodingOptions(declaresUTF8: true)
        let fromSegments = try QRCode(segments: [QRSegment.bytes([0x41])], options: options)
        #expect(try Self.parsed(fromSegments).segments == [.bytes([0x41])])
        let fromBytes = try QRCode(bytes: [0xFF], options: options)
        #expect(try Self.parsed(fromBytes).segments == [.bytes([0xFF])])
    }

    // MARK: - Kanji mode

    @Test func kanjiValuesOfTheISOExample() throws {
        // §7.4.6: 点 is Shift JIS 0x935F → 0x0D9F, 茗 is 0xE4AA → 0x1AAA.
        #expect(ShiftJIS.doubleByteCode(for: "点") == 0x935F)
        #expect(ShiftJIS.doubleByteCode(for: "茗") == 0xE4AA)
        #expect(ShiftJIS.kanjiValue(for: "点") == 0x0D9F)
        #expect(ShiftJIS.kanjiValue(for: "茗") == 0x1AAA)
        #expect(ShiftJIS.code(forKanjiValue: 0x0D9F) == 0x935F)
        #expect(ShiftJIS.code(forKanjiValue: 0x1AAA) == 0xE4AA)

        let segment = try QRSegment.kanji("点茗")
        #expect(segment.characterCount == 2)
        #expect(segment.data.count == 26)
        #expect(EncoderReference.bitString(segment.data) == "0110110011111" + "1101010101010")
        var buffer = BitBuffer()
        segment.write(to: &buffer, at: 1)
        #expect(EncoderReference.bitString(buffer) == "1000" + "00000010" + "0110110011111" + "1101010101010")
    }

    @Test func kanjiRangeEdges() {
        // The first and last codes of the two ranges kanji mode covers. U+3000
        // (ideographic space) is 0x8140; 熙, the last JIS X 0208 kanji, is 0xEAA4:
        // 0xEAA4 − 0xC140 = 0x2964 → 0x29 × 0xC0 + 0x64 = 0x1F24.
        #expect(ShiftJIS.kanjiValue(for: "\u{3000}") == 0x0000)
        #expect(ShiftJIS.doubleByteCode(for: "熙") == 0xEAA4)
        #expect(ShiftJIS.kanjiValue(for: "熙") == 0x1F24)
        #expect(ShiftJIS.code(forKanjiValue: 0x0000) == 0x8140)
        #expect(ShiftJIS.code(forKanjiValue: 0x173C) == 0x9FFC)
        #expect(ShiftJIS.code(forKanjiValue: 0x1740) == 0xE040)
        #expect(ShiftJIS.code(forKanjiValue: 0x1FFF) == 0xEBBF)
        #expect(ShiftJIS.kanjiValue(for: "A") == nil)
        #expect(ShiftJIS.kanjiValue(for: "ｶ") == nil, "half-width katakana is a single byte")
    }

    /// Code page 932 repeats some characters at NEC (0x87xx) and IBM (0xFAxx)
    /// codes. Encoding must use the first code, as cp932 encoders do: the
    /// JIS X 0208 one where it exists, else the NEC one inside the kanji range.
    @Test(
        arguments: [
            ("≒", 0x81E0), ("≡", 0x81DF), ("∫", 0x81E7), ("√", 0x81E3), ("⊥", 0x81DB), ("∠", 0x81DA),
            ("∵", 0x81E6), ("∩", 0x81BF), ("∪", 0x81BE), ("\u{FFE2}", 0x81CA), ("Ⅰ", 0x8754), ("Ⅹ", 0x875D),
            ("№", 0x8782), ("℡", 0x8784), ("㈱", 0x878A),
        ] as [(Unicode.Scalar, UInt16)])
    func repeatedCharactersEncodeToTheirFirstCode(scalar: Unicode.Scalar, code: UInt16) throws {
        #expect(ShiftJIS.doubleByteCode(for: scalar) == code)
        let value = try #require(ShiftJIS.kanjiValue(for: scalar))
        #expect(ShiftJIS.code(forKanjiValue: value) == code)
        #expect(try QRSegment.kanji(String(scalar)).characterCount == 1)
    }

    /// Every 13-bit value whose code is mapped decodes to a character that
    /// encodes back to the first code holding it: the same value, unless an
    /// earlier code page 932 code already holds that character.
    @Test func kanjiEveryValueRoundTripsThroughShiftJIS() {
        var seen = Set<Unicode.Scalar>()
        for value in UInt16(0)...0x1FFF {
            let code = ShiftJIS.code(forKanjiValue: value)
            guard let scalar = ShiftJIS.scalar(forDoubleByte: code) else { continue }
            let label = "value \(value), U+\(String(scalar.value, radix: 16, uppercase: true))"
            if seen.insert(scalar).inserted {
                #expect(ShiftJIS.doubleByteCode(for: scalar) == code, "\(label)")
                #expect(ShiftJIS.kanjiValue(for: scalar) == value, "\(label)")
            } else {
                #expect(ShiftJIS.kanjiValue(for: scalar).map { $0 < value } == true, "\(label)")
            }
        }
        // JIS X 0208 has 6879 characters; code page 932 adds NEC row 13 (0x8740…0x879C).
        #expect(seen.count >= 6879)
    }

    @Test(arguments: [SegmentMode?.some(.kanji), nil])
    func kanjiSymbolCarriesThirteenBitValues(forcedMode: SegmentMode?) throws {
        let code =
            if let forcedMode {
                try QRCode(text: "点茗", mode: forcedMode, options: EncodingOptions(boostsCorrection: false))
            } else {
                try QRCode(text: "点茗", options: EncodingOptions(boostsCorrection: false, allowsKanjiMode: true))
            }
        let data = try Self.parsed(code)
        #expect(data.segments == [.kanji([0x0D9F, 0x1AAA])])
        #expect(data.bitsUsed == 4 + 8 + 26)
        #expect(data.text == "点茗")
    }

    /// Plain automatic mode keeps kanji in UTF-8 bytes, which every reader
    /// handles (OpenCV returns kanji segments as raw Shift JIS).
    @Test func automaticModeSendsKanjiToBytes() throws {
        let code = try QRCode(text: "点茗", options: EncodingOptions(boostsCorrection: false))
        let data = try Self.parsed(code)
        #expect(data.segments == [.bytes(Array("点茗".utf8))])
    }
}

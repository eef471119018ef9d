import Testing

@testable import QRCore

/// The largest text of each mode fits every version × level exactly, and one
/// character more throws ``QREncodingError/dataTooLong`` with the exact numbers
/// (ISO/IEC 18004:2015 §7.4, Tables 3 and 7).
struct CapacityBoundaryTests {
    static let modes: [SegmentMode] = [.numeric, .alphanumeric, .byte, .kanji]

    /// Table 7: data capacity in characters (numeric, alphanumeric, byte, kanji)
    /// for a selection of versions and levels.
    static let publishedCapacities: [(version: Int, level: ErrorCorrectionLevel, characters: [Int])] = [
        (1, .low, [41, 25, 17, 10]), (1, .medium, [34, 20, 14, 8]),
        (1, .quartile, [27, 16, 11, 7]), (1, .high, [17, 10, 7, 4]),
        (2, .low, [77, 47, 32, 20]), (2, .medium, [63, 38, 26, 16]),
        (2, .quartile, [48, 29, 20, 12]), (2, .high, [34, 20, 14, 8]),
        (3, .low, [127, 77, 53, 32]), (3, .high, [58, 35, 24, 15]),
        (4, .medium, [149, 90, 62, 38]), (5, .quartile, [144, 87, 60, 37]),
        (10, .low, [652, 395, 271, 167]), (10, .medium, [513, 311, 213, 131]),
        (10, .quartile, [364, 221, 151, 93]), (10, .high, [288, 174, 119, 74]),
        (20, .low, [2061, 1249, 858, 528]), (20, .high, [919, 557, 382, 235]),
        (40, .low, [7089, 4296, 2953, 1817]), (40, .medium, [5596, 3391, 2331, 1435]),
        (40, .quartile, [3993, 2420, 1663, 1024]), (40, .high, [3057, 1852, 1273, 784]),
    ]

    /// The public capacity API gives Table 7's numbers.
    @Test func capacityAPIMatchesTable7() {
        for entry in Self.publishedCapacities {
            let version = QRVersion(uncheckedNumber: entry.version)
            let characters = Self.modes.map { version.capacity(correctionLevel: entry.level, mode: $0).characters }
            #expect(characters == entry.characters, "version \(entry.version)-\(entry.level)")
            #expect(version.capacity(correctionLevel: entry.level, mode: .eci).characters == 0)
        }
    }

    /// At every version and level, the capacity in characters is exactly the
    /// boundary the encoder enforces (the tests below check that boundary).
    @Test func capacityAPIAgreesWithTheBoundaryEverywhere() {
        for version in QRVersion.all {
            for level in ErrorCorrectionLevel.allCases {
                let bits = Self.capacityBits(version.number, level)
                for mode in Self.modes {
                    let capacity = version.capacity(correctionLevel: level, mode: mode)
                    #expect(capacity.dataBits == bits)
                    #expect(capacity.characters == Self.maxCharacters(mode, version: version.number, bits: bits))
                }
            }
        }
    }

    /// The smallest version that holds a text is the one the encoder picks.
    @Test(arguments: [
        "", "0123456789", "HELLO WORLD", "https://example.com/ticket/8F3A", "Grüße 点茗",
        String(repeating: "0123456789", count: 300), String(repeating: "x", count: 2954),
    ])
    func smallestVersionIsTheEncodersChoice(text: String) throws {
        for level in ErrorCorrectionLevel.allCases {
            let options = EncodingOptions(correctionLevel: level, boostsCorrection: false)
            let smallest = QRVersion.smallest(holding: text, options: options)
            let encoded = try? QRCode(text: text, options: options)
            #expect(smallest == encoded?.version, "\(text.prefix(20)) at \(level)")
        }
    }

    /// Data capacity in bits of a version and level (Table 7, codewords × 8).
    static func capacityBits(_ version: Int, _ level: ErrorCorrectionLevel) -> Int {
        BlockStructure(version: QRVersion(uncheckedNumber: version), correctionLevel: level).dataBits
    }

    /// The most characters of `mode` that fit `bits` after the header at version `v`.
    static func maxCharacters(_ mode: SegmentMode, version v: Int, bits: Int) -> Int {
        let available = bits - 4 - EncoderReference.countWidth(mode, version: v)
        let count: Int
        switch mode {
        case .numeric: count = 3 * (available / 10) + [0, 0, 0, 0, 1, 1, 1, 2, 2, 2][available % 10]
        case .alphanumeric: count = 2 * (available / 11) + (available % 11 >= 6 ? 1 : 0)
        case .kanji: count = available / 13
        default: count = available / 8
        }
        return min(count, (1 << EncoderReference.countWidth(mode, version: v)) - 1)
    }

    /// `count` characters of `mode`, cycling through characters of the mode.
    static func text(_ mode: SegmentMode, count: Int) -> String {
        let alphabet: [Character]
        switch mode {
        case .numeric: alphabet = Array("0123456789")
        // All 45 characters, digits kept apart so that automatic
        // segmentation never finds a numeric run worth its own segment.
        case .alphanumeric: alphabet = Array("A0B1C2D3E4F5G6H7I8J9KLMNOPQRSTUVWXYZ $%*+-./:")
        case .kanji: alphabet = Array("点茗漢字日本語")
        default: alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        }
        return String((0..<count).map { alphabet[$0 % alphabet.count] })
    }

    // MARK: - Tests

    @Test func dataCodewordsPlusErrorCorrectionFillTable1() {
        for version in 1...40 {
            for level in ErrorCorrectionLevel.allCases {
                let blocks = BlockStructure(version: QRVersion(uncheckedNumber: version), correctionLevel: level)
                #expect(blocks.totalCodewords == EncoderReference.totalCodewords[version - 1])
                #expect(blocks.dataCodewords + blocks.ecCodewordsPerBlock * blocks.blockCount == blocks.totalCodewords)
                #expect(ReedSolomonEncoderTests.annexAGenerators.keys.contains(blocks.ecCodewordsPerBlock))
            }
        }
    }

    /// Table 9 rows as (blocks, total codewords, data codewords) per group.
    @Test(
        arguments: [
            (1, ErrorCorrectionLevel.medium, [(1, 26, 16)]),
            (5, .quartile, [(2, 33, 15), (2, 34, 16)]),
            (10, .medium, [(4, 69, 43), (1, 70, 44)]),
            (40, .high, [(20, 45, 15), (61, 46, 16)]),
        ] as [(Int, ErrorCorrectionLevel, [(Int, Int, Int)])])
    func blockStructureMatchesTable9(version: Int, level: ErrorCorrectionLevel, groups: [(Int, Int, Int)]) {
        let blocks = BlockStructure(version: QRVersion(uncheckedNumber: version), correctionLevel: level)
        let short = groups[0], long = groups.count > 1 ? groups[1] : (0, short.1 + 1, short.2 + 1)
        #expect(blocks.shortBlockCount == short.0 && blocks.longBlockCount == long.0)
        #expect(blocks.shortBlockDataCount == short.2)
        #expect(blocks.ecCodewordsPerBlock == short.1 - short.2)
        #expect(blocks.dataCodewords == short.0 * short.2 + long.0 * long.2)
    }

    @Test func capacityFallsWithEachHigherLevel() {
        for version in 1...40 {
            let bits = ErrorCorrectionLevel.allCases.map { Self.capacityBits(version, $0) }
            #expect(bits == bits.sorted(by: >) && Set(bits).count == 4, "version \(version): \(bits)")
        }
    }

    @Test func computedCapacitiesMatchPublishedTable7() {
        for entry in Self.publishedCapacities {
            let bits = Self.capacityBits(entry.version, entry.level)
            let computed = Self.modes.map { Self.maxCharacters($0, version: entry.version, bits: bits) }
            #expect(computed == entry.characters, "\(entry.version)-\(entry.level)")
        }
    }

    /// For one version: every level and mode, at the boundary and one past it.
    @Test(arguments: 1...40)
    func boundaryOfEveryLevelAndMode(version: Int) throws {
        let fixed = QRVersion(uncheckedNumber: version)
        for level in ErrorCorrectionLevel.allCases {
            let capacity = Self.capacityBits(version, level)
            for mode in Self.modes {
                let count = Self.maxCharacters(mode, version: version, bits: capacity)
                try checkBoundary(mode: mode, count: count, version: fixed, level: level, capacity: capacity)
            }
        }
    }

    private func checkBoundary(
        mode: SegmentMode, count: Int, version: QRVersion, level: ErrorCorrectionLevel,
        capacity: Int
    ) throws {
        let options = EncodingOptions(
            correctionLevel: level, versions: version...version, mask: 0, boostsCorrection: false)
        let label = "\(mode) × \(count) at \(version)-\(level)"
        let code = try QRCode(text: Self.text(mode, count: count), mode: mode, options: options)
        #expect(code.version == version, "\(label)")
        #expect(code.correctionLevel == level, "\(label)")
        let header = 4 + EncoderReference.countWidth(mode, version: version.number)
        let needed = header + EncoderReference.payloadBits(mode, count: count + 1)
        #expect(needed > capacity, "\(label): one more character should not fit")
        let expected = QREncodingError.dataTooLong(
            bitsNeeded: needed, capacityBits: capacity,
            version: version, correctionLevel: level)
        #expect(throws: expected, "\(label) + 1") {
            try QRCode(text: Self.text(mode, count: count + 1), mode: mode, options: options)
        }
    }

    /// Automatic segmentation of single-mode text reaches the same boundary
    /// (with kanji mode allowed, so that kanji text is not sent to byte mode).
    @Test(arguments: [1, 2, 9, 10, 26, 27, 40])
    func automaticModeReachesTheSameBoundary(version: Int) throws {
        let fixed = QRVersion(uncheckedNumber: version)
        for level in ErrorCorrectionLevel.allCases {
            let capacity = Self.capacityBits(version, level)
            for mode in Self.modes {
                let count = Self.maxCharacters(mode, version: version, bits: capacity)
                let options = EncodingOptions(
                    correctionLevel: level, versions: fixed...fixed, mask: 0,
                    boostsCorrection: false, allowsKanjiMode: true)
                let code = try QRCode(text: Self.text(mode, count: count), options: options)
                #expect(code.version == fixed)
                let needed =
                    4 + EncoderReference.countWidth(mode, version: version)
                    + EncoderReference.payloadBits(mode, count: count + 1)
                let expected = QREncodingError.dataTooLong(
                    bitsNeeded: needed, capacityBits: capacity,
                    version: fixed, correctionLevel: level)
                #expect(throws: expected, "\(mode) at \(version)-\(level)") {
                    try QRCode(text: Self.text(mode, count: count + 1), options: options)
                }
            }
        }
    }

    /// The boundary symbol carries exactly the text, read back from its modules.
    @Test(arguments: [(1, ErrorCorrectionLevel.low), (7, .quartile), (14, .medium), (27, .high), (40, .low)])
    func boundarySymbolsReadBack(version: Int, level: ErrorCorrectionLevel) throws {
        let fixed = QRVersion(uncheckedNumber: version)
        for mode in Self.modes {
            let count = Self.maxCharacters(mode, version: version, bits: Self.capacityBits(version, level))
            let text = Self.text(mode, count: count)
            let options = EncodingOptions(
                correctionLevel: level, versions: fixed...fixed, mask: 3, boostsCorrection: false)
            let code = try QRCode(text: text, mode: mode, options: options)
            let parsed = try #require(
                EncoderReference.parse(EncoderReference.dataCodewords(of: code), version: version))
            #expect(parsed.segments.map(\.mode) == [mode])
            #expect(parsed.text == text, "\(mode) at \(version)-\(level)")
            #expect(parsed.paddingIsValid)
        }
    }

    @Test func smallestVersionIsChosenWhenTheRangeIsOpen() throws {
        // 17 bytes fill 1-L exactly; 18 need version 2.
        let fits = try QRCode(
            text: Self.text(.byte, count: 17), mode: .byte,
            options: EncodingOptions(correctionLevel: .low, boostsCorrection: false))
        #expect(fits.version == 1)
        let next = try QRCode(
            text: Self.text(.byte, count: 18), mode: .byte,
            options: EncodingOptions(correctionLevel: .low, boostsCorrection: false))
        #expect(next.version == 2)
    }
}

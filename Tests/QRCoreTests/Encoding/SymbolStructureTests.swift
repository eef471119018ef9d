import QRCoreTestSupport
import Testing

@testable import QRCore

/// The layout of finished symbols for every version: function patterns where
/// ISO/IEC 18004:2015 §6.3 puts them, format and version information (§7.9,
/// §7.10), the raw data capacity of Table 1, and codewords that read back in
/// the placement order of §7.7.3 with the interleaving of §7.6.
struct SymbolStructureTests {
    /// A symbol of `version` holding seeded random data codewords.
    static func randomSymbol(
        version: Int, level: ErrorCorrectionLevel, mask: QRMask?
    ) throws -> (code: QRCode, data: [UInt8]) {
        let fixed = QRVersion(uncheckedNumber: version)
        var random = SeededRandom(seed: UInt64(version * 4 + level.rawValue))
        let count = BlockStructure(version: fixed, correctionLevel: level).dataCodewords
        let data = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        return (try QRCode(dataCodewords: data, version: fixed, correctionLevel: level, mask: mask), data)
    }

    static func level(for version: Int) -> ErrorCorrectionLevel { ErrorCorrectionLevel.allCases[version % 4] }

    // MARK: - Function patterns

    @Test(arguments: 1...40)
    func functionPatternsAreWhereISOPutsThem(version: Int) throws {
        let (code, _) = try Self.randomSymbol(
            version: version, level: Self.level(for: version),
            mask: QRMask.all[version % 8])
        let size = 17 + 4 * version
        #expect(code.size == size)
        #expect(code.version.number == version)
        for (x, y) in [(0, 0), (size - 7, 0), (0, size - 7)] { checkFinder(code, x: x, y: y) }
        checkSeparators(code)
        checkTiming(code)
        for centre in EncoderReference.alignmentCentres(version: version) { checkAlignment(code, centre) }
        #expect(code[8, size - 8], "the dark module at (8, 4V + 9)")
    }

    private func checkFinder(_ code: QRCode, x left: Int, y top: Int) {
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                #expect(code[left + dx, top + dy] == (ring != 2), "finder at (\(left), \(top)), module (\(dx), \(dy))")
            }
        }
    }

    /// The one-module light border of each finder, inside the symbol (§6.3.3).
    private func checkSeparators(_ code: QRCode) {
        let size = code.size
        for i in 0...7 {
            let positions = [(i, 7), (7, i), (size - 1 - i, 7), (size - 8, i), (i, size - 8), (7, size - 1 - i)]
            for (x, y) in positions { #expect(!code[x, y], "separator module (\(x), \(y))") }
        }
    }

    /// Row 6 and column 6 alternate between the finders, dark on even coordinates (§6.3.5).
    private func checkTiming(_ code: QRCode) {
        for i in 8...(code.size - 9) {
            #expect(code[i, 6] == (i % 2 == 0), "horizontal timing at x = \(i)")
            #expect(code[6, i] == (i % 2 == 0), "vertical timing at y = \(i)")
        }
    }

    /// 5 × 5: dark centre, light ring, dark ring (§6.3.6).
    private func checkAlignment(_ code: QRCode, _ centre: (x: Int, y: Int)) {
        for dy in -2...2 {
            for dx in -2...2 {
                #expect(
                    code[centre.x + dx, centre.y + dy] == (max(abs(dx), abs(dy)) != 1),
                    "alignment at \(centre), offset (\(dx), \(dy))")
            }
        }
    }

    @Test(arguments: 1...40)
    func formatAndVersionInformationAreDrawn(version: Int) throws {
        let level = Self.level(for: version)
        let mask = QRMask.all[(version * 3) % 8]
        let (code, _) = try Self.randomSymbol(version: version, level: level, mask: mask)
        let primary = EncoderReference.primaryFormatBits(code)
        #expect(primary == EncoderReference.secondaryFormatBits(code), "both format copies agree")
        let format = try #require(EncoderReference.format(ofBits: primary))
        #expect(format.level == level && format.mask == mask.number)
        #expect(code.correctionLevel == level && code.mask == mask)

        let versionBits = EncoderReference.versionBits(code)
        if version >= 7 {
            #expect(versionBits.bottomLeft == EncoderReference.versionTable[version - 7])
            #expect(versionBits.topRight == EncoderReference.versionTable[version - 7])
        }
    }

    @Test(arguments: 1...40)
    func encoderFunctionMapMatchesTheReference(version: Int) {
        let template = SymbolTemplate.of(QRVersion(uncheckedNumber: version))
        let reference = EncoderReference.functionMap(version: version)
        var differing = 0
        for y in reference.indices {
            for x in reference.indices where template.function[x, y] != reference[y][x] { differing += 1 }
        }
        #expect(differing == 0, "\(differing) modules differ in version \(version)")
        let order = EncoderReference.placementOrder(version: version)
        #expect(
            template.dataOrder.map { Int($0) } == order.map { $0.x | $0.y << 8 },
            "placement order of version \(version)")
    }

    // MARK: - Alignment pattern table

    @Test func versionTableHasOneRowPerVersionInOrder() {
        for version in QRVersion.all {
            let record = VersionRecord.of(version)
            #expect(record.version == version.number)
            #expect(record.blocks.count == ErrorCorrectionLevel.allCases.count)
        }
    }

    @Test func alignmentCentresFollowAnnexE() {
        let published: [Int: [Int]] = [
            1: [], 2: [6, 18], 6: [6, 34], 7: [6, 22, 38], 14: [6, 26, 46, 66], 21: [6, 28, 50, 72, 94],
            32: [6, 34, 60, 86, 112, 138], 36: [6, 24, 50, 76, 102, 128, 154], 40: [6, 30, 58, 86, 114, 142, 170],
        ]
        for (version, centres) in published {
            #expect(VersionRecord.of(QRVersion(uncheckedNumber: version)).alignmentCentres == centres)
        }
        for version in 2...40 {
            let centres = VersionRecord.of(QRVersion(uncheckedNumber: version)).alignmentCentres
            let size = 17 + 4 * version
            #expect(centres.count == version / 7 + 2, "version \(version)")
            #expect(centres.first == 6 && centres.last == size - 7, "version \(version)")
            // Even, equal spacing after the first gap, which takes up the slack (§6.3.6).
            let gaps = zip(centres.dropFirst(), centres).map { $0 - $1 }
            #expect(gaps.allSatisfy { $0 % 2 == 0 }, "version \(version): \(gaps)")
            #expect(Set(gaps.dropFirst()).count <= 1, "version \(version): \(gaps)")
        }
        let drawn = (1...40).map { EncoderReference.alignmentCentres(version: $0).count }
        #expect(drawn[0] == 0 && drawn[1] == 1 && drawn[6] == 6 && drawn[39] == 46)
    }

    // MARK: - Capacity

    @Test func rawDataModulesMatchTable1() {
        for version in 1...40 {
            let expected = EncoderReference.rawDataModules(version: version)
            #expect(QRSpec.rawDataModules(QRVersion(uncheckedNumber: version)) == expected, "version \(version)")
            let map = EncoderReference.functionMap(version: version)
            #expect(map.joined().filter { !$0 }.count == expected, "version \(version)")
            #expect(SymbolTemplate.of(QRVersion(uncheckedNumber: version)).dataOrder.count == expected)
        }
        #expect(EncoderReference.rawDataModules(version: 1) == 208)
        #expect(EncoderReference.rawDataModules(version: 2) == 359)
        #expect(EncoderReference.rawDataModules(version: 7) == 1568)
        #expect(EncoderReference.rawDataModules(version: 40) == 29648)
    }

    // MARK: - Codewords in placement order

    /// For every version and level: the modules, unmasked and read in
    /// placement order, de-interleave into the data given and the Reed–Solomon
    /// codewords of each block; remainder bits are zero.
    @Test(arguments: 1...40)
    func codewordsReadBackForEveryLevel(version: Int) throws {
        for level in ErrorCorrectionLevel.allCases {
            let (code, data) = try Self.randomSymbol(version: version, level: level, mask: QRMask.all[version % 8])
            let readBack = EncoderReference.readCodewords(code)
            #expect(readBack.codewords.count == EncoderReference.totalCodewords[version - 1])
            #expect(
                readBack.remainder == [Bool](repeating: false, count: EncoderReference.remainderBits(version: version)))
            let blocks = EncoderReference.blocks(of: code)
            #expect(blocks.flatMap(\.data) == data, "\(version)-\(level)")
            for (index, block) in blocks.enumerated() {
                #expect(
                    block.ec == EncoderReference.errorCorrection(block.data, degree: block.ec.count),
                    "\(version)-\(level) block \(index)")
            }
            let dataLengths = blocks.map(\.data.count)
            #expect(
                (dataLengths.max() ?? 0) - (dataLengths.min() ?? 0) <= 1, "Table 9 block lengths differ by one at most")
        }
    }

    @Test func automaticMaskSymbolsKeepTheirStructure() throws {
        for (text, minimum) in [("HELLO WORLD", 1), (String(repeating: "Structure 漢字 0123 ", count: 30), 14)] {
            let versions = QRVersion(uncheckedNumber: minimum)...QRVersion.max
            let code = try QRCode(text: text, options: EncodingOptions(correctionLevel: .medium, versions: versions))
            #expect(code.version.number >= minimum)
            for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] { checkFinder(code, x: x, y: y) }
            checkTiming(code)
            let parsed = try #require(
                EncoderReference.parse(
                    EncoderReference.dataCodewords(of: code),
                    version: code.version.number))
            #expect(parsed.text == text)
        }
    }

    @Test func modulesOutsideFunctionPatternsDependOnTheMask() throws {
        // The same data under two masks differs exactly on the modules where
        // one mask inverts and the other does not — all of them data modules.
        let (first, _) = try Self.randomSymbol(version: 5, level: .quartile, mask: 1)
        let (second, _) = try Self.randomSymbol(version: 5, level: .quartile, mask: 6)
        let map = EncoderReference.functionMap(version: 5)
        for y in 0..<first.size {
            for x in 0..<first.size where !map[y][x] {
                let expected =
                    EncoderReference.maskInverts(1, row: y, column: x)
                    != EncoderReference.maskInverts(6, row: y, column: x)
                #expect((first[x, y] != second[x, y]) == expected, "module (\(x), \(y))")
            }
        }
    }
}

import QRCoreTestSupport
import Testing

@testable import QRCore

/// Format information (§7.9, Annex C) and version information (§7.10, Annex D):
/// codewords against the published tables and error-tolerant decoding.
struct FormatVersionInformationTests {
    // MARK: - Format information

    @Test func referenceDivisionReproducesTableC1() {
        for level in ErrorCorrectionLevel.allCases {
            for mask in 0..<8 {
                #expect(
                    EncoderReference.formatCodeword(level, mask: mask) == EncoderReference.formatTable[level]![mask],
                    "\(level) mask \(mask)")
            }
        }
    }

    @Test func all32FormatCodewordsMatchTableC1() {
        for level in ErrorCorrectionLevel.allCases {
            for mask in QRMask.all {
                let format = FormatInformation(correctionLevel: level, mask: mask)
                #expect(format.bits == EncoderReference.formatTable[level]![mask.number], "\(level) mask \(mask)")
            }
        }
        #expect(FormatInformation.codewords.count == 32)
        #expect(Set(FormatInformation.codewords).count == 32)
    }

    @Test func spotChecksFromTheStandard() {
        #expect(FormatInformation(correctionLevel: .low, mask: 0).bits == 0x77C4)
        #expect(FormatInformation(correctionLevel: .medium, mask: 0).bits == 0x5412)
        #expect(FormatInformation(correctionLevel: .quartile, mask: 0).bits == 0x355F)
        #expect(FormatInformation(correctionLevel: .high, mask: 0).bits == 0x1689)
        #expect(FormatInformation(correctionLevel: .high, mask: 7).bits == 0x083B)
        #expect(FormatInformation(correctionLevel: .low, mask: 4).bits == 0x662F)
    }

    @Test func levelIndicatorsFollowTable12() {
        for level in ErrorCorrectionLevel.allCases {
            #expect(level.formatBits == EncoderReference.levelIndicator(level))
            #expect(ErrorCorrectionLevel(formatBits: level.formatBits) == level)
        }
    }

    @Test func formatCodeHasMinimumDistanceSeven() {
        let codewords = FormatInformation.codewords
        var minimum = Int.max
        for i in codewords.indices {
            for j in codewords.indices where j > i {
                minimum = min(minimum, (codewords[i] ^ codewords[j]).nonzeroBitCount)
            }
        }
        #expect(minimum == 7)
    }

    @Test func formatDecodeCorrectsEveryPatternOfUpToThreeErrors() {
        let patterns = Self.errorPatterns(width: 15, maxWeight: 3)
        #expect(patterns.count == 1 + 15 + 105 + 455)
        for level in ErrorCorrectionLevel.allCases {
            for mask in QRMask.all {
                let codeword = FormatInformation(correctionLevel: level, mask: mask).bits
                for pattern in patterns {
                    let decoded = Self.decodeFormat(codeword ^ pattern)
                    #expect(decoded?.format == FormatInformation(correctionLevel: level, mask: mask))
                    #expect(decoded?.distance == pattern.nonzeroBitCount)
                }
            }
        }
    }

    /// Four errors can never be mistaken for the original (distance 4 > 3);
    /// the result is either a refusal or, rarely, another codeword within 3.
    @Test func formatDecodeNeverReturnsTheOriginalAfterFourErrors() {
        var refused = 0, miscorrected = 0
        for (data, codeword) in FormatInformation.codewords.enumerated() {
            for pattern in Self.errorPatterns(width: 15, maxWeight: 4) where pattern.nonzeroBitCount == 4 {
                guard let decoded = Self.decodeFormat(codeword ^ pattern) else {
                    refused += 1
                    continue
                }
                miscorrected += 1
                let decodedData = decoded.format.correctionLevel.formatBits << 3 | decoded.format.mask.number
                #expect(decodedData != data)
                #expect(decoded.distance <= 3)
                #expect(
                    (FormatInformation.codewords[decodedData] ^ codeword ^ pattern).nonzeroBitCount == decoded.distance)
            }
        }
        #expect(refused + miscorrected == 32 * 1365)
        #expect(refused > 0)
    }

    /// Exhaustively over all 2¹⁵ words: decoding yields the nearest codeword
    /// exactly when one lies within distance 3, and refuses otherwise.
    @Test func formatDecodeOverEveryFifteenBitWord() {
        var refusals = 0
        for bits in 0..<(1 << 15) {
            let distances = FormatInformation.codewords.map { ($0 ^ bits).nonzeroBitCount }
            let nearest = distances.min()!
            let decoded = Self.decodeFormat(bits)
            if nearest <= 3 {
                let data = distances.firstIndex(of: nearest)!
                #expect(decoded?.format.correctionLevel.formatBits == data >> 3)
                #expect(decoded?.format.mask.number == data & 7)
                #expect(decoded?.distance == nearest)
            } else {
                #expect(decoded == nil, "word \(bits) is \(nearest) bits from every codeword")
                refusals += 1
            }
        }
        #expect(refusals > 0)
    }

    // MARK: - Version information

    @Test func referenceDivisionReproducesTableD1() {
        for version in 7...40 {
            #expect(
                EncoderReference.versionCodeword(version) == EncoderReference.versionTable[version - 7],
                "version \(version)")
        }
    }

    @Test func all34VersionCodewordsMatchTableD1() {
        for number in 7...40 {
            let version = QRVersion(uncheckedNumber: number)
            #expect(
                VersionInformation.codeword(for: version) == EncoderReference.versionTable[number - 7],
                "version \(number)")
        }
        #expect(VersionInformation.codeword(for: 7) == 0x07C94)
        #expect(VersionInformation.codeword(for: 8) == 0x085BC)
        #expect(VersionInformation.codeword(for: 40) == 0x28C69)
    }

    @Test func versionCodeHasMinimumDistanceEight() {
        let codewords = EncoderReference.versionTable
        var minimum = Int.max
        for i in codewords.indices {
            for j in codewords.indices where j > i {
                minimum = min(minimum, (codewords[i] ^ codewords[j]).nonzeroBitCount)
            }
        }
        #expect(minimum == 8)
    }

    @Test func versionDecodeCorrectsUpToThreeErrors() {
        let patterns = Self.errorPatterns(width: 18, maxWeight: 3)
        #expect(patterns.count == 1 + 18 + 153 + 816)
        for number in 7...40 {
            let codeword = EncoderReference.versionTable[number - 7]
            // Every pattern for a few versions, a seeded sample for the rest, to keep the suite fast.
            let sample =
                [7, 21, 40].contains(number)
                ? patterns
                : Self.sample(patterns, count: 120, seed: UInt64(number))
            for pattern in sample {
                let decoded = Self.decodeVersion(codeword ^ pattern)
                #expect(decoded?.version.number == number)
                #expect(decoded?.distance == pattern.nonzeroBitCount)
            }
        }
    }

    /// Four to nine random errors: never the original, and any answer is within 3 of what was read.
    @Test func versionDecodeNeverReturnsTheOriginalAfterFourOrMoreErrors() {
        var random = SeededRandom(seed: 18)
        for number in 7...40 {
            let codeword = EncoderReference.versionTable[number - 7]
            for _ in 0..<200 {
                let weight = Int.random(in: 4...9, using: &random)
                var pattern = 0
                while pattern.nonzeroBitCount < weight { pattern |= 1 << Int.random(in: 0..<18, using: &random) }
                if let decoded = Self.decodeVersion(codeword ^ pattern) {
                    #expect(decoded.version.number != number)
                    #expect(decoded.distance <= 3)
                    let other = EncoderReference.versionTable[decoded.version.number - 7]
                    #expect((other ^ codeword ^ pattern).nonzeroBitCount == decoded.distance)
                }
            }
        }
    }

    // MARK: - Helpers

    /// One copy of the format information read as SymbolInformation reads
    /// it: the nearest codeword, trusted within 3 bits.
    static func decodeFormat(_ bits: Int) -> (format: FormatInformation, distance: Int)? {
        let match = BCH.nearest(to: bits, among: FormatInformation.codewords)
        guard match.distance <= 3 else { return nil }
        let format = FormatInformation(
            correctionLevel: ErrorCorrectionLevel(formatBits: match.index >> 3),
            mask: QRMask(uncheckedNumber: match.index & 7))
        return (format, match.distance)
    }

    /// One version information block read the same way.
    static func decodeVersion(_ bits: Int) -> (version: QRVersion, distance: Int)? {
        let match = BCH.nearest(to: bits, among: VersionInformation.codewords)
        guard match.distance <= 3 else { return nil }
        return (QRVersion(uncheckedNumber: 7 + match.index), match.distance)
    }

    /// Every bit pattern of `width` bits with at most `maxWeight` bits set.
    static func errorPatterns(width: Int, maxWeight: Int) -> [Int] {
        var patterns = [0]
        func extend(_ pattern: Int, from bit: Int, weight: Int) {
            guard weight < maxWeight else { return }
            for next in bit..<width {
                let extended = pattern | 1 << next
                patterns.append(extended)
                extend(extended, from: next + 1, weight: weight + 1)
            }
        }
        extend(0, from: 0, weight: 0)
        return patterns
    }

    static func sample(_ patterns: [Int], count: Int, seed: UInt64) -> [Int] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in patterns.randomElement(using: &random)! }
    }
}

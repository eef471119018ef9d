import QRCoreTestSupport
import Testing

@testable import QRCore

/// The decoder against blocks made by our encoder, with errors and erasures
/// placed by a seeded generator: exactly t = ⌊n/2⌋ errors are corrected,
/// t + 1 are detected (Reed–Solomon can miscorrect t + 1 errors into another
/// codeword, rarely at q = 256, so detection is asserted for the vast majority
/// and a miscorrection must at least be a codeword), and 2e + f ≤ n with erasures.
struct ReedSolomonDecoderTests {
    /// The EC lengths of Table 9.
    static let degrees = [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30]

    /// A random valid block of `ecCount` EC codewords and at most 255 codewords in all.
    static func randomBlock(ecCount: Int, using random: inout SeededRandom) -> [UInt8] {
        let dataCount = Int.random(in: 1...(255 - ecCount), using: &random)
        let data = (0..<dataCount).map { _ in UInt8.random(in: 0...255, using: &random) }
        return data + ReedSolomonEncoder.remainder(of: data[...], degree: ecCount)
    }

    /// XORs a random non-zero value into `count` distinct random positions; returns them.
    static func corrupt(_ block: inout [UInt8], count: Int, using random: inout SeededRandom) -> [Int] {
        let positions = Array((0..<block.count).shuffled(using: &random).prefix(count))
        for position in positions { block[position] ^= UInt8.random(in: 1...255, using: &random) }
        return positions
    }

    @Test func cleanBlockNeedsNoCorrection() throws {
        var random = SeededRandom(seed: 1)
        for degree in Self.degrees {
            var block = Self.randomBlock(ecCount: degree, using: &random)
            let original = block
            #expect(try ReedSolomonDecoder.correct(&block, ecCount: degree) == 0)
            #expect(block == original)
        }
    }

    @Test(arguments: degrees)
    func correctsUpToHalfTheECCodewords(degree: Int) throws {
        var random = SeededRandom(seed: UInt64(degree))
        for trial in 0..<100 {
            let original = Self.randomBlock(ecCount: degree, using: &random)
            var block = original
            let errors = 1 + trial % (degree / 2)
            _ = Self.corrupt(&block, count: errors, using: &random)
            #expect(try ReedSolomonDecoder.correct(&block, ecCount: degree) == errors)
            #expect(block == original)
        }
    }

    @Test(arguments: degrees)
    func exactlyHalfPlusOneErrorsAreDetected(degree: Int) {
        var random = SeededRandom(seed: 1000 + UInt64(degree))
        let trials = 200
        var detected = 0, miscorrected = 0
        for _ in 0..<trials {
            let original = Self.randomBlock(ecCount: degree, using: &random)
            var block = original
            _ = Self.corrupt(&block, count: degree / 2 + 1, using: &random)
            let received = block
            do {
                try ReedSolomonDecoder.correct(&block, ecCount: degree)
                miscorrected += 1
                #expect(block != original)
                let data = block.prefix(block.count - degree)
                #expect(
                    Array(block.suffix(degree)) == ReedSolomonEncoder.remainder(of: data, degree: degree),
                    "a miscorrection must still be a codeword")
            } catch {
                detected += 1
                #expect(block == received, "a failed correctionLevel leaves the block as it was")
            }
        }
        #expect(detected + miscorrected == trials)
        #expect(miscorrected * 100 <= trials, "\(miscorrected) of \(trials) miscorrected")
    }

    @Test(arguments: degrees)
    func correctsErrorsAndErasuresWithinTheBound(degree: Int) throws {
        var random = SeededRandom(seed: 2000 + UInt64(degree))
        for trial in 0..<100 {
            let original = Self.randomBlock(ecCount: degree, using: &random)
            var block = original
            let erasureCount = trial % (degree + 1)
            let errorCount = Int.random(in: 0...((degree - erasureCount) / 2), using: &random)
            let positions = Array((0..<block.count).shuffled(using: &random).prefix(erasureCount + errorCount))
            // Erased codewords are usually, not always, wrong: half of them keep their value.
            var changed = 0
            for (i, position) in positions.enumerated() where i >= erasureCount || Bool.random(using: &random) {
                block[position] ^= UInt8.random(in: 1...255, using: &random)
                changed += 1
            }
            let erasures = Array(positions.prefix(erasureCount))
            #expect(try ReedSolomonDecoder.correct(&block, ecCount: degree, erasures: erasures) == changed)
            #expect(block == original)
        }
    }

    @Test func moreErasuresThanECCodewordsAreRejected() {
        var random = SeededRandom(seed: 3)
        var block = Self.randomBlock(ecCount: 10, using: &random)
        _ = Self.corrupt(&block, count: 1, using: &random)
        #expect(throws: ReedSolomonDecoder.Failure.tooManyErasures(erasures: 11, ecCodewords: 10)) {
            try ReedSolomonDecoder.correct(&block, ecCount: 10, erasures: Array(0..<11))
        }
    }

    @Test func errorsBeyondTheBoundWithErasuresAreDetected() {
        var random = SeededRandom(seed: 4)
        var detected = 0
        for _ in 0..<200 {
            let original = Self.randomBlock(ecCount: 16, using: &random)
            var block = original
            // 6 erasures and 6 more errors: 2·6 + 6 = 18 > 16.
            let positions = Self.corrupt(&block, count: 12, using: &random)
            do {
                try ReedSolomonDecoder.correct(&block, ecCount: 16, erasures: Array(positions.prefix(6)))
                #expect(block != original)
            } catch {
                detected += 1
            }
        }
        #expect(detected >= 198)
    }
}

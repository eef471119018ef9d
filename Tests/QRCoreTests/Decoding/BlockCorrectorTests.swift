import QRCoreTestSupport
import Testing

@testable import QRCore

extension DecodingTests {
    /// Damage aimed at codewords of chosen blocks: each block corrects
    /// t = ⌊n/2⌋ wrong codewords, fails (never returns other text) at t + 1, and
    /// with uncertain modules as erasures corrects e errors and f erasures when
    /// f ≤ n/2 and 2e + f ≤ n − 2 (the margin that keeps garbage detectable).
    struct BlockCorrectorTests {
        static let cases: [(version: Int, correctionLevel: ErrorCorrectionLevel)] = [
            (1, .low), (1, .high), (2, .medium), (5, .quartile), (7, .high), (10, .low),
            (15, .medium), (22, .quartile), (31, .high), (40, .low), (40, .high),
        ]

        static func symbol(
            version number: Int, correctionLevel: ErrorCorrectionLevel,
            using random: inout SeededRandom
        ) throws -> (code: QRCode, text: String) {
            let version = try QRVersion(number: number)
            let (segments, text) = DecodingTestSupport.mixedPayload(
                version: version, correctionLevel: correctionLevel,
                using: &random)
            let mask = QRMask.all[number % 8]
            let code = try DecodingTestSupport.symbol(
                segments, version: version, correctionLevel: correctionLevel, mask: mask)
            return (code, text)
        }

        @Test(arguments: cases)
        func correctsHalfTheECCodewordsInEveryBlock(version: Int, correctionLevel: ErrorCorrectionLevel) throws {
            var random = SeededRandom(seed: UInt64(version * 4 + correctionLevel.rawValue))
            let (code, text) = try Self.symbol(version: version, correctionLevel: correctionLevel, using: &random)
            let t = BlockStructure(version: code.version, correctionLevel: correctionLevel).ecCodewordsPerBlock / 2
            var grid = code.modules
            let damaged = DecodingTestSupport.damage(
                &grid, codewordsPerBlock: { _ in t }, version: code.version,
                correctionLevel: correctionLevel, using: &random)
            let symbol = try QRDecoder.decode(grid)
            #expect(symbol.text == text)
            #expect(symbol.errorsCorrected == damaged.joined().count)
        }

        @Test(arguments: cases)
        func oneMoreWrongCodewordInABlockFails(version: Int, correctionLevel: ErrorCorrectionLevel) throws {
            var random = SeededRandom(seed: 100 + UInt64(version * 4 + correctionLevel.rawValue))
            let (code, text) = try Self.symbol(version: version, correctionLevel: correctionLevel, using: &random)
            let blocks = BlockStructure(version: code.version, correctionLevel: correctionLevel)
            let t = blocks.ecCodewordsPerBlock / 2
            let victim = Int.random(in: 0..<blocks.blockCount, using: &random)
            var grid = code.modules
            DecodingTestSupport.damage(
                &grid, codewordsPerBlock: { $0 == victim ? t + 1 : t }, version: code.version,
                correctionLevel: correctionLevel, using: &random)
            do {
                let symbol = try QRDecoder.decode(grid)
                #expect(symbol.text == text, "t + 1 errors must never decode to other text")
                Issue.record("block \(victim) with t + 1 = \(t + 1) wrong codewords decoded (to the right text)")
            } catch {
                guard case let .uncorrectableBlock(block, count, ec, _) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(block == victim && count == blocks.blockCount && ec == blocks.ecCodewordsPerBlock)
            }
        }

        @Test(arguments: cases)
        func uncertainModulesBecomeErasures(version: Int, correctionLevel: ErrorCorrectionLevel) throws {
            var random = SeededRandom(seed: 200 + UInt64(version * 4 + correctionLevel.rawValue))
            let (code, text) = try Self.symbol(version: version, correctionLevel: correctionLevel, using: &random)
            let blocks = BlockStructure(version: code.version, correctionLevel: correctionLevel)
            let template = SymbolTemplate.of(code.version)
            let n = blocks.ecCodewordsPerBlock
            var grid = code.modules, uncertain = BitMatrix(size: code.size)
            var wrong = 0
            // f = ⌊n/2⌋ flagged wrong codewords and e = ⌊(n − 2 − f)/2⌋ unflagged
            // ones: f + e > ⌊n/2⌋ is beyond errors-only decoding, while
            // 2e + f ≤ n − 2 keeps the margin that erasure decoding demands.
            let f = n / 2, e = (n - 2 - f) / 2
            for block in 0..<blocks.blockCount {
                let length = blocks.dataCount(ofBlock: block) + n
                let chosen = Array((0..<length).shuffled(using: &random).prefix(f + e))
                for (k, codeword) in chosen.enumerated() {
                    let modules = DecodingTestSupport.modules(
                        ofCodeword: codeword, inBlock: block, blocks: blocks,
                        template: template)
                    grid[modules[k % 8].x, modules[k % 8].y].toggle()
                    wrong += 1
                    if k >= e { uncertain[modules[(k + 3) % 8].x, modules[(k + 3) % 8].y] = true }
                }
            }
            #expect(throws: QRDecodingError.self) { try QRDecoder.decode(grid) }
            let symbol = try QRDecoder.decode(grid, uncertain: uncertain)
            #expect(symbol.text == text)
            #expect(symbol.errorsCorrected == wrong)
        }

        @Test func slotsInvertTheEncodersInterleaving() {
            for version in QRVersion.all {
                for correctionLevel in ErrorCorrectionLevel.allCases {
                    let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
                    var seen = [Bool](repeating: false, count: blocks.totalCodewords)
                    for block in 0..<blocks.blockCount {
                        for i in 0..<(blocks.dataCount(ofBlock: block) + blocks.ecCodewordsPerBlock) {
                            seen[BlockCorrector.slot(of: i, inBlock: block, blocks: blocks)] = true
                        }
                    }
                    #expect(seen.allSatisfy { $0 }, "v\(version)-\(correctionLevel)")
                }
            }
        }
    }
}

import Testing
@testable import QRCore

extension DecodingTests {
    /// Damage aimed at codewords of chosen blocks: each block corrects
    /// t = ⌊n/2⌋ wrong codewords, fails (never returns other text) at t + 1, and
    /// with uncertain modules as erasures corrects e errors and f erasures when
    /// 2e + f ≤ n.
    struct BlockCorrectorTests {
        static let cases: [(version: Int, correction: ErrorCorrection)] = [
            (1, .low), (1, .high), (2, .medium), (5, .quartile), (7, .high), (10, .low),
            (15, .medium), (22, .quartile), (31, .high), (40, .low), (40, .high),
        ]

        static func symbol(version number: Int, correction: ErrorCorrection,
                           using random: inout SplitMix64) throws -> (code: QRCode, text: String) {
            let version = try QRVersion(number)
            let (segments, text) = DecodingTestSupport.mixedPayload(version: version, correction: correction,
                                                                    using: &random)
            let mask = QRMask.all[number % 8]
            let code = try DecodingTestSupport.symbol(segments, version: version, correction: correction, mask: mask)
            return (code, text)
        }

        @Test(arguments: cases)
        func correctsHalfTheECCodewordsInEveryBlock(version: Int, correction: ErrorCorrection) throws {
            var random = SplitMix64(seed: UInt64(version * 4 + correction.rawValue))
            let (code, text) = try Self.symbol(version: version, correction: correction, using: &random)
            let t = BlockStructure(version: code.version, correction: correction).ecCodewordsPerBlock / 2
            var grid = code.modules
            let damaged = DecodingTestSupport.damage(&grid, codewordsPerBlock: { _ in t }, version: code.version,
                                                     correction: correction, using: &random)
            let symbol = try QRDecoder.decode(grid)
            #expect(symbol.text == text)
            #expect(symbol.errorsCorrected == damaged.joined().count)
        }

        @Test(arguments: cases)
        func oneMoreWrongCodewordInABlockFails(version: Int, correction: ErrorCorrection) throws {
            var random = SplitMix64(seed: 100 + UInt64(version * 4 + correction.rawValue))
            let (code, text) = try Self.symbol(version: version, correction: correction, using: &random)
            let blocks = BlockStructure(version: code.version, correction: correction)
            let t = blocks.ecCodewordsPerBlock / 2
            let victim = Int.random(in: 0..<blocks.blockCount, using: &random)
            var grid = code.modules
            DecodingTestSupport.damage(&grid, codewordsPerBlock: { $0 == victim ? t + 1 : t }, version: code.version,
                                       correction: correction, using: &random)
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
        func uncertainModulesBecomeErasures(version: Int, correction: ErrorCorrection) throws {
            var random = SplitMix64(seed: 200 + UInt64(version * 4 + correction.rawValue))
            let (code, text) = try Self.symbol(version: version, correction: correction, using: &random)
            let blocks = BlockStructure(version: code.version, correction: correction)
            let template = SymbolTemplate.of(code.version)
            let n = blocks.ecCodewordsPerBlock
            var grid = code.modules, uncertain = BitMatrix(size: code.size)
            var wrong = 0
            for block in 0..<blocks.blockCount {
                // One unflagged error and n − 2 flagged codewords: 2·1 + (n − 2) = n,
                // beyond errors-only decoding when n − 1 > ⌊n/2⌋. Every other flagged
                // codeword is right, as the sampler's doubts often are.
                let length = blocks.dataCount(ofBlock: block) + n
                let chosen = Array((0..<length).shuffled(using: &random).prefix(n - 1))
                for (k, codeword) in chosen.enumerated() {
                    let modules = DecodingTestSupport.modules(ofCodeword: codeword, inBlock: block, blocks: blocks,
                                                              template: template)
                    let flagged = k > 0, flipped = k == 0 || k % 2 == 1 || k < n / 2 + 1
                    if flipped {
                        grid[modules[k % 8].x, modules[k % 8].y].toggle()
                        wrong += 1
                    }
                    if flagged { uncertain[modules[(k + 3) % 8].x, modules[(k + 3) % 8].y] = true }
                }
            }
            #expect(throws: DecodingError.self) { try QRDecoder.decode(grid) }
            let symbol = try QRDecoder.decode(grid, uncertain: uncertain)
            #expect(symbol.text == text)
            #expect(symbol.errorsCorrected == wrong)
        }

        @Test func slotsInvertTheEncodersInterleaving() {
            for version in QRVersion.all {
                for correction in ErrorCorrection.allCases {
                    let blocks = BlockStructure(version: version, correction: correction)
                    var seen = [Bool](repeating: false, count: blocks.totalCodewords)
                    for block in 0..<blocks.blockCount {
                        for i in 0..<(blocks.dataCount(ofBlock: block) + blocks.ecCodewordsPerBlock) {
                            seen[BlockCorrector.slot(of: i, inBlock: block, blocks: blocks)] = true
                        }
                    }
                    #expect(seen.allSatisfy { $0 }, "v\(version)-\(correction)")
                }
            }
        }
    }
}

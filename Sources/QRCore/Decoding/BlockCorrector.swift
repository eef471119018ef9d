/// Splits a symbol's codewords into its Reed–Solomon blocks, corrects each
/// block and joins their data codewords (ISO/IEC 18004:2015 §7.5.1 Table 9,
/// §7.6): the inverse of ``SymbolBuilder/interleave(_:blocks:)``.
enum BlockCorrector {
    /// The data codewords of the symbol after correction, and the number of
    /// codewords changed.
    ///
    /// Blocks with uncertain codewords are first corrected as if all their
    /// codewords were ordinary, and only if that fails with the uncertain
    /// ones as erasures. Most uncertain modules are read right, and an erasure
    /// spends one EC codeword even when the codeword was right, while an
    /// error spends two only when it is wrong: so errors-only decoding
    /// reaches further when few uncertain codewords are wrong, keeps the
    /// allocation-free path for clean blocks, and a block with more uncertain
    /// codewords than EC codewords is still decodable. Erasures then rescue
    /// blocks whose wrong codewords are mostly among the uncertain ones.
    /// - Parameters:
    ///   - codewords: all codewords in placement order.
    ///   - uncertain: per codeword, non-zero if any of its modules is uncertain.
    /// - Throws: ``QRDecodingError/uncorrectableBlock(block:blockCount:ecCodewords:reason:)``.
    static func correctedData(
        _ codewords: [UInt8], uncertain: [UInt8]?,
        blocks: BlockStructure
    ) throws(QRDecodingError) -> (data: [UInt8], corrected: Int) {
        precondition(codewords.count == blocks.totalCodewords, "codeword count does not match the block structure")
        let ecCount = blocks.ecCodewordsPerBlock
        var data: [UInt8] = []
        data.reserveCapacity(blocks.dataCodewords)
        var block = [UInt8](repeating: 0, count: blocks.shortBlockDataCount + 1 + ecCount)
        var corrected = 0
        for index in 0..<blocks.blockCount {
            let dataCount = blocks.dataCount(ofBlock: index)
            let length = dataCount + ecCount
            for i in 0..<length { block[i] = codewords[slot(of: i, inBlock: index, blocks: blocks)] }
            let erasures =
                uncertain.map {
                    uncertainPositions(in: index, length: length, uncertain: $0, blocks: blocks)
                } ?? []
            do throws(ReedSolomonDecoder.Failure) {
                corrected += try correct(&block, length: length, ecCount: ecCount, erasures: erasures)
            } catch {
                throw .uncorrectableBlock(
                    block: index, blockCount: blocks.blockCount, ecCodewords: ecCount,
                    reason: error.description)
            }
            data.append(contentsOf: block[0..<dataCount])
        }
        return (data, corrected)
    }

    /// Corrects the first `length` codewords of `buffer`: errors only, then
    /// with the erasures if there are any and that failed.
    ///
    /// Erasure decoding trades detection for correction: with f erasures
    /// and e further errors it succeeds whenever 2e + f ≤ n, and at f = n
    /// *every* word decodes, to whatever codeword agrees with the unerased
    /// part. A noisy image yields many uncertain modules and many candidate
    /// grids, so erasures are used only while enough redundancy is left to
    /// notice garbage: f ≤ n/2 and, after correction, 2e + f ≤ n − 2, which
    /// leaves a random word at most about one chance in a million (n = 7)
    /// of passing.
    private static func correct(
        _ buffer: inout [UInt8], length: Int, ecCount: Int,
        erasures: [Int]
    ) throws(ReedSolomonDecoder.Failure) -> Int {
        let received = Array(buffer[0..<length])
        return try buffer.withUnsafeMutableBufferPointer { (all) throws(ReedSolomonDecoder.Failure) -> Int in
            let block = UnsafeMutableBufferPointer(rebasing: all[0..<length])
            do throws(ReedSolomonDecoder.Failure) {
                return try ReedSolomonDecoder.correct(block, ecCount: ecCount)
            } catch {
                guard !erasures.isEmpty && 2 * erasures.count <= ecCount else { throw error }
                let corrected = try ReedSolomonDecoder.correct(block, ecCount: ecCount, erasures: erasures)
                let erased = Set(erasures)
                let errors = (0..<length).filter { block[$0] != received[$0] && !erased.contains($0) }.count
                guard 2 * errors + erasures.count <= ecCount - 2 else {
                    for i in 0..<length { block[i] = received[i] }
                    throw error
                }
                return corrected
            }
        }
    }

    /// Indices within block `block` of the codewords flagged in `uncertain`.
    private static func uncertainPositions(
        in block: Int, length: Int, uncertain: [UInt8],
        blocks: BlockStructure
    ) -> [Int] {
        (0..<length).filter { uncertain[slot(of: $0, inBlock: block, blocks: blocks)] != 0 }
    }

    /// Where codeword `i` of block `block` (data first, then EC) sits in the
    /// symbol's sequence. Interleaved (§7.6): the i-th data codewords of all
    /// blocks in turn, the extra codeword of the long blocks after the short
    /// blocks have run out, then the i-th EC codewords of all blocks. Not
    /// interleaved (Model 1, whose blocks of a level are all as long): each
    /// block's data in turn, then each block's EC codewords in turn.
    @inline(__always)
    static func slot(of i: Int, inBlock block: Int, blocks: BlockStructure) -> Int {
        let shortData = blocks.shortBlockDataCount
        guard blocks.isInterleaved else {
            let ecCount = blocks.ecCodewordsPerBlock
            return i < shortData ? block * shortData + i : blocks.dataCodewords + block * ecCount + i - shortData
        }
        if i < shortData { return i * blocks.blockCount + block }
        let dataCount = blocks.dataCount(ofBlock: block)
        if i < dataCount { return shortData * blocks.blockCount + block - blocks.shortBlockCount }
        return blocks.dataCodewords + (i - dataCount) * blocks.blockCount + block
    }
}

/// How a symbol's codewords are split into Reed–Solomon blocks
/// (ISO/IEC 18004:2015 §7.5.1, Table 9).
///
/// Blocks of the first group have `shortBlockDataCount` data codewords; the
/// remaining `longBlockCount` blocks carry one more. Every block has
/// `ecCodewordsPerBlock` error-correction codewords.
struct BlockStructure: Sendable, Equatable {
    let totalCodewords: Int
    let ecCodewordsPerBlock: Int
    let blockCount: Int
    /// Whether the blocks' codewords alternate in the symbol (Model 2, §7.6),
    /// or follow one another: every block's data in turn, then every block's
    /// error-correction codewords in turn (Model 1, as zxing-cpp reads it).
    let isInterleaved: Bool
    /// Micro QR M1 and M3: the last data codeword has 4 bits (§7.4.10).
    var hasHalfFinalCodeword = false

    init(version: QRVersion, correctionLevel: ErrorCorrectionLevel) {
        if version.kind == .micro {
            // One block (Table 9); the version must offer the level (``ErrorCorrectionLevel/isOffered(by:)``).
            guard let ec = MicroQRSpec.ecCodewords(version, correctionLevel) else {
                preconditionFailure("Micro QR \(version) does not offer level \(correctionLevel)")
            }
            totalCodewords = MicroQRSpec.totalCodewords[version.number - 1]
            ecCodewordsPerBlock = ec
            blockCount = 1
            isInterleaved = true
            hasHalfFinalCodeword = MicroQRSpec.hasHalfFinalCodeword(version)
            return
        }
        if version.kind == .rmqr {
            // ISO/IEC 23941:2022 Table 8; only M and H exist (``ErrorCorrectionLevel/isOffered(by:)``).
            precondition(correctionLevel.isOffered(by: version), "rMQR offers levels M and H only")
            let blocks = RMQRSpec.blocks(version.number, correctionLevel)
            totalCodewords = blocks.totalCodewords
            ecCodewordsPerBlock = blocks.ecPerBlock
            blockCount = blocks.blockCount
            isInterleaved = true
            return
        }
        let blocks = VersionRecord.of(version).blocks[correctionLevel.rawValue]
        totalCodewords = QRSpec.rawDataModules(version) / 8
        ecCodewordsPerBlock = blocks.ecCodewordsPerBlock
        blockCount = blocks.count
        isInterleaved = true
    }

    /// A Model 1 structure from its counts (``Model1Version``): the blocks
    /// of a level all have the same length, and are not interleaved.
    init(model1TotalCodewords totalCodewords: Int, ecCodewordsPerBlock: Int, blockCount: Int) {
        self.totalCodewords = totalCodewords
        self.ecCodewordsPerBlock = ecCodewordsPerBlock
        self.blockCount = blockCount
        isInterleaved = false
    }

    /// Data codewords of the whole symbol (a 4-bit final one counts as one).
    var dataCodewords: Int { totalCodewords - ecCodewordsPerBlock * blockCount }
    /// Data bits available to segments.
    var dataBits: Int { dataCodewords * 8 - (hasHalfFinalCodeword ? 4 : 0) }
    /// Blocks that carry one more data codeword than the short ones.
    var longBlockCount: Int { (totalCodewords % blockCount) }
    var shortBlockCount: Int { blockCount - longBlockCount }
    /// Data codewords in a short block.
    var shortBlockDataCount: Int { totalCodewords / blockCount - ecCodewordsPerBlock }

    /// Data codewords in block `index` (short blocks come first).
    func dataCount(ofBlock index: Int) -> Int {
        shortBlockDataCount + (index < shortBlockCount ? 0 : 1)
    }
}

/// Spec tables of ISO/IEC 18004:2015 that more than one stage needs.
enum QRSpec {
    /// Modules available for codewords and remainder bits: the whole symbol
    /// minus finder patterns with separators, format and version information,
    /// timing patterns and alignment patterns (§7.1 and Table 1).
    static func rawDataModules(_ version: QRVersion) -> Int {
        let v = version.number
        let size = version.size
        var count = size * size
        count -= 3 * 64  // finders with separators
        count -= 2 * 15 + 1  // two format copies, dark module
        count -= 2 * (size - 16)  // timing rows between the finders
        let centres = VersionRecord.of(version).alignmentCentres.count
        if centres > 0 {
            let patterns = centres * centres - 3
            count -= 25 * patterns
            count += 5 * 2 * (centres - 2)  // alignment patterns crossing the timing lines
        }
        if v >= 7 { count -= 2 * 18 }  // version information blocks
        return count
    }
}

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

    init(version: QRVersion, correctionLevel: ErrorCorrectionLevel) {
        let v = version.number - 1
        totalCodewords = QRSpec.rawDataModules(version) / 8
        ecCodewordsPerBlock = QRSpec.ecCodewordsPerBlock[correctionLevel.rawValue][v]
        blockCount = QRSpec.blockCounts[correctionLevel.rawValue][v]
    }

    /// Data codewords of the whole symbol.
    var dataCodewords: Int { totalCodewords - ecCodewordsPerBlock * blockCount }
    /// Data bits available to segments.
    var dataBits: Int { dataCodewords * 8 }
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
    /// Error-correction codewords per block, by level (L, M, Q, H) then version
    /// 1…40. From Table 9, column "number of error correction codewords"
    /// divided by the number of blocks.
    static let ecCodewordsPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Reed–Solomon blocks per symbol, by level then version 1…40 (Table 9,
    /// both block groups together).
    static let blockCounts: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Row/column coordinates of alignment pattern centres, by version 1…40
    /// (Annex E, Table E.1). Version 1 has none.
    static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
        [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62],
        [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82],
        [6, 30, 58, 86], [6, 34, 62, 90],
        [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
    ]

    /// Modules available for codewords and remainder bits: the whole symbol
    /// minus finder patterns with separators, format and version information,
    /// timing patterns and alignment patterns (§7.1 and Table 1).
    static func rawDataModules(_ version: QRVersion) -> Int {
        let v = version.number
        let size = version.size
        var count = size * size
        count -= 3 * 64                       // finders with separators
        count -= 2 * 15 + 1                   // two format copies, dark module
        count -= 2 * (size - 16)              // timing rows between the finders
        let centres = alignmentCentres[v - 1].count
        if centres > 0 {
            let patterns = centres * centres - 3
            count -= 25 * patterns
            count += 5 * 2 * (centres - 2)    // alignment patterns crossing the timing lines
        }
        if v >= 7 { count -= 2 * 18 }         // version information blocks
        return count
    }
}

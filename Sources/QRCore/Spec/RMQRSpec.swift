/// The numbers of rMQR, the rectangular Micro QR Code (ISO/IEC 23941:2022):
/// its 32 sizes, the columns of its alignment patterns, its Reed–Solomon
/// blocks, the widths of its character-count fields and its format
/// information.
///
/// Sizes are numbered 1…32 in the standard's order, R7x43 first and R17x139
/// last; the format information carries that number minus one.
enum RMQRSpec {
    /// Height and width of each size, in the standard's order (Table 1).
    static let sizes: [(height: Int, width: Int)] = [7, 9, 11, 13, 15, 17].flatMap { (height: Int) in
        let widths = height == 11 || height == 13 ? [27, 43, 59, 77, 99, 139] : [43, 59, 77, 99, 139]
        return widths.map { (height: height, width: $0) }
    }

    /// The columns of the alignment patterns' centres, by width (Annex D,
    /// Table D.1): they depend on the width alone.
    static func alignmentColumns(width: Int) -> [Int] {
        switch width {
        case 43: [21]
        case 59: [19, 39]
        case 77: [25, 51]
        case 99: [23, 49, 75]
        case 139: [27, 55, 83, 111]
        default: []
        }
    }

    /// One level's blocks (Table 8): error-correction codewords per block,
    /// and the blocks of each of the (at most two) lengths of data.
    struct Blocks {
        let ecPerBlock: Int
        let shortCount: Int, shortData: Int
        let longCount: Int

        var blockCount: Int { shortCount + longCount }
        var totalCodewords: Int { blockCount * ecPerBlock + shortCount * shortData + longCount * (shortData + 1) }
    }

    /// Table 8, by size: level M, then level H. Long blocks carry one more
    /// data codeword than short ones.
    private static let blocks: [(medium: Blocks, high: Blocks)] = [
        // ecPerBlock, short blocks, data per short block, long blocks
        (.init(7, 1, 6, 0), .init(10, 1, 3, 0)),  // R7x43
        (.init(9, 1, 12, 0), .init(14, 1, 7, 0)),  // R7x59
        (.init(12, 1, 20, 0), .init(22, 1, 10, 0)),  // R7x77
        (.init(16, 1, 28, 0), .init(30, 1, 14, 0)),  // R7x99
        (.init(24, 1, 44, 0), .init(22, 2, 12, 0)),  // R7x139
        (.init(9, 1, 12, 0), .init(14, 1, 7, 0)),  // R9x43
        (.init(12, 1, 21, 0), .init(22, 1, 11, 0)),  // R9x59
        (.init(18, 1, 31, 0), .init(16, 1, 8, 1)),  // R9x77
        (.init(24, 1, 42, 0), .init(22, 2, 11, 0)),  // R9x99
        (.init(18, 1, 31, 1), .init(22, 3, 11, 0)),  // R9x139
        (.init(8, 1, 7, 0), .init(10, 1, 5, 0)),  // R11x27
        (.init(12, 1, 19, 0), .init(20, 1, 11, 0)),  // R11x43
        (.init(16, 1, 31, 0), .init(16, 1, 7, 1)),  // R11x59
        (.init(24, 1, 43, 0), .init(22, 1, 11, 1)),  // R11x77
        (.init(16, 1, 28, 1), .init(30, 1, 14, 1)),  // R11x99
        (.init(24, 2, 42, 0), .init(30, 3, 14, 0)),  // R11x139
        (.init(9, 1, 12, 0), .init(14, 1, 7, 0)),  // R13x27
        (.init(14, 1, 27, 0), .init(28, 1, 13, 0)),  // R13x43
        (.init(22, 1, 38, 0), .init(20, 2, 10, 0)),  // R13x59
        (.init(16, 1, 26, 1), .init(28, 1, 14, 1)),  // R13x77
        (.init(20, 1, 36, 1), .init(26, 1, 11, 2)),  // R13x99
        (.init(20, 2, 35, 1), .init(28, 2, 13, 2)),  // R13x139
        (.init(18, 1, 33, 0), .init(18, 1, 7, 1)),  // R15x43
        (.init(26, 1, 48, 0), .init(24, 2, 13, 0)),  // R15x59
        (.init(18, 1, 33, 1), .init(24, 2, 10, 1)),  // R15x77
        (.init(24, 2, 44, 0), .init(22, 4, 12, 0)),  // R15x99
        (.init(24, 2, 42, 1), .init(26, 1, 13, 4)),  // R15x139
        (.init(22, 1, 39, 0), .init(20, 1, 10, 1)),  // R17x43
        (.init(16, 2, 28, 0), .init(30, 2, 14, 0)),  // R17x59
        (.init(22, 2, 39, 0), .init(28, 1, 12, 2)),  // R17x77
        (.init(20, 2, 33, 1), .init(26, 4, 14, 0)),  // R17x99
        (.init(20, 4, 38, 0), .init(26, 2, 12, 4)),  // R17x139
    ]

    /// The blocks of size `number` (1…32) at `level` (M or H).
    static func blocks(_ number: Int, _ level: ErrorCorrectionLevel) -> Blocks {
        level == .high ? blocks[number - 1].high : blocks[number - 1].medium
    }

    /// Character-count widths by size (Table 3): numeric, alphanumeric, byte, kanji.
    private static let countWidths: [[Int]] = [
        [4, 5, 6, 7, 7, 5, 6, 7, 7, 8, 4, 6, 7, 7, 8, 8, 5, 6, 7, 7, 8, 8, 7, 7, 8, 8, 9, 7, 8, 8, 8, 9],
        [3, 5, 5, 6, 6, 5, 5, 6, 6, 7, 4, 5, 6, 6, 7, 7, 5, 6, 6, 7, 7, 8, 6, 7, 7, 7, 8, 6, 7, 7, 8, 8],
        [3, 4, 5, 5, 6, 4, 5, 5, 6, 6, 3, 5, 5, 6, 6, 7, 4, 5, 6, 6, 7, 7, 6, 6, 7, 7, 7, 6, 6, 7, 7, 8],
        [2, 3, 4, 5, 5, 3, 4, 5, 5, 6, 2, 4, 5, 5, 6, 6, 3, 5, 5, 6, 6, 7, 5, 5, 6, 6, 7, 5, 6, 6, 6, 7],
    ]

    /// The count width of `mode` at size `number`; 0 for modes without a count.
    static func countWidth(_ mode: SegmentMode, _ number: Int) -> Int {
        switch mode {
        case .numeric: countWidths[0][number - 1]
        case .alphanumeric: countWidths[1][number - 1]
        case .byte: countWidths[2][number - 1]
        case .kanji: countWidths[3][number - 1]
        default: 0
        }
    }

    /// The 3-bit mode indicator (Table 2): 000 ends the data.
    static func indicator(_ mode: SegmentMode) -> UInt32? {
        switch mode {
        case .numeric: 1
        case .alphanumeric: 2
        case .byte: 3
        case .kanji: 4
        case .fnc1FirstPosition: 5
        case .fnc1SecondPosition: 6
        case .eci: 7
        case .hanzi, .structuredAppend: nil
        }
    }

    /// The mode of a 3-bit indicator, the inverse of ``indicator(_:)``; nil for 000.
    static func mode(indicator: UInt32) -> SegmentMode? {
        [nil, .numeric, .alphanumeric, .byte, .kanji, .fnc1FirstPosition, .fnc1SecondPosition, .eci][Int(indicator & 7)]
    }
}

extension RMQRSpec.Blocks {
    init(_ ecPerBlock: Int, _ shortCount: Int, _ shortData: Int, _ longCount: Int) {
        self.init(ecPerBlock: ecPerBlock, shortCount: shortCount, shortData: shortData, longCount: longCount)
    }
}

/// An rMQR symbol's format information (ISO/IEC 23941:2022 §7.9): the level
/// (M 0, H 1) and the size number minus one in six bits, protected by the
/// BCH(18,6) code of QR Code's version information. Two copies, each XORed
/// with its own mask: one beside the finder pattern, one beside the
/// sub-finder pattern in the bottom-right corner.
struct RMQRFormatInformation: Sendable, Hashable {
    let version: QRVersion
    let correctionLevel: ErrorCorrectionLevel

    /// The masks of the copy beside the finder and of the one beside the sub-finder.
    static let finderSideMask = 0x1FAB2
    static let subFinderSideMask = 0x20A7B
    private static let generator = 0x1F25

    /// The 64 unmasked codewords, indexed by the six data bits.
    static let unmaskedCodewords: [Int] = (0..<64).map { data in
        data << 12 | BCH.remainder(of: data << 12, generator: generator, degree: 12)
    }

    /// The six data bits: level in bit 5, size number − 1 below.
    var data: Int { (correctionLevel == .high ? 32 : 0) | (version.number - 1) }

    init(version: QRVersion, correctionLevel: ErrorCorrectionLevel) {
        self.version = version
        self.correctionLevel = correctionLevel
    }

    /// The format information of six data bits.
    init(data: Int) {
        version = QRVersion(uncheckedRMQR: data & 31 + 1)
        correctionLevel = data & 32 != 0 ? .high : .medium
    }

    /// Module of each bit of the finder-side copy, bit 0 first: columns 8,
    /// 9 and 10 from row 1 down to row 5, then column 11 rows 1…3 (§7.9.2).
    static let finderSidePositions: [(x: Int, y: Int)] = (0..<18).map { (bit: Int) -> (x: Int, y: Int) in
        bit < 15 ? (8 + bit / 5, 1 + bit % 5) : (11, bit - 14)
    }

    /// Module of each bit of the sub-finder-side copy, bit 0 first: columns
    /// w−8, w−7 and w−6 from row h−6 down to h−2, then row h−6 columns w−5…w−3.
    static func subFinderSidePositions(width: Int, height: Int) -> [(x: Int, y: Int)] {
        (0..<18).map { (bit: Int) -> (x: Int, y: Int) in
            if bit < 15 { return (width - 8 + bit / 5, height - 6 + bit % 5) }
            return (width - 20 + bit, height - 6)
        }
    }
}

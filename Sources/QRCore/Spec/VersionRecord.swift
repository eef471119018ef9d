/// What ISO/IEC 18004:2015 fixes for one QR Code Model 2 version: its
/// Reed–Solomon block structure at each level (§7.5.1, Table 9) and the
/// centres of its alignment patterns (Annex E, Table E.1). One row per
/// version, in one table, so a version's facts are found together.
struct VersionRecord: Sendable {
    /// Error-correction codewords per block and the number of blocks (both
    /// groups together), one pair per level.
    struct Blocks: Sendable, Equatable {
        let ecCodewordsPerBlock: Int
        let count: Int
    }

    let version: Int
    /// Blocks at L, M, Q and H, in ``ErrorCorrectionLevel`` order.
    let blocks: [Blocks]
    /// Row/column coordinates of the alignment pattern centres; version 1 has none.
    let alignmentCentres: [Int]

    private init(_ version: Int, blocks: [(Int, Int)], alignment: [Int]) {
        self.version = version
        self.blocks = blocks.map { Blocks(ecCodewordsPerBlock: $0.0, count: $0.1) }
        self.alignmentCentres = alignment
    }

    /// The record of `version`.
    static func of(_ version: QRVersion) -> VersionRecord { table[version.number - 1] }

    /// Table 9 gives, per version and level, the total error-correction
    /// codewords and the blocks of each group; a pair here is that total
    /// divided by the blocks, and the blocks of both groups together.
    private static let table: [VersionRecord] = [
        //  version          L         M         Q         H      alignment pattern centres
        VersionRecord(1, blocks: [(7, 1), (10, 1), (13, 1), (17, 1)], alignment: []),
        VersionRecord(2, blocks: [(10, 1), (16, 1), (22, 1), (28, 1)], alignment: [6, 18]),
        VersionRecord(3, blocks: [(15, 1), (26, 1), (18, 2), (22, 2)], alignment: [6, 22]),
        VersionRecord(4, blocks: [(20, 1), (18, 2), (26, 2), (16, 4)], alignment: [6, 26]),
        VersionRecord(5, blocks: [(26, 1), (24, 2), (18, 4), (22, 4)], alignment: [6, 30]),
        VersionRecord(6, blocks: [(18, 2), (16, 4), (24, 4), (28, 4)], alignment: [6, 34]),
        VersionRecord(7, blocks: [(20, 2), (18, 4), (18, 6), (26, 5)], alignment: [6, 22, 38]),
        VersionRecord(8, blocks: [(24, 2), (22, 4), (22, 6), (26, 6)], alignment: [6, 24, 42]),
        VersionRecord(9, blocks: [(30, 2), (22, 5), (20, 8), (24, 8)], alignment: [6, 26, 46]),
        VersionRecord(10, blocks: [(18, 4), (26, 5), (24, 8), (28, 8)], alignment: [6, 28, 50]),
        VersionRecord(11, blocks: [(20, 4), (30, 5), (28, 8), (24, 11)], alignment: [6, 30, 54]),
        VersionRecord(12, blocks: [(24, 4), (22, 8), (26, 10), (28, 11)], alignment: [6, 32, 58]),
        VersionRecord(13, blocks: [(26, 4), (22, 9), (24, 12), (22, 16)], alignment: [6, 34, 62]),
        VersionRecord(14, blocks: [(30, 4), (24, 9), (20, 16), (24, 16)], alignment: [6, 26, 46, 66]),
        VersionRecord(15, blocks: [(22, 6), (24, 10), (30, 12), (24, 18)], alignment: [6, 26, 48, 70]),
        VersionRecord(16, blocks: [(24, 6), (28, 10), (24, 17), (30, 16)], alignment: [6, 26, 50, 74]),
        VersionRecord(17, blocks: [(28, 6), (28, 11), (28, 16), (28, 19)], alignment: [6, 30, 54, 78]),
        VersionRecord(18, blocks: [(30, 6), (26, 13), (28, 18), (28, 21)], alignment: [6, 30, 56, 82]),
        VersionRecord(19, blocks: [(28, 7), (26, 14), (26, 21), (26, 25)], alignment: [6, 30, 58, 86]),
        VersionRecord(20, blocks: [(28, 8), (26, 16), (30, 20), (28, 25)], alignment: [6, 34, 62, 90]),
        VersionRecord(21, blocks: [(28, 8), (26, 17), (28, 23), (30, 25)], alignment: [6, 28, 50, 72, 94]),
        VersionRecord(22, blocks: [(28, 9), (28, 17), (30, 23), (24, 34)], alignment: [6, 26, 50, 74, 98]),
        VersionRecord(23, blocks: [(30, 9), (28, 18), (30, 25), (30, 30)], alignment: [6, 30, 54, 78, 102]),
        VersionRecord(24, blocks: [(30, 10), (28, 20), (30, 27), (30, 32)], alignment: [6, 28, 54, 80, 106]),
        VersionRecord(25, blocks: [(26, 12), (28, 21), (30, 29), (30, 35)], alignment: [6, 32, 58, 84, 110]),
        VersionRecord(26, blocks: [(28, 12), (28, 23), (28, 34), (30, 37)], alignment: [6, 30, 58, 86, 114]),
        VersionRecord(27, blocks: [(30, 12), (28, 25), (30, 34), (30, 40)], alignment: [6, 34, 62, 90, 118]),
        VersionRecord(28, blocks: [(30, 13), (28, 26), (30, 35), (30, 42)], alignment: [6, 26, 50, 74, 98, 122]),
        VersionRecord(29, blocks: [(30, 14), (28, 28), (30, 38), (30, 45)], alignment: [6, 30, 54, 78, 102, 126]),
        VersionRecord(30, blocks: [(30, 15), (28, 29), (30, 40), (30, 48)], alignment: [6, 26, 52, 78, 104, 130]),
        VersionRecord(31, blocks: [(30, 16), (28, 31), (30, 43), (30, 51)], alignment: [6, 30, 56, 82, 108, 134]),
        VersionRecord(32, blocks: [(30, 17), (28, 33), (30, 45), (30, 54)], alignment: [6, 34, 60, 86, 112, 138]),
        VersionRecord(33, blocks: [(30, 18), (28, 35), (30, 48), (30, 57)], alignment: [6, 30, 58, 86, 114, 142]),
        VersionRecord(34, blocks: [(30, 19), (28, 37), (30, 51), (30, 60)], alignment: [6, 34, 62, 90, 118, 146]),
        VersionRecord(
            35, blocks: [(30, 19), (28, 38), (30, 53), (30, 63)], alignment: [6, 30, 54, 78, 102, 126, 150]),
        VersionRecord(
            36, blocks: [(30, 20), (28, 40), (30, 56), (30, 66)], alignment: [6, 24, 50, 76, 102, 128, 154]),
        VersionRecord(
            37, blocks: [(30, 21), (28, 43), (30, 59), (30, 70)], alignment: [6, 28, 54, 80, 106, 132, 158]),
        VersionRecord(
            38, blocks: [(30, 22), (28, 45), (30, 62), (30, 74)], alignment: [6, 32, 58, 84, 110, 136, 162]),
        VersionRecord(
            39, blocks: [(30, 24), (28, 47), (30, 65), (30, 77)], alignment: [6, 26, 54, 82, 110, 138, 166]),
        VersionRecord(
            40, blocks: [(30, 25), (28, 49), (30, 68), (30, 81)], alignment: [6, 30, 58, 86, 114, 142, 170]),
    ]
}

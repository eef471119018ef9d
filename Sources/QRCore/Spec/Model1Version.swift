/// The facts of a QR Code Model 1 version (ISO/IEC 18004:2000 Annex M, Tables
/// M.2 and M.4; AIM ITS/97-001): its error-correction blocks at each level.
/// Model 1 symbols have versions 1–14, 21×21 to 73×73 modules, and no
/// alignment patterns or version information.
struct Model1Version: Sendable {
    /// Blocks of one level: `count` blocks, each of `dataCodewords` data and
    /// `ecCodewords` error-correction codewords. Unlike Model 2, every block
    /// of a level has the same length.
    struct Blocks: Sendable {
        let ecCodewords: Int
        let count: Int
        let dataCodewords: Int

        var totalCodewords: Int { count * (dataCodewords + ecCodewords) }
    }

    let number: Int
    /// Per level, in the order L, M, Q, H.
    let blocks: [Blocks]

    /// Versions 1–14, one record each: (EC codewords per block, blocks, data
    /// codewords per block) for L, M, Q and H.
    static let all: [Model1Version] = [
        Model1Version(1, [(7, 1, 19), (10, 1, 16), (13, 1, 13), (17, 1, 9)]),
        Model1Version(2, [(10, 1, 36), (16, 1, 30), (22, 1, 24), (30, 1, 16)]),
        Model1Version(3, [(15, 1, 57), (28, 1, 44), (36, 1, 36), (48, 1, 24)]),
        Model1Version(4, [(20, 1, 80), (40, 1, 60), (50, 1, 50), (66, 1, 34)]),
        Model1Version(5, [(26, 1, 108), (52, 1, 82), (66, 1, 68), (44, 2, 23)]),
        Model1Version(6, [(34, 1, 136), (32, 2, 53), (42, 2, 43), (56, 2, 29)]),
        Model1Version(7, [(42, 1, 170), (40, 2, 66), (52, 2, 54), (46, 3, 24)]),
        Model1Version(8, [(24, 2, 104), (48, 2, 80), (64, 2, 64), (56, 3, 29)]),
        Model1Version(9, [(30, 2, 123), (60, 2, 93), (50, 3, 52), (68, 3, 34)]),
        Model1Version(10, [(34, 2, 145), (68, 2, 111), (58, 3, 61), (58, 4, 31)]),
        Model1Version(11, [(40, 2, 168), (40, 4, 64), (52, 4, 52), (54, 5, 29)]),
        Model1Version(12, [(46, 2, 192), (46, 4, 73), (58, 4, 61), (62, 5, 33)]),
        Model1Version(13, [(36, 3, 144), (52, 4, 83), (66, 4, 69), (58, 6, 32)]),
        Model1Version(14, [(40, 3, 163), (60, 4, 92), (60, 5, 62), (66, 6, 35)]),
    ]

    /// The highest Model 1 version.
    static let maximum = 14

    private init(_ number: Int, _ levels: [(ec: Int, count: Int, data: Int)]) {
        self.number = number
        self.blocks = levels.map { Blocks(ecCodewords: $0.ec, count: $0.count, dataCodewords: $0.data) }
    }

    /// The record of `version`, which must be 1…14.
    static func of(_ version: QRVersion) -> Model1Version {
        precondition(version.number <= maximum, "Model 1 has versions 1–14")
        return all[version.number - 1]
    }

    /// The block structure at `level`. The codewords the symbol holds beyond
    /// the blocks (2 of 212 at 7-H, for one) are remainder codewords that
    /// carry nothing.
    func blockStructure(_ level: ErrorCorrectionLevel) -> BlockStructure {
        let level = blocks[level.rawValue]
        return BlockStructure(
            model1TotalCodewords: level.totalCodewords, ecCodewordsPerBlock: level.ecCodewords,
            blockCount: level.count)
    }
}

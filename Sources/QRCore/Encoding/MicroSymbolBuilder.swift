/// Turns data codewords into a Micro QR Code (ISO/IEC 18004:2015, the Micro
/// QR clauses): one Reed–Solomon block, the finder in the top-left corner,
/// timing patterns along row 0 and column 0, the codewords placed as in QR
/// Code, one of four masks chosen by the Micro rule, and one copy of the
/// format information.
///
/// Symbols have at most 17 × 17 modules, so modules are set one by one; the
/// word-level tricks of ``SymbolBuilder`` would buy nothing here.
enum MicroSymbolBuilder {
    static func build(
        dataCodewords: [UInt8], version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        mask: QRMask?
    ) -> QRCode {
        let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
        precondition(dataCodewords.count == blocks.dataCodewords, "data codeword count does not match the version")
        let ec = ReedSolomonEncoder.remainder(of: dataCodewords[...], degree: blocks.ecCodewordsPerBlock)
        let layout = MicroLayout.of(size: version.size)
        var unmasked = layout.functionPatterns
        place(bits(data: dataCodewords, ec: ec, blocks: blocks), into: &unmasked, layout: layout)
        let chosen = mask ?? bestMask(unmasked, version: version, correctionLevel: correctionLevel, layout: layout)
        let modules = finish(unmasked, mask: chosen, version: version, correctionLevel: correctionLevel, layout: layout)
        return QRCode(version: version, correctionLevel: correctionLevel, mask: chosen, modules: modules)
    }

    /// The bits to place, in order: data codewords (only the high 4 bits of
    /// M1's and M3's final one, §7.4.10), then the error-correction codewords.
    private static func bits(data: [UInt8], ec: [UInt8], blocks: BlockStructure) -> [Bool] {
        var bits: [Bool] = []
        bits.reserveCapacity(blocks.totalCodewords * 8)
        for (index, byte) in data.enumerated() {
            let width = blocks.hasHalfFinalCodeword && index == data.count - 1 ? 4 : 8
            for shift in stride(from: 7, to: 7 - width, by: -1) { bits.append(byte >> UInt8(shift) & 1 != 0) }
        }
        for byte in ec {
            for shift in stride(from: 7, through: 0, by: -1) { bits.append(byte >> UInt8(shift) & 1 != 0) }
        }
        return bits
    }

    /// Places bits in two-module columns from the bottom-right corner,
    /// upwards then downwards, skipping function modules (§7.7.3). Column 0
    /// is the vertical timing pattern, so the last column pair is 2 and 1.
    private static func place(_ bits: [Bool], into matrix: inout BitMatrix, layout: MicroLayout) {
        var index = 0
        for (x, y) in layout.dataPositions {
            if index < bits.count && bits[index] { matrix[x, y] = true }
            index += 1
        }
    }

    /// The mask whose result scores highest by the Micro QR rule (§7.8.3.2):
    /// with SUM1 the dark modules of the right edge and SUM2 those of the
    /// bottom edge (the timing modules excluded), the score is
    /// min × 16 + max. Ties keep the lower mask number.
    private static func bestMask(
        _ unmasked: BitMatrix, version: QRVersion, correctionLevel: ErrorCorrectionLevel, layout: MicroLayout
    ) -> QRMask {
        var best = (mask: QRMask.allMicro[0], score: Int.min)
        for mask in QRMask.allMicro {
            let masked = finish(
                unmasked, mask: mask, version: version, correctionLevel: correctionLevel, layout: layout)
            let edge = layout.size - 1
            let right = (1...edge).count { masked[edge, $0] }
            let bottom = (1...edge).count { masked[$0, edge] }
            let score = min(right, bottom) * 16 + max(right, bottom)
            if score > best.score { best = (mask, score) }
        }
        return best.mask
    }

    /// The symbol with `mask` applied to the data modules and the format
    /// information drawn.
    private static func finish(
        _ unmasked: BitMatrix, mask: QRMask, version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        layout: MicroLayout
    ) -> BitMatrix {
        var matrix = unmasked
        for (x, y) in layout.dataPositions where mask.inverts(x: x, y: y) { matrix.toggle(x: x, y: y) }
        let format = MicroFormatInformation(version: version, correctionLevel: correctionLevel, mask: mask)
        for (bit, position) in MicroFormatInformation.positions.enumerated() {
            matrix[position.x, position.y] = format.bits >> bit & 1 != 0
        }
        return matrix
    }
}

/// Where a Micro QR symbol's function patterns and data modules lie.
struct MicroLayout {
    let size: Int
    /// The finder pattern, its separator (light) and the timing patterns.
    let functionPatterns: BitMatrix
    /// Data module positions in placement order (§7.7.3).
    let dataPositions: [(x: Int, y: Int)]

    /// The sides of M1…M4, in modules.
    static let sizes = [11, 13, 15, 17]

    /// The layouts of M1…M4, built once and shared by the encoder and the
    /// decoder.
    private static let all: [MicroLayout] = sizes.map { MicroLayout(building: $0) }

    /// The layout of the Micro QR symbol with `size` modules a side (one of
    /// ``sizes``).
    static func of(size: Int) -> MicroLayout {
        precondition(sizes.contains(size), "not a Micro QR size")
        return all[(size - sizes[0]) / 2]
    }

    private init(building size: Int) {
        self.size = size
        var patterns = BitMatrix(size: size)
        for y in 0..<7 {
            for x in 0..<7 {
                let ring = max(abs(x - 3), abs(y - 3))
                patterns[x, y] = ring != 2
            }
        }
        for i in 8..<size where i % 2 == 0 {
            patterns[i, 0] = true
            patterns[0, i] = true
        }
        functionPatterns = patterns
        dataPositions = Self.placementOrder(size: size)
    }

    /// Whether a module belongs to the finder, separator, timing patterns or
    /// format information: everything in row 0…8 × column 0…8, and row 0
    /// and column 0 beyond.
    static func isFunction(x: Int, y: Int) -> Bool { (x <= 8 && y <= 8) || x == 0 || y == 0 }

    private static func placementOrder(size: Int) -> [(x: Int, y: Int)] {
        var order: [(x: Int, y: Int)] = []
        var upward = true
        for right in stride(from: size - 1, through: 1, by: -2) {
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction(x: x, y: y) { order.append((x, y)) }
            }
            upward.toggle()
        }
        return order
    }
}

/// Reads a sampled rMQR grid (ISO/IEC 23941:2022; R7x43…R17x139, the finder
/// pattern at the left end): both copies of the format information, the data
/// modules unmasked in placement order, the Reed–Solomon blocks, and the bit
/// stream with rMQR's 3-bit mode indicators and per-size count widths.
enum RMQRDecoder {
    /// Bit errors one format copy may have: the (18, 6) code's minimum
    /// distance is 8, so 3 are corrected unambiguously.
    private static let correctableBits = 3

    /// Whether `grid` has the size of an rMQR symbol.
    static func isRMQRSize(_ grid: BitMatrix) -> Bool { sizeNumber(grid) != nil }

    /// The size number (1…32) of a grid of an rMQR size.
    private static func sizeNumber(_ grid: BitMatrix) -> Int? {
        RMQRSpec.sizes.firstIndex { $0 == (grid.height, grid.width) }.map { $0 + 1 }
    }

    static func decode(
        _ grid: BitMatrix, uncertain: BitMatrix?, mirrored: Bool, characterSet: CharacterEncoding?
    ) throws(QRDecodingError) -> DecodedSymbol {
        guard let number = sizeNumber(grid) else { throw .invalidGridSize(width: grid.width, height: grid.height) }
        let format = try readFormat(grid, sizeNumber: number)
        let information = SymbolInformation(
            version: format.version, format: FormatInformation(correctionLevel: format.correctionLevel, mask: .rmqr),
            model: .model2)
        let blocks = information.blocks
        let layout = RMQRLayout.of(format.version)
        let codewords = Self.codewords(in: grid, masked: true, layout: layout, count: blocks.totalCodewords)
        let doubtful = uncertain.map {
            Self.codewords(in: $0, masked: false, layout: layout, count: blocks.totalCodewords)
        }
        let (data, corrected) = try BlockCorrector.correctedData(codewords, uncertain: doubtful, blocks: blocks)
        let content = try BitstreamParser.parse(data, version: format.version)
        return DecodedSymbol(
            content: content, information: information, mirrored: mirrored, errorsCorrected: corrected,
            characterSet: characterSet)
    }

    /// The level, from the two copies read together: the size already says
    /// the size number, which leaves two codewords per copy (M and H). The
    /// level whose codewords lie nearer both copies in all wins, if one copy
    /// is within 3 bits of it or both together within 7 (the two copies make
    /// one code of distance 16).
    private static func readFormat(_ grid: BitMatrix, sizeNumber: Int) throws(QRDecodingError) -> RMQRFormatInformation
    {
        let copies = [
            (RMQRFormatInformation.finderSidePositions, RMQRFormatInformation.finderSideMask),
            (
                RMQRFormatInformation.subFinderSidePositions(width: grid.width, height: grid.height),
                RMQRFormatInformation.subFinderSideMask
            ),
        ]
        let readings = copies.map { positions, mask in
            var bits = 0
            for (bit, position) in positions.enumerated() where grid[position.x, position.y] { bits |= 1 << bit }
            return bits ^ mask
        }
        var best = (data: 0, distances: [18, 18])
        for data in [sizeNumber - 1, 32 + sizeNumber - 1] {
            let codeword = RMQRFormatInformation.unmaskedCodewords[data]
            let distances = readings.map { ($0 ^ codeword).nonzeroBitCount }
            if distances.reduce(0, +) < best.distances.reduce(0, +) { best = (data, distances) }
        }
        let total = best.distances.reduce(0, +)
        guard best.distances.min()! <= correctableBits || total <= 2 * correctableBits + 1 else {
            throw .formatInformationUnreadable(distance: best.distances.min()!)
        }
        return RMQRFormatInformation(data: best.data)
    }

    /// The codewords in placement order (§7.7.3), unmasked when `masked`
    /// says the grid carries the mask; modules past the last codeword are
    /// remainder bits and are not read.
    private static func codewords(in grid: BitMatrix, masked: Bool, layout: RMQRLayout, count: Int) -> [UInt8] {
        var codewords = [UInt8](repeating: 0, count: count)
        for (index, (x, y)) in layout.dataPositions.prefix(count * 8).enumerated() {
            let dark = grid[x, y] != (masked && QRMask.rmqr.inverts(x: x, y: y))
            if dark { codewords[index >> 3] |= 0x80 >> UInt8(index & 7) }
        }
        return codewords
    }
}

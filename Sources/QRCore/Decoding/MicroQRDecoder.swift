/// Reads a sampled Micro QR grid (11, 13, 15 or 17 modules, the finder in
/// the top-left corner): the format information's one copy (§7.9.2), the
/// data modules unmasked in placement order, one Reed–Solomon block, and the
/// bit stream with Micro QR's mode indicators and count widths.
enum MicroQRDecoder {
    /// Bit errors the format copy may have: the (15, 5) code's minimum
    /// distance is 7 (Annex C), as for QR Code.
    private static let correctableBits = 3

    /// Whether `grid` has the size of a Micro QR symbol.
    static func isMicroSize(_ grid: BitMatrix) -> Bool {
        grid.width == grid.height && MicroLayout.sizes.contains(grid.width)
    }

    static func decode(
        _ grid: BitMatrix, uncertain: BitMatrix?, mirrored: Bool, characterSet: CharacterEncoding?
    ) throws(QRDecodingError) -> DecodedSymbol {
        let format = try readFormat(grid)
        let information = SymbolInformation(
            version: format.version,
            format: FormatInformation(correctionLevel: format.correctionLevel, mask: format.mask), model: .model2)
        let blocks = information.blocks
        let layout = MicroLayout.of(size: grid.width)
        let codewords = Self.codewords(in: grid, mask: format.mask, layout: layout, blocks: blocks)
        let doubtful = uncertain.map { Self.codewords(in: $0, mask: nil, layout: layout, blocks: blocks) }
        let (data, corrected) = try BlockCorrector.correctedData(codewords, uncertain: doubtful, blocks: blocks)
        // M1's two error-correction codewords only detect errors (Table 9):
        // a symbol that needed correcting is rejected, since a correction
        // would leave nothing to tell a real symbol from noise that came near.
        if format.version.number == 1 && corrected > 0 {
            throw .uncorrectableBlock(
                block: 0, blockCount: 1, ecCodewords: blocks.ecCodewordsPerBlock,
                reason: "M1 detects errors without correcting them")
        }
        let content = try BitstreamParser.parse(data, version: format.version)
        return DecodedSymbol(
            content: content, information: information, mirrored: mirrored, errorsCorrected: corrected,
            characterSet: characterSet)
    }

    /// The nearest format codeword within 3 bits among those of the grid's
    /// version: the size already says the version, which leaves fewer
    /// codewords for noise to come near (and a mirrored grid's garbage a
    /// plain error, so that its transpose is tried).
    private static func readFormat(_ grid: BitMatrix) throws(QRDecodingError) -> MicroFormatInformation {
        var bits = 0
        for (bit, position) in MicroFormatInformation.positions.enumerated() where grid[position.x, position.y] {
            bits |= 1 << bit
        }
        let indices = MicroFormatInformation.codewords.indices.filter {
            MicroFormatInformation(codewordIndex: $0).version.size == grid.width
        }
        let nearest = BCH.nearest(to: bits, among: indices.map { MicroFormatInformation.codewords[$0] })
        guard nearest.distance <= correctableBits else {
            throw .formatInformationUnreadable(distance: nearest.distance)
        }
        return MicroFormatInformation(codewordIndex: indices[nearest.index])
    }

    /// The codewords in placement order, unmasked (when `mask` is given):
    /// data first, M1's and M3's 4-bit final one in the high half of its
    /// byte, then error correction (§7.7.3).
    private static func codewords(
        in grid: BitMatrix, mask: QRMask?, layout: MicroLayout, blocks: BlockStructure
    ) -> [UInt8] {
        var codewords = [UInt8](repeating: 0, count: blocks.totalCodewords)
        var index = 0, filled = 0
        let halfCodeword = blocks.hasHalfFinalCodeword ? blocks.dataCodewords - 1 : -1
        for (x, y) in layout.dataPositions {
            let dark = grid[x, y] != (mask?.inverts(x: x, y: y) ?? false)
            if dark { codewords[index] |= 0x80 >> UInt8(filled) }
            filled += 1
            if filled == (index == halfCodeword ? 4 : 8) {
                index += 1
                filled = 0
            }
        }
        return codewords
    }
}

/// Turns data codewords into a finished symbol: error correction and
/// interleaving (§7.5–7.6), module placement (§7.7), masking and format
/// information (§7.8–7.9).
enum SymbolBuilder {
    /// Builds the symbol. With `mask` nil, every mask is tried and the one with
    /// the lowest ``MaskPenalty`` wins, the lowest-numbered on ties.
    /// - Precondition: `dataCodewords.count` equals the data capacity of
    ///   `version` at `correction`.
    static func build(dataCodewords: [UInt8], version: QRVersion, correction: ErrorCorrection,
                      mask: QRMask?) -> QRCode {
        let blocks = BlockStructure(version: version, correction: correction)
        precondition(dataCodewords.count == blocks.dataCodewords, "data codeword count does not match the version")
        let codewords = interleave(dataCodewords, blocks: blocks)
        let template = SymbolTemplate.of(version)
        var rows = template.base
        var columns = template.baseTransposed
        place(codewords, template: template, rows: &rows, columns: &columns)
        let chosen = mask ?? bestMask(rows: rows, columns: columns, correction: correction, template: template)
        finish(&rows, mask: chosen, correction: correction, template: template)
        return QRCode(version: version, correction: correction, mask: chosen, modules: rows)
    }

    /// Data codewords block by block, with each block's EC codewords, read out
    /// in the interleaved order of §7.6: the i-th data codeword of every block,
    /// for each i, then the i-th EC codeword of every block.
    static func interleave(_ data: [UInt8], blocks: BlockStructure) -> [UInt8] {
        let ecLength = blocks.ecCodewordsPerBlock
        var result = [UInt8](repeating: 0, count: blocks.totalCodewords)
        var ec = [UInt8](repeating: 0, count: ecLength)
        var blockStart = 0
        for block in 0..<blocks.blockCount {
            let count = blocks.dataCount(ofBlock: block)
            let blockData = data[blockStart..<(blockStart + count)]
            for (i, byte) in blockData.enumerated() {
                // Short blocks come first, so the extra codeword of a long block
                // goes after the last short block has run out.
                let slot = i < blocks.shortBlockDataCount
                    ? i * blocks.blockCount + block
                    : blocks.shortBlockDataCount * blocks.blockCount + (block - blocks.shortBlockCount)
                result[slot] = byte
            }
            ReedSolomonEncoder.remainder(of: blockData, into: &ec)
            let ecStart = blocks.dataCodewords
            for i in 0..<ecLength { result[ecStart + i * blocks.blockCount + block] = ec[i] }
            blockStart += count
        }
        return result
    }

    /// Writes the codeword bits into the data modules; remainder bits stay light.
    private static func place(_ codewords: [UInt8], template: SymbolTemplate,
                              rows: inout BitMatrix, columns: inout BitMatrix) {
        let rowStride = rows.stride, columnStride = columns.stride
        template.dataOrder.withUnsafeBufferPointer { order in
            rows.words.withUnsafeMutableBufferPointer { rowWords in
                columns.words.withUnsafeMutableBufferPointer { columnWords in
                    var bit = 0
                    for byte in codewords {
                        for shift in stride(from: 7, through: 0, by: -1) where byte >> UInt8(shift) & 1 != 0 {
                            let position = Int(order[bit + 7 - shift])
                            let x = position & 0xFF, y = position >> 8
                            rowWords[y * rowStride + x >> 6] |= 1 << UInt64(x & 63)
                            columnWords[x * columnStride + y >> 6] |= 1 << UInt64(y & 63)
                        }
                        bit += 8
                    }
                }
            }
        }
    }

    /// The mask with the lowest penalty on the complete symbol.
    private static func bestMask(rows: BitMatrix, columns: BitMatrix, correction: ErrorCorrection,
                                 template: SymbolTemplate) -> QRMask {
        var best = (mask: QRMask.all[0], score: Int.max)
        var maskedRows = rows, maskedColumns = columns
        for mask in QRMask.all {
            maskedRows.words = rows.words
            maskedColumns.words = columns.words
            apply(mask, rows: &maskedRows, columns: &maskedColumns, correction: correction, template: template)
            let score = MaskPenalty.score(rows: maskedRows, columns: maskedColumns)
            if score < best.score { best = (mask, score) }
        }
        return best.mask
    }

    /// Applies the chosen mask and draws the format information.
    private static func finish(_ rows: inout BitMatrix, mask: QRMask, correction: ErrorCorrection,
                               template: SymbolTemplate) {
        xor(&rows, template.masks[mask.number])
        drawFormat(FormatInformation(correction: correction, mask: mask), into: &rows, transposed: false)
    }

    /// Masks both orientations and draws the format information into both.
    private static func apply(_ mask: QRMask, rows: inout BitMatrix, columns: inout BitMatrix,
                              correction: ErrorCorrection, template: SymbolTemplate) {
        xor(&rows, template.masks[mask.number])
        xor(&columns, template.masksTransposed[mask.number])
        let format = FormatInformation(correction: correction, mask: mask)
        drawFormat(format, into: &rows, transposed: false)
        drawFormat(format, into: &columns, transposed: true)
    }

    private static func xor(_ matrix: inout BitMatrix, _ pattern: BitMatrix) {
        matrix.words.withUnsafeMutableBufferPointer { target in
            pattern.words.withUnsafeBufferPointer { source in
                for i in 0..<target.count { target[i] ^= source[i] }
            }
        }
    }

    /// Writes both copies of the format information (§7.9.1).
    static func drawFormat(_ format: FormatInformation, into matrix: inout BitMatrix, transposed: Bool) {
        let bits = format.bits
        let size = matrix.width
        let positions = FormatInformation.primaryPositions() + FormatInformation.secondaryPositions(size: size)
        for (index, position) in positions.enumerated() {
            let isDark = bits >> (index % 15) & 1 != 0
            if transposed { matrix[position.y, position.x] = isDark } else { matrix[position.x, position.y] = isDark }
        }
    }
}

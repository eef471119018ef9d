/// Turns data codewords into a finished symbol: error correction and
/// interleaving (§7.5–7.6), module placement (§7.7), masking and format
/// information (§7.8–7.9).
enum SymbolBuilder {
    /// Builds the symbol. With `mask` nil, every mask is tried and the one with
    /// the lowest ``MaskPenalty`` wins, the lowest-numbered on ties.
    /// - Precondition: `dataCodewords.count` equals the data capacity of
    ///   `version` at `correctionLevel`.
    static func build(
        dataCodewords: [UInt8], version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        mask: QRMask?
    ) -> QRCode {
        let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
        precondition(dataCodewords.count == blocks.dataCodewords, "data codeword count does not match the version")
        let codewords = interleave(dataCodewords, blocks: blocks)
        let template = SymbolTemplate.of(version)
        var rows = template.base
        var columns = template.baseTransposed
        place(codewords, template: template, rows: &rows, columns: &columns)
        let chosen =
            mask ?? bestMask(rows: rows, columns: columns, correctionLevel: correctionLevel, template: template)
        finish(&rows, mask: chosen, correctionLevel: correctionLevel, template: template)
        return QRCode(version: version, correctionLevel: correctionLevel, mask: chosen, modules: rows)
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
                let slot =
                    i < blocks.shortBlockDataCount
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
    private static func place(
        _ codewords: [UInt8], template: SymbolTemplate,
        rows: inout BitMatrix, columns: inout BitMatrix
    ) {
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
    private static func bestMask(
        rows: BitMatrix, columns: BitMatrix, correctionLevel: ErrorCorrectionLevel,
        template: SymbolTemplate
    ) -> QRMask {
        var best = (mask: QRMask.all[0], score: Int.max)
        var maskedRows = rows, maskedColumns = columns
        for mask in QRMask.all {
            xor(rows, template.masks[mask.number], into: &maskedRows)
            xor(columns, template.masksTransposed[mask.number], into: &maskedColumns)
            let format = FormatInformation(correctionLevel: correctionLevel, mask: mask)
            drawFormat(format, into: &maskedRows, slots: template.formatSlots, transposed: false)
            drawFormat(format, into: &maskedColumns, slots: template.formatSlots, transposed: true)
            let score = MaskPenalty.score(rows: maskedRows, columns: maskedColumns)
            if score < best.score { best = (mask, score) }
        }
        return best.mask
    }

    /// Applies the chosen mask and draws the format information.
    private static func finish(
        _ rows: inout BitMatrix, mask: QRMask, correctionLevel: ErrorCorrectionLevel,
        template: SymbolTemplate
    ) {
        let unmasked = rows
        xor(unmasked, template.masks[mask.number], into: &rows)
        drawFormat(
            FormatInformation(correctionLevel: correctionLevel, mask: mask), into: &rows,
            slots: template.formatSlots, transposed: false)
    }

    /// `target` = `source` XOR `pattern`, word by word, reusing `target`'s storage.
    private static func xor(_ source: BitMatrix, _ pattern: BitMatrix, into target: inout BitMatrix) {
        target.words.withUnsafeMutableBufferPointer { out in
            source.words.withUnsafeBufferPointer { a in
                pattern.words.withUnsafeBufferPointer { b in
                    for i in 0..<out.count { out[i] = a[i] ^ b[i] }
                }
            }
        }
    }

    /// Writes both copies of the format information (§7.9.1) into a symbol
    /// or, with `transposed`, into its transpose.
    private static func drawFormat(
        _ format: FormatInformation, into matrix: inout BitMatrix,
        slots: [SymbolTemplate.FormatSlot], transposed: Bool
    ) {
        let bits = format.bits
        matrix.words.withUnsafeMutableBufferPointer { words in
            for slot in slots {
                let (index, mask) = transposed ? (slot.columnWord, slot.columnMask) : (slot.rowWord, slot.rowMask)
                if bits >> slot.bit & 1 != 0 { words[index] |= mask } else { words[index] &= ~mask }
            }
        }
    }
}

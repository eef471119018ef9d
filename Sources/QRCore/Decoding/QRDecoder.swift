/// Decodes a sampled QR Code grid into its content: the half of a reader
/// that knows nothing about images. It undoes the encoder's steps of
/// ISO/IEC 18004:2015 in reverse: format and version information (§7.9,
/// §7.10), mask (§7.8), placement (§7.7.3), interleaving and Reed–Solomon
/// error correction (§7.5–7.6), and the data bit stream (§7.4). It reads
/// QR Code Model 1 symbols too (versions 1–14; ISO/IEC 18004:2000 Annex M),
/// told apart by their format information, with their own codeword
/// placement and block tables, Micro QR Code grids (11, 13, 15 or 17
/// modules, M1–M4) and rMQR grids (ISO/IEC 23941:2022, R7x43–R17x139),
/// told apart by their size.
///
/// ```swift
/// let symbol = try QRDecoder.decode(grid)
/// print(symbol.text, symbol.version, symbol.errorsCorrected)
/// ```
///
/// A caseless enum: decoding keeps no state between calls. The per-version
/// templates it uses are built once and shared, so the detector can call it
/// on several candidate grids per image at the cost of the decoding alone.
public enum QRDecoder {
    /// Decodes a symbol from its modules.
    ///
    /// Reads the format and version information, removes the mask, reads
    /// the codewords, corrects each Reed–Solomon block and parses the bit
    /// stream. If that fails, the transposed grid is tried, since a mirrored
    /// symbol is the transpose of the true one (then ``DecodedSymbol/isMirrored``
    /// is true); if both fail, the error of the unmirrored attempt is thrown.
    /// - Parameters:
    ///   - grid: the symbol's modules without quiet zone, `size`×`size` with
    ///     size = 17 + 4·version (or a Micro QR or rMQR size); `true` is dark.
    ///   - uncertain: modules the sampler could not read reliably (`true` =
    ///     uncertain), the same size as `grid`. Codewords that touch them
    ///     become erasures for blocks that errors-only decoding cannot correct.
    ///   - characterSet: the character set of byte data that no ECI declares;
    ///     nil (the default) guesses it. An ECI in the symbol still wins.
    /// - Throws: ``QRDecodingError``.
    /// - Complexity: O(size²) for a clean symbol.
    public static func decode(
        _ grid: BitMatrix, uncertain: BitMatrix? = nil,
        characterSet: CharacterEncoding? = nil
    ) throws(QRDecodingError) -> DecodedSymbol {
        if let uncertain {
            precondition(
                uncertain.width == grid.width && uncertain.height == grid.height,
                "the uncertain matrix must have the grid's size")
        }
        do throws(QRDecodingError) {
            return try decode(grid, uncertain: uncertain, mirrored: false, characterSet: characterSet)
        } catch {
            switch error {
            case .invalidGridSize, .versionInformationUnreadable, .versionMismatch:
                throw error  // a transposed grid has the same size and version blocks
            default:
                let transposed = grid.transposed(), transposedUncertain = uncertain?.transposed()
                guard
                    let symbol = try? decode(
                        transposed, uncertain: transposedUncertain, mirrored: true,
                        characterSet: characterSet)
                else {
                    throw error
                }
                return symbol
            }
        }
    }

    /// One attempt, in the grid's orientation: each reading of the format
    /// information in turn, until one decodes (see
    /// ``SymbolInformation/readings(from:)``); the first one's error if none does.
    private static func decode(
        _ grid: BitMatrix, uncertain: BitMatrix?, mirrored: Bool,
        characterSet: CharacterEncoding?
    ) throws(QRDecodingError) -> DecodedSymbol {
        if MicroQRDecoder.isMicroSize(grid) {
            return try MicroQRDecoder.decode(
                grid, uncertain: uncertain, mirrored: mirrored, characterSet: characterSet)
        }
        if RMQRDecoder.isRMQRSize(grid) {
            return try RMQRDecoder.decode(grid, uncertain: uncertain, mirrored: mirrored, characterSet: characterSet)
        }
        let readings = try SymbolInformation.readings(from: grid)
        var firstError: QRDecodingError?
        for reading in readings {
            do throws(QRDecodingError) {
                return try decode(
                    grid, uncertain: uncertain, as: try reading.get(), mirrored: mirrored,
                    characterSet: characterSet)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError!
    }

    /// Decodes the grid as the symbol `information` describes.
    private static func decode(
        _ grid: BitMatrix, uncertain: BitMatrix?, as information: SymbolInformation,
        mirrored: Bool, characterSet: CharacterEncoding?
    ) throws(QRDecodingError) -> DecodedSymbol {
        let (order, mask, blocks) = layout(of: information)
        var codewords = CodewordReader.codewords(in: grid, masking: mask, order: order)
        var doubtful = uncertain.map { CodewordReader.codewords(in: $0, masking: nil, order: order) }
        if information.model == .model1 {
            // The bottom-right 2×2 corner, the first codeword's top bits, carries
            // nothing (zxing-cpp reads it as zero too); nor do the remainder
            // codewords after the blocks.
            codewords[0] &= 0x0F
            codewords.removeSubrange(blocks.totalCodewords...)
            doubtful?.removeSubrange(blocks.totalCodewords...)
        }
        let (data, corrected) = try BlockCorrector.correctedData(codewords, uncertain: doubtful, blocks: blocks)
        let content = try BitstreamParser.parse(data, version: information.version, model: information.model)
        return DecodedSymbol(
            content: content, information: information, mirrored: mirrored, errorsCorrected: corrected,
            characterSet: characterSet)
    }

    /// The data modules in placement order, the pattern of the symbol's mask
    /// and the block structure, for the symbol's model, version and level.
    private static func layout(
        of information: SymbolInformation
    )
        -> (order: [UInt16], mask: BitMatrix, blocks: BlockStructure)
    {
        let mask = information.format.mask.number
        switch information.model {
        case .model1:
            let template = Model1Template.of(information.version)
            return (template.dataOrder, template.masks[mask], information.blocks)
        case .model2:
            let template = SymbolTemplate.of(information.version)
            return (template.dataOrder, template.masks[mask], information.blocks)
        }
    }
}

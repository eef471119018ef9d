/// Decodes a sampled QR Code grid into its content: the half of a reader
/// that knows nothing about images. It undoes the encoder's steps of
/// ISO/IEC 18004:2015 in reverse: format and version information (§7.9,
/// §7.10), mask (§7.8), placement (§7.7.3), interleaving and Reed–Solomon
/// error correction (§7.5–7.6), and the data bit stream (§7.4).
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
    ///     size = 17 + 4·version; `true` is dark.
    ///   - uncertain: modules the sampler could not read reliably (`true` =
    ///     uncertain), the same size as `grid`. Codewords that touch them
    ///     become erasures for blocks that errors-only decoding cannot correct.
    ///   - characterSet: the character set of byte data that no ECI declares;
    ///     nil (the default) guesses it. An ECI in the symbol still wins.
    /// - Throws: ``QRDecodingError``.
    /// - Complexity: O(size²) for a clean symbol.
    public static func decode(_ grid: BitMatrix, uncertain: BitMatrix? = nil,
                              characterSet: CharacterEncoding? = nil) throws(QRDecodingError) -> DecodedSymbol {
        if let uncertain {
            precondition(uncertain.width == grid.width && uncertain.height == grid.height,
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
                guard let symbol = try? decode(transposed, uncertain: transposedUncertain, mirrored: true,
                                               characterSet: characterSet) else {
                    throw error
                }
                return symbol
            }
        }
    }

    /// One attempt, in the grid's orientation.
    private static func decode(_ grid: BitMatrix, uncertain: BitMatrix?, mirrored: Bool,
                               characterSet: CharacterEncoding?) throws(QRDecodingError) -> DecodedSymbol {
        let information = try SymbolInformation.read(from: grid)
        let template = SymbolTemplate.of(information.version)
        let mask = template.masks[information.format.mask.number]
        let codewords = CodewordReader.codewords(in: grid, masking: mask, template: template)
        let doubtful = uncertain.map { CodewordReader.codewords(in: $0, masking: nil, template: template) }
        let blocks = BlockStructure(version: information.version, correctionLevel: information.format.correctionLevel)
        let (data, corrected) = try BlockCorrector.correctedData(codewords, uncertain: doubtful, blocks: blocks)
        let content = try BitstreamParser.parse(data, version: information.version)
        return DecodedSymbol(content: content, information: information, mirrored: mirrored, errorsCorrected: corrected,
                             characterSet: characterSet)
    }
}

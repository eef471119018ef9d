/// The model, version, error-correction level and mask of a sampled symbol,
/// read from its size, version information (§7.10) and format information (§7.9).
struct SymbolInformation: Sendable, Hashable {
    let version: QRVersion
    let format: FormatInformation
    /// Model 1 or 2, told apart by the mask of the format information.
    let model: SymbolModel

    /// The Reed–Solomon blocks of the symbol's model, version and level.
    var blocks: BlockStructure {
        switch model {
        case .model1: Model1Version.of(version).blockStructure(format.correctionLevel)
        case .model2: BlockStructure(version: version, correctionLevel: format.correctionLevel)
        }
    }

    /// Bit errors a copy may have: the format code (15, 5) has minimum
    /// distance 7 and the version code (18, 6) has 8 (Annexes C and D), so 3
    /// errors are corrected unambiguously in either.
    private static let correctableBits = 3

    /// Module positions of the format copy beside the top-left finder.
    private static let primaryFormatPositions = FormatInformation.primaryPositions()

    /// The readings of `grid`, a symbol without quiet zone, worth decoding,
    /// the likelier first; a Model 2 reading fails when the version
    /// information is unreadable or contradicts the size.
    ///
    /// The format information says the model: Model 1 masks its BCH code with
    /// 0x2825 where Model 2 uses 0x5412 (§7.9.1), and the two sets of
    /// codewords lie 5 bits apart, so each corrects 3 errors but a badly
    /// damaged copy can come within 3 of both. Nothing else in the geometry
    /// tells them apart (a version 1 symbol of either model has the same
    /// function patterns; the alignment patterns a Model 2 symbol has from
    /// version 2 can be missed). So each model whose format codeword lies
    /// within 3 bits gives a reading, the nearer first (Model 2 on a tie), and
    /// the caller keeps the one that Reed–Solomon decoding accepts; but a
    /// copy that matches one model exactly settles it, since the other model's
    /// codewords are at least 5 errors away. Model 1 has no version
    /// information: its version is the size's.
    /// - Throws: ``QRDecodingError/invalidGridSize(width:height:)`` or
    ///   ``QRDecodingError/formatInformationUnreadable(distance:)``; a reading
    ///   holds ``QRDecodingError/versionInformationUnreadable(sizeVersion:)`` or
    ///   ``QRDecodingError/versionMismatch(fromSize:fromVersionInformation:)``.
    static func readings(from grid: BitMatrix) throws(QRDecodingError) -> [Result<SymbolInformation, QRDecodingError>] {
        let size = grid.width
        guard size == grid.height, (21...177).contains(size), (size - 17) % 4 == 0 else {
            throw .invalidGridSize(width: grid.width, height: grid.height)
        }
        let sizeVersion = QRVersion(uncheckedNumber: (size - 17) / 4)
        let formats = readFormats(grid, allowsModel1: sizeVersion.number <= Model1Version.maximum)
        var usable = formats.filter { $0.distance <= correctableBits }.sorted { $0.distance < $1.distance }
        guard let nearest = usable.first else {
            throw .formatInformationUnreadable(distance: formats.map(\.distance).min() ?? Int.max)
        }
        if nearest.distance == 0 { usable = [nearest] }
        return usable.map { format, model, _ in
            Result { () throws(QRDecodingError) in
                let version = model == .model1 ? sizeVersion : try readVersion(grid, sizeVersion: sizeVersion)
                return SymbolInformation(version: version, format: format, model: model)
            }
        }
    }

    /// Whether a copy of `grid`'s format information is a Model 1 codeword
    /// with at most one bit wrong, and nearer to it than to any Model 2
    /// codeword: a cheap sign, for the detector, that the grid is a Model 1
    /// symbol (random bits come that close about once in twenty grids).
    static func readsAsModel1(_ grid: BitMatrix) -> Bool {
        let size = grid.width
        guard size == grid.height, (21...(17 + 4 * Model1Version.maximum)).contains(size), (size - 17) % 4 == 0 else {
            return false
        }
        let formats = readFormats(grid, allowsModel1: true)
        return formats[1].distance <= 1 && formats[1].distance < formats[0].distance
    }

    /// The version: from the size below 7; from 7 on, checked against the
    /// nearer of the two version information blocks (Figure 27). A
    /// disagreement is reported only when the blocks are confident (both
    /// decode to the same version, or one without error); otherwise the size
    /// wins, because it comes from the finder pattern geometry and the
    /// Reed–Solomon check will catch a wrong guess.
    private static func readVersion(_ grid: BitMatrix, sizeVersion: QRVersion) throws(QRDecodingError) -> QRVersion {
        guard sizeVersion.number >= 7 else { return sizeVersion }
        var first = 0, second = 0
        for (i, position) in VersionInformation.positions(size: grid.width).enumerated() {
            if grid[position.x, position.y] { first |= 1 << i }
            if grid[position.y, position.x] { second |= 1 << i }
        }
        let (firstIndex, firstDistance) = BCH.nearest(to: first, among: VersionInformation.codewords)
        let (secondIndex, secondDistance) = BCH.nearest(to: second, among: VersionInformation.codewords)
        let index = firstDistance <= secondDistance ? firstIndex : secondIndex
        let distance = min(firstDistance, secondDistance)
        guard distance <= correctableBits else { throw .versionInformationUnreadable(sizeVersion: sizeVersion) }
        let decoded = QRVersion(uncheckedNumber: 7 + index)
        let agree = firstIndex == secondIndex && max(firstDistance, secondDistance) <= correctableBits
        if decoded != sizeVersion && (agree || distance == 0) {
            throw .versionMismatch(fromSize: sizeVersion, fromVersionInformation: decoded)
        }
        return sizeVersion
    }

    /// Per model (Model 1 only where the size allows it, versions 1–14), the
    /// format whose codeword is nearest to one of four candidates, and its
    /// distance: the two copies (Figure 25) and the two mixtures of their halves.
    ///
    /// Each copy is split between two places: bits 0–7 of the first run
    /// down column 8 and bits 8–14 along row 8 by the top-left finder; bits
    /// 0–7 of the second run along row 8 by the top-right finder and bits
    /// 8–14 down column 8 by the bottom-left one. A crease or scratch along
    /// row 8 spoils the first copy's high half and the second's low half but
    /// leaves the other two halves, which together make a whole copy; a
    /// line along column 8 does the opposite.
    private static func readFormats(
        _ grid: BitMatrix, allowsModel1: Bool
    )
        -> [(format: FormatInformation, model: SymbolModel, distance: Int)]
    {
        var first = 0, second = 0
        for (i, position) in primaryFormatPositions.enumerated() where grid[position.x, position.y] {
            first |= 1 << i
        }
        for (i, position) in FormatInformation.secondaryPositions(size: grid.width).enumerated()
        where grid[position.x, position.y] {
            second |= 1 << i
        }
        let low = 0xFF, high = 0x7F00
        let candidates = [first, second, first & low | second & high, second & low | first & high]
        let models: [(SymbolModel, [Int])] =
            [(.model2, FormatInformation.codewords)]
            + (allowsModel1 ? [(.model1, FormatInformation.model1Codewords)] : [])
        return models.map { model, codewords in
            var best = (index: 0, distance: Int.max)
            for candidate in candidates {
                let match = BCH.nearest(to: candidate, among: codewords)
                if match.distance < best.distance { best = match }
            }
            let format = FormatInformation(
                correctionLevel: ErrorCorrectionLevel(formatBits: best.index >> 3),
                mask: QRMask(uncheckedNumber: best.index & 7))
            return (format, model, best.distance)
        }
    }
}

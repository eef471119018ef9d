/// The version, error-correction level and mask of a sampled symbol, read
/// from its size, version information (§7.10) and format information (§7.9).
struct SymbolInformation: Sendable, Hashable {
    let version: QRVersion
    let format: FormatInformation

    /// Bit errors a copy may have: the format code (15, 5) has minimum
    /// distance 7 and the version code (18, 6) has 8 (Annexes C and D), so 3
    /// errors are corrected unambiguously in either.
    private static let correctableBits = 3

    /// Version information codewords of versions 7…40, in order.
    private static let versionCodewords = (7...40).map {
        VersionInformation.codeword(for: QRVersion(uncheckedNumber: $0))
    }
    /// Module positions of the format copy beside the top-left finder.
    private static let primaryFormatPositions = FormatInformation.primaryPositions()

    /// Reads the information of `grid`, a symbol without quiet zone.
    /// - Throws: ``QRDecodingError/invalidGridSize(width:height:)``,
    ///   ``QRDecodingError/versionInformationUnreadable(sizeVersion:)``,
    ///   ``QRDecodingError/versionMismatch(fromSize:fromVersionInformation:)`` or
    ///   ``QRDecodingError/formatInformationUnreadable(distance:)``.
    static func read(from grid: BitMatrix) throws(QRDecodingError) -> SymbolInformation {
        let size = grid.width
        guard size == grid.height, (21...177).contains(size), (size - 17) % 4 == 0 else {
            throw .invalidGridSize(width: grid.width, height: grid.height)
        }
        let version = try readVersion(grid, sizeVersion: QRVersion(uncheckedNumber: (size - 17) / 4))
        return SymbolInformation(version: version, format: try readFormat(grid))
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
        let (firstIndex, firstDistance) = nearest(to: first, among: versionCodewords)
        let (secondIndex, secondDistance) = nearest(to: second, among: versionCodewords)
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

    /// The format from whichever candidate is nearest to a format codeword:
    /// the two copies (Figure 25), then the two mixtures of their halves.
    ///
    /// Each copy is split between two places: bits 0–7 of the first run
    /// down column 8 and bits 8–14 along row 8 by the top-left finder; bits
    /// 0–7 of the second run along row 8 by the top-right finder and bits
    /// 8–14 down column 8 by the bottom-left one. A crease or scratch along
    /// row 8 spoils the first copy's high half and the second's low half but
    /// leaves the other two halves, which together make a whole copy; a
    /// line along column 8 does the opposite.
    private static func readFormat(_ grid: BitMatrix) throws(QRDecodingError) -> FormatInformation {
        var first = 0, second = 0
        for (i, position) in primaryFormatPositions.enumerated() where grid[position.x, position.y] {
            first |= 1 << i
        }
        for (i, position) in FormatInformation.secondaryPositions(size: grid.width).enumerated()
        where grid[position.x, position.y] {
            second |= 1 << i
        }
        let low = 0xFF, high = 0x7F00
        var best = (index: 0, distance: Int.max)
        for candidate in [first, second, first & low | second & high, second & low | first & high] {
            let match = nearest(to: candidate, among: FormatInformation.codewords)
            if match.distance < best.distance { best = match }
        }
        guard best.distance <= correctableBits else { throw .formatInformationUnreadable(distance: best.distance) }
        return FormatInformation(correctionLevel: ErrorCorrectionLevel(formatBits: best.index >> 3),
                                 mask: QRMask(uncheckedNumber: best.index & 7))
    }

    /// The index of the codeword nearest to `bits`, and its Hamming distance;
    /// the first one on ties.
    private static func nearest(to bits: Int, among codewords: [Int]) -> (index: Int, distance: Int) {
        var best = (index: 0, distance: Int.max)
        for (index, codeword) in codewords.enumerated() {
            let distance = (codeword ^ bits).nonzeroBitCount
            if distance < best.distance { best = (index, distance) }
        }
        return best
    }
}

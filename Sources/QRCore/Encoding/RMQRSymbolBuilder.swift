/// Turns data codewords into an rMQR symbol (ISO/IEC 23941:2022): the
/// blocks' error correction, the codewords interleaved and placed in
/// two-module columns from the right end, the single data mask, and the
/// format information twice.
///
/// There is no mask to choose, so there is no penalty to score: the whole
/// symbol is drawn once.
enum RMQRSymbolBuilder {
    static func build(dataCodewords: [UInt8], version: QRVersion, correctionLevel: ErrorCorrectionLevel) -> QRCode {
        let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
        precondition(dataCodewords.count == blocks.dataCodewords, "data codeword count does not match the size")
        let codewords = SymbolBuilder.interleave(dataCodewords, blocks: blocks)
        let layout = RMQRLayout.of(version)
        var matrix = layout.functionPatterns
        var index = 0
        for (x, y) in layout.dataPositions {
            // Remainder modules past the last codeword stay light before masking (§7.7.3).
            let dark = index < codewords.count * 8 && codewords[index >> 3] << UInt8(index & 7) & 0x80 != 0
            if dark != QRMask.rmqr.inverts(x: x, y: y) { matrix[x, y] = true }
            index += 1
        }
        layout.drawFormat(RMQRFormatInformation(version: version, correctionLevel: correctionLevel), into: &matrix)
        return QRCode(version: version, correctionLevel: correctionLevel, mask: .rmqr, modules: matrix)
    }
}

/// Where an rMQR symbol's function patterns and data modules lie
/// (ISO/IEC 23941:2022 §6.3): the finder pattern at the left end with its
/// separator, the sub-finder pattern in the bottom-right corner, corner
/// patterns in the other two corners, timing patterns along all four edges
/// and down each alignment column, alignment patterns at the top and bottom
/// of those columns, and the two format-information fields.
struct RMQRLayout {
    let width: Int, height: Int
    /// The function patterns' colours (format fields light).
    let functionPatterns: BitMatrix
    /// Which modules belong to function patterns or format fields.
    let isFunction: BitMatrix
    /// Which modules hold format information (both copies).
    let isFormat: BitMatrix
    /// The modules whose colour a reader knows before reading anything: every
    /// function-pattern module (format fields excepted) and the ring of quiet
    /// zone just outside the symbol (x or y of −1, `width` or `height`), with
    /// whether each is dark. The detector compares them with an image.
    let knownModules: [(x: Int, y: Int, dark: Bool)]
    /// Data module positions in placement order.
    let dataPositions: [(x: Int, y: Int)]

    /// The layouts built so far, each on first use: the encoder, the decoder
    /// and the detector (which checks several sizes per candidate) share
    /// them. All 32 at once cost a few milliseconds, which a one-shot
    /// `qr decode` would pay as soon as texture passed for an rMQR finder.
    private static let cache = Locked<[RMQRLayout?]>(Array(repeating: nil, count: QRVersion.allRMQR.count))

    /// The layout of an rMQR size.
    static func of(_ version: QRVersion) -> RMQRLayout {
        precondition(version.kind == .rmqr, "not an rMQR size")
        return cache.entry(at: version.number - 1) { RMQRLayout(building: version) }
    }

    private init(building version: QRVersion) {
        width = version.width
        height = version.height
        var patterns = Patterns(width: width, height: height)
        patterns.drawTimingEdges()
        patterns.drawFinder()
        patterns.drawSubFinder()
        patterns.drawCorners()
        for column in RMQRSpec.alignmentColumns(width: width) { patterns.drawAlignment(column: column) }
        var format = BitMatrix(width: width, height: height)
        for (x, y) in RMQRFormatInformation.finderSidePositions { format[x, y] = true }
        for (x, y) in RMQRFormatInformation.subFinderSidePositions(width: width, height: height) { format[x, y] = true }
        for y in 0..<height {
            for x in 0..<width where format[x, y] { patterns.reserve(x, y) }
        }
        isFormat = format
        var known: [(x: Int, y: Int, dark: Bool)] = []
        for y in -1...height {
            for x in -1...width {
                let inside = (0..<width).contains(x) && (0..<height).contains(y)
                if inside && (!patterns.reserved[x, y] || format[x, y]) { continue }
                known.append((x, y, inside && patterns.colours[x, y]))
            }
        }
        knownModules = known
        functionPatterns = patterns.colours
        isFunction = patterns.reserved
        dataPositions = Self.placementOrder(isFunction: patterns.reserved)
    }

    /// Both copies of the format information, each with its own mask.
    func drawFormat(_ format: RMQRFormatInformation, into matrix: inout BitMatrix) {
        let codeword = RMQRFormatInformation.unmaskedCodewords[format.data]
        let copies = [
            (RMQRFormatInformation.finderSidePositions, RMQRFormatInformation.finderSideMask),
            (
                RMQRFormatInformation.subFinderSidePositions(width: width, height: height),
                RMQRFormatInformation.subFinderSideMask
            ),
        ]
        for (positions, mask) in copies {
            let bits = codeword ^ mask
            for (bit, position) in positions.enumerated() { matrix[position.x, position.y] = bits >> bit & 1 != 0 }
        }
    }

    /// Two-module columns from the right end leftwards (the rightmost column
    /// is the edge timing pattern), upwards first, then alternating; function
    /// modules are skipped (§7.7.3).
    private static func placementOrder(isFunction: BitMatrix) -> [(x: Int, y: Int)] {
        var order: [(x: Int, y: Int)] = []
        order.reserveCapacity(isFunction.width * isFunction.height)
        var upward = true
        for right in stride(from: isFunction.width - 2, through: 1, by: -2) {
            for step in 0..<isFunction.height {
                let y = upward ? isFunction.height - 1 - step : step
                for x in [right, right - 1] where !isFunction[x, y] { order.append((x, y)) }
            }
            upward.toggle()
        }
        return order
    }

    /// The function patterns as they are drawn: each module's colour and
    /// whether it is reserved.
    private struct Patterns {
        let width: Int, height: Int
        var colours: BitMatrix
        var reserved: BitMatrix

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            colours = BitMatrix(width: width, height: height)
            reserved = BitMatrix(width: width, height: height)
        }

        mutating func set(_ x: Int, _ y: Int, dark: Bool) {
            colours[x, y] = dark
            reserved[x, y] = true
        }

        mutating func reserve(_ x: Int, _ y: Int) { reserved[x, y] = true }

        /// Alternating modules along the four edges, dark on even coordinates.
        mutating func drawTimingEdges() {
            for x in 0..<width {
                set(x, 0, dark: x % 2 == 0)
                set(x, height - 1, dark: x % 2 == 0)
            }
            for y in 0..<height {
                set(0, y, dark: y % 2 == 0)
                set(width - 1, y, dark: y % 2 == 0)
            }
        }

        /// The 7 × 7 finder pattern in the top-left corner and its light
        /// separator (a column, and a row where the symbol is taller than 7).
        mutating func drawFinder() {
            for y in 0..<7 {
                for x in 0..<7 { set(x, y, dark: max(abs(x - 3), abs(y - 3)) != 2) }
            }
            for y in 0..<min(8, height) { set(7, y, dark: false) }
            if height > 7 {
                for x in 0..<8 { set(x, 7, dark: false) }
            }
        }

        /// The 5 × 5 sub-finder pattern in the bottom-right corner: a dark
        /// ring, a light ring, a dark centre.
        mutating func drawSubFinder() {
            for y in height - 5..<height {
                for x in width - 5..<width {
                    set(x, y, dark: max(abs(x - (width - 3)), abs(y - (height - 3))) != 1)
                }
            }
        }

        /// The corner patterns: top right always; bottom left where the
        /// finder does not reach the bottom edge, whole from height 11 on
        /// (at height 9 the separator takes its upper half).
        mutating func drawCorners() {
            set(width - 2, 0, dark: true)
            set(width - 1, 1, dark: true)
            set(width - 2, 1, dark: false)
            if height > 7 { set(1, height - 1, dark: true) }
            guard height > 9 else { return }
            set(0, height - 2, dark: true)
            set(1, height - 2, dark: false)
        }

        /// Alignment patterns (3 × 3, dark ring, light centre) at both ends of
        /// `column`, and the timing pattern that joins them.
        mutating func drawAlignment(column: Int) {
            for top in [0, height - 3] {
                for y in top..<top + 3 {
                    for x in column - 1...column + 1 { set(x, y, dark: x != column || y != top + 1) }
                }
            }
            for y in 3..<height - 3 { set(column, y, dark: y % 2 == 0) }
        }
    }
}

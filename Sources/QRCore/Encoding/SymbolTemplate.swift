/// Everything about a symbol of one version that does not depend on its data:
/// the function patterns, where the data bits go, and the eight mask patterns
/// (ISO/IEC 18004:2015 §6.3 and §7.7–7.8). Built once per version and shared.
struct SymbolTemplate: Sendable {
    let version: QRVersion
    var size: Int { version.size }
    /// Dark where a module belongs to a function pattern, format or version information.
    let function: BitMatrix
    /// The function patterns drawn, format information left light.
    let base: BitMatrix
    /// `base`, transposed, for scoring columns as rows.
    let baseTransposed: BitMatrix
    /// Data modules in placement order (§7.7.3), each `x | y << 8`.
    let dataOrder: [UInt16]
    /// Per mask, the modules it inverts (data modules only).
    let masks: [BitMatrix]
    /// `masks`, transposed.
    let masksTransposed: [BitMatrix]
    /// Where the 30 format information modules sit, as word indices and bits
    /// of `base` and of `baseTransposed`, with the format bit each carries.
    let formatSlots: [FormatSlot]

    struct FormatSlot: Sendable {
        let bit: Int
        let rowWord: Int, rowMask: UInt64
        let columnWord: Int, columnMask: UInt64
    }

    private static let cache = Locked<[SymbolTemplate?]>(Array(repeating: nil, count: 40))

    /// The shared template of `version`, built on first use.
    static func of(_ version: QRVersion) -> SymbolTemplate {
        cache.entry(at: version.number - 1) { SymbolTemplate(version: version) }
    }

    private init(version: QRVersion) {
        self.version = version
        var function = BitMatrix(size: version.size)
        var base = BitMatrix(size: version.size)
        FunctionPatterns.draw(version: version, function: &function, dark: &base)
        self.function = function
        self.base = base
        self.baseTransposed = base.transposed()
        self.dataOrder = Self.placementOrder(function: function)
        self.masks = QRMask.all.map { mask in Self.maskPattern(mask, function: function) }
        self.masksTransposed = masks.map { $0.transposed() }
        self.formatSlots = Self.formatSlots(size: version.size, stride: base.stride)
        assert(dataOrder.count == QRSpec.rawDataModules(version))
    }

    /// Data module positions in the order codeword bits fill them: two-module
    /// columns from the right edge, alternately upwards and downwards, skipping
    /// the vertical timing column and all function modules (§7.7.3, Figure 22).
    private static func placementOrder(function: BitMatrix) -> [UInt16] {
        let size = function.width
        var order: [UInt16] = []
        order.reserveCapacity(size * size)
        var upward = true
        var right = size - 1
        while right > 0 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !function[x, y] {
                    order.append(UInt16(x | y << 8))
                }
            }
            upward.toggle()
            right -= 2
        }
        return order
    }

    /// Both copies of the format information (§7.9.1, Figure 25), located in
    /// both orientations so that drawing a format is 30 word operations.
    private static func formatSlots(size: Int, stride: Int) -> [FormatSlot] {
        let positions = FormatInformation.primaryPositions() + FormatInformation.secondaryPositions(size: size)
        return positions.enumerated().map { index, p in
            FormatSlot(
                bit: index % 15,
                rowWord: p.y * stride + p.x >> 6, rowMask: 1 << UInt64(p.x & 63),
                columnWord: p.x * stride + p.y >> 6, columnMask: 1 << UInt64(p.y & 63))
        }
    }

    /// The modules that `mask` inverts: its condition holds and the module is data.
    private static func maskPattern(_ mask: QRMask, function: BitMatrix) -> BitMatrix {
        var pattern = BitMatrix(size: function.width)
        for y in 0..<function.height {
            for x in 0..<function.width where !function[x, y] && mask.inverts(x: x, y: y) {
                pattern[x, y] = true
            }
        }
        return pattern
    }
}

/// Draws the function patterns of a version (ISO/IEC 18004:2015 §6.3).
enum FunctionPatterns {
    /// Marks every function module in `function` and sets the dark ones in `dark`.
    /// Format information areas are reserved but left light.
    static func draw(version: QRVersion, function: inout BitMatrix, dark: inout BitMatrix) {
        let size = version.size
        func set(_ x: Int, _ y: Int, _ isDark: Bool) {
            function[x, y] = true
            dark[x, y] = isDark
        }
        for i in 0..<size {  // timing patterns (§6.3.5); finders overwrite their ends
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {  // finders and separators (§6.3.3–6.3.4)
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                    let ring = max(abs(dx), abs(dy))
                    set(cx + dx, cy + dy, ring != 2 && ring != 4)
                }
            }
        }
        drawAlignmentPatterns(version: version, set: set)
        for (x, y) in FormatInformation.primaryPositions() + FormatInformation.secondaryPositions(size: size) {
            set(x, y, false)
        }
        set(8, size - 8, true)  // the dark module (§7.9.1, Figure 25)
        if version.number >= 7 {
            let bits = VersionInformation.codeword(for: version)
            for (i, position) in VersionInformation.positions(size: size).enumerated() {
                let isDark = bits >> i & 1 != 0
                set(position.x, position.y, isDark)
                set(position.y, position.x, isDark)
            }
        }
    }

    /// Alignment patterns at every pair of centres of Table E.1, except the
    /// three that would overlap the finder patterns (§6.3.6).
    private static func drawAlignmentPatterns(version: QRVersion, set: (Int, Int, Bool) -> Void) {
        let centres = VersionRecord.of(version).alignmentCentres
        guard let first = centres.first, let last = centres.last else { return }
        for cy in centres {
            for cx in centres {
                if (cx == first && cy == first) || (cx == first && cy == last) || (cx == last && cy == first) {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
    }
}

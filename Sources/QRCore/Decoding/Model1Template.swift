/// Where the codewords of a QR Code Model 1 symbol sit, and its mask
/// patterns (ISO/IEC 18004:2000 Annex M; the placement as zxing-cpp reads it).
///
/// Model 2 snakes codeword bits up and down two-module columns (§7.7.3).
/// Model 1 places each codeword as a block of 8 modules, filled from its
/// bottom-right module leftwards, then row by row upwards:
/// - 2 wide × 4 tall in the two column pairs at the right edge (rows 9 to
///   the bottom, under the top-right finder), the rightmost pair first,
///   each pair from the bottom up;
/// - 4 wide × 2 tall in the middle columns 9…size−5, in groups of four from
///   the right, each from the bottom up, skipping the timing row 6 (the
///   rightmost group stops under the top-right finder);
/// - 2 wide × 4 tall in the four column pairs left of column 9 (8–7, 5–4,
///   3–2, 1–0: the timing column 6 is skipped), between the left finders.
///
/// Extension patterns take some blocks on the edges: on the right edge the
/// 3rd, 5th, … block from the bottom but the top one; on the bottom edge the
/// 2nd, 4th, … middle group from the right but the leftmost. The first
/// codeword's top four bits, the bottom-right 2×2 corner, carry nothing: the
/// data bit stream begins after them.
struct Model1Template: Sendable {
    let size: Int
    /// Data modules in placement order, 8 per codeword, each `x | y << 8`.
    let dataOrder: [UInt16]
    /// Per mask, the modules it inverts (over the whole symbol).
    let masks: [BitMatrix]

    /// Built on first use, one version at a time: all fourteen cost a few
    /// milliseconds, which a one-shot `qr decode` would pay whenever texture
    /// read as Model 1 format information.
    private static let cache = Locked<[Model1Template?]>(Array(repeating: nil, count: Model1Version.all.count))

    /// The template of Model 1 `version` (1…14).
    static func of(_ version: QRVersion) -> Model1Template {
        let number = Model1Version.of(version).number
        return cache.entry(at: number - 1) { Model1Template(size: 17 + 4 * number) }
    }

    /// The number of codewords the symbol holds.
    var codewordCount: Int { dataOrder.count / 8 }

    private init(size: Int) {
        self.size = size
        var order: [UInt16] = []
        Self.appendRightPairs(size: size, to: &order)
        Self.appendMiddleGroups(size: size, to: &order)
        Self.appendLeftPairs(size: size, to: &order)
        self.dataOrder = order
        self.masks = QRMask.all.map { mask in
            var pattern = BitMatrix(size: size)
            for y in 0..<size { for x in 0..<size where mask.inverts(x: x, y: y) { pattern[x, y] = true } }
            return pattern
        }
    }

    /// A codeword block whose bottom-right module is (`right`, `bottom`).
    private static func appendBlock(right: Int, bottom: Int, width: Int, to order: inout [UInt16]) {
        for bit in 0..<8 {
            let x = right - bit % width, y = bottom - bit / width
            order.append(UInt16(x | y << 8))
        }
    }

    private static func appendRightPairs(size: Int, to order: inout [UInt16]) {
        let rows = (size - 8) / 4
        for pair in 0..<2 {
            for row in 0..<rows {
                let isExtension = pair == 0 && row % 2 == 0 && row > 0 && row < rows - 1
                if !isExtension {
                    appendBlock(right: size - 1 - 2 * pair, bottom: size - 1 - 4 * row, width: 2, to: &order)
                }
            }
        }
    }

    private static func appendMiddleGroups(size: Int, to order: inout [UInt16]) {
        let groups = (size - 13) / 4, rows = size / 2
        for group in 0..<groups {
            for row in 0..<rows {
                let underFinder = group == 0 && row >= rows - 4
                let isExtension = row == 0 && group % 2 == 1 && group != groups - 1
                guard !underFinder && !isExtension else { continue }
                let bottom = size - 1 - 2 * row - (row >= rows - 3 ? 1 : 0)
                appendBlock(right: size - 5 - 4 * group, bottom: bottom, width: 4, to: &order)
            }
        }
    }

    private static func appendLeftPairs(size: Int, to order: inout [UInt16]) {
        let rows = (size - 16) / 4
        for right in [8, 5, 3, 1] {
            for row in 0..<rows { appendBlock(right: right, bottom: size - 9 - 4 * row, width: 2, to: &order) }
        }
    }
}

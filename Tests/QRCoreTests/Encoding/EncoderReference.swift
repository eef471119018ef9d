@testable import QRCore

/// ISO/IEC 18004:2015 facts re-derived for the encoder tests without going
/// through the encoder: published tables, GF(256) and BCH arithmetic done the
/// slow, obvious way, and a reader that takes a finished symbol apart again
/// (function-pattern map, unmasking, placement order, de-interleaving,
/// segment parsing). The tests compare the encoder against these.
enum EncoderReference {
    // MARK: - Published tables

    /// Table 1: total codewords of versions 1…40.
    static let totalCodewords = [
        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034,
        3196, 3362, 3532, 3706,
    ]

    /// Table 1: remainder bits of version `v` (0, 7, 0, 3, 4, 3, 0 in bands).
    static func remainderBits(version v: Int) -> Int {
        switch v {
        case 1: return 0
        case 2...6: return 7
        case 7...13: return 0
        case 14...20: return 3
        case 21...27: return 4
        case 28...34: return 3
        default: return 0
        }
    }

    /// Table 1: data modules (codeword bits plus remainder bits) of version `v`.
    static func rawDataModules(version v: Int) -> Int {
        totalCodewords[v - 1] * 8 + remainderBits(version: v)
    }

    /// Table C.1: the 32 masked format information codewords, by level then mask.
    static let formatTable: [ErrorCorrectionLevel: [Int]] = [
        .low: [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976],
        .medium: [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0],
        .quartile: [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED],
        .high: [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B],
    ]

    /// Table D.1: the version information codewords of versions 7…40.
    static let versionTable = [
        0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78,
        0x1145D, 0x12A17, 0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB,
        0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75, 0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B,
        0x2542E, 0x26A64, 0x27541, 0x28C69,
    ]

    /// Table 12: the two-bit error-correction level indicators.
    static func levelIndicator(_ level: ErrorCorrectionLevel) -> Int {
        switch level {
        case .low: return 0b01
        case .medium: return 0b00
        case .quartile: return 0b11
        case .high: return 0b10
        }
    }

    /// Table 3: character count field widths by mode, for versions 1–9, 10–26, 27–40.
    static func countWidth(_ mode: SegmentMode, version v: Int) -> Int {
        let band = v <= 9 ? 0 : (v <= 26 ? 1 : 2)
        switch mode {
        case .numeric: return [10, 12, 14][band]
        case .alphanumeric: return [9, 11, 13][band]
        case .byte: return [8, 16, 16][band]
        case .kanji, .hanzi: return [8, 10, 12][band]
        case .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend: return 0
        }
    }

    /// Table 5: the alphanumeric character set in value order.
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

    /// Data bits (without header) of `count` characters in `mode` (§7.4.3–7.4.6);
    /// for byte mode `count` is in bytes.
    static func payloadBits(_ mode: SegmentMode, count: Int) -> Int {
        switch mode {
        case .numeric: return 10 * (count / 3) + [0, 4, 7][count % 3]
        case .alphanumeric: return 11 * (count / 2) + 6 * (count % 2)
        case .byte: return 8 * count
        case .kanji, .hanzi: return 13 * count
        case .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend: return 0
        }
    }

    // MARK: - GF(256) and BCH arithmetic, the long way

    /// a·b in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1, by shift-and-add.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product = 0, shifted = Int(a), multiplier = Int(b)
        while multiplier != 0 {
            if multiplier & 1 != 0 { product ^= shifted }
            shifted <<= 1
            if shifted & 0x100 != 0 { shifted ^= 0x11D }
            multiplier >>= 1
        }
        return UInt8(product)
    }

    /// αⁿ (α = 2) by repeated multiplication.
    static func alphaPower(_ n: Int) -> UInt8 {
        var value: UInt8 = 1
        for _ in 0..<n { value = multiply(value, 2) }
        return value
    }

    /// g(x) = (x − α⁰)…(x − α^(degree−1)), coefficients from the highest power
    /// down, leading 1 included (Annex A).
    static func generator(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for i in 0..<degree {
            let root = alphaPower(i)
            var product = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (k, coefficient) in polynomial.enumerated() {
                product[k] ^= coefficient
                product[k + 1] ^= multiply(coefficient, root)
            }
            polynomial = product
        }
        return polynomial
    }

    /// The remainder of data(x)·x^degree divided by g(x), by schoolbook long division.
    static func errorCorrection(_ data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var work = data + [UInt8](repeating: 0, count: degree)
        for i in 0..<data.count where work[i] != 0 {
            let factor = work[i]
            for (k, coefficient) in divisor.enumerated() { work[i + k] ^= multiply(coefficient, factor) }
        }
        return Array(work.suffix(degree))
    }

    /// The polynomial with `coefficients` (highest power first) evaluated at `x`, by Horner's rule.
    static func evaluate(_ coefficients: [UInt8], at x: UInt8) -> UInt8 {
        coefficients.reduce(0) { multiply($0, x) ^ $1 }
    }

    /// data·2^(degree of generator) plus its remainder modulo `generator` over GF(2),
    /// dividing bit by bit from the top as on paper.
    static func bchCodeword(data: Int, generator: Int) -> Int {
        let degree = Int.bitWidth - 1 - generator.leadingZeroBitCount
        var bits = (0..<64).map { (data << degree) >> $0 & 1 }  // bits[i] is the coefficient of xⁱ
        let divisor = (0...degree).map { generator >> $0 & 1 }
        for power in stride(from: bits.count - 1, through: degree, by: -1) where bits[power] == 1 {
            for k in 0...degree { bits[power - degree + k] ^= divisor[k] }
        }
        let remainder = (0..<degree).reduce(0) { $0 | bits[$1] << $1 }
        return data << degree | remainder
    }

    /// The masked format codeword for `level` and `mask` (§7.9.1): BCH(15,5)
    /// with generator x¹⁰+x⁸+x⁵+x⁴+x²+x+1, XOR 101010000010010.
    static func formatCodeword(_ level: ErrorCorrectionLevel, mask: Int) -> Int {
        bchCodeword(data: levelIndicator(level) << 3 | mask, generator: 0b101_0011_0111) ^ 0b101_0100_0001_0010
    }

    /// The version codeword (§7.10): BCH(18,6) with generator
    /// x¹²+x¹¹+x¹⁰+x⁹+x⁸+x⁵+x²+1.
    static func versionCodeword(_ version: Int) -> Int {
        bchCodeword(data: version, generator: 0b1_1111_0010_0101)
    }

    // MARK: - Symbol geometry

    /// Alignment pattern centres that are actually drawn: every pair from
    /// Table E.1 except the three that would sit on a finder (§6.3.6).
    static func alignmentCentres(version v: Int) -> [(x: Int, y: Int)] {
        let coordinates = VersionRecord.of(QRVersion(uncheckedNumber: v)).alignmentCentres
        guard let first = coordinates.first, let last = coordinates.last else { return [] }
        var centres: [(x: Int, y: Int)] = []
        for y in coordinates {
            for x in coordinates
            where
                !((x == first && y == first) || (x == first && y == last)
                || (x == last && y == first))
            {
                centres.append((x, y))
            }
        }
        return centres
    }

    /// `map[y][x]` is true for modules of function patterns, format and version
    /// information and the dark module (§6.3, §7.9, §7.10).
    static func functionMap(version v: Int) -> [[Bool]] {
        let size = 17 + 4 * v
        var map = [[Bool]](repeating: [Bool](repeating: false, count: size), count: size)
        func mark(_ xs: ClosedRange<Int>, _ ys: ClosedRange<Int>) {
            for y in ys { for x in xs { map[y][x] = true } }
        }
        mark(0...8, 0...8)  // finder, separator, format copy 1
        mark((size - 8)...(size - 1), 0...8)  // finder, separator, format bits 0–7 of copy 2
        mark(0...8, (size - 8)...(size - 1))  // finder, separator, dark module, format bits 8–14
        mark(6...6, 0...(size - 1))  // vertical timing
        mark(0...(size - 1), 6...6)  // horizontal timing
        for centre in alignmentCentres(version: v) {
            mark((centre.x - 2)...(centre.x + 2), (centre.y - 2)...(centre.y + 2))
        }
        if v >= 7 {
            mark(0...5, (size - 11)...(size - 9))
            mark((size - 11)...(size - 9), 0...5)
        }
        return map
    }

    /// The data mask conditions of Table 10, with i the row and j the column.
    static func maskInverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// Data module positions in codeword placement order (§7.7.3): upward and
    /// downward two-module-wide columns from the right, skipping column 6.
    static func placementOrder(version v: Int) -> [(x: Int, y: Int)] {
        let map = functionMap(version: v)
        let size = map.count
        var order: [(x: Int, y: Int)] = []
        var upward = true
        var column = size - 1
        while column > 0 {
            if column == 6 { column = 5 }
            let rows = upward ? Array((0..<size).reversed()) : Array(0..<size)
            for y in rows {
                for x in [column, column - 1] where !map[y][x] { order.append((x, y)) }
            }
            upward.toggle()
            column -= 2
        }
        return order
    }

    // MARK: - Reading a symbol back

    /// Bits of the format copy beside the top-left finder, bit 14 first (Figure 25).
    static func primaryFormatBits(_ code: QRCode) -> Int {
        let positions = [
            (8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
            (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8),
        ]
        return positions.enumerated().reduce(0) { $0 | (code[$1.element.0, $1.element.1] ? 1 << $1.offset : 0) }
    }

    /// Bits of the format copy split between the top-right and bottom-left finders.
    static func secondaryFormatBits(_ code: QRCode) -> Int {
        let size = code.size
        var bits = 0
        for i in 0..<8 where code[size - 1 - i, 8] { bits |= 1 << i }
        for i in 8..<15 where code[8, size - 15 + i] { bits |= 1 << i }
        return bits
    }

    /// The (level, mask) whose Table C.1 codeword equals `bits` exactly.
    static func format(ofBits bits: Int) -> (level: ErrorCorrectionLevel, mask: Int)? {
        for (level, codewords) in formatTable {
            if let mask = codewords.firstIndex(of: bits) { return (level, mask) }
        }
        return nil
    }

    /// The 18 bits of the version block above the bottom-left finder, and of
    /// the one left of the top-right finder (Figure 27).
    static func versionBits(_ code: QRCode) -> (bottomLeft: Int, topRight: Int) {
        let size = code.size
        var bottomLeft = 0, topRight = 0
        for i in 0..<18 {
            if code[i / 3, size - 11 + i % 3] { bottomLeft |= 1 << i }
            if code[size - 11 + i % 3, i / 3] { topRight |= 1 << i }
        }
        return (bottomLeft, topRight)
    }

    /// Every codeword of the symbol in placement order, unmasked with the mask
    /// its own format information names, and the remainder bits after them.
    static func readCodewords(_ code: QRCode) -> (codewords: [UInt8], remainder: [Bool]) {
        guard let format = format(ofBits: primaryFormatBits(code)) else { return ([], []) }
        let bits = placementOrder(version: code.version.number).map { position in
            code[position.x, position.y] != maskInverts(format.mask, row: position.y, column: position.x)
        }
        let codewordCount = bits.count / 8
        let codewords = (0..<codewordCount).map { index in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[index * 8 + $1] ? 1 : 0) }
        }
        return (codewords, Array(bits[(codewordCount * 8)...]))
    }

    /// Splits interleaved codewords into blocks (§7.6): `blockCount` blocks of
    /// `ecPerBlock` EC codewords; the later blocks carry one more data codeword.
    static func deinterleave(
        _ codewords: [UInt8], blockCount: Int,
        ecPerBlock: Int
    ) -> [(data: [UInt8], ec: [UInt8])] {
        guard blockCount > 0, codewords.count >= blockCount * (ecPerBlock + 1) else { return [] }
        let shortLength = codewords.count / blockCount
        let longBlocks = codewords.count % blockCount
        let dataLengths = (0..<blockCount).map { shortLength - ecPerBlock + ($0 >= blockCount - longBlocks ? 1 : 0) }
        var blocks = [(data: [UInt8], ec: [UInt8])](repeating: ([], []), count: blockCount)
        var next = codewords.makeIterator()
        for i in 0..<dataLengths.max()! {
            for block in 0..<blockCount where i < dataLengths[block] { blocks[block].data.append(next.next()!) }
        }
        for _ in 0..<ecPerBlock {
            for block in 0..<blockCount { blocks[block].ec.append(next.next()!) }
        }
        return blocks
    }

    /// The blocks of a finished symbol, using the block counts of Table 9 as
    /// the encoder records them; empty if the symbol cannot be read.
    static func blocks(of code: QRCode) -> [(data: [UInt8], ec: [UInt8])] {
        let structure = BlockStructure(version: code.version, correctionLevel: code.correctionLevel)
        let codewords = readCodewords(code).codewords
        guard codewords.count == structure.totalCodewords else { return [] }
        return deinterleave(
            codewords, blockCount: structure.blockCount,
            ecPerBlock: structure.ecCodewordsPerBlock)
    }

    /// The data codewords of a finished symbol, blocks in order.
    static func dataCodewords(of code: QRCode) -> [UInt8] {
        blocks(of: code).flatMap(\.data)
    }

    // MARK: - Parsing data codewords

    /// A segment as read back from data codewords.
    enum ParsedSegment: Equatable {
        case numeric(String)
        case alphanumeric(String)
        case bytes([UInt8])
        case kanji([UInt16])
        case eci(Int)

        var mode: SegmentMode {
            switch self {
            case .numeric: return .numeric
            case .alphanumeric: return .alphanumeric
            case .bytes: return .byte
            case .kanji: return .kanji
            case .eci: return .eci
            }
        }

        /// The segment's content as bytes: ASCII, raw bytes, or the UTF-8 of kanji characters.
        var contentBytes: [UInt8] {
            switch self {
            case .numeric(let text), .alphanumeric(let text): return Array(text.utf8)
            case .bytes(let bytes): return bytes
            case .kanji(let values):
                return values.flatMap { value -> [UInt8] in
                    let scalar = ShiftJIS.scalar(forDoubleByte: ShiftJIS.code(forKanjiValue: value))
                    return Array(String(scalar.map(Character.init) ?? "\u{FFFD}").utf8)
                }
            case .eci: return []
            }
        }
    }

    /// The result of parsing: the segments, the bits they use (headers
    /// included, terminator excluded), and whether terminator and padding
    /// follow the rules of §7.4.9–7.4.10.
    struct ParsedData {
        var segments: [ParsedSegment] = []
        var bitsUsed = 0
        var paddingIsValid = false

        /// All content bytes, concatenated.
        var contentBytes: [UInt8] { segments.flatMap(\.contentBytes) }
        /// The content decoded as UTF-8.
        var text: String { String(decoding: contentBytes, as: UTF8.self) }
    }

    /// Parses data codewords of `version` into segments, or nil if they are malformed.
    static func parse(_ codewords: [UInt8], version v: Int) -> ParsedData? {
        var reader = BitReader(bytes: codewords)
        var result = ParsedData()
        while reader.remaining >= 4 {
            let start = reader.position
            let indicator = reader.read(4)
            if indicator == 0 { reader.position = start; break }
            guard let segment = readSegment(indicator: indicator, from: &reader, version: v) else { return nil }
            result.segments.append(segment)
            result.bitsUsed = reader.position
        }
        result.paddingIsValid = checkPadding(codewords, after: result.bitsUsed)
        return result
    }

    private static func readSegment(indicator: Int, from reader: inout BitReader, version v: Int) -> ParsedSegment? {
        let modes: [Int: SegmentMode] = [1: .numeric, 2: .alphanumeric, 4: .byte, 8: .kanji, 7: .eci]
        guard let mode = modes[indicator] else { return nil }
        if mode == .eci { return readECI(from: &reader) }
        let width = countWidth(mode, version: v)
        guard reader.remaining >= width else { return nil }
        let count = reader.read(width)
        guard reader.remaining >= payloadBits(mode, count: count) else { return nil }
        switch mode {
        case .numeric:
            var digits = ""
            for groupStart in stride(from: 0, to: count, by: 3) {
                let length = min(3, count - groupStart)
                let value = reader.read([0, 4, 7, 10][length])
                guard value < [1, 10, 100, 1000][length] else { return nil }
                let text = String(value)
                digits += String(repeating: "0", count: length - text.count) + text
            }
            return .numeric(digits)
        case .alphanumeric:
            var text = ""
            for pairStart in stride(from: 0, to: count, by: 2) {
                if count - pairStart == 1 {
                    let value = reader.read(6)
                    guard value < 45 else { return nil }
                    text.append(alphanumericCharacters[value])
                } else {
                    let value = reader.read(11)
                    guard value < 45 * 45 else { return nil }
                    text.append(alphanumericCharacters[value / 45])
                    text.append(alphanumericCharacters[value % 45])
                }
            }
            return .alphanumeric(text)
        case .byte:
            return .bytes((0..<count).map { _ in UInt8(reader.read(8)) })
        default:
            return .kanji((0..<count).map { _ in UInt16(reader.read(13)) })
        }
    }

    /// An ECI designator of one, two or three bytes (§7.4.2.1, Table 4).
    private static func readECI(from reader: inout BitReader) -> ParsedSegment? {
        guard reader.remaining >= 8 else { return nil }
        let first = reader.read(8)
        if first & 0x80 == 0 { return .eci(first) }
        if first & 0xC0 == 0x80 {
            guard reader.remaining >= 8 else { return nil }
            return .eci((first & 0x3F) << 8 | reader.read(8))
        }
        guard first & 0xE0 == 0xC0, reader.remaining >= 16 else { return nil }
        return .eci((first & 0x1F) << 16 | reader.read(16))
    }

    /// Zero terminator (up to 4 bits), zero bits to the byte boundary, then
    /// 0xEC, 0x11, 0xEC, … to the end.
    private static func checkPadding(_ codewords: [UInt8], after bitsUsed: Int) -> Bool {
        var reader = BitReader(bytes: codewords)
        reader.position = bitsUsed
        let zeroBits = min(reader.remaining, 4 + (8 - (bitsUsed + 4) % 8) % 8)
        guard reader.read(zeroBits) == 0 else { return false }
        guard reader.position % 8 == 0 || reader.remaining == 0 else { return false }
        let pads = codewords[(reader.position / 8)...]
        return pads.enumerated().allSatisfy { $0.element == ($0.offset % 2 == 0 ? 0xEC : 0x11) }
    }

    /// Reads big-endian bit fields.
    struct BitReader {
        let bytes: [UInt8]
        var position = 0
        var remaining: Int { bytes.count * 8 - position }

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func read(_ width: Int) -> Int {
            var value = 0
            for _ in 0..<width {
                value = value << 1 | Int(bytes[position / 8] >> (7 - position % 8) & 1)
                position += 1
            }
            return value
        }
    }

    /// The bits of a buffer as a "0"/"1" string.
    static func bitString(_ buffer: BitBuffer) -> String {
        String((0..<buffer.count).map { buffer[$0] ? "1" : "0" })
    }
}

/// A rectangular grid of bits, stored as rows of 64-bit words.
///
/// Bit `x % 64` of word `x / 64` of a row holds column `x`, so column 0 is the
/// least significant bit. `true` means dark. This is the plain value passed
/// between stages: the encoder produces one, the detector samples one from an
/// image, and the decoder reads one.
public struct BitMatrix: Sendable, Hashable {
    /// Modules in a row.
    public let width: Int
    /// Rows of modules.
    public let height: Int
    /// Words per row.
    let stride: Int
    var words: [UInt64]

    /// Creates an all-light matrix.
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "negative matrix size")
        self.width = width
        self.height = height
        self.stride = (width + 63) >> 6
        self.words = [UInt64](repeating: 0, count: stride * height)
    }

    /// Creates a square all-light matrix.
    public init(size: Int) { self.init(width: size, height: size) }

    /// Creates a matrix from rows of `"0"`/`"1"` characters (any other character
    /// than `"1"` is light); all rows must have the same length.
    init(rows: [String]) {
        self.init(width: rows.first?.utf8.count ?? 0, height: rows.count)
        for (y, row) in rows.enumerated() {
            precondition(row.utf8.count == width, "ragged rows")
            for (x, byte) in row.utf8.enumerated() where byte == UInt8(ascii: "1") {
                self[x, y] = true
            }
        }
    }

    /// The module at column `x`, row `y`; `true` is dark.
    /// - Precondition: `0 ≤ x < width` and `0 ≤ y < height`: a column beyond
    ///   the width would otherwise read the padding bits of the row's last word.
    @inline(__always)
    public subscript(x: Int, y: Int) -> Bool {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "module (\(x), \(y)) outside \(width)×\(height)")
            return words[y &* stride &+ (x &>> 6)] &>> UInt64(x & 63) & 1 != 0
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "module (\(x), \(y)) outside \(width)×\(height)")
            let index = y &* stride &+ (x &>> 6)
            let bit: UInt64 = 1 &<< UInt64(x & 63)
            if newValue { words[index] |= bit } else { words[index] &= ~bit }
        }
    }

    /// The module at column `x`, row `y`, for callers that have checked
    /// both against the matrix's size themselves (the detector's sampling,
    /// millions of reads an image).
    @inline(__always)
    func uncheckedBit(x: Int, y: Int) -> Bool {
        words[y &* stride &+ (x &>> 6)] &>> UInt64(x & 63) & 1 != 0
    }

    /// Flips the module at column `x`, row `y`.
    @inline(__always)
    mutating func toggle(x: Int, y: Int) {
        words[y &* stride &+ (x &>> 6)] ^= 1 &<< UInt64(x & 63)
    }

    /// The number of dark modules.
    public var darkCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The matrix as rows of `"0"`/`"1"` characters, `"1"` for dark.
    var rowStrings: [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y] ? "1" : "0" }) }
    }

    /// This matrix mirrored about its main diagonal (rows become columns).
    ///
    /// Blocks of 64 × 64 bits are transposed in registers, a word a row:
    /// the finder search transposes every binarised image so that its
    /// vertical cross-checks read runs a word at a time.
    /// - Complexity: O(width × height / 64) word operations, about a
    ///   third of an instruction per bit.
    public func transposed() -> BitMatrix {
        var result = BitMatrix(width: height, height: width)
        guard width > 0 && height > 0 else { return result }
        let targetStride = result.stride
        words.withUnsafeBufferPointer { source in
            result.words.withUnsafeMutableBufferPointer { target in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { block in
                    for top in Swift.stride(from: 0, to: height, by: 64) {
                        let rows = min(64, height - top)
                        for word in 0..<stride {
                            // Row `top + i`, columns `64 · word` on, into block[i]
                            // (rows past the end stay light), then transposed:
                            // block[j] is column `64 · word + j`, rows `top` on.
                            for i in 0..<rows { block[i] = source[(top + i) * stride + word] }
                            for i in rows..<64 { block[i] = 0 }
                            Self.transpose(block)
                            let columns = min(64, width - 64 * word)
                            for j in 0..<columns { target[(64 * word + j) * targetStride + top >> 6] = block[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Transposes 64 words of 64 bits in place: bit j of word i trades
    /// places with bit i of word j. Each of six rounds swaps the off-diagonal
    /// quarters of every square of 2k × 2k bits, for k = 32, 16, …, 1: the
    /// high k bits of word i with the low k bits of word i + k.
    private static func transpose(_ block: UnsafeMutableBufferPointer<UInt64>) {
        // Literal shifts and masks, so that each round's loop is unrolled
        // and vectorised.
        swapQuarters(block, 32, 0x0000_0000_FFFF_FFFF)
        swapQuarters(block, 16, 0x0000_FFFF_0000_FFFF)
        swapQuarters(block, 8, 0x00FF_00FF_00FF_00FF)
        swapQuarters(block, 4, 0x0F0F_0F0F_0F0F_0F0F)
        swapQuarters(block, 2, 0x3333_3333_3333_3333)
        swapQuarters(block, 1, 0x5555_5555_5555_5555)
    }

    /// One round of ``transpose(_:)``: `mask` holds the low `k` bits of
    /// every 2k.
    @inline(__always)
    private static func swapQuarters(_ block: UnsafeMutableBufferPointer<UInt64>, _ k: Int, _ mask: UInt64) {
        for square in Swift.stride(from: 0, to: 64, by: 2 * k) {
            for i in square..<(square + k) {
                let swapped = ((block[i] &>> UInt64(k)) ^ block[i + k]) & mask
                block[i] ^= swapped &<< UInt64(k)
                block[i + k] ^= swapped
            }
        }
    }
}

extension BitMatrix {
    /// Flips every bit (dark becomes light), keeping the padding bits beyond
    /// the width clear.
    mutating func invert() {
        let tailBits = width & 63
        let tailMask: UInt64 = tailBits == 0 ? .max : (1 << UInt64(tailBits)) - 1
        let stride = self.stride
        // All words in one pass the compiler vectorises, then each row's last
        // word masked: the light-on-dark search inverts two images this way.
        words.withUnsafeMutableBufferPointer { words in
            for index in words.indices { words[index] = ~words[index] }
            guard tailMask != .max else { return }
            for index in Swift.stride(from: stride - 1, to: words.count, by: stride) { words[index] &= tailMask }
        }
    }
}

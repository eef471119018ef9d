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
    public func transposed() -> BitMatrix {
        var result = BitMatrix(width: height, height: width)
        for y in 0..<height {
            for x in 0..<width where self[x, y] { result[y, x] = true }
        }
        return result
    }
}

extension BitMatrix {
    /// Flips every bit (dark becomes light), keeping the padding bits beyond
    /// the width clear.
    mutating func invert() {
        let tailBits = width & 63
        let tailMask: UInt64 = tailBits == 0 ? .max : (1 << UInt64(tailBits)) - 1
        for y in 0..<height {
            for w in 0..<stride {
                let index = y * stride + w
                words[index] = ~words[index] & (w == stride - 1 ? tailMask : .max)
            }
        }
    }
}

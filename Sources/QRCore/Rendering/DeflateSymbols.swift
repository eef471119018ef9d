/// Deflate's length and distance alphabets (RFC 1951 §3.2.5): each match
/// length 3…258 and distance 1…32768 is a symbol plus extra bits.
///
/// The RFC gives them as tables, but the tables are regular: past the first
/// few symbols, every power-of-two range is split into equal parts (four for
/// lengths, two for distances), each part one symbol whose extra bits
/// number the values within it. So codes are computed from the position of
/// the highest set bit, with no table lookups in the compressor's inner loops.
enum DeflateSymbols {
    /// A symbol index within its alphabet and the extra bits that follow it.
    struct Coded {
        var symbol: Int
        var extraBitCount: Int
        var extraBits: UInt32
    }

    /// The longest match deflate can express with one symbol.
    static let maxMatchLength = 258
    /// The farthest back a match can reach.
    static let maxDistance = 32768

    /// The length code (0…28; the literal/length symbol is 257 + code) of a length 3…258.
    @inline(__always)
    static func length(_ length: Int) -> Coded {
        let value = length - 3
        if value < 8 { return Coded(symbol: value, extraBitCount: 0, extraBits: 0) }
        if length == maxMatchLength { return Coded(symbol: 28, extraBitCount: 0, extraBits: 0) }
        let high = Int.bitWidth - 1 - value.leadingZeroBitCount  // 3…7
        let extraBitCount = high - 2
        let quarter = value >> extraBitCount & 3
        return Coded(
            symbol: 4 * (high - 1) + quarter, extraBitCount: extraBitCount,
            extraBits: UInt32(value - (4 + quarter) << extraBitCount))
    }

    /// The distance code (0…29) of a distance 1…32768.
    @inline(__always)
    static func distance(_ distance: Int) -> Coded {
        let value = distance - 1
        if value < 4 { return Coded(symbol: value, extraBitCount: 0, extraBits: 0) }
        let high = Int.bitWidth - 1 - value.leadingZeroBitCount  // 2…14
        let extraBitCount = high - 1
        let half = value >> extraBitCount & 1
        return Coded(
            symbol: 2 * high + half, extraBitCount: extraBitCount,
            extraBits: UInt32(value - (2 + half) << extraBitCount))
    }
}

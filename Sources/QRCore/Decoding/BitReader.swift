/// Reads fields of the data bit stream (ISO/IEC 18004:2015 §7.4) from the
/// data codewords, most significant bit first. Every read that would run
/// past the end throws instead, naming the field and the bit offset.
struct BitReader {
    private let bytes: [UInt8]
    /// Bits read so far: the offset of the next bit.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bits not yet read.
    var remaining: Int { bytes.count * 8 - offset }

    /// Throws unless `bits` more bits remain, so that a whole segment is
    /// checked before any of it is read.
    func require(_ bits: Int, for field: @autoclosure () -> String) throws(QRDecodingError) {
        guard bits <= remaining else {
            throw .malformedBitstream("\(field()) needs \(bits) bits, but only \(remaining) remain", bitOffset: offset)
        }
    }

    /// Reads a field of `width` bits (at most 32) as an unsigned number.
    /// Whether the next `count` bits (or all that remain, if fewer) are zero.
    func nextBitsAreZero(_ count: Int) -> Bool {
        for bit in offset..<(offset + min(count, remaining)) where bytes[bit >> 3] & (0x80 >> UInt8(bit & 7)) != 0 {
            return false
        }
        return true
    }

    mutating func read(_ width: Int, for field: @autoclosure () -> String) throws(QRDecodingError) -> Int {
        precondition(width >= 0 && width <= 32, "field wider than 32 bits")
        try require(width, for: field())
        var value = 0
        var left = width
        while left > 0 {
            let used = offset & 7
            let take = min(8 - used, left)
            let chunk = Int(bytes[offset >> 3]) >> (8 - used - take) & (1 << take - 1)
            value = value << take | chunk
            offset += take
            left -= take
        }
        return value
    }
}

/// An append-only sequence of bits, most significant bit first, packed into
/// bytes — the form in which segments become data codewords (§7.4).
struct BitBuffer: Sendable, Hashable {
    /// The packed bits; the last byte is zero-padded on the right.
    private(set) var bytes: [UInt8] = []
    /// The number of bits appended.
    private(set) var count: Int = 0

    init() {}

    /// Reserves room for `bits` bits.
    mutating func reserveCapacity(_ bits: Int) {
        bytes.reserveCapacity((bits + 7) >> 3)
    }

    /// Appends the low `width` bits of `value`, most significant first.
    /// - Precondition: `0 <= width <= 32` and `value < 2^width`.
    mutating func append(_ value: UInt32, width: Int) {
        precondition(
            width >= 0 && width <= 32 && (width == 32 || value >> UInt32(width) == 0),
            "value does not fit in \(width) bits")
        var remaining = width
        while remaining > 0 {
            let used = count & 7
            if used == 0 { bytes.append(0) }
            let take = Swift.min(8 - used, remaining)
            let chunk = UInt8(truncatingIfNeeded: (value >> UInt32(remaining - take)) & ((1 << UInt32(take)) - 1))
            bytes[bytes.count - 1] |= chunk << UInt8(8 - used - take)
            remaining -= take
            count += take
        }
    }

    /// Appends whole bytes; fast when the buffer is byte-aligned.
    mutating func append(bytes newBytes: [UInt8]) {
        if count & 7 == 0 {
            bytes.append(contentsOf: newBytes)
            count += newBytes.count * 8
        } else {
            for byte in newBytes { append(UInt32(byte), width: 8) }
        }
    }

    /// Appends every bit of another buffer.
    mutating func append(_ other: BitBuffer) {
        let wholeBytes = other.count >> 3
        append(bytes: Array(other.bytes[0..<wholeBytes]))
        let tail = other.count & 7
        if tail > 0 { append(UInt32(other.bytes[wholeBytes] >> UInt8(8 - tail)), width: tail) }
    }

    /// The bit at `index`.
    subscript(index: Int) -> Bool {
        precondition(index >= 0 && index < count, "bit index out of range")
        return bytes[index >> 3] >> UInt8(7 - index & 7) & 1 != 0
    }
}

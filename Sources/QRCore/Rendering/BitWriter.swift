/// Bits packed least significant first, the order deflate stores them in
/// (RFC 1951 §3.1.1).
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    /// Bits not yet in `bytes`, the oldest lowest.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends the low `count` bits of `value` (`count` ≤ 32, higher bits zero).
    @inline(__always)
    mutating func write(_ value: UInt32, count: Int) {
        pending |= UInt64(value) << UInt64(pendingCount)
        pendingCount += count
        if pendingCount >= 32 {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: pending >> UInt64(shift)))
            }
            pending >>= 32
            pendingCount -= 32
        }
    }

    /// Pads with zero bits to a byte boundary and moves everything into `bytes`.
    mutating func alignToByte() {
        while pendingCount > 0 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            pendingCount = max(0, pendingCount - 8)
        }
    }

    /// Appends whole bytes; the writer must be byte-aligned.
    mutating func append(_ values: [UInt8]) {
        precondition(pendingCount == 0, "bytes appended mid-byte")
        bytes.append(contentsOf: values)
    }
}

/// The name of one task of the HTTP API: 128 random bits, written as 32
/// lowercase hexadecimal digits.
///
/// ``ParallelCodec`` numbers its jobs in order, so a job number would let one
/// client guess another's; a task identifier is drawn from the system's
/// cryptographically secure generator and maps to the job inside the server.
struct TaskID: Sendable, Hashable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    /// A fresh random identifier.
    static func random() -> TaskID {
        var generator = SystemRandomNumberGenerator()
        return TaskID(high: generator.next(), low: generator.next())
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses exactly 32 hexadecimal digits (either case); nil for anything else.
    init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 32,
            let high = Self.parseHex(utf8[0..<16]),
            let low = Self.parseHex(utf8[16..<32])
        else { return nil }
        self.init(high: high, low: low)
    }

    var description: String { Self.hex(high) + Self.hex(low) }

    private static func parseHex(_ digits: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits {
            guard let nibble = HexDigit.value(digit) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    /// 16 digits, zero-padded.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

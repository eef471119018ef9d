/// Arithmetic in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D), the field of
/// QR Code Reed–Solomon codes (ISO/IEC 18004:2015 §7.5.2).
///
/// α = 2 generates the multiplicative group, so every non-zero element is
/// αⁱ for one i in 0…254; multiplication adds logarithms.
enum GaloisField {
    /// The reducing polynomial.
    static let polynomial = 0x11D

    /// αⁱ for i in 0…509: two periods, so `exp[log a + log b]` needs no modulo.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= polynomial }
        }
        return table
    }()

    /// log_α(a) for a in 1…255; entry 0 is unused.
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = UInt8(i) }
        return table
    }()

    @inline(__always)
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }

    /// a / b; b must be non-zero.
    @inline(__always)
    static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        precondition(b != 0, "division by zero in GF(256)")
        if a == 0 { return 0 }
        return exp[Int(log[Int(a)]) + 255 - Int(log[Int(b)])]
    }

    /// αⁿ for any integer n.
    @inline(__always)
    static func power(_ n: Int) -> UInt8 {
        let reduced = n % 255
        return exp[reduced < 0 ? reduced + 255 : reduced]
    }

    @inline(__always)
    static func inverse(_ a: UInt8) -> UInt8 { divide(1, a) }

    /// Calls `body` with ``multiply(_:_:)`` reading the tables' storage
    /// directly, without the lazy-global check and the bounds checks of each
    /// table access, for loops that multiply hundreds of times.
    static func withMultiplier<Result>(_ body: (Multiplier) -> Result) -> Result {
        exp.withUnsafeBufferPointer { exp in
            log.withUnsafeBufferPointer { log in body(Multiplier(exp: exp.baseAddress!, log: log.baseAddress!)) }
        }
    }

    /// ``multiply(_:_:)`` on borrowed tables (``withMultiplier(_:)``).
    struct Multiplier {
        fileprivate let exp: UnsafePointer<UInt8>
        fileprivate let log: UnsafePointer<UInt8>

        /// Logarithms are below 255, so their sum indexes `exp`'s 510 entries.
        @inline(__always)
        func callAsFunction(_ a: UInt8, _ b: UInt8) -> UInt8 {
            if a == 0 || b == 0 { return 0 }
            return exp[Int(log[Int(a)]) &+ Int(log[Int(b)])]
        }
    }
}

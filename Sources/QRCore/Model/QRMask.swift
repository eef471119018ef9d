/// One of the eight data mask patterns (ISO/IEC 18004:2015 §7.8.2, Table 10).
public struct QRMask: Sendable, Hashable, CustomStringConvertible {
    /// The mask pattern reference, 0…7.
    public let number: Int

    /// Every mask, in reference order.
    public static let all: [QRMask] = (0..<8).map { QRMask(uncheckedNumber: $0) }

    /// Creates a mask, throwing ``QREncodingError/invalidMask(_:)`` outside 0…7.
    public init(number: Int) throws(QREncodingError) {
        guard (0..<8).contains(number) else { throw .invalidMask(number) }
        self.number = number
    }

    init(uncheckedNumber number: Int) {
        assert((0..<8).contains(number))
        self.number = number
    }

    /// Whether the module at row `y`, column `x` is inverted by this mask
    /// (the conditions of Table 10, with i = row and j = column).
    @inline(__always)
    public func inverts(x: Int, y: Int) -> Bool {
        switch number {
        case 0: return (y + x) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (y + x) % 3 == 0
        case 4: return (y / 2 + x / 3) % 2 == 0
        case 5: return (y * x) % 2 + (y * x) % 3 == 0
        case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// The mask's number, 0–7.
    public var description: String { "\(number)" }
}

extension QRMask: ExpressibleByIntegerLiteral {
    /// A literal mask; a literal outside 0…7 is a programmer error and traps.
    public init(integerLiteral value: Int) {
        precondition((0..<8).contains(value), "QR mask \(value) is outside 0…7")
        self.number = value
    }
}

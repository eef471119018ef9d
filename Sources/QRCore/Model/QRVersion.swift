/// A QR Code Model 2 version number, 1…40 (ISO/IEC 18004:2015 §5.3.1).
///
/// Version *v* has a side of `17 + 4v` modules. ``init(number:)`` throws for
/// a number outside 1…40; an integer literal (`let v: QRVersion = 7`) is
/// checked where it is written and traps if out of range, a programmer error.
public struct QRVersion: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// The version number, 1…40.
    public let number: Int

    /// The smallest version, 21×21 modules.
    public static let min = QRVersion(uncheckedNumber: 1)
    /// The largest version, 177×177 modules.
    public static let max = QRVersion(uncheckedNumber: 40)
    /// Every version, in increasing order.
    public static let all: ClosedRange<QRVersion> = .min ... .max

    /// Creates a version from a runtime number, throwing
    /// ``QREncodingError/invalidVersion(_:)`` outside 1…40.
    public init(number: Int) throws(QREncodingError) {
        guard (1...40).contains(number) else { throw .invalidVersion(number) }
        self.number = number
    }

    init(uncheckedNumber number: Int) {
        assert((1...40).contains(number))
        self.number = number
    }

    /// Modules per side: 17 + 4 × version (§5.3.1).
    public var size: Int { 17 + 4 * number }

    /// Which of the three character-count width classes of Table 3 applies.
    var countWidthClass: Int { number <= 9 ? 0 : (number <= 26 ? 1 : 2) }

    /// Orders by number.
    public static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.number < rhs.number }
    /// How many versions `other` is above this one.
    public func distance(to other: QRVersion) -> Int { other.number - number }
    /// The version `n` above this one; the result must lie in 1…40.
    public func advanced(by n: Int) -> QRVersion { QRVersion(uncheckedNumber: number + n) }
    /// The version's number, 1–40.
    public var description: String { "\(number)" }
}

extension QRVersion: ExpressibleByIntegerLiteral {
    /// A literal version; a literal outside 1…40 is a programmer error and traps.
    public init(integerLiteral value: Int) {
        precondition((1...40).contains(value), "QR version \(value) is outside 1…40")
        self.number = value
    }
}

/// A symbol version: QR Code Model 2 versions 1…40 (ISO/IEC 18004:2015
/// §5.3.1) or Micro QR Code versions M1…M4.
///
/// QR version *v* has a side of `17 + 4v` modules, Micro QR version M*n* one
/// of `9 + 2n`. ``init(number:)`` makes QR versions and throws for a number
/// outside 1…40; ``micro(_:)`` makes Micro QR versions. An integer literal
/// (`let v: QRVersion = 7`) is a QR version, checked where it is written; it
/// traps if out of range, a programmer error.
///
/// Every Micro QR version orders before every QR version, and a range stays
/// within one kind: `QRVersion.allMicro` is M1, M2, M3, M4.
public struct QRVersion: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// The version number: 1…40 for QR Code, 1…4 for Micro QR Code (M1…M4).
    public let number: Int
    /// QR Code or Micro QR Code.
    public let kind: SymbolKind

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
        self.kind = .qr
    }

    init(uncheckedNumber number: Int) {
        assert((1...40).contains(number))
        self.number = number
        self.kind = .qr
    }

    init(uncheckedMicro number: Int) {
        self.number = number
        self.kind = .micro
    }

    /// Micro QR version M`number`, throwing
    /// ``QREncodingError/invalidMicroVersion(_:)`` outside 1…4.
    public static func micro(_ number: Int) throws(QREncodingError) -> QRVersion {
        guard (1...4).contains(number) else { throw .invalidMicroVersion(number) }
        return QRVersion(uncheckedMicro: number)
    }

    /// Every Micro QR version, M1…M4.
    public static let allMicro: ClosedRange<QRVersion> = QRVersion(uncheckedMicro: 1)...QRVersion(uncheckedMicro: 4)

    /// Modules per side: 17 + 4 × version for QR Code (§5.3.1), 9 + 2 × n
    /// for Micro QR Code M*n*.
    public var size: Int { kind == .micro ? 9 + 2 * number : 17 + 4 * number }

    /// Which of the three character-count width classes of Table 3 applies;
    /// each Micro QR version has widths of its own (3…6).
    var countWidthClass: Int { kind == .micro ? 2 + number : (number <= 9 ? 0 : (number <= 26 ? 1 : 2)) }

    /// Orders Micro QR versions before QR versions, each by number.
    public static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.ordinal < rhs.ordinal }
    /// How many versions `other` is above this one.
    public func distance(to other: QRVersion) -> Int { other.ordinal - ordinal }
    /// The version `n` above this one; the result must lie in M1…M4 or 1…40.
    public func advanced(by n: Int) -> QRVersion {
        let target = ordinal + n
        return target <= 0 ? QRVersion(uncheckedMicro: target + 4) : QRVersion(uncheckedNumber: target)
    }

    /// One sequence for both kinds, M1…M4 then 1…40: M*n* is n − 4, QR
    /// version v is v. Ranges and strides stay consistent even across kinds,
    /// which the encoder refuses (``QREncodingError/invalidVersionRange(min:max:)``).
    private var ordinal: Int { kind == .micro ? number - 4 : number }
    /// The number, `7`, or `M2` for a Micro QR version.
    public var description: String { kind == .micro ? "M\(number)" : "\(number)" }
}

extension QRVersion: ExpressibleByIntegerLiteral {
    /// A literal version; a literal outside 1…40 is a programmer error and traps.
    public init(integerLiteral value: Int) {
        precondition((1...40).contains(value), "QR version \(value) is outside 1…40")
        self.number = value
        self.kind = .qr
    }
}

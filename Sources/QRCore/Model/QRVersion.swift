/// A symbol version: QR Code Model 2 versions 1…40 (ISO/IEC 18004:2015
/// §5.3.1), Micro QR Code versions M1…M4, or one of the 32 sizes of rMQR
/// (ISO/IEC 23941:2022), R7x43…R17x139.
///
/// QR version *v* has a side of `17 + 4v` modules, Micro QR version M*n* one
/// of `9 + 2n`; an rMQR size R*h*x*w* is *h* modules high and *w* wide.
/// ``init(number:)`` makes QR versions and throws for a number outside
/// 1…40; ``micro(_:)`` makes Micro QR versions and ``rmqr(height:width:)``
/// rMQR sizes; ``init(_:)`` parses all three spellings ("7", "M2", "R11x27").
/// An integer literal (`let v: QRVersion = 7`) is a QR version, checked where
/// it is written; it traps if out of range, a programmer error.
///
/// rMQR sizes order before Micro QR versions, and those before QR versions;
/// a range stays within one kind: `QRVersion.allMicro` is M1, M2, M3, M4, and
/// `QRVersion.allRMQR` the rMQR sizes in the standard's order (by height,
/// then width).
public struct QRVersion: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// The version number: 1…40 for QR Code, 1…4 for Micro QR Code (M1…M4),
    /// 1…32 for rMQR (the size's place in the standard's list, R7x43 first).
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

    init(uncheckedRMQR number: Int) {
        self.number = number
        self.kind = .rmqr
    }

    /// The rMQR size `height` × `width` modules (R7x43…R17x139), throwing
    /// ``QREncodingError/invalidRMQRSize(height:width:)`` for a size the
    /// standard does not define.
    public static func rmqr(height: Int, width: Int) throws(QREncodingError) -> QRVersion {
        guard let index = RMQRSpec.sizes.firstIndex(where: { $0 == (height, width) }) else {
            throw .invalidRMQRSize(height: height, width: width)
        }
        return QRVersion(uncheckedRMQR: index + 1)
    }

    /// Every rMQR size, R7x43…R17x139, in the standard's order.
    public static let allRMQR: ClosedRange<QRVersion> = QRVersion(uncheckedRMQR: 1)...QRVersion(uncheckedRMQR: 32)

    /// Modules per side: 17 + 4 × version for QR Code (§5.3.1), 9 + 2 × n
    /// for Micro QR Code M*n*. An rMQR symbol is not square: this is its
    /// width, the longer side; see ``width`` and ``height``.
    public var size: Int { width }

    /// Modules across: ``size`` for square symbols, *w* for rMQR R*h*x*w*.
    public var width: Int {
        switch kind {
        case .micro: 9 + 2 * number
        case .rmqr: RMQRSpec.sizes[number - 1].width
        default: 17 + 4 * number
        }
    }

    /// Modules down: ``size`` for square symbols, *h* for rMQR R*h*x*w*.
    public var height: Int { kind == .rmqr ? RMQRSpec.sizes[number - 1].height : width }

    /// Which character-count width class applies: one of the three of Table 3
    /// for QR Code; each Micro QR version (3…6) and each rMQR size (7…38)
    /// has widths of its own.
    var countWidthClass: Int {
        switch kind {
        case .micro: 2 + number
        case .rmqr: 6 + number
        default: number <= 9 ? 0 : (number <= 26 ? 1 : 2)
        }
    }

    /// How many count-width classes there are, for tables indexed by ``countWidthClass``.
    static let countWidthClassCount = 39

    /// Orders Micro QR versions before QR versions, each by number.
    public static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.ordinal < rhs.ordinal }
    /// How many versions `other` is above this one.
    public func distance(to other: QRVersion) -> Int { other.ordinal - ordinal }
    /// The version `n` above this one; the result must lie in M1…M4 or 1…40.
    public func advanced(by n: Int) -> QRVersion {
        let target = ordinal + n
        if target <= -4 { return QRVersion(uncheckedRMQR: target + 36) }
        return target <= 0 ? QRVersion(uncheckedMicro: target + 4) : QRVersion(uncheckedNumber: target)
    }

    /// One sequence for all kinds, R7x43…R17x139, M1…M4, then 1…40: rMQR
    /// size n is n − 36, M*n* is n − 4, QR version v is v. Ranges and strides
    /// stay consistent even across kinds, which the encoder refuses
    /// (``QREncodingError/mixedSymbolKinds(_:_:)``).
    private var ordinal: Int {
        switch kind {
        case .micro: number - 4
        case .rmqr: number - 36
        default: number
        }
    }

    /// The number, `7`; `M2` for a Micro QR version; `R11x27` for an rMQR size.
    public var description: String {
        switch kind {
        case .micro: "M\(number)"
        case .rmqr: "R\(height)x\(width)"
        default: "\(number)"
        }
    }
}

extension QRVersion: LosslessStringConvertible {
    /// Parses a version as ``description`` writes it: `1`…`40`, `M1`…`M4`
    /// or `R7x43`…`R17x139` (letters in either case); nil for anything else.
    public init?(_ text: String) {
        let upper = text.uppercased()
        if upper.hasPrefix("M"), let number = Int(upper.dropFirst()), (1...4).contains(number) {
            self.init(uncheckedMicro: number)
        } else if upper.hasPrefix("R"), case let parts = upper.dropFirst().split(separator: "X"), parts.count == 2,
            let height = Int(parts[0]), let width = Int(parts[1]),
            let index = RMQRSpec.sizes.firstIndex(where: { $0 == (height, width) })
        {
            self.init(uncheckedRMQR: index + 1)
        } else if let number = Int(upper), (1...40).contains(number) {
            self.init(uncheckedNumber: number)
        } else {
            return nil
        }
    }
}

extension QRVersion: ExpressibleByIntegerLiteral {
    /// A literal version; a literal outside 1…40 is a programmer error and traps.
    public init(integerLiteral value: Int) {
        precondition((1...40).contains(value), "QR version \(value) is outside 1…40")
        self.number = value
        self.kind = .qr
    }
}

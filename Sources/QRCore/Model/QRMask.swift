/// One of the eight data mask patterns of QR Code (ISO/IEC 18004:2015
/// §7.8.2, Table 10), one of the four of Micro QR Code, or rMQR's one.
///
/// Micro QR masks 0…3 apply the conditions of QR masks 1, 4, 6 and 7; rMQR's
/// single mask (ISO/IEC 23941:2022 §7.8) is QR mask 4's condition.
public struct QRMask: Sendable, Hashable, CustomStringConvertible {
    /// The mask pattern reference: 0…7 for QR Code, 0…3 for Micro QR Code, 0 for rMQR.
    public let number: Int
    /// The kind of symbol the mask belongs to.
    public let kind: SymbolKind

    /// Every mask, in reference order.
    public static let all: [QRMask] = (0..<8).map { QRMask(uncheckedNumber: $0) }

    /// Creates a mask, throwing ``QREncodingError/invalidMask(_:)`` outside 0…7.
    public init(number: Int) throws(QREncodingError) {
        guard (0..<8).contains(number) else { throw .invalidMask(number) }
        self.number = number
        self.kind = .qr
    }

    init(uncheckedNumber number: Int) {
        assert((0..<8).contains(number))
        self.number = number
        self.kind = .qr
    }

    private init(micro number: Int) {
        self.number = number
        self.kind = .micro
    }

    /// Micro QR mask `number`, throwing ``QREncodingError/invalidMicroMask(_:)`` outside 0…3.
    public static func micro(_ number: Int) throws(QREncodingError) -> QRMask {
        guard (0..<4).contains(number) else { throw .invalidMicroMask(number) }
        return QRMask(micro: number)
    }

    /// Every Micro QR mask, in reference order.
    public static let allMicro: [QRMask] = (0..<4).map { QRMask(micro: $0) }

    /// rMQR's only mask: modules where ⌊row / 2⌋ + ⌊column / 3⌋ is even are inverted.
    public static let rmqr = QRMask(rmqrNumber: 0)

    private init(rmqrNumber number: Int) {
        self.number = number
        self.kind = .rmqr
    }

    /// The QR Code mask whose condition this mask applies: itself; for
    /// Micro QR masks 0…3, QR masks 1, 4, 6 and 7; for rMQR's, QR mask 4.
    private var condition: Int {
        switch kind {
        case .micro: [1, 4, 6, 7][number]
        case .rmqr: 4
        default: number
        }
    }

    /// Whether the module at row `y`, column `x` is inverted by this mask
    /// (the conditions of Table 10, with i = row and j = column).
    @inline(__always)
    public func inverts(x: Int, y: Int) -> Bool {
        switch condition {
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
        self.kind = .qr
    }
}

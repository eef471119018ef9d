/// Which member of the QR family a symbol is: a QR Code (Model 2, or Model 1
/// when decoded), a Micro QR Code (ISO/IEC 18004:2015 §4.2, one finder
/// pattern, versions M1–M4) or an rMQR Code (ISO/IEC 23941:2022, rectangular,
/// sizes R7x43–R17x139).
///
/// A structure rather than an enumeration, so that later kinds can be added
/// without breaking a `switch` in code that uses QRCore.
public struct SymbolKind: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case qr, micro, rmqr
    }

    private let kind: Kind

    private init(kind: Kind) { self.kind = kind }

    /// QR Code: versions 1–40, three finder patterns.
    public static let qr = SymbolKind(kind: .qr)
    /// Micro QR Code: versions M1–M4, one finder pattern, a quiet zone of 2 modules.
    public static let micro = SymbolKind(kind: .micro)

    /// rMQR Code: 32 rectangular sizes, a finder pattern at the left end and a
    /// sub-finder at the right, a quiet zone of 2 modules.
    public static let rmqr = SymbolKind(kind: .rmqr)

    /// `qr`, `micro` or `rmqr`, as `qr encode --symbol` and `qr decode --json` spell it.
    public var description: String {
        switch kind {
        case .qr: "qr"
        case .micro: "micro"
        case .rmqr: "rmqr"
        }
    }

    /// The kind `qr encode --symbol` names: `qr`, `micro` or `rmqr`.
    public init?(_ name: String) {
        switch name.lowercased() {
        case "qr": self = .qr
        case "micro": self = .micro
        case "rmqr": self = .rmqr
        default: return nil
        }
    }

    /// The modules of light margin the standard asks around a symbol of this
    /// kind: 4 for QR Code (§6.3.8), 2 for Micro QR Code and rMQR.
    public var quietZone: Int { self == .qr ? 4 : 2 }
}

/// Which member of the QR family a symbol is: a QR Code (Model 2, or Model 1
/// when decoded) or a Micro QR Code (ISO/IEC 18004:2015 §4.2, one finder
/// pattern, versions M1–M4).
///
/// A structure rather than an enumeration, so that later kinds (rMQR) can be
/// added without breaking a `switch` in code that uses QRCore.
public struct SymbolKind: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case qr, micro
    }

    private let kind: Kind

    /// QR Code: versions 1–40, three finder patterns.
    public static let qr = SymbolKind(kind: .qr)
    /// Micro QR Code: versions M1–M4, one finder pattern, a quiet zone of 2 modules.
    public static let micro = SymbolKind(kind: .micro)

    /// `qr` or `micro`, as `qr encode --symbol` and `qr decode --json` spell it.
    public var description: String {
        switch kind {
        case .qr: "qr"
        case .micro: "micro"
        }
    }

    /// The modules of light margin the standard asks around a symbol of this
    /// kind: 4 for QR Code (§6.3.8), 2 for Micro QR Code.
    public var quietZone: Int { self == .micro ? 2 : 4 }
}

/// The model of a QR Code symbol: Model 1, the original QR Code of 1994
/// (versions 1–14, described in AIM ITS/97-001 and ISO/IEC 18004:2000
/// Annex M), or Model 2, the QR Code of today (versions 1–40, with alignment
/// patterns), which is what ``QRCode`` writes.
public enum SymbolModel: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case model1 = 1
    case model2 = 2

    /// The model's number, 1 or 2.
    public var number: Int { rawValue }

    /// "Model 1" or "Model 2".
    public var description: String { "Model \(rawValue)" }
}

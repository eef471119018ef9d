/// The error-correction level of a symbol (ISO/IEC 18004:2015 §5.3.6, Table 7).
///
/// Each level restores roughly the given share of damaged codewords:
/// L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 %.
public enum ErrorCorrectionLevel: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case low = 0, medium, quartile, high

    /// Parses "L", "M", "Q" or "H" (case-insensitive).
    public init?(letter: String) {
        switch letter.uppercased() {
        case "L": self = .low
        case "M": self = .medium
        case "Q": self = .quartile
        case "H": self = .high
        default: return nil
        }
    }

    /// The level's letter: L, M, Q or H.
    public var letter: String { ["L", "M", "Q", "H"][rawValue] }

    /// The two-bit indicator used in the format information (Table 12):
    /// L = 01, M = 00, Q = 11, H = 10.
    var formatBits: Int { [1, 0, 3, 2][rawValue] }

    /// The level whose indicator is `bits` (the inverse of `formatBits`).
    init(formatBits bits: Int) {
        self = [.medium, .low, .high, .quartile][bits & 3]
    }

    /// Orders from L, the weakest, to H.
    public static func < (lhs: ErrorCorrectionLevel, rhs: ErrorCorrectionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
    /// The level's letter: L, M, Q or H.
    public var description: String { letter }
}

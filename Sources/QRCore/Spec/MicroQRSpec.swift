/// The numbers of Micro QR Code that differ from QR Code (ISO/IEC
/// 18004:2015 Tables 2, 3, 7 and 9, §7.4.9 and §7.9.2).
enum MicroQRSpec {
    /// Codewords in all, M1…M4.
    static let totalCodewords = [5, 10, 17, 24]

    /// Error-correction codewords by version (M1…M4) and level (L, M, Q);
    /// nil where the version does not offer the level. M1's two codewords
    /// only detect errors; ``ErrorCorrectionLevel/low`` stands for that.
    static let ecCodewords: [[Int?]] = [[2, nil, nil], [5, 6, nil], [6, 8, nil], [8, 10, 14]]

    /// The error-correction codewords of `version` at `level`, or nil if the
    /// version does not offer the level.
    static func ecCodewords(_ version: QRVersion, _ level: ErrorCorrectionLevel) -> Int? {
        assert(version.kind == .micro)
        let row = ecCodewords[version.number - 1]
        return level.rawValue < row.count ? row[level.rawValue] : nil
    }

    /// M1 and M3 end their data with a 4-bit codeword (§7.4.10): it is placed
    /// as 4 modules, and counts as a codeword with 4 low zero bits for the
    /// Reed–Solomon code.
    static func hasHalfFinalCodeword(_ version: QRVersion) -> Bool { version.number == 1 || version.number == 3 }

    /// Zero bits ending the data: 3, 5, 7 or 9 (Table 2).
    static func terminatorWidth(_ version: QRVersion) -> Int { 1 + 2 * version.number }

    /// The symbol number of the format information (Table 13): M1 is 0,
    /// M2-L 1, M2-M 2, M3-L 3, M3-M 4, M4-L 5, M4-M 6, M4-Q 7.
    static func symbolNumber(_ version: QRVersion, _ level: ErrorCorrectionLevel) -> Int {
        [0, 1, 3, 5][version.number - 1] + level.rawValue
    }

    /// The version and level of a format symbol number, the inverse of ``symbolNumber(_:_:)``.
    static func versionAndLevel(symbolNumber: Int) -> (version: QRVersion, level: ErrorCorrectionLevel) {
        let version = [1, 2, 2, 3, 3, 4, 4, 4][symbolNumber]
        let level = symbolNumber - [0, 1, 3, 5][version - 1]
        return (QRVersion(uncheckedMicro: version), ErrorCorrectionLevel(rawValue: level)!)
    }
}

extension ErrorCorrectionLevel {
    /// Whether `version` offers this level: every QR version offers all four;
    /// Micro QR M1 offers L (error detection only), M2 and M3 L and M, M4 L,
    /// M and Q; every rMQR size M and H.
    func isOffered(by version: QRVersion) -> Bool {
        switch version.kind {
        case .micro: MicroQRSpec.ecCodewords(version, self) != nil
        case .rmqr: self == .medium || self == .high
        default: true
        }
    }
}

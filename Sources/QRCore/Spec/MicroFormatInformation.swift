/// A Micro QR symbol's format information (ISO/IEC 18004:2015 §7.9.2): the
/// symbol number (version and level, Table 13) and the mask in five bits,
/// protected by the same BCH(15,5) code as QR Code's and XORed with 0x4445.
/// There is one copy, beside the finder pattern.
struct MicroFormatInformation: Sendable, Hashable {
    let version: QRVersion
    let correctionLevel: ErrorCorrectionLevel
    let mask: QRMask

    static let xorMask = 0x4445
    private static let generator = 0x537

    /// The 32 codewords, indexed by symbol number × 4 + mask.
    static let codewords: [Int] = (0..<32).map { data in
        (data << 10 | BCH.remainder(of: data << 10, generator: generator, degree: 10)) ^ xorMask
    }

    var bits: Int { Self.codewords[MicroQRSpec.symbolNumber(version, correctionLevel) << 2 | mask.number] }

    /// The format information of codeword `index` (symbol number × 4 + mask).
    init(codewordIndex index: Int) {
        (version, correctionLevel) = MicroQRSpec.versionAndLevel(symbolNumber: index >> 2)
        mask = QRMask.allMicro[index & 3]
    }

    init(version: QRVersion, correctionLevel: ErrorCorrectionLevel, mask: QRMask) {
        self.version = version
        self.correctionLevel = correctionLevel
        self.mask = mask
    }

    /// Module of each bit, bit 0 first: bits 0…6 down column 8 from row 1,
    /// bits 7…14 along row 8 from column 8 back to column 1 (Figure 26).
    static let positions: [(x: Int, y: Int)] = (0..<15).map { bit in
        bit < 7 ? (8, bit + 1) : (15 - bit, 8)
    }
}

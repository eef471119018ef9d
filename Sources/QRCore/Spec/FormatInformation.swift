/// The 15-bit format information: error-correction level and mask, protected
/// by a BCH(15,5) code and XORed with 0x5412 (ISO/IEC 18004:2015 §7.9.1, Annex C).
struct FormatInformation: Sendable, Hashable {
    let correctionLevel: ErrorCorrectionLevel
    let mask: QRMask

    /// The mask applied to every format codeword so that none is all-zero (§7.9.1).
    static let xorMask = 0x5412
    /// The BCH(15,5) generator polynomial x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1.
    private static let generator = 0x537

    /// All 32 masked codewords, indexed by the 5 data bits (level indicator, mask).
    static let codewords: [Int] = (0..<32).map { data in
        (data << 10 | BCH.remainder(of: data << 10, generator: generator, degree: 10)) ^ xorMask
    }

    /// Model 1 symbols mask the same BCH code with 0x2825 instead (ISO/IEC
    /// 18004:2000 Annex M): the format information tells the models apart.
    static let model1XorMask = 0x2825

    /// The 32 masked codewords of Model 1, indexed like ``codewords``.
    static let model1Codewords: [Int] = codewords.map { $0 ^ xorMask ^ model1XorMask }

    /// The masked 15-bit codeword, bit 14 first.
    var bits: Int { Self.codewords[correctionLevel.formatBits << 3 | mask.number] }

    /// Module positions (x, y) of bit i of the copy beside the top-left finder
    /// (Figure 25): bits 0–7 run down column 8 skipping the timing row, bits
    /// 8–14 run left along row 8 skipping the timing column.
    static func primaryPositions() -> [(x: Int, y: Int)] {
        (0..<15).map { i in
            switch i {
            case 0...5: return (8, i)
            case 6: return (8, 7)
            case 7: return (8, 8)
            case 8: return (7, 8)
            default: return (14 - i, 8)
            }
        }
    }

    /// Module positions of bit i of the copy split between the top-right
    /// finder (bits 0–7, along row 8) and the bottom-left one (bits 8–14, down column 8).
    static func secondaryPositions(size: Int) -> [(x: Int, y: Int)] {
        (0..<15).map { i in i < 8 ? (size - 1 - i, 8) : (8, size - 15 + i) }
    }
}

/// The 18-bit version information of versions 7 and up: a BCH(18,6) code
/// (ISO/IEC 18004:2015 §7.10, Annex D). It is not masked.
enum VersionInformation {
    /// The generator polynomial x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1.
    private static let generator = 0x1F25

    /// The codeword of `version` (7…40).
    static func codeword(for version: QRVersion) -> Int {
        precondition(version.number >= 7, "versions below 7 carry no version information")
        return version.number << 12 | BCH.remainder(of: version.number << 12, generator: generator, degree: 12)
    }

    /// The codewords of versions 7…40, in order.
    static let codewords: [Int] = (7...40).map { codeword(for: QRVersion(uncheckedNumber: $0)) }

    /// Module positions (x, y) of bit i in the block above the bottom-left
    /// finder; the block left of the top-right finder is its transpose (Figure 27).
    static func positions(size: Int) -> [(x: Int, y: Int)] {
        (0..<18).map { i in (i / 3, size - 11 + i % 3) }
    }
}

/// Remainders of polynomial division over GF(2), for the BCH codes of the
/// format and version information.
enum BCH {
    /// The index of the codeword nearest to `bits` in Hamming distance, and
    /// that distance; the first one on ties. Whether the distance is small
    /// enough to trust is the caller's to decide (3 bits for both codes).
    static func nearest(to bits: Int, among codewords: [Int]) -> (index: Int, distance: Int) {
        var best = (index: 0, distance: Int.max)
        for (index, codeword) in codewords.enumerated() {
            let distance = (codeword ^ bits).nonzeroBitCount
            if distance < best.distance { best = (index, distance) }
        }
        return best
    }

    static func remainder(of value: Int, generator: Int, degree: Int) -> Int {
        var remainder = value
        var bit = Int.bitWidth - 1 - remainder.leadingZeroBitCount
        while bit >= degree {
            if remainder >> bit & 1 != 0 { remainder ^= generator << (bit - degree) }
            bit -= 1
        }
        return remainder
    }
}

/// Why a sampled grid could not be decoded. Each case carries what a caller
/// (usually the detector, deciding whether to resample) needs to know, and
/// ``description`` says it in one sentence.
public enum QRDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The grid's size is none of the family's: a square of side 17 + 4v for
    /// a QR version v in 1…40 (§5.3.1), of side 11, 13, 15 or 17 for Micro QR,
    /// or one of rMQR's 32 rectangles.
    case invalidGridSize(width: Int, height: Int)
    /// No copy of the format information (§7.9.1), nor a mixture of the two
    /// copies' halves, is within 3 bits of a format codeword: `distance` is the
    /// smallest Hamming distance found (of 15 bits for QR Code and Micro QR,
    /// 18 for rMQR).
    case formatInformationUnreadable(distance: Int)
    /// Versions 7 and up: neither version information block (§7.10) is
    /// within 3 bits of a version codeword.
    case versionInformationUnreadable(sizeVersion: QRVersion)
    /// The version information confidently names another version than the
    /// grid's size does: the detector probably miscounted the modules and
    /// should resample at `fromVersionInformation`'s size.
    case versionMismatch(fromSize: QRVersion, fromVersionInformation: QRVersion)
    /// A Reed–Solomon block (§7.5.2) has more damage than its EC codewords can
    /// correct. `block` counts from 0 in the order of Table 9, short blocks first.
    case uncorrectableBlock(block: Int, blockCount: Int, ecCodewords: Int, reason: String)
    /// The corrected data codewords do not form a valid bit stream (§7.4):
    /// what went wrong, and at which bit of the data codewords.
    case malformedBitstream(String, bitOffset: Int)
    /// A mode indicator that QR Code Model 2 does not define (§7.4.1, Table 2).
    case unsupportedMode(indicator: Int, bitOffset: Int)
    /// An ECI designator naming a character set that this decoder does not know.
    case unsupportedECI(assignment: Int, bitOffset: Int)

    /// What went wrong, in one sentence with its numbers.
    public var description: String {
        switch self {
        case let .invalidGridSize(width, height):
            return "invalid grid size \(width)×\(height): QR Code sides are 21, 25, …, 177, "
                + "Micro QR sides 11, 13, 15, 17, and rMQR sizes R7x43 … R17x139"
        case let .formatInformationUnreadable(distance):
            return "format information unreadable: the nearest format codeword differs in \(distance) bits"
        case let .versionInformationUnreadable(version):
            return "version information unreadable in a grid of version \(version)'s size"
        case let .versionMismatch(fromSize, fromInformation):
            return "the grid has version \(fromSize)'s size, but its version information says \(fromInformation)"
        case let .uncorrectableBlock(block, blockCount, ecCodewords, reason):
            return "Reed–Solomon block \(block + 1) of \(blockCount) (\(ecCodewords) EC codewords) "
                + "is uncorrectable: \(reason)"
        case let .malformedBitstream(message, bitOffset):
            return "malformed bit stream at bit \(bitOffset): \(message)"
        case let .unsupportedMode(indicator, bitOffset):
            let bits = String(indicator, radix: 2)
            let padded = String(repeating: "0", count: max(4 - bits.count, 0)) + bits
            return "unsupported mode indicator \(padded) at bit \(bitOffset)"
        case let .unsupportedECI(assignment, bitOffset):
            return "unsupported ECI assignment \(assignment) at bit \(bitOffset)"
        }
    }
}

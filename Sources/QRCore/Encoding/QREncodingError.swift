/// Why a QR Code could not be encoded. Every case carries the numbers a user
/// needs to fix the input, and ``description`` says them in one sentence.
public enum QREncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data needs more bits than the largest allowed version holds at the
    /// requested level. Remedies: a lower error-correction level, a larger
    /// maximum version, shorter text, or a denser mode (numeric, alphanumeric).
    case dataTooLong(bitsNeeded: Int, capacityBits: Int, version: QRVersion, correctionLevel: ErrorCorrectionLevel)
    /// A character that the forced mode cannot represent, at a 0-based
    /// character index of the input.
    case unencodableCharacter(Character, index: Int, mode: SegmentMode)
    /// A mode that text cannot be encoded in: Hanzi (decoding only) or a header mode.
    case unsupportedTextMode(SegmentMode)
    /// A version number outside 1…40.
    case invalidVersion(Int)
    /// A version range whose lower bound exceeds its upper bound.
    case invalidVersionRange(min: Int, max: Int)
    /// A mask number outside 0…7.
    case invalidMask(Int)
    /// An ECI assignment number outside 0…999999 (§7.4.2.1).
    case invalidECIAssignment(Int)
    /// A segment whose character count exceeds its count field at this
    /// version (Table 3).
    case segmentTooLong(mode: SegmentMode, count: Int, limit: Int, version: QRVersion)
    /// Low-level API: data codewords that do not fill the version's capacity.
    case wrongCodewordCount(given: Int, expected: Int, version: QRVersion, correctionLevel: ErrorCorrectionLevel)
    /// A structured-append sequence of `count` symbols for a text of
    /// `characters` characters: a sequence has 1…16 symbols (§8), each with
    /// at least one character.
    case invalidSymbolCount(Int, characters: Int)
    /// A Micro QR version number outside 1…4 (M1…M4).
    case invalidMicroVersion(Int)
    /// A Micro QR mask number outside 0…3.
    case invalidMicroMask(Int)
    /// A version range, or a mask, that mixes kinds of symbol (QR Code, Micro QR, rMQR).
    case mixedSymbolKinds(QRVersion, QRVersion)
    /// A level the version does not offer: Micro QR M1 only detects errors
    /// (``ErrorCorrectionLevel/low`` stands for that), M2 and M3 offer L and
    /// M, M4 L, M and Q; rMQR offers M and H.
    case correctionLevelUnavailable(ErrorCorrectionLevel, version: QRVersion)
    /// A mode the Micro QR version lacks: M1 holds digits only, M2 adds
    /// alphanumeric, M3 and M4 add byte and kanji (Table 2).
    case modeUnavailable(SegmentMode, version: QRVersion)
    /// Something Micro QR Code cannot carry (ECI designators, structured
    /// append); the text must be encoded as a QR Code.
    case unavailableInMicroQR(String)
    /// An rMQR size the standard does not define (heights 7…17, odd; widths
    /// 27, 43, 59, 77, 99 and 139, not every one at every height).
    case invalidRMQRSize(height: Int, width: Int)
    /// Something rMQR cannot carry (a structured-append header, Hanzi mode).
    case unavailableInRMQR(String)
    /// A height cap below every rMQR size (the lowest is 7 modules).
    case invalidMaximumHeight(Int)

    /// What went wrong and how to fix it, in one sentence with its numbers.
    public var description: String {
        switch self {
        case let .dataTooLong(needed, capacity, version, correctionLevel):
            return "data too long: needs \(needed) bits, but version \(version) at level \(correctionLevel) "
                + "holds \(capacity) bits; use a lower error-correction level, a larger version or less data"
        case let .unencodableCharacter(character, index, mode):
            return "character \(Self.quoted(character)) at index \(index) cannot be encoded in \(mode) mode"
        case let .unsupportedTextMode(mode):
            return "text cannot be encoded in \(mode) mode; use numeric, alphanumeric, byte or kanji"
        case let .invalidVersion(number):
            return "invalid version \(number): versions are 1…40"
        case let .invalidVersionRange(min, max):
            return "invalid version range \(min)…\(max): the minimum exceeds the maximum"
        case let .invalidMask(number):
            return "invalid mask \(number): masks are 0…7"
        case let .invalidECIAssignment(number):
            return "invalid ECI assignment \(number): assignments are 0…999999"
        case let .segmentTooLong(mode, count, limit, version):
            return "a \(mode) segment of \(count) characters exceeds the \(limit) allowed at version \(version)"
        case let .wrongCodewordCount(given, expected, version, correctionLevel):
            return
                "\(given) data codewords given, but version \(version) at level \(correctionLevel) takes exactly \(expected)"
        case let .invalidSymbolCount(count, characters):
            return "cannot split \(characters) characters over \(count) symbols: structured append joins 1…16 symbols, "
                + "each with at least one character"
        case let .invalidMicroVersion(number):
            return "invalid Micro QR version M\(number): versions are M1…M4"
        case let .invalidMicroMask(number):
            return "invalid Micro QR mask \(number): masks are 0…3"
        case let .mixedSymbolKinds(first, second):
            return "versions \(first) and \(second) mix kinds of symbol; choose one kind"
        case let .correctionLevelUnavailable(correctionLevel, version) where version.kind == .rmqr:
            return "rMQR \(version) has no level \(correctionLevel): rMQR offers M and H"
        case let .correctionLevelUnavailable(correctionLevel, version):
            return "Micro QR \(version) has no level \(correctionLevel): M1 detects errors only (use L), "
                + "M2 and M3 offer L and M, M4 offers L, M and Q"
        case let .modeUnavailable(mode, version):
            return "Micro QR \(version) has no \(mode) mode: M1 holds digits only, M2 adds alphanumeric, "
                + "M3 and M4 add byte and kanji"
        case let .unavailableInMicroQR(feature):
            return "Micro QR Code cannot carry \(feature); encode the text as a QR Code"
        case let .invalidRMQRSize(height, width):
            return "invalid rMQR size R\(height)x\(width): sizes are R7x43…R17x139 (heights 7, 9, 15 and 17 with "
                + "widths 43, 59, 77, 99, 139; heights 11 and 13 also with width 27)"
        case let .unavailableInRMQR(feature):
            return "rMQR cannot carry \(feature); encode the text as a QR Code"
        case let .invalidMaximumHeight(height):
            return "invalid maximum height \(height): rMQR symbols are 7…17 modules high"
        }
    }

    /// The character in quotes, with invisible ones spelled as code points.
    private static func quoted(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        let printable = scalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
        if printable { return "'\(character)'" }
        return scalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}

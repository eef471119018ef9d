/// Reads the Netpbm grey and colour formats (netpbm.sourceforge.net, pgm(5)
/// and ppm(5)): binary P5/P6 and plain (ASCII) P2/P3.
///
/// The header is the magic number, width, height and maxval, separated by
/// whitespace, with `#` comments to the end of a line. Samples are one byte
/// when maxval < 256, else two bytes big-endian, and are scaled to 8 bits;
/// samples above maxval (which the format forbids) are clamped rather than
/// rejected. Colour becomes Rec. 601 luminance.
struct PNMDecoder {
    private let bytes: [UInt8]
    private var offset = 2

    /// A decimal number (a header field or a plain sample) with more digits
    /// than this is corrupt: no legal value needs them, and it bounds the arithmetic.
    private static let maxDigits = 9

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Decodes a whole P2, P3, P5 or P6 image.
    static func decode(_ bytes: [UInt8], limits: ImageLimits) throws(ImageError) -> GrayImage {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), let kind = Kind(magic: bytes[1]) else {
            throw .unsupportedFormat("not a PGM or PPM file (expected P2, P3, P5 or P6)")
        }
        var decoder = PNMDecoder(bytes: bytes)
        let width = try decoder.headerNumber("width")
        let height = try decoder.headerNumber("height")
        let maxValue = try decoder.headerNumber("maxval")
        guard (1...65535).contains(maxValue) else { throw .corrupt("PNM maxval \(maxValue) is outside 1…65535") }
        try decoder.endHeader()
        try limits.check(width: width, height: height)
        let (count, overflow) = (width * height).multipliedReportingOverflow(by: kind.channels)
        guard !overflow else { throw .tooLarge(width: width, height: height, limit: limits) }
        let samples =
            try kind.isPlain
            ? decoder.plainSamples(count: count, maxValue: maxValue)
            : decoder.binarySamples(count: count, maxValue: maxValue)
        return GrayImage(width: width, height: height, pixels: kind.channels == 1 ? samples : Self.luma(samples))
    }

    /// The four supported magic numbers.
    private enum Kind {
        case plainGray, plainColor, binaryGray, binaryColor

        init?(magic: UInt8) {
            switch magic {
            case UInt8(ascii: "2"): self = .plainGray
            case UInt8(ascii: "3"): self = .plainColor
            case UInt8(ascii: "5"): self = .binaryGray
            case UInt8(ascii: "6"): self = .binaryColor
            default: return nil
            }
        }

        var isPlain: Bool { self == .plainGray || self == .plainColor }
        var channels: Int { self == .plainGray || self == .binaryGray ? 1 : 3 }
    }

    // MARK: - Header

    /// A header field, after whitespace and comments.
    private mutating func headerNumber(_ name: String) throws(ImageError) -> Int {
        skipWhitespaceAndComments()
        let start = offset
        guard let value = number() else {
            throw .corrupt(
                start >= bytes.count
                    ? "PNM header ends before the \(name)"
                    : "PNM \(name) is not a number at byte \(start)")
        }
        return value
    }

    /// Consumes the single whitespace byte after maxval: in the binary
    /// formats the raster starts right after it, even if it looks like space.
    private mutating func endHeader() throws(ImageError) {
        guard offset < bytes.count, Self.isWhitespace(bytes[offset]) else {
            throw .corrupt("PNM header ends without whitespace after the maxval")
        }
        offset += 1
    }

    private mutating func skipWhitespaceAndComments() {
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "#") {
                while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
            } else if Self.isWhitespace(bytes[offset]) {
                offset += 1
            } else {
                return
            }
        }
    }

    /// A decimal number of at most ``maxDigits`` digits ending at a non-digit, or nil.
    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
            digits += 1
            offset += 1
            if digits > Self.maxDigits { return nil }
        }
        return digits > 0 ? value : nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    // MARK: - Raster

    private func binarySamples(count: Int, maxValue: Int) throws(ImageError) -> [UInt8] {
        let width = maxValue < 256 ? 1 : 2
        let available = bytes.count - offset
        guard available / width >= count else {
            throw .corrupt("PNM raster truncated: \(count * width) bytes needed, \(available) present")
        }
        if width == 1 {
            let table = (0..<256).map { Luminance.scaled($0, maxValue: maxValue) }
            return bytes[offset..<offset + count].map { table[Int($0)] }
        }
        return (0..<count).map { index in
            let position = offset + 2 * index
            return Luminance.scaled(Int(bytes[position]) << 8 | Int(bytes[position + 1]), maxValue: maxValue)
        }
    }

    private mutating func plainSamples(count: Int, maxValue: Int) throws(ImageError) -> [UInt8] {
        var samples = [UInt8]()
        // Each sample takes at least two bytes (a digit and a separator), so a
        // short file claiming a large image cannot make this reserve much.
        samples.reserveCapacity(min(count, (bytes.count - offset) / 2 + 1))
        for index in 0..<count {
            skipWhitespaceAndComments()
            let start = offset
            guard let value = number() else {
                throw .corrupt(
                    start >= bytes.count
                        ? "PNM raster truncated: \(index) of \(count) samples present"
                        : "PNM sample \(index) is not a number at byte \(start)")
            }
            samples.append(Luminance.scaled(value, maxValue: maxValue))
        }
        return samples
    }

    /// Luminance of interleaved RGB samples.
    private static func luma(_ rgb: [UInt8]) -> [UInt8] {
        (0..<rgb.count / 3).map { Luminance.luma(rgb[3 * $0], rgb[3 * $0 + 1], rgb[3 * $0 + 2]) }
    }
}

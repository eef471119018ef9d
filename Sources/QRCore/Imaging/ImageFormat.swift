/// The image formats QRCore reads, recognised by their first bytes rather
/// than by a file name, which may lie.
enum ImageFormat: Sendable, Hashable {
    case png
    /// Netpbm P2, P3, P5 or P6.
    case pnm

    /// The PNG signature (ISO/IEC 15948 §5.2).
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The format of `bytes`.
    /// - Throws: ``ImageError/unsupportedFormat(_:)`` naming what the bytes
    ///   look like (another image format, or their first bytes in hex).
    static func detect(_ bytes: [UInt8]) throws(ImageError) -> ImageFormat {
        if bytes.starts(with: pngSignature) { return .png }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), Array("2356".utf8).contains(bytes[1]) { return .pnm }
        throw .unsupportedFormat(describe(bytes))
    }

    /// What unsupported bytes appear to be.
    private static func describe(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "empty input" }
        let known: [(prefix: [UInt8], name: String)] = [
            ([0xFF, 0xD8, 0xFF], "JPEG"), (Array("GIF8".utf8), "GIF"), (Array("BM".utf8), "BMP"),
            ([0x49, 0x49, 0x2A, 0x00], "TIFF"), ([0x4D, 0x4D, 0x00, 0x2A], "TIFF"),
            (Array("P1".utf8), "PBM (P1)"), (Array("P4".utf8), "PBM (P4)"), (Array("P7".utf8), "PAM (P7)"),
            (Array("%PDF".utf8), "PDF"), (Array("<?xml".utf8), "XML"), (Array("<svg".utf8), "SVG"),
        ]
        if let match = known.first(where: { bytes.starts(with: $0.prefix) }) {
            return "\(match.name) is not supported; use PNG, PGM or PPM"
        }
        if bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) {
            return "WebP is not supported; use PNG, PGM or PPM"
        }
        let hex = bytes.prefix(8).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        return "unrecognised data starting with bytes \(hex.joined(separator: " ")); use PNG, PGM or PPM"
    }
}

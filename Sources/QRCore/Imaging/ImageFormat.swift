/// The image formats QRCore reads, recognised by their first bytes rather
/// than by a file name, which may lie.
enum ImageFormat: Sendable, Hashable {
    case png
    case jpeg
    /// Netpbm P2, P3, P5 or P6.
    case pnm

    /// The PNG signature (ISO/IEC 15948 §5.2).
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A JPEG starts with SOI (FF D8) followed by a marker's FF (ITU-T T.81 §B.1.1.2).
    static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// The formats that can be read, for messages.
    static let supportedNames = "PNG, JPEG, PGM or PPM"

    /// The format of `bytes`.
    /// - Throws: ``ImageError/unsupportedFormat(_:)`` naming what the bytes
    ///   look like (another image format, or their first bytes in hex).
    static func detect(_ bytes: [UInt8]) throws(ImageError) -> ImageFormat {
        if bytes.starts(with: pngSignature) { return .png }
        if bytes.starts(with: jpegSignature) { return .jpeg }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), Array("2356".utf8).contains(bytes[1]) { return .pnm }
        throw .unsupportedFormat(describe(bytes))
    }

    /// What unsupported bytes appear to be.
    private static func describe(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "empty input" }
        if let name = knownFormat(bytes) { return "\(name) is not supported; use \(supportedNames)" }
        let hex = bytes.prefix(8).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        return "unrecognised data starting with bytes \(hex.joined(separator: " ")); use \(supportedNames)"
    }

    /// Formats people send instead of a PNG or JPEG, by signature: what
    /// phones save (HEIC, WebP), what screenshots and scanners give (GIF,
    /// BMP, TIFF, PDF) and the newer still-image codecs.
    private static let signatures: [(prefix: [UInt8], name: String)] = [
        (Array("GIF8".utf8), "GIF"), (Array("BM".utf8), "BMP"),
        ([0x49, 0x49, 0x2A, 0x00], "TIFF"), ([0x4D, 0x4D, 0x00, 0x2A], "TIFF"),
        ([0x49, 0x49, 0x2B, 0x00], "BigTIFF"), ([0x4D, 0x4D, 0x00, 0x2B], "BigTIFF"),
        ([0xFF, 0x0A], "JPEG XL"), ([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20], "JPEG XL"),
        ([0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20], "JPEG 2000"), ([0xFF, 0x4F, 0xFF, 0x51], "JPEG 2000"),
        ([0x00, 0x00, 0x01, 0x00], "ICO"), (Array("8BPS".utf8), "Photoshop (PSD)"),
        (Array("P1".utf8), "PBM (P1)"), (Array("P4".utf8), "PBM (P4)"), (Array("P7".utf8), "PAM (P7)"),
        (Array("%PDF".utf8), "PDF"), (Array("<?xml".utf8), "XML"), (Array("<svg".utf8), "SVG"),
    ]

    /// The ISO base media file brands (ISO/IEC 14496-12 `ftyp`) of HEIF and AVIF stills.
    private static let brands: [String: String] = [
        "heic": "HEIC", "heix": "HEIC", "heim": "HEIC", "heis": "HEIC", "hevc": "HEIC", "hevx": "HEIC",
        "mif1": "HEIF", "msf1": "HEIF", "avif": "AVIF", "avis": "AVIF",
    ]

    private static func knownFormat(_ bytes: [UInt8]) -> String? {
        if let match = signatures.first(where: { bytes.starts(with: $0.prefix) }) { return match.name }
        if bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) {
            return "WebP"
        }
        if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            return brands[brand] ?? "an ISO media file (brand '\(brand)')"
        }
        return nil
    }
}

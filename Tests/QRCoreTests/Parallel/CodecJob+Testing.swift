@testable import QRCore

/// Small jobs for the codec tests, named by their text so that a runner can
/// tell them apart.
extension CodecJob {
    /// A version 1 symbol with a fixed mask: the cheapest real encode.
    static func tiny(_ label: String) -> CodecJob {
        .encode(EncodeRequest(text: label, mode: .byte, options: tinyOptions, format: .matrix))
    }

    /// Letters in numeric mode: fails at once with `unencodableCharacter`.
    static func failing(_ label: String) -> CodecJob {
        .encode(EncodeRequest(text: label, mode: .numeric, options: tinyOptions, format: .matrix))
    }

    /// The label's bytes given as image data: fails at once with an image error.
    static func unreadable(_ label: String) -> CodecJob {
        .decode(DecodeRequest(imageData: Array(label.utf8)))
    }

    /// The encoded text, or the bytes of an unreadable image; "" for other jobs.
    var label: String {
        switch self {
        case let .encode(request):
            guard case let .textInMode(text, _) = request.content else { return "" }
            return text
        case let .decode(request):
            guard case let .imageData(bytes) = request.source else { return "" }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static let tinyOptions = EncodingOptions(
        correctionLevel: .low, versions: 1...1, mask: 0, boostsCorrection: false)
}

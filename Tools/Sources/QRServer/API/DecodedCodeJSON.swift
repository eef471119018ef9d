import QRCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A decoded symbol in the JSON of `qr decode --json`, field for field:
/// `{"text", "bytes_base64", "charset", "symbol", "model", "version", "ecc", "mask", "corners",
/// "mirrored", "inverted", "errors_corrected"}`, corners in image pixels to 0.1.
enum DecodedCodeJSON {
    static func code(_ result: DecodedSymbol) -> JSONValue {
        .object([
            "text": .string(result.text),
            "bytes_base64": .string(Data(result.bytes).base64EncodedString()),
            "charset": .string(result.characterSet.name),
            "symbol": .string(result.version.kind.description),
            "model": .int(result.model.number),
            "version": .int(result.version.number),
            "ecc": .string(result.correctionLevel.letter),
            "mask": .int(result.mask.number),
            "corners": .array(result.corners.points.map { .array([tenths($0.x), tenths($0.y)]) }),
            "mirrored": .bool(result.isMirrored),
            "inverted": .bool(result.isInverted),
            "errors_corrected": .int(result.errorsCorrected),
        ])
    }

    private static func tenths(_ value: Double) -> JSONValue {
        .double((value * 10).rounded() / 10)
    }
}

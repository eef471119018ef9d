import QRCore

/// Refuses text that fits no allowed version (422, with the capacity) while
/// the request is still open, before a worker spends time on it.
///
/// It measures the text as the encoder does: the same ``SegmentOptimizer``
/// at the largest allowed version, against that version's capacity at the
/// requested level from QRCore's own capacity API, so the server never
/// disagrees with the encoder and keeps no copy of ISO/IEC 18004 Table 7.
enum CapacityCheck {
    /// No text of more UTF-8 bytes fits any symbol: every character costs at
    /// least 10/3 bits, and version 40-L holds 7,089 digits (Table 7).
    static let maxCharacters = 7089

    /// - Throws: 422 naming `text`, with `bits_needed` (when measured),
    ///   `capacity_bits`, `capacity_bytes`, `version` and `ecc`.
    static func check(_ text: String, options: EncodingOptions) throws(APIError) {
        let version = options.versions.upperBound
        let capacity = capacityBits(version, options.correctionLevel)
        let length = text.utf8.count
        guard length <= maxCharacters else {
            throw tooLong(
                "text too long: \(length) bytes, but no QR Code holds more than \(maxCharacters) characters; "
                    + "version \(version) at level \(options.correctionLevel) holds \(capacity) bits",
                needed: nil, capacity: capacity, version: version, correctionLevel: options.correctionLevel)
        }
        var needed = 0
        for segment in SegmentOptimizer(text: text).segments(at: version) {
            guard let bits = segment.bitLength(at: version) else {
                needed = Int.max
                break
            }
            needed += bits
        }
        guard needed > capacity else { return }
        let error = QREncodingError.dataTooLong(
            bitsNeeded: needed, capacityBits: capacity, version: version,
            correctionLevel: options.correctionLevel)
        throw tooLong(
            "\(error)", needed: needed == Int.max ? nil : needed, capacity: capacity, version: version,
            correctionLevel: options.correctionLevel)
    }

    /// The 422 for an encoding job that failed on its own, with the same details.
    static func error(for failure: QREncodingError) -> APIError {
        guard case let .dataTooLong(needed, capacity, version, correctionLevel) = failure else {
            return APIError(.unprocessableContent, "\(failure)", field: "text")
        }
        return tooLong(
            "\(failure)", needed: needed, capacity: capacity, version: version, correctionLevel: correctionLevel)
    }

    /// The data bits that `version` holds at `correctionLevel`.
    static func capacityBits(_ version: QRVersion, _ correctionLevel: ErrorCorrectionLevel) -> Int {
        version.capacity(correctionLevel: correctionLevel, mode: .byte).dataBits
    }

    private static func tooLong(
        _ message: String, needed: Int?, capacity: Int, version: QRVersion,
        correctionLevel: ErrorCorrectionLevel
    ) -> APIError {
        let details = CapacityDetails(
            bitsNeeded: needed, capacityBits: capacity, version: version,
            correctionLevel: correctionLevel)
        return APIError(.unprocessableContent, message, field: "text", details: details.members)
    }
}

/// Structured append (ISO/IEC 18004:2015 §8): one message over up to 16
/// symbols, each starting with a header that gives its position, the number
/// of symbols and the parity of the whole message, so that a reader can put
/// the parts together in order and check that they belong to one message.
extension QRCode {
    /// The most symbols a sequence may have: the header's count field is 4 bits.
    public static let maxStructuredAppendSymbols = 16

    /// `text` split over `count` symbols, in order, each an ordinary symbol
    /// with a structured-append header, chosen and masked as
    /// ``init(text:options:)`` would (within `options.versions`).
    ///
    /// The text is cut between characters into parts of about the same
    /// number of UTF-8 bytes. The parity is the XOR of the UTF-8 bytes of the
    /// whole text: what a reader computes from the parts' bytes.
    /// - Throws: ``QREncodingError/invalidSymbolCount(_:characters:)`` for a
    ///   count outside 1…16 or above the number of characters;
    ///   ``QREncodingError/dataTooLong(bitsNeeded:capacityBits:version:correctionLevel:)``
    ///   when a part does not fit the largest allowed version.
    public static func structuredAppend(
        text: String, count: Int, options: EncodingOptions = EncodingOptions()
    ) throws(QREncodingError) -> [QRCode] {
        let characters = Array(text)
        guard (1...maxStructuredAppendSymbols).contains(count), count <= characters.count else {
            throw .invalidSymbolCount(count, characters: characters.count)
        }
        let parity = text.utf8.reduce(0 as UInt8) { $0 ^ $1 }
        var codes: [QRCode] = []
        for (index, part) in parts(of: characters, count: count).enumerated() {
            let header = QRSegment.structuredAppendHeader(index: index, count: count, parity: parity)
            let (plan, prefix) = QREncoder.automaticText(String(part), options: options)
            codes.append(try QREncoder.encode(plan, prefix: [header] + prefix, options: options))
        }
        return codes
    }

    /// `text` over the fewest symbols (at most 16) that each fit within
    /// `options.versions`: `options.versions.upperBound` is the largest
    /// version a symbol may take.
    /// - Throws: ``QREncodingError/dataTooLong(bitsNeeded:capacityBits:version:correctionLevel:)``
    ///   when even 16 symbols cannot hold it.
    public static func structuredAppend(
        text: String, options: EncodingOptions = EncodingOptions()
    ) throws(QREncodingError) -> [QRCode] {
        let most = min(maxStructuredAppendSymbols, max(text.count, 1))
        var lastError = QREncodingError.invalidSymbolCount(0, characters: text.count)
        for count in 1...most {
            do {
                return try structuredAppend(text: text, count: count, options: options)
            } catch {
                guard case .dataTooLong = error else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    /// `characters` cut into `count` contiguous parts of about the same
    /// number of UTF-8 bytes, none of them empty.
    private static func parts(of characters: [Character], count: Int) -> [ArraySlice<Character>] {
        let sizes = characters.map { $0.utf8.count }
        let total = sizes.reduce(0, +)
        var parts: [ArraySlice<Character>] = []
        var start = 0, bytes = 0
        for part in 0..<count {
            let remainingParts = count - part
            let target = total * (part + 1) / count
            var end = start + 1
            bytes += sizes[start]
            // Leave at least one character for every later part.
            while end < characters.count - (remainingParts - 1), bytes + sizes[end] <= target {
                bytes += sizes[end]
                end += 1
            }
            if part == count - 1 {
                end = characters.count
            }
            parts.append(characters[start..<end])
            start = end
        }
        return parts
    }
}

extension QRSegment {
    /// The structured-append header of symbol `index` (from 0) of `count`:
    /// mode indicator 0011, the position and the count less one in 4 bits
    /// each, and the message's parity byte (§8). It must come first.
    static func structuredAppendHeader(index: Int, count: Int, parity: UInt8) -> QRSegment {
        var data = BitBuffer()
        data.append(UInt32(index), width: 4)
        data.append(UInt32(count - 1), width: 4)
        data.append(UInt32(parity), width: 8)
        return QRSegment(mode: .structuredAppend, characterCount: 0, data: data)
    }
}

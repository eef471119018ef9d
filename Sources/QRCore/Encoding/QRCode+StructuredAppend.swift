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
    /// number of UTF-8 bytes. The parity is the XOR of the message's bytes in
    /// the encoding each character is written in (§8: "the ASCII/JIS values
    /// of all the original input data"): ASCII for digits and alphanumeric
    /// characters, UTF-8 for byte mode, Shift JIS for kanji mode. That is
    /// what a reader computes from the parts' bytes; with kanji mode off it
    /// is the XOR of the text's UTF-8 bytes.
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
        let pieces = parts(of: characters, count: count)
        let plans = pieces.map { QREncoder.automaticText(String($0), options: options) }
        // The header's length does not depend on its values, so each part's
        // version and segments are known before the parity is.
        let placeholder = QRSegment.structuredAppendHeader(index: 0, count: count, parity: 0)
        var parity: UInt8 = 0
        for (part, (plan, prefix)) in zip(pieces, plans) {
            let chosen = try QREncoder.chooseOrThrow(plan, prefix: [placeholder] + prefix, options: options)
            parity ^= contentParity(of: String(part), segments: chosen.segments)
        }
        var codes: [QRCode] = []
        for (index, (plan, prefix)) in plans.enumerated() {
            let header = QRSegment.structuredAppendHeader(index: index, count: count, parity: parity)
            codes.append(try QREncoder.encode(plan, prefix: [header] + prefix, options: options))
        }
        return codes
    }

    /// The XOR of the bytes `segments` carry for `text`, as a reader sees
    /// them (``DecodedSymbol/bytes``): each kanji's Shift JIS code, and the
    /// UTF-8 bytes of everything else (digits and alphanumeric characters
    /// are ASCII, byte mode holds UTF-8). Headers and ECIs carry no bytes.
    static func contentParity(of text: String, segments: [QRSegment]) -> UInt8 {
        var scalars = text.unicodeScalars.makeIterator()
        var parity: UInt8 = 0
        for segment in segments {
            switch segment.mode {
            case .kanji:
                for _ in 0..<segment.characterCount {
                    guard let scalar = scalars.next(), let value = ShiftJIS.kanjiValue(for: scalar) else { continue }
                    let code = ShiftJIS.code(forKanjiValue: value)
                    parity ^= UInt8(code >> 8) ^ UInt8(code & 0xFF)
                }
            case .numeric, .alphanumeric, .byte:
                var bytes = 0
                while bytes < segment.characterCount, let scalar = scalars.next() {
                    for byte in String(scalar).utf8 { parity ^= byte }
                    bytes += String(scalar).utf8.count
                }
            case .hanzi, .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend:
                continue
            }
        }
        return parity
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

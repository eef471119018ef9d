/// Why the parts of a structured-append sequence could not be joined.
public enum StructuredAppendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The symbol at `position` in the input carries no structured-append header.
    case notInSequence(position: Int)
    /// The symbols disagree on the number of parts or on the parity: they
    /// belong to more than one message.
    case mixedSequences
    /// Parts absent from the input, by index from 0, of a sequence of `count`.
    case missingParts([Int], count: Int)
    /// Two symbols claim the same index with different contents.
    case conflictingParts(index: Int)
    /// The XOR of the joined bytes is not the parity every part carries:
    /// a part belongs to another message, or was misread.
    case parityMismatch(expected: UInt8, computed: UInt8)

    /// What went wrong, in one sentence; missing parts are numbered from 1.
    public var description: String {
        switch self {
        case let .notInSequence(position):
            return "symbol \(position + 1) of the input is not part of a structured-append sequence"
        case .mixedSequences:
            return "the symbols belong to different structured-append sequences (their counts or parities differ)"
        case let .missingParts(indices, count):
            let parts = indices.map { String($0 + 1) }.joined(separator: ", ")
            return "structured append: part\(indices.count == 1 ? "" : "s") \(parts) of \(count) missing"
        case let .conflictingParts(index):
            return "structured append: two different symbols claim part \(index + 1)"
        case let .parityMismatch(expected, computed):
            return "structured append: the joined message's parity is \(computed), but its parts say \(expected)"
        }
    }
}

extension DecodedSymbol.StructuredAppend {
    /// The message of a complete sequence: the parts' texts joined in index
    /// order, whatever order `symbols` has. The same part may appear more
    /// than once (two photos of one symbol). The parity, the XOR of all the
    /// parts' bytes, is checked against the one in their headers (§8). A
    /// parity taken over the whole message's text in ISO-8859-1, Shift JIS
    /// or UTF-8 is accepted too, whatever encoding each part uses: segno 1.6
    /// takes the first of these the text fits (while it writes each part in
    /// the encoding that part fits), and it identifies the message as well.
    /// - Throws: ``StructuredAppendError`` naming what is missing or wrong.
    public static func merge(_ symbols: [DecodedSymbol]) throws(StructuredAppendError) -> String {
        var parts: [Int: DecodedSymbol] = [:]
        var header: DecodedSymbol.StructuredAppend?
        for (position, symbol) in symbols.enumerated() {
            guard let part = symbol.structuredAppend else { throw .notInSequence(position: position) }
            if let header, header.count != part.count || header.parity != part.parity { throw .mixedSequences }
            header = part
            if let seen = parts[part.index], seen.bytes != symbol.bytes { throw .conflictingParts(index: part.index) }
            parts[part.index] = symbol
        }
        guard let header else { return "" }
        let missing = (0..<header.count).filter { parts[$0] == nil }
        guard missing.isEmpty else { throw .missingParts(missing, count: header.count) }
        let ordered = (0..<header.count).map { parts[$0]! }
        let computed = ordered.reduce(0 as UInt8) { sum, part in part.bytes.reduce(sum) { $0 ^ $1 } }
        let message = ordered.map(\.text).joined()
        guard computed == header.parity || writerParities(of: message).contains(header.parity) else {
            throw .parityMismatch(expected: header.parity, computed: computed)
        }
        return message
    }

    /// The parity of `text` in ISO-8859-1 and in Shift JIS, where the text
    /// has a spelling in each, and in UTF-8: what writers that take the
    /// parity over the text rather than the bytes they encode put in the
    /// header.
    static func writerParities(of text: String) -> [UInt8] {
        var latin1: UInt8? = 0, shiftJIS: UInt8? = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            latin1 = value <= 0xFF ? latin1.map { $0 ^ UInt8(value) } : nil
            if value < 0x80 {
                shiftJIS = shiftJIS.map { $0 ^ UInt8(value) }
            } else if let byte = HalfWidthKatakana.byte(for: scalar) {
                shiftJIS = shiftJIS.map { $0 ^ byte }
            } else if let code = ShiftJIS.doubleByteCode(for: scalar) {
                shiftJIS = shiftJIS.map { $0 ^ UInt8(code >> 8) ^ UInt8(code & 0xFF) }
            } else {
                shiftJIS = nil
            }
        }
        return [latin1, shiftJIS, text.utf8.reduce(0, ^)].compactMap { $0 }
    }
}

extension DecodedSymbol.StructuredAppend {
    /// The messages among `symbols`, in the order their first symbol comes:
    /// each structured-append sequence (told apart by its count and parity)
    /// joined by ``merge(_:)``, or why it could not be, and the text of every
    /// symbol outside a sequence on its own.
    public static func mergeAll(_ symbols: [DecodedSymbol]) -> [Result<String, StructuredAppendError>] {
        var groups: [(key: DecodedSymbol.StructuredAppend?, symbols: [DecodedSymbol])] = []
        for symbol in symbols {
            guard let part = symbol.structuredAppend else {
                groups.append((nil, [symbol]))
                continue
            }
            let key = DecodedSymbol.StructuredAppend(index: 0, count: part.count, parity: part.parity)
            if let at = groups.firstIndex(where: { $0.key == key }) {
                groups[at].symbols.append(symbol)
            } else {
                groups.append((key, [symbol]))
            }
        }
        return groups.map { group in
            guard group.key != nil else { return .success(group.symbols[0].text) }
            return Result { () throws(StructuredAppendError) in try merge(group.symbols) }
        }
    }
}

extension QRReader {
    /// The messages in `image`: the symbols ``read(_:)`` finds, with every
    /// complete structured-append sequence among them joined into its message
    /// (see ``DecodedSymbol/StructuredAppend/mergeAll(_:)``).
    public func readMessages(_ image: GrayImage) -> [Result<String, StructuredAppendError>] {
        DecodedSymbol.StructuredAppend.mergeAll(read(image))
    }
}

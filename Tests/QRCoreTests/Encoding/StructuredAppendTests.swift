import Testing

@testable import QRCore

/// Structured append (§8): split, headers, and joining the parts again.
struct StructuredAppendTests {
    static let message = "Structured append joins up to sixteen QR Code symbols into one message: 0123456789."

    @Test(arguments: [1, 2, 3, 7, 16])
    func partsRoundTripInAnyOrder(count: Int) throws {
        let codes = try QRCode.structuredAppend(text: Self.message, count: count)
        #expect(codes.count == count)
        let symbols = try codes.map { try QRDecoder.decode($0.modules) }
        let parity = Self.message.utf8.reduce(0 as UInt8) { $0 ^ $1 }
        for (index, symbol) in symbols.enumerated() {
            #expect(
                symbol.structuredAppend == DecodedSymbol.StructuredAppend(index: index, count: count, parity: parity))
            #expect(!symbol.text.isEmpty)
        }
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols.reversed()) == Self.message)
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols + symbols) == Self.message)
    }

    @Test func partsNeverSplitACharacter() throws {
        let text = "日本語のテキストと émojis 🎉🎉 and ASCII"
        let codes = try QRCode.structuredAppend(text: text, count: 5)
        let texts = try codes.map { try QRDecoder.decode($0.modules).text }
        #expect(texts.joined() == text)
        #expect(texts.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    /// §8 takes the parity over the data as encoded, so kanji count by their
    /// Shift JIS codes, not their UTF-8 bytes: a reader checks it against
    /// the bytes it read.
    @Test func kanjiCountInTheParityByTheirShiftJISBytes() throws {
        let text = "漢字モードの日本語テキスト、0123 ABC と語"
        var options = EncodingOptions()
        options.allowsKanjiMode = true
        let symbols = try QRCode.structuredAppend(text: text, count: 3, options: options)
            .map { try QRDecoder.decode($0.modules) }
        #expect(symbols.contains { $0.segments.contains { $0.mode == .kanji } })
        let read = symbols.reduce(0 as UInt8) { sum, symbol in symbol.bytes.reduce(sum) { $0 ^ $1 } }
        let utf8 = text.utf8.reduce(0 as UInt8) { $0 ^ $1 }
        #expect(read != utf8)
        #expect(symbols.allSatisfy { $0.structuredAppend?.parity == read })
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols) == text)
    }

    @Test func contentParityFollowsEachSegmentsEncoding() throws {
        let segments = [try QRSegment.numeric("12"), try QRSegment.kanji("漢"), QRSegment.bytes(Array("é".utf8))]
        // "1" ^ "2" ^ the Shift JIS bytes of 漢 (0x8A 0xBF) ^ the UTF-8 bytes of é (0xC3 0xA9).
        let expected: UInt8 = 0x31 ^ 0x32 ^ 0x8A ^ 0xBF ^ 0xC3 ^ 0xA9
        #expect(QRCode.contentParity(of: "12漢é", segments: segments) == expected)
    }

    @Test func automaticCountStaysWithinTheMaximumVersion() throws {
        let text = String(repeating: Self.message, count: 6)
        var options = EncodingOptions(correctionLevel: .medium)
        options.versions = try QRVersion.range(1, 5)
        let codes = try QRCode.structuredAppend(text: text, options: options)
        #expect(codes.count > 1 && codes.count <= 16)
        #expect(codes.allSatisfy { $0.version <= 5 })
        // The count is the fewest that fits: one symbol fewer does not.
        #expect(throws: (any Error).self) {
            try QRCode.structuredAppend(text: text, count: codes.count - 1, options: options)
        }
        let symbols = try codes.map { try QRDecoder.decode($0.modules) }
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols) == text)
    }

    @Test func refusesCountsItCannotWrite() {
        #expect(throws: QREncodingError.invalidSymbolCount(0, characters: 3)) {
            try QRCode.structuredAppend(text: "abc", count: 0)
        }
        #expect(throws: QREncodingError.invalidSymbolCount(17, characters: 100)) {
            try QRCode.structuredAppend(text: String(repeating: "a", count: 100), count: 17)
        }
        #expect(throws: QREncodingError.invalidSymbolCount(4, characters: 3)) {
            try QRCode.structuredAppend(text: "abc", count: 4)
        }
        var options = EncodingOptions()
        options.versions = QRVersion(1)...QRVersion(1)
        #expect(throws: (any Error).self) {
            try QRCode.structuredAppend(text: String(repeating: "x", count: 16 * 20), options: options)
        }
    }

    @Test func mergeNamesWhatIsWrong() throws {
        let symbols = try QRCode.structuredAppend(text: Self.message, count: 4).map { try QRDecoder.decode($0.modules) }
        #expect(throws: StructuredAppendError.missingParts([1, 3], count: 4)) {
            try DecodedSymbol.StructuredAppend.merge([symbols[0], symbols[2]])
        }
        let other = try QRCode.structuredAppend(text: Self.message.uppercased(), count: 4)
            .map { try QRDecoder.decode($0.modules) }
        #expect(throws: StructuredAppendError.mixedSequences) {
            try DecodedSymbol.StructuredAppend.merge([symbols[0], other[1]])
        }
        let plain = try QRDecoder.decode(QRCode(text: "plain").modules)
        #expect(throws: StructuredAppendError.notInSequence(position: 1)) {
            try DecodedSymbol.StructuredAppend.merge([symbols[0], plain])
        }
        #expect(
            "\(StructuredAppendError.missingParts([1, 3], count: 4))" == "structured append: parts 2, 4 of 4 missing")
    }

    @Test func aTamperedPartFailsTheParity() throws {
        // Same count and parity header, different content: only the parity can tell.
        let parity = Self.message.utf8.reduce(0 as UInt8) { $0 ^ $1 }
        let header = QRSegment.structuredAppendHeader(index: 1, count: 2, parity: parity)
        let forged = try QREncoder.encode(
            .fixed([header, QRSegment.bytes(Array("tampered".utf8))]), prefix: [],
            options: EncodingOptions())
        let first = try QRDecoder.decode(QRCode.structuredAppend(text: Self.message, count: 2)[0].modules)
        #expect(throws: StructuredAppendError.self) {
            try DecodedSymbol.StructuredAppend.merge([first, try QRDecoder.decode(forged.modules)])
        }
    }
}

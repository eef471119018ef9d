import Testing

@testable import QRCore

/// Joining sequences among other symbols, from decoded symbols and from one image.
struct StructuredAppendMergeTests {
    static func decoded(_ text: String, count: Int) throws -> [DecodedSymbol] {
        try QRCode.structuredAppend(text: text, count: count).map { try QRDecoder.decode($0.modules) }
    }

    @Test func mergeAllSeparatesSequencesAndLoneSymbols() throws {
        let first = try Self.decoded("the first message, in three parts", count: 3)
        let second = try Self.decoded("THE SECOND MESSAGE, IN TWO", count: 2)
        let lone = try QRDecoder.decode(QRCode(text: "alone").modules)
        let results = DecodedSymbol.StructuredAppend.mergeAll([
            first[2], second[1], lone, first[0], second[0], first[1],
        ])
        #expect(
            results.map { try? $0.get() } == [
                "the first message, in three parts", "THE SECOND MESSAGE, IN TWO", "alone",
            ])
    }

    @Test func mergeAllReportsAnIncompleteSequence() throws {
        let parts = try Self.decoded("four parts, one of them lost", count: 4)
        let results = DecodedSymbol.StructuredAppend.mergeAll([parts[0], parts[1], parts[3]])
        #expect(results.count == 1)
        #expect(throws: StructuredAppendError.missingParts([2], count: 4)) { try results[0].get() }
    }

    /// A sequence whose parts carry `parity` whatever their content: each
    /// part one UTF-8 byte segment behind an ECI 26 designator.
    static func sequence(_ parts: [String], parity: UInt8) throws -> [DecodedSymbol] {
        try parts.enumerated().map { index, part in
            let header = QRSegment.structuredAppendHeader(index: index, count: parts.count, parity: parity)
            let code = try QREncoder.encode(
                .fixed([try QRSegment.eci(26), QRSegment.bytes(Array(part.utf8))]), prefix: [header],
                options: EncodingOptions())
            return try QRDecoder.decode(code.modules)
        }
    }

    static func xor(_ bytes: some Sequence<UInt8>) -> UInt8 { bytes.reduce(0, ^) }

    @Test func parityOfTheBytesAsWrittenJoins() throws {
        let parts = ["Grüße aus ", "München"]
        let symbols = try Self.sequence(parts, parity: Self.xor(parts.joined().utf8))
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols) == "Grüße aus München")
    }

    /// segno 1.6 takes the parity over the text's ISO-8859-1 bytes (else its
    /// Shift JIS bytes) even when it writes UTF-8.
    @Test func parityOfTheTextInLatin1OrShiftJISJoins() throws {
        let latin = ["Grüße aus ", "München"]
        let latinParity = Self.xor(latin.joined().unicodeScalars.map { UInt8($0.value) })
        #expect(latinParity != Self.xor(latin.joined().utf8))
        #expect(try DecodedSymbol.StructuredAppend.merge(Self.sequence(latin, parity: latinParity)) == latin.joined())

        let japanese = ["日本語の", "ﾃｷｽﾄ"]
        // 日 93FA, 本 967B, 語 8CEA, の 82CC; half-width katakana are single bytes.
        let shiftJIS: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0xC3, 0xB7, 0xBD, 0xC4]
        let symbols = try Self.sequence(japanese, parity: Self.xor(shiftJIS))
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols) == japanese.joined())
    }

    /// Parts written in different encodings (Latin-1 where a part fits it,
    /// UTF-8 where it does not), with the parity of the whole text in UTF-8,
    /// as segno writes a text that fits neither ISO-8859-1 nor Shift JIS.
    @Test func parityOfTheWholeTextInUTF8Joins() throws {
        let parts = ["Grüezi aus ", "München – bis bald"]
        let headerParity = Self.xor(parts.joined().utf8)
        let symbols = try parts.enumerated().map { index, part in
            let header = QRSegment.structuredAppendHeader(index: index, count: 2, parity: headerParity)
            let latin1 = part.unicodeScalars.allSatisfy { $0.value <= 0xFF }
            let segments =
                latin1
                ? [QRSegment.bytes(part.unicodeScalars.map { UInt8($0.value) })]
                : [try QRSegment.eci(26), QRSegment.bytes(Array(part.utf8))]
            let code = try QREncoder.encode(.fixed(segments), prefix: [header], options: EncodingOptions())
            return try QRDecoder.decode(code.modules)
        }
        #expect(Self.xor(symbols.flatMap(\.bytes)) != headerParity)  // not the bytes as written
        #expect(try DecodedSymbol.StructuredAppend.merge(symbols) == parts.joined())
    }

    @Test func anyOtherParityIsRefused() throws {
        let parts = ["Grüße aus ", "München"]
        let right = Self.xor(parts.joined().utf8)
        let latin = Self.xor(parts.joined().unicodeScalars.map { UInt8($0.value) })
        let wrong = (0...255).map(UInt8.init).first { $0 != right && $0 != latin }!  // no Shift JIS spelling
        #expect(throws: StructuredAppendError.parityMismatch(expected: wrong, computed: right)) {
            try DecodedSymbol.StructuredAppend.merge(Self.sequence(parts, parity: wrong))
        }
    }

    /// Three parts side by side in one picture, out of order, read and joined.
    @Test func readerJoinsASequenceInOneImage() throws {
        let message = "Structured append in one photo: three symbols, one message."
        let codes = try QRCode.structuredAppend(text: message, count: 3)
        let tiles = [2, 0, 1].map { SyntheticImage.upright(codes[$0].modules, moduleSize: 4).image }
        let image = Self.sideBySide(tiles)
        #expect(QRReader().read(image).count == 3)
        #expect(QRReader().readMessages(image).map { try? $0.get() } == [message])
    }

    static func sideBySide(_ tiles: [GrayImage]) -> GrayImage {
        let height = tiles.map(\.height).max() ?? 0
        var image = GrayImage(width: tiles.map(\.width).reduce(0, +), height: height, value: 255)
        var left = 0
        for tile in tiles {
            for y in 0..<tile.height {
                for x in 0..<tile.width {
                    image.pixels[y * image.width + left + x] = tile.pixels[y * tile.width + x]
                }
            }
            left += tile.width
        }
        return image
    }
}

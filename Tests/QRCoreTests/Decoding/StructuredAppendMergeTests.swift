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

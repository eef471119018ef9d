import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

extension DecodingTests {
    /// Our encoder's symbols and the reference encoder's 400 vectors, decoded.
    struct QRDecoderTests {
        @Test(arguments: 1...40)
        func roundTripsEveryLevelAndMask(version number: Int) throws {
            let version = try QRVersion(number: number)
            var random = SeededRandom(seed: UInt64(number))
            for correctionLevel in ErrorCorrectionLevel.allCases {
                let (segments, text) = DecodingTestSupport.mixedPayload(
                    version: version, correctionLevel: correctionLevel,
                    using: &random)
                for mask in QRMask.all {
                    let code = try DecodingTestSupport.symbol(
                        segments, version: version, correctionLevel: correctionLevel,
                        mask: mask)
                    let symbol = try QRDecoder.decode(code.modules)
                    #expect(symbol.text == text)
                    #expect(symbol.bytes == Array(text.utf8))
                    #expect(
                        symbol.version == version && symbol.correctionLevel == correctionLevel && symbol.mask == mask)
                    #expect(!symbol.isMirrored && symbol.errorsCorrected == 0)
                    #expect(symbol.segments.map(\.mode) == [.numeric, .alphanumeric, .byte])
                    #expect(symbol.segments.map(\.count) == segments.map(\.characterCount))
                }
            }
        }

        struct Vector: Decodable, CustomTestStringConvertible {
            let id: String
            let text: String
            let ecc: String
            let version: Int
            let expect_mask: Int
            let matrix: [String]

            var testDescription: String { id }
        }

        /// Fixtures/vectors/qrcodegen-seed1.jsonl, made by the reference encoder qrcodegen.
        static let vectors: [Vector] = {
            let text = try! String(contentsOf: Fixtures.url("vectors/qrcodegen-seed1.jsonl"), encoding: .utf8)
            return text.split(separator: "\n").map { try! JSONDecoder().decode(Vector.self, from: Data($0.utf8)) }
        }()

        @Test func decodesAllReferenceVectors() throws {
            #expect(Self.vectors.count == 400)
            for vector in Self.vectors {
                let symbol = try QRDecoder.decode(BitMatrix(rows: vector.matrix))
                #expect(symbol.text == vector.text, "\(vector.id)")
                #expect(symbol.version.number == vector.version, "\(vector.id)")
                #expect(symbol.correctionLevel.letter == vector.ecc, "\(vector.id)")
                #expect(symbol.mask.number == vector.expect_mask, "\(vector.id)")
            }
        }

        @Test(arguments: [1, 6, 7, 21, 40])
        func decodesMirroredSymbols(version number: Int) throws {
            let text = "Mirror, mirror on the wall: version \(number)"
            let options = EncodingOptions(versions: try QRVersion.range(number, 40))
            let code = try QRCode(text: text, mode: .byte, options: options)
            let symbol = try QRDecoder.decode(code.modules.transposed())
            #expect(symbol.text == text)
            #expect(symbol.isMirrored)
            #expect(symbol.version == code.version)
        }

        @Test func decodesDeclaredUTF8AndKanji() throws {
            let utf8 = try QRCode(text: "Grüße, 東京 ☃", mode: .byte, options: EncodingOptions(declaresUTF8: true))
            let decoded = try QRDecoder.decode(utf8.modules)
            #expect(decoded.text == "Grüße, 東京 ☃")
            #expect(decoded.eciAssignments == [26])
            #expect(decoded.segments.map(\.mode) == [.eci, .byte])

            let kanji = try QRCode(text: "点茗日本語", mode: .kanji, options: EncodingOptions())
            let decodedKanji = try QRDecoder.decode(kanji.modules)
            #expect(decodedKanji.text == "点茗日本語")
            #expect(decodedKanji.bytes == [0x93, 0x5F, 0xE4, 0xAA, 0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA])
            #expect(decodedKanji.segments == [DecodedSymbol.Segment(mode: .kanji, count: 5, characterSet: .shiftJIS)])
        }

        @Test func automaticSegmentationDecodesToTheSameText() throws {
            let text = "ABC-123 4567890123 déjà vu 日本 https://example.com/?q=1"
            let symbol = try QRDecoder.decode(QRCode(text: text, correctionLevel: .quartile).modules)
            #expect(symbol.text == text)
        }

        @Test(arguments: [(20, 20), (22, 22), (21, 25), (181, 181), (0, 0)])
        func rejectsGridsOfNoVersionsSize(width: Int, height: Int) {
            #expect(throws: QRDecodingError.invalidGridSize(width: width, height: height)) {
                try QRDecoder.decode(BitMatrix(width: width, height: height))
            }
        }

        @Test func rejectsABlankGrid() {
            #expect(throws: QRDecodingError.formatInformationUnreadable(distance: 5)) {
                try QRDecoder.decode(BitMatrix(size: 25))
            }
        }

        @Test func randomAndHeavilyDamagedGridsNeverTrapOrLie() throws {
            var random = SeededRandom(seed: 7)
            let code = try QRCode(text: "Never trust a damaged symbol", correctionLevel: .low)
            var decodedWrongly = 0
            for trial in 0..<400 {
                var grid: BitMatrix
                if trial % 2 == 0 {
                    grid = BitMatrix(size: 17 + 4 * Int.random(in: 1...12, using: &random))
                    for y in 0..<grid.height {
                        for x in 0..<grid.width where Bool.random(using: &random) { grid[x, y] = true }
                    }
                } else {
                    grid = code.modules
                    for _ in 0..<Int.random(in: 1...120, using: &random) {
                        let x = Int.random(in: 0..<grid.width, using: &random)
                        grid[x, Int.random(in: 0..<grid.height, using: &random)].toggle()
                    }
                }
                let symbol = try? QRDecoder.decode(grid)
                if trial % 2 == 1, let symbol, symbol.text != "Never trust a damaged symbol" { decodedWrongly += 1 }
            }
            #expect(decodedWrongly == 0)
        }
    }
}

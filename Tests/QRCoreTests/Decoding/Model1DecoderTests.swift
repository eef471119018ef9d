import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

extension DecodingTests {
    /// QR Code Model 1 symbols (ISO/IEC 18004:2000 Annex M) through the grid
    /// decoder, written by ``Model1Writer``.
    struct Model1DecoderTests {
        @Test func roundTripsEveryVersionAndLevel() throws {
            var random = SeededRandom(seed: 1997)
            for number in 1...14 {
                let version = try QRVersion(number: number)
                for level in ErrorCorrectionLevel.allCases {
                    let capacity = Model1Version.of(version).blockStructure(level).dataCodewords
                    let text = String(
                        (0..<(capacity - 3)).map { _ in
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456789 ".randomElement(using: &random)!
                        })
                    let mask = QRMask.all.randomElement(using: &random)!
                    let grid = try Model1Writer.symbol(
                        [.bytes(Array(text.utf8))], version: version, level: level, mask: mask)
                    let symbol = try QRDecoder.decode(grid)
                    #expect(symbol.text == text, "\(number)-\(level.letter)")
                    #expect(symbol.model == .model1 && symbol.version == version && symbol.correctionLevel == level)
                    #expect(symbol.mask == mask && symbol.errorsCorrected == 0)
                }
            }
        }

        @Test func correctsErrorsAndReadsMirroredSymbols() throws {
            let version = try QRVersion(number: 4)
            var grid = try Model1Writer.symbol(
                [try .alphanumeric("MODEL 1 SINCE 1994")], version: version,
                level: .high, mask: QRMask.all[5])
            for (x, y) in [(20, 20), (21, 30), (12, 12), (30, 15)] { grid[x, y].toggle() }
            let symbol = try QRDecoder.decode(grid.transposed())
            #expect(symbol.text == "MODEL 1 SINCE 1994" && symbol.isMirrored && symbol.errorsCorrected > 0)
            #expect(symbol.model == .model1)
            #expect(
                "\(symbol)".hasPrefix(
                    #"DecodedSymbol("MODEL 1 SINCE 1994", Model 1, version 4, level H, mask 5, mirrored"#))
        }

        /// `Fixtures/model1`: one symbol per version and level, its text on the
        /// first line, then its rows as 0/1. `Scripts/check-model1-zxing.py`
        /// reads them with zxing-cpp. The writer must still write them exactly
        /// (QRCORE_UPDATE_FIXTURES=1 rewrites them), and the decoder must read them.
        @Test func writesAndReadsTheCheckedInFixtures() throws {
            let update = ProcessInfo.processInfo.environment["QRCORE_UPDATE_FIXTURES"] == "1"
            for number in 1...14 {
                let version = try QRVersion(number: number)
                for level in ErrorCorrectionLevel.allCases {
                    let text = "M1v\(number)\(level.letter)"
                    let grid = try Model1Writer.symbol(
                        [.bytes(Array(text.utf8))], version: version, level: level,
                        mask: QRMask.all[(number + level.rawValue) % 8])
                    let rows = (0..<grid.height).map { y in String((0..<grid.width).map { grid[$0, y] ? "1" : "0" }) }
                    let file = Fixtures.url(String(format: "model1/v%02d-%@.txt", number, level.letter))
                    let contents = ([text] + rows).joined(separator: "\n") + "\n"
                    if update { try contents.write(to: file, atomically: true, encoding: .utf8) }
                    #expect(try String(contentsOf: file, encoding: .utf8) == contents, "\(file.lastPathComponent)")
                    #expect(try QRDecoder.decode(grid).text == text)
                }
            }
        }

        /// Every level's blocks fit the codewords the placement holds, with at
        /// most four remainder codewords (version 14 at level H); no codeword module lies in a finder,
        /// separator, format information or timing pattern, nor twice.
        @Test func tablesAndPlacementAgree() throws {
            for number in 1...14 {
                let version = try QRVersion(number: number)
                let template = Model1Template.of(version)
                for level in ErrorCorrectionLevel.allCases {
                    let total = Model1Version.of(version).blockStructure(level).totalCodewords
                    #expect((template.codewordCount - 4...template.codewordCount).contains(total), "\(number)-\(level)")
                }
                let size = version.size
                let positions = template.dataOrder.map { (x: Int($0 & 0xFF), y: Int($0 >> 8)) }
                #expect(Set(template.dataOrder).count == positions.count)
                for (x, y) in positions {
                    let inCorner = (x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8)
                    #expect(!inCorner && x != 6 && y != 6 && x < size && y < size, "\(number): (\(x), \(y))")
                }
            }
        }

        @Test func model2SymbolsStayModel2() throws {
            for number in [1, 7, 14, 15] {
                let code = try QRCode(
                    text: "Model 2", options: EncodingOptions(versions: try QRVersion.range(number, number)))
                #expect(try QRDecoder.decode(code.modules).model == .model2)
            }
        }
    }
}

import Testing

@testable import QRCore

extension DecodingTests {
    /// Format and version information read from damaged copies (§7.9, §7.10).
    struct SymbolInformationTests {
        static func code(version: Int, correctionLevel: ErrorCorrectionLevel = .medium, mask: Int = 5) throws -> QRCode
        {
            try QRCode(
                text: "FORMAT AND VERSION", mode: .alphanumeric,
                options: EncodingOptions(
                    correctionLevel: correctionLevel, versions: try QRVersion.range(version, version),
                    mask: try QRMask(number: mask), boostsCorrection: false))
        }

        static func flip(_ grid: inout BitMatrix, _ positions: some Sequence<(x: Int, y: Int)>) {
            for position in positions { grid[position.x, position.y].toggle() }
        }

        @Test func readsTheFormatFromTheBetterCopy() throws {
            let code = try Self.code(version: 3, correctionLevel: .quartile, mask: 6)
            var grid = code.modules
            Self.flip(&grid, FormatInformation.primaryPositions().prefix(7))  // first copy beyond repair
            Self.flip(&grid, FormatInformation.secondaryPositions(size: grid.width).suffix(3))  // second at the limit
            let information = try SymbolInformation.readings(from: grid)[0].get()
            #expect(information.format == FormatInformation(correctionLevel: .quartile, mask: 6))
            #expect(try QRDecoder.decode(grid).text == "FORMAT AND VERSION")
        }

        @Test func readsTheFormatFromHalvesOfBothCopiesAfterACreaseAlongRow8() throws {
            let code = try Self.code(version: 2, correctionLevel: .high, mask: 1)
            var grid = code.modules
            for x in 0..<grid.width where x != 8 && x != 6 { grid[x, 8].toggle() }  // row 8 inverted, column 8 kept
            let information = try SymbolInformation.readings(from: grid)[0].get()
            #expect(information.format == FormatInformation(correctionLevel: .high, mask: 1))
        }

        @Test func failsWhenBothCopiesAreSpoilt() throws {
            var grid = try Self.code(version: 15).modules
            Self.flip(&grid, FormatInformation.primaryPositions().prefix(8))
            Self.flip(&grid, FormatInformation.secondaryPositions(size: grid.width).prefix(8))
            #expect(throws: QRDecodingError.formatInformationUnreadable(distance: 4)) {
                try SymbolInformation.readings(from: grid)
            }
        }

        /// Model 1 and Model 2 format codewords lie 5 bits apart: a copy
        /// spoilt past Model 2's reach can come within 3 bits of a Model 1
        /// codeword. That reading is offered, and Reed–Solomon rejects it.
        @Test func aSpoiltModel2FormatThatReadsAsModel1IsRejectedByTheBlocks() throws {
            var grid = try Self.code(version: 1).modules
            Self.flip(&grid, FormatInformation.primaryPositions().prefix(8))
            Self.flip(&grid, FormatInformation.secondaryPositions(size: grid.width).prefix(8))
            #expect(try SymbolInformation.readings(from: grid).map { try $0.get().model } == [.model1])
            #expect(throws: QRDecodingError.self) { try QRDecoder.decode(grid) }
        }

        @Test func offersBothModelsWhenBothAreWithinReach() throws {
            let grid = try Self.code(version: 2, correctionLevel: .low, mask: 0).modules
            var damaged = grid
            // Both copies 2 bits from Model 2's codeword for L/0 and 3 from a Model 1 codeword.
            let model2 = FormatInformation(correctionLevel: .low, mask: QRMask.all[0]).bits
            let target = FormatInformation.model1Codewords.min {
                ($0 ^ model2).nonzeroBitCount < ($1 ^ model2).nonzeroBitCount
            }!
            let toward = (0..<15).filter { (model2 ^ target) >> $0 & 1 == 1 }.prefix(2)
            for positions in [
                FormatInformation.primaryPositions(), FormatInformation.secondaryPositions(size: grid.width),
            ] {
                Self.flip(&damaged, toward.map { positions[$0] })
            }
            #expect(try SymbolInformation.readings(from: damaged).map { try $0.get().model } == [.model2, .model1])
            #expect(try QRDecoder.decode(damaged).text == "FORMAT AND VERSION")
        }

        /// Writes `first` and `second` into the two version information blocks.
        static func writeVersionBlocks(_ grid: inout BitMatrix, first: Int, second: Int) {
            for (i, position) in VersionInformation.positions(size: grid.width).enumerated() {
                grid[position.x, position.y] = first >> i & 1 != 0
                grid[position.y, position.x] = second >> i & 1 != 0
            }
        }

        @Test func readsTheVersionFromTheBetterBlock() throws {
            var grid = try Self.code(version: 12).modules
            let codeword = VersionInformation.codeword(for: 12)
            // More than 3 bits from every version.
            let garbage = (0...).first { FormatVersionInformationTests.decodeVersion($0) == nil }!
            Self.writeVersionBlocks(&grid, first: garbage, second: codeword ^ 0b101_0000_0000_0001)
            #expect(try SymbolInformation.readings(from: grid)[0].get().version == 12)
            #expect(try QRDecoder.decode(grid).text == "FORMAT AND VERSION")
            Self.writeVersionBlocks(&grid, first: garbage, second: codeword ^ 0b101_0000_0010_0001)
            #expect(throws: QRDecodingError.versionInformationUnreadable(sizeVersion: 12)) {
                try SymbolInformation.readings(from: grid)[0].get()
            }
        }

        @Test func reportsAVersionThatDisagreesWithTheSize() throws {
            // A version 9 symbol's modules in a version 10 grid: the detector miscounted.
            let small = try Self.code(version: 9).modules
            var grid = BitMatrix(size: 57)
            for y in 0..<small.height {
                for x in 0..<small.width where small[x, y] { grid[x, y] = true }
            }
            let codeword = VersionInformation.codeword(for: 9)
            Self.writeVersionBlocks(&grid, first: codeword, second: codeword ^ 1)
            #expect(throws: QRDecodingError.versionMismatch(fromSize: 10, fromVersionInformation: 9)) {
                try SymbolInformation.readings(from: grid)[0].get()
            }
        }
    }
}

import QRCoreTestSupport
import Testing

@testable import QRCore

extension DecodingTests {
    /// Bit streams written field by field (§7.4), parsed back; truncated and
    /// random streams end in an error, never a trap or a hang.
    struct BitstreamParserTests {
        /// A stream of (value, width) fields, padded with zero bits to whole codewords.
        static func stream(_ fields: [(Int, Int)]) -> [UInt8] {
            var buffer = BitBuffer()
            for (value, width) in fields { buffer.append(UInt32(value), width: width) }
            return buffer.bytes
        }

        static func bytesFields(_ bytes: [UInt8], countWidth: Int = 8) -> [(Int, Int)] {
            [(0b0100, 4), (bytes.count, countWidth)] + bytes.map { (Int($0), 8) }
        }

        static func parse(_ fields: [(Int, Int)], version: QRVersion = 1) throws -> BitstreamContent {
            try BitstreamParser.parse(stream(fields), version: version)
        }

        @Test func numericGroupsOfThreeTwoAndOne() throws {
            // "0123456" = 012 345 6 (§7.4.3 example: 01234567 → 012 345 67).
            let content = try Self.parse([(0b0001, 4), (8, 10), (12, 10), (345, 10), (67, 7)])
            #expect(content.resolved(forcing: nil).text == "01234567")
            let single = try Self.parse([(0b0001, 4), (4, 10), (123, 10), (9, 4)])
            #expect(single.resolved(forcing: nil).text == "1239")
            #expect(single.segments == [DecodedSymbol.Segment(mode: .numeric, count: 4, characterSet: .ascii)])
        }

        @Test func numericGroupOverflowIsMalformed() {
            #expect(throws: QRDecodingError.malformedBitstream("1000 is not a group of 3 digits", bitOffset: 14)) {
                try Self.parse([(0b0001, 4), (3, 10), (1000, 10)])
            }
            #expect(throws: QRDecodingError.malformedBitstream("10 is not a group of 1 digits", bitOffset: 14)) {
                try Self.parse([(0b0001, 4), (1, 10), (10, 4)])
            }
        }

        @Test func alphanumericPairsAndSingle() throws {
            // §7.4.4 example: "AC-42" = (10·45+12) (41·45+4) (2).
            let content = try Self.parse([(0b0010, 4), (5, 9), (462, 11), (1849, 11), (2, 6)])
            #expect(content.resolved(forcing: nil).text == "AC-42")
            #expect(throws: QRDecodingError.malformedBitstream("2025 is not 2 alphanumeric characters", bitOffset: 13))
            {
                try Self.parse([(0b0010, 4), (2, 9), (2025, 11)])
            }
        }

        @Test func countWidthsFollowTheVersion() throws {
            let payload: [UInt8] = Array("version 10".utf8)
            let content = try Self.parse(Self.bytesFields(payload, countWidth: 16), version: 10)
            #expect(content.resolved(forcing: nil).text == "version 10")
            let numeric = try Self.parse([(0b0001, 4), (3, 14), (789, 10)], version: 27)
            #expect(numeric.resolved(forcing: nil).text == "789")
        }

        @Test func kanjiAsInTheStandardsExample() throws {
            // §7.4.6: 点 (0x935F) → 0xD9F, 茗 (0xE4AA) → 0x1AAA.
            let content = try Self.parse([(0b1000, 4), (2, 8), (0xD9F, 13), (0x1AAA, 13)])
            #expect(content.resolved(forcing: nil).text == "点茗")
            #expect(content.bytes == [0x93, 0x5F, 0xE4, 0xAA])
        }

        @Test func hanziInGB2312() throws {
            // 中 = 0xD6D0: 0xD6D0 − 0xA6A1 = 0x302F → 0x30·0x60 + 0x2F; 啊 = 0xB0A1 → 0x0A00 → 0x0A·0x60.
            let content = try Self.parse([(0b1101, 4), (1, 4), (2, 8), (0x30 * 0x60 + 0x2F, 13), (0x0A * 0x60, 13)])
            #expect(content.resolved(forcing: nil).text == "中啊")
            #expect(content.segments == [DecodedSymbol.Segment(mode: .hanzi, count: 2, characterSet: .gb18030)])
            #expect(throws: QRDecodingError.self) { try Self.parse([(0b1101, 4), (2, 4), (0, 8)]) }
        }

        @Test func eciDesignatorsOfOneTwoAndThreeBytes() throws {
            let one = try Self.parse([(0b0111, 4), (26, 8)] + Self.bytesFields([0xC3, 0xA9]))
            #expect(one.resolved(forcing: nil).text == "é" && one.eciAssignments == [26])
            let two = try Self.parse([(0b0111, 4), (0b10, 2), (899, 14)] + Self.bytesFields([0xE9]))
            #expect(two.resolved(forcing: nil).text == "é" && two.eciAssignments == [899])
            let three = try Self.parse([(0b0111, 4), (0b110, 3), (26, 21)] + Self.bytesFields([0xE2, 0x82, 0xAC]))
            #expect(three.resolved(forcing: nil).text == "€" && three.eciAssignments == [26])
            #expect(throws: QRDecodingError.unsupportedECI(assignment: 900, bitOffset: 0)) {
                try Self.parse([(0b0111, 4), (0b10, 2), (900, 14)])
            }
            #expect(throws: QRDecodingError.malformedBitstream("ECI designator starts with 111", bitOffset: 4)) {
                try Self.parse([(0b0111, 4), (0xE0, 8)])
            }
        }

        @Test func eciSwitchesApplyToTheByteSegmentsThatFollow() throws {
            let fields =
                Self.bytesFields([0x63, 0x61, 0x66, 0xC3, 0xA9])  // undeclared: guessed UTF-8
                + [(0b0111, 4), (4, 8)] + Self.bytesFields([0xA3, 0xF3])  // ISO-8859-2: Łó
                + [(0b0001, 4), (2, 10), (42, 7)]  // digits stay digits
                + [(0b0111, 4), (20, 8)] + Self.bytesFields([0x93, 0xFA])  // Shift JIS: 日
                + [(0b0111, 4), (25, 8)] + Self.bytesFields([0x03, 0xA9])  // UTF-16BE: Ω
            let content = try Self.parse(fields, version: 5)
            #expect(content.resolved(forcing: nil).text == "caféŁó42日Ω")
            #expect(content.eciAssignments == [4, 20, 25])
            #expect(content.segments.map(\.mode) == [.byte, .eci, .byte, .numeric, .eci, .byte, .eci, .byte])
        }

        @Test func fnc1FirstPositionMakesPercentASeparator() throws {
            // GS1 "01 09501101020917 | 17 190508 | 10 AB-123 %": % → GS, %% → %.
            let text = "0109501101020917%17190508%10AB%%"
            let values = Array(text.utf8).map { Int(QRSegment.alphanumericValue($0)!) }
            var fields: [(Int, Int)] = [(0b0101, 4), (0b0010, 4), (values.count, 9)]
            for pair in stride(from: 0, to: values.count, by: 2) {
                fields.append((values[pair] * 45 + values[pair + 1], 11))
            }
            let content = try Self.parse(fields, version: 3)
            #expect(content.resolved(forcing: nil).text == "0109501101020917\u{1D}17190508\u{1D}10AB%")
            #expect(content.fnc1 == .gs1)
            #expect(
                content.segments.first == DecodedSymbol.Segment(mode: .fnc1FirstPosition, count: 0, characterSet: nil))
        }

        @Test func fnc1SecondPositionCarriesTheApplicationIndicator() throws {
            let digits = try Self.parse([(0b1001, 4), (37, 8)] + Self.bytesFields(Array("x".utf8)))
            #expect(digits.fnc1 == .industry(applicationIndicator: "37") && digits.resolved(forcing: nil).text == "x")
            let small = try Self.parse([(0b1001, 4), (5, 8)])
            #expect(small.fnc1 == .industry(applicationIndicator: "05"))
            let letter = try Self.parse([(0b1001, 4), (Int(UInt8(ascii: "a")) + 100, 8)])
            #expect(letter.fnc1 == .industry(applicationIndicator: "a"))
            #expect(throws: QRDecodingError.self) { try Self.parse([(0b1001, 4), (100, 8)]) }
        }

        @Test func structuredAppendHeader() throws {
            let header = [(0b0011, 4), (2, 4), (3, 4), (0xAB, 8)]
            let content = try Self.parse(header + Self.bytesFields(Array("part".utf8)))
            #expect(content.structuredAppend == DecodedSymbol.StructuredAppend(index: 2, count: 4, parity: 0xAB))
            #expect(content.resolved(forcing: nil).text == "part")
            #expect(throws: QRDecodingError.self) { try Self.parse([(0b0011, 4), (4, 4), (3, 4), (0, 8)]) }
        }

        @Test func terminatorAndPaddingEndTheStream() throws {
            let padded = Self.stream(Self.bytesFields(Array("AB".utf8)) + [(0, 4)]) + [0xEC, 0x11, 0xEC]
            #expect(try BitstreamParser.parse(padded, version: 1).resolved(forcing: nil).text == "AB")
            // A full symbol may end without terminator: 1 bit left over is not a mode.
            let full = Self.stream([(0b0001, 4), (5, 10), (999, 10), (99, 7), (1, 1)])
            #expect(try BitstreamParser.parse(full, version: 1).resolved(forcing: nil).text == "99999")
            #expect(try BitstreamParser.parse([], version: 1).resolved(forcing: nil).text == "")
        }

        @Test func undefinedModesAreUnsupported() {
            for indicator in [0b0110, 0b1010, 0b1011, 0b1100, 0b1110, 0b1111] {
                #expect(throws: QRDecodingError.unsupportedMode(indicator: indicator, bitOffset: 14)) {
                    try Self.parse([(0b0001, 4), (0, 10), (indicator, 4)])
                }
            }
        }

        @Test func everyTruncationEndsInAPrefixOrAnError() throws {
            let streams: [[UInt8]] = [
                Self.stream(
                    [(0b0111, 4), (26, 8)] + Self.bytesFields(Array("truncate me".utf8))
                        + [(0b0001, 4), (7, 10), (123, 10), (456, 10), (7, 4)]
                        + [(0b0010, 4), (3, 9), (462, 11), (1, 6)]),
                Self.stream(
                    [(0b0011, 4), (0, 4), (1, 4), (0x5A, 8), (0b0101, 4)]
                        + [(0b1000, 4), (2, 8), (0xD9F, 13), (0x1AAA, 13)] + Self.bytesFields([0x41, 0x42, 0x43])),
            ]
            for stream in streams {
                let full = try BitstreamParser.parse(stream, version: 1).resolved(forcing: nil).text
                for length in 0...stream.count {
                    do {
                        let text = try BitstreamParser.parse(Array(stream.prefix(length)), version: 1).resolved(
                            forcing: nil
                        ).text
                        #expect(full.hasPrefix(text), "prefix of \(length) bytes")
                    } catch {
                        guard case .malformedBitstream(_, let offset) = error else {
                            Issue.record("unexpected \(error)")
                            continue
                        }
                        #expect(offset <= length * 8)
                    }
                }
            }
        }

        @Test func randomStreamsNeverTrap() {
            var random = SeededRandom(seed: 42)
            var parsed = 0, rejected = 0
            for _ in 0..<20_000 {
                let count = Int.random(in: 0...64, using: &random)
                let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
                let version = QRVersion.all.randomElement(using: &random)!
                do {
                    _ = try BitstreamParser.parse(bytes, version: version).resolved(forcing: nil).text
                    parsed += 1
                } catch {
                    rejected += 1
                }
            }
            #expect(parsed + rejected == 20_000)
            #expect(parsed > 0 && rejected > 0)
        }
    }
}

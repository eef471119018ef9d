import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

/// Micro QR symbols made by the two peer writers:
/// - segno (Fixtures/vectors/segno-micro.jsonl, Scripts/make-micro-vectors.py):
///   one segment in a forced mode at a fixed version and level, no level
///   boosting, a fixed mask or the automatic one. Ours must match module for
///   module and choose the same mask. segno fills the unused capacity of M1
///   and M3 with zero bits instead of the pad codewords of ISO/IEC
///   18004:2015 §7.4.10, so for those the same data is built with zero
///   padding through the codeword-level API and compared.
/// - zxing-cpp (Fixtures/vectors/zxing-micro.jsonl,
///   Scripts/make-micro-zxing-vectors.py): text, version and level; it
///   segments and masks by itself. Ours must write the same symbol.
struct MicroConformanceTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        let text: String
        let mode: String?
        let version: String
        let level: String
        let mask: Int?
        let expect_mask: Int?
        let matrix: [String]

        var testDescription: String {
            "\"\(text)\" (\(mode ?? "auto"), \(version)-\(level), mask \(mask.map(String.init) ?? "auto"))"
        }

        var segmentMode: SegmentMode {
            ["numeric": .numeric, "alphanumeric": .alphanumeric, "kanji": .kanji][mode ?? ""] ?? .byte
        }
        var microVersion: QRVersion { try! QRVersion.micro(Int(version.dropFirst())!) }
        var correctionLevel: ErrorCorrectionLevel { ErrorCorrectionLevel(letter: level)! }
    }

    static func load(_ name: String) -> [Vector] {
        let text = try! String(contentsOf: Fixtures.url("vectors/\(name)"), encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Vector.self, from: Data($0.utf8)) }
    }

    static let segno = load("segno-micro.jsonl")
    static let zxing = load("zxing-micro.jsonl")

    @Test func everyVersionLevelModeAndMaskIsCovered() {
        #expect(Self.segno.count > 400)
        #expect(Set(Self.segno.compactMap(\.mode)) == ["numeric", "alphanumeric", "byte", "kanji"])
        #expect(Set(Self.segno.map { "\($0.version)-\($0.level)" }).count == 8)
        #expect(Set(Self.segno.compactMap(\.mask)) == [0, 1, 2, 3])
        #expect(Set(Self.zxing.map { "\($0.version)-\($0.level)" }).count == 8)
    }

    @Test(arguments: segno)
    func matchesSegno(_ vector: Vector) throws {
        let version = vector.microVersion
        let segment = try QRSegment.forced(vector.text, mode: vector.segmentMode)
        let mask = try vector.mask.map { try QRMask.micro($0) }
        let code: QRCode
        if MicroQRSpec.hasHalfFinalCodeword(version) {
            code = try QRCode(
                dataCodewords: Self.zeroPadded(segment, version: version, level: vector.correctionLevel),
                version: version, correctionLevel: vector.correctionLevel, mask: mask)
        } else {
            let options = EncodingOptions(
                correctionLevel: vector.correctionLevel, versions: version...version, mask: mask,
                boostsCorrection: false)
            code = try QRCode(segments: [segment], options: options)
        }
        #expect(code.symbol == .micro)
        #expect(code.mask.number == vector.expect_mask)
        #expect(Self.differingModules(code, vector.matrix) == 0)
    }

    @Test(arguments: zxing)
    func matchesZXing(_ vector: Vector) throws {
        let version = vector.microVersion
        let options = EncodingOptions(
            correctionLevel: vector.correctionLevel, versions: version...version, boostsCorrection: false)
        let code = try QRCode(text: vector.text, options: options)
        #expect(Self.differingModules(code, vector.matrix) == 0)
    }

    /// The data codewords as segno writes them for M1 and M3: the segment,
    /// then zero bits to the end of the data capacity.
    static func zeroPadded(_ segment: QRSegment, version: QRVersion, level: ErrorCorrectionLevel) -> [UInt8] {
        var buffer = BitBuffer()
        segment.write(to: &buffer, at: version)
        let blocks = BlockStructure(version: version, correctionLevel: level)
        return buffer.bytes + [UInt8](repeating: 0, count: blocks.dataCodewords - buffer.bytes.count)
    }

    static func differingModules(_ code: QRCode, _ matrix: [String]) -> Int {
        guard code.size == matrix.count else { return code.size * code.size }
        return zip(code.modules.rowStrings, matrix).reduce(0) { count, rows in
            count + zip(rows.0, rows.1).filter { $0 != $1 }.count
        }
    }
}

/// The grid decoder reads every Micro QR symbol the peers wrote, and ours.
struct MicroQRGridDecodingTests {
    @Test(arguments: MicroConformanceTests.segno)
    func readsSegnoSymbols(_ vector: MicroConformanceTests.Vector) throws {
        let symbol = try QRDecoder.decode(BitMatrix(rows: vector.matrix))
        #expect(symbol.text == vector.text)
        #expect(symbol.version == vector.microVersion)
        #expect(symbol.correctionLevel == vector.correctionLevel)
        #expect(symbol.mask.number == vector.expect_mask)
    }

    @Test(arguments: MicroConformanceTests.zxing)
    func readsZXingSymbols(_ vector: MicroConformanceTests.Vector) throws {
        let symbol = try QRDecoder.decode(BitMatrix(rows: vector.matrix))
        #expect(symbol.text == vector.text)
        #expect(symbol.version == vector.microVersion)
    }

    @Test func readsMirroredAndDamagedSymbols() throws {
        let code = try QRCode(text: "MICRO 42", options: EncodingOptions(symbol: .micro, correctionLevel: .medium))
        #expect(try QRDecoder.decode(code.modules.transposed()).isMirrored)
        var damaged = code.modules
        damaged.toggle(x: code.size - 1, y: code.size - 1)
        damaged.toggle(x: code.size - 2, y: code.size - 5)
        let symbol = try QRDecoder.decode(damaged)
        #expect(symbol.text == "MICRO 42" && symbol.errorsCorrected > 0)
    }

    /// M1 only detects errors (ISO/IEC 18004:2015 Table 9): a clean M1 reads,
    /// one with a wrong data module is refused rather than corrected (a
    /// mirrored rMQR finder once passed for an M1 that way).
    @Test func m1DetectsErrorsWithoutCorrectingThem() throws {
        let code = try QRCode(text: "12345", options: EncodingOptions(symbol: .micro, correctionLevel: .low))
        #expect(code.version.description == "M1")
        #expect(try QRDecoder.decode(code.modules).text == "12345")
        var damaged = code.modules
        damaged.toggle(x: code.size - 1, y: code.size - 1)
        #expect(throws: QRDecodingError.self) { try QRDecoder.decode(damaged) }
    }

    /// Random grids, and real symbols with random format information, end in
    /// a result or a typed error: never a trap.
    @Test func randomGridsNeverTrap() throws {
        var random = SeededRandom(seed: 1994)
        var errors = 0
        for size in [11, 13, 15, 17] {
            let code = try QRCode(
                text: "1",
                options: EncodingOptions(
                    correctionLevel: .low,
                    versions: try QRVersion.micro((size - 9) / 2)...QRVersion.micro((size - 9) / 2)))
            for trial in 0..<250 {
                var grid = trial % 2 == 0 ? BitMatrix(size: size) : code.modules
                for y in 0..<size {
                    for x in 0..<size
                    where trial % 2 == 0
                        ? Bool.random(using: &random) : (x > 8 || y > 8) && Int.random(in: 0..<6, using: &random) == 0
                    {
                        grid[x, y].toggle()
                    }
                }
                do { _ = try QRDecoder.decode(grid) } catch { errors += 1 }
            }
        }
        #expect(errors > 0)
    }

    @Test func aGridWhoseFormatIsNoiseIsAnError() {
        var grid = BitMatrix(size: 13)
        for (bit, position) in MicroFormatInformation.positions.enumerated() where bit % 3 == 0 {
            grid[position.x, position.y] = true
        }
        #expect(throws: QRDecodingError.self) { try QRDecoder.decode(grid) }
    }
}

import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

/// rMQR symbols made by zxing-cpp's writer (Fixtures/vectors/zxing-rmqr.jsonl,
/// Scripts/make-rmqr-zxing-vectors.py): every size at both levels, each text
/// in one segment of one mode. Ours, asked for the same size, level and
/// segment, must match module for module, and the grid decoder must read
/// every one of them.
struct RMQRConformanceTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        let text: String
        let mode: String
        let version: String
        let level: String
        let matrix: [String]

        var testDescription: String { "\"\(text)\" (\(mode), \(version)-\(level))" }
        var segmentMode: SegmentMode {
            ["numeric": .numeric, "alphanumeric": .alphanumeric][mode] ?? .byte
        }
        var rmqrVersion: QRVersion { QRVersion(version)! }
        var correctionLevel: ErrorCorrectionLevel { ErrorCorrectionLevel(letter: level)! }
    }

    static let zxing: [Vector] = {
        let text = try! String(contentsOf: Fixtures.url("vectors/zxing-rmqr.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Vector.self, from: Data($0.utf8)) }
    }()

    @Test func everySizeAndLevelIsCovered() {
        #expect(Set(Self.zxing.map { "\($0.version)-\($0.level)" }).count == 64)
        #expect(Set(Self.zxing.map(\.mode)) == ["numeric", "alphanumeric", "byte"])
    }

    @Test(arguments: zxing)
    func matchesZXing(_ vector: Vector) throws {
        let version = vector.rmqrVersion
        let options = EncodingOptions(
            correctionLevel: vector.correctionLevel, versions: version...version, boostsCorrection: false)
        let code = try QRCode(segments: [try QRSegment.forced(vector.text, mode: vector.segmentMode)], options: options)
        #expect(code.symbol == .rmqr)
        #expect(code.width == version.width && code.height == version.height)
        #expect(Self.differingModules(code, vector.matrix) == 0)
    }

    @Test(arguments: zxing)
    func gridDecoderReadsZXingSymbols(_ vector: Vector) throws {
        let symbol = try QRDecoder.decode(BitMatrix(rows: vector.matrix))
        #expect(symbol.text == vector.text)
        #expect(symbol.version == vector.rmqrVersion)
        #expect(symbol.correctionLevel == vector.correctionLevel)
        #expect(symbol.symbol == .rmqr)
    }

    static func differingModules(_ code: QRCode, _ matrix: [String]) -> Int {
        guard code.height == matrix.count, code.width == matrix.first?.count else { return code.width * code.height }
        return zip(code.modules.rowStrings, matrix).reduce(0) { count, rows in
            count + zip(rows.0, rows.1).filter { $0 != $1 }.count
        }
    }
}

import Foundation
import Testing

@testable import QRCore

/// The 400 vectors of the reference encoder qrcodegen (Fixtures/vectors,
/// made by ../shared/tools/make_vectors.py with seed 1): one segment in the
/// given mode, no level boosting, and either a fixed mask or automatic
/// selection. Our symbol must match module for module, and automatic
/// selection must pick the same mask.
struct ConformanceVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        let id: String
        let text: String
        let mode: String
        let ecc: String
        let version: Int
        let mask: Int?
        let expect_mask: Int
        let matrix: [String]

        var testDescription: String { "\(id) (\(mode), \(ecc), v\(version), mask \(mask.map(String.init) ?? "auto"))" }
    }

    static let vectors: [Vector] = {
        let text = try! String(contentsOf: Fixtures.url("vectors/qrcodegen-seed1.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Vector.self, from: Data($0.utf8)) }
    }()

    @Test func allFourHundredVectorsAreLoaded() {
        #expect(Self.vectors.count == 400)
        #expect(Set(Self.vectors.map(\.mode)) == ["numeric", "alphanumeric", "byte"])
    }

    @Test(arguments: vectors)
    func matchesReferenceEncoder(_ vector: Vector) throws {
        let mode: SegmentMode = ["numeric": .numeric, "alphanumeric": .alphanumeric][vector.mode] ?? .byte
        let segment = try QRSegment.forced(vector.text, mode: mode)
        let options = EncodingOptions(
            correctionLevel: ErrorCorrectionLevel(letter: vector.ecc)!,
            mask: try vector.mask.map { try QRMask(number: $0) },
            boostsCorrection: false)
        let code = try QRCode(segments: [segment], options: options)
        #expect(code.version.number == vector.version)
        #expect(code.mask.number == vector.expect_mask)
        let differing = zip(code.modules.rowStrings, vector.matrix).reduce(0) { count, rows in
            count + zip(rows.0, rows.1).filter { $0 != $1 }.count
        }
        #expect(differing == 0, "\(differing) modules differ")
    }
}

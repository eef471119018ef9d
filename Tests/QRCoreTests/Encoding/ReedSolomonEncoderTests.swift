import QRCoreTestSupport
import Testing

@testable import QRCore

/// GF(256) arithmetic and Reed–Solomon error-correction codewords
/// (ISO/IEC 18004:2015 §7.5.2, Annex A).
struct ReedSolomonEncoderTests {
    /// Annex A: generator polynomial coefficients as exponents of α, from
    /// x^(n−1) down to x⁰ (the leading x^n term is 1), for every EC block
    /// length of Table 9.
    static let annexAGenerators: [Int: [Int]] = [
        7: [87, 229, 146, 149, 238, 102, 21],
        10: [251, 67, 46, 61, 118, 70, 64, 94, 32, 45],
        13: [74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78],
        15: [8, 183, 61, 91, 202, 37, 51, 58, 58, 237, 140, 124, 5, 99, 105],
        16: [120, 104, 107, 109, 102, 161, 76, 3, 91, 191, 147, 169, 182, 194, 225, 120],
        17: [43, 139, 206, 78, 43, 239, 123, 206, 214, 147, 24, 99, 150, 39, 243, 163, 136],
        18: [215, 234, 158, 94, 184, 97, 118, 170, 79, 187, 152, 148, 252, 179, 5, 98, 96, 153],
        20: [17, 60, 79, 50, 61, 163, 26, 187, 202, 180, 221, 225, 83, 239, 156, 164, 212, 212, 188, 190],
        22: [
            210, 171, 247, 242, 93, 230, 14, 109, 221, 53, 200, 74, 8, 172, 98, 80, 219, 134, 160, 105,
            165, 231,
        ],
        24: [
            229, 121, 135, 48, 211, 117, 251, 126, 159, 180, 169, 152, 192, 226, 228, 218, 111, 0, 117, 232,
            87, 96, 227, 21,
        ],
        26: [
            173, 125, 158, 2, 103, 182, 118, 17, 145, 201, 111, 28, 165, 53, 161, 21, 245, 142, 13, 102,
            48, 227, 153, 145, 218, 70,
        ],
        28: [
            168, 223, 200, 104, 224, 234, 108, 180, 110, 190, 195, 147, 205, 27, 232, 201, 21, 43, 245, 87,
            42, 195, 212, 119, 242, 37, 9, 123,
        ],
        30: [
            41, 173, 145, 152, 216, 31, 179, 182, 50, 48, 110, 86, 239, 96, 222, 125, 42, 173, 226, 193,
            224, 130, 156, 37, 251, 216, 238, 40, 192, 180,
        ],
    ]

    // MARK: - GF(256)

    @Test func multiplicationAgreesWithShiftAndAddForAllPairs() {
        for a in 0...255 {
            for b in 0...255 {
                let (x, y) = (UInt8(a), UInt8(b))
                if GaloisField.multiply(x, y) != EncoderReference.multiply(x, y) {
                    Issue.record("\(a) · \(b): \(GaloisField.multiply(x, y)) ≠ \(EncoderReference.multiply(x, y))")
                    return
                }
            }
        }
    }

    @Test func alphaGeneratesTheMultiplicativeGroup() {
        let powers = (0..<255).map { GaloisField.exp[$0] }
        #expect(Set(powers).count == 255)
        #expect(!powers.contains(0))
        #expect(GaloisField.exp[8] == 0x1D, "α⁸ = x⁴ + x³ + x² + 1 reduced by 0x11D")
        for i in 0..<255 {
            #expect(GaloisField.exp[i + 255] == GaloisField.exp[i])
            #expect(Int(GaloisField.log[Int(GaloisField.exp[i])]) == i)
            #expect(GaloisField.power(i) == EncoderReference.alphaPower(i))
        }
        #expect(GaloisField.power(-1) == GaloisField.exp[254])
        #expect(GaloisField.power(255) == 1)
    }

    @Test func divisionAndInverseUndoMultiplication() {
        for a in 1...255 {
            let x = UInt8(a)
            #expect(GaloisField.multiply(x, GaloisField.inverse(x)) == 1)
            for b in stride(from: 1, through: 255, by: 17) {
                let y = UInt8(b)
                #expect(GaloisField.divide(GaloisField.multiply(x, y), y) == x)
            }
        }
        #expect(GaloisField.divide(0, 7) == 0)
    }

    // MARK: - Generator polynomials

    @Test(arguments: annexAGenerators.keys.sorted())
    func generatorMatchesAnnexA(degree: Int) throws {
        let coefficients = ReedSolomonEncoder.generator(degree: degree)
        let exponents = coefficients.map { Int(GaloisField.log[Int($0)]) }
        #expect(exponents == Self.annexAGenerators[degree])
        #expect(coefficients == Array(EncoderReference.generator(degree: degree).dropFirst()))
    }

    @Test func generatorRootsAreTheFirstPowersOfAlpha() {
        for degree in 1...30 {
            let polynomial = [1] + ReedSolomonEncoder.generator(degree: degree)
            #expect(polynomial.count == degree + 1)
            for i in 0..<degree {
                #expect(
                    EncoderReference.evaluate(polynomial, at: EncoderReference.alphaPower(i)) == 0,
                    "degree \(degree), root α^\(i)")
            }
            #expect(EncoderReference.evaluate(polynomial, at: EncoderReference.alphaPower(degree)) != 0)
        }
    }

    // MARK: - Known blocks

    @Test func helloWorldVersion1MBlock() throws {
        // "HELLO WORLD" at 1-M: the data codewords and their ten EC codewords
        // (the widely published worked example).
        let data: [UInt8] = [
            0x20, 0x5B, 0x0B, 0x78, 0xD1, 0x72, 0xDC, 0x4D, 0x43, 0x40,
            0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
        ]
        let ec: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        let segment = try QRSegment.alphanumeric("HELLO WORLD")
        #expect(QREncoder.dataCodewords([segment], version: 1, correctionLevel: .medium) == data)
        #expect(ReedSolomonEncoder.remainder(of: data[...], degree: 10) == ec)
        #expect(EncoderReference.errorCorrection(data, degree: 10) == ec)
    }

    @Test func version5QBlocksOfGroupOne() {
        // The two 15-codeword blocks of group 1 of the widely published 5-Q
        // example, each with 18 EC codewords.
        let blocks: [(data: [UInt8], ec: [UInt8])] = [
            (
                [67, 85, 70, 134, 87, 38, 85, 194, 119, 50, 6, 18, 6, 103, 38],
                [213, 199, 11, 45, 115, 247, 241, 223, 229, 248, 154, 117, 154, 111, 86, 161, 111, 39]
            ),
            (
                [246, 246, 66, 7, 118, 134, 242, 7, 38, 86, 22, 198, 199, 146, 6],
                [87, 204, 96, 60, 202, 182, 124, 157, 200, 134, 27, 129, 209, 17, 163, 163, 120, 133]
            ),
        ]
        for block in blocks {
            #expect(ReedSolomonEncoder.remainder(of: block.data[...], degree: 18) == block.ec)
            #expect(EncoderReference.errorCorrection(block.data, degree: 18) == block.ec)
        }
    }

    @Test func zeroDataHasZeroErrorCorrection() {
        for degree in [7, 10, 30] {
            #expect(
                ReedSolomonEncoder.remainder(of: [UInt8](repeating: 0, count: 20)[...], degree: degree)
                    == [UInt8](repeating: 0, count: degree))
        }
    }

    @Test func remainderWorksOnSlicesNotStartingAtZero() {
        let buffer: [UInt8] = (0..<40).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        let slice = buffer[13..<29]
        #expect(
            ReedSolomonEncoder.remainder(of: slice, degree: 10)
                == EncoderReference.errorCorrection(Array(slice), degree: 10))
    }

    // MARK: - Properties over random data

    /// Every codeword data‖EC is a multiple of g(x), so it vanishes at α⁰…α^(n−1).
    @Test(arguments: [5, 7, 8, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30])
    func codewordsVanishAtTheGeneratorRoots(degree: Int) {
        var random = SeededRandom(seed: UInt64(degree) * 1_000_003)
        for _ in 0..<25 {
            let length = Int.random(in: 1...153, using: &random)
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let ec = ReedSolomonEncoder.remainder(of: data[...], degree: degree)
            #expect(ec == EncoderReference.errorCorrection(data, degree: degree))
            for i in 0..<degree {
                #expect(
                    EncoderReference.evaluate(data + ec, at: EncoderReference.alphaPower(i)) == 0,
                    "degree \(degree), length \(length), root α^\(i)")
            }
        }
    }

    @Test func errorCorrectionIsLinear() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<50 {
            let degree = [7, 10, 13, 18, 22, 26, 30].randomElement(using: &random)!
            let length = Int.random(in: 1...120, using: &random)
            let a = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let b = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let sum = zip(a, b).map { $0 ^ $1 }
            let ecA = ReedSolomonEncoder.remainder(of: a[...], degree: degree)
            let ecB = ReedSolomonEncoder.remainder(of: b[...], degree: degree)
            #expect(ReedSolomonEncoder.remainder(of: sum[...], degree: degree) == zip(ecA, ecB).map { $0 ^ $1 })
        }
    }

    @Test func intoVariantOverwritesStaleContents() {
        var result = [UInt8](repeating: 0xAA, count: 10)
        let data: [UInt8] = [1, 2, 3, 4, 5]
        ReedSolomonEncoder.remainder(of: data[...], into: &result)
        #expect(result == EncoderReference.errorCorrection(data, degree: 10))
    }
}

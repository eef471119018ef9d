import Testing

@testable import QRCore

/// The word-level operations on bit matrices against their bit-by-bit definitions.
struct BitMatrixTests {
    /// A matrix of pseudo-random bits (a fixed linear congruential sequence).
    static func scrambled(width: Int, height: Int, seed: UInt64) -> BitMatrix {
        var matrix = BitMatrix(width: width, height: height)
        var state = seed
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                matrix[x, y] = state >> 63 == 1
            }
        }
        return matrix
    }

    /// Sizes below, at and across the 64-bit blocks the transpose works in,
    /// with padding bits left clear (equality compares the words).
    @Test(arguments: [(1, 1), (64, 64), (63, 65), (130, 7), (7, 130), (200, 129)])
    func transposingSwapsEveryRowAndColumn(size: (width: Int, height: Int)) {
        let matrix = Self.scrambled(
            width: size.width, height: size.height, seed: UInt64(size.width * 1000 + size.height))
        let transposed = matrix.transposed()
        var expected = BitMatrix(width: size.height, height: size.width)
        for y in 0..<size.height {
            for x in 0..<size.width where matrix[x, y] { expected[y, x] = true }
        }
        #expect(transposed == expected)
        #expect(transposed.transposed() == matrix)
    }

    /// Every module flips and the padding bits beyond the width stay clear
    /// (equality compares the words), whether or not rows fill their words.
    @Test(arguments: [(1, 1), (64, 3), (63, 65), (130, 7), (0, 4)])
    func invertingFlipsEveryModuleAndNoPadding(size: (width: Int, height: Int)) {
        let matrix = Self.scrambled(
            width: size.width, height: size.height, seed: UInt64(size.width * 1000 + size.height + 7))
        var inverted = matrix
        inverted.invert()
        var expected = BitMatrix(width: size.width, height: size.height)
        for y in 0..<size.height {
            for x in 0..<size.width where !matrix[x, y] { expected[x, y] = true }
        }
        #expect(inverted == expected)
        inverted.invert()
        #expect(inverted == matrix)
    }
}

import QRCoreTestSupport
import Testing

@testable import QRCore

/// Box-filter downscaling.
struct ImageScalerTests {
    /// Each output pixel is the rounded mean of its block, for the factors the
    /// reader uses (2 and 4 for large images, 3 against noise); pixels that
    /// do not fill a block are dropped.
    @Test(arguments: [2, 3, 4])
    func eachPixelIsItsBlocksMean(factor: Int) {
        var random = SeededRandom(seed: 7)
        let width = 31, height = 20
        let pixels = (0..<(width * height)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let image = GrayImage(width: width, height: height, pixels: pixels)
        let scaled = ImageScaler.downscale(image, by: factor)
        #expect(scaled.width == width / factor && scaled.height == height / factor)
        for y in 0..<scaled.height {
            for x in 0..<scaled.width {
                #expect(Int(scaled[x, y]) == Self.blockMean(image, factor: factor, x: x, y: y), "pixel \(x), \(y)")
            }
        }
    }

    /// The rounded mean of output pixel (x, y)'s block, halves up: the
    /// plain reference the scaler's paths are checked against.
    static func blockMean(_ image: GrayImage, factor: Int, x: Int, y: Int) -> Int {
        var total = 0
        for dy in 0..<factor {
            for dx in 0..<factor { total += Int(image[x * factor + dx, y * factor + dy]) }
        }
        let area = factor * factor
        return (total + area / 2) / area
    }

    /// The vector paths for factors 2 and 3 on rows of several vectors, at
    /// the extremes of the range (no lane overflows at 9 × 255) and on a
    /// ramp, against the plain mean.
    @Test(arguments: [2, 3])
    func vectorPathsKeepTheRange(factor: Int) {
        let width = 100, height = 9
        for fill in [0, 255, -1] {
            let pixels = (0..<(width * height)).map { UInt8(fill >= 0 ? fill : ($0 * 37) % 256) }
            let image = GrayImage(width: width, height: height, pixels: pixels)
            let scaled = ImageScaler.downscale(image, by: factor)
            for y in 0..<scaled.height {
                for x in 0..<scaled.width {
                    #expect(
                        Int(scaled[x, y]) == Self.blockMean(image, factor: factor, x: x, y: y),
                        "fill \(fill), pixel \(x), \(y)")
                }
            }
        }
    }

    /// The multiply-and-shift that replaces division gives the exact
    /// quotient over the whole range downscaling can produce: every block
    /// sum for the small factors, and the ends of the range for the largest.
    @Test func reciprocalDividesExactly() {
        for factor in 1...16 {
            let area = UInt32(factor * factor)
            let reciprocal = ImageScaler.Reciprocal(area)
            for n in 0...(255 * area + area / 2) {
                guard reciprocal.quotient(n) == n / area else {
                    Issue.record("\(n) / \(area): \(reciprocal.quotient(n))")
                    return
                }
            }
        }
        let largest = UInt32(256 * 256), reciprocal = ImageScaler.Reciprocal(largest)
        for n in [0, 1, largest - 1, largest, largest + 1, 255 * largest, 255 * largest + largest / 2] {
            #expect(reciprocal.quotient(n) == n / largest, "\(n)")
        }
    }
}

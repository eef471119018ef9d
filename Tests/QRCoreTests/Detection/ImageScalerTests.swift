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
                var total = 0
                for dy in 0..<factor {
                    for dx in 0..<factor { total += Int(pixels[(y * factor + dy) * width + x * factor + dx]) }
                }
                let area = factor * factor
                #expect(Int(scaled[x, y]) == (total + area / 2) / area, "pixel \(x), \(y)")
            }
        }
    }
}

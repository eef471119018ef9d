import Testing

@testable import QRCore

/// Reading the timing patterns between finder patterns (§6.3.5) of an
/// upright symbol whose module positions are known exactly.
struct TimingPatternReaderTests {
    static let moduleSize = 4, border = 4

    /// The symbol as a binary image, each dark module grown by `bleed`
    /// pixels to the right and downwards (a threshold set too high).
    static func binary(_ code: QRCode, bleed: Int = 0) -> BitMatrix {
        let side = (code.size + 2 * border) * moduleSize
        var image = BitMatrix(width: side, height: side)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                let left = (x + border) * moduleSize, top = (y + border) * moduleSize
                for py in top..<(top + moduleSize + bleed) {
                    for px in left..<(left + moduleSize + bleed) { image[px, py] = true }
                }
            }
        }
        return image
    }

    /// The outer corners of the finder whose top-left module is (x, y).
    static func finderCorners(x: Int, y: Int) -> [ImagePoint] {
        let s = Double(moduleSize), left = Double(x + border) * s, top = Double(y + border) * s
        return [
            ImagePoint(x: left, y: top), ImagePoint(x: left + 7 * s, y: top),
            ImagePoint(x: left + 7 * s, y: top + 7 * s), ImagePoint(x: left, y: top + 7 * s),
        ]
    }

    static func imagePoint(_ grid: ImagePoint) -> ImagePoint {
        ImagePoint(x: (grid.x + Double(border)) * Double(moduleSize), y: (grid.y + Double(border)) * Double(moduleSize))
    }

    @Test(arguments: [1, 5, 12], [0, 1])
    func readsTheSizeAndWhereTheModulesAre(version: Int, bleed: Int) throws {
        let fixed = try QRVersion(number: version)
        let code = try QRCode(text: "timing", options: EncodingOptions(versions: fixed...fixed))
        let reader = TimingPatternReader(binary: Self.binary(code, bleed: bleed))
        let topLeft = Self.finderCorners(x: 0, y: 0)
        let row = try #require(reader.row(topLeft: topLeft, topRight: Self.finderCorners(x: code.size - 7, y: 0)))
        let column = try #require(
            reader.column(topLeft: topLeft, bottomLeft: Self.finderCorners(x: 0, y: code.size - 7)))
        #expect(row.dimension == code.size)
        #expect(column.dimension == code.size)
        for pair in row.correspondences + column.correspondences {
            // Centres of modules stay put when the dark ones bleed; the
            // quarter-pixel walk and the bleed's half pixel bound the error.
            #expect(pair.image.distance(to: Self.imagePoint(pair.grid)) <= 0.5 + Double(bleed) / 2)
        }
    }

    @Test func aLineWithoutTimingPatternIsNotRead() {
        let blank = BitMatrix(width: 200, height: 200)
        let reader = TimingPatternReader(binary: blank)
        #expect(reader.row(topLeft: Self.finderCorners(x: 0, y: 0), topRight: Self.finderCorners(x: 30, y: 0)) == nil)
    }
}

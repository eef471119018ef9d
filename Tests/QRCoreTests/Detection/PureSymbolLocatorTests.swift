import Testing

@testable import QRCore

/// Locating a symbol that fills the image from the extent of its dark
/// pixels (hard corpus category `bare`).
struct PureSymbolLocatorTests {
    static func locator(_ image: GrayImage) -> PureSymbolLocator {
        PureSymbolLocator(binary: Binarizer().binarize(image).binary, image: image)
    }

    static func code(version: Int) throws -> QRCode {
        let fixed = try QRVersion(number: version)
        return try QRCode(text: "bare", options: EncodingOptions(versions: fixed...fixed))
    }

    /// At 1.25 pixels a module the symbol's far edges fall inside pixels;
    /// their grey levels place them to within a third of a pixel, where the
    /// box of whole dark pixels is up to half a pixel off.
    @Test(arguments: [1.25, 1.5, 2.0])
    func cornersLieOnTheSymbolsEdges(moduleSize: Double) throws {
        let code = try Self.code(version: 2)
        let image = SyntheticImage.upright(code.modules, moduleSize: moduleSize, border: 0).image
        let corners = try #require(Self.locator(image).corners())
        let extent = Double(code.size) * moduleSize
        #expect(corners.topLeft.distance(to: ImagePoint(x: 0, y: 0)) < 0.34)
        #expect(corners.topRight.distance(to: ImagePoint(x: extent, y: 0)) < 0.34)
        #expect(corners.bottomLeft.distance(to: ImagePoint(x: 0, y: extent)) < 0.34)
    }

    /// A symbol with a wide quiet zone is left to the finder-pattern search.
    @Test func aSymbolInAWiderSceneIsNotBare() throws {
        let code = try Self.code(version: 1)
        let image = SyntheticImage.upright(code.modules, moduleSize: 3, border: 8).image
        #expect(Self.locator(image).extent() == nil)
    }

    /// Every orientation is tried; the timing patterns pick the right one
    /// and the dimension, and the best mapping reads.
    @Test(arguments: [0, 1, 2, 3])
    func theBestMappingIsTheSymbolTurnedRight(quarterTurns: Int) throws {
        let code = try Self.code(version: 3)
        var modules = code.modules
        for _ in 0..<quarterTurns { modules = Self.turned(modules) }
        let image = SyntheticImage.upright(modules, moduleSize: 1.5, border: 0).image
        let (thresholds, binary) = Binarizer().binarize(image)
        let sampler = GridSampler(image: image, thresholds: thresholds)
        let mappings = PureSymbolLocator(binary: binary, image: image).mappings(floor: 0.55, limit: 1) {
            mapping, floor in
            sampler.timingAgreement(dimension: mapping.dimension, floor: floor, map: mapping.map)
        }
        let mapping = try #require(mappings.first)
        #expect(mapping.dimension == code.size)
        let grid = sampler.grid(from: sampler.levels(of: mapping), global: true).grid
        #expect(try QRDecoder.decode(grid).text == "bare")
    }

    /// The matrix turned a quarter clockwise.
    static func turned(_ m: BitMatrix) -> BitMatrix {
        var result = BitMatrix(size: m.width)
        for y in 0..<m.width {
            for x in 0..<m.width where m[x, y] { result[m.width - 1 - y, x] = true }
        }
        return result
    }
}

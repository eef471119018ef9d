import Testing

@testable import QRCore

/// Measuring a symbol seen close up and steeply (hard corpus category
/// `foreshortened`), where the far finder patterns are squeezed along the tilt.
struct SymbolLocatorTests {
    /// The symbol seen from low down, its far edge `farShare` as long as the near one.
    static func steep(_ code: QRCode, farShare: Double) -> SyntheticImage {
        let near = Double(code.size) * 8, far = near * farShare, depth = near * 0.55, side = Int(near * 1.3)
        let c = Double(side) / 2
        let corners = [
            ImagePoint(x: c - far / 2, y: c - depth / 2), ImagePoint(x: c + far / 2, y: c - depth / 2),
            ImagePoint(x: c + near / 2, y: c + depth / 2), ImagePoint(x: c - near / 2, y: c + depth / 2),
        ]
        return .warped(code.modules, width: side, height: side, corners: corners)
    }

    /// Each pattern's width along the side to the other pattern gives the
    /// modules between them exactly; module sizes averaged over rows and
    /// columns overcount a steep view's short far side.
    @Test(arguments: [2, 4, 6])
    func dimensionIsMeasuredAlongTheSides(version: Int) throws {
        let fixed = try QRVersion(number: version)
        let code = try QRCode(text: "steep", options: EncodingOptions(versions: fixed...fixed))
        let image = Self.steep(code, farShare: 0.4).image
        let binary = Binarizer().binarize(image).binary
        let candidates = FinderPatternFinder(binary: binary).find()
        let triples = FinderPatternGrouper.triples(from: candidates)
        let triple = try #require(triples.first)
        #expect(SymbolLocator(binary: binary).measuredDimension(triple) == code.size)
    }

    /// A pattern squeezed to a third of its height across is still a finder
    /// pattern, and its width is measured along each axis as it is.
    @Test func aSqueezedFinderIsFoundAndMeasured() throws {
        let code = try QRCode(text: "squeezed")
        let n = Double(code.size), s = 9.0
        let corners = [
            ImagePoint(x: 20, y: 20), ImagePoint(x: 20 + n * s / 3.2, y: 20),
            ImagePoint(x: 20 + n * s / 3.2, y: 20 + n * s), ImagePoint(x: 20, y: 20 + n * s),
        ]
        let image = SyntheticImage.warped(
            code.modules, width: Int(n * s / 3.2) + 40, height: Int(n * s) + 40,
            corners: corners
        ).image
        let binary = Binarizer().binarize(image).binary
        let centre = ImagePoint(x: 20 + 3.5 * s / 3.2, y: 20 + 3.5 * s)
        let found = FinderPatternFinder(binary: binary).find()
        #expect(found.contains { $0.centre.distance(to: centre) < s })
        let outline = FinderPatternOutline(binary: binary)
        let across = try #require(outline.width(centre: centre, along: ImagePoint(x: 1, y: 0), moduleLength: s))
        let down = try #require(outline.width(centre: centre, along: ImagePoint(x: 0, y: 1), moduleLength: s))
        #expect(abs(across - 7 * s / 3.2) < 2)
        #expect(abs(down - 7 * s) < 2)
    }
}

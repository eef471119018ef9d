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

    /// The steep view's finders stand square to the lines joining them; a
    /// pattern turned against them, as one of another symbol would be, is
    /// not grouped with the other two, whichever way it is turned by quarter
    /// turns.
    @Test func outlinesTurnedAgainstTheTriplesSidesDoNotAlign() throws {
        let code = try QRCode(text: "steep")
        let binary = Binarizer().binarize(Self.steep(code, farShare: 0.4).image).binary
        let triple = try #require(FinderPatternGrouper.triples(from: FinderPatternFinder(binary: binary).find()).first)
        let locator = SymbolLocator(binary: binary)
        let outlines = locator.outlines(of: triple)
        #expect(outlines.allSatisfy { $0 != nil })
        #expect(SymbolLocator.outlinesAlign(triple, outlines))

        func turned(_ corners: [ImagePoint]?, by degrees: Double) throws -> [ImagePoint]? {
            guard let corners else { return nil }
            let centre = (corners[0] + corners[1] + corners[2] + corners[3]) * 0.25
            let (c, s) = try #require(Self.cosineAndSine[degrees])
            return corners.map { point in
                let d = point - centre
                return centre + ImagePoint(x: d.x * c - d.y * s, y: d.x * s + d.y * c)
            }
        }
        for (degrees, aligns) in [(10.0, true), (35.0, false), (90.0, true), (125.0, false)] {
            for index in 0..<3 {
                var changed = outlines
                changed[index] = try turned(outlines[index], by: degrees)
                #expect(SymbolLocator.outlinesAlign(triple, changed) == aligns, "finder \(index) turned \(degrees)°")
            }
        }
    }

    /// cos and sin of the turns tried.
    static let cosineAndSine: [Double: (Double, Double)] = [
        10: (0.98480775, 0.17364818), 35: (0.81915204, 0.57357644), 90: (0, 1), 125: (-0.57357644, 0.81915204),
    ]
}

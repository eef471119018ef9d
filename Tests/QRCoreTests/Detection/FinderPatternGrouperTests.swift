import Testing

@testable import QRCore

/// Grouping finder patterns into symbols, seen from the front and from a
/// steep angle, where the far pattern is much smaller than the near ones.
struct FinderPatternGrouperTests {
    /// Finder candidates for a symbol of `dimension` modules drawn by
    /// `transform` (symbol modules to pixels), each with the module size the
    /// mapping gives at its centre and a convincing confirmation count.
    static func candidates(dimension: Int, transform: PerspectiveTransform) -> [FinderCandidate] {
        let d = Double(dimension)
        return [(3.5, 3.5), (d - 3.5, 3.5), (3.5, d - 3.5)].map { x, y in
            let across = transform.apply(x + 0.5, y).distance(to: transform.apply(x - 0.5, y))
            let down = transform.apply(x, y + 0.5).distance(to: transform.apply(x, y - 0.5))
            let moduleSize = (across + down) / 2
            return FinderCandidate(centre: transform.apply(x, y), moduleSize: moduleSize, count: Int(moduleSize * 3))
        }
    }

    static func trapezoid(dimension: Int, farShare: Double) -> PerspectiveTransform {
        let d = Double(dimension), near = d * 8, far = near * farShare
        let square = [ImagePoint(x: 0, y: 0), ImagePoint(x: d, y: 0), ImagePoint(x: d, y: d), ImagePoint(x: 0, y: d)]
        let corners = [
            ImagePoint(x: 500 - far / 2, y: 100), ImagePoint(x: 500 + far / 2, y: 100),
            ImagePoint(x: 500 + near / 2, y: 100 + near * 0.6), ImagePoint(x: 500 - near / 2, y: 100 + near * 0.6),
        ]
        return PerspectiveTransform.quadrilateral(square, to: corners)!
    }

    @Test(arguments: [21, 45, 97])
    func frontViewGivesTheDimensionAndCorner(dimension: Int) throws {
        let transform = Self.trapezoid(dimension: dimension, farShare: 1)
        let found = Self.candidates(dimension: dimension, transform: transform)
        let triple = try #require(FinderPatternGrouper.orientations(found[0], found[1], found[2]).first)
        #expect(triple.topLeft.centre == found[0].centre)
        #expect(triple.estimatedDimension == dimension)
    }

    /// The far edge half as long as the near one: averaging the module sizes
    /// of the three patterns would overcount the modules between them badly;
    /// the geometric mean along each side counts them to within a version
    /// (a pattern's module size mixes its two axes, which a steep view
    /// foreshortens differently), close enough for the timing patterns to
    /// settle.
    @Test(arguments: [29, 45, 61])
    func steepViewStillGivesTheDimension(dimension: Int) throws {
        let transform = Self.trapezoid(dimension: dimension, farShare: 0.5)
        let found = Self.candidates(dimension: dimension, transform: transform)
        let triples = FinderPatternGrouper.orientations(found[2], found[0], found[1])
        let triple = try #require(triples.first { $0.topLeft.centre == found[0].centre })
        #expect(triple.topRight.centre == found[1].centre)
        #expect(triple.bottomLeft.centre == found[2].centre)
        #expect(abs(triple.estimatedDimension - dimension) <= 4)
    }

    /// A steep, close view makes a far pattern up to four times smaller by
    /// rows and columns than the near ones; beyond that they are not one symbol.
    @Test func patternsOfVeryDifferentSizesAreNotOneSymbol() {
        let small = FinderCandidate(centre: ImagePoint(x: 0, y: 0), moduleSize: 2, count: 6)
        let big = FinderCandidate(centre: ImagePoint(x: 200, y: 0), moduleSize: 8.5, count: 26)
        let other = FinderCandidate(centre: ImagePoint(x: 0, y: 200), moduleSize: 8.5, count: 26)
        #expect(FinderPatternGrouper.orientations(small, big, other).isEmpty)
    }
}

extension FinderPatternGrouperTests {
    /// Close up and steep (foreshortened-008 of the seed-1 hard corpus: the
    /// patterns as found there), the near patterns' modules are one and a
    /// half times the far one's: in pixels the line between the near ones
    /// is the longest, but in modules the diagonal is. Weakly confirmed
    /// patterns are offered one corner, or two when the sides are close in
    /// modules, and the right one must be first.
    @Test func theCornerIsOppositeTheLongestSideInModules() throws {
        let corner = FinderCandidate(centre: ImagePoint(x: 271.0, y: 330.4), moduleSize: 14.34, count: 24)
        let near = FinderCandidate(centre: ImagePoint(x: 562.1, y: 230.3), moduleSize: 14.57, count: 31)
        let far = FinderCandidate(centre: ImagePoint(x: 402.8, y: 480.7), moduleSize: 9.15, count: 14)
        #expect(near.centre.distance(to: corner.centre) > near.centre.distance(to: far.centre))
        let triples = FinderPatternGrouper.orientations(near, far, corner)
        #expect(triples.first?.topLeft.centre == corner.centre)
    }

    /// The largest symbol, turned, is grouped whichever pattern comes first;
    /// patterns a few modules farther apart than any symbol allows are not.
    @Test(arguments: [177, 189])
    func theLargestSymbolIsTheLimit(dimension: Int) {
        let d = Double(dimension), (c, s) = (0.82904, 0.55919)  // cos and sin of a 34° turn
        let transform = PerspectiveTransform.quadrilateral(
            [ImagePoint(x: 0, y: 0), ImagePoint(x: d, y: 0), ImagePoint(x: d, y: d), ImagePoint(x: 0, y: d)],
            to: [(0.0, 0.0), (d, 0), (d, d), (0, d)].map { x, y in
                ImagePoint(x: 800 + 2 * (x * c - y * s), y: 100 + 2 * (x * s + y * c))
            })!
        // Measured along image rows and columns, as the finder does, a
        // turned pattern's modules are 1 / cos θ longer.
        let found = Self.candidates(dimension: dimension, transform: transform).map {
            FinderCandidate(centre: $0.centre, moduleSize: $0.moduleSize / c, count: $0.count)
        }
        for order in [[0, 1, 2], [1, 2, 0], [2, 0, 1]] {
            let triples = FinderPatternGrouper.triples(from: order.map { found[$0] })
            #expect(triples.contains { $0.topLeft.centre == found[0].centre } == (dimension == 177))
        }
    }
}

/// Where a symbol's modules lie in the image: a mapping from symbol
/// coordinates (modules, origin at the outer top-left corner) to pixels.
struct GridMapping: Sendable {
    let dimension: Int
    let transform: PerspectiveTransform
    let moduleSize: Double
    /// Local corrections from all alignment patterns, for versions 7 and up.
    var alignmentGrid: AlignmentGrid?

    @inline(__always)
    func map(_ x: Double, _ y: Double) -> Point { alignmentGrid?.map(x, y) ?? transform.apply(x, y) }

    /// The image positions of all module centres, row by row.
    func moduleCentres() -> [Point] {
        if let alignmentGrid { return alignmentGrid.moduleCentres(dimension: dimension) }
        var centres: [Point] = []
        centres.reserveCapacity(dimension * dimension)
        for y in 0..<dimension {
            for x in 0..<dimension { centres.append(transform.apply(Double(x) + 0.5, Double(y) + 0.5)) }
        }
        return centres
    }

    /// The symbol's outer corners: top-left, top-right, bottom-right, bottom-left.
    var corners: [Point] {
        let d = Double(dimension)
        return [map(0, 0), map(d, 0), map(d, d), map(0, d)]
    }
}

/// Turns three finder patterns into a grid mapping, using the bottom-right
/// alignment pattern (§6.3.6) as the fourth point where the version has one.
struct SymbolLocator {
    let binary: BitMatrix

    /// Mappings for `triple` assuming the symbol is `dimension` modules wide,
    /// the likelier first.
    ///
    /// Version 1 has no alignment pattern: the fourth corner completes the
    /// parallelogram of the finders. Versions 2–6 have one, near the
    /// bottom-right corner, which fixes the perspective. From version 7 the
    /// lattice of alignment patterns is followed outwards from the finders
    /// (``AlignmentGrid``); a single far pattern would be ambiguous there,
    /// since its neighbours lie only 16–28 modules apart.
    ///
    /// Without an alignment pattern to fix the fourth corner, the perspective
    /// comes from the finder outlines, which blur can bend; the parallelogram
    /// of the finder centres is then offered as a second guess.
    func locate(_ triple: FinderTriple, dimension: Int) -> [GridMapping] {
        let d = Double(dimension)
        let tl = triple.topLeft.centre, tr = triple.topRight.centre, bl = triple.bottomLeft.centre
        var grid = [Point(x: 3.5, y: 3.5), Point(x: d - 3.5, y: 3.5), Point(x: d - 3.5, y: d - 3.5), Point(x: 3.5, y: d - 3.5)]
        var image = [tl, tr, tr + bl - tl, bl]
        let parallelogram = PerspectiveTransform.quadrilateral(grid, to: image)!
        let outlined = outlineFit(triple, dimension: dimension, rough: parallelogram)
        let initial = outlined ?? parallelogram
        let version = QRVersion(uncheckedNumber: (dimension - 17) / 4)
        let finder = AlignmentPatternFinder(binary: binary)
        if version.number >= 7 {
            let alignmentGrid = AlignmentGrid(version: version, initial: initial, finders: [tl, tr, bl],
                                              moduleSize: triple.moduleSize, finder: finder)
            return [GridMapping(dimension: dimension, transform: initial, moduleSize: triple.moduleSize,
                                alignmentGrid: alignmentGrid)]
        }
        guard version.number >= 2,
              let alignment = bottomRightAlignment(triple, dimension: dimension, initial: initial, finder: finder) else {
            let guesses = outlined == nil ? [parallelogram] : [initial, parallelogram]
            return guesses.map { GridMapping(dimension: dimension, transform: $0, moduleSize: triple.moduleSize) }
        }
        grid[2] = Point(x: d - 6.5, y: d - 6.5)
        image[2] = alignment
        let transform = PerspectiveTransform.quadrilateral(grid, to: image) ?? initial
        return [GridMapping(dimension: dimension, transform: transform, moduleSize: triple.moduleSize)]
    }

    /// A perspective fitted to the three finder centres and the twelve outer
    /// corners of their patterns (``FinderPatternOutline``), or nil when the
    /// outlines cannot be measured or the fit does not reproduce them to
    /// within half a module.
    private func outlineFit(_ triple: FinderTriple, dimension: Int, rough: PerspectiveTransform) -> PerspectiveTransform? {
        let d = Double(dimension)
        let outline = FinderPatternOutline(binary: binary)
        var from: [Point] = [], to: [Point] = []
        for (finder, gx, gy) in [(triple.topLeft, 3.5, 3.5), (triple.topRight, d - 3.5, 3.5), (triple.bottomLeft, 3.5, d - 3.5)] {
            let right = rough.apply(gx + 0.5, gy) - rough.apply(gx - 0.5, gy)
            let down = rough.apply(gx, gy + 0.5) - rough.apply(gx, gy - 0.5)
            guard let corners = outline.corners(centre: finder.centre, right: right, down: down) else { return nil }
            from += [Point(x: gx, y: gy), Point(x: gx - 3.5, y: gy - 3.5), Point(x: gx + 3.5, y: gy - 3.5),
                     Point(x: gx + 3.5, y: gy + 3.5), Point(x: gx - 3.5, y: gy + 3.5)]
            to += [finder.centre] + corners
        }
        guard let fit = PerspectiveTransform.fitting(from, to: to) else { return nil }
        let tolerance = triple.moduleSize / 2
        for (p, q) in zip(from, to) where fit.apply(p).distance(to: q) > tolerance { return nil }
        return fit
    }

    /// The bottom-right alignment pattern's centre, searched for around where
    /// the finders predict it, first nearby and then farther (perspective
    /// moves it away from the parallelogram estimate).
    private func bottomRightAlignment(_ triple: FinderTriple, dimension: Int, initial: PerspectiveTransform,
                                      finder: AlignmentPatternFinder) -> Point? {
        let centre = Double(dimension) - 6.5
        let predicted = initial.apply(centre, centre)
        let right = initial.apply(centre + 1, centre) - predicted, down = initial.apply(centre, centre + 1) - predicted
        for reach in [4.0, 8.0] {
            if let found = finder.find(near: predicted, right: right, down: down, radius: reach * triple.moduleSize) {
                return found
            }
        }
        return nil
    }
}

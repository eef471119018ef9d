/// Where a symbol's modules lie in the image: a mapping from symbol
/// coordinates (modules, origin at the outer top-left corner) to pixels.
struct GridMapping: Sendable {
    let dimension: Int
    let transform: PerspectiveTransform
    let moduleSize: Double
    /// Local corrections from all alignment patterns, for versions 7 and up.
    var alignmentGrid: AlignmentGrid?
    /// A mapping from the finder patterns alone, offered after one that used
    /// alignment patterns, for a QR Code Model 1 symbol: it has none, and
    /// data that mimics one would bend the grid. Worth sampling only once a
    /// grid of this triple has read as Model 1.
    var isModel1Fallback = false
    /// The height of a rectangular (rMQR) symbol, `dimension` being its
    /// width; nil for square symbols.
    var rectangularHeight: Int?

    /// Modules across.
    var width: Int { dimension }
    /// Modules down.
    var height: Int { rectangularHeight ?? dimension }

    @inline(__always)
    func map(_ x: Double, _ y: Double) -> ImagePoint { alignmentGrid?.map(x, y) ?? transform.apply(x, y) }

    /// The image positions of all module centres, row by row.
    func moduleCentres() -> [ImagePoint] {
        if let alignmentGrid { return alignmentGrid.moduleCentres(dimension: dimension) }
        var centres: [ImagePoint] = []
        centres.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { centres.append(transform.apply(Double(x) + 0.5, Double(y) + 0.5)) }
        }
        return centres
    }

    /// The symbol's outer corners: top-left, top-right, bottom-right, bottom-left.
    var corners: Quadrilateral {
        let (w, h) = (Double(width), Double(height))
        return Quadrilateral(topLeft: map(0, 0), topRight: map(w, 0), bottomRight: map(w, h), bottomLeft: map(0, h))
    }
}

/// Turns three finder patterns into a grid mapping, using the bottom-right
/// alignment pattern (§6.3.6) as the fourth point where the version has one.
struct SymbolLocator {
    let binary: BitMatrix
    /// The finder outlines' ray walks, kept for this locator's search.
    let rays = OutlineRayMemo()

    /// The first estimate of the mapping, from the finders alone: fitted to
    /// their `outlines` where those could be measured (``outlines(of:)``),
    /// else the parallelogram of their centres. Cheap enough to test every
    /// candidate dimension with; `outlined` says which it is.
    func initialTransform(
        _ triple: FinderTriple, dimension: Int,
        outlines: [[ImagePoint]?]
    ) -> (transform: PerspectiveTransform, outlined: Bool) {
        if outlines.allSatisfy({ $0 != nil }), let fit = outlineFit(triple, dimension: dimension, outlines: outlines) {
            return (fit, true)
        }
        return (parallelogram(triple, dimension: dimension), false)
    }

    /// The outer corners of the three finder patterns (top-left, top-right,
    /// bottom-left; each in ``FinderPatternOutline`` order, nil where it
    /// cannot be measured). They do not depend on the symbol's dimension, so
    /// they are measured once per triple, along the axes of the estimated one.
    func outlines(of triple: FinderTriple) -> [[ImagePoint]?] {
        let rough = parallelogram(triple, dimension: triple.estimatedDimension)
        let d = Double(triple.estimatedDimension)
        let outline = FinderPatternOutline(binary: binary, memo: rays)
        return [(triple.topLeft, 3.5, 3.5), (triple.topRight, d - 3.5, 3.5), (triple.bottomLeft, 3.5, d - 3.5)].map {
            finder, gx, gy in
            let right = rough.apply(gx + 0.5, gy) - rough.apply(gx - 0.5, gy)
            let down = rough.apply(gx, gy + 0.5) - rough.apply(gx, gy - 0.5)
            // The directions come from the symbol, the lengths from the pattern
            // itself: in a steep view a far finder's modules are much smaller
            // than the symbol's average.
            return outline.corners(
                centre: finder.centre, right: Self.scaled(right, to: finder.moduleSize),
                down: Self.scaled(down, to: finder.moduleSize))
        }
    }

    /// Whether the measured finder `outlines` (``outlines(of:)``) run along
    /// the triple's sides: the rows of the top-left and top-right patterns
    /// along the line between their centres, the columns of the top-left and
    /// bottom-left patterns along theirs, each within 25°
    /// (``maximumOutlineTurnTangent``), whichever way a pattern is turned
    /// by quarter turns. One symbol's finders share its rows and columns in any view
    /// (a perspective keeps lines straight); patterns of different symbols,
    /// or texture, are turned any way against each other.
    static func outlinesAlign(_ triple: FinderTriple, _ outlines: [[ImagePoint]?]) -> Bool {
        let top = triple.topRight.centre - triple.topLeft.centre
        let left = triple.bottomLeft.centre - triple.topLeft.centre
        func rows(_ corners: [ImagePoint]) -> ImagePoint { (corners[1] - corners[0]) + (corners[2] - corners[3]) }
        func columns(_ corners: [ImagePoint]) -> ImagePoint { (corners[3] - corners[0]) + (corners[2] - corners[1]) }
        // The angle between two lines, folded into 0°–45° by quarter turns,
        // is at most θ when the smaller of |sin| and |cos| is at most tan θ
        // times the larger.
        func along(_ axis: ImagePoint, _ side: ImagePoint) -> Bool {
            let sine = abs(ImagePoint.cross(axis, side)), cosine = abs(ImagePoint.dot(axis, side))
            return min(sine, cosine) <= maximumOutlineTurnTangent * max(sine, cosine)
        }
        if let corners = outlines[0], !along(rows(corners), top) || !along(columns(corners), left) { return false }
        if let corners = outlines[1], !along(rows(corners), top) { return false }
        if let corners = outlines[2], !along(columns(corners), left) { return false }
        return true
    }

    /// The tangent of how far a finder outline may turn against its
    /// triple's sides (``outlinesAlign(_:_:)``): tan 25°. Over the hard
    /// corpora, the photo sets and zxing-cpp's samples, the 1,690 symbols
    /// read from triples turned at most 16° (those whose timing patterns
    /// could not be read, the only ones the test applies to, 15.4°), while
    /// a quarter of the failed triples' time went to triples turned more
    /// than 25°.
    static let maximumOutlineTurnTangent = 0.46631

    /// The dimension from the distances between the finder patterns and
    /// their module sizes measured along each side (``FinderPatternOutline/width(centre:along:moduleLength:)``),
    /// combined as ``FinderTriple/moduleSpan`` does; nil if a pattern's width
    /// along a side cannot be measured.
    ///
    /// A steep, close view squeezes the far patterns along the tilt: their
    /// module sizes averaged over rows and columns then overstate the modules
    /// along one side and understate them along the other, and the estimate
    /// from them was 37 for a version 3 symbol (foreshortened-004 of the
    /// seed-1 hard corpus); along the sides it is 29.
    func measuredDimension(_ triple: FinderTriple) -> Int? {
        let outline = FinderPatternOutline(binary: binary)
        func modules(from a: FinderCandidate, to b: FinderCandidate) -> Double? {
            let side = b.centre - a.centre, length = ImagePoint.dot(side, side).squareRoot()
            guard length > 0 else { return nil }
            let unit = side * (1 / length)
            guard let widthA = outline.width(centre: a.centre, along: unit, moduleLength: a.moduleSize),
                let widthB = outline.width(centre: b.centre, along: unit, moduleLength: b.moduleSize)
            else { return nil }
            return length / (widthA * widthB).squareRoot() * 7
        }
        guard let top = modules(from: triple.topLeft, to: triple.topRight),
            let left = modules(from: triple.topLeft, to: triple.bottomLeft)
        else { return nil }
        return FinderTriple.snappedDimension(FinderTriple.moduleSpan((top, left)) + 7)
    }

    /// The dimension the timing patterns count and, when both are read or
    /// one is and all three finder outlines are measured, a perspective
    /// fitted to them; nil unless a timing pattern could be read
    /// (``TimingPatternReader``) and, when both were, they agree.
    ///
    /// The centres of the timing modules pin the grid along two of its edges
    /// at every module, which a steep view cannot hide the way it distorts
    /// the finders. Along those two lines alone, though, the far corner is
    /// extrapolated; the finders' centres and outer corners, which reach the
    /// outer edges, steady it, and the robust fit drops whichever points a
    /// steep view measured badly (synthetic family "steep perspective").
    func timingFit(
        _ triple: FinderTriple, outlines: [[ImagePoint]?],
        reader: TimingPatternReader
    ) -> (dimension: Int, transform: PerspectiveTransform?)? {
        guard let topLeft = outlines[0] else { return nil }
        let row = outlines[1].flatMap { reader.row(topLeft: topLeft, topRight: $0) }
        let column = outlines[2].flatMap { reader.column(topLeft: topLeft, bottomLeft: $0) }
        let dimensions = Set([row?.dimension, column?.dimension].compactMap { $0 })
        guard dimensions.count == 1, let dimension = dimensions.first, (21...177).contains(dimension),
            (dimension - 17) % 4 == 0
        else { return nil }
        // One timing pattern and all three outlines still pin the grid on
        // three sides; a steep, close view often blurs the far half of the
        // other one (foreshortened-008 of the seed-1 hard corpus).
        guard (row != nil && column != nil) || outlines.allSatisfy({ $0 != nil }) else { return (dimension, nil) }
        var (from, to, _) = finderCorrespondences(triple, dimension: dimension, outlines: outlines)
        for pair in (row?.correspondences ?? []) + (column?.correspondences ?? []) {
            from.append(pair.grid)
            to.append(pair.image)
        }
        return (dimension, PerspectiveTransform.robustFit(from, to: to, tolerance: triple.moduleSize / 2))
    }

    /// The finders' centres and the outer corners of those whose outline was
    /// measured, in symbol modules and in the image, with the module size of
    /// the finder each belongs to.
    private func finderCorrespondences(
        _ triple: FinderTriple, dimension: Int,
        outlines: [[ImagePoint]?]
    ) -> (from: [ImagePoint], to: [ImagePoint], moduleSizes: [Double]) {
        let d = Double(dimension)
        var from: [ImagePoint] = [], to: [ImagePoint] = [], moduleSizes: [Double] = []
        let finders = [(triple.topLeft, 3.5, 3.5), (triple.topRight, d - 3.5, 3.5), (triple.bottomLeft, 3.5, d - 3.5)]
        for ((finder, gx, gy), corners) in zip(finders, outlines) {
            from.append(ImagePoint(x: gx, y: gy))
            to.append(finder.centre)
            moduleSizes.append(finder.moduleSize)
            guard let corners else { continue }
            from += [
                ImagePoint(x: gx - 3.5, y: gy - 3.5), ImagePoint(x: gx + 3.5, y: gy - 3.5),
                ImagePoint(x: gx + 3.5, y: gy + 3.5), ImagePoint(x: gx - 3.5, y: gy + 3.5),
            ]
            to += corners
            moduleSizes += Array(repeating: finder.moduleSize, count: 4)
        }
        return (from, to, moduleSizes)
    }

    /// Mappings for `triple` assuming the symbol is `dimension` modules wide,
    /// refined from `initial` (see ``initialTransform(_:dimension:outlines:)``) and, for
    /// versions 2–6, the `alignments` found near the bottom-right corner
    /// (see ``bottomRightCandidates(_:)``), the likelier first.
    ///
    /// Version 1 has no alignment pattern: the initial estimate stands.
    /// Versions 2–6 have one, near the bottom-right corner, which fixes the
    /// perspective. From version 7 the lattice of alignment patterns is
    /// followed outwards from the finders (``AlignmentGrid``); a single far
    /// pattern would be ambiguous there, since its neighbours lie only 16–28
    /// modules apart. Without an alignment pattern to fix the fourth corner,
    /// the finder outlines, which blur can bend, give the perspective; the
    /// parallelogram of the finder centres is then offered as a second guess.
    /// Up to version 14, where a symbol may be QR Code Model 1, those guesses
    /// follow an alignment-based mapping as Model 1 fallbacks.
    func locate(
        _ triple: FinderTriple, dimension: Int, initial: (transform: PerspectiveTransform, outlined: Bool),
        alignments: [AlignmentPatternFinder.Candidate]
    ) -> [GridMapping] {
        let d = Double(dimension)
        let tl = triple.topLeft.centre, tr = triple.topRight.centre, bl = triple.bottomLeft.centre
        let version = QRVersion(uncheckedNumber: (dimension - 17) / 4)
        let finder = AlignmentPatternFinder(binary: binary)
        if version.number >= 7 {
            let alignmentGrid = AlignmentGrid(
                version: version, initial: initial.transform, finders: [tl, tr, bl],
                finder: finder)
            let fallbacks = alignmentGrid == nil ? [] : model1Fallbacks(triple, dimension: dimension, initial: initial)
            return [
                GridMapping(
                    dimension: dimension, transform: initial.transform, moduleSize: triple.moduleSize,
                    alignmentGrid: alignmentGrid)
            ] + fallbacks
        }
        guard version.number >= 2,
            let alignment = bottomRightAlignment(
                triple, dimension: dimension, initial: initial.transform,
                candidates: alignments)
        else {
            return finderMappings(triple, dimension: dimension, initial: initial)
        }
        let grid = [
            ImagePoint(x: 3.5, y: 3.5), ImagePoint(x: d - 3.5, y: 3.5), ImagePoint(x: d - 6.5, y: d - 6.5),
            ImagePoint(x: 3.5, y: d - 3.5),
        ]
        let transform = PerspectiveTransform.quadrilateral(grid, to: [tl, tr, alignment, bl]) ?? initial.transform
        // A measured perspective stays the second guess: close up and steep,
        // the pattern found near the prediction can be data mimicking it
        // (foreshortened-008 of the seed-2 hard corpus).
        let guesses = initial.outlined ? [transform, initial.transform] : [transform]
        return guesses.map { GridMapping(dimension: dimension, transform: $0, moduleSize: triple.moduleSize) }
            + model1Fallbacks(triple, dimension: dimension, initial: initial)
    }

    /// ``finderMappings(_:dimension:initial:)`` marked as Model 1 fallbacks,
    /// where the dimension allows Model 1 (versions 1–14).
    private func model1Fallbacks(
        _ triple: FinderTriple, dimension: Int,
        initial: (transform: PerspectiveTransform, outlined: Bool)
    ) -> [GridMapping] {
        guard dimension <= 17 + 4 * Model1Version.maximum else { return [] }
        return finderMappings(triple, dimension: dimension, initial: initial).map { mapping in
            var fallback = mapping
            fallback.isModel1Fallback = true
            return fallback
        }
    }

    /// The mappings from the finder patterns alone: `initial`, and when it was
    /// fitted to their outlines, the parallelogram of their centres.
    private func finderMappings(
        _ triple: FinderTriple, dimension: Int,
        initial: (transform: PerspectiveTransform, outlined: Bool)
    ) -> [GridMapping] {
        let guesses =
            initial.outlined ? [initial.transform, parallelogram(triple, dimension: dimension)] : [initial.transform]
        return guesses.map { GridMapping(dimension: dimension, transform: $0, moduleSize: triple.moduleSize) }
    }

    /// ``locate(_:dimension:initial:alignments:)`` with everything measured afresh.
    func locate(_ triple: FinderTriple, dimension: Int) -> [GridMapping] {
        let alignments = (25...41).contains(dimension) ? bottomRightCandidates(triple) : []
        let initial = initialTransform(triple, dimension: dimension, outlines: outlines(of: triple))
        return locate(triple, dimension: dimension, initial: initial, alignments: alignments)
    }

    /// `vector` in its own direction, `length` long.
    private static func scaled(_ vector: ImagePoint, to length: Double) -> ImagePoint {
        let norm = ImagePoint.dot(vector, vector).squareRoot()
        return norm > 0 ? vector * (length / norm) : vector
    }

    /// The affine mapping that puts the finder centres 3.5 modules in from
    /// three corners: exact for a symbol seen face on, the first guess otherwise.
    func parallelogram(_ triple: FinderTriple, dimension: Int) -> PerspectiveTransform {
        let d = Double(dimension)
        let tl = triple.topLeft.centre, tr = triple.topRight.centre, bl = triple.bottomLeft.centre
        let grid = [
            ImagePoint(x: 3.5, y: 3.5), ImagePoint(x: d - 3.5, y: 3.5), ImagePoint(x: d - 3.5, y: d - 3.5),
            ImagePoint(x: 3.5, y: d - 3.5),
        ]
        return PerspectiveTransform.quadrilateral(grid, to: [tl, tr, tr + bl - tl, bl])!
    }

    /// A perspective fitted to the three finder centres and the twelve outer
    /// corners of their patterns, or nil when the fit does not reproduce
    /// them to within 0.8 of a module (corners of a steeply tilted symbol
    /// scatter more than half a module) — of the module there: a close,
    /// steep view makes the near pattern's modules two or three times the far
    /// one's (hard corpus category `foreshortened`).
    private func outlineFit(_ triple: FinderTriple, dimension: Int, outlines: [[ImagePoint]?]) -> PerspectiveTransform?
    {
        let (from, to, moduleSizes) = finderCorrespondences(triple, dimension: dimension, outlines: outlines)
        guard let fit = PerspectiveTransform.fitting(from, to: to) else { return nil }
        for ((p, q), size) in zip(zip(from, to), moduleSizes) where fit.apply(p).distance(to: q) > size * 0.8 {
            return nil
        }
        return fit
    }

    /// Alignment patterns near where the bottom-right one of a version 2–6
    /// symbol should be, found once per triple: the predictions for the
    /// candidate dimensions lie within a couple of modules of each other, so
    /// one search ten modules wide serves them all.
    func bottomRightCandidates(_ triple: FinderTriple) -> [AlignmentPatternFinder.Candidate] {
        let dimension = triple.estimatedDimension
        let initial = parallelogram(triple, dimension: dimension)
        let centre = Double(dimension) - 6.5
        let predicted = initial.apply(centre, centre)
        let right = initial.apply(centre + 1, centre) - predicted, down = initial.apply(centre, centre + 1) - predicted
        return AlignmentPatternFinder(binary: binary)
            .candidates(near: predicted, right: right, down: down, radius: 10 * triple.moduleSize)
    }

    /// The bottom-right alignment pattern's centre among `candidates`: the
    /// best near where `initial` predicts it, first within four modules and
    /// then within eight (perspective moves it away from the estimate).
    private func bottomRightAlignment(
        _ triple: FinderTriple, dimension: Int, initial: PerspectiveTransform,
        candidates: [AlignmentPatternFinder.Candidate]
    ) -> ImagePoint? {
        let centre = Double(dimension) - 6.5
        let predicted = initial.apply(centre, centre)
        for reach in [4.0, 8.0] {
            if let found = AlignmentPatternFinder.best(
                of: candidates, near: predicted, radius: reach * triple.moduleSize)
            {
                return found
            }
        }
        return nil
    }
}

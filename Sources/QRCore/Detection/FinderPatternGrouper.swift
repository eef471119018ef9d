/// Three finder patterns that may be the corners of one symbol, oriented:
/// seen from the front, `topLeft` is the corner pattern, `topRight` lies
/// along the first row and `bottomLeft` along the first column.
struct FinderTriple: Sendable {
    var topLeft: FinderCandidate
    var topRight: FinderCandidate
    var bottomLeft: FinderCandidate
    /// How far the triple is from an ideal right isosceles triangle with
    /// equal module sizes; lower is better.
    var irregularity: Double

    /// The fewest scan lines that confirmed any of the three patterns.
    var weakestConfirmation: Int { min(topLeft.count, topRight.count, bottomLeft.count) }

    /// Module size averaged over the three patterns.
    var moduleSize: Double { (topLeft.moduleSize + topRight.moduleSize + bottomLeft.moduleSize) / 3 }

    /// Modules per side estimated from the distances between pattern centres
    /// (which lie 3.5 modules in from the edges), snapped to 17 + 4v (§5.3.1).
    var estimatedDimension: Int { Self.snappedDimension(moduleSpan + 7) }

    /// The side 17 + 4v (v in 1…40) nearest to `modules`.
    static func snappedDimension(_ modules: Double) -> Int {
        let version = Int(((modules - 17) / 4).rounded())
        return 17 + 4 * min(max(version, 1), 40)
    }

    /// Modules between the centres of the corner pattern and the other two,
    /// averaged. Module sizes come from runs along image rows and columns,
    /// which cross a pattern turned by θ (folded into ±45°) 1/cos θ times
    /// longer than its side: that factor is taken out using the direction of
    /// the top edge.
    ///
    /// Along a line seen in perspective, a module's length changes from m₀
    /// at one end to m₁ at the other, and the number of modules between the
    /// ends is exactly the distance divided by √(m₀m₁): the image position
    /// of module x is ax/(1+cx), whose slope is m₀ = a at x = 0 and
    /// m₁ = a/(1+cX)² at x = X, so X = distance/√(m₀m₁). An arithmetic mean
    /// of the sizes would overcount a steep view badly.
    var moduleSpan: Double { Self.moduleSpan(sideSpans) }

    /// ``moduleSpan`` from side spans already measured.
    static func moduleSpan(_ spans: (top: Double, left: Double)) -> Double {
        (spans.top + spans.left) / 2
    }

    /// Modules from the corner pattern's centre to each of the others'.
    var sideSpans: (top: Double, left: Double) {
        let top = topRight.centre - topLeft.centre, left = bottomLeft.centre - topLeft.centre
        let topLength = ImagePoint.dot(top, top).squareRoot(), leftLength = ImagePoint.dot(left, left).squareRoot()
        let cosine = max(abs(top.x), abs(top.y)) / topLength  // cos θ, θ folded into ±45°
        let topSize = (topLeft.moduleSize * topRight.moduleSize).squareRoot() * cosine
        let leftSize = (topLeft.moduleSize * bottomLeft.moduleSize).squareRoot() * cosine
        return (topLength / topSize, leftLength / leftSize)
    }
}

/// Picks triples of finder patterns that form plausible symbols
/// (ISO/IEC 18004:2015 §6.3.3: finders sit at three corners of a square).
enum FinderPatternGrouper {
    /// The most candidates considered; beyond this only the most often
    /// confirmed are kept, so a noisy image cannot make grouping cubic in
    /// thousands of false hits.
    static let maxCandidates = 48

    /// Plausible triples, most regular first. A candidate may appear in
    /// several triples; the caller decides which decode.
    static func triples(from candidates: [FinderCandidate]) -> [FinderTriple] {
        let pool = Array(candidates.filter(isPlausible).sorted { $0.count > $1.count }.prefix(maxCandidates))
        let count = pool.count
        // Each pair's distance in modules, worked out once rather than for
        // every third pattern it is grouped with.
        var spans = [Double](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) { spans[i * count + j] = modules(between: pool[i], pool[j]) }
        }
        var result: [FinderTriple] = []
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                // No third pattern can bring two sizes too far apart back
                // within ``maximumSizeRatio``: skip the inner loop.
                guard sizesAgree(pool[i].moduleSize, pool[j].moduleSize) else { continue }
                let ij = spans[i * count + j]
                for k in (j + 1)..<max(j + 1, count) {
                    let jk = spans[j * count + k], ik = spans[i * count + k]
                    // Whichever pattern is the corner, its two sides must
                    // span fewer than ``maximumSideSpans`` modules together.
                    guard min(ij + ik, ij + jk, ik + jk) < Self.maximumSideSpans else { continue }
                    appendOrientations(pool[i], pool[j], pool[k], modules: (ij, jk, ik), to: &result)
                }
            }
        }
        return mostRegularFirst(result)
    }

    /// A bound on the two sides' spans between a corner pattern and the
    /// others, in modules by ``modules(between:_:)``, that no triple exceeds:
    /// ``oriented(corner:_:_:sizeRange:confirmationPenalty:)`` wants their
    /// ``FinderTriple/sideSpans`` (never shorter: they take out a turn's
    /// cosine) to average under 183 modules, the centres of a version 40
    /// symbol's patterns being 170 apart. Grouping skips every three whose
    /// sides are all longer without working out their orientations: most
    /// of a textured page's patterns lie too far apart.
    static let maximumSideSpans = 370.0

    /// How many times one pattern's module may measure another's in one
    /// triple. A steep view makes the near patterns' modules up to about
    /// three times the far one's, and a far pattern squeezed along the tilt
    /// measures smaller still by rows and columns (3.4 times in the
    /// "foreshortened" distortion family).
    static let maximumSizeRatio = 4.0

    private static func sizesAgree(_ a: Double, _ b: Double) -> Bool {
        max(a, b) <= min(a, b) * maximumSizeRatio
    }

    /// Whether a candidate deserves grouping: a real pattern's three-module
    /// stone crosses several scan lines (about three per pixel of module
    /// size, fewer when blurred), while texture that happens to show the
    /// 1:1:3:1:1 ratio rarely does so on more than one.
    static func isPlausible(_ candidate: FinderCandidate) -> Bool {
        candidate.count >= max(2, Int(candidate.moduleSize * 0.75))
    }

    /// The ways three candidates can be one symbol's finders, oriented; none
    /// if they cannot be.
    ///
    /// Seen from the front, the corner pattern is opposite the longest side
    /// and the only one at a right angle. A steep view can make the diagonal
    /// shorter than a side and another corner look squarer (test image
    /// perspective-011 of the hard corpus), so for patterns confirmed well
    /// enough to be worth the extra attempts every corner that is square
    /// enough is offered, and decoding decides. Sides are compared in
    /// modules (``modules(between:_:)``): in pixels, a close, steep view
    /// shrinks the far side below the near one, and the diagonal of
    /// foreshortened-008 (seed-1 hard corpus) came out shorter than a side.
    static func orientations(_ a: FinderCandidate, _ b: FinderCandidate, _ c: FinderCandidate) -> [FinderTriple] {
        var result: [FinderTriple] = []
        appendOrientations(a, b, c, to: &result)
        return result
    }

    /// ``orientations(_:_:_:)`` appended to `result`. Grouping calls this
    /// for every three of up to ``maxCandidates`` patterns (17,296 of them),
    /// so it works on plain values and allocates nothing.
    private static func appendOrientations(
        _ a: FinderCandidate, _ b: FinderCandidate, _ c: FinderCandidate, to result: inout [FinderTriple]
    ) {
        appendOrientations(
            a, b, c, modules: (modules(between: a, b), modules(between: b, c), modules(between: c, a)), to: &result)
    }

    /// ``appendOrientations(_:_:_:to:)`` with the patterns' distances in
    /// modules (``modules(between:_:)``) already worked out: a to b, b to c,
    /// c to a.
    @inline(__always)
    private static func appendOrientations(
        _ a: FinderCandidate, _ b: FinderCandidate, _ c: FinderCandidate,
        modules distances: (ab: Double, bc: Double, ca: Double), to result: inout [FinderTriple]
    ) {
        let largest = max(a.moduleSize, b.moduleSize, c.moduleSize)
        let smallest = min(a.moduleSize, b.moduleSize, c.moduleSize)
        guard sizesAgree(largest, smallest) else { return }
        // Each corner with the side opposite it, longest side first (a
        // stable order, so that ties keep the order a, b, c).
        typealias Choice = (corner: FinderCandidate, first: FinderCandidate, second: FinderCandidate, opposite: Double)
        var x: Choice = (c, a, b, distances.ab)
        var y: Choice = (a, b, c, distances.bc)
        var z: Choice = (b, c, a, distances.ca)
        if y.opposite > x.opposite { swap(&x, &y) }
        if z.opposite > y.opposite {
            swap(&y, &z)
            if y.opposite > x.opposite { swap(&x, &y) }
        }
        let penalty = confirmationPenalty(a, b, c)
        // Module sizes averaged over rows and columns misjudge squeezed
        // patterns, so a second corner whose opposite side is within 15 %
        // of the longest in modules is offered too (foreshortened-002 of the
        // seed-2 hard corpus: 27.3 modules against the true diagonal's 25.6).
        // Patterns confirmed too weakly to be worth the extra attempts get
        // only those two, the others every corner.
        let choices = penalty > 0 ? (y.opposite >= x.opposite * 0.85 ? 2 : 1) : 3
        for index in 0..<choices {
            let choice = index == 0 ? x : index == 1 ? y : z
            if let triple = oriented(
                corner: choice.corner, choice.first, choice.second, sizeRange: largest - smallest,
                confirmationPenalty: penalty)
            {
                result.append(triple)
            }
        }
    }

    /// The distance between two patterns' centres in modules: along a line
    /// seen in perspective, the distance divided by the geometric mean of
    /// the module sizes at its ends (see ``FinderTriple/moduleSpan``).
    static func modules(between a: FinderCandidate, _ b: FinderCandidate) -> Double {
        a.centre.distance(to: b.centre) / (a.moduleSize * b.moduleSize).squareRoot()
    }

    /// The triple with `corner` as its top-left pattern, or nil if the
    /// others do not stand about square to it. `sizeRange` (largest module
    /// size less smallest) and `confirmationPenalty`
    /// (``confirmationPenalty(_:_:_:)``) are the three patterns', whatever
    /// their order, so the caller works them out once for all corners.
    private static func oriented(
        corner: FinderCandidate, _ first: FinderCandidate, _ second: FinderCandidate, sizeRange: Double,
        confirmationPenalty: Double
    ) -> FinderTriple? {
        var (p, q) = (first, second)
        let u = p.centre - corner.centre, v = q.centre - corner.centre
        let lengthU = (ImagePoint.dot(u, u)).squareRoot(), lengthV = (ImagePoint.dot(v, v)).squareRoot()
        let moduleSize = (corner.moduleSize + p.moduleSize + q.moduleSize) / 3
        guard min(lengthU, lengthV) >= 10 * moduleSize * 0.7, max(lengthU, lengthV) <= 3 * min(lengthU, lengthV) else {
            return nil
        }
        // Square within about 41°: perspective and shear open or close the
        // corner's angle; a label slanted by 0.8 and tilted meets at 131°
        // (shear-016 of the seed-1 hard corpus), a symbol tilted 60° about
        // its diagonal at 51° (shear-012).
        let cosine = ImagePoint.dot(u, v) / (lengthU * lengthV)
        guard abs(cosine) < 0.75 else { return nil }
        // In image coordinates (y down) a front-facing symbol turns clockwise
        // from its top-right to its bottom-left pattern.
        if ImagePoint.cross(u, v) < 0 { swap(&p, &q) }
        var triple = FinderTriple(topLeft: corner, topRight: p, bottomLeft: q, irregularity: 0)
        let spans = triple.sideSpans
        let span = FinderTriple.moduleSpan(spans) + 7
        let dimension = Double(FinderTriple.snappedDimension(span))
        guard span > 15 && span < 190 && abs(span - dimension) < 8 else { return nil }
        // Sides are compared in modules, not pixels, so that a steep view's
        // short far side is not held against it (see ``FinderTriple/moduleSpan``).
        triple.irregularity =
            abs(cosine) + abs(spans.top - spans.left) / max(spans.top, spans.left)
            + sizeRange / moduleSize / 4 + abs(span - dimension) / 8 + confirmationPenalty
        return triple
    }

    /// Texture that happens to show the 1:1:3:1:1 ratio is usually confirmed
    /// on one or two scan lines, whatever its size; a real pattern on about
    /// three per pixel of module size (``FinderPatternFinder``). Triples of
    /// barely confirmed patterns rank behind those of well-confirmed ones,
    /// which matters in dense symbols whose data modules mimic finders.
    private static func confirmationPenalty(_ a: FinderCandidate, _ b: FinderCandidate, _ c: FinderCandidate) -> Double
    {
        func lines(_ candidate: FinderCandidate) -> Double { Double(candidate.count) / max(candidate.moduleSize, 1) }
        return 0.5 * max(0, 2 - min(lines(a), lines(b), lines(c)))
    }

    /// `triples` in order of irregularity, ties in their given order. A
    /// textured image groups thousands of triples: sorting their keys and
    /// gathering the triples once moves far less than sorting the triples.
    private static func mostRegularFirst(_ triples: [FinderTriple]) -> [FinderTriple] {
        var keys = triples.enumerated().map { (irregularity: $0.element.irregularity, index: $0.offset) }
        keys.sort { ($0.irregularity, $0.index) < ($1.irregularity, $1.index) }
        return keys.map { triples[$0.index] }
    }

    /// The most candidates considered for recovering a missing pattern.
    static let maxPairCandidates = 10

    /// Triples completed from two well-confirmed patterns, for symbols whose
    /// third finder is damaged, covered or drowned in noise: the missing
    /// centre is placed where a square grid puts it — beside either pattern
    /// if the two share a side, or across the diagonal if they are opposite
    /// corners. The caller's timing-pattern check and decoding sort out the
    /// wrong guesses. `refine` moves a guess onto the pattern actually there,
    /// if one is (a damaged finder often still has edges to measure).
    static func completedTriples(
        from candidates: [FinderCandidate],
        refine: (FinderCandidate) -> FinderCandidate
    ) -> [FinderTriple] {
        let pool = Array(candidates.filter { $0.count >= 3 }.sorted { $0.count > $1.count }.prefix(maxPairCandidates))
        var result: [FinderTriple] = []
        for i in 0..<pool.count {
            for j in (i + 1)..<max(i + 1, pool.count) {
                let a = pool[i], b = pool[j]
                guard max(a.moduleSize, b.moduleSize) <= min(a.moduleSize, b.moduleSize) * 1.5 else { continue }
                for centre in missingCentres(a.centre, b.centre) {
                    let guess = refine(
                        FinderCandidate(centre: centre, moduleSize: (a.moduleSize + b.moduleSize) / 2, count: 0))
                    appendOrientations(a, b, guess, to: &result)
                }
            }
        }
        return mostRegularFirst(result)
    }

    /// The six places a third corner of a square can be, given two corners.
    private static func missingCentres(_ p: ImagePoint, _ q: ImagePoint) -> [ImagePoint] {
        let side = q - p
        let normal = ImagePoint(x: -side.y, y: side.x)
        let middle = (p + q) * 0.5
        return [p + normal, p - normal, q + normal, q - normal, middle + normal * 0.5, middle - normal * 0.5]
    }
}

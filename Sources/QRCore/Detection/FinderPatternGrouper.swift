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
    var estimatedDimension: Int {
        let modules = moduleSpan + 7
        let version = Int(((modules - 17) / 4).rounded())
        return 17 + 4 * min(max(version, 1), 40)
    }

    /// Modules between the centres of the corner pattern and the other two,
    /// averaged. Module sizes come from runs along image rows and columns,
    /// which cross a pattern turned by θ (folded into ±45°) 1/cos θ times
    /// longer than its side: that factor is taken out using the direction of
    /// the top edge.
    var moduleSpan: Double {
        let top = topRight.centre - topLeft.centre, left = bottomLeft.centre - topLeft.centre
        let topLength = Point.dot(top, top).squareRoot(), leftLength = Point.dot(left, left).squareRoot()
        let cosine = max(abs(top.x), abs(top.y)) / topLength  // cos θ, θ folded into ±45°
        let size = moduleSize * cosine
        return (topLength + leftLength) / 2 / size
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
        var result: [FinderTriple] = []
        for i in 0..<pool.count {
            for j in (i + 1)..<max(i + 1, pool.count) {
                for k in (j + 1)..<max(j + 1, pool.count) {
                    if let triple = orient(pool[i], pool[j], pool[k]) { result.append(triple) }
                }
            }
        }
        return result.sorted { $0.irregularity < $1.irregularity }
    }

    /// Whether a candidate deserves grouping: a real pattern's three-module
    /// stone crosses several scan lines (about three per pixel of module
    /// size, fewer when blurred), while texture that happens to show the
    /// 1:1:3:1:1 ratio rarely does so on more than one.
    static func isPlausible(_ candidate: FinderCandidate) -> Bool {
        candidate.count >= max(2, Int(candidate.moduleSize * 0.75))
    }

    /// Orients three candidates, or nil if they cannot be one symbol's finders.
    static func orient(_ a: FinderCandidate, _ b: FinderCandidate, _ c: FinderCandidate) -> FinderTriple? {
        let sizes = [a.moduleSize, b.moduleSize, c.moduleSize]
        guard sizes.max()! <= sizes.min()! * 2 else { return nil }
        // The corner pattern is opposite the longest side.
        let ab = a.centre.distance(to: b.centre), bc = b.centre.distance(to: c.centre), ca = c.centre.distance(to: a.centre)
        var (corner, p, q) = (a, b, c)
        if ab >= bc && ab >= ca { (corner, p, q) = (c, a, b) } else if ca >= bc && ca >= ab { (corner, p, q) = (b, c, a) }
        let u = p.centre - corner.centre, v = q.centre - corner.centre
        let lengthU = (Point.dot(u, u)).squareRoot(), lengthV = (Point.dot(v, v)).squareRoot()
        let moduleSize = (sizes[0] + sizes[1] + sizes[2]) / 3
        guard min(lengthU, lengthV) >= 10 * moduleSize * 0.7, max(lengthU, lengthV) <= 3 * min(lengthU, lengthV) else {
            return nil
        }
        let cosine = Point.dot(u, v) / (lengthU * lengthV)
        guard abs(cosine) < 0.5 else { return nil }
        // In image coordinates (y down) a front-facing symbol turns clockwise
        // from its top-right to its bottom-left pattern.
        if Point.cross(u, v) < 0 { swap(&p, &q) }
        let irregularity = abs(cosine) + abs(lengthU - lengthV) / max(lengthU, lengthV)
            + (sizes.max()! - sizes.min()!) / moduleSize
        var triple = FinderTriple(topLeft: corner, topRight: p, bottomLeft: q, irregularity: irregularity)
        let dimension = Double(triple.estimatedDimension)
        let span = triple.moduleSpan + 7
        guard span > 15 && span < 190 && abs(span - dimension) < 8 else { return nil }
        triple.irregularity += abs(span - dimension) / 8
        return triple
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
    static func completedTriples(from candidates: [FinderCandidate],
                                 refine: (FinderCandidate) -> FinderCandidate) -> [FinderTriple] {
        let pool = Array(candidates.filter { $0.count >= 3 }.sorted { $0.count > $1.count }.prefix(maxPairCandidates))
        var result: [FinderTriple] = []
        for i in 0..<pool.count {
            for j in (i + 1)..<max(i + 1, pool.count) {
                let a = pool[i], b = pool[j]
                guard max(a.moduleSize, b.moduleSize) <= min(a.moduleSize, b.moduleSize) * 1.5 else { continue }
                for centre in missingCentres(a.centre, b.centre) {
                    let guess = refine(FinderCandidate(centre: centre, moduleSize: (a.moduleSize + b.moduleSize) / 2, count: 0))
                    if let triple = orient(a, b, guess) { result.append(triple) }
                }
            }
        }
        return result.sorted { $0.irregularity < $1.irregularity }
    }

    /// The six places a third corner of a square can be, given two corners.
    private static func missingCentres(_ p: Point, _ q: Point) -> [Point] {
        let side = q - p
        let normal = Point(x: -side.y, y: side.x)
        let middle = (p + q) * 0.5
        return [p + normal, p - normal, q + normal, q - normal, middle + normal * 0.5, middle - normal * 0.5]
    }
}

/// Locates an alignment pattern (ISO/IEC 18004:2015 §6.3.6: a dark module in
/// a light ring in a dark ring, 5×5 modules) near where the finder patterns
/// predict it, to correct the grid for perspective and curvature.
struct AlignmentPatternFinder {
    let binary: BitMatrix

    /// A pattern found: its centre and how many of its 25 modules matched.
    struct Candidate: Sendable {
        let centre: ImagePoint
        let score: Int
    }

    /// The centre of the best alignment pattern within `radius` pixels of
    /// `predicted`, or nil if none is convincing (see ``candidates(near:right:down:radius:)``).
    func find(near predicted: ImagePoint, right: ImagePoint, down: ImagePoint, radius: Double) -> ImagePoint? {
        Self.best(
            of: candidates(near: predicted, right: right, down: down, radius: radius), near: predicted, radius: radius)
    }

    /// Among `candidates`, the one matching the most modules within `radius`
    /// of `predicted`, the nearest on ties.
    static func best(of candidates: [Candidate], near predicted: ImagePoint, radius: Double) -> ImagePoint? {
        var best: (point: ImagePoint, score: Int, distance: Double)?
        for candidate in candidates {
            let distance = candidate.centre.distance(to: predicted)
            guard distance <= radius else { continue }
            if best == nil || candidate.score > best!.score
                || (candidate.score == best!.score && distance < best!.distance)
            {
                best = (candidate.centre, candidate.score, distance)
            }
        }
        return best?.point
    }

    /// Every convincing alignment pattern within `radius` pixels of `predicted`.
    ///
    /// Row hits (a light, dark, light sequence of about one module each
    /// between dark runs, confirmed down its column) are candidates; each is
    /// then checked against the whole 5×5 pattern, sampled along the symbol's
    /// module axes `right` and `down` (one module each, in pixels), because
    /// data modules often mimic the small centre; at least 21 of the 25
    /// modules must match. Rows are scanned a third of a module apart, which
    /// still crosses every one-module centre.
    func candidates(near predicted: ImagePoint, right: ImagePoint, down: ImagePoint, radius: Double) -> [Candidate] {
        let moduleSize = (right.distance(to: ImagePoint(x: 0, y: 0)) + down.distance(to: ImagePoint(x: 0, y: 0))) / 2
        // A degenerate mapping can predict a point at infinity: nothing to search.
        guard predicted.x.isFinite, predicted.y.isFinite, radius.isFinite,
            abs(predicted.x) + radius < 1e9, abs(predicted.y) + radius < 1e9
        else { return [] }
        let top = max(0, Int(predicted.y - radius)), bottom = min(binary.height - 1, Int(predicted.y + radius))
        let left = max(0, Int(predicted.x - radius)), rightEdge = min(binary.width - 1, Int(predicted.x + radius))
        guard top < bottom, left < rightEdge else { return [] }
        var found: [Candidate] = []
        for y in Swift.stride(from: top, through: bottom, by: max(1, Int(moduleSize / 3))) {
            var x = left
            while x <= rightEdge {
                guard let hit = centreRun(fromX: x, y: y, right: rightEdge, moduleSize: moduleSize) else { break }
                x = hit.next
                guard
                    let centreY = verticalCentre(x: Int(hit.centre), y: y, moduleSize: moduleSize)
                        ?? verticalCentre(x: Int(hit.centre + 0.5), y: y, moduleSize: moduleSize)
                else { continue }
                let point = ImagePoint(x: hit.centre + 0.5, y: centreY + 0.5)
                guard point.distance(to: predicted) <= radius else { continue }
                if let score = templateScore(at: point, right: right, down: down) {
                    found.append(Candidate(centre: point, score: score))
                }
            }
        }
        return found
    }

    /// The most of the 25 template modules that may read wrong.
    private static let maximumTemplateMisses = 4

    /// How many of the pattern's 25 modules, sampled around `centre`, have
    /// the expected colour (dark centre, light ring, dark outer ring); nil
    /// once more than ``maximumTemplateMisses`` do not. Texture fails within
    /// a few modules, and the search tests every one-module dark run it
    /// crosses in ten modules around the predicted position.
    private func templateScore(at centre: ImagePoint, right: ImagePoint, down: ImagePoint) -> Int? {
        var misses = 0
        for dy in -2...2 {
            for dx in -2...2 {
                let p = centre + right * Double(dx) + down * Double(dy)
                let expectedDark = max(abs(dx), abs(dy)) != 1
                if binary.isSet(at: p) != expectedDark {
                    misses += 1
                    if misses > Self.maximumTemplateMisses { return nil }
                }
            }
        }
        return 25 - misses
    }

    /// The next dark run in row `y` from `x` that is about one module long and
    /// has light runs of about one module on both sides, each followed by dark.
    private func centreRun(fromX start: Int, y: Int, right: Int, moduleSize: Double) -> (centre: Double, next: Int)? {
        var x = start
        while x <= right {
            guard let darkStart = binary.firstColumn(dark: true, inRow: y, from: x, through: right),
                let end = binary.firstColumn(dark: false, inRow: y, from: darkStart, through: right)
            else { return nil }
            x = end
            let dark = x - darkStart
            if fitsModule(dark, moduleSize),
                let before = lightRun(x: darkStart - 1, y: y, dx: -1, moduleSize: moduleSize),
                let after = lightRun(x: x, y: y, dx: 1, moduleSize: moduleSize),
                fitsModule(before, moduleSize), fitsModule(after, moduleSize)
            {
                return (Double(darkStart) + Double(dark) / 2 - 0.5, x)
            }
        }
        return nil
    }

    /// The vertical centre of the dark run through (x, y) if it too is a
    /// module long between module-long light runs.
    private func verticalCentre(x: Int, y: Int, moduleSize: Double) -> Double? {
        guard binary.isSet(x: x, y: y) else { return nil }
        var top = y, bottom = y
        let limit = Int(moduleSize * 2) + 2
        while binary.isSet(x: x, y: top - 1) && y - top < limit { top -= 1 }
        while binary.isSet(x: x, y: bottom + 1) && bottom - y < limit { bottom += 1 }
        let dark = bottom - top + 1
        guard fitsModule(dark, moduleSize),
            let above = lightRun(x: x, y: top - 1, dx: 0, dy: -1, moduleSize: moduleSize),
            let below = lightRun(x: x, y: bottom + 1, dx: 0, dy: 1, moduleSize: moduleSize),
            fitsModule(above, moduleSize), fitsModule(below, moduleSize)
        else { return nil }
        return Double(top) + Double(dark) / 2 - 0.5
    }

    /// Length of the light run starting at (x, y) in direction (dx, dy), if a
    /// dark pixel ends it within two modules.
    private func lightRun(x: Int, y: Int, dx: Int, dy: Int = 0, moduleSize: Double) -> Int? {
        var length = 0, px = x, py = y
        let limit = Int(moduleSize * 2) + 2
        while inside(px, py) && !binary.uncheckedBit(x: px, y: py) {
            length += 1
            if length > limit { return nil }
            px += dx
            py += dy
        }
        return inside(px, py) ? length : nil
    }

    /// Whether a run could be one module: blur thins the small dark centre
    /// to a fraction of a module, so the lower bound is generous.
    private func fitsModule(_ length: Int, _ moduleSize: Double) -> Bool {
        Double(length) >= moduleSize * 0.25 && Double(length) <= moduleSize * 1.8 + 1
    }

    private func inside(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < binary.width && y < binary.height }
}

/// The four outer corners of a finder pattern, measured in the image.
///
/// A finder pattern's outer edges lie on straight lines of the symbol's
/// grid, so its corners carry what its centre cannot: the local direction
/// and foreshortening of the grid. Three finders give twelve corners, enough
/// to fit the perspective of a symbol that has no alignment pattern
/// (version 1) or whose alignment pattern cannot be found.
///
/// Rays leave the centre in 32 directions and stop where they leave the
/// outer dark ring. The symbol's approximate axes say which side each ray
/// ends on; rays aimed near a corner are left out, since a corner blurs and
/// a small error in aim there moves the end far. Each side's line is fitted
/// through its rays' ends, so a pattern foreshortened or sheared by a steep
/// view is measured in its own shape rather than along the assumed axes,
/// and adjacent lines meet at the corners.
struct FinderPatternOutline {
    let binary: BitMatrix
    /// Ray walks kept for the search this outline measures in, if any: a
    /// pattern's outline is measured for every triple it joins.
    var memo: OutlineRayMemo? = nil

    /// Unit vectors of the 32 ray directions, 11.25° apart: cos and sin of
    /// k·π/16, built from exact values at 0 and π/2 by the half-angle
    /// formulas, so no trigonometry library is needed.
    private static let directions: [ImagePoint] = {
        var quarter: [ImagePoint] = [ImagePoint(x: 1, y: 0)]  // angles 0, π/16, …, 7π/16
        for k in 1..<8 {
            let (c, s) = halfAngles(k)
            quarter.append(ImagePoint(x: c, y: s))
        }
        // Rotate the first quarter by 0, 90, 180 and 270 degrees.
        return (0..<4).flatMap { turn in
            quarter.map { p -> ImagePoint in
                switch turn {
                case 0: return p
                case 1: return ImagePoint(x: -p.y, y: p.x)
                case 2: return ImagePoint(x: -p.x, y: -p.y)
                default: return ImagePoint(x: p.y, y: -p.x)
                }
            }
        }
    }()

    /// cos and sin of k·π/16 for k in 1…7: the cosine and sine of π/16 come
    /// from cos(π/4) = √½ by halving the angle twice, and their powers by the
    /// angle sum formulas.
    private static func halfAngles(_ k: Int) -> (Double, Double) {
        let c8 = (0.5).squareRoot()  // cos π/4
        let c16 = ((1 + c8) / 2).squareRoot()  // cos π/8
        let c32 = ((1 + c16) / 2).squareRoot(), s32 = ((1 - c16) / 2).squareRoot()  // π/16
        var (c, s) = (1.0, 0.0)
        for _ in 0..<k { (c, s) = (c * c32 - s * s32, s * c32 + c * s32) }
        return (c, s)
    }

    /// Corners in the pattern's own order for a symbol whose module axes at
    /// the pattern are roughly `right` and `down` (one module long each): the
    /// corners at (−3.5, −3.5), (3.5, −3.5), (3.5, 3.5), (−3.5, 3.5) modules
    /// from the centre.
    ///
    /// The measurement is repeated once with the axes of the first result:
    /// a finder sheared by a steep view is a parallelogram whose sides the
    /// symbol's average axes misjudge, and its own edges judge them better.
    func corners(centre: ImagePoint, right: ImagePoint, down: ImagePoint) -> [ImagePoint]? {
        guard let first = measure(centre: centre, right: right, down: down) else { return nil }
        let ownRight = ((first[1] - first[0]) + (first[2] - first[3])) * (1.0 / 14)
        let ownDown = ((first[3] - first[0]) + (first[2] - first[1])) * (1.0 / 14)
        return measure(centre: centre, right: ownRight, down: ownDown) ?? first
    }

    /// One measurement of the corners along the given axes.
    private func measure(centre: ImagePoint, right: ImagePoint, down: ImagePoint) -> [ImagePoint]? {
        let moduleLength = (ImagePoint.dot(right, right).squareRoot() + ImagePoint.dot(down, down).squareRoot()) / 2
        guard moduleLength > 0.5, isDark(centre) else { return nil }
        // Each ray's end, and the rays ending on each side as bit sets, the
        // sides in corner order: top (−down), right, bottom (+down), left.
        // (Measured for every triple tried: no array per side.)
        var ends = [ImagePoint](repeating: centre, count: Self.directions.count)
        var sideRays = SIMD4<UInt32>()
        let reach = 6 * moduleLength
        let walks = memo?.walks(from: centre, reach: reach) { walkAll(from: centre, reach: reach, extending: $0) }
        for (index, direction) in Self.directions.enumerated() {
            guard let side = side(of: direction, right: right, down: down) else { continue }
            let walk = walks?[index] ?? RayWalk(binary: binary, from: centre, direction: direction, reach: reach)
            guard let distance = walk.outerEdge(reach: reach) else { continue }
            ends[index] = centre + direction * distance
            sideRays[side] |= 1 << UInt32(index)
        }
        var lines: [(point: ImagePoint, direction: ImagePoint)] = []
        lines.reserveCapacity(4)
        for side in 0..<4 {
            guard let line = Self.robustLine(ends, rays: sideRays[side], tolerance: moduleLength / 4) else {
                return nil
            }
            lines.append(line)
        }
        var result: [ImagePoint] = []
        result.reserveCapacity(4)
        for i in 0..<4 {
            guard let corner = Self.intersection(lines[(i + 3) % 4], lines[i]) else { return nil }
            result.append(corner)
        }
        return result
    }

    /// The pattern's width along a line through its centre in the direction
    /// of the unit vector `direction`: between the outer edges of its outer
    /// ring on either side, seven modules as long as the line crosses them.
    /// Unlike a module size averaged over rows and columns, this holds for a
    /// pattern squeezed by a steep view along the line in question; the walk
    /// reaches twice as far as for `moduleLength`, that average, since the
    /// modules along the line may be that much longer, and the rings' proportions
    /// may be off by the walk's quarter-pixel step: a small, squeezed
    /// pattern's one-pixel ring crossed obliquely must not fail by it.
    func width(centre: ImagePoint, along direction: ImagePoint, moduleLength: Double) -> Double? {
        guard isDark(centre),
            let ahead = outerEdge(from: centre, direction: direction, moduleLength: 2 * moduleLength, slack: 0.25),
            let behind = outerEdge(from: centre, direction: direction * -1, moduleLength: 2 * moduleLength, slack: 0.25)
        else { return nil }
        return ahead.distance(to: behind)
    }

    /// Which side (0 top, 1 right, 2 bottom, 3 left) a ray in `direction`
    /// ends on, judged in the symbol's axes, or nil if it is aimed within
    /// about 20° of a corner.
    private func side(of direction: ImagePoint, right: ImagePoint, down: ImagePoint) -> Int? {
        // Coordinates of the direction in the (right, down) basis.
        let determinant = ImagePoint.cross(right, down)
        guard abs(determinant) > 1e-9 else { return nil }
        let a = ImagePoint.cross(direction, down) / determinant, b = ImagePoint.cross(right, direction) / determinant
        guard abs(abs(a) - abs(b)) > 0.35 * max(abs(a), abs(b)) else { return nil }
        if abs(a) > abs(b) { return a > 0 ? 1 : 3 }
        return b > 0 ? 2 : 0
    }

    /// Where the ray from the centre (inside the stone) leaves the outer dark
    /// ring, within six modules (``RayWalk/outerEdge(reach:slack:)``).
    private func outerEdge(
        from start: ImagePoint, direction: ImagePoint, moduleLength: Double,
        slack: Double = 0
    ) -> ImagePoint? {
        let reach = 6 * moduleLength
        guard
            let distance = RayWalk(binary: binary, from: start, direction: direction, reach: reach)
                .outerEdge(reach: reach, slack: slack)
        else { return nil }
        return start + direction * distance
    }

    /// The walks of all 32 rays from `centre`, each up to `reach` pixels:
    /// those `kept` from a shorter reach are continued where they stopped.
    private func walkAll(from centre: ImagePoint, reach: Double, extending kept: [RayWalk]?) -> [RayWalk] {
        guard var walks = kept else {
            return Self.directions.map { RayWalk(binary: binary, from: centre, direction: $0, reach: reach) }
        }
        for index in walks.indices where !walks[index].answers(reach: reach) {
            walks[index].extend(binary: binary, from: centre, direction: Self.directions[index], reach: reach)
        }
        return walks
    }

    /// The least-squares line through the points of `rays` (a bit set of
    /// indices into `points`), dropping the worst one and fitting again while
    /// a point lies farther than `tolerance` from the line and at least
    /// three remain; nil with fewer than two points.
    private static func robustLine(
        _ points: [ImagePoint], rays: UInt32, tolerance: Double
    ) -> (point: ImagePoint, direction: ImagePoint)? {
        var kept = rays
        while kept.nonzeroBitCount >= 2 {
            let line = fitLine(points, rays: kept)
            let length = ImagePoint.dot(line.direction, line.direction).squareRoot()
            // The farthest point, the first of equals.
            var worst = -1, worstDistance = 0.0
            for index in Self.indices(kept) {
                let distance = abs(ImagePoint.cross(points[index] - line.point, line.direction)) / length
                if worst < 0 || distance > worstDistance { (worst, worstDistance) = (index, distance) }
            }
            guard worstDistance > tolerance, kept.nonzeroBitCount >= 3 else { return line }
            kept &= ~(1 << UInt32(worst))
        }
        return nil
    }

    /// The indices set in `bits`, in increasing order.
    private static func indices(_ bits: UInt32) -> some Sequence<Int> {
        sequence(state: bits) { rest -> Int? in
            guard rest != 0 else { return nil }
            let index = rest.trailingZeroBitCount
            rest &= rest - 1
            return index
        }
    }

    /// The least-squares line through the points of `rays`: their centroid
    /// and the principal direction of their scatter.
    private static func fitLine(_ points: [ImagePoint], rays: UInt32) -> (point: ImagePoint, direction: ImagePoint) {
        let n = Double(rays.nonzeroBitCount)
        var sum = ImagePoint(x: 0, y: 0)
        for index in indices(rays) { sum = sum + points[index] }
        let mean = sum * (1 / n)
        var xx = 0.0, xy = 0.0, yy = 0.0
        for index in indices(rays) {
            let d = points[index] - mean
            xx += d.x * d.x; xy += d.x * d.y; yy += d.y * d.y
        }
        // The eigenvector of the larger eigenvalue of [[xx, xy], [xy, yy]].
        let largest = (xx + yy) / 2 + (((xx - yy) / 2) * ((xx - yy) / 2) + xy * xy).squareRoot()
        let direction =
            abs(xy) > 1e-12
            ? ImagePoint(x: largest - yy, y: xy) : (xx >= yy ? ImagePoint(x: 1, y: 0) : ImagePoint(x: 0, y: 1))
        return (mean, direction)
    }

    private func isDark(_ p: ImagePoint) -> Bool { binary.isSet(at: p) }

    /// The meeting point of two lines given as point and direction.
    static func intersection(
        _ a: (point: ImagePoint, direction: ImagePoint), _ b: (point: ImagePoint, direction: ImagePoint)
    ) -> ImagePoint? {
        let denominator = ImagePoint.cross(a.direction, b.direction)
        guard abs(denominator) > 1e-9 else { return nil }
        let t = ImagePoint.cross(b.point - a.point, b.direction) / denominator
        return a.point + a.direction * t
    }
}

/// One ray's walk out of a finder pattern's centre: the first three colour
/// changes (leaving the stone, the light ring and the outer dark ring), at
/// quarter-pixel steps.
struct RayWalk {
    /// Distances of the changes found; the first `found` are valid.
    private var changes = (0.0, 0.0, 0.0)
    private var found = 0
    /// How far the walk was allowed to go.
    private(set) var reach = 0.0
    /// Where the walk stopped, and the colour it saw last.
    private var t = 0.0
    private var previous = true

    /// Walks from `start` along the unit vector `direction` until the third
    /// change or until the step reaches `reach` pixels.
    init(binary: BitMatrix, from start: ImagePoint, direction: ImagePoint, reach: Double) {
        extend(binary: binary, from: start, direction: direction, reach: reach)
    }

    /// Continues the walk up to `reach` pixels (the same start and
    /// direction): it takes the steps a walk of that reach from the start
    /// would have taken after this one's, so it ends as that walk would.
    mutating func extend(binary: BitMatrix, from start: ImagePoint, direction: ImagePoint, reach: Double) {
        self.reach = max(self.reach, reach)
        guard t < reach && found < 3 else { return }
        // The steps fall from t + 0.25 to below reach + 0.25: when both ends
        // lie on the image, so does every step (``BitMatrix/uncheckedBit(_:at:)``).
        let inside =
            binary.contains(start + direction * (t + 0.25)) && binary.contains(start + direction * (reach + 0.25))
        // Local copies: the walk's state in a closure would be checked for
        // exclusive access at every step.
        var (t, found, previous, changes) = (t, found, previous, changes)
        binary.words.withUnsafeBufferPointer { words in
            while t < reach && found < 3 {
                t += 0.25
                let point = start + direction * t
                let dark = inside ? binary.uncheckedBit(words, at: point) : binary.isSet(at: point)
                if dark != previous {
                    switch found {
                    case 0: changes.0 = t - 0.125
                    case 1: changes.1 = t - 0.125
                    default: changes.2 = t - 0.125
                    }
                    found += 1
                }
                previous = dark
            }
        }
        (self.t, self.found, self.previous, self.changes) = (t, found, previous, changes)
    }

    /// Whether a walk of `reach` pixels from the same start gives the same
    /// answer as this one: the steps are the same, so a shorter walk sees a
    /// prefix of them. A longer one may find changes this one did not.
    func answers(reach other: Double) -> Bool { found == 3 || other <= reach }

    /// The distance at which the ray leaves the outer dark ring, had it been
    /// walked only up to `reach` (at most the walk's own unless the walk
    /// found all three changes). Along any ray the stone's half (1.5
    /// modules) and the two rings (1 module each) keep their proportions, so
    /// a ray whose rings are far out of proportion crossed a blurred-shut
    /// ring or strayed into data modules, and is dropped; `slack` pixels
    /// either way are forgiven.
    func outerEdge(reach limit: Double, slack: Double = 0) -> Double? {
        // The walk of `limit` takes the step at t only while t − 0.25 < limit,
        // and the third change was seen at the step t = changes.2 + 0.125.
        guard found == 3, changes.2 - 0.125 < limit else { return nil }
        let stone = changes.0, ring = changes.1 - changes.0, outer = changes.2 - changes.1
        let proportionate = { (run: Double) in run >= 0.3 * stone - slack && run <= 1.4 * stone + slack }
        guard proportionate(ring), proportionate(outer) else { return nil }
        return changes.2
    }
}

/// The ray walks from finder-pattern centres in one binary image, kept so
/// that each is walked once: a pattern's outline is measured twice for each
/// triple it joins (``FinderPatternOutline/corners(centre:right:down:)``)
/// and twice more for each Micro QR and rMQR frame, always along the same
/// 32 rays from the same centre; only how far they may reach differs.
/// Belongs to one search on one thread.
final class OutlineRayMemo {
    private var walks: [ImagePoint: [RayWalk]] = [:]

    /// The walks from `centre`, walked by `walk` again if any of those kept
    /// would not answer for `reach` (``RayWalk/answers(reach:)``).
    /// `walk` is given the walks kept, if any, to continue.
    func walks(from centre: ImagePoint, reach: Double, walk: ([RayWalk]?) -> [RayWalk]) -> [RayWalk] {
        let kept = walks[centre]
        if let kept, kept.allSatisfy({ $0.answers(reach: reach) }) { return kept }
        let walked = walk(kept)
        walks[centre] = walked
        return walked
    }
}

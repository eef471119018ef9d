/// A projective mapping of the plane (a homography), used to map symbol
/// coordinates in modules to image pixels. A photographed flat symbol is a
/// projective image of its square grid, so four point pairs fix the mapping.
struct PerspectiveTransform: Sendable {
    // Row-major 3×3 matrix; (x, y) ↦ ((a x + b y + c) / (g x + h y + i), (d x + e y + f) / (g x + h y + i)).
    private var a, b, c, d, e, f, g, h, i: Double

    /// The transform taking the unit square's corners (0,0), (1,0), (1,1), (0,1)
    /// to `p0`…`p3`, in closed form (Heckbert, "Fundamentals of Texture Mapping", §2.2.3).
    static func unitSquare(
        to p0: ImagePoint, _ p1: ImagePoint, _ p2: ImagePoint, _ p3: ImagePoint
    ) -> PerspectiveTransform {
        let sx = p0.x - p1.x + p2.x - p3.x, sy = p0.y - p1.y + p2.y - p3.y
        if abs(sx) < 1e-12 && abs(sy) < 1e-12 {  // a parallelogram: affine
            return PerspectiveTransform(
                a: p1.x - p0.x, b: p2.x - p1.x, c: p0.x,
                d: p1.y - p0.y, e: p2.y - p1.y, f: p0.y, g: 0, h: 0, i: 1)
        }
        let dx1 = p1.x - p2.x, dx2 = p3.x - p2.x, dy1 = p1.y - p2.y, dy2 = p3.y - p2.y
        let denominator = dx1 * dy2 - dx2 * dy1
        let g = (sx * dy2 - dx2 * sy) / denominator
        let h = (dx1 * sy - sx * dy1) / denominator
        return PerspectiveTransform(
            a: p1.x - p0.x + g * p1.x, b: p3.x - p0.x + h * p3.x, c: p0.x,
            d: p1.y - p0.y + g * p1.y, e: p3.y - p0.y + h * p3.y, f: p0.y,
            g: g, h: h, i: 1)
    }

    /// The transform taking quadrilateral `from` to quadrilateral `to`
    /// (each four points in the order of the unit square's corners).
    static func quadrilateral(_ from: [ImagePoint], to: [ImagePoint]) -> PerspectiveTransform? {
        let source = unitSquare(to: from[0], from[1], from[2], from[3])
        guard let inverse = source.inverted() else { return nil }
        return inverse.then(unitSquare(to: to[0], to[1], to[2], to[3]))
    }

    /// The least-squares homography for four or more point pairs (direct linear
    /// transform with h₃₃ = 1), for when more than four correspondences are known.
    static func fitting(_ from: [ImagePoint], to: [ImagePoint]) -> PerspectiveTransform? {
        precondition(from.count == to.count && from.count >= 4)
        var equations = NormalEquations()
        for (p, q) in zip(from, to) { equations.add(p, q) }
        return equations.solution()
    }

    /// The normal equations of ``fitting(_:to:)``, accumulated one pair at a
    /// time, so that a caller refitting after every new pair pays for that
    /// pair alone rather than for all of them again.
    struct NormalEquations {
        private var normal = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 8)
        private(set) var count = 0

        mutating func add(_ p: ImagePoint, _ q: ImagePoint) {
            let rows: [[Double]] = [
                [p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x, q.x],
                [0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y, q.y],
            ]
            for row in rows {
                for r in 0..<8 {
                    for col in 0..<9 { normal[r][col] += row[r] * row[col] }
                }
            }
            count += 1
        }

        /// The homography, or nil with fewer than four pairs or when they are
        /// nearly collinear, which leaves the system all but singular (its
        /// "solution" can overflow).
        func solution() -> PerspectiveTransform? {
            guard count >= 4, let s = LinearSystem.solve(normal), s.allSatisfy(\.isFinite) else { return nil }
            return PerspectiveTransform(a: s[0], b: s[1], c: s[2], d: s[3], e: s[4], f: s[5], g: s[6], h: s[7], i: 1)
        }
    }

    /// The least-squares affine map taking `from` to `to` (three or more
    /// pairs, not all on one line): a perspective without vanishing points.
    static func affineFitting(_ from: [ImagePoint], to: [ImagePoint]) -> PerspectiveTransform? {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: 5), count: 3)
        for (p, q) in zip(from, to) {
            let basis = [p.x, p.y, 1.0]
            for r in 0..<3 {
                for c in 0..<3 { rows[r][c] += basis[r] * basis[c] }
                rows[r][3] += basis[r] * q.x
                rows[r][4] += basis[r] * q.y
            }
        }
        let xs = rows.map { Array($0[0..<4]) }, ys = rows.map { Array($0[0..<3]) + [$0[4]] }
        guard let u = LinearSystem.solve(xs), let v = LinearSystem.solve(ys), (u + v).allSatisfy(\.isFinite)
        else { return nil }
        return PerspectiveTransform(a: u[0], b: u[1], c: u[2], d: v[0], e: v[1], f: v[2], g: 0, h: 0, i: 1)
    }

    /// A least-squares fit that drops the worst-fitting pair and fits again
    /// while any pair lies more than `tolerance` pixels off, giving up once a
    /// third of the pairs are gone: a few misplaced measurements (a blurred
    /// corner, a boundary read through damage) must not bend the whole grid.
    static func robustFit(_ from: [ImagePoint], to: [ImagePoint], tolerance: Double) -> PerspectiveTransform? {
        var source = from, target = to
        while source.count * 3 >= from.count * 2 && source.count >= 4 {
            guard let fit = fitting(source, to: target) else { return nil }
            let errors = zip(source, target).map { fit.apply($0).distance(to: $1) }
            let worst = errors.indices.max { errors[$0] < errors[$1] }!
            if errors[worst] <= tolerance { return fit }
            source.remove(at: worst)
            target.remove(at: worst)
        }
        return nil
    }

    /// Maps a point.
    @inline(__always)
    func apply(_ x: Double, _ y: Double) -> ImagePoint {
        let w = g * x + h * y + i
        return ImagePoint(x: (a * x + b * y + c) / w, y: (d * x + e * y + f) / w)
    }

    @inline(__always)
    func apply(_ p: ImagePoint) -> ImagePoint { apply(p.x, p.y) }

    /// The inverse mapping (the adjugate matrix; a homography is defined up to scale).
    func inverted() -> PerspectiveTransform? {
        let determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        guard abs(determinant) > 1e-12 else { return nil }
        return PerspectiveTransform(
            a: e * i - f * h, b: c * h - b * i, c: b * f - c * e,
            d: f * g - d * i, e: a * i - c * g, f: c * d - a * f,
            g: d * h - e * g, h: b * g - a * h, i: a * e - b * d)
    }

    /// This transform followed by `next`.
    func then(_ next: PerspectiveTransform) -> PerspectiveTransform {
        let n = next
        return PerspectiveTransform(
            a: n.a * a + n.b * d + n.c * g, b: n.a * b + n.b * e + n.c * h, c: n.a * c + n.b * f + n.c * i,
            d: n.d * a + n.e * d + n.f * g, e: n.d * b + n.e * e + n.f * h, f: n.d * c + n.e * f + n.f * i,
            g: n.g * a + n.h * d + n.i * g, h: n.g * b + n.h * e + n.i * h, i: n.g * c + n.h * f + n.i * i)
    }
}

/// Gaussian elimination with partial pivoting for small dense systems.
enum LinearSystem {
    /// Solves the n×n system given as n rows of n coefficients plus the right-hand side.
    static func solve(_ augmented: [[Double]]) -> [Double]? {
        var m = augmented
        let n = m.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            guard abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                if factor == 0 { continue }
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }
}

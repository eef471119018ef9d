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
        /// The 8 × 9 augmented system, row by row, in one flat array: the
        /// search adds pairs by the million, and an array per row cost an
        /// allocation and a uniqueness check per element updated.
        private var normal = [Double](repeating: 0, count: 72)
        private(set) var count = 0

        mutating func add(_ p: ImagePoint, _ q: ImagePoint) {
            // The pair's two equations, for x and then for y.
            let x = (p.x, p.y, 1.0, 0.0, 0.0, 0.0, -p.x * q.x, -p.y * q.x, q.x)
            let y = (0.0, 0.0, 0.0, p.x, p.y, 1.0, -p.x * q.y, -p.y * q.y, q.y)
            accumulate(x)
            accumulate(y)
            count += 1
        }

        /// Adds an equation's outer product with itself (its last entry is
        /// the right-hand side).
        private mutating func accumulate(
            _ equation: (Double, Double, Double, Double, Double, Double, Double, Double, Double)
        ) {
            var equation = equation
            // A tuple of one type is laid out as its elements in order.
            withUnsafePointer(to: &equation) { tuple in
                tuple.withMemoryRebound(to: Double.self, capacity: 9) { row in
                    normal.withUnsafeMutableBufferPointer { normal in
                        for r in 0..<8 {
                            for col in 0..<9 { normal[r * 9 + col] += row[r] * row[col] }
                        }
                    }
                }
            }
        }

        /// The homography, or nil with fewer than four pairs or when they are
        /// nearly collinear, which leaves the system all but singular (its
        /// "solution" can overflow).
        func solution() -> PerspectiveTransform? {
            guard count >= 4 else { return nil }
            // Solved in scratch space: an edge walk refits after every
            // module it measures.
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: 72 + 8) { scratch in
                let system = UnsafeMutableBufferPointer(rebasing: scratch[0..<72])
                let s = UnsafeMutableBufferPointer(rebasing: scratch[72..<80])
                _ = system.initialize(from: normal)
                guard LinearSystem.solve(system, size: 8, into: s), s.allSatisfy(\.isFinite) else { return nil }
                return PerspectiveTransform(
                    a: s[0], b: s[1], c: s[2], d: s[3], e: s[4], f: s[5], g: s[6], h: s[7], i: 1)
            }
        }
    }

    /// The least-squares affine map taking `from` to `to` (three or more
    /// pairs, not all on one line): a perspective without vanishing points.
    static func affineFitting(_ from: [ImagePoint], to: [ImagePoint]) -> PerspectiveTransform? {
        // In scratch space, no array: the rMQR edge walk refits after every
        // module near the finder.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 15 + 12 + 12 + 6) { scratch in
            // Rows of basis · basisᵀ with basis · qx and basis · qy beside them.
            let sums = UnsafeMutableBufferPointer(rebasing: scratch[0..<15])
            sums.initialize(repeating: 0)
            for (p, q) in zip(from, to) {
                let basis = (p.x, p.y, 1.0)
                for r in 0..<3 {
                    let br = r == 0 ? basis.0 : r == 1 ? basis.1 : basis.2
                    sums[r * 5 + 0] += br * basis.0
                    sums[r * 5 + 1] += br * basis.1
                    sums[r * 5 + 2] += br * basis.2
                    sums[r * 5 + 3] += br * q.x
                    sums[r * 5 + 4] += br * q.y
                }
            }
            // The two 3 × 3 systems share their coefficients: columns 0–2, then 3 or 4.
            let xs = UnsafeMutableBufferPointer(rebasing: scratch[15..<27])
            let ys = UnsafeMutableBufferPointer(rebasing: scratch[27..<39])
            for r in 0..<3 {
                for k in 0..<3 {
                    xs[r * 4 + k] = sums[r * 5 + k]
                    ys[r * 4 + k] = sums[r * 5 + k]
                }
                xs[r * 4 + 3] = sums[r * 5 + 3]
                ys[r * 4 + 3] = sums[r * 5 + 4]
            }
            let u = UnsafeMutableBufferPointer(rebasing: scratch[39..<42])
            let v = UnsafeMutableBufferPointer(rebasing: scratch[42..<45])
            guard LinearSystem.solve(xs, size: 3, into: u), LinearSystem.solve(ys, size: 3, into: v),
                u.allSatisfy(\.isFinite), v.allSatisfy(\.isFinite)
            else { return nil }
            return PerspectiveTransform(a: u[0], b: u[1], c: u[2], d: v[0], e: v[1], f: v[2], g: 0, h: 0, i: 1)
        }
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
    /// Solves the n×n system given as its n rows of n coefficients plus the
    /// right-hand side, laid end to end in `m` (n = `size`), which it
    /// overwrites; `solution` receives the n unknowns. Returns false for a
    /// singular system. The caller's memory, not arrays: the fits refit
    /// after every module an edge walk measures.
    static func solve(
        _ m: UnsafeMutableBufferPointer<Double>, size n: Int, into solution: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        let width = n + 1
        for column in 0..<n {
            // The first of the largest in magnitude, as max(by:) picks.
            var pivot = column
            for row in (column + 1)..<n where abs(m[row * width + column]) > abs(m[pivot * width + column]) {
                pivot = row
            }
            guard abs(m[pivot * width + column]) > 1e-12 else { return false }
            if pivot != column {
                for k in 0..<width { m.swapAt(column * width + k, pivot * width + k) }
            }
            for row in 0..<n where row != column {
                let factor = m[row * width + column] / m[column * width + column]
                if factor == 0 { continue }
                for k in column...n { m[row * width + k] -= factor * m[column * width + k] }
            }
        }
        for row in 0..<n { solution[row] = m[row * width + n] / m[row * width + row] }
        return true
    }
}

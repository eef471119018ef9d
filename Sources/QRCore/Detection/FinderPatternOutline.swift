/// The four outer corners of a finder pattern, measured in the image.
///
/// A finder pattern's outer edges lie on straight lines of the symbol's
/// grid, so its corners carry what its centre cannot: the local direction
/// and foreshortening of the grid. Three finders give twelve corners, enough
/// to fit the perspective of a symbol that has no alignment pattern
/// (version 1) or whose alignment pattern cannot be found.
///
/// Each side is found by walking three rays outwards from the stone, one
/// module apart, to the outer edge (the dark-to-light step after the light
/// ring); the rays' ends give the side's line, and adjacent lines meet at
/// the corners.
struct FinderPatternOutline {
    let binary: BitMatrix

    /// Corners in the pattern's own order for a symbol whose module axes at
    /// the pattern are `right` and `down` (one module long each): the corners
    /// at (−3.5, −3.5), (3.5, −3.5), (3.5, 3.5), (−3.5, 3.5) modules from the centre.
    func corners(centre: Point, right: Point, down: Point) -> [Point]? {
        var lines: [(point: Point, direction: Point)] = []
        for (normal, tangent) in [(down * -1, right), (right, down), (down, right), (right * -1, down)] {
            guard let line = edgeLine(centre: centre, normal: normal, tangent: tangent) else { return nil }
            lines.append(line)
        }
        var result: [Point] = []
        for i in 0..<4 {
            guard let corner = Self.intersection(lines[(i + 3) % 4], lines[i]) else { return nil }
            result.append(corner)
        }
        return result
    }

    /// The outer edge on the side that `normal` points to, as a point and a direction.
    private func edgeLine(centre: Point, normal: Point, tangent: Point) -> (point: Point, direction: Point)? {
        var ends: [Point] = []
        for offset in [-1.0, 0, 1.0] {
            guard let end = outerEdge(from: centre + tangent * offset, normal: normal) else { continue }
            ends.append(end)
        }
        guard ends.count >= 2 else { return nil }
        return (ends[0], ends[ends.count - 1] - ends[0])
    }

    /// Where the ray from `start` along `normal` leaves the outer dark ring:
    /// the first light-to-dark step beyond 1.8 modules (into the outer ring),
    /// then the next dark-to-light step. Steps are a quarter pixel.
    private func outerEdge(from start: Point, normal: Point) -> Point? {
        let moduleLength = Point.dot(normal, normal).squareRoot()
        guard moduleLength > 0.5 else { return nil }
        let step = 0.25 / moduleLength  // in modules
        var t = 1.8, inOuterRing = false, previous = isDark(start + normal * t)
        while t < 5.5 {
            t += step
            let dark = isDark(start + normal * t)
            if !inOuterRing && dark && !previous { inOuterRing = true }
            if inOuterRing && !dark && previous { return start + normal * (t - step / 2) }
            previous = dark
        }
        return nil
    }

    private func isDark(_ p: Point) -> Bool {
        let x = Int(p.x.rounded(.down)), y = Int(p.y.rounded(.down))
        return x >= 0 && y >= 0 && x < binary.width && y < binary.height && binary[x, y]
    }

    /// The meeting point of two lines given as point and direction.
    static func intersection(_ a: (point: Point, direction: Point), _ b: (point: Point, direction: Point)) -> Point? {
        let denominator = Point.cross(a.direction, b.direction)
        guard abs(denominator) > 1e-9 else { return nil }
        let t = Point.cross(b.point - a.point, b.direction) / denominator
        return a.point + a.direction * t
    }
}

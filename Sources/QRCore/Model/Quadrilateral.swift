/// Four corners of a symbol, named in the symbol's own reading order,
/// whatever its rotation in the image: the top-left corner is the one
/// beside the finder pattern that has finders to its right and below.
public struct Quadrilateral: Sendable, Hashable, CustomStringConvertible {
    /// The symbol's top-left corner, as the symbol is read (not as the image shows it).
    public var topLeft: ImagePoint
    /// The symbol's top-right corner.
    public var topRight: ImagePoint
    /// The symbol's bottom-right corner.
    public var bottomRight: ImagePoint
    /// The symbol's bottom-left corner.
    public var bottomLeft: ImagePoint

    /// The quadrilateral with these four corners.
    public init(topLeft: ImagePoint, topRight: ImagePoint, bottomRight: ImagePoint, bottomLeft: ImagePoint) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomRight = bottomRight
        self.bottomLeft = bottomLeft
    }

    /// The corners clockwise from the top-left, as the symbol reads.
    public var points: [ImagePoint] { [topLeft, topRight, bottomRight, bottomLeft] }

    /// The mean of the four corners.
    public var center: ImagePoint {
        ImagePoint(
            x: (topLeft.x + topRight.x + bottomRight.x + bottomLeft.x) / 4,
            y: (topLeft.y + topRight.y + bottomRight.y + bottomLeft.y) / 4)
    }

    /// The four corners, top-left first, clockwise.
    public var description: String {
        "[\(topLeft), \(topRight), \(bottomRight), \(bottomLeft)]"
    }

    /// The quadrilateral with every coordinate multiplied by `factor`.
    func scaled(by factor: Double) -> Quadrilateral {
        Quadrilateral(
            topLeft: topLeft * factor, topRight: topRight * factor,
            bottomRight: bottomRight * factor, bottomLeft: bottomLeft * factor)
    }

    /// Whether `point` lies inside the quadrilateral (or on its edge),
    /// which must be convex, as a symbol's outline is; either winding.
    func contains(_ point: ImagePoint) -> Bool {
        let corners = points
        var sign = 0.0
        for i in 0..<4 {
            let edge = corners[(i + 1) % 4] - corners[i]
            let side = ImagePoint.cross(edge, point - corners[i])
            if side * sign < 0 { return false }
            if side != 0 { sign = side }
        }
        return true
    }

    /// The corners of a `width`×`height` grid in module units.
    init(gridWidth width: Int, height: Int) {
        let (right, bottom) = (Double(width), Double(height))
        self.init(
            topLeft: ImagePoint(x: 0, y: 0), topRight: ImagePoint(x: right, y: 0),
            bottomRight: ImagePoint(x: right, y: bottom), bottomLeft: ImagePoint(x: 0, y: bottom))
    }
}

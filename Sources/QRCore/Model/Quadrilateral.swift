/// Four corners of a symbol, named in the symbol's own reading order,
/// whatever its rotation in the image: the top-left corner is the one
/// beside the finder pattern that has finders to its right and below.
public struct Quadrilateral: Sendable, Hashable, CustomStringConvertible {
    public var topLeft: ImagePoint
    public var topRight: ImagePoint
    public var bottomRight: ImagePoint
    public var bottomLeft: ImagePoint

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
        ImagePoint(x: (topLeft.x + topRight.x + bottomRight.x + bottomLeft.x) / 4,
                   y: (topLeft.y + topRight.y + bottomRight.y + bottomLeft.y) / 4)
    }

    public var description: String {
        "[\(topLeft), \(topRight), \(bottomRight), \(bottomLeft)]"
    }

    /// The quadrilateral with every coordinate multiplied by `factor`.
    func scaled(by factor: Double) -> Quadrilateral {
        Quadrilateral(topLeft: topLeft * factor, topRight: topRight * factor,
                      bottomRight: bottomRight * factor, bottomLeft: bottomLeft * factor)
    }

    /// The corners of a `size`×`size` grid in module units.
    init(gridSize size: Int) {
        let side = Double(size)
        self.init(topLeft: ImagePoint(x: 0, y: 0), topRight: ImagePoint(x: side, y: 0),
                  bottomRight: ImagePoint(x: side, y: side), bottomLeft: ImagePoint(x: 0, y: side))
    }
}

/// A point in image coordinates (pixels; x right, y down) or in symbol
/// coordinates (modules), depending on context.
public struct ImagePoint: Sendable, Hashable, CustomStringConvertible {
    /// Pixels from the left edge of the image.
    public var x: Double
    /// Pixels from the top edge of the image.
    public var y: Double

    /// The point at `x` pixels from the left and `y` from the top.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The coordinates as "(x, y)".
    public var description: String { "(\(x), \(y))" }

    static func + (a: ImagePoint, b: ImagePoint) -> ImagePoint { ImagePoint(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: ImagePoint, b: ImagePoint) -> ImagePoint { ImagePoint(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: ImagePoint, k: Double) -> ImagePoint { ImagePoint(x: a.x * k, y: a.y * k) }

    /// Euclidean distance.
    func distance(to other: ImagePoint) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The z component of the cross product of `a` and `b` taken as vectors.
    static func cross(_ a: ImagePoint, _ b: ImagePoint) -> Double { a.x * b.y - a.y * b.x }
    /// The dot product.
    static func dot(_ a: ImagePoint, _ b: ImagePoint) -> Double { a.x * b.x + a.y * b.y }
}

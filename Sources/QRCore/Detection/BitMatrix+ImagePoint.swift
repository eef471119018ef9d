extension BitMatrix {
    /// Whether the pixel containing image point `p` is set; points off the
    /// image, including the infinite and NaN points that a degenerate
    /// perspective can produce from a fuzzed or cluttered image, are not.
    @inline(__always)
    func isSet(at p: ImagePoint) -> Bool {
        guard p.x >= 0, p.y >= 0, p.x < Double(width), p.y < Double(height) else { return false }
        return self[Int(p.x), Int(p.y)]
    }
}

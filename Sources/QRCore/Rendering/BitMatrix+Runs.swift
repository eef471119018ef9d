extension BitMatrix {
    /// Calls `body` with each maximal run of dark modules in row `y`, left to
    /// right, as a half-open column range. Renderers draw runs rather than
    /// modules: one SVG rectangle or one bit fill per run.
    /// - Complexity: O(`width`).
    func forEachDarkRun(inRow y: Int, _ body: (Range<Int>) -> Void) {
        var x = 0
        while x < width {
            guard self[x, y] else {
                x += 1
                continue
            }
            let start = x
            while x < width, self[x, y] { x += 1 }
            body(start..<x)
        }
    }
}

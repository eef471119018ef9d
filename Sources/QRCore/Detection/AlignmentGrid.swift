/// Corrects the grid locally, for perspective that four points do not fit
/// and for curved or creased symbols, using every alignment pattern of the
/// version (ISO/IEC 18004:2015 §6.3.6, Table E.1).
///
/// The alignment pattern centres form a lattice of anchors. They are located
/// in order of distance from the top-left corner, each predicted by the
/// initial mapping moved by the offsets its placed neighbours showed from it,
/// so that a bend in the symbol is followed step by step rather than predicted
/// from the far corner. Anchors inside the finder patterns, and patterns that
/// cannot be found, keep their predicted position. Each cell of the lattice
/// then gets its own perspective transform from its four corner anchors.
struct AlignmentGrid: Sendable {
    /// Lattice coordinates in modules (pattern centres, +0.5 for the module centre).
    private let lattice: [Double]
    /// Image positions of the anchors, row-major over the lattice.
    private let anchors: [ImagePoint]
    /// One transform per lattice cell, row-major, (n − 1)² of them.
    private let cells: [PerspectiveTransform]

    /// Locates the anchors for a symbol of `version` first mapped by `initial`,
    /// whose finder pattern centres are at `finders` (top-left, top-right,
    /// bottom-left) in the image.
    init?(version: QRVersion, initial: PerspectiveTransform, finders: [ImagePoint], finder: AlignmentPatternFinder) {
        let centres = VersionRecord.of(version).alignmentCentres
        guard centres.count >= 3 else { return nil }
        lattice = centres.map { Double($0) + 0.5 }
        let n = lattice.count
        guard var (placed, found) = Self.sweep(lattice: lattice, initial: initial, finder: finder) else { return nil }
        // A symbol whose bend defeated the sweep still shows most of its
        // patterns (26 of 33 in curved_dense-009); a lattice laid over
        // clutter shows few, and is not searched twice.
        if found.filter({ $0 }).count * 2 >= n * n - 3 {
            Self.searchBetween(&placed, found: &found, lattice: lattice, initial: initial, finder: finder)
        }
        self.anchors = placed
        var cells: [PerspectiveTransform] = []
        for j in 0..<(n - 1) {
            for i in 0..<(n - 1) {
                var grid = [
                    ImagePoint(x: lattice[i], y: lattice[j]), ImagePoint(x: lattice[i + 1], y: lattice[j]),
                    ImagePoint(x: lattice[i + 1], y: lattice[j + 1]), ImagePoint(x: lattice[i], y: lattice[j + 1]),
                ]
                var image = [
                    self.anchors[j * n + i], self.anchors[j * n + i + 1],
                    self.anchors[(j + 1) * n + i + 1], self.anchors[(j + 1) * n + i],
                ]
                Self.anchorCornerCell(
                    i: i, j: j, n: n, size: Double(version.size), finders: finders,
                    grid: &grid, image: &image)
                guard let transform = PerspectiveTransform.quadrilateral(grid, to: image) else { return nil }
                cells.append(transform)
            }
        }
        self.cells = cells
    }

    /// Every anchor placed in order of distance from the top-left corner
    /// (``place(i:j:n:lattice:anchors:initial:finder:)``), with whether it
    /// was found; nil when neither pattern beside the top-left finder is.
    private static func sweep(
        lattice: [Double], initial: PerspectiveTransform,
        finder: AlignmentPatternFinder
    ) -> (anchors: [ImagePoint], found: [Bool])? {
        let n = lattice.count
        var anchors = [ImagePoint?](repeating: nil, count: n * n)
        var found = [Bool](repeating: false, count: n * n)
        for diagonal in 0...(2 * (n - 1)) {
            for i in max(0, diagonal - (n - 1))...min(diagonal, n - 1) {
                let j = diagonal - i
                let placed = place(
                    i: i, j: j, n: n, lattice: lattice, anchors: anchors, initial: initial, finder: finder)
                anchors[j * n + i] = placed.point
                found[j * n + i] = placed.found
            }
            // The two patterns beside the top-left finder are the easiest to
            // find; when neither is there, the triple is most likely not a
            // symbol of this version, and the rest of the lattice is not searched.
            if diagonal == 1 && !found.contains(true) { return nil }
        }
        return (anchors.map { $0! }, found)
    }

    /// In the three corner cells, the lattice corner inside a finder pattern
    /// is only predicted, while the finder's centre (3.5 modules from both
    /// edges) was measured: use the centre as that cell corner instead.
    private static func anchorCornerCell(
        i: Int, j: Int, n: Int, size: Double, finders: [ImagePoint],
        grid: inout [ImagePoint], image: inout [ImagePoint]
    ) {
        let last = n - 2
        if i == 0 && j == 0 {
            (grid[0], image[0]) = (ImagePoint(x: 3.5, y: 3.5), finders[0])
        }
        if i == last && j == 0 {
            (grid[1], image[1]) = (ImagePoint(x: size - 3.5, y: 3.5), finders[1])
        }
        if i == 0 && j == last {
            (grid[3], image[3]) = (ImagePoint(x: 3.5, y: size - 3.5), finders[2])
        }
    }

    /// Searches again for the patterns the sweep missed, now predicted
    /// between found neighbours rather than beyond them: along each lattice
    /// row and column, a missed anchor with found anchors on both sides is
    /// interpolated between the nearest ones, and the row's and column's
    /// interpolations averaged.
    ///
    /// The sweep extrapolates from the anchors before it, and where the grid
    /// bends that misses by more than the search reaches: on a page curved
    /// about a vertical axis, the middle column of version 30's lattice
    /// (curved_dense-009 of the seed-1 hard corpus) lay three modules off its
    /// prediction in every row, between columns found within one.
    private static func searchBetween(
        _ anchors: inout [ImagePoint], found: inout [Bool], lattice: [Double],
        initial: PerspectiveTransform, finder: AlignmentPatternFinder
    ) {
        let n = lattice.count
        for j in 0..<n {
            for i in 0..<n where !found[j * n + i] && !isFinderCorner(i, j, n) {
                let estimates = [
                    interpolated(i, j, along: (1, 0), anchors, found, lattice),
                    interpolated(i, j, along: (0, 1), anchors, found, lattice),
                ].compactMap { $0 }
                guard !estimates.isEmpty else { continue }
                let predicted = estimates.reduce(ImagePoint(x: 0, y: 0), +) * (1 / Double(estimates.count))
                let (right, down) = localAxes(i, j, lattice: lattice, initial: initial)
                let localModule =
                    (right.distance(to: ImagePoint(x: 0, y: 0)) + down.distance(to: ImagePoint(x: 0, y: 0))) / 2
                if let point = finder.find(near: predicted, right: right, down: down, radius: localModule * 2.5) {
                    anchors[j * n + i] = point
                    found[j * n + i] = true
                }
            }
        }
    }

    /// Anchor (i, j) interpolated between the nearest found anchors before and
    /// after it along one lattice direction, by lattice coordinate; nil
    /// unless both exist.
    private static func interpolated(
        _ i: Int, _ j: Int, along step: (Int, Int), _ anchors: [ImagePoint], _ found: [Bool],
        _ lattice: [Double]
    ) -> ImagePoint? {
        let n = lattice.count
        func nearest(_ sign: Int) -> (index: Int, point: ImagePoint)? {
            var k = 1
            while true {
                let x = i + sign * k * step.0, y = j + sign * k * step.1
                guard (0..<n).contains(x), (0..<n).contains(y) else { return nil }
                if found[y * n + x] { return (step.0 != 0 ? x : y, anchors[y * n + x]) }
                k += 1
            }
        }
        guard let before = nearest(-1), let after = nearest(1) else { return nil }
        let own = step.0 != 0 ? i : j
        let t = (lattice[own] - lattice[before.index]) / (lattice[after.index] - lattice[before.index])
        return before.point + (after.point - before.point) * t
    }

    private static func isFinderCorner(_ i: Int, _ j: Int, _ n: Int) -> Bool {
        (i == 0 && j == 0) || (i == n - 1 && j == 0) || (i == 0 && j == n - 1)
    }

    /// One module along the symbol's axes at anchor (i, j), by the initial mapping.
    private static func localAxes(
        _ i: Int, _ j: Int, lattice: [Double],
        initial: PerspectiveTransform
    ) -> (right: ImagePoint, down: ImagePoint) {
        let centre = initial.apply(lattice[i], lattice[j])
        return (initial.apply(lattice[i] + 1, lattice[j]) - centre, initial.apply(lattice[i], lattice[j] + 1) - centre)
    }

    /// The image position of anchor (i, j), found near its prediction, or the
    /// prediction; and whether it was found.
    private static func place(
        i: Int, j: Int, n: Int, lattice: [Double], anchors: [ImagePoint?],
        initial: PerspectiveTransform, finder: AlignmentPatternFinder
    ) -> (point: ImagePoint, found: Bool) {
        let predictedByInitial = initial.apply(lattice[i], lattice[j])
        if isFinderCorner(i, j, n) { return (predictedByInitial, false) }
        // The initial mapping carries the perspective; the anchors placed
        // beside this one say how far the symbol strays from it locally (a
        // bend, or an initial mapping fitted to the finders only). Those
        // offsets, not the positions, are carried over: a parallelogram of
        // positions would undo the perspective that shrinks the far cells.
        let offset = { (i: Int, j: Int) -> ImagePoint in anchors[j * n + i]! - initial.apply(lattice[i], lattice[j]) }
        var predicted = predictedByInitial
        if i > 0, j > 0 {
            predicted = predicted + offset(i - 1, j) + offset(i, j - 1) - offset(i - 1, j - 1)
        } else if i > 0 {
            predicted = predicted + offset(i - 1, j)
        } else if j > 0 {
            predicted = predicted + offset(i, j - 1)
        }
        let (right, down) = localAxes(i, j, lattice: lattice, initial: initial)
        // The search reaches 2.5 of the modules there: in a steep view the far
        // modules are much smaller than the symbol's average, and a reach in
        // average modules would take in data that mimics the pattern.
        let localModule = (right.distance(to: ImagePoint(x: 0, y: 0)) + down.distance(to: ImagePoint(x: 0, y: 0))) / 2
        if let found = finder.find(near: predicted, right: right, down: down, radius: localModule * 2.5) {
            return (found, true)
        }
        return (predicted, false)
    }

    /// Maps symbol coordinates (modules) to image pixels through the cell that
    /// contains them; points outside the lattice use the nearest edge cell.
    func map(_ x: Double, _ y: Double) -> ImagePoint {
        cells[cellIndex(y) * (lattice.count - 1) + cellIndex(x)].apply(x, y)
    }

    /// The image positions of all module centres, row by row, looking up
    /// each row's and column's cell once.
    func moduleCentres(dimension: Int) -> [ImagePoint] {
        let columns = (0..<dimension).map { cellIndex(Double($0) + 0.5) }
        var centres: [ImagePoint] = []
        centres.reserveCapacity(dimension * dimension)
        for y in 0..<dimension {
            let rowBase = cellIndex(Double(y) + 0.5) * (lattice.count - 1)
            for x in 0..<dimension {
                centres.append(cells[rowBase + columns[x]].apply(Double(x) + 0.5, Double(y) + 0.5))
            }
        }
        return centres
    }

    /// The lattice cell index (0…n−2) along one axis for a coordinate.
    private func cellIndex(_ coordinate: Double) -> Int {
        var i = 0
        while i < lattice.count - 2 && coordinate >= lattice[i + 1] { i += 1 }
        return i
    }
}

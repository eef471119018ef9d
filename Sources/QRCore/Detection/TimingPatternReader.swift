/// Reads a timing pattern (ISO/IEC 18004:2015 §6.3.5) between two finder
/// patterns, module by module.
///
/// Row 6 runs from the separator beside the top-left finder to the one
/// beside the top-right finder, alternating dark and light and starting and
/// ending dark; column 6 likewise down to the bottom-left finder. A straight
/// line in the symbol is straight in a photograph, so walking the image
/// between the two separators crosses every module boundary of the row, at
/// its true, foreshortened position. Counting the dark modules gives the
/// symbol's size exactly, and the module centres are a ruler along two edges of
/// the grid for fitting its perspective.
struct TimingPatternReader {
    /// The binary image, dark set (already inverted for light-on-dark symbols).
    let binary: BitMatrix

    /// What one timing pattern says: the symbol's size, and where its
    /// modules' centres lie, as (symbol coordinates, image point) pairs.
    struct Reading {
        let dimension: Int
        let correspondences: [(grid: ImagePoint, image: ImagePoint)]
    }

    /// Reads row 6 between the top-left and top-right finders, whose outer
    /// corners (in ``FinderPatternOutline`` order) are given.
    func row(topLeft: [ImagePoint], topRight: [ImagePoint]) -> Reading? {
        guard let left = Self.finderMap(topLeft), let right = Self.finderMap(topRight) else { return nil }
        return search(
            from: left, ImagePoint(x: 7.5, y: 6.5), to: right, ImagePoint(x: -0.5, y: 6.5),
            across: ImagePoint(x: 0, y: 1)
        ) { k in ImagePoint(x: 8 + Double(k), y: 6.5) }
    }

    /// Reads column 6 between the top-left and bottom-left finders.
    func column(topLeft: [ImagePoint], bottomLeft: [ImagePoint]) -> Reading? {
        guard let top = Self.finderMap(topLeft), let bottom = Self.finderMap(bottomLeft) else { return nil }
        return search(
            from: top, ImagePoint(x: 6.5, y: 7.5), to: bottom, ImagePoint(x: 6.5, y: -0.5),
            across: ImagePoint(x: 1, y: 0)
        ) { k in ImagePoint(x: 6.5, y: 8 + Double(k)) }
    }

    /// Reads the line between two points given in the local modules of two
    /// finders, nudging either end by half a module `across` the line
    /// (corners of a foreshortened finder are measured less well than its
    /// centre), the least nudged readable line first.
    private func search(
        from start: PerspectiveTransform, _ startModule: ImagePoint, to end: PerspectiveTransform,
        _ endModule: ImagePoint, across: ImagePoint, boundary: (Int) -> ImagePoint
    ) -> Reading? {
        for (a, b) in Self.nudgePairs {
            if let reading = read(
                from: start.apply(startModule + across * a), to: end.apply(endModule + across * b),
                boundary: boundary)
            {
                return reading
            }
        }
        return nil
    }

    /// Nudges of the two ends, in modules, the smallest total first.
    private static let nudgePairs: [(Double, Double)] = {
        let nudges = [0.0, -0.5, 0.5]
        return nudges.flatMap { a in nudges.map { b in (a, b) } }.sorted {
            abs($0.0) + abs($0.1) < abs($1.0) + abs($1.1)
        }
    }()

    /// The mapping of a finder pattern's own 7×7 modules onto its measured corners.
    private static func finderMap(_ corners: [ImagePoint]) -> PerspectiveTransform? {
        let square = [ImagePoint(x: 0, y: 0), ImagePoint(x: 7, y: 0), ImagePoint(x: 7, y: 7), ImagePoint(x: 0, y: 7)]
        return PerspectiveTransform.quadrilateral(square, to: corners)
    }

    /// Walks from the middle of one separator module to the middle of the
    /// other, a quarter pixel at a time, and turns the colour changes into
    /// boundaries; nil unless the walk starts and ends light and its modules
    /// change length smoothly (a blurred-together pair of modules would not).
    ///
    /// Smoothness is checked at each change, so that a walk across texture,
    /// which breaks it within a few modules, stops there: most triples tried
    /// on an image without a symbol are texture, and their lines can be a
    /// thousand pixels long, read up to nine times each (``nudgePairs``).
    private func read(from start: ImagePoint, to end: ImagePoint, boundary: (Int) -> ImagePoint) -> Reading? {
        let span = end - start, length = ImagePoint.dot(span, span).squareRoot()
        guard length >= 8 else { return nil }
        let step = span * (0.25 / length)
        var changes: [Double] = []
        var previous = isDark(start)
        guard !previous, !isDark(end) else { return nil }
        var t = 0.25
        while t < length {
            let dark = isDark(start + step * (t / 0.25))
            if dark != previous {
                changes.append(t - 0.125)
                guard Self.smoothSoFar(changes) else { return nil }
            }
            previous = dark
            t += 0.25
        }
        guard changes.count >= 4, changes.count % 2 == 0, Self.smoothEnd(changes, length: length) else { return nil }
        // Module centres, halfway between boundaries, rather than the
        // boundaries: a threshold off-centre moves every boundary by the
        // same pixels, which on a foreshortened line is a different share of
        // each module, but leaves the centres where they are.
        let correspondences = (0..<(changes.count - 1)).map { k in
            (
                grid: (boundary(k) + boundary(k + 1)) * 0.5,
                image: start + step * ((changes[k] + changes[k + 1]) / 2 / 0.25)
            )
        }
        return Reading(dimension: changes.count + 15, correspondences: correspondences)
    }

    /// Whether the run the newest change ends keeps the walk smooth:
    /// consecutive modules of the same colour differ in length by less than
    /// a factor of 1.7, and the separator the walk starts in is about half a
    /// module. Dark and light modules are compared only with their own kind:
    /// a threshold off-centre makes every dark run longer than every light
    /// one (or the reverse), evenly, which is no sign of a misread.
    private static func smoothSoFar(_ changes: [Double]) -> Bool {
        let n = changes.count
        guard n >= 2 else { return true }
        let newest = changes[n - 1] - changes[n - 2]
        if n == 2 { return changes[0] < 1.2 * newest }
        guard n >= 4 else { return true }
        let sameColour = changes[n - 3] - changes[n - 4]
        return max(newest, sameColour) <= 1.7 * min(newest, sameColour)
    }

    /// Whether the separator the walk ends in is about half a module, like
    /// the one it starts in (``smoothSoFar(_:)``).
    private static func smoothEnd(_ changes: [Double], length: Double) -> Bool {
        let n = changes.count
        return length - changes[n - 1] < 1.2 * (changes[n - 1] - changes[n - 2])
    }

    private func isDark(_ point: ImagePoint) -> Bool { binary.isSet(at: point) }
}

extension BitMatrix {
    /// Whether the pixel containing image point `p` is set; points off the
    /// image, including the infinite and NaN points that a degenerate
    /// perspective can produce from a fuzzed or cluttered image, are not.
    @inline(__always)
    func isSet(at p: ImagePoint) -> Bool {
        contains(p) && uncheckedBit(x: Int(p.x), y: Int(p.y))
    }

    /// Whether pixel (x, y) is set; pixels off the image are not.
    @inline(__always)
    func isSet(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && uncheckedBit(x: x, y: y)
    }

    /// Whether `p` lies on the image (false for infinite and NaN points).
    @inline(__always)
    func contains(_ p: ImagePoint) -> Bool {
        p.x >= 0 && p.y >= 0 && p.x < Double(width) && p.y < Double(height)
    }

    /// ``isSet(at:)`` for a point the caller knows lies on the image, read
    /// from `words`, this matrix's words.
    ///
    /// Walks along a line (``darkRun(near:along:)``, ``RayWalk``) check only
    /// their ends: each coordinate of a + d·t, computed in floating point, is
    /// monotonic in t, so when the first and last points lie on the image
    /// every point between them does. The walks around finder patterns read
    /// millions of such points an image.
    @inline(__always)
    func uncheckedBit(_ words: UnsafeBufferPointer<UInt64>, at p: ImagePoint) -> Bool {
        let x = Int(p.x)
        return words[Int(p.y) &* stride &+ (x &>> 6)] &>> UInt64(x & 63) & 1 != 0
    }
}

extension BitMatrix {
    /// The dark run through (or nearest to) `point` along `step` (one
    /// module), searched within about a module either way: its middle, and
    /// its length in modules. Nil when there is none, or when it does not end
    /// within the window (longer than about two modules).
    func darkRun(near point: ImagePoint, along step: ImagePoint) -> (centre: ImagePoint, modules: Double)? {
        let half = Self.darkRunHalf, reach = Self.darkRunReach
        // Called for every timing module of every lone finder tried, and
        // most windows are light throughout: no arrays, no divisions, and
        // the bounds checked once when the window lies on the image.
        let inside =
            contains(point + step * Self.darkRunOffsets[0]) && contains(point + step * Self.darkRunOffsets[2 * half])
        return words.withUnsafeBufferPointer { words in
            func dark(_ k: Int) -> Bool {
                let p = point + step * Self.darkRunOffsets[k]
                return inside ? uncheckedBit(words, at: p) : isSet(at: p)
            }
            // The dark sample nearest the middle, the earlier one on a tie.
            var nearest: Int?
            for distance in 0...half {
                if dark(half - distance) {
                    nearest = half - distance
                    break
                }
                if distance > 0 && dark(half + distance) {
                    nearest = half + distance
                    break
                }
            }
            guard let nearest else { return nil }
            var first = nearest, last = nearest
            while first > 0 && dark(first - 1) { first -= 1 }
            while last < 2 * half && dark(last + 1) { last += 1 }
            guard first > 0 && last < 2 * half else { return nil }  // the run must end within the window
            let middle = Double(first + last) / 2
            let centre = point + step * ((middle - Double(half)) / Double(half) * reach)
            return (centre, Double(last - first + 1) / Double(half) * reach)
        }
    }

    /// ``darkRun(near:along:)``'s window: 2·half + 1 samples from −reach to
    /// +reach modules, sample k at (k − half)/half · reach.
    private static let darkRunHalf = 10
    private static let darkRunReach = 0.9
    private static let darkRunOffsets = (0...(2 * darkRunHalf)).map {
        Double($0 - darkRunHalf) / Double(darkRunHalf) * darkRunReach
    }

    /// Where a dark edge module ends towards the quiet zone: from its
    /// centre along `across` (one module outwards), the first light sample,
    /// within a module. Nil when none is light there, or when the image is
    /// not light just beyond the edge (0.6 module on), as the quiet zone is:
    /// a module inside the symbol has dark neighbours there.
    func outerEdge(from centre: ImagePoint, across: ImagePoint) -> ImagePoint? {
        let samples = 10
        for k in 1...samples {
            let point = centre + across * (Double(k) / Double(samples))
            guard isSet(at: point) else {
                let edge = centre + across * ((Double(k) - 0.5) / Double(samples))
                return isSet(at: edge + across * 0.6) ? nil : edge
            }
        }
        return nil
    }
}

extension FinderPatternOutline {
    /// The outer corners of a finder pattern with no partner patterns to
    /// orient it (Micro QR, rMQR), measured from two starting frames: along
    /// the image axes and turned by 45°. The outline sorts its edge points
    /// into sides by the frame, which fails when the sides lie along the
    /// frame's diagonals, so a frame near the pattern's own is needed.
    func loneCorners(of candidate: FinderCandidate) -> [[ImagePoint]] {
        let m = candidate.moduleSize, d = candidate.moduleSize * (0.5).squareRoot()
        let frames = [
            (ImagePoint(x: m, y: 0), ImagePoint(x: 0, y: m)), (ImagePoint(x: d, y: d), ImagePoint(x: -d, y: d)),
        ]
        return frames.compactMap { corners(centre: candidate.centre, right: $0.0, down: $0.1) }
    }
}

/// Finds an rMQR symbol (ISO/IEC 23941:2022) around a single finder pattern:
/// the finder sits at the symbol's left end, a light separator runs along its
/// right side (and its lower side, in symbols taller than 7 modules), and
/// timing patterns run along the top and bottom edges to the sub-finder
/// pattern and corner pattern at the right end, up to 139 modules away.
///
/// The finder's outline gives a perspective of its 7 × 7 square. For each
/// corner taken as the symbol's top-left, mirrored or not:
/// 1. the separator must read light;
/// 2. the left edge (column 0 below the finder, the bottom-left corner
///    pattern, the quiet zone under it) says the height;
/// 3. the dark modules of both edge timing patterns, followed from the
///    finder outwards, each measured along its row and across it at the
///    symbol's outer edge, refit the perspective as the walk goes (a finder
///    of 7 modules says little about a symbol 139 long);
/// 4. every function pattern of each width the height allows, and the quiet
///    zone around it, are compared with the image; the best that agrees well
///    enough is sampled.
struct RMQRSymbolLocator {
    let binary: BitMatrix
    /// The search's finder-outline ray walks, shared with its other locators.
    var rays: OutlineRayMemo? = nil

    /// The least share of separator modules that must read light.
    static let minimumAgreement = 0.8
    /// The least share of all function-pattern and quiet-zone modules that
    /// must agree for a size to be sampled.
    static let minimumPatternAgreement = 0.8

    /// Mappings of the symbol whose finder is `candidate`, the best
    /// agreement first, at most three; a mapping's `isMirrored` hypothesis is
    /// returned beside it.
    func mappings(for candidate: FinderCandidate) -> [(mapping: GridMapping, mirrored: Bool)] {
        var scored: [(mapping: GridMapping, mirrored: Bool, agreement: Double)] = []
        for corners in FinderPatternOutline(binary: binary, memo: rays).loneCorners(of: candidate) {
            for mirrored in [false, true] {
                let ordered = mirrored ? [corners[0], corners[3], corners[2], corners[1]] : corners
                for rotation in 0..<4 {
                    let turned = (0..<4).map { ordered[(rotation + $0) % 4] }
                    scored += mappings(finder: turned, moduleSize: candidate.moduleSize).map {
                        ($0.mapping, mirrored, $0.agreement)
                    }
                }
            }
        }
        return scored.sorted { $0.agreement > $1.agreement }.prefix(3).map { ($0.mapping, $0.mirrored) }
    }

    /// The finder's square in module coordinates, corner by corner.
    private static let square = [
        ImagePoint(x: 0, y: 0), ImagePoint(x: 7, y: 0), ImagePoint(x: 7, y: 7), ImagePoint(x: 0, y: 7),
    ]

    /// Scored mappings with the finder at `finder` (its outer corners, the
    /// symbol's top-left corner first, clockwise in module space).
    private func mappings(finder: [ImagePoint], moduleSize: Double) -> [(mapping: GridMapping, agreement: Double)] {
        guard let transform = PerspectiveTransform.quadrilateral(Self.square, to: finder),
            separatorAgreement(transform) >= Self.minimumAgreement,
            hasTopEdgeModules(transform, finder: finder)
        else { return [] }
        var scored: [(mapping: GridMapping, agreement: Double)] = []
        // The finder alone extrapolates the left edge 10 modules below it;
        // a looser floor than the separator's lets the walk correct it.
        for height in [7, 9, 11, 13, 15, 17] where leftEdgeAgreement(transform, height: height) >= 0.7 {
            // A second walk starts from the first one's fit: its predictions
            // are closer, so fewer modules are mistaken for their neighbours.
            guard let first = followEdges(transform, finder: finder, height: height, dropsStrays: false),
                let followed = followEdges(first.transform, finder: finder, height: height, dropsStrays: true)
            else { continue }
            // The measurements lie along three edges, so a full perspective
            // can put a vanishing point where none is and bend the corner
            // farthest from them (the top right) by a module; the affine fit
            // to the same points cannot, and a strip seen at an ordinary
            // angle is nearly affine. Each size is judged on both, the
            // perspective first on a tie.
            let fits = [followed.transform, PerspectiveTransform.affineFitting(followed.from, to: followed.to)]
            for (index, size) in RMQRSpec.sizes.enumerated() where size.height == height {
                let version = QRVersion(uncheckedRMQR: index + 1)
                for (rank, fit) in fits.enumerated() {
                    guard let fit else { continue }
                    let agreement = patternAgreement(fit, version: version)
                    guard agreement >= Self.minimumPatternAgreement else { continue }
                    let mapping = GridMapping(
                        dimension: size.width, transform: fit, moduleSize: moduleSize, rectangularHeight: height)
                    scored.append((mapping, agreement - Double(rank) * Self.affinePenalty))
                }
            }
        }
        return scored
    }

    /// Subtracted from an affine fit's agreement: on a tie the perspective,
    /// which also follows a foreshortened strip, is tried first.
    private static let affinePenalty = 0.001

    /// The share of the separator's 15 modules (column 7 down to row 7, and
    /// row 7 up to column 7) that read light; row 7 is the quiet zone when
    /// the symbol is 7 modules high, light as well.
    private func separatorAgreement(_ transform: PerspectiveTransform) -> Double {
        var light = 0
        for i in 0...7 {
            if !isDark(transform, i, 7) { light += 1 }
            if i < 7 && !isDark(transform, 7, i) { light += 1 }
        }
        return Double(light) / 15
    }

    /// The fewest of ``hasTopEdgeModules(_:finder:)``'s four that must be found
    /// before the edges are followed. With 3, the rMQR photo sets, the
    /// distortion harness (63 of 72) and zxing-cpp's symbols read as before,
    /// and the Micro QR and rMQR search around leftover finders on the 40
    /// no-code images of the hard corpora takes 258 ms instead of about 490.
    static let minimumTopEdgeModules = 3

    /// Whether ``minimumTopEdgeModules`` of the top edge's dark timing
    /// modules at columns 8, 10, 12 and 14 are found, walking from the
    /// finder and refitting as
    /// ``followEdges(_:finder:height:dropsStrays:)`` does. Every rMQR
    /// symbol has them, whatever its size; texture that passed the separator
    /// test mostly does not, and following the edges at six heights costs
    /// far more. A walk, not a read of fixed places: near 45° the finder's
    /// outline alone misplaces them (a check of columns 8 to 11 through it
    /// rejected an R7x43 turned 314°).
    ///
    /// The walk stops as soon as the answer is known: every orientation of
    /// every leftover finder is tested, and on texture the first misses
    /// already decide it.
    private func hasTopEdgeModules(_ transform: PerspectiveTransform, finder: [ImagePoint]) -> Bool {
        var fit = EdgeFit(transform: transform, from: Self.square, to: finder)
        var found = 0, missed = 0
        for x in Self.topEdgeColumns {
            if measure(&fit, x: x, y: 0, inward: (1, 0), outward: (0, -1)) { found += 1 } else { missed += 1 }
            if found >= Self.minimumTopEdgeModules { return true }
            if missed > Self.topEdgeColumns.count - Self.minimumTopEdgeModules { return false }
        }
        return false
    }

    /// The top edge's first dark timing modules past the finder and its separator.
    private static let topEdgeColumns = [8, 10, 12, 14]

    /// The share of the left edge's modules below the finder that read as a
    /// symbol `height` modules high makes them: column 0 and column 1 from row
    /// 7 to two rows past the bottom (the separator, the timing pattern, the
    /// bottom-left corner pattern, the bottom edge, the quiet zone).
    private func leftEdgeAgreement(_ transform: PerspectiveTransform, height: Int) -> Double {
        var right = 0, total = 0
        for y in 7..<(height + 2) {
            for x in 0...1 {
                if isDark(transform, x, y) == Self.leftEdgeIsDark(x: x, y: y, height: height) { right += 1 }
                total += 1
            }
        }
        return Double(right) / Double(total)
    }

    /// Column 0 and 1 below the finder: the separator (row 7) and the quiet
    /// zone are light; the bottom row is timing (dark on even columns) with
    /// column 1 dark for the corner pattern from height 9; column 0 above it
    /// is timing with the corner pattern's dark module at row h − 2 from
    /// height 11.
    private static func leftEdgeIsDark(x: Int, y: Int, height: Int) -> Bool {
        if y == 7 || y >= height { return false }
        if y == height - 1 { return true }  // (0, h−1) even timing, (1, h−1) corner
        if x == 1 { return false }  // data at most; the corner's light module at h − 2
        return y % 2 == 0 || (y == height - 2 && height > 9)
    }

    /// `start` refit to the finder's corners and the dark modules of the
    /// edge timing patterns (the correspondences and the fit are returned): first down the left edge below the finder (which
    /// fixes the symbol's height in the image: the finder alone is only 7
    /// modules), then along the top and bottom edges outwards from the
    /// finder. Each dark module is measured along its row or column (its
    /// middle) and across it (the symbol's outer edge), and the fit is renewed
    /// after each, so that the next prediction starts from what was measured.
    /// Runs longer than a module (alignment patterns, corner patterns) are
    /// passed over; the walk ends where both rows have read light twice in a
    /// row, past the right end.
    private func followEdges(
        _ start: PerspectiveTransform, finder: [ImagePoint], height: Int, dropsStrays: Bool
    ) -> EdgeFit? {
        var fit = EdgeFit(transform: start, from: Self.square, to: finder)
        if height > 7 {
            for y in stride(from: 8, to: height - 2, by: 2) {
                measure(&fit, x: 0, y: y, inward: (0, 1), outward: (-1, 0))
            }
            for x in [0.5, 1.5] { measureBottomEdge(&fit, x: x, height: height) }
        }
        var misses = 0, bottomEdgeModules = 0
        let besideFinder = fit.from.count
        for x in stride(from: 4, to: 142, by: 2) where !Self.nearAlignmentColumn.contains(x) {
            // The bottom row is timing from column 3 under taller finders; the
            // top row from column 8, past the finder and its separator.
            let top = x >= 8 && measure(&fit, x: x, y: 0, inward: (1, 0), outward: (0, -1))
            let measured = fit.from.count
            let bottom = (x >= 8 || height > 7) && measure(&fit, x: x, y: height - 1, inward: (1, 0), outward: (0, 1))
            if fit.from.count > measured { bottomEdgeModules += 1 }
            // Texture that passed the separator and top-edge tests rarely has
            // edge modules that face light along the bottom too: give up
            // early rather than walk 139 modules.
            if x == 16
                && (fit.from.count - besideFinder < 3 || bottomEdgeModules < Self.minimumBottomEdgeModules)
            {
                return nil
            }
            guard x >= 8 else { continue }  // only the bottom row is read under the finder
            misses = top || bottom ? 0 : misses + 1
            if misses == 2 { break }
        }
        guard dropsStrays else { return fit }
        // A last fit that drops stray measurements (a module taken for its
        // neighbour under blur or noise): a third of a module off is too far.
        let module = fit.transform.apply(1, 0).distance(to: fit.transform.apply(0, 0))
        if fit.from.count >= 8,
            let robust = PerspectiveTransform.robustFit(fit.from, to: fit.to, tolerance: module / 3)
        {
            fit.transform = robust
        }
        return fit
    }

    /// The fewest bottom-edge modules, up to column 16, measured as edge
    /// modules (a dark run of a module facing light) for the walk to go on.
    /// Every rMQR symbol has five or more there (columns 8 to 16; from
    /// column 4 when the symbol is taller than its finder), and blur or a
    /// steep view loses some: the hardest of the rMQR photos read (a small
    /// JPEG found only in the noise-reducing layer) measured four. With 3
    /// rather than 2, the photo sets, 120 more rMQR photos (seeds 7 and 8,
    /// half of them colour JPEGs) and the hard corpora read exactly as
    /// before, and the search around leftover finders on small images of
    /// decoys costs a quarter less.
    static let minimumBottomEdgeModules = 3

    /// Columns within a module of an alignment pattern of some width: their
    /// edge modules belong to 3-module runs, or to the pattern's inner ring.
    private static let nearAlignmentColumn: Set<Int> = Set(
        [27, 43, 59, 77, 99, 139].flatMap(RMQRSpec.alignmentColumns(width:)).flatMap { [$0 - 1, $0, $0 + 1] })

    /// The symbol's bottom edge under the bottom-left corner pattern: down
    /// column `x` from row h − 1.5, the first light sample after a dark one.
    /// Columns 0 and 1 end in dark modules at the bottom row (timing and
    /// corner pattern) with the quiet zone below, so the edge is found even
    /// when the finder's 7 modules misjudge the height by a module or more.
    private func measureBottomEdge(_ fit: inout EdgeFit, x: Double, height: Int) {
        let bottom = Double(height)
        var seenDark = false
        for k in 0...30 {
            let y = bottom - 1.5 + Double(k) * 0.1
            let dark = binary.isSet(at: fit.transform.apply(x, y))
            if dark { seenDark = true }
            guard seenDark && !dark else { continue }
            fit.add(ImagePoint(x: x, y: bottom), fit.transform.apply(x, y - 0.05))
            return
        }
    }

    /// Correspondences between module space and the image, and the
    /// perspective fitted to them.
    private struct EdgeFit {
        var transform: PerspectiveTransform
        var from: [ImagePoint]
        var to: [ImagePoint]
        /// The perspective's normal equations, kept up to date pair by pair.
        private var equations = PerspectiveTransform.NormalEquations()

        init(transform: PerspectiveTransform, from: [ImagePoint], to: [ImagePoint]) {
            self.transform = transform
            self.from = from
            self.to = to
            for (p, q) in zip(from, to) { equations.add(p, q) }
        }

        /// Adds a correspondence and refits to all of them: an affine map
        /// while they lie within a few modules of the finder (a full
        /// perspective fitted to points that span 7 modules across puts the
        /// vanishing point anywhere, and the next prediction 50 modules out
        /// with it), a perspective once they reach along the symbol.
        mutating func add(_ p: ImagePoint, _ q: ImagePoint) {
            from.append(p)
            to.append(q)
            equations.add(p, q)
            let fitted = p.x > 14 ? equations.solution() : PerspectiveTransform.affineFitting(from, to: to)
            if let fitted { transform = fitted }
        }
    }

    /// Measures the dark edge module (`x`, `y`): its middle along `inward`
    /// (the direction of its timing pattern, in modules), its outer edge
    /// along `outward`. Where the prediction finds no dark run, half a module
    /// and a module either side across the edge are tried: the prediction
    /// drifts before the fit has seen this edge, and a module inside the
    /// symbol cannot pass for an edge module, since its outer side is the
    /// dark timing module rather than light quiet zone. Returns whether a dark
    /// run was found; a run of a module's length whose edge faces light also
    /// becomes a correspondence.
    @discardableResult
    private func measure(
        _ fit: inout EdgeFit, x: Int, y: Int, inward: (Double, Double), outward: (Double, Double)
    ) -> Bool {
        let (cx, cy) = (Double(x) + 0.5, Double(y) + 0.5)
        var found = false
        for shift in [0.0, -0.5, 0.5, -1, 1] {
            let (px, py) = (cx + outward.0 * shift, cy + outward.1 * shift)
            let centre = fit.transform.apply(px, py)
            let along = fit.transform.apply(px + inward.0, py + inward.1) - centre
            guard let run = binary.darkRun(near: centre, along: along) else { continue }
            found = true
            // Slivers are noise or a neighbour's corner; long runs are patterns.
            guard (0.5..<1.6).contains(run.modules) else { continue }
            let across = fit.transform.apply(px + outward.0, py + outward.1) - centre
            guard let edge = binary.outerEdge(from: run.centre, across: across) else { continue }
            fit.add(ImagePoint(x: cx + outward.0 * 0.5, y: cy + outward.1 * 0.5), edge)
            return true
        }
        return found
    }

    /// The share of `version`'s known modules (``RMQRLayout/knownModules``:
    /// function patterns and a ring of quiet zone) that read as they should
    /// through `transform`; 0 as soon as too many disagree for the share to
    /// reach ``minimumPatternAgreement`` (most sizes tried are wrong).
    private func patternAgreement(_ transform: PerspectiveTransform, version: QRVersion) -> Double {
        let known = RMQRLayout.of(version).knownModules
        let allowed = Int((1 - Self.minimumPatternAgreement) * Double(known.count))
        var wrong = 0
        for module in known where isDark(transform, module.x, module.y) != module.dark {
            wrong += 1
            if wrong > allowed { return 0 }
        }
        return Double(known.count - wrong) / Double(known.count)
    }

    private func isDark(_ transform: PerspectiveTransform, _ x: Int, _ y: Int) -> Bool {
        binary.isSet(at: transform.apply(Double(x) + 0.5, Double(y) + 0.5))
    }
}

/// Finds a Micro QR symbol around a single finder pattern (ISO/IEC
/// 18004:2015 §6.3.3 and the Micro QR clauses): the finder sits in the
/// symbol's top-left corner, a light separator runs along its inner sides,
/// and timing patterns continue row 0 and column 0 to the far edges, where a
/// 2-module quiet zone begins.
///
/// The finder's outline (``FinderPatternOutline``) gives a perspective of
/// its 7 × 7 square; each of the four corners may be the symbol's, and the
/// separator and timing patterns, read through that perspective, tell which
/// and how far the symbol reaches (11, 13, 15 or 17 modules). A mirrored
/// symbol reads as the transpose, which the decoder tries by itself.
struct MicroSymbolLocator {
    let binary: BitMatrix
    /// The search's finder-outline ray walks, shared with its other locators.
    var rays: OutlineRayMemo? = nil

    /// The sizes of M1…M4.
    static let sizes = MicroLayout.sizes

    /// The least share of separator, timing and quiet-zone modules that must
    /// read as they should for a size to be sampled.
    static let minimumAgreement = 0.8

    /// Mappings of the symbol whose finder is `candidate`, the best agreement
    /// first, at most three.
    func mappings(for candidate: FinderCandidate) -> [GridMapping] {
        var scored: [(mapping: GridMapping, agreement: Double)] = []
        for corners in FinderPatternOutline(binary: binary, memo: rays).loneCorners(of: candidate) {
            scored += mappings(corners: corners, moduleSize: candidate.moduleSize)
        }
        return scored.sorted { $0.agreement > $1.agreement }.prefix(3).map(\.mapping)
    }

    /// Scored mappings for each corner of the finder outline `corners` taken
    /// as the symbol's, and each size whose patterns agree.
    private func mappings(
        corners: [ImagePoint], moduleSize module: Double
    ) -> [(mapping: GridMapping, agreement: Double)] {
        let square = [ImagePoint(x: 0, y: 0), ImagePoint(x: 7, y: 0), ImagePoint(x: 7, y: 7), ImagePoint(x: 0, y: 7)]
        var scored: [(mapping: GridMapping, agreement: Double)] = []
        for rotation in 0..<4 {
            let turned = (0..<4).map { corners[(rotation + $0) % 4] }
            guard let transform = PerspectiveTransform.quadrilateral(square, to: turned),
                separatorAgreement(transform) >= Self.minimumAgreement
            else { continue }
            // The finder's outline misjudges the module pitch by a few
            // per cent under blur or a slight turn; over 17 modules that
            // puts the far timing modules out of phase, so the timing
            // patterns are followed outwards as well and each size is also
            // judged on that walk's fit.
            if let followed = followedTiming(transform, corners: turned) {
                for size in Self.sizes {
                    let agreement = timingAgreement(followed, size: size)
                    guard agreement >= Self.minimumAgreement else { continue }
                    let mapping = GridMapping(dimension: size, transform: followed, moduleSize: module)
                    scored.append((mapping, agreement + Self.refinementBonus))
                }
            }
            for size in Self.sizes {
                let agreement = timingAgreement(transform, size: size)
                guard agreement >= Self.minimumAgreement else { continue }
                if let refined = refined(transform, size: size, corners: turned) {
                    let mapping = GridMapping(dimension: size, transform: refined, moduleSize: module)
                    scored.append((mapping, timingAgreement(refined, size: size) + Self.refinementBonus))
                }
                scored.append((GridMapping(dimension: size, transform: transform, moduleSize: module), agreement))
            }
        }
        return scored
    }

    /// Tried first when its patterns agree as well: the refit follows the
    /// symbol where the finder alone extrapolates.
    private static let refinementBonus = 0.01

    /// `transform` refitted to the finder's corners and the centres of the
    /// timing patterns' dark modules, each found along its row or column
    /// near where `transform` puts it. The finder alone gives a perspective
    /// of 7 modules that a steep view bends over 17; the timing patterns
    /// measure the spacing along both edges, which fixes the vanishing
    /// points and so the whole mapping.
    private func refined(_ transform: PerspectiveTransform, size: Int, corners: [ImagePoint]) -> PerspectiveTransform? {
        var from = [ImagePoint(x: 0, y: 0), ImagePoint(x: 7, y: 0), ImagePoint(x: 7, y: 7), ImagePoint(x: 0, y: 7)]
        var to = corners
        for i in stride(from: 8, to: size, by: 2) {
            for (x, y, dx, dy) in [(Double(i) + 0.5, 0.5, 1.0, 0.0), (0.5, Double(i) + 0.5, 0.0, 1.0)] {
                let centre = transform.apply(x, y)
                let step = transform.apply(x + dx, y + dy) - centre
                guard let found = binary.darkRun(near: centre, along: step) else { continue }
                from.append(ImagePoint(x: x, y: y))
                to.append(found.centre)
            }
        }
        guard from.count >= 8 else { return nil }
        return PerspectiveTransform.fitting(from, to: to)
    }

    /// `transform` refitted module by module along the timing patterns:
    /// from the finder outwards, each next dark timing module of row 0 and
    /// column 0 is looked for where the latest fit puts it, measured along
    /// its pattern (the run's middle) and across it (the symbol's outer
    /// edge, which faces the quiet zone), and the fit is redone with it
    /// (affine at first, a full perspective once the walk has passed module
    /// 12). The middles alone would leave the fit free to drift across the
    /// edges, which a steep view does. The walk ends where neither pattern
    /// shows a dark module, at the quiet zone. Nil when no timing module was
    /// found.
    private func followedTiming(_ transform: PerspectiveTransform, corners: [ImagePoint]) -> PerspectiveTransform? {
        var from = [ImagePoint(x: 0, y: 0), ImagePoint(x: 7, y: 0), ImagePoint(x: 7, y: 7), ImagePoint(x: 0, y: 7)]
        var to = corners
        var current = transform
        for i in stride(from: 8, through: Self.sizes.last! - 1, by: 2) {
            var found = 0
            // (module centre, one module along the pattern, one module outwards)
            let edges = [
                (ImagePoint(x: Double(i) + 0.5, y: 0.5), ImagePoint(x: 1, y: 0), ImagePoint(x: 0, y: -1)),
                (ImagePoint(x: 0.5, y: Double(i) + 0.5), ImagePoint(x: 0, y: 1), ImagePoint(x: -1, y: 0)),
            ]
            for (module, along, outwards) in edges {
                let centre = current.apply(module.x, module.y)
                let step = current.apply(module.x + along.x, module.y + along.y) - centre
                guard let run = binary.darkRun(near: centre, along: step), run.modules < 1.6 else { continue }
                from.append(module)
                to.append(run.centre)
                found += 1
                let across = current.apply(module.x + outwards.x, module.y + outwards.y) - centre
                if let edge = binary.outerEdge(from: run.centre, across: across) {
                    from.append(module + outwards * 0.5)
                    to.append(edge)
                }
            }
            guard found > 0 else { break }
            let fit =
                i >= 12 ? PerspectiveTransform.fitting(from, to: to) : PerspectiveTransform.affineFitting(from, to: to)
            guard let fit else { break }
            current = fit
        }
        return from.count > 4 ? current : nil
    }

    /// The share of the separator's 15 modules (row 7 and column 7, up to
    /// the corner) that read light.
    private func separatorAgreement(_ transform: PerspectiveTransform) -> Double {
        var light = 0
        for i in 0...7 {
            if !isDark(transform, i, 7) { light += 1 }
            if i < 7 && !isDark(transform, 7, i) { light += 1 }
        }
        return Double(light) / 15
    }

    /// The share of row 0's and column 0's modules beyond the separator that
    /// alternate dark (even) and light (odd) up to `size`, followed by two
    /// light quiet-zone modules.
    private func timingAgreement(_ transform: PerspectiveTransform, size: Int) -> Double {
        var right = 0, total = 0
        for i in 8..<(size + 2) {
            let expected = i < size && i % 2 == 0
            if isDark(transform, i, 0) == expected { right += 1 }
            if isDark(transform, 0, i) == expected { right += 1 }
            total += 2
        }
        return Double(right) / Double(total)
    }

    private func isDark(_ transform: PerspectiveTransform, _ x: Int, _ y: Int) -> Bool {
        binary.isSet(at: transform.apply(Double(x) + 0.5, Double(y) + 0.5))
    }
}

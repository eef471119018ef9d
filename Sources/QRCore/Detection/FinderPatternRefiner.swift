/// Moves a finder pattern's centre to subpixel accuracy.
///
/// Scan-line hits land on whole pixels, which at small module sizes is a
/// large fraction of a module. Along a row and a column through the centre,
/// this finds where the grey level crosses the local threshold at each of the
/// pattern's six edges (stone, light ring, outer ring, on both sides),
/// interpolating between pixels; the pattern is symmetric, so the centre is
/// the mean of the edge pairs' midpoints.
struct FinderPatternRefiner {
    let image: GrayImage
    let thresholds: ThresholdMap
    var inverted = false

    func refine(_ candidate: FinderCandidate) -> FinderCandidate {
        let x = candidate.centre.x, y = candidate.centre.y
        // Guessed centres (a missing finder's) may fall outside the image.
        guard x >= 0, y >= 0, x < Double(image.width), y < Double(image.height) else { return candidate }
        var refined = candidate
        let threshold = thresholds.threshold(atX: candidate.centre.x, y: candidate.centre.y)
        let reach = Int(candidate.moduleSize * 6) + 2
        if let centre = edgeCentre(candidate.centre, horizontal: true, threshold: threshold, reach: reach) {
            refined.centre.x = centre
        }
        if let centre = edgeCentre(candidate.centre, horizontal: false, threshold: threshold, reach: reach) {
            refined.centre.y = centre
        }
        return refined
    }

    /// The centre along one axis from the three edge pairs, or nil if the line
    /// does not show the pattern's six edges at consistent module widths.
    private func edgeCentre(_ centre: ImagePoint, horizontal: Bool, threshold: Double, reach: Int) -> Double? {
        guard let before = edges(from: centre, step: -1, horizontal: horizontal, threshold: threshold, reach: reach),
            let after = edges(from: centre, step: 1, horizontal: horizontal, threshold: threshold, reach: reach)
        else { return nil }
        let widths = ((after.0 - before.0) / 3, (after.1 - before.1) / 5, (after.2 - before.2) / 7)
        guard max(widths.0, widths.1, widths.2) < min(widths.0, widths.1, widths.2) * 1.6 else { return nil }
        return ((after.0 + before.0) / 2 + (after.1 + before.1) / 2 + (after.2 + before.2) / 2) / 3
    }

    /// Positions of the first three threshold crossings walking from the
    /// centre in one direction, interpolated between pixel centres. (Every
    /// candidate of every search is refined, thousands in a textured image:
    /// no arrays.)
    private func edges(
        from centre: ImagePoint, step: Int, horizontal: Bool, threshold: Double, reach: Int
    ) -> (Double, Double, Double)? {
        let fixed = Int(horizontal ? centre.y : centre.x)
        var position = Int(horizontal ? centre.x : centre.y)
        let limit = horizontal ? image.width : image.height
        guard (0..<(horizontal ? image.height : image.width)).contains(fixed) else { return nil }
        var crossings = (0.0, 0.0), found = 0
        var previous = level(position, fixed, horizontal)
        var wantDark = false  // the stone is dark; the first crossing goes to light
        for _ in 0..<reach {
            let next = position + step
            guard next >= 0 && next < limit else { return nil }
            let value = level(next, fixed, horizontal)
            if (value < threshold) == wantDark {
                let fraction = (threshold - previous) / (value - previous)
                let crossing = Double(position) + 0.5 + Double(step) * fraction
                switch found {
                case 0: crossings.0 = crossing
                case 1: crossings.1 = crossing
                default: return (crossings.0, crossings.1, crossing)
                }
                found += 1
                wantDark.toggle()
            }
            previous = value
            position = next
        }
        return nil
    }

    private func level(_ along: Int, _ fixed: Int, _ horizontal: Bool) -> Double {
        let value = horizontal ? image[along, fixed] : image[fixed, along]
        return Double(inverted ? 255 - value : value)
    }
}

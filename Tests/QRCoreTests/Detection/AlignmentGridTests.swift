import Testing

@testable import QRCore

/// Following the lattice of alignment patterns over a symbol that one
/// homography cannot map (§6.3.6).
struct AlignmentGridTests {
    /// A version 30 symbol on a cylinder, started from the parallelogram
    /// of its finder patterns' centres (the first guess when nothing better
    /// is measured), which misplaces patterns by up to a module: every
    /// alignment pattern must still be found, so that each cell's own
    /// transform puts the patterns' centres within a third of a module.
    @Test(arguments: [0.35, 0.5])
    func followsACurvedPage(wrap: Double) throws {
        let version = try QRVersion(number: 30)
        let code = try QRCode(
            text: String(repeating: "CURVED PAGE 0123456789 ", count: 50),
            options: EncodingOptions(correctionLevel: .low, versions: version...version))
        let view = CylinderView(dimension: code.size, moduleSize: 3, wrap: wrap, degrees: 4)
        let image = SyntheticImage.curved(view, modules: code.modules).image
        let d = Double(code.size)
        let finders = [ImagePoint(x: 3.5, y: 3.5), ImagePoint(x: d - 3.5, y: 3.5), ImagePoint(x: 3.5, y: d - 3.5)]
        let (tl, tr, bl) = (view.imagePoint(finders[0]), view.imagePoint(finders[1]), view.imagePoint(finders[2]))
        let centres = [finders[0], finders[1], ImagePoint(x: d - 3.5, y: d - 3.5), finders[2]]
        let initial = try #require(PerspectiveTransform.quadrilateral(centres, to: [tl, tr, tr + bl - tl, bl]))
        let grid = try #require(
            AlignmentGrid(
                version: version, initial: initial, finders: finders.map(view.imagePoint),
                finder: AlignmentPatternFinder(binary: Binarizer().binarize(image).binary)))
        var worstInitial = 0.0
        for cy in VersionRecord.of(version).alignmentCentres {
            for cx in VersionRecord.of(version).alignmentCentres {
                let p = ImagePoint(x: Double(cx) + 0.5, y: Double(cy) + 0.5)
                #expect(
                    grid.map(p.x, p.y).distance(to: view.imagePoint(p)) < view.moduleSize / 3, "pattern at \(cx), \(cy)"
                )
                worstInitial = max(worstInitial, initial.apply(p).distance(to: view.imagePoint(p)))
            }
        }
        #expect(worstInitial > view.moduleSize / 3)
    }
}

import Testing

@testable import QRCore

/// The light-on-dark search confirms the windows the dark-on-light walk
/// noted instead of walking the full rows again
/// (``FinderPatternFinder/OppositeWindows``); it must find exactly what its
/// own walk would.
struct FinderPatternFinderTests {
    /// Candidates as comparable values.
    static func summary(_ candidates: [FinderCandidate]) -> [String] {
        candidates.map { "\($0.centre.x) \($0.centre.y) \($0.moduleSize) \($0.count)" }
    }

    /// The candidates of `image`'s light-on-dark search, walked and replayed.
    static func bothWays(_ image: GrayImage, everyRow: Bool) -> (walked: [String], replayed: [String]) {
        let binary = Binarizer().binarize(image).binary
        var inverted = binary
        inverted.invert()
        let noted = FinderPatternFinder(binary: binary).find(everyRow: everyRow, fullRows: .walkNotingOpposite)
        let walked = FinderPatternFinder(binary: inverted).find(everyRow: everyRow)
        let replayed = FinderPatternFinder(binary: inverted).find(everyRow: everyRow, fullRows: .replay(noted.opposite))
        return (summary(walked), summary(replayed.candidates))
    }

    /// A light-on-dark symbol (found only by the second search) beside a
    /// dark-on-light one (whose patterns the noting walk also confirms), so
    /// that both polarities have finders, in every row mode.
    @Test(arguments: [false, true])
    func replayFindsWhatTheWalkFinds(everyRow: Bool) throws {
        let code = try QRCode(text: "light on dark")
        let scale = 5, margin = 20, side = code.size * scale
        var image = GrayImage(width: 2 * side + 3 * margin, height: side + 2 * margin, value: 200)
        // The right half dark: the quiet zone of the light-on-dark copy.
        for y in 0..<image.height {
            for x in (side + margin * 3 / 2)..<image.width { image[x, y] = 30 }
        }
        for y in 0..<side {
            for x in 0..<side {
                let dark = code.modules[x / scale, y / scale]
                image[margin + x, margin + y] = dark ? 30 : 220
                // The inverted copy, on the dark half.
                image[2 * margin + side + x, margin + y] = dark ? 220 : 30
            }
        }
        let (walked, replayed) = Self.bothWays(image, everyRow: everyRow)
        #expect(walked.count >= 3)
        #expect(replayed == walked)
    }

    /// The zxing-cpp sample photos: real texture, both polarities.
    @Test(.enabled(if: BuildTraits.readsPNG))
    func replayMatchesOnThePhotos() throws {
        for sample in ZXingCorpusTests.samples {
            let image = try GrayImage(contentsOfFile: sample.path)
            for everyRow in [false, true] {
                let (walked, replayed) = Self.bothWays(image, everyRow: everyRow)
                #expect(replayed == walked, "\(sample.testDescription), every row: \(everyRow)")
            }
        }
    }

    /// The integer bounds the row windows are screened with reject no
    /// window the ratio test accepts, and do reject many of those the
    /// rough test lets through.
    @Test func integerBoundsKeepEveryWindowTheRatioAccepts() {
        let finder = FinderPatternFinder(binary: BitMatrix(size: 1))
        let bounds = RunWindow.RatioBounds(tolerance: finder.tolerance)
        var rough = 0, screened = 0
        for r0 in 1...9 {
            for r1 in 1...9 {
                for r2 in 1...24 {
                    for r3 in 1...9 {
                        for r4 in 1...9 {
                            var window = RunWindow()
                            for run in [r0, r1, r2, r3, r4] { window.push(run) }
                            let fits = finder.fitsRatio(Double(r0), Double(r1), Double(r2), Double(r3), Double(r4))
                            if fits { #expect(window.isWithin(bounds), "\([r0, r1, r2, r3, r4])") }
                            if window.roughlyFits {
                                rough += 1
                                if !window.isWithin(bounds) { screened += 1 }
                            }
                        }
                    }
                }
            }
        }
        #expect(screened * 3 > rough)
    }
}

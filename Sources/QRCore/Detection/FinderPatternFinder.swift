/// A possible finder pattern: the centre of its 3×3 dark stone and the
/// estimated module size, merged over every scan line that confirmed it.
struct FinderCandidate: Sendable {
    var centre: ImagePoint
    var moduleSize: Double
    /// How many scan lines found it; more means more certain.
    var count: Int
}

/// Finds finder patterns (ISO/IEC 18004:2015 §6.3.3): dark 1, light 1,
/// dark 3, light 1, dark 1 modules along any line through the centre, at any
/// rotation, since the pattern is concentric squares.
///
/// Rows of the binary image are scanned for five runs in about that ratio;
/// each hit is confirmed by the same ratio vertically and diagonally through
/// its centre, re-centred horizontally, and merged with nearby hits.
struct FinderPatternFinder {
    let binary: BitMatrix
    /// `binary` transposed: the vertical cross-checks read its columns as
    /// rows, a word at a time, rather than a word from another row at
    /// every pixel.
    private let columns: BitMatrix
    /// How far each single-module run may stray from the estimated module
    /// size, as a fraction of it; blur and perspective both stretch runs.
    let tolerance = 0.7
    /// ``fitsRatio(_:_:_:_:_:)``'s bounds in integers, for the row windows.
    private let ratioBounds: RunWindow.RatioBounds

    /// A finder for `binary`, whose transpose the caller may already have.
    init(binary: BitMatrix, transposed: BitMatrix? = nil) {
        self.binary = binary
        columns = transposed ?? binary.transposed()
        ratioBounds = RunWindow.RatioBounds(tolerance: tolerance)
    }

    /// The words of the binary image, row by row, and of its transpose.
    private struct Planes {
        let rows: UnsafeBufferPointer<UInt64>
        let columns: UnsafeBufferPointer<UInt64>
    }

    /// All candidates. Even rows are scanned end to end; an odd row only
    /// around the patterns confirmed on the even rows beside it, unless
    /// `everyRow`. A real pattern's stone crosses several rows, so every row
    /// through it is still scanned and each confirms it as before (its count
    /// is what ``FinderPatternGrouper/isPlausible(_:)`` judges), while
    /// texture that mimics the ratio on one odd row alone, and half the row
    /// walking, is skipped: the scan was the largest stage of a search.
    /// Patterns of under two pixels a module, blurred, may confirm on odd
    /// rows alone, and need `everyRow`.
    ///
    /// Hits are merged in row order, as a scan of every row merges them
    /// (merging averages, so its order shows in the centres): odd row y − 1,
    /// which needs the spans of even row y, before row y.
    func find(everyRow: Bool = false) -> [FinderCandidate] {
        find(everyRow: everyRow, fullRows: .walk).candidates
    }

    /// How a scan reads the rows it scans end to end.
    enum FullRows {
        /// Walks them.
        case walk
        /// Walks them and notes the windows the opposite polarity checks
        /// there (``OppositeWindows``).
        case walkNotingOpposite
        /// Checks the windows the other polarity's walk noted instead of
        /// walking them again.
        case replay(OppositeWindows)
    }

    /// The windows of five runs that a scan of the inverted image would check
    /// on the full rows, found by the walk of this one: both polarities see
    /// the same runs (the margin before column 0 is light in each, and its run
    /// cannot complete a window), one checking after each dark run and the
    /// other after each light one. The light-on-dark search, which follows
    /// a failed dark-on-light one, then confirms these instead of walking the
    /// rows again: on an image without a symbol that walk was a sixth of the
    /// time.
    struct OppositeWindows: Sendable {
        fileprivate var windows: [(y: Int, rowEnd: Int, runs: RunWindow)] = []
    }

    /// ``find(everyRow:)``, reading the full rows as `fullRows` says, and
    /// the windows noted for the opposite polarity (none unless
    /// ``FullRows/walkNotingOpposite``).
    func find(everyRow: Bool, fullRows: FullRows) -> (candidates: [FinderCandidate], opposite: OppositeWindows) {
        var candidates = MergedCandidates(height: binary.height)
        var noted: [(y: Int, rowEnd: Int, runs: RunWindow)]?
        if case .walkNotingOpposite = fullRows { noted = [] }
        binary.words.withUnsafeBufferPointer { rows in
            columns.words.withUnsafeBufferPointer { columns in
                let planes = Planes(rows: rows, columns: columns)
                var hits: [FinderCandidate] = [], oddHits: [FinderCandidate] = []
                var spans: [Range<Int>] = []  // around the patterns confirmed on the row just scanned
                var replayed = 0  // the next noted window to check, when replaying
                func scanFullRow(_ y: Int) {
                    switch fullRows {
                    case .walk, .walkNotingOpposite:
                        scanRow(
                            y, from: 0, to: binary.width, planes: planes, hits: &hits, confirmed: &spans,
                            notingOpposite: &noted)
                    case .replay(let recorded):
                        while replayed < recorded.windows.count && recorded.windows[replayed].y == y {
                            let window = recorded.windows[replayed]
                            check(
                                window.runs, rowEnd: window.rowEnd, y: y, planes: planes, hits: &hits, confirmed: &spans
                            )
                            replayed += 1
                        }
                    }
                }
                if everyRow {
                    for y in 0..<binary.height {
                        scanFullRow(y)
                        merge(&hits, into: &candidates)
                        spans.removeAll(keepingCapacity: true)
                    }
                    return
                }
                var above: [Range<Int>] = []  // spans from the even row above the odd row `y − 1`
                for y in Swift.stride(from: 0, to: binary.height, by: 2) {
                    scanFullRow(y)
                    if y > 0 {
                        scanSpans(above + spans, row: y - 1, planes: planes, hits: &oddHits)
                        merge(&oddHits, into: &candidates)
                    }
                    merge(&hits, into: &candidates)
                    swap(&above, &spans)
                    spans.removeAll(keepingCapacity: true)
                }
                if binary.height % 2 == 0 {
                    scanSpans(above, row: binary.height - 1, planes: planes, hits: &oddHits)
                    merge(&oddHits, into: &candidates)
                }
            }
        }
        return (candidates.all, OppositeWindows(windows: noted ?? []))
    }

    /// Scans the parts of an odd row around patterns confirmed beside it,
    /// each stretch once where spans overlap.
    private func scanSpans(
        _ spans: [Range<Int>], row y: Int, planes: Planes, hits: inout [FinderCandidate]
    ) {
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var ignored: [Range<Int>] = []
        for span in merged {
            scanRow(y, from: span.lowerBound, to: span.upperBound, planes: planes, hits: &hits, confirmed: &ignored)
        }
    }

    /// Walks the runs of row `y` between columns `start` and `end` through
    /// its colour transitions and checks the last five runs whenever a dark
    /// run ends; the span around each confirmed pattern, a pattern's width
    /// either side, goes to `confirmed`. From the row's start the margin
    /// before the first transition counts as light; from inside the row
    /// the runs begin at the first transition, since the run cut by `start`
    /// has no true length. (A plain loop over the transitions: closures
    /// capturing the run state cost dynamic exclusivity checks here.)
    private func scanRow(
        _ y: Int, from start: Int, to end: Int, planes: Planes,
        hits: inout [FinderCandidate], confirmed: inout [Range<Int>]
    ) {
        var notNoting: [(y: Int, rowEnd: Int, runs: RunWindow)]? = nil
        scanRow(y, from: start, to: end, planes: planes, hits: &hits, confirmed: &confirmed, notingOpposite: &notNoting)
    }

    /// ``scanRow(_:from:to:planes:hits:confirmed:)``, also appending to
    /// `opposite`, unless it is nil, every window of a full row that ends
    /// with a light run and fits the ratio (``OppositeWindows``).
    @inline(__always)
    private func scanRow(
        _ y: Int, from start: Int, to end: Int, planes: Planes,
        hits: inout [FinderCandidate], confirmed: inout [Range<Int>],
        notingOpposite opposite: inout [(y: Int, rowEnd: Int, runs: RunWindow)]?
    ) {
        var window = RunWindow()
        var transitions = binary.transitions(in: planes.rows, row: y, from: start, to: end)
        guard let first = transitions.next() else { return }
        // The run that starts at `runStart` is dark when `dark`. A row
        // scanned from its start opens with the light margin's run, of no
        // length when the first column is dark.
        var runStart = first, dark = binary[first, y]
        if start == 0 && first > 0 {
            window.push(first)
            dark = true
        }
        // The loop runs at every transition of every scanned row: no overflow
        // checks (columns are far below Int.max), and two runs, dark then
        // light, a turn, so that no colour is tracked.
        if !dark, let position = transitions.next() {
            window.push(position &- runStart)
            note(window, rowEnd: position, y: y, in: &opposite)
            runStart = position
            dark = true
        }
        while dark {
            guard let position = transitions.next() else { break }
            window.push(position &- runStart)
            check(window, rowEnd: position, y: y, planes: planes, hits: &hits, confirmed: &confirmed)
            runStart = position
            guard let next = transitions.next() else {
                dark = false
                break
            }
            window.push(next &- runStart)
            note(window, rowEnd: next, y: y, in: &opposite)
            runStart = next
        }
        guard end == binary.width else { return }
        window.push(binary.width &- runStart)
        if dark {
            check(window, rowEnd: binary.width, y: y, planes: planes, hits: &hits, confirmed: &confirmed)
        } else {
            note(window, rowEnd: binary.width, y: y, in: &opposite)
        }
    }

    /// Appends the five runs ending at `rowEnd`, the last one light, to
    /// `opposite` if they fit the ratio and `opposite` is not nil: the
    /// opposite polarity's ``check(_:rowEnd:y:planes:hits:confirmed:)``
    /// would look at them (``OppositeWindows``).
    @inline(__always)
    private func note(
        _ window: RunWindow, rowEnd: Int, y: Int, in opposite: inout [(y: Int, rowEnd: Int, runs: RunWindow)]?
    ) {
        if opposite != nil && window.roughlyFits && window.isWithin(ratioBounds) && fits(window) {
            opposite!.append((y, rowEnd, window))
        }
    }

    /// Checks the five runs ending at `rowEnd`, the last one dark, and
    /// adds a confirmed pattern to `hits`.
    @inline(__always)
    private func check(
        _ window: RunWindow, rowEnd: Int, y: Int, planes: Planes,
        hits: inout [FinderCandidate], confirmed: inout [Range<Int>]
    ) {
        guard window.roughlyFits && window.isWithin(ratioBounds) && fits(window),
            let found = confirm(runs: window, rowEnd: rowEnd, y: y, planes: planes)
        else { return }
        hits.append(found)
        let total = window.total
        confirmed.append(max(0, rowEnd - 2 * total)..<min(binary.width, rowEnd + total))
    }

    private func fits(_ runs: RunWindow) -> Bool {
        fitsRatio(Double(runs.r0), Double(runs.r1), Double(runs.r2), Double(runs.r3), Double(runs.r4))
    }

    /// Whether five runs, dark first, fit 1:1:3:1:1.
    func fitsRatio(_ r0: Double, _ r1: Double, _ r2: Double, _ r3: Double, _ r4: Double) -> Bool {
        let total = r0 + r1 + r2 + r3 + r4
        guard total >= 7 else { return false }
        let unit = total / 7, slack = unit * tolerance
        return abs(r0 - unit) < slack && abs(r1 - unit) < slack && abs(r3 - unit) < slack
            && abs(r4 - unit) < slack && abs(r2 - 3 * unit) < slack * 2
    }

    /// Checks a horizontal hit vertically, re-centres it horizontally and checks
    /// a diagonal; returns the confirmed candidate.
    private func confirm(runs: RunWindow, rowEnd: Int, y: Int, planes: Planes) -> FinderCandidate? {
        let total = runs.total
        let centreX = Double(rowEnd - runs.r4 - runs.r3) - Double(runs.r2) / 2
        guard let vertical = crossCheck(from: centreX, Double(y), dx: 0, dy: 1, expected: total, planes: planes),
            let horizontal = crossCheck(from: centreX, vertical.centre, dx: 1, dy: 0, expected: total, planes: planes)
        else { return nil }
        // The diagonal rules out lookalikes, but below two pixels a module the
        // pixel grid itself breaks a diagonal's runs: small patterns are spared it.
        if total >= 14
            && crossCheck(from: horizontal.centre, vertical.centre, dx: 1, dy: 1, expected: total, planes: planes)
                == nil
        {
            return nil
        }
        let moduleSize = (vertical.total + horizontal.total) / 14
        return FinderCandidate(
            centre: ImagePoint(x: horizontal.centre + 0.5, y: vertical.centre + 0.5),
            moduleSize: moduleSize, count: 1)
    }

    /// How much longer or shorter a pattern may measure across one line
    /// than along another. A steep, close view squeezes a finder pattern along
    /// the tilt to a third of its width across it or less (hard corpus
    /// category `foreshortened`, seed 1: the far patterns of
    /// foreshortened-009 measure 2.5 times, those of foreshortened-014 over 3
    /// times as long down a column as along a row).
    static let maximumStretch = 4.0

    /// Measures the five runs along direction (dx, dy) through (x, y), which
    /// must be inside the centre stone. Returns the position of the stone's
    /// middle along the line (x for horizontal and diagonal, y for vertical)
    /// and the pattern's length, if the runs fit the ratio and the length is
    /// within a factor of ``maximumStretch`` of `expected`.
    private func crossCheck(
        from x: Double, _ y: Double, dx: Int, dy: Int, expected: Int, planes: Planes
    ) -> (centre: Double, total: Double)? {
        let startX = Int(x), startY = Int(y)
        guard binary.isSet(x: startX, y: startY) else { return nil }
        let scale = dx != 0 && dy != 0 ? 2.0.squareRoot() : 1.0
        // The walks stop at the longest run that could still pass the tests
        // below: the five runs span fewer than `reach` pixels, so a ring
        // under (1 + tolerance) / 7 of that and the stone (each half of it
        // too) under (3 + 2 · tolerance) / 7. Texture fails mostly on a
        // long run, and a vertical walk reads a word per pixel.
        let reach = Double(expected) * Self.maximumStretch / scale
        let limits = (stone: Int(reach * (3 + 2 * tolerance) / 7) + 1, ring: Int(reach * (1 + tolerance) / 7) + 1)
        guard let back = runs(fromX: startX, y: startY, dx: -dx, dy: -dy, limits: limits, planes: planes),
            let ahead = runs(fromX: startX, y: startY, dx: dx, dy: dy, limits: limits, planes: planes)
        else { return nil }
        let centreRun = back.stone + ahead.stone - 1
        let total = Double(back.ring + back.outer + centreRun + ahead.ring + ahead.outer) * scale
        guard
            fitsRatio(
                Double(back.outer), Double(back.ring), Double(centreRun), Double(ahead.ring), Double(ahead.outer)),
            total * Self.maximumStretch > Double(expected), total < Double(expected) * Self.maximumStretch
        else { return nil }
        let along = dy != 0 && dx == 0 ? startY : startX
        let stoneStart = Double(along - back.stone + 1)
        return (stoneStart + Double(centreRun) / 2 - 0.5, total)
    }

    /// Lengths of the dark run containing the start (the stone), then the
    /// light ring and the dark outer ring beyond it, walking in one direction;
    /// nil if the stone's part exceeds `limits.stone` pixels, a ring
    /// `limits.ring`, or the image ends before the outer ring.
    private func runs(
        fromX x: Int, y: Int, dx: Int, dy: Int, limits: (stone: Int, ring: Int), planes: Planes
    ) -> (stone: Int, ring: Int, outer: Int)? {
        // Along a row or a column, whole runs at a time.
        if dy == 0 {
            return Self.runs(
                along: planes.rows, line: y * binary.stride, from: x, step: dx, length: binary.width, limits: limits)
        }
        if dx == 0 {
            return Self.runs(
                along: planes.columns, line: x * columns.stride, from: y, step: dy, length: binary.height,
                limits: limits)
        }
        // A diagonal pixel by pixel, straight from the words, and the
        // image's edge found once, as a count of steps, rather than tested
        // at every pixel.
        let stride = binary.stride
        func stepsInside(_ position: Int, _ delta: Int, _ size: Int) -> Int {
            delta > 0 ? size - position : position + 1
        }
        let inside = min(stepsInside(x, dx, binary.width), stepsInside(y, dy, binary.height))
        // Plain loops over local state: nested functions sharing it cost
        // dynamic exclusivity checks here.
        var index = y &* stride, px = x, steps = 0
        let rowStep = dy &* stride
        var lengths = (stone: 0, ring: 0, outer: 0)
        for phase in 0..<3 {
            let wanted: UInt64 = phase == 1 ? 0 : 1  // stone dark, ring light, outer ring dark
            let limit = phase == 0 ? limits.stone : limits.ring
            var length = 0
            while steps < inside && planes.rows[index &+ px &>> 6] &>> UInt64(px & 63) & 1 == wanted {
                length &+= 1
                if length > limit { return nil }
                px &+= dx
                index &+= rowStep
                steps &+= 1
            }
            switch phase {
            case 0: lengths.stone = length
            case 1: lengths.ring = length
            default: lengths.outer = length
            }
        }
        return lengths.ring > 0 && lengths.outer > 0 ? lengths : nil
    }

    /// ``runs(fromX:y:dx:dy:limits:planes:)`` along one line of `length`
    /// bits starting at word `line` of `words`, from bit `start`, `step` ±1.
    @inline(__always)
    private static func runs(
        along words: UnsafeBufferPointer<UInt64>, line: Int, from start: Int, step: Int, length: Int,
        limits: (stone: Int, ring: Int)
    ) -> (stone: Int, ring: Int, outer: Int)? {
        var position = start
        var inside = step > 0 ? length - start : start + 1  // bits before the edge
        let stone = run(
            in: words, line: line, from: position, step: step, dark: true, upTo: min(limits.stone + 1, inside))
        guard stone <= limits.stone else { return nil }
        position += step * stone
        inside -= stone
        let ring = run(
            in: words, line: line, from: position, step: step, dark: false, upTo: min(limits.ring + 1, inside))
        guard ring > 0 && ring <= limits.ring else { return nil }
        position += step * ring
        inside -= ring
        let outer = run(
            in: words, line: line, from: position, step: step, dark: true, upTo: min(limits.ring + 1, inside))
        guard outer > 0 && outer <= limits.ring else { return nil }
        return (stone, ring, outer)
    }

    /// How many bits from `start`, walking by `step` (±1), read `dark`
    /// (set) or light, counted at most to `limit`: a word at a time, the
    /// run's end found by counting zero bits.
    @inline(__always)
    private static func run(
        in words: UnsafeBufferPointer<UInt64>, line: Int, from start: Int, step: Int, dark: Bool, upTo limit: Int
    ) -> Int {
        // Bits that end the run become ones; those shifted in, zeros.
        let flip: UInt64 = dark ? .max : 0
        var count = 0, position = start
        while count < limit {
            let offset = position & 63
            let word = words[line &+ position &>> 6] ^ flip
            // Bits of the run left in this word, and how many the word holds
            // from `position` on in the walking direction.
            let (bits, available) =
                step > 0
                ? ((word &>> UInt64(offset)).trailingZeroBitCount, 64 - offset)
                : ((word &<< UInt64(63 - offset)).leadingZeroBitCount, offset + 1)
            count += min(bits, available)
            guard bits >= available else { break }
            position += step * available
        }
        return min(count, limit)
    }

    /// Merges one row's hits, in order, and empties the list for the next row.
    private func merge(_ hits: inout [FinderCandidate], into candidates: inout MergedCandidates) {
        for hit in hits { candidates.merge(hit) }
        hits.removeAll(keepingCapacity: true)
    }
}

/// The candidates found so far, each hit averaged into the first one at the
/// same place with a similar module size, or added. Indexed by bands of
/// rows: textured images leave thousands of candidates (15,000 light-on-dark
/// ones over the 40 images without a code of the hard corpora), and comparing
/// every hit with all of them made merging quadratic.
struct MergedCandidates {
    private(set) var all: [FinderCandidate] = []
    /// Indices into `all` by band of ``bandHeight`` rows of the centre.
    private var bands: [[Int]]
    /// At least every candidate's module size, for bounding how far away a
    /// match can be.
    private var largestModule = 0.0

    static let bandHeight = 32

    init(height: Int) {
        bands = Array(repeating: [], count: height / Self.bandHeight + 1)
    }

    private func band(_ y: Double) -> Int {
        guard y > 0 else { return 0 }  // and NaN
        guard y < Double(bands.count * Self.bandHeight) else { return bands.count - 1 }
        return Int(y) / Self.bandHeight
    }

    /// Averages `found` into the first candidate at the same place with a
    /// similar module size (the lowest index, as a scan of the whole list
    /// in order finds it), or adds it.
    mutating func merge(_ found: FinderCandidate) {
        largestModule = max(largestModule, found.moduleSize)
        // No candidate outside these bands is within reach of `found` (see
        // `matches`): they hold every centre within the largest reach.
        let bound = largestModule * Self.reachInModules
        var first: Int?
        for band in band(found.centre.y - bound)...band(found.centre.y + bound) {
            for index in bands[band] where index < (first ?? Int.max) && Self.matches(all[index], found) {
                first = index
            }
        }
        guard let index = first else {
            bands[band(found.centre.y)].append(all.count)
            all.append(found)
            return
        }
        let existing = all[index], n = Double(existing.count)
        let merged = FinderCandidate(
            centre: (existing.centre * n + found.centre) * (1 / (n + 1)),
            moduleSize: (existing.moduleSize * n + found.moduleSize) / (n + 1),
            count: existing.count + 1)
        all[index] = merged
        let from = band(existing.centre.y), to = band(merged.centre.y)
        if from != to {
            bands[from].removeAll { $0 == index }
            bands[to].append(index)
        }
    }

    /// How far apart, in the larger module size, two hits of one pattern
    /// may be: within the stone and its ring. The scan lines through a
    /// pattern squeezed by a steep view centre it up to two modules apart
    /// along its long axis (foreshortened-004 of the seed-1 hard corpus);
    /// another symbol's pattern is at least 14 modules away.
    static let reachInModules = 2.5

    /// Whether `found` is a hit of the pattern `existing`.
    private static func matches(_ existing: FinderCandidate, _ found: FinderCandidate) -> Bool {
        let reach = max(existing.moduleSize, found.moduleSize) * reachInModules
        // The distance is at least the vertical offset (in floating point
        // too), which rules out most candidates without a square root.
        guard abs(existing.centre.y - found.centre.y) <= reach else { return false }
        return existing.centre.distance(to: found.centre) <= reach
            && abs(existing.moduleSize - found.moduleSize) <= max(existing.moduleSize, found.moduleSize) * 0.5
    }
}

/// The last five runs of a scan line, oldest first. Plain fields rather than
/// an array: this is updated at every transition of every scanned row.
/// Before five runs have been pushed the oldest are 0, which no ratio test
/// accepts (``FinderPatternFinder/fitsRatio(_:_:_:_:_:)`` wants every run
/// within 70 % of its share).
struct RunWindow {
    private(set) var r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0

    var total: Int { r0 &+ r1 &+ r2 &+ r3 &+ r4 }

    /// A cheap integer pre-test of the 1:1:3:1:1 ratio, looser than
    /// ``FinderPatternFinder/fitsRatio``: the centre run must be the longest
    /// and at least 7 pixels must be covered. Rejects most noise runs before
    /// any floating-point work.
    @inline(__always)
    var roughlyFits: Bool {
        r2 >= r0 && r2 >= r1 && r2 >= r3 && r2 >= r4 && total >= 7 && r2 &* 8 >= total &* 2
    }

    /// Whether every run lies within `bounds`, which
    /// ``FinderPatternFinder/fitsRatio`` implies: in integers and without a
    /// branch, for the windows that pass ``roughlyFits``. Half of those
    /// fail it (on the images without a code of the hard corpora), and the
    /// floating-point test's branches, which texture makes unpredictable,
    /// were a tenth of a search's time.
    @inline(__always)
    func isWithin(_ bounds: RatioBounds) -> Bool {
        let (t, scale) = (total, RatioBounds.scale)
        // Each condition a ≤ b as a − b − 1, negative when it holds: the
        // bitwise and of all of them is negative when all hold.
        func atMost(_ a: Int, _ b: Int) -> Int { a &- b &- 1 }
        func within(_ run: Int, _ range: (lower: Int, upper: Int)) -> Int {
            atMost(range.lower &* t, scale &* run) & atMost(scale &* run, range.upper &* t)
        }
        return within(r0, bounds.ring) & within(r1, bounds.ring) & within(r2, bounds.stone)
            & within(r3, bounds.ring) & within(r4, bounds.ring) < 0
    }

    /// Bounds on a run's share of a window, in 700ths (sevenths of
    /// hundredths), rounded outwards from those of a tolerance: with
    /// tolerance t, a ring or outer run lies within (1 ± t) / 7 of the
    /// window and the stone within (3 ± 2t) / 7.
    struct RatioBounds {
        static let scale = 700
        let ring: (lower: Int, upper: Int)
        let stone: (lower: Int, upper: Int)

        init(tolerance t: Double) {
            func outwards(_ low: Double, _ high: Double) -> (lower: Int, upper: Int) {
                (Int((low * 100).rounded(.down)) - 1, Int((high * 100).rounded(.up)) + 1)
            }
            ring = outwards(1 - t, 1 + t)
            stone = outwards(3 - 2 * t, 3 + 2 * t)
        }
    }

    /// Appends the run that just ended.
    @inline(__always)
    mutating func push(_ length: Int) {
        (r0, r1, r2, r3, r4) = (r1, r2, r3, r4, length)
    }
}

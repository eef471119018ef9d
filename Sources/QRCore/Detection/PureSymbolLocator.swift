/// Locates a symbol that fills the image: a crop with little or no quiet
/// zone, as scanners and apps hand them over (hard corpus category `bare`),
/// often at one or two pixels a module.
///
/// There the scan-line search for finder patterns fails: at 1.2 pixels a
/// module the binarised rings and stone lose their 1:1:3:1:1 proportions
/// (test image bare-019 of the seed-1 corpus), and a blurred finder pattern
/// touching the image's edge has nothing beyond it to measure. Like
/// zxing-cpp's "pure barcode" path, this reads the symbol's outline from the
/// extent of its dark pixels instead: the three corners that hold finder
/// patterns are always dark, so the dark pixels reaching furthest towards
/// the image's corners are the symbol's corners, even when it is turned a
/// little. The dimension is not estimated from a finder's width, which is
/// off by a whole pixel at this scale; every dimension whose modules would
/// be at least about a pixel is tried, in each of the four orientations, and
/// the timing patterns pick the right one.
struct PureSymbolLocator {
    /// The binary image, dark set (inverted for light-on-dark symbols).
    let binary: BitMatrix
    let image: GrayImage
    var inverted = false

    /// The least share of the image's width and height that the dark pixels
    /// must span: a crop keeps at most a module or two of margin, and a
    /// symbol in a wider scene is the finder-pattern search's to find.
    static let minimumCoverage = 0.75

    /// The least share of timing modules a mapping must read right. Lower
    /// than for symbols found by their finder patterns: at a pixel or so a
    /// module a correct mapping misreads a third of them (bare-014 of the
    /// seed-1 corpus, read at 0.67), and only a handful of mappings are tried.
    static let minimumAgreement = 0.55

    /// The smallest module, in pixels, worth sampling.
    static let minimumModuleSize = 0.9

    /// The box around the dark pixels (inclusive pixel bounds) and the dark
    /// pixels furthest towards the image's top-left, top-right and
    /// bottom-left corners.
    struct Extent {
        var left = Int.max, right = -1, top = Int.max, bottom = -1
        var topLeft = (score: Int.min, x: 0, y: 0), topRight = (score: Int.min, x: 0, y: 0)
        var bottomLeft = (score: Int.min, x: 0, y: 0)

        /// Takes in row `y`, whose dark pixels run from `first` to `last`.
        mutating func add(row y: Int, first: Int, last: Int) {
            top = min(top, y); bottom = max(bottom, y)
            left = min(left, first); right = max(right, last)
            if -(first + y) > topLeft.score { topLeft = (-(first + y), first, y) }
            if last - y > topRight.score { topRight = (last - y, last, y) }
            if y - first > bottomLeft.score { bottomLeft = (y - first, first, y) }
        }
    }

    /// The extent of the dark pixels, or nil if they do not span most of the
    /// image or the box around them is far from square (a photograph's
    /// clutter rather than a symbol).
    func extent() -> Extent? {
        var extent = Extent()
        for y in 0..<binary.height {
            if let (first, last) = darkExtent(row: y) { extent.add(row: y, first: first, last: last) }
        }
        let width = Double(extent.right - extent.left + 1), height = Double(extent.bottom - extent.top + 1)
        guard extent.bottom >= 0, width >= Self.minimumCoverage * Double(binary.width),
            height >= Self.minimumCoverage * Double(binary.height),
            abs(width - height) <= 0.15 * max(width, height) + 2
        else { return nil }
        return extent
    }

    /// The first and last dark columns of row `y`, if it has any: the first
    /// word with a dark pixel from the left and the first from the right,
    /// so that a photo's rows, dark at both ends, cost two words each (this
    /// runs after every search that finds nothing).
    private func darkExtent(row y: Int) -> (Int, Int)? {
        let base = y * binary.stride
        return binary.words.withUnsafeBufferPointer { words in
            guard let left = (0..<binary.stride).first(where: { words[base + $0] != 0 }) else { return nil }
            let right = (left..<binary.stride).last { words[base + $0] != 0 }!
            return (
                left * 64 + words[base + left].trailingZeroBitCount,
                right * 64 + 63 - words[base + right].leadingZeroBitCount
            )
        }
    }

    /// The symbol's top-left, top-right and bottom-left outer corners: the
    /// outer corners of the extreme dark pixels, each side moved by the
    /// share of a pixel its edge truly lies beyond them.
    func corners() -> (topLeft: ImagePoint, topRight: ImagePoint, bottomLeft: ImagePoint)? {
        guard let e = extent() else { return nil }
        let levels = darkAndLight(e)
        let left = edgeShift(e, side: .left, levels: levels), right = edgeShift(e, side: .right, levels: levels)
        let top = edgeShift(e, side: .top, levels: levels), bottom = edgeShift(e, side: .bottom, levels: levels)
        return (
            ImagePoint(x: Double(e.topLeft.x) - left, y: Double(e.topLeft.y) - top),
            ImagePoint(x: Double(e.topRight.x + 1) + right, y: Double(e.topRight.y) - top),
            ImagePoint(x: Double(e.bottomLeft.x) - left, y: Double(e.bottomLeft.y + 1) + bottom)
        )
    }

    enum Side { case left, right, top, bottom }

    /// How far the symbol's edge on `side` lies beyond the outer boundary of
    /// its last dark pixels, in pixels (negative: inside it).
    ///
    /// A boundary pixel's grey level says how much of it the symbol covers;
    /// at a pixel or so a module, the half pixel a box of whole pixels can be
    /// off moves the far modules' samples by half a module (bare-019 of the
    /// seed-1 corpus: 23 misread modules from the box, 6 from the true edges).
    /// The dark share of each boundary pixel and of the pixel beyond it are
    /// averaged along the edge.
    private func edgeShift(_ e: Extent, side: Side, levels: (dark: Double, light: Double)) -> Double {
        let (range, pixel, dx, dy): (ClosedRange<Int>, (Int) -> (x: Int, y: Int), Int, Int) =
            switch side {
            case .left: (e.top...e.bottom, { (e.left, $0) }, -1, 0)
            case .right: (e.top...e.bottom, { (e.right, $0) }, 1, 0)
            case .top: (e.left...e.right, { ($0, e.top) }, 0, -1)
            case .bottom: (e.left...e.right, { ($0, e.bottom) }, 0, 1)
            }
        var total = 0.0, count = 0
        for i in range {
            let (x, y) = pixel(i)
            guard binary[x, y] else { continue }
            total += darkShare(x, y, levels) - 1 + darkShare(x + dx, y + dy, levels)
            count += 1
        }
        return count > 0 ? total / Double(count) : 0
    }

    /// The share of pixel (x, y) the symbol's dark covers, from its grey
    /// level between the symbol's dark and light levels; 0 off the image.
    private func darkShare(_ x: Int, _ y: Int, _ levels: (dark: Double, light: Double)) -> Double {
        guard x >= 0, y >= 0, x < image.width, y < image.height, levels.light > levels.dark else { return 0 }
        let value = Double(inverted ? 255 - image[x, y] : image[x, y])
        return min(1, max(0, (levels.light - value) / (levels.light - levels.dark)))
    }

    /// Mean grey levels of the dark and the light pixels inside the box.
    private func darkAndLight(_ e: Extent) -> (dark: Double, light: Double) {
        var dark = 0.0, light = 0.0, darkCount = 0.0, lightCount = 0.0
        for y in e.top...e.bottom {
            for x in e.left...e.right {
                let value = Double(inverted ? 255 - image[x, y] : image[x, y])
                if binary[x, y] { dark += value; darkCount += 1 } else { light += value; lightCount += 1 }
            }
        }
        return (dark / max(1, darkCount), light / max(1, lightCount))
    }

    /// Mappings of the symbol for every plausible dimension and orientation
    /// whose timing patterns agree at least `floor`, the best `limit` first;
    /// `agreement` scores a mapping's timing patterns.
    func mappings(floor: Double, limit: Int, agreement: (GridMapping, Double) -> Double) -> [GridMapping] {
        guard let (tl, tr, bl) = corners() else { return [] }
        let side = min(tl.distance(to: tr), tl.distance(to: bl))
        let largest = min(177, Int(side / Self.minimumModuleSize))
        guard largest >= 21 else { return [] }
        // Clockwise from the top-left; the symbol's top-left may be any of them.
        let outline = [tl, tr, tr + bl - tl, bl]
        var scored: [(mapping: GridMapping, agreement: Double)] = []
        for dimension in Swift.stride(from: 21, through: largest, by: 4) {
            let d = Double(dimension)
            let square = [
                ImagePoint(x: 0, y: 0), ImagePoint(x: d, y: 0), ImagePoint(x: d, y: d), ImagePoint(x: 0, y: d),
            ]
            for turn in 0..<4 {
                let corners = (0..<4).map { outline[(turn + $0) % 4] }
                guard let transform = PerspectiveTransform.quadrilateral(square, to: corners) else { continue }
                let mapping = GridMapping(dimension: dimension, transform: transform, moduleSize: side / d)
                let score = agreement(mapping, floor)
                if score >= floor { scored.append((mapping, score)) }
            }
        }
        return scored.sorted { $0.agreement > $1.agreement }.prefix(limit).map(\.mapping)
    }
}

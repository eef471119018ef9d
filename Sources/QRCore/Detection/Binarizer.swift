/// Turns a greyscale image into dark/light pixels with a threshold that adapts
/// to local lighting, so that shadows, gradients, glare and low contrast
/// (down to about a tenth of the full range) still separate modules cleanly.
///
/// The image is cut into square blocks. A block whose pixels span enough
/// contrast contributes its mean as the local grey level; a flat block
/// (inside a large dark or light area, or plain background) takes the level
/// of the nearest block that has contrast, so that the inside of a big finder
/// pattern stays dark and a blank margin stays light. Each block's threshold
/// is the average level over the 5×5 blocks around it.
struct Binarizer {
    /// Side of a block in pixels.
    let blockSize: Int
    /// The smallest spread between a block's darkest and lightest pixel that
    /// counts as contrast. 10 % of full range is about 25 levels; across a
    /// module edge blurred over a block, a bit less survives.
    let minimumContrast: Int

    init(blockSize: Int = 8, minimumContrast: Int = 16) {
        self.blockSize = blockSize
        self.minimumContrast = minimumContrast
    }

    /// The thresholds and the binary image (dark = set) of `image`.
    func binarize(_ image: GrayImage) -> (thresholds: ThresholdMap, binary: BitMatrix) {
        let thresholds = thresholdMap(for: image)
        return (thresholds, apply(thresholds, to: image))
    }

    /// Per-block thresholds for `image`.
    func thresholdMap(for image: GrayImage) -> ThresholdMap {
        let statistics = BlockStatistics(image: image, blockSize: blockSize)
        var levels = statistics.levels(minimumContrast: minimumContrast)
        fillFlatBlocks(
            &levels, columns: statistics.columns, rows: statistics.rows,
            fallback: statistics.globalMinimum / 2)
        let smoothed = Self.boxAverage(levels, columns: statistics.columns, rows: statistics.rows, radius: 2)
        return ThresholdMap(
            blockSize: blockSize, columns: statistics.columns, rows: statistics.rows,
            values: smoothed.map { UInt8(clamping: $0) })
    }

    /// Gives every flat block (level −1) the level of its nearest contrasty
    /// block, by breadth-first search from all contrasty blocks at once
    /// (neighbours left, right, up, down, in that order). With no contrast
    /// anywhere the whole image is background: `fallback` (half the darkest
    /// value) leaves every pixel light.
    private func fillFlatBlocks(_ levels: inout [Int32], columns: Int, rows: Int, fallback: Int) {
        let count = levels.count
        // Each block is queued once at most: a fixed buffer, no appends.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { queue in
            levels.withUnsafeMutableBufferPointer { levels in
                var tail = 0
                for index in 0..<count where levels[index] >= 0 {
                    queue[tail] = index
                    tail += 1
                }
                guard tail > 0 else {
                    levels.update(repeating: Int32(fallback))
                    return
                }
                var head = 0
                while head < tail {
                    let index = queue[head]
                    head += 1
                    let level = levels[index]
                    let x = index % columns
                    // Flat neighbours take this block's level and join the queue.
                    @inline(__always) func spread(to neighbour: Int) {
                        guard levels[neighbour] < 0 else { return }
                        levels[neighbour] = level
                        queue[tail] = neighbour
                        tail += 1
                    }
                    if x > 0 { spread(to: index - 1) }
                    if x < columns - 1 { spread(to: index + 1) }
                    if index >= columns { spread(to: index - columns) }
                    if index + columns < count { spread(to: index + columns) }
                }
            }
        }
    }

    /// Mean of `values` over the (2r+1)² neighbourhood of each cell, clamped
    /// at the edges, through a summed-area table.
    static func boxAverage(_ values: [Int32], columns: Int, rows: Int, radius: Int) -> [Int32] {
        let stride = columns + 1
        var sums = [Int32](repeating: 0, count: stride * (rows + 1))
        var result = [Int32](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                for y in 0..<rows {
                    var rowSum: Int32 = 0
                    for x in 0..<columns {
                        rowSum += values[y * columns + x]
                        sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1] + rowSum
                    }
                }
            }
        }
        sums.withUnsafeBufferPointer { sums in
            result.withUnsafeMutableBufferPointer { result in
                for y in 0..<rows {
                    let top = max(0, y - radius) * stride, bottom = min(rows, y + radius + 1) * stride
                    let height = Int32(min(rows, y + radius + 1) - max(0, y - radius))
                    for x in 0..<columns {
                        let left = max(0, x - radius), right = min(columns, x + radius + 1)
                        let total = sums[bottom + right] - sums[top + right] - sums[bottom + left] + sums[top + left]
                        let area = height * Int32(right - left)
                        // Away from the edges every cell of the 5 × 5 average (the
                        // radius of 2 the threshold map uses) covers 25: a literal
                        // divisor becomes a multiplication, one per block of pixels.
                        result[y * columns + x] = area == 25 ? total / 25 : total / area
                    }
                }
            }
        }
        return result
    }

    /// The binary image: a pixel is dark when below its block's threshold.
    func apply(_ thresholds: ThresholdMap, to image: GrayImage) -> BitMatrix {
        precondition(64 % blockSize == 0, "blocks must tile 64-bit words")
        var binary = BitMatrix(width: image.width, height: image.height)
        let stride = binary.stride, width = image.width
        // Block sizes divide 64, so they are powers of two: a shift finds a
        // pixel's block rather than a division every eight pixels.
        let shift = blockSize.trailingZeroBitCount
        image.pixels.withUnsafeBufferPointer { pixels in
            thresholds.values.withUnsafeBufferPointer { levels in
                binary.words.withUnsafeMutableBufferPointer { words in
                    for y in 0..<image.height {
                        let levelRow = (y &>> shift) * thresholds.columns
                        let row = UnsafeRawPointer(pixels.baseAddress! + y * width), wordRow = y * stride
                        // Whole words first, each assembled from eight groups of
                        // eight pixels and stored once.
                        var x = 0
                        while x + 64 <= width {
                            var word: UInt64 = 0
                            for group in 0..<8 {
                                let start = x &+ group &* 8
                                word |=
                                    Self.darkBits(
                                        row.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                                        threshold: levels[levelRow &+ (start &>> shift)]) &<< UInt64(group &* 8)
                            }
                            words[wordRow &+ x &>> 6] = word
                            x += 64
                        }
                        while x + 8 <= width {
                            let bits = Self.darkBits(
                                row.loadUnaligned(fromByteOffset: x, as: UInt64.self),
                                threshold: levels[levelRow + (x &>> shift)])
                            words[wordRow + x >> 6] |= bits << UInt64(x & 63)
                            x += 8
                        }
                        for px in x..<width where pixels[y * width + px] < levels[levelRow + (px &>> shift)] {
                            words[wordRow + px >> 6] |= 1 << UInt64(px & 63)
                        }
                    }
                }
            }
        }
        return binary
    }

    /// Bit j set when byte j of `pixels` (8 pixels, first in the low byte)
    /// is below `threshold`, computed on all eight bytes at once: borrow-free
    /// per-byte comparison of the low seven bits, corrected by the top bits,
    /// then the eight flags gathered into one byte by a multiplication.
    @inline(__always)
    static func darkBits(_ pixels: UInt64, threshold: UInt8) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let t = UInt64(threshold) &* 0x0101_0101_0101_0101
        let lowAtLeast = (pixels | high) &- (t & ~high)
        let atLeast = ((pixels & ~t) | (~(pixels ^ t) & lowAtLeast)) & high
        let below = ~atLeast & high
        return ((below >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}

/// Minimum, maximum and sum of the pixels of every block, in one pass.
struct BlockStatistics {
    let columns: Int
    let rows: Int
    private var minimum: [UInt8]
    private var maximum: [UInt8]
    private var sum: [Int32]
    private var pixelCount: [Int32]
    private(set) var globalMinimum = 255

    var count: Int { columns * rows }

    init(image: GrayImage, blockSize: Int) {
        columns = (image.width + blockSize - 1) / blockSize
        rows = (image.height + blockSize - 1) / blockSize
        minimum = [UInt8](repeating: 255, count: columns * rows)
        maximum = [UInt8](repeating: 0, count: columns * rows)
        sum = [Int32](repeating: 0, count: columns * rows)
        pixelCount = [Int32](repeating: 0, count: columns * rows)
        accumulate(image, blockSize: blockSize)
        globalMinimum = Int(minimum.min() ?? 255)
    }

    private mutating func accumulate(_ image: GrayImage, blockSize: Int) {
        let (rows, columns) = (self.rows, self.columns)
        // Buffers rather than the arrays: each array write in this mutating
        // method was checked for bounds and uniqueness, once per block.
        image.pixels.withUnsafeBufferPointer { pixels in
            minimum.withUnsafeMutableBufferPointer { minimum in
                maximum.withUnsafeMutableBufferPointer { maximum in
                    sum.withUnsafeMutableBufferPointer { sum in
                        pixelCount.withUnsafeMutableBufferPointer { pixelCount in
                            for blockRow in 0..<rows {
                                let top = blockRow * blockSize, bottom = min(image.height, top + blockSize)
                                for blockColumn in 0..<columns {
                                    let left = blockColumn * blockSize, right = min(image.width, left + blockSize)
                                    let index = blockRow * columns + blockColumn
                                    let block =
                                        right - left == 8
                                        ? Self.vectorBlock(pixels, width: image.width, left: left, rows: top..<bottom)
                                        : Self.scalarBlock(
                                            pixels, width: image.width, columns: left..<right, rows: top..<bottom)
                                    (minimum[index], maximum[index], sum[index]) = block
                                    pixelCount[index] = Int32((right - left) * (bottom - top))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Statistics of an 8-pixel-wide block, eight pixels per vector operation.
    @inline(__always)
    private static func vectorBlock(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, left: Int,
        rows: Range<Int>
    ) -> (UInt8, UInt8, Int32) {
        var low = SIMD8<UInt8>(repeating: 255), high = SIMD8<UInt8>(repeating: 0), total = SIMD8<UInt16>()
        let base = UnsafeRawPointer(pixels.baseAddress!)
        for y in rows {
            let values = base.loadUnaligned(fromByteOffset: y &* width &+ left, as: SIMD8<UInt8>.self)
            low = pointwiseMin(low, values)
            high = pointwiseMax(high, values)
            total &+= SIMD8<UInt16>(truncatingIfNeeded: values)
        }
        return (low.min(), high.max(), Int32(total.wrappedSum()))
    }

    private static func scalarBlock(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, columns: Range<Int>,
        rows: Range<Int>
    ) -> (UInt8, UInt8, Int32) {
        var low: UInt8 = 255, high: UInt8 = 0, total: Int32 = 0
        for y in rows {
            for x in columns {
                let value = pixels[y * width + x]
                low = min(low, value)
                high = max(high, value)
                total += Int32(value)
            }
        }
        return (low, high, total)
    }

    /// Each block's grey level, halfway between its mean and its midrange,
    /// or −1 for a block whose pixels span less than `minimumContrast`.
    func levels(minimumContrast: Int) -> [Int32] {
        var levels = [Int32](repeating: -1, count: count)
        for index in 0..<count {
            let low = Int(minimum[index]), high = Int(maximum[index])
            guard high - low >= minimumContrast else { continue }
            let pixels = pixelCount[index]
            // Whole blocks of the default 8 × 8 hold 64 pixels: a literal
            // divisor there, not a division.
            let mean = Int(pixels == 64 ? sum[index] / 64 : sum[index] / max(1, pixels))
            levels[index] = Int32((mean + (low + high) / 2) / 2)
        }
        return levels
    }
}

/// Thresholds per block, with a smooth (bilinear) reading between block
/// centres for subpixel sampling.
struct ThresholdMap: Sendable {
    let blockSize: Int
    let columns: Int
    let rows: Int
    let values: [UInt8]
    /// 1 / `blockSize`. Block sizes divide 64, so they are powers of two and
    /// multiplying by this is exact, the same as dividing; the grid sampler
    /// reads a threshold for every sample it takes.
    private let blocksPerPixel: Double

    init(blockSize: Int, columns: Int, rows: Int, values: [UInt8]) {
        precondition(blockSize > 0 && blockSize & (blockSize - 1) == 0, "block sizes are powers of two")
        self.blockSize = blockSize
        self.columns = columns
        self.rows = rows
        self.values = values
        blocksPerPixel = 1 / Double(blockSize)
    }

    /// The threshold of the block containing image point (x, y): coarser
    /// than ``threshold(atX:y:)`` but a fraction of its cost, for quick tests.
    @inline(__always)
    func blockThreshold(atX x: Double, y: Double) -> Double {
        Double(
            values[Self.clamped(y * blocksPerPixel, rows) * columns + Self.clamped(x * blocksPerPixel, columns)])
    }

    /// The block index `position` falls in, clamped to 0..<count; NaN (from
    /// a degenerate mapping) counts as 0.
    @inline(__always)
    private static func clamped(_ position: Double, _ count: Int) -> Int {
        guard position >= 0 else { return 0 }
        return position < Double(count) ? Int(position) : count - 1
    }

    /// The threshold at image point (x, y), interpolated between block centres.
    func threshold(atX x: Double, y: Double) -> Double {
        let half = Double(blockSize) / 2
        // `>= 0` is false for NaN too, which a degenerate mapping can produce.
        let gx = (x - half) * blocksPerPixel, gy = (y - half) * blocksPerPixel
        let fx = gx >= 0 ? min(gx, Double(columns - 1)) : 0
        let fy = gy >= 0 ? min(gy, Double(rows - 1)) : 0
        let x0 = Int(fx), y0 = Int(fy)
        let x1 = min(x0 + 1, columns - 1), y1 = min(y0 + 1, rows - 1)
        let tx = fx - Double(x0), ty = fy - Double(y0)
        let top = Double(values[y0 * columns + x0]) * (1 - tx) + Double(values[y0 * columns + x1]) * tx
        let bottom = Double(values[y1 * columns + x0]) * (1 - tx) + Double(values[y1 * columns + x1]) * tx
        return top * (1 - ty) + bottom * ty
    }
}

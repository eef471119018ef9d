/// Box-filter downscaling, for searching large images at a coarser scale
/// and noisy ones at a third of their resolution.
enum ImageScaler {
    /// The image reduced by an integer `factor`, each output pixel the mean of
    /// a factor × factor block (edge pixels that do not fill a block are dropped).
    ///
    /// Each output row first sums its `factor` input rows column by column,
    /// a loop over contiguous memory that the compiler vectorises, and then
    /// adds up each block's columns: the third-resolution search runs on
    /// every image without a code, and the block-by-block loop this replaces
    /// cost as much as the finder-pattern scan itself (callgrind, seed-1
    /// no_code images).
    /// - Complexity: O(width × height).
    static func downscale(_ image: GrayImage, by factor: Int) -> GrayImage {
        precondition((1...256).contains(factor), "a column of 256 pixels sums within UInt16")
        let width = image.width / factor, height = image.height / factor
        var output = [UInt8](repeating: 0, count: width * height)
        let used = width * factor
        let area = Reciprocal(UInt32(factor * factor))
        var columns = [UInt16](repeating: 0, count: used)
        image.pixels.withUnsafeBufferPointer { source in
            columns.withUnsafeMutableBufferPointer { columns in
                output.withUnsafeMutableBufferPointer { output in
                    for y in 0..<height {
                        // Pointers to whole rows: an index computed per pixel
                        // is checked for overflow, which stops vectorisation.
                        let top = source.baseAddress! + y * factor * image.width
                        for i in 0..<used { columns[i] = UInt16(top[i]) }
                        for dy in 1..<factor {
                            let row = top + dy * image.width
                            for i in 0..<used { columns[i] &+= UInt16(row[i]) }
                        }
                        let row = UnsafeMutableBufferPointer(rebasing: output[(y * width)..<((y + 1) * width)])
                        // Literal factors let the compiler unroll the block sums.
                        switch factor {
                        case 2: sumBlocks(columns, into: row, factor: 2, area: area)
                        case 3: sumBlocks(columns, into: row, factor: 3, area: area)
                        case 4: sumBlocks(columns, into: row, factor: 4, area: area)
                        default: sumBlocks(columns, into: row, factor: factor, area: area)
                        }
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: output)
    }

    /// Each output pixel of a row: the rounded mean of `factor` adjacent column sums.
    @inline(__always)
    private static func sumBlocks(
        _ columns: UnsafeMutableBufferPointer<UInt16>, into row: UnsafeMutableBufferPointer<UInt8>,
        factor: Int, area: Reciprocal
    ) {
        for x in 0..<row.count {
            var total: UInt32 = 0
            for dx in 0..<factor { total += UInt32(columns[x * factor + dx]) }
            row[x] = UInt8(area.roundedQuotient(total))
        }
    }

    /// Division by a fixed divisor as a multiplication and a shift: a
    /// hardware division per output pixel took most of the downscaling time.
    /// With m = ⌈2⁴⁰ / d⌉, ⌊n · m / 2⁴⁰⌋ = ⌊n / d⌋ whenever n · (m · d − 2⁴⁰)
    /// < 2⁴⁰, and m · d − 2⁴⁰ < d, so every n < 2⁴⁰ / d is exact: here
    /// d ≤ 256² and n ≤ 255 · d + d / 2, below 2²⁴.
    struct Reciprocal {
        let divisor: UInt32
        let multiplier: UInt64

        init(_ divisor: UInt32) {
            self.divisor = divisor
            multiplier = ((1 << 40) + UInt64(divisor) - 1) / UInt64(divisor)
        }

        /// ⌊n / divisor⌋.
        @inline(__always)
        func quotient(_ n: UInt32) -> UInt32 { UInt32(truncatingIfNeeded: (UInt64(n) &* multiplier) &>> 40) }

        /// n / divisor rounded to the nearest, halves up.
        @inline(__always)
        func roundedQuotient(_ n: UInt32) -> UInt32 { quotient(n + divisor / 2) }
    }
}

/// Box-filter downscaling, for searching large images at a coarser scale
/// and noisy ones at a third of their resolution.
enum ImageScaler {
    /// The image reduced by an integer `factor`, each output pixel the mean of
    /// a factor × factor block (edge pixels that do not fill a block are dropped).
    ///
    /// Factors 2 and 3, the reader's, have vector paths (``halved(_:)``,
    /// ``thirded(_:)``). Other factors sum each output row's `factor` input
    /// rows column by column, a loop over contiguous memory that the
    /// compiler vectorises, and then add up each block's columns.
    /// - Complexity: O(width × height).
    static func downscale(_ image: GrayImage, by factor: Int) -> GrayImage {
        precondition((1...256).contains(factor), "a column of 256 pixels sums within UInt16")
        if factor == 2 { return halved(image) }
        if factor == 3 { return thirded(image) }
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
                        // A literal factor lets the compiler unroll the block
                        // sums (2 and 3 have their own paths above).
                        if factor == 4 {
                            sumBlocks(columns, into: row, factor: 4, area: area)
                        } else {
                            sumBlocks(columns, into: row, factor: factor, area: area)
                        }
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: output)
    }

    /// ``downscale(_:by:)`` by 2, sixteen input columns at a time: the two
    /// rows summed in 16-bit lanes, then neighbouring lanes (the vector's
    /// even and odd halves), rounded as ``Reciprocal/roundedQuotient(_:)``
    /// rounds, (n + 2) / 4. Images over 2.8 megapixels are searched at this
    /// scale first, and the general loop spent five instructions a pixel.
    private static func halved(_ image: GrayImage) -> GrayImage {
        let width = image.width / 2, height = image.height / 2
        var output = [UInt8](repeating: 0, count: width * height)
        image.pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { output in
                let input = UnsafeRawPointer(source.baseAddress!)
                let target = UnsafeMutableRawPointer(output.baseAddress!)
                for y in 0..<height {
                    let top = 2 * y * image.width, bottom = top + image.width, row = y * width
                    var x = 0
                    while x + 8 <= width {
                        let upper = input.loadUnaligned(fromByteOffset: top + 2 * x, as: SIMD16<UInt8>.self)
                        let lower = input.loadUnaligned(fromByteOffset: bottom + 2 * x, as: SIMD16<UInt8>.self)
                        let columns =
                            SIMD16<UInt16>(truncatingIfNeeded: upper) &+ SIMD16<UInt16>(truncatingIfNeeded: lower)
                        let means = (columns.evenHalf &+ columns.oddHalf &+ 2) &>> 2
                        target.storeBytes(
                            of: SIMD8<UInt8>(truncatingIfNeeded: means), toByteOffset: row + x, as: SIMD8<UInt8>.self)
                        x += 8
                    }
                    for x in x..<width {
                        let total =
                            Int(source[top + 2 * x]) + Int(source[top + 2 * x + 1]) + Int(source[bottom + 2 * x])
                            + Int(source[bottom + 2 * x + 1])
                        output[row + x] = UInt8((total + 2) / 4)
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: output)
    }

    /// ``downscale(_:by:)`` by 3: the three rows summed column by column,
    /// then every three neighbouring column sums, both in 16-bit vector
    /// lanes; each output pixel picks every third of those sums and divides
    /// by 9 with rounding as ``Reciprocal/roundedQuotient(_:)`` does:
    /// ⌊(n + 4) · 7282 / 2¹⁶⌋ = ⌊(n + 4) / 9⌋ for n + 4 < 2¹⁵ (7282 · 9 − 2¹⁶
    /// = 2), and n ≤ 9 · 255. Every image without a code is searched at
    /// this scale, and the general loop spent three instructions a pixel.
    private static func thirded(_ image: GrayImage) -> GrayImage {
        let width = image.width / 3, height = image.height / 3
        var output = [UInt8](repeating: 0, count: width * height)
        let used = width * 3
        // Column sums, then sums of three neighbours; room for a vector's
        // overrun past `used`.
        var columns = [UInt16](repeating: 0, count: used + 16)
        var triples = [UInt16](repeating: 0, count: used + 16)
        image.pixels.withUnsafeBufferPointer { source in
            columns.withUnsafeMutableBufferPointer { columns in
                triples.withUnsafeMutableBufferPointer { triples in
                    output.withUnsafeMutableBufferPointer { output in
                        let sums = UnsafeMutableRawPointer(columns.baseAddress!)
                        let threes = UnsafeMutableRawPointer(triples.baseAddress!)
                        for y in 0..<height {
                            let top = source.baseAddress! + 3 * y * image.width
                            let middle = top + image.width, bottom = middle + image.width
                            var i = 0
                            while i + 16 <= used {
                                func load(_ row: UnsafePointer<UInt8>) -> SIMD16<UInt16> {
                                    SIMD16<UInt16>(
                                        truncatingIfNeeded: UnsafeRawPointer(row + i).loadUnaligned(
                                            as: SIMD16<UInt8>.self))
                                }
                                sums.storeBytes(
                                    of: load(top) &+ load(middle) &+ load(bottom), toByteOffset: 2 * i,
                                    as: SIMD16<UInt16>.self)
                                i += 16
                            }
                            for i in i..<used {
                                columns[i] = UInt16(top[i]) &+ UInt16(middle[i]) &+ UInt16(bottom[i])
                            }
                            i = 0
                            while i + 8 <= used {
                                let a = sums.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<UInt16>.self)
                                let b = sums.loadUnaligned(fromByteOffset: 2 * i + 2, as: SIMD8<UInt16>.self)
                                let c = sums.loadUnaligned(fromByteOffset: 2 * i + 4, as: SIMD8<UInt16>.self)
                                threes.storeBytes(of: a &+ b &+ c, toByteOffset: 2 * i, as: SIMD8<UInt16>.self)
                                i += 8
                            }
                            for i in i..<used where i % 3 == 0 {
                                triples[i] = columns[i] &+ columns[i + 1] &+ columns[i + 2]
                            }
                            let row = y * width
                            for x in 0..<width {
                                output[row + x] = UInt8(
                                    truncatingIfNeeded: ((UInt32(triples[3 * x]) &+ 4) &* 7282) &>> 16)
                            }
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

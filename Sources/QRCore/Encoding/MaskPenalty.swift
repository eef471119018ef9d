/// The penalty score that automatic mask selection minimises
/// (ISO/IEC 18004:2015 §7.8.3, Table 11), evaluated on the complete symbol
/// with its format and version information drawn (§7.8.3.1: "the area to be
/// evaluated is the complete symbol").
///
/// The rules are those of the reference encoder qrcodegen, so that automatic
/// masks agree with it:
/// - N1: each row or column run of ≥ 5 same-coloured modules scores 3, plus 1
///   per module beyond 5.
/// - N2: each 2×2 block of one colour scores 3 (blocks may overlap).
/// - N3: each dark–light–dark–light–dark run sequence in the ratio 1:1:3:1:1
///   (any unit width n) with a light run of ≥ 4n on one side and ≥ n on the
///   other scores 40, once per qualifying side; the area beyond the symbol
///   counts as light.
/// - N4: 10 for every full 5 % by which the dark share deviates from 50 %.
enum MaskPenalty {
    /// The total penalty of a symbol given as rows and as columns (its transpose).
    static func score(rows: BitMatrix, columns: BitMatrix) -> Int {
        let size = rows.width
        var total = 0
        rows.words.withUnsafeBufferPointer { rowWords in
            columns.words.withUnsafeBufferPointer { columnWords in
                for line in 0..<size {
                    total += lineScore(rows, rowWords, line: line)
                    total += lineScore(columns, columnWords, line: line)
                }
                total += 3 * sameColourBlocks(rowWords, stride: rows.stride, size: size)
            }
        }
        return total + balancePenalty(dark: rows.darkCount, size: size)
    }

    /// N1 + N3 of one row or column, scanning its runs.
    @inline(__always)
    private static func lineScore(_ matrix: BitMatrix, _ words: UnsafeBufferPointer<UInt64>, line: Int) -> Int {
        let size = matrix.width
        var runs = RunHistory(size: size)
        var score = 0, runStart = 0
        matrix.forEachTransition(in: words, row: line) { position in
            let length = position - runStart
            if length >= 5 { score += length - 2 }
            score += 40 * runs.endRun(length: length)
            runStart = position
        }
        let lastLength = size - runStart
        if lastLength >= 5 { score += lastLength - 2 }
        return score + 40 * runs.finish(lastLength: lastLength)
    }

    /// Number of 2×2 blocks of one colour.
    private static func sameColourBlocks(_ words: UnsafeBufferPointer<UInt64>, stride: Int, size: Int) -> Int {
        var count = 0
        for y in 0..<(size - 1) {
            for w in 0..<stride {
                let upper = words[y * stride + w], lower = words[(y + 1) * stride + w]
                let nextUpper = w + 1 < stride ? words[y * stride + w + 1] : 0
                let nextLower = w + 1 < stride ? words[(y + 1) * stride + w + 1] : 0
                // Bit x of the shifted words holds column x + 1.
                let upperRight = upper >> 1 | nextUpper << 63
                let lowerRight = lower >> 1 | nextLower << 63
                let sameVertically = ~(upper ^ lower) & ~(upperRight ^ lowerRight)
                var block = sameVertically & ~(upper ^ upperRight)
                let lastColumn = size - 1 - w * 64  // blocks start at columns 0…size−2
                if lastColumn < 64 { block &= (1 << UInt64(lastColumn)) - 1 }
                count += block.nonzeroBitCount
            }
        }
        return count
    }

    /// N4: 10 points per full 5 % step away from half dark.
    private static func balancePenalty(dark: Int, size: Int) -> Int {
        let total = size * size
        let steps = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return steps * 10
    }
}

/// The last seven run lengths of a line, newest first, for the N3 rule.
/// Runs alternate in colour and the first run of a line is light, so a light
/// run has just ended exactly when an odd number of runs has ended.
private struct RunHistory {
    let size: Int
    var h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0
    var endedLight = false

    init(size: Int) { self.size = size }

    /// Records a run that ended; returns the finder-like patterns it completes.
    @inline(__always)
    mutating func endRun(length: Int) -> Int {
        push(length)
        endedLight.toggle()
        return endedLight ? finderLikePatterns() : 0
    }

    /// Records the last run and the light area beyond the line; returns the
    /// patterns they complete.
    @inline(__always)
    mutating func finish(lastLength: Int) -> Int {
        let lastIsDark = endedLight
        if lastIsDark {
            push(lastLength)
            push(size)
        } else {
            push(lastLength + size)
        }
        return finderLikePatterns()
    }

    /// The light margin before a line is as wide as the symbol: the first run
    /// recorded absorbs it.
    @inline(__always)
    private mutating func push(_ length: Int) {
        let length = h0 == 0 ? length + size : length
        h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = h0; h0 = length
    }

    /// Patterns dark n, light n, dark 3n, light n, dark n ending just before the
    /// newest (light) run h0, counted once for each side with a ≥ 4n light run.
    @inline(__always)
    private func finderLikePatterns() -> Int {
        let n = h1
        guard n > 0, h2 == n, h3 == 3 * n, h4 == n, h5 == n else { return 0 }
        return (h0 >= 4 * n && h6 >= n ? 1 : 0) + (h6 >= 4 * n && h0 >= n ? 1 : 0)
    }
}

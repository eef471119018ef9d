extension BitMatrix {
    /// Calls `body` with every column at which a row changes colour, left to
    /// right; the module before column 0 counts as light, so a dark first
    /// module reports column 0. Finds them a word at a time (a bit differs
    /// from its left neighbour), which is what makes run-length scans of the
    /// mask penalty, the finder search and the renderers cheap.
    /// - Parameters:
    ///   - words: the matrix's words, as from `words.withUnsafeBufferPointer`.
    ///   - row: the row to scan.
    /// - Complexity: O(width / 64 + transitions).
    @inline(__always)
    func forEachTransition(in words: UnsafeBufferPointer<UInt64>, row: Int, _ body: (Int) -> Void) {
        var previousBit: UInt64 = 0, wordStart = 0, index = row * stride
        while wordStart < width {
            let word = words[index]
            let valid = width - wordStart >= 64 ? UInt64.max : (1 << UInt64(width - wordStart)) - 1
            var changes = (word ^ (word << 1 | previousBit)) & valid
            while changes != 0 {
                body(wordStart + changes.trailingZeroBitCount)
                changes &= changes - 1
            }
            previousBit = word >> 63
            wordStart += 64
            index += 1
        }
    }

    /// Calls `body` with each maximal run of dark modules in row `y`, left to
    /// right, as a half-open column range.
    /// - Complexity: O(width / 64 + runs).
    func forEachDarkRun(inRow y: Int, _ body: (Range<Int>) -> Void) {
        words.withUnsafeBufferPointer { words in
            var start: Int?
            forEachTransition(in: words, row: y) { column in
                if let runStart = start {
                    body(runStart..<column)
                    start = nil
                } else {
                    start = column
                }
            }
            if let runStart = start { body(runStart..<width) }
        }
    }
}

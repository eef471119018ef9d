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

    /// The columns of row `row` within `start..<end` at which the colour
    /// changes, as ``forEachTransition(in:row:_:)`` finds them.
    func transitions(in words: UnsafeBufferPointer<UInt64>, row: Int, from start: Int, to end: Int) -> RowTransitions {
        RowTransitions(words: words, stride: stride, row: row, start: start, end: end)
    }

    /// The first column from `start` through `last` of row `y` that is dark
    /// (or light), a word at a time; nil if there is none.
    /// - Precondition: `0 ≤ start`, `last < width`, `0 ≤ y < height`.
    func firstColumn(dark: Bool, inRow y: Int, from start: Int, through last: Int) -> Int? {
        guard start <= last else { return nil }
        let flip: UInt64 = dark ? 0 : .max
        var wordStart = start & ~63, index = y * stride + start >> 6
        var bits = (words[index] ^ flip) & (UInt64.max << UInt64(start - wordStart))
        while bits == 0 {
            wordStart += 64
            index += 1
            guard wordStart <= last else { return nil }
            bits = words[index] ^ flip
        }
        let column = wordStart + bits.trailingZeroBitCount
        return column <= last ? column : nil
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

/// The columns of one row, within `start..<end`, that differ in colour from
/// the column before them (column 0 from the light margin), left to right;
/// a change at `start` itself counts. A word at a time, like
/// ``BitMatrix/forEachTransition(in:row:_:)``, but as an iterator, so that
/// a scan can keep its state in plain local variables.
struct RowTransitions: IteratorProtocol {
    private let words: UnsafeBufferPointer<UInt64>
    private let end: Int
    private var wordStart: Int
    private var index: Int
    private var changes: UInt64 = 0
    private var previousBit: UInt64

    init(words: UnsafeBufferPointer<UInt64>, stride: Int, row: Int, start: Int, end: Int) {
        self.words = words
        self.end = end
        wordStart = start & ~63
        index = row * stride + start >> 6
        previousBit = wordStart == 0 ? 0 : words[index - 1] >> 63
        if start < end {
            load()
            changes &= UInt64.max << UInt64(start - wordStart)  // columns before `start`
        }
    }

    /// The changes in the word at `index`, whose first column is `wordStart`.
    @inline(__always)
    private mutating func load() {
        let word = words[index]
        let valid = end - wordStart >= 64 ? UInt64.max : (1 << UInt64(end - wordStart)) - 1
        changes = (word ^ (word << 1 | previousBit)) & valid
        previousBit = word >> 63
    }

    @inline(__always)
    mutating func next() -> Int? {
        while changes == 0 {
            wordStart += 64
            index += 1
            guard wordStart < end else { return nil }
            load()
        }
        let column = wordStart + changes.trailingZeroBitCount
        changes &= changes - 1
        return column
    }
}

/// Splits text into the sequence of segments with the fewest bits
/// (ISO/IEC 18004:2015 Annex J describes the trade-off; this solves it exactly).
///
/// Dynamic programming over the characters. The state is the mode of the
/// segment the current character ends, plus how many characters of an
/// incomplete numeric triple or alphanumeric pair it leaves, so that every
/// partial group is charged its exact bit cost: a numeric triple costs
/// 4 + 3 + 3 bits as it grows, an alphanumeric pair 6 + 5, a byte 8, a kanji 13,
/// and opening a segment costs its 4-bit mode indicator and count field.
/// Count-field widths depend on the version class (1–9, 10–26, 27–40), so the
/// optimum is computed per class.
///
/// Kanji mode is considered only when asked for: readers disagree on kanji
/// segments mixed with UTF-8 byte segments (OpenCV, for one, returns their
/// raw Shift JIS bytes), while every reader handles UTF-8 bytes.
///
/// - Complexity: O(n) in the number of Unicode scalars of the text.
public struct SegmentOptimizer: Sendable {
    /// Whether the optimiser may put characters in kanji mode.
    public enum KanjiUse: Sendable, Hashable {
        /// Never: kanji characters go in byte mode as UTF-8.
        case never
        /// Wherever kanji mode makes the symbol shorter (13 bits a character
        /// against 24 for a UTF-8 kanji in byte mode).
        case whenShorter
    }

    /// What each Unicode scalar of the text allows.
    private struct Symbol {
        var scalar: Unicode.Scalar
        var isDigit: Bool
        var isAlphanumeric: Bool
        var utf8Length: Int
        var kanjiValue: UInt16?
    }

    /// DP states: the mode the current character is encoded in, with the
    /// characters of an unfinished numeric triple or alphanumeric pair.
    private enum State: Int {
        case numeric1, numeric2, numeric0, alphanumeric1, alphanumeric0, byte, kanji

        var mode: SegmentMode {
            switch self {
            case .numeric1, .numeric2, .numeric0: return .numeric
            case .alphanumeric1, .alphanumeric0: return .alphanumeric
            case .byte: return .byte
            case .kanji: return .kanji
            }
        }
    }

    private let symbols: [Symbol]

    /// Prepares `text` for segmentation.
    public init(text: String, kanji: KanjiUse = .never) {
        let allowsKanji = kanji == .whenShorter
        symbols = text.unicodeScalars.map { scalar in
            let ascii = scalar.isASCII ? UInt8(scalar.value) : nil
            return Symbol(
                scalar: scalar,
                isDigit: ascii.map(QRSegment.isDigit) ?? false,
                isAlphanumeric: ascii.flatMap(QRSegment.alphanumericValue) != nil,
                utf8Length: UTF8.width(scalar),
                kanjiValue: scalar.isASCII || !allowsKanji ? nil : ShiftJIS.kanjiValue(for: scalar))
        }
    }

    /// The shortest segmentation of the text for symbols of `version`'s class.
    public func segments(at version: QRVersion) -> [QRSegment] {
        guard !symbols.isEmpty else { return [] }
        guard let modes = optimalModes(at: version) else {
            // A character no mode of this Micro QR version can hold: one byte
            // segment, which the version refuses (``QRSegment/bitLength(at:)``).
            var bytes: [UInt8] = []
            for symbol in symbols { UTF8.encode(symbol.scalar) { bytes.append($0) } }
            return [QRSegment.bytes(bytes)]
        }
        var segments: [QRSegment] = []
        var start = 0
        while start < symbols.count {
            var end = start + 1
            while end < symbols.count && modes[end] == modes[start] { end += 1 }
            segments += makeSegments(symbols[start..<end], mode: modes[start], version: version)
            start = end
        }
        return segments
    }

    /// The mode chosen for each scalar by the dynamic programme. Costs are
    /// kept in one vector of the seven states (lane 7 unused), so a
    /// character's step is a few dozen integer operations and no allocation.
    /// Modes a Micro QR version lacks are never entered; nil when some
    /// character fits none of the version's modes.
    private func optimalModes(at version: QRVersion) -> [SegmentMode]? {
        let header = { (mode: SegmentMode) in Int32(mode.indicatorWidth(at: version) + mode.countWidth(at: version)) }
        let (hasAlphanumeric, hasByte, hasKanji) = (
            SegmentMode.alphanumeric.isAvailable(at: version), SegmentMode.byte.isAvailable(at: version),
            SegmentMode.kanji.isAvailable(at: version)
        )
        let (numericHeader, alphanumericHeader, byteHeader, kanjiHeader) =
            (header(.numeric), header(.alphanumeric), header(.byte), header(.kanji))
        var cost = SIMD8<Int32>(repeating: 0)
        // predecessor[i * 8 + s]: the state before character i in state s (−1: the text start).
        var predecessor = [Int8](repeating: -1, count: symbols.count * 8)
        for (index, symbol) in symbols.enumerated() {
            var step = Step(previous: cost, isFirst: index == 0)
            if symbol.isDigit {
                step.open(State.numeric1, modes: 0...2, header: numericHeader, bits: 4, continuing: .numeric0)
                step.continueOnly(State.numeric2, from: .numeric1, bits: 3)
                step.continueOnly(State.numeric0, from: .numeric2, bits: 3)
            }
            if symbol.isAlphanumeric && hasAlphanumeric {
                step.open(
                    State.alphanumeric1, modes: 3...4, header: alphanumericHeader, bits: 6, continuing: .alphanumeric0)
                step.continueOnly(State.alphanumeric0, from: .alphanumeric1, bits: 5)
            }
            if hasByte {
                step.open(
                    State.byte, modes: 5...5, header: byteHeader, bits: Int32(8 * symbol.utf8Length), continuing: .byte)
            }
            if symbol.kanjiValue != nil && hasKanji {
                step.open(State.kanji, modes: 6...6, header: kanjiHeader, bits: 13, continuing: .kanji)
            }
            cost = step.next
            for s in 0..<7 { predecessor[index * 8 + s] = step.from[s] }
        }
        guard (0..<7).contains(where: { cost[$0] < Step.unreachable }) else { return nil }
        return backtrack(predecessor, finalCosts: cost)
    }

    /// One character's move from the previous states' costs to the next.
    private struct Step {
        /// A cost no path reaches, far beyond any real bit count yet far from overflow.
        static let unreachable: Int32 = 1 << 28
        let previous: SIMD8<Int32>
        let isFirst: Bool
        var next = SIMD8<Int32>(repeating: unreachable)
        var from = SIMD8<Int8>(repeating: -1)

        init(previous: SIMD8<Int32>, isFirst: Bool) {
            self.previous = previous
            self.isFirst = isFirst
        }

        /// Arrive in `state` by continuing `continuing`'s segment, or by
        /// opening a new segment after the cheapest state of another mode
        /// (`modes` are the lanes of this state's own mode).
        mutating func open(_ state: State, modes: ClosedRange<Int>, header: Int32, bits: Int32, continuing: State) {
            if !isFirst { arrive(state, from: continuing.rawValue, cost: previous[continuing.rawValue] + bits) }
            if isFirst {
                arrive(state, from: -1, cost: header + bits)
                return
            }
            var best = (cost: Self.unreachable, state: -1)
            for lane in 0..<7 where !modes.contains(lane) && previous[lane] < best.cost {
                best = (previous[lane], lane)
            }
            arrive(state, from: best.state, cost: best.cost + header + bits)
        }

        /// Arrive in `state` only by continuing the segment of `source`.
        mutating func continueOnly(_ state: State, from source: State, bits: Int32) {
            if !isFirst { arrive(state, from: source.rawValue, cost: previous[source.rawValue] + bits) }
        }

        @inline(__always)
        private mutating func arrive(_ state: State, from source: Int, cost: Int32) {
            if cost < next[state.rawValue] {
                next[state.rawValue] = cost
                from[state.rawValue] = Int8(source)
            }
        }
    }

    /// The modes along the cheapest path, from its last state backwards.
    private func backtrack(_ predecessor: [Int8], finalCosts: SIMD8<Int32>) -> [SegmentMode] {
        var state = (0..<7).min { finalCosts[$0] < finalCosts[$1] }!
        var modes = [SegmentMode](repeating: .byte, count: symbols.count)
        for index in stride(from: symbols.count - 1, through: 0, by: -1) {
            modes[index] = State(rawValue: state)!.mode
            state = Int(predecessor[index * 8 + state])
        }
        return modes
    }

    /// Segments for a run of one mode, split where the count field would overflow.
    private func makeSegments(
        _ run: ArraySlice<Symbol>, mode: SegmentMode,
        version: QRVersion
    ) -> [QRSegment] {
        let limit = (1 << mode.countWidth(at: version)) - 1
        switch mode {
        case .numeric, .alphanumeric:
            let ascii = run.map { UInt8($0.scalar.value) }
            return stride(from: 0, to: ascii.count, by: limit).map { start in
                let chunk = ascii[start..<Swift.min(start + limit, ascii.count)]
                return mode == .numeric ? QRSegment.numeric(asciiDigits: chunk) : QRSegment.alphanumeric(ascii: chunk)
            }
        case .byte:
            var bytes: [UInt8] = []
            for symbol in run { UTF8.encode(symbol.scalar) { bytes.append($0) } }
            return stride(from: 0, to: bytes.count, by: limit).map { start in
                QRSegment.bytes(Array(bytes[start..<Swift.min(start + limit, bytes.count)]))
            }
        case .kanji:
            let values = run.map { $0.kanjiValue! }
            return stride(from: 0, to: values.count, by: limit).map { start in
                QRSegment.kanji(values: values[start..<Swift.min(start + limit, values.count)])
            }
        case .hanzi, .eci, .fnc1FirstPosition, .fnc1SecondPosition, .structuredAppend:
            preconditionFailure("the optimiser chooses only numeric, alphanumeric, byte and kanji")
        }
    }
}

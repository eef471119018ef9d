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
    private enum State: Int, CaseIterable {
        case numeric1, numeric2, numeric0, alphanumeric1, alphanumeric0, byte, kanji

        var mode: QRSegment.Mode {
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
        let modes = optimalModes(at: version)
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

    /// The mode chosen for each scalar by the dynamic programme.
    private func optimalModes(at version: QRVersion) -> [QRSegment.Mode] {
        let stateCount = State.allCases.count
        let unreachable = Int.max / 4
        var cost = [Int](repeating: unreachable, count: stateCount)
        // predecessor[i * stateCount + s]: the state before character i in state s (-1: text start).
        var predecessor = [Int8](repeating: -1, count: symbols.count * stateCount)
        var next = cost
        for (index, symbol) in symbols.enumerated() {
            for state in State.allCases {
                let (best, from) = bestArrival(at: state, symbol: symbol, isFirst: index == 0,
                                               costs: cost, version: version)
                next[state.rawValue] = best
                predecessor[index * stateCount + state.rawValue] = Int8(from)
            }
            swap(&cost, &next)
        }
        var state = cost.indices.min { cost[$0] < cost[$1] }!
        var modes = [QRSegment.Mode](repeating: .byte, count: symbols.count)
        for index in stride(from: symbols.count - 1, through: 0, by: -1) {
            modes[index] = State(rawValue: state)!.mode
            state = Int(predecessor[index * stateCount + state])
        }
        return modes
    }

    /// The cheapest way to encode `symbol` ending in `state`, and the state it comes from.
    private func bestArrival(at state: State, symbol: Symbol, isFirst: Bool,
                             costs: [Int], version: QRVersion) -> (cost: Int, from: Int) {
        let unreachable = Int.max / 4
        guard let bits = characterBits(symbol, in: state) else { return (unreachable, -1) }
        var best = (cost: unreachable, from: -1)
        if let continued = continuedFrom(state), costs[continued.rawValue] < unreachable {
            best = (costs[continued.rawValue] + bits, continued.rawValue)
        }
        guard opensSegment(state) else { return best }
        let header = 4 + state.mode.countWidth(at: version)
        if isFirst { return best.cost <= header + bits ? best : (header + bits, -1) }
        for previous in State.allCases where previous.mode != state.mode && costs[previous.rawValue] < unreachable {
            let candidate = costs[previous.rawValue] + header + bits
            if candidate < best.cost { best = (candidate, previous.rawValue) }
        }
        return best
    }

    /// Bits `symbol` adds when it lands in `state`, or nil if the mode cannot hold it.
    private func characterBits(_ symbol: Symbol, in state: State) -> Int? {
        switch state {
        case .numeric1: return symbol.isDigit ? 4 : nil
        case .numeric2, .numeric0: return symbol.isDigit ? 3 : nil
        case .alphanumeric1: return symbol.isAlphanumeric ? 6 : nil
        case .alphanumeric0: return symbol.isAlphanumeric ? 5 : nil
        case .byte: return 8 * symbol.utf8Length
        case .kanji: return symbol.kanjiValue == nil ? nil : 13
        }
    }

    /// The state a character continues from without opening a segment.
    private func continuedFrom(_ state: State) -> State? {
        switch state {
        case .numeric1: return .numeric0
        case .numeric2: return .numeric1
        case .numeric0: return .numeric2
        case .alphanumeric1: return .alphanumeric0
        case .alphanumeric0: return .alphanumeric1
        case .byte: return .byte
        case .kanji: return .kanji
        }
    }

    /// Whether a segment's first character can land in `state`.
    private func opensSegment(_ state: State) -> Bool {
        switch state {
        case .numeric1, .alphanumeric1, .byte, .kanji: return true
        case .numeric2, .numeric0, .alphanumeric0: return false
        }
    }

    /// Segments for a run of one mode, split where the count field would overflow.
    private func makeSegments(_ run: ArraySlice<Symbol>, mode: QRSegment.Mode,
                              version: QRVersion) -> [QRSegment] {
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
        case .eci:
            preconditionFailure("the optimiser never chooses ECI")
        }
    }
}

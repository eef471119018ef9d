/// What a data bit stream holds, collected segment by segment by
/// ``BitstreamParser``: all character data as bytes, in stretches that
/// record which character set each is in, and the header information.
///
/// Keeping bytes rather than text lets adjacent byte segments in the same
/// character set decode together (an encoder may split a multi-byte
/// character between them), and lets the character set of undeclared byte
/// data be guessed from all of it at once: one encoder wrote all of a
/// symbol's undeclared byte segments, in one character set.
struct BitstreamContent: Sendable {
    /// A stretch of ``bytes`` that ends at `end` (the previous one's end is
    /// its start), in `encoding`; nil for byte data that no ECI declares.
    struct Run: Sendable {
        var end: Int
        let encoding: CharacterEncoding?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []
    /// The segments in stream order; undeclared byte segments get their
    /// character set in ``resolved(forcing:)``.
    private(set) var segments: [DecodedSymbol.Segment] = []
    /// Whether a kanji-mode segment occurs: evidence that the symbol's undeclared bytes are Shift JIS.
    private(set) var hasKanji = false
    var eciAssignments: [Int] = []
    var fnc1: DecodedSymbol.FNC1?
    var structuredAppend: DecodedSymbol.StructuredAppend?

    /// Appends character data in `encoding`, extending the last run if it has the same encoding.
    mutating func append(_ newBytes: [UInt8], encoding: CharacterEncoding?) {
        guard !newBytes.isEmpty else { return }
        bytes.append(contentsOf: newBytes)
        if let last = runs.indices.last, runs[last].encoding == encoding {
            runs[last].end = bytes.count
        } else {
            runs.append(Run(end: bytes.count, encoding: encoding))
        }
    }

    /// Notes a segment: its mode, character count and the character set of its
    /// characters (nil for headers, and for byte data that no ECI declares).
    mutating func record(_ mode: SegmentMode, count: Int, characterSet: CharacterEncoding?) {
        segments.append(DecodedSymbol.Segment(mode: mode, count: count, characterSet: characterSet))
        if mode == .kanji { hasKanji = true }
    }

    /// The text, the segments with every character set filled in, and the
    /// character set of the content as a whole (``DecodedSymbol/characterSet``).
    /// - Parameter forced: the character set of undeclared byte data, or nil to guess it.
    func resolved(
        forcing forced: CharacterEncoding?
    ) -> (
        text: String, segments: [DecodedSymbol.Segment],
        characterSet: CharacterEncoding
    ) {
        let undeclared = forced ?? CharacterEncoding.guess(for: undeclaredBytes()[...], kanjiInSymbol: hasKanji)
        let segments = segments.map { segment in
            segment.mode == .byte && segment.characterSet == nil ? segment.with(characterSet: undeclared) : segment
        }
        return (text(undeclared: undeclared), segments, Self.summary(of: segments))
    }

    /// All byte data that no ECI declares, in order.
    private func undeclaredBytes() -> [UInt8] {
        var undeclared: [UInt8] = []
        var start = 0
        for run in runs {
            if run.encoding == nil { undeclared.append(contentsOf: bytes[start..<run.end]) }
            start = run.end
        }
        return undeclared
    }

    /// The text of all runs. A UTF-8 byte order mark at the start of a run is
    /// no character of the message, and is dropped.
    private func text(undeclared: CharacterEncoding) -> String {
        var text = ""
        var start = 0
        for run in runs {
            let encoding = run.encoding ?? undeclared
            var stretch = bytes[start..<run.end]
            if encoding == .utf8 && stretch.starts(with: [0xEF, 0xBB, 0xBF]) { stretch = stretch.dropFirst(3) }
            text += encoding.decode(stretch)
            start = run.end
        }
        return text
    }

    /// The character set that decoded most of the byte, kanji and Hanzi
    /// data (bytes counted; the first on a tie), else US-ASCII: the digits and
    /// letters of numeric and alphanumeric segments are ASCII in every set.
    private static func summary(of segments: [DecodedSymbol.Segment]) -> CharacterEncoding {
        var weights: [(encoding: CharacterEncoding, bytes: Int)] = []
        for segment in segments {
            guard let encoding = segment.characterSet, segment.mode != .numeric && segment.mode != .alphanumeric
            else { continue }
            let bytes = segment.mode == .byte ? segment.count : 2 * segment.count
            if let index = weights.firstIndex(where: { $0.encoding == encoding }) {
                weights[index].bytes += bytes
            } else {
                weights.append((encoding, bytes))
            }
        }
        return weights.max { $0.bytes < $1.bytes }?.encoding ?? .ascii
    }
}

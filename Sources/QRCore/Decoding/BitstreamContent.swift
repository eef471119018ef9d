/// What a data bit stream holds, collected segment by segment by
/// ``BitstreamParser``: all character data as bytes, in stretches that
/// record which character set each is in, and the header information.
///
/// Keeping bytes rather than text lets adjacent byte segments in the same
/// character set decode together (an encoder may split a multi-byte
/// character between them), and lets the character set of undeclared byte
/// data be guessed from all of it at once.
struct BitstreamContent: Sendable {
    /// A stretch of ``bytes`` that ends at `end` (the previous one's end is
    /// its start), in `encoding`; nil for byte data that no ECI declares.
    struct Run: Sendable {
        var end: Int
        let encoding: CharacterEncoding?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []
    var segments: [DecodedSymbol.Segment] = []
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

    /// The text of all runs, undeclared byte data in the encoding guessed from all of it.
    func text() -> String {
        var undeclared: [UInt8] = []
        var start = 0
        for run in runs {
            if run.encoding == nil { undeclared.append(contentsOf: bytes[start..<run.end]) }
            start = run.end
        }
        let guessed = CharacterEncoding.guess(for: undeclared[...])
        var text = ""
        start = 0
        for run in runs {
            text += (run.encoding ?? guessed).decode(bytes[start..<run.end])
            start = run.end
        }
        return text
    }
}

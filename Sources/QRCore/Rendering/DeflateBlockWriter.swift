/// Writes LZ77 tokens as one final deflate block (RFC 1951 §3.2.3), with
/// either the fixed Huffman codes or codes built for the data, whichever
/// takes fewer bits.
///
/// A token is a `UInt32`: a literal byte, or ``matchFlag`` | length << 16 | distance.
enum DeflateBlockWriter {
    static let matchFlag: UInt32 = 1 << 31
    private static let endOfBlock = 256

    /// Symbol frequencies of a token sequence, gathered while tokenizing.
    struct Frequencies {
        /// Literal/length alphabet: bytes, end of block, lengths 257…285.
        var literals = [Int](repeating: 0, count: 286)
        var distances = [Int](repeating: 0, count: 30)
        /// Extra bits of all lengths and distances, which every code spends alike.
        var extraBits = 0
    }

    /// The order code-length code lengths are sent in (RFC 1951 §3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed codes (RFC 1951 §3.2.6).
    private static let fixedLiterals = HuffmanCode(
        lengths: (0..<288).map { symbol in
            symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8
        })
    private static let fixedDistances = HuffmanCode(lengths: [UInt8](repeating: 5, count: 30))

    /// Writes `tokens` and the end-of-block symbol as the final block.
    static func writeFinalBlock(_ tokens: [UInt32], frequencies: Frequencies, into writer: inout BitWriter) {
        var counts = frequencies
        counts.literals[endOfBlock] += 1
        let literals = HuffmanCode(frequencies: counts.literals, maxLength: 15)
        let distances = HuffmanCode(frequencies: counts.distances, maxLength: 15)
        let header = DynamicHeader(literals: literals, distances: distances)
        let dynamicBits = header.bitCount + cost(counts, literals, distances)
        writer.write(1, count: 1)  // BFINAL
        if dynamicBits < cost(counts, fixedLiterals, fixedDistances) {
            writer.write(2, count: 2)
            header.write(into: &writer)
            writeTokens(tokens, literals: literals, distances: distances, into: &writer)
        } else {
            writer.write(1, count: 2)
            writeTokens(tokens, literals: fixedLiterals, distances: fixedDistances, into: &writer)
        }
    }

    /// Bits the tokens take with the given codes.
    private static func cost(_ counts: Frequencies, _ literals: HuffmanCode, _ distances: HuffmanCode) -> Int {
        var bits = counts.extraBits
        for (symbol, count) in counts.literals.enumerated() { bits += count * Int(literals.lengths[symbol]) }
        for (symbol, count) in counts.distances.enumerated() { bits += count * Int(distances.lengths[symbol]) }
        return bits
    }

    private static func writeTokens(
        _ tokens: [UInt32], literals: HuffmanCode, distances: HuffmanCode,
        into writer: inout BitWriter
    ) {
        for token in tokens {
            if token & matchFlag == 0 {
                writer.write(UInt32(literals.codes[Int(token)]), count: Int(literals.lengths[Int(token)]))
                continue
            }
            let length = DeflateSymbols.length(Int(token >> 16 & 0x1FF))
            let symbol = 257 + length.symbol
            writer.write(UInt32(literals.codes[symbol]), count: Int(literals.lengths[symbol]))
            writer.write(length.extraBits, count: length.extraBitCount)
            let distance = DeflateSymbols.distance(Int(token & 0xFFFF))
            writer.write(UInt32(distances.codes[distance.symbol]), count: Int(distances.lengths[distance.symbol]))
            writer.write(distance.extraBits, count: distance.extraBitCount)
        }
        writer.write(UInt32(literals.codes[endOfBlock]), count: Int(literals.lengths[endOfBlock]))
    }

    /// The code lengths of a dynamic block, run-length coded with symbols
    /// 16 (repeat the previous length 3–6 times), 17 (3–10 zeros) and
    /// 18 (11–138 zeros), themselves Huffman coded (RFC 1951 §3.2.7).
    private struct DynamicHeader {
        let literalCount: Int
        let distanceCount: Int
        /// Run-length symbols with their extra bits.
        let runs: [(symbol: Int, extra: UInt32)]
        let codeLengthCode: HuffmanCode
        /// Code-length code lengths sent, in ``codeLengthOrder``.
        let codeLengthCount: Int

        init(literals: HuffmanCode, distances: HuffmanCode) {
            literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
            distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
            runs = Self.runLengths(Array(literals.lengths[..<literalCount]) + distances.lengths[..<distanceCount])
            var frequencies = [Int](repeating: 0, count: 19)
            for run in runs { frequencies[run.symbol] += 1 }
            let code = HuffmanCode(frequencies: frequencies, maxLength: 7)
            codeLengthCode = code
            let lastSent = codeLengthOrder.lastIndex { code.lengths[$0] > 0 } ?? 0
            codeLengthCount = max(4, lastSent + 1)
        }

        var bitCount: Int {
            let runBits = runs.reduce(0) { bits, run in
                bits + Int(codeLengthCode.lengths[run.symbol]) + Self.extraBitCount(run.symbol)
            }
            return 2 + 5 + 5 + 4 + 3 * codeLengthCount + runBits
        }

        func write(into writer: inout BitWriter) {
            writer.write(UInt32(literalCount - 257), count: 5)
            writer.write(UInt32(distanceCount - 1), count: 5)
            writer.write(UInt32(codeLengthCount - 4), count: 4)
            for symbol in codeLengthOrder.prefix(codeLengthCount) {
                writer.write(UInt32(codeLengthCode.lengths[symbol]), count: 3)
            }
            for run in runs {
                writer.write(UInt32(codeLengthCode.codes[run.symbol]), count: Int(codeLengthCode.lengths[run.symbol]))
                writer.write(run.extra, count: Self.extraBitCount(run.symbol))
            }
        }

        private static func extraBitCount(_ symbol: Int) -> Int {
            switch symbol {
            case 16: 2
            case 17: 3
            case 18: 7
            default: 0
            }
        }

        private static func runLengths(_ lengths: [UInt8]) -> [(symbol: Int, extra: UInt32)] {
            var runs: [(symbol: Int, extra: UInt32)] = []
            var index = 0
            while index < lengths.count {
                let value = lengths[index]
                var run = 1
                while index + run < lengths.count, lengths[index + run] == value { run += 1 }
                index += run
                if value == 0 {
                    while run >= 11 {
                        let chunk = min(run, 138)
                        runs.append((18, UInt32(chunk - 11)))
                        run -= chunk
                    }
                    if run >= 3 {
                        runs.append((17, UInt32(run - 3)))
                        run = 0
                    }
                } else {
                    runs.append((Int(value), 0))
                    run -= 1
                    while run >= 3 {
                        let chunk = min(run, 6)
                        runs.append((16, UInt32(chunk - 3)))
                        run -= chunk
                    }
                }
                for _ in 0..<run { runs.append((Int(value), 0)) }
            }
            return runs
        }
    }
}

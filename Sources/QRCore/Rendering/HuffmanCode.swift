/// A canonical Huffman code (RFC 1951 §3.2.2): code lengths per symbol, and
/// the codes they imply, bit-reversed because deflate writes codes from
/// their most significant bit while ``BitWriter`` fills bytes from the least.
struct HuffmanCode {
    /// Bits per symbol; 0 for symbols that never occur.
    let lengths: [UInt8]
    /// Each symbol's code, bit-reversed.
    let codes: [UInt16]

    /// The canonical code for the given lengths (each at most 15).
    init(lengths: [UInt8]) {
        self.lengths = lengths
        var lengthCounts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { lengthCounts[Int(length)] += 1 }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1..<16 {
            code = (code + lengthCounts[bits - 1]) << 1
            nextCode[bits] = code
        }
        codes = lengths.map { length in
            guard length > 0 else { return 0 }
            defer { nextCode[Int(length)] += 1 }
            return Self.reversed(nextCode[Int(length)], bits: Int(length))
        }
    }

    /// An optimal code for `frequencies` with no code longer than `maxLength`.
    ///
    /// At least two symbols always get codes (dummies if fewer occur), so the
    /// code is complete, as zlib's inflate requires. When the optimal tree is
    /// too deep, frequencies are halved until it is not: slightly worse than
    /// package-merge, but simple, and rare for the alphabets used here.
    init(frequencies: [Int], maxLength: Int) {
        var weights = frequencies
        var used = weights.filter { $0 > 0 }.count
        for index in weights.indices where used < 2 && weights[index] == 0 {
            weights[index] = 1
            used += 1
        }
        var lengths = Self.optimalLengths(weights)
        while lengths.max()! > maxLength {
            weights = weights.map { ($0 + 1) / 2 }
            lengths = Self.optimalLengths(weights)
        }
        self.init(lengths: lengths.map { UInt8($0) })
    }

    /// Huffman code lengths by the two-queue method over leaves sorted by
    /// weight: merged nodes are created in non-decreasing weight order, so
    /// the two lightest nodes are always at the fronts of the two queues.
    private static func optimalLengths(_ weights: [Int]) -> [Int] {
        // Sorting weight << 16 | symbol sorts by weight, then symbol, without a comparison closure.
        let leaves = weights.indices.compactMap { weights[$0] > 0 ? weights[$0] << 16 | $0 : nil }.sorted()
            .map { $0 & 0xFFFF }
        let count = leaves.count
        var nodeWeight = leaves.map { weights[$0] } + [Int](repeating: 0, count: count - 1)
        var parent = [Int](repeating: 0, count: 2 * count - 1)
        var nextLeaf = 0, nextMerged = count
        for merged in count..<2 * count - 1 {
            for _ in 0..<2 {
                let noMerged = nextMerged == merged
                let takeLeaf = nextLeaf < count && (noMerged || nodeWeight[nextLeaf] <= nodeWeight[nextMerged])
                let node = takeLeaf ? nextLeaf : nextMerged
                if takeLeaf { nextLeaf += 1 } else { nextMerged += 1 }
                nodeWeight[merged] += nodeWeight[node]
                parent[node] = merged
            }
        }
        var depth = [Int](repeating: 0, count: 2 * count - 1)
        for node in stride(from: 2 * count - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        var lengths = [Int](repeating: 0, count: weights.count)
        for (rank, symbol) in leaves.enumerated() { lengths[symbol] = depth[rank] }
        return lengths
    }

    private static func reversed(_ code: Int, bits: Int) -> UInt16 {
        var result = 0, value = code
        for _ in 0..<bits {
            result = result << 1 | value & 1
            value >>= 1
        }
        return UInt16(result)
    }
}

/// Compresses the scanlines of a 1-bit raster whose rows each repeat
/// `repeatCount` times (a symbol drawn at `scale` pixels per module) into a
/// zlib stream (RFC 1950) holding one deflate block (RFC 1951).
///
/// zlib compresses such an image well only at high levels, where it is slow:
/// it searches every pixel row again though most are copies. Here each
/// distinct row is searched once, LZ77 with short hash chains over the rows
/// written so far; its copies become a single match one scanline back.
/// Scanlines use PNG filter type 0 (None): on 1-bit symbols, where the row
/// above mostly repeats or barely differs, Up and Sub only add noise.
struct RasterDeflater {
    /// Hash-chain candidates tried per position. Longer chains find hardly
    /// better matches in these images: on the url-H benchmark symbol, 4
    /// candidates give a PNG of 894 bytes, 64 candidates one of 892.
    private static let maxChain = 4
    /// 4,096 heads: 1-bit rows have few distinct byte values, so few
    /// distinct three-byte strings.
    private static let hashBits = 12

    /// Every scanline: a filter-type byte (0), then the row's bytes.
    private let data: UnsafeMutableBufferPointer<UInt8>
    private let lineLength: Int
    /// Most recent position of each hash of three bytes, or -1.
    private let head: UnsafeMutableBufferPointer<Int32>
    /// How far back the previous position with the same hash is (0 for
    /// none), indexed by position modulo the window, like zlib's `prev`;
    /// written before it is read. A slot is reused only by a position a
    /// whole window later, when the old one is out of reach anyway.
    private let previous: UnsafeMutableBufferPointer<UInt16>
    private let windowMask: Int
    private var tokens: [UInt32] = []
    private var frequencies = DeflateBlockWriter.Frequencies()
    /// A match not yet emitted, which the next one extends if it has the same distance.
    private var pending: (length: Int, distance: Int)?

    /// The zlib stream for `rows` (packed rows of `rowBytes` bytes each),
    /// every row repeated `repeatCount` times.
    static func zlibStream(rows: [UInt8], rowBytes: Int, repeatCount: Int) -> [UInt8] {
        let rowCount = rows.count / rowBytes
        var deflater = RasterDeflater(rows: rows, rowBytes: rowBytes, repeatCount: repeatCount)
        defer { deflater.deallocate() }
        var checksum = Adler32()
        for row in 0..<rowCount {
            let start = row * repeatCount * deflater.lineLength
            checksum.append(
                UnsafeBufferPointer(rebasing: deflater.data[start..<start + deflater.lineLength]),
                times: repeatCount)
            deflater.compressRow(startingAt: start, repeatCount: repeatCount)
        }
        deflater.flushPending()
        var writer = BitWriter(capacity: deflater.tokens.count + 64)
        writer.append([0x78, 0xDA])  // deflate, 32 KiB window, maximum compression; FCHECK makes it divisible by 31
        DeflateBlockWriter.writeFinalBlock(deflater.tokens, frequencies: deflater.frequencies, into: &writer)
        writer.alignToByte()
        writer.append(checksum.bigEndianBytes)
        return writer.bytes
    }

    private init(rows: [UInt8], rowBytes: Int, repeatCount: Int) {
        let lineLength = rowBytes + 1
        let rowCount = rows.count / rowBytes
        let data = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: rowCount * repeatCount * lineLength)
        rows.withUnsafeBytes { source in
            for line in 0..<rowCount * repeatCount {
                let start = line * lineLength
                data[start] = 0
                UnsafeMutableRawPointer(data.baseAddress! + start + 1)
                    .copyMemory(from: source.baseAddress! + line / repeatCount * rowBytes, byteCount: rowBytes)
            }
        }
        self.lineLength = lineLength
        self.data = data
        head = .allocate(capacity: 1 << Self.hashBits)
        head.initialize(repeating: -1)
        var window = 1
        while window < min(data.count, DeflateSymbols.maxDistance) { window <<= 1 }
        previous = .allocate(capacity: window)
        windowMask = window - 1
        tokens.reserveCapacity(data.count / 16)
    }

    private func deallocate() {
        data.deallocate()
        head.deallocate()
        previous.deallocate()
    }

    // MARK: - Matching

    /// Tokenizes the first copy of a row, then covers its other copies with
    /// one match a scanline back and indexes the last copy, the one the next
    /// row's matches are nearest to.
    private mutating func compressRow(startingAt start: Int, repeatCount: Int) {
        let end = start + lineLength
        var position = start
        while position < end {
            let limit = end - position
            let match = limit >= 3 ? longestMatch(at: position, limit: limit) : (length: 0, distance: 0)
            if match.length >= 3 {
                emitMatch(length: match.length, distance: match.distance)
                for covered in position..<position + match.length { insert(covered) }
                position += match.length
            } else {
                emitLiteral(data[position])
                insert(position)
                position += 1
            }
        }
        guard repeatCount > 1 else { return }
        emitMatch(length: (repeatCount - 1) * lineLength, distance: lineLength)
        let lastCopy = start + (repeatCount - 1) * lineLength
        for position in lastCopy..<lastCopy + lineLength { insert(position) }
    }

    /// The longest match for `position` of at most `limit` bytes: one byte
    /// back (runs), one scanline back (the row above), then the hash chain.
    /// Ties go to the nearer match, whose distance code is cheaper.
    private func longestMatch(at position: Int, limit: Int) -> (length: Int, distance: Int) {
        var best = (length: 2, distance: 0)
        if position >= 1 { best = longer(best, position, position - 1, limit) }
        if position >= lineLength { best = longer(best, position, position - lineLength, limit) }
        var candidate = Int(head[hash(at: position)])
        var tries = 0
        while candidate >= 0, tries < Self.maxChain, position - candidate <= DeflateSymbols.maxDistance,
            best.length < limit
        {
            if data[candidate + best.length] == data[position + best.length] {
                best = longer(best, position, candidate, limit)
            }
            let step = Int(previous[candidate & windowMask])
            guard step > 0 else { break }
            candidate -= step
            tries += 1
        }
        return best
    }

    /// `best`, or the match at `candidate` if that is longer.
    @inline(__always)
    private func longer(
        _ best: (length: Int, distance: Int), _ position: Int, _ candidate: Int,
        _ limit: Int
    ) -> (length: Int, distance: Int) {
        let length = matchLength(position, candidate, limit: limit)
        return length > best.length ? (length, position - candidate) : best
    }

    /// How many bytes from `position` equal those from the earlier `candidate`, up to `limit`.
    @inline(__always)
    private func matchLength(_ position: Int, _ candidate: Int, limit: Int) -> Int {
        let base = UnsafeRawPointer(data.baseAddress!)
        var length = 0
        while length + 8 <= limit {
            let here = base.loadUnaligned(fromByteOffset: position + length, as: UInt64.self)
            let there = base.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self)
            let difference = UInt64(littleEndian: here) ^ UInt64(littleEndian: there)
            if difference != 0 { return length + difference.trailingZeroBitCount >> 3 }
            length += 8
        }
        while length < limit, data[position + length] == data[candidate + length] { length += 1 }
        return length
    }

    @inline(__always)
    private func hash(at position: Int) -> Int {
        let key = UInt32(data[position]) | UInt32(data[position + 1]) << 8 | UInt32(data[position + 2]) << 16
        return Int((key &* 2_654_435_761) >> (32 - UInt32(Self.hashBits)))
    }

    /// Makes `position` findable by later matches. Positions inside a run
    /// (four equal bytes) are skipped: the one-byte-back candidate finds
    /// runs, and quiet zones would otherwise fill chains with copies of one
    /// string. Skipping them leaves the url-H benchmark PNG unchanged and
    /// saves most of the indexing work on quiet-zone rows.
    @inline(__always)
    private func insert(_ position: Int) {
        guard position + 3 < data.count else { return }
        let next4 = UnsafeRawPointer(data.baseAddress! + position).loadUnaligned(as: UInt32.self)
        guard next4 != (next4 & 0xFF) &* 0x0101_0101 else { return }
        let slot = hash(at: position)
        let step = position &- Int(head[slot])  // head ≥ -1, so no overflow
        previous[position & windowMask] =
            head[slot] < 0 || step > DeflateSymbols.maxDistance
            ? 0 : UInt16(truncatingIfNeeded: step)
        head[slot] = Int32(truncatingIfNeeded: position)
    }

    // MARK: - Tokens

    private mutating func emitLiteral(_ byte: UInt8) {
        flushPending()
        tokens.append(UInt32(byte))
        frequencies.literals[Int(byte)] += 1
    }

    /// Adds a match; consecutive matches at the same distance merge into one
    /// (copying a bytes then b bytes from d back is copying a + b bytes).
    private mutating func emitMatch(length: Int, distance: Int) {
        if let match = pending, match.distance == distance {
            pending = (match.length + length, distance)
            return
        }
        flushPending()
        pending = (length, distance)
    }

    /// Emits the pending match as symbols of at most 258 bytes, none shorter than 3.
    private mutating func flushPending() {
        guard let (length, distance) = pending else { return }
        pending = nil
        let coded = DeflateSymbols.distance(distance)
        var remaining = length
        while remaining > 0 {
            let piece =
                remaining <= DeflateSymbols.maxMatchLength
                ? remaining
                : min(DeflateSymbols.maxMatchLength, remaining - 3)
            let codedLength = DeflateSymbols.length(piece)
            tokens.append(DeflateBlockWriter.matchFlag | UInt32(piece) << 16 | UInt32(distance))
            frequencies.literals[257 + codedLength.symbol] += 1
            frequencies.distances[coded.symbol] += 1
            frequencies.extraBits += codedLength.extraBitCount + coded.extraBitCount
            remaining -= piece
        }
    }
}

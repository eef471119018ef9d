@testable import QRCore

/// A QR Code Model 1 writer, for tests only: nothing else writes Model 1
/// (zxing-cpp reads it but cannot write it, nor can any encoder in the
/// peers' venv), and QRCore's library only reads it. It lives in the test
/// target, in Swift, so round trips and the distortion harness can make
/// symbols in process, with the library's own segment encoding,
/// Reed–Solomon encoder and interleaving; `Scripts/check-model1-zxing.py`
/// checks what it writes against zxing-cpp through `Fixtures/model1`.
///
/// It follows ``Model1Template`` and ``Model1Version``: four zero bits, the
/// segments, terminator and pad codewords; blocks of the version's table,
/// not interleaved (every block's data codewords in turn, then every block's
/// error-correction codewords in turn, which is what zxing-cpp reads);
/// remainder codewords zero; format information masked with 0x2825. The extension patterns' modules are not data and
/// readers skip them; the writer draws them dark on the symbol's edge line
/// and light inside, a stand-in for the exact patterns of the 1997
/// specification.
enum Model1Writer {
    struct TooLong: Error {}

    /// The modules of a Model 1 symbol holding `segments`.
    static func symbol(
        _ segments: [QRSegment], version: QRVersion, level: ErrorCorrectionLevel,
        mask: QRMask
    ) throws -> BitMatrix {
        let blocks = Model1Version.of(version).blockStructure(level)
        let template = Model1Template.of(version)
        let data = try dataCodewords(segments, version: version, capacity: blocks.dataCodewords)
        var codewords = data
        for block in 0..<blocks.blockCount {
            let start = block * blocks.shortBlockDataCount
            codewords += ReedSolomonEncoder.remainder(
                of: data[start..<(start + blocks.shortBlockDataCount)],
                degree: blocks.ecCodewordsPerBlock)
        }
        codewords += [UInt8](repeating: 0, count: template.codewordCount - codewords.count)
        var grid = functionPatterns(size: version.size, level: level, mask: mask)
        for (index, position) in template.dataOrder.enumerated() {
            let x = Int(position & 0xFF), y = Int(position >> 8)
            let bit = codewords[index / 8] >> (7 - index % 8) & 1 == 1
            grid[x, y] = bit != mask.inverts(x: x, y: y)
        }
        drawExtensionPatterns(into: &grid, dataOrder: template.dataOrder)
        return grid
    }

    /// Four zero bits, the segments, the terminator, zero bits to a byte and pad codewords.
    private static func dataCodewords(_ segments: [QRSegment], version: QRVersion, capacity: Int) throws -> [UInt8] {
        var buffer = BitBuffer()
        buffer.append(0, width: 4)
        for segment in segments { segment.write(to: &buffer, at: version) }
        guard buffer.count <= capacity * 8 else { throw TooLong() }
        buffer.append(0, width: min(4, capacity * 8 - buffer.count))
        buffer.append(0, width: (8 - buffer.count % 8) % 8)
        var bytes = buffer.bytes
        var pad: UInt8 = 0xEC
        while bytes.count < capacity {
            bytes.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return bytes
    }

    /// Finder patterns, timing patterns, the dark module and both copies of the format information.
    private static func functionPatterns(size: Int, level: ErrorCorrectionLevel, mask: QRMask) -> BitMatrix {
        var grid = BitMatrix(size: size)
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    grid[left + x, top + y] = ring != 2
                }
            }
        }
        for i in 8..<(size - 8) {
            grid[i, 6] = i % 2 == 0
            grid[6, i] = i % 2 == 0
        }
        grid[8, size - 8] = true
        let format = FormatInformation.model1Codewords[level.formatBits << 3 | mask.number]
        for positions in [FormatInformation.primaryPositions(), FormatInformation.secondaryPositions(size: size)] {
            for (i, position) in positions.enumerated() { grid[position.x, position.y] = format >> i & 1 == 1 }
        }
        return grid
    }

    /// Modules that are neither data nor another function pattern: the extension patterns.
    private static func drawExtensionPatterns(into grid: inout BitMatrix, dataOrder: [UInt16]) {
        let size = grid.width
        var data = BitMatrix(size: size)
        for position in dataOrder { data[Int(position & 0xFF), Int(position >> 8)] = true }
        for y in 9..<size {
            for x in 9..<size where !data[x, y] && x != 6 && y != 6 {
                grid[x, y] = x == size - 1 || y == size - 1
            }
        }
    }
}

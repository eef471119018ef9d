// These tests read PNG through libpng: they need the PNG package trait.
#if PNG
    import QRCoreTestSupport
    import Testing
    @testable import QRCore

    /// The PNG compressor's parts: Huffman codes, Adler-32 and whole streams,
    /// which libpng's zlib inflates back.
    struct RenderingDeflateTests {
        /// Adler-32 byte by byte (RFC 1950 §8.2), to check the repeat shortcut against.
        static func plainAdler32(_ bytes: [UInt8]) -> [UInt8] {
            var a = 1, b = 0
            for byte in bytes {
                a = (a + Int(byte)) % 65521
                b = (b + a) % 65521
            }
            return [UInt8(b >> 8), UInt8(b & 0xFF), UInt8(a >> 8), UInt8(a & 0xFF)]
        }

        @Test func adler32OfRepeatsMatchesByteByByte() {
            var generator = SeededRandom(seed: 11)
            for (length, times) in [(1, 1), (1, 70_000), (68, 10), (5553, 3), (8193, 40)] {
                let block = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                var checksum = Adler32()
                block.withUnsafeBufferPointer { checksum.append($0, times: times) }
                let repeated = Array([[UInt8]](repeating: block, count: times).joined())
                #expect(checksum.bigEndianBytes == Self.plainAdler32(repeated), "\(length) × \(times)")
            }
        }

        @Test func huffmanLengthsRespectTheLimitAndFormACompleteCode() {
            // Fibonacci frequencies give the deepest optimal tree: 29 symbols would need 28 bits.
            var fibonacci = [1, 1]
            while fibonacci.count < 29 {
                fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2])
            }
            for limit in [7, 15] {
                let code = HuffmanCode(frequencies: fibonacci, maxLength: limit)
                #expect(code.lengths.allSatisfy { $0 >= 1 && $0 <= limit })
                let kraft = code.lengths.reduce(0.0) { $0 + 1 / Double(1 << Int($1)) }
                #expect(kraft == 1)
            }
        }

        @Test func huffmanCodesHaveAtLeastTwoSymbols() {
            let lone = HuffmanCode(frequencies: [0, 0, 5, 0], maxLength: 15)
            #expect(lone.lengths == [1, 0, 1, 0])
            let none = HuffmanCode(frequencies: [0, 0, 0], maxLength: 7)
            #expect(none.lengths == [1, 1, 0])
        }

        @Test func canonicalCodesFollowRFC1951() {
            // The example of RFC 1951 §3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give
            // codes 010 011 100 101 110 00 1110 1111, stored here bit-reversed.
            let code = HuffmanCode(lengths: [3, 3, 3, 3, 3, 2, 4, 4])
            #expect(code.codes == [0b010, 0b110, 0b001, 0b101, 0b011, 0b00, 0b0111, 0b1111])
        }

        /// Random rows of random widths and repeat counts: nothing like a symbol,
        /// so every path of the matcher and both block types get exercised.
        @Test func randomRastersInflateBackExactly() throws {
            var generator = SeededRandom(seed: 3)
            for round in 0..<60 {
                let width = Int.random(in: 1...300, using: &generator)
                let rowBytes = (width + 7) / 8
                let rowCount = Int.random(in: 1...20, using: &generator)
                let repeatCount = Int.random(in: 1...6, using: &generator)
                let sparse = round % 3 == 0  // mostly-white rows, like a quiet zone, give long runs
                let rows = (0..<rowCount * rowBytes).map { _ in
                    sparse && Bool.random(using: &generator) ? 0xFF : UInt8.random(in: 0...255, using: &generator)
                }
                let stream = RasterDeflater.zlibStream(rows: rows, rowBytes: rowBytes, repeatCount: repeatCount)
                let header = PNGWriter.Header(
                    width: width, height: rowCount * repeatCount, colorType: .gray, bitDepth: 1)
                let image = try GrayImage(pngData: PNGWriter.png(header, zlibStream: stream))
                for y in 0..<image.height {
                    for x in 0..<width {
                        let bit = rows[(y / repeatCount) * rowBytes + x / 8] >> (7 - x % 8) & 1
                        #expect(image[x, y] == (bit == 1 ? 255 : 0), "round \(round) pixel (\(x), \(y))")
                    }
                }
            }
        }

        @Test func rowsFarBeyondTheWindowStayExact() throws {
            // 2,000 distinct 40-byte rows: 82,000 bytes of scanlines, with repeats 40 KiB apart.
            let rowBytes = 40
            let pattern = (0..<1000 * rowBytes).map { UInt8(truncatingIfNeeded: $0 * 37 + $0 / 97) }
            let rows = pattern + pattern
            let stream = RasterDeflater.zlibStream(rows: rows, rowBytes: rowBytes, repeatCount: 1)
            let header = PNGWriter.Header(width: rowBytes * 8, height: 2000, colorType: .gray, bitDepth: 1)
            let decoded = try PNGDecoder.decode(
                PNGWriter.png(header, zlibStream: stream), limits: .default, channels: 1)
            let expected = rows.flatMap { byte -> [UInt8] in (0..<8).map { byte >> (7 - $0) & 1 == 1 ? 255 : 0 } }
            #expect(decoded.pixels == expected)
        }
    }

    extension RenderingDeflateTests {
        /// RFC 1951 §3.2.5's tables, written out, against the computed codes.
        @Test func symbolCodesMatchTheRFCTables() {
            let lengthBases = [
                3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
            ]
            let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
            for length in 3...258 {
                let code = lengthBases.lastIndex { $0 <= length }!
                let coded = DeflateSymbols.length(length)
                #expect(coded.symbol == code && coded.extraBitCount == lengthExtra[code], "length \(length)")
                #expect(Int(coded.extraBits) == length - lengthBases[code], "length \(length)")
            }
            let distanceBases = [
                1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
            ]
            for distance in 1...32768 {
                let code = distanceBases.lastIndex { $0 <= distance }!
                let coded = DeflateSymbols.distance(distance)
                #expect(coded.symbol == code && coded.extraBitCount == max(0, code / 2 - 1), "distance \(distance)")
                #expect(Int(coded.extraBits) == distance - distanceBases[code], "distance \(distance)")
            }
        }
    }
#endif

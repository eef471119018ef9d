/// Reads codewords from the data modules of a sampled symbol, in the order
/// in which they were placed (ISO/IEC 18004:2015 §7.7.3): two-module columns
/// from the bottom-right corner, bits most significant first, with the data
/// mask (§7.8.2) undone. Remainder bits after the last whole codeword are skipped.
enum CodewordReader {
    /// The codewords of `matrix`, each module XORed with `mask` (the
    /// template's pattern for the symbol's mask, or nil to read the modules
    /// as they are, e.g. to find which codewords touch an uncertain module).
    /// - Parameter order: the data modules in placement order, `x | y << 8`
    ///   (``SymbolTemplate/dataOrder``, or ``Model1Template/dataOrder`` for Model 1).
    /// - Precondition: `matrix` and `mask` have the size the order was made for.
    /// - Complexity: O(data modules), one pass with no allocation but the result.
    static func codewords(in matrix: BitMatrix, masking mask: BitMatrix?, order dataOrder: [UInt16]) -> [UInt8] {
        let count = dataOrder.count / 8
        let stride = matrix.stride
        let maskWords = mask?.words ?? [UInt64](repeating: 0, count: matrix.words.count)
        return [UInt8](unsafeUninitializedCapacity: count) { result, initialized in
            matrix.words.withUnsafeBufferPointer { words in
                maskWords.withUnsafeBufferPointer { maskWords in
                    dataOrder.withUnsafeBufferPointer { order in
                        for index in 0..<count {
                            var byte: UInt8 = 0
                            for bit in 0..<8 {
                                let position = Int(order[index &* 8 &+ bit])
                                let x = position & 0xFF, y = position >> 8
                                let word = y &* stride &+ x &>> 6
                                let module = (words[word] ^ maskWords[word]) &>> UInt64(x & 63) & 1
                                byte = byte << 1 | UInt8(truncatingIfNeeded: module)
                            }
                            result[index] = byte
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

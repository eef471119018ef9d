/// Computes Reed–Solomon error-correction codewords (ISO/IEC 18004:2015 §7.5.2).
///
/// The EC codewords of a block are the remainder of data(x)·xⁿ divided by the
/// generator g(x) = (x − α⁰)(x − α¹)…(x − αⁿ⁻¹) (Annex A). Generators are built
/// once per degree and kept as logarithms of their coefficients.
enum ReedSolomonEncoder {
    /// The EC block lengths that occur in Table 9.
    private static let degrees = [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30]

    /// log_α of the generator coefficients (highest degree term omitted, it is 1),
    /// indexed by degree.
    private static let generatorLogs: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: 31)
        for degree in degrees { table[degree] = generator(degree: degree).map { GaloisField.log[Int($0)] } }
        return table
    }()

    /// Coefficients of g(x) from x^(degree−1) down to x⁰, without the leading 1.
    static func generator(degree: Int) -> [UInt8] {
        // product[k] is the coefficient of x^(i−k) after i factors; start with 1.
        var product: [UInt8] = [1]
        for i in 0..<degree {
            let root = GaloisField.power(i)
            var next = product + [0]
            for k in 1..<next.count { next[k] ^= GaloisField.multiply(product[k - 1], root) }
            product = next
        }
        return Array(product.dropFirst())
    }

    /// The `degree` EC codewords of `data`.
    static func remainder(of data: ArraySlice<UInt8>, degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        remainder(of: data, into: &result)
        return result
    }

    /// Writes the EC codewords of `data` into `result`, whose count is the degree.
    static func remainder(of data: ArraySlice<UInt8>, into result: inout [UInt8]) {
        let degree = result.count
        for i in 0..<degree { result[i] = 0 }
        let generatorLog =
            degree < generatorLogs.count && !generatorLogs[degree].isEmpty
            ? generatorLogs[degree] : generator(degree: degree).map { GaloisField.log[Int($0)] }
        GaloisField.exp.withUnsafeBufferPointer { exp in
            generatorLog.withUnsafeBufferPointer { gen in
                result.withUnsafeMutableBufferPointer { rem in
                    for byte in data {
                        let factor = byte ^ rem[0]
                        for j in 0..<(degree - 1) { rem[j] = rem[j + 1] }
                        rem[degree - 1] = 0
                        guard factor != 0 else { continue }
                        let factorLog = Int(GaloisField.log[Int(factor)])
                        for j in 0..<degree { rem[j] ^= exp[factorLog + Int(gen[j])] }
                    }
                }
            }
        }
    }
}

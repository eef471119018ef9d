/// Corrects errors and erasures in a Reed–Solomon block of the code of
/// ISO/IEC 18004:2015 §7.5.2 (generator roots α⁰…αⁿ⁻¹ in GF(2⁸)/0x11D, Annex A).
///
/// The procedure is the textbook one, which the standard leaves to the
/// reader: syndromes, Berlekamp–Massey started from the erasure locator
/// (as in Blahut, *Algebraic Codes for Data Transmission*), Chien search and
/// Forney's formula. With n EC codewords it corrects e errors and f erasures
/// (codewords known to be doubtful) whenever 2e + f ≤ n.
///
/// A block of `count` codewords is the polynomial c(x) = Σ block[i]·x^(count−1−i)
/// (data first, EC codewords last), a codeword when c(αʲ) = 0 for j = 0…n−1.
/// An error at array index i has the locator X = α^(count−1−i).
enum ReedSolomonDecoder {
    /// Why a block could not be corrected. Each is a detected failure; the
    /// block is left as it was.
    enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// More erasures than EC codewords.
        case tooManyErasures(erasures: Int, ecCodewords: Int)
        /// The error locator implies 2e + f > n, or its degree disagrees
        /// with the number of errors Berlekamp–Massey counted.
        case tooManyErrors
        /// The locator's roots are fewer than its degree: some lie outside
        /// the block or are repeated, so the pattern is not correctable.
        case locatorRootsMismatch(roots: Int, degree: Int)
        /// Forney's formula or the final syndrome check contradicts the locator.
        case inconsistentCorrection

        var description: String {
            switch self {
            case let .tooManyErasures(erasures, ec): return "\(erasures) erasures exceed the \(ec) EC codewords"
            case .tooManyErrors: return "more errors than the EC codewords can correct"
            case let .locatorRootsMismatch(roots, degree):
                return "error locator of degree \(degree) has \(roots) roots in the block"
            case .inconsistentCorrection: return "the correctionLevel does not yield a codeword"
            }
        }
    }

    /// Corrects `block` in place and returns the number of codewords changed.
    /// - Parameters:
    ///   - block: data codewords followed by `ecCount` EC codewords (at most 255 in all).
    ///   - ecCount: the number of EC codewords n.
    ///   - erasures: array indices of codewords known to be doubtful, distinct.
    /// - Throws: ``Failure`` when the block is detectably uncorrectable; `block` is unchanged then.
    /// - Complexity: O(count · n) when the block is clean, which allocates
    ///   nothing; O(count · n + n²) otherwise.
    @discardableResult
    static func correct(_ block: inout [UInt8], ecCount: Int, erasures: [Int] = []) throws(Failure) -> Int {
        try block.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Int in
            try correct(buffer, ecCount: ecCount, erasures: erasures)
        }
    }

    /// ``correct(_:ecCount:erasures:)`` on a buffer, for callers that keep
    /// many blocks in one array.
    @discardableResult
    static func correct(
        _ block: UnsafeMutableBufferPointer<UInt8>, ecCount: Int,
        erasures: [Int] = []
    ) throws(Failure) -> Int {
        precondition(ecCount > 0 && ecCount < block.count && block.count <= 255, "not a Reed–Solomon block")
        precondition(erasures.allSatisfy { (0..<block.count).contains($0) }, "erasure outside the block")
        guard erasures.count <= ecCount else { throw .tooManyErasures(erasures: erasures.count, ecCodewords: ecCount) }
        let syndromes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ecCount) { buffer -> [UInt8]? in
            computeSyndromes(of: UnsafeBufferPointer(block), into: buffer) ? Array(buffer) : nil
        }
        guard let syndromes else { return 0 }
        return try solve(block, syndromes: syndromes, erasures: erasures)
    }

    /// Writes Sⱼ = c(αʲ) = Σᵢ cᵢ·α^(j·eᵢ) for j in 0..<syndromes.count, where
    /// eᵢ = count−1−i, and returns whether any is non-zero.
    ///
    /// Each codeword adds its term to every syndrome, the exponent growing
    /// by eᵢ from one syndrome to the next. Unlike Horner's rule per
    /// syndrome, the updates are independent of one another and need one
    /// table lookup each; this pass is most of the time a clean decode takes.
    private static func computeSyndromes(
        of block: UnsafeBufferPointer<UInt8>,
        into syndromes: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        syndromes.initialize(repeating: 0)
        GaloisField.exp.withUnsafeBufferPointer { exp in
            GaloisField.log.withUnsafeBufferPointer { log in
                for (i, byte) in block.enumerated() where byte != 0 {
                    let step = block.count &- 1 &- i
                    var exponent = Int(log[Int(byte)])
                    for j in 0..<syndromes.count {
                        syndromes[j] ^= exp[exponent]
                        exponent &+= step
                        if exponent >= 255 { exponent &-= 255 }
                    }
                }
            }
        }
        return syndromes.contains { $0 != 0 }
    }

    /// Finds and applies the corrections for non-zero syndromes.
    private static func solve(
        _ block: UnsafeMutableBufferPointer<UInt8>, syndromes: [UInt8],
        erasures: [Int]
    ) throws(Failure) -> Int {
        let count = block.count
        let erasurePowers = erasures.map { count - 1 - $0 }
        let locator = try errataLocator(syndromes: syndromes, erasurePowers: erasurePowers)
        let positions = rootPositions(of: locator, blockLength: count)
        guard positions.count == locator.count - 1 else {
            throw .locatorRootsMismatch(roots: positions.count, degree: locator.count - 1)
        }
        let magnitudes = try errorMagnitudes(
            syndromes: syndromes, locator: locator,
            powers: positions.map { count - 1 - $0 })
        // A located error of value 0 contradicts the locator; an erasure may be right.
        for (position, magnitude) in zip(positions, magnitudes) where magnitude == 0 && !erasures.contains(position) {
            throw .inconsistentCorrection
        }
        for (position, magnitude) in zip(positions, magnitudes) { block[position] ^= magnitude }
        let clean = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: syndromes.count) { buffer in
            !computeSyndromes(of: UnsafeBufferPointer(block), into: buffer)
        }
        guard clean else {
            for (position, magnitude) in zip(positions, magnitudes) { block[position] ^= magnitude }
            throw .inconsistentCorrection
        }
        return magnitudes.count { $0 != 0 }
    }

    /// The errata locator Λ(x) = Π(1 + Xₖx) over errors and erasures,
    /// coefficients from x⁰ up, by Berlekamp–Massey started from the erasure
    /// locator Γ(x) with length L = f. Step r then works on the syndromes
    /// modified by Γ, which is why the length test reads 2L ≤ r + f and the
    /// update L ← r + 1 + f − L (Blahut's form for 0-based r).
    ///
    /// Every grid sampled from clutter that reads as a symbol runs this to
    /// its end and fails, so the polynomials live in one scratch buffer
    /// rather than in arrays made at every step: Λ, the shifted previous
    /// locator B, and the update, each with room for the degree n + f they
    /// can reach.
    private static func errataLocator(syndromes: [UInt8], erasurePowers: [Int]) throws(Failure) -> [UInt8] {
        let n = syndromes.count, f = erasurePowers.count
        let capacity = n + f + 2
        let (locator, length) = GaloisField.withMultiplier { multiply in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * capacity) { scratch in
                scratch.initialize(repeating: 0)
                let base = scratch.baseAddress!
                var current = base, previous = base + capacity, updated = base + 2 * capacity
                // The arrays' lengths: coefficients beyond them are zero.
                var currentCount = 1
                current[0] = 1
                for power in erasurePowers {
                    // Λ ← Λ · (1 + Xx), X = α^power.
                    let x = GaloisField.power(power)
                    for j in Swift.stride(from: currentCount, to: 0, by: -1) {
                        current[j] ^= multiply(current[j - 1], x)
                    }
                    currentCount += 1
                }
                previous.update(from: current, count: currentCount)
                var previousCount = currentCount
                var length = f
                for r in f..<n {
                    var discrepancy: UInt8 = 0
                    for j in 0...min(r, currentCount - 1) {
                        discrepancy ^= multiply(current[j], syndromes[r - j])
                    }
                    // B ← x·B.
                    for j in Swift.stride(from: previousCount, to: 0, by: -1) { previous[j] = previous[j - 1] }
                    previous[0] = 0
                    previousCount += 1
                    guard discrepancy != 0 else { continue }
                    // Λ' = Λ + Δ·B.
                    let updatedCount = max(currentCount, previousCount)
                    for j in 0..<updatedCount {
                        updated[j] = (j < currentCount ? current[j] : 0) ^ multiply(previous[j], discrepancy)
                    }
                    if 2 * length <= r + f {
                        // B ← Λ / Δ.
                        let inverse = GaloisField.inverse(discrepancy)
                        for j in 0..<currentCount { previous[j] = multiply(current[j], inverse) }
                        for j in currentCount..<max(currentCount, previousCount) { previous[j] = 0 }
                        previousCount = currentCount
                        length = r + 1 + f - length
                    }
                    swap(&current, &updated)
                    currentCount = updatedCount
                }
                while currentCount > 1 && current[currentCount - 1] == 0 { currentCount -= 1 }
                return (Array(UnsafeBufferPointer(start: current, count: currentCount)), length)
            }
        }
        guard locator.count - 1 == length, 2 * length - f <= n else { throw .tooManyErrors }
        return locator
    }

    /// Chien search: the array indices i whose locator inverse α^−(count−1−i)
    /// is a root of Λ, in increasing order. Roots for powers beyond the
    /// block are not found, so the caller then sees fewer roots than the degree.
    ///
    /// The terms Λⱼ·α^(−j·p) are kept as logarithms while p steps from 0
    /// up, so each step subtracts j from each and needs no multiplication.
    private static func rootPositions(of locator: [UInt8], blockLength count: Int) -> [Int] {
        let degree = locator.count - 1
        var logs = locator.map { $0 == 0 ? -1 : Int(GaloisField.log[Int($0)]) }  // −1: zero coefficient
        var positions: [Int] = []
        GaloisField.exp.withUnsafeBufferPointer { exp in
            for power in 0..<count where positions.count < degree {
                var sum: UInt8 = 0
                for j in 0...degree where logs[j] >= 0 { sum ^= exp[logs[j]] }
                if sum == 0 { positions.append(count - 1 - power) }
                for j in 1..<(degree + 1) where logs[j] >= 0 {
                    logs[j] -= j
                    if logs[j] < 0 { logs[j] += 255 }
                }
            }
        }
        return positions.reversed()
    }

    /// Forney's formula for generator roots starting at α⁰:
    /// eₖ = Xₖ · Ω(Xₖ⁻¹) / Λ′(Xₖ⁻¹), where Ω(x) = S(x)Λ(x) mod xⁿ.
    private static func errorMagnitudes(
        syndromes: [UInt8], locator: [UInt8],
        powers: [Int]
    ) throws(Failure) -> [UInt8] {
        let evaluator = Array(multiply(syndromes, locator).prefix(syndromes.count))
        // Formal derivative in characteristic 2: only odd powers survive, each dropping one degree.
        let derivative = (0..<max(locator.count - 1, 1)).map { k in k % 2 == 0 ? locator[k + 1] : 0 }
        var magnitudes: [UInt8] = []
        magnitudes.reserveCapacity(powers.count)
        for power in powers {
            let inverse = GaloisField.power(-power)
            let denominator = evaluate(derivative, at: inverse)
            guard denominator != 0 else { throw .inconsistentCorrection }
            let value = GaloisField.divide(evaluate(evaluator, at: inverse), denominator)
            magnitudes.append(GaloisField.multiply(GaloisField.power(power), value))
        }
        return magnitudes
    }

    // MARK: Polynomials, coefficients from x⁰ up

    private static func evaluate(_ polynomial: [UInt8], at x: UInt8) -> UInt8 {
        polynomial.reversed().reduce(0) { GaloisField.multiply($0, x) ^ $1 }
    }

    private static func multiply(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var product = [UInt8](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where x != 0 {
            for (j, y) in b.enumerated() { product[i + j] ^= GaloisField.multiply(x, y) }
        }
        return product
    }
}

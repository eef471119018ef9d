/// The Adler-32 checksum that ends a zlib stream (RFC 1950 §8.2), with a
/// cheap way to append the same bytes many times.
struct Adler32 {
    private static let modulus = 65521
    /// 1 + the sum of all bytes, modulo 65521.
    private var sum = 1
    /// The sum of `sum` after each byte, modulo 65521.
    private var weightedSum = 0

    /// Appends `bytes` `times` times over.
    ///
    /// Appending n bytes x₀…xₙ₋₁ adds S = Σxᵢ to `sum` and n·sum + W to
    /// `weightedSum`, where W = Σ(n − i)·xᵢ. Appending them k times adds
    /// k·S to `sum` and k·n·sum + n·S·k(k − 1)/2 + k·W to `weightedSum`,
    /// so the copies cost O(1) whatever k is.
    /// - Precondition: `bytes.count` ≤ 8,193 (a 65,535-pixel row), so that
    ///   W < 8193² × 255 cannot overflow.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, times: Int) {
        let count = bytes.count
        var blockSum = 0, blockWeighted = 0
        for index in 0..<count {  // independent terms, so the loop vectorizes
            blockSum &+= Int(bytes[index])
            blockWeighted &+= (count &- index) &* Int(bytes[index])
        }
        let m = Self.modulus
        let (n, k) = (count % m, times % m)
        let s = blockSum % m, w = blockWeighted % m
        let pairs = times.isMultiple(of: 2) ? (times / 2 % m) * ((times - 1) % m) : (times % m) * ((times - 1) / 2 % m)
        weightedSum = (weightedSum + k * n % m * sum + n * s % m * (pairs % m) + k * w) % m
        sum = (sum + k * s) % m
    }

    /// The checksum, most significant byte first, as zlib stores it.
    var bigEndianBytes: [UInt8] {
        [UInt8(weightedSum >> 8), UInt8(weightedSum & 0xFF), UInt8(sum >> 8), UInt8(sum & 0xFF)]
    }
}

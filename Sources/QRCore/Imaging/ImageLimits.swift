/// Limits that protect a process from hostile or absurd images.
///
/// Every decoder checks them against the size an image's header claims,
/// before any pixel memory is allocated, so a small file claiming a huge
/// image (a decompression bomb) fails fast.
public struct ImageLimits: Sendable, Hashable {
    /// The most pixels an image may have.
    public var maxPixels: Int
    /// The longest side an image may have.
    public var maxDimension: Int

    /// 128 megapixels and 65,535 pixels a side: far beyond any camera photo
    /// (a 50-megapixel photo is 8,192 × 6,144), yet bounded memory.
    public static let `default` = ImageLimits(maxPixels: 128_000_000, maxDimension: 65_535)

    /// Limits of `maxPixels` pixels in all and `maxDimension` pixels a side.
    public init(maxPixels: Int, maxDimension: Int) {
        self.maxPixels = maxPixels
        self.maxDimension = maxDimension
    }

    /// Throws ``ImageError/invalidDimensions(width:height:)`` for a zero or
    /// negative side and ``ImageError/tooLarge(width:height:limit:)`` for a
    /// size beyond the limits.
    public func check(width: Int, height: Int) throws(ImageError) {
        guard width > 0, height > 0 else { throw .invalidDimensions(width: width, height: height) }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard width <= maxDimension, height <= maxDimension, !overflow, pixels <= maxPixels else {
            throw .tooLarge(width: width, height: height, limit: self)
        }
    }
}

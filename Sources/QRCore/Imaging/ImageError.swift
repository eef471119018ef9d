/// Why an image could not be read or made. ``description`` says it in one
/// sentence, with the numbers involved.
public enum ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// More pixels, or a longer side, than the limits allow.
    case tooLarge(width: Int, height: Int, limit: ImageLimits)
    /// A zero or negative width or height.
    case invalidDimensions(width: Int, height: Int)
    /// The bytes are not a supported image format; the text says what they look like.
    case unsupportedFormat(String)
    /// The bytes claim a supported format but are corrupt or truncated.
    case corrupt(String)
    /// A raw pixel buffer smaller than its stated size and stride need.
    case bufferTooSmall(needed: Int, given: Int)
    /// A raw pixel buffer whose rows are closer together than a row is long.
    case invalidStride(bytesPerRow: Int, minimum: Int)
    /// Reading or writing a file failed.
    case io(path: String, reason: String)
    /// Memory for the pixels could not be allocated.
    case outOfMemory
    /// This build of QRCore cannot read the format: it was built without the
    /// package trait that brings its C library (`PNG` for libpng, `JPEG` for
    /// libjpeg-turbo). Pixels you already have still decode.
    case formatNotBuiltIn(String)

    /// What went wrong, in one sentence with its numbers.
    public var description: String {
        switch self {
        case let .tooLarge(width, height, limit):
            return "image of \(width)×\(height) pixels exceeds the limit of \(limit.maxPixels) pixels "
                + "and \(limit.maxDimension) pixels a side"
        case let .invalidDimensions(width, height):
            return "invalid image size \(width)×\(height)"
        case let .unsupportedFormat(reason):
            return "unsupported image format: \(reason)"
        case let .corrupt(reason):
            return "corrupt image: \(reason)"
        case let .bufferTooSmall(needed, given):
            return "pixel buffer too small: \(needed) bytes needed, \(given) given"
        case let .invalidStride(bytesPerRow, minimum):
            return "invalid stride: \(bytesPerRow) bytes per row, but a row needs at least \(minimum)"
        case let .io(path, reason):
            return "\(path): \(reason)"
        case .outOfMemory:
            return "out of memory"
        case let .formatNotBuiltIn(format):
            return "this build of QRCore reads no \(format): it was built without \(format) support "
                + "(the \(format) package trait); pass pixels with GrayImage(pixels:…) instead"
        }
    }
}

/// The layout of a caller's raw pixel buffer: 8 bits per channel, channels
/// in the order the name gives them. Alpha is straight (not premultiplied).
public enum PixelFormat: String, Sendable, Hashable, CaseIterable {
    /// One luminance byte.
    case gray8
    /// Red, green, blue.
    case rgb8
    /// Red, green, blue, alpha (PNG, most image libraries).
    case rgba8
    /// Blue, green, red, alpha (Windows bitmaps, CoreGraphics little-endian, many camera APIs).
    case bgra8
    /// Alpha, red, green, blue (Java's and older Mac APIs' packed ints, big-endian).
    case argb8

    /// Bytes per pixel.
    public var bytesPerPixel: Int {
        switch self {
        case .gray8: 1
        case .rgb8: 3
        case .rgba8, .bgra8, .argb8: 4
        }
    }

    /// Byte offsets of red, green and blue within a pixel, and of alpha if there is one.
    var channelOffsets: (red: Int, green: Int, blue: Int, alpha: Int?) {
        switch self {
        case .gray8: (0, 0, 0, nil)
        case .rgb8: (0, 1, 2, nil)
        case .rgba8: (0, 1, 2, 3)
        case .bgra8: (2, 1, 0, 3)
        case .argb8: (1, 2, 3, 0)
        }
    }
}

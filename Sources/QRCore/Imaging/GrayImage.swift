/// An 8-bit greyscale image, rows top to bottom without padding; 0 is black.
///
/// Everything the detector reads is first turned into one of these, whatever
/// its source: PNG (``init(pngData:limits:)``), PGM/PPM
/// (``init(pnmData:limits:)``), a file (``init(contentsOfFile:limits:)``), or a
/// caller's raw pixel buffer (`init(pixels:width:height:bytesPerRow:format:limits:)`,
/// from an array or from an `UnsafeRawBufferPointer`).
/// Colour becomes Rec. 601 luminance, `(77R + 150G + 29B + 128) >> 8`, and
/// transparency is composited on white, the paper a code is printed on.
public struct GrayImage: Sendable, Hashable {
    /// Pixels in a row.
    public let width: Int
    /// Rows of pixels.
    public let height: Int
    /// `width × height` luminance values, row-major. Read-only as a whole, so
    /// that it always matches the size; change single pixels through the
    /// subscript.
    public internal(set) var pixels: [UInt8]

    /// Wraps existing pixels.
    /// - Precondition: `pixels.count == width * height`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count does not match the size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A uniform image.
    public init(width: Int, height: Int, value: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    /// The pixel at column `x`, row `y`.
    /// - Precondition: `0 ≤ x < width` and `0 ≤ y < height`.
    @inline(__always)
    public subscript(x: Int, y: Int) -> UInt8 {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
            return pixels[y &* width &+ x]
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
            pixels[y &* width &+ x] = newValue
        }
    }
}

/// A caller's raw pixels, owned, so that a decode job can wait in the queue
/// after the caller's buffer is gone. Converted by
/// ``GrayImage/init(pixels:width:height:bytesPerRow:format:limits:)``.
public struct PixelBuffer: Sendable, Hashable {
    /// The pixel bytes, rows `bytesPerRow` apart.
    public var bytes: [UInt8]
    public var width: Int
    public var height: Int
    /// Bytes from the start of one row to the next.
    public var bytesPerRow: Int
    public var format: PixelFormat

    /// - Parameter bytesPerRow: defaults to rows without padding.
    public init(bytes: [UInt8], width: Int, height: Int, bytesPerRow: Int? = nil, format: PixelFormat) {
        self.bytes = bytes
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow ?? width * format.bytesPerPixel
        self.format = format
    }
}

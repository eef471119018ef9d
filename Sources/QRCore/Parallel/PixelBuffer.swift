/// A caller's raw pixels, owned, so that a decode job can wait in the queue
/// after the caller's buffer is gone. A worker converts it to a ``GrayImage``
/// as `GrayImage(pixels:width:height:bytesPerRow:format:)` does.
public struct PixelBuffer: Sendable, Hashable {
    /// The pixel bytes, rows `bytesPerRow` apart.
    public var bytes: [UInt8]
    /// Pixels in a row.
    public var width: Int
    /// Rows.
    public var height: Int
    /// Bytes from the start of one row to the next.
    public var bytesPerRow: Int
    /// How each pixel's bytes are laid out.
    public var format: PixelFormat

    /// Pixels to be decoded later; checked when the job runs.
    /// - Parameters:
    ///   - bytes: the pixel bytes, rows `bytesPerRow` apart.
    ///   - width: pixels in a row.
    ///   - height: rows.
    ///   - bytesPerRow: bytes from one row to the next; defaults to rows without padding.
    ///   - format: how each pixel's bytes are laid out.
    public init(bytes: [UInt8], width: Int, height: Int, bytesPerRow: Int? = nil, format: PixelFormat) {
        self.bytes = bytes
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow ?? width * format.bytesPerPixel
        self.format = format
    }
}

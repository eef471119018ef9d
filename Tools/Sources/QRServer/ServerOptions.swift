import QRCore

/// Everything `qr serve` can be told: where to listen, how many workers and
/// how much queue, how long results live, and the limits on what a request
/// may ask for.
public struct ServerOptions: Sendable, Hashable {
    /// The address to listen on; the loopback address by default, so that
    /// exposing the service is a decision.
    public var host: String
    /// The TCP port; 0 picks a free one.
    public var port: Int
    /// Worker threads, queue capacity, and how long and how many results are
    /// kept (``ParallelCodecOptions/resultTimeToLive`` is the task TTL).
    public var codec: ParallelCodecOptions
    /// The largest request body accepted; larger bodies get 413.
    public var maxBodyBytes: Int
    /// The largest image a decode job reads. Checked against the PNG or JPEG
    /// header before pixels are allocated, so a small file that claims a huge image
    /// fails at once; bounds a worker's memory at about one byte a pixel.
    public var imageLimits: ImageLimits
    /// The largest `scale` (pixels per module) a generate request may ask for.
    public var maxScale: Int
    /// The widest `border` (modules) a generate request may ask for.
    public var maxBorder: Int
    /// The longest `GET /result/{id}?wait=` a client may ask for.
    public var maxWait: Duration
    /// The `Retry-After` a 503 suggests, in seconds.
    public var retryAfterSeconds: Int

    /// - Parameters:
    ///   - host: listening address.
    ///   - port: listening port.
    ///   - codec: workers, queue and retention of the ``ParallelCodec``.
    ///   - maxBodyBytes: 16 MiB by default: a phone's JPEG photo fits as it is, and so does a
    ///     picture the page converts to PNG or JPEG because the server cannot read it.
    ///   - imageLimits: 50 megapixels and 16,384 pixels a side by default.
    ///   - maxScale: 32 pixels a module by default (a version 40 symbol is then 6,688 pixels wide with the largest border).
    ///   - maxBorder: 16 modules by default.
    ///   - maxWait: 30 seconds by default.
    ///   - retryAfterSeconds: 1 second by default.
    public init(host: String = "127.0.0.1", port: Int = 8080,
                codec: ParallelCodecOptions = ParallelCodecOptions(),
                maxBodyBytes: Int = 16 << 20,
                imageLimits: ImageLimits = ImageLimits(maxPixels: 50_000_000, maxDimension: 16_384),
                maxScale: Int = 32, maxBorder: Int = 16, maxWait: Duration = .seconds(30),
                retryAfterSeconds: Int = 1) {
        self.host = host
        self.port = port
        self.codec = codec
        self.maxBodyBytes = maxBodyBytes
        self.imageLimits = imageLimits
        self.maxScale = maxScale
        self.maxBorder = maxBorder
        self.maxWait = maxWait
        self.retryAfterSeconds = retryAfterSeconds
    }
}

import QRCore

/// Everything `qr serve` can be told: where to listen, where tasks live, how
/// many workers and how much queue, how long results live, and the limits on
/// what a request may ask for and on the memory the server holds for clients.
public struct ServerOptions: Sendable, Hashable {
    /// Where tasks and results live.
    public enum Store: Sendable, Hashable {
        /// In this process, on its own workers (the default): results die with it.
        case memory
        /// In a PostgreSQL database shared by every instance and worker.
        case postgres(PostgresLocation)
    }

    /// How much of a refused request body is read and thrown away before the
    /// connection is closed, so that a client that writes its whole body
    /// before reading sees the refusal (see ``UploadGuard``).
    public struct UploadLimits: Sendable, Hashable {
        public var maxDrainBytes: Int
        public var drainTime: Duration

        /// - Parameters:
        ///   - maxDrainBytes: 256 MiB by default: a refused 64 MiB upload still learns why.
        ///   - drainTime: 10 seconds by default.
        public init(maxDrainBytes: Int = 256 << 20, drainTime: Duration = .seconds(10)) {
            self.maxDrainBytes = maxDrainBytes
            self.drainTime = drainTime
        }
    }

    /// The address to listen on; the loopback address by default, so that
    /// exposing the service is a decision.
    public var host: String
    /// The TCP port; 0 picks a free one.
    public var port: Int
    /// Where tasks live; ``Store/memory`` by default.
    public var store: Store
    /// Worker threads, queue capacity, and how long and how many results are
    /// kept (``ParallelCodecOptions/resultTimeToLive`` is the task TTL). With
    /// ``Store/postgres(_:)``, 0 workers makes a front end that runs no jobs,
    /// and the queue capacity bounds the jobs waiting in the database.
    public var codec: ParallelCodecOptions
    /// The bytes held at once for request bodies, queued jobs and kept
    /// results; a request whose body does not fit gets 503 before it is read.
    public var maxQueuedBytes: Int
    public var uploads: UploadLimits
    /// How long a worker may hold a job it claimed from PostgreSQL before
    /// another may take it back.
    public var lease: Duration
    /// The longest a request waits for PostgreSQL (a connection, then a
    /// statement) before it is answered 503.
    public var storeTimeout: Duration
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
    ///   - store: where tasks live.
    ///   - codec: workers, queue and retention of the ``ParallelCodec``.
    ///   - maxBodyBytes: 16 MiB by default: a phone's JPEG photo fits as it is, and so does a
    ///     picture the page converts to PNG or JPEG because the server cannot read it.
    ///   - imageLimits: 50 megapixels and 16,384 pixels a side by default.
    ///   - maxScale: 32 pixels a module by default (a version 40 symbol is then 6,688 pixels wide with the largest border).
    ///   - maxBorder: 16 modules by default.
    ///   - maxWait: 30 seconds by default.
    ///   - retryAfterSeconds: 1 second by default.
    ///   - maxQueuedBytes: 256 MiB by default: sixteen bodies at the largest size.
    ///   - lease: 30 seconds by default.
    ///   - storeTimeout: 5 seconds by default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, store: Store = .memory,
        codec: ParallelCodecOptions = ParallelCodecOptions(),
        maxBodyBytes: Int = 16 << 20,
        imageLimits: ImageLimits = ImageLimits(maxPixels: 50_000_000, maxDimension: 16_384),
        maxScale: Int = 32, maxBorder: Int = 16, maxWait: Duration = .seconds(30),
        retryAfterSeconds: Int = 1, maxQueuedBytes: Int = 256 << 20,
        uploads: UploadLimits = UploadLimits(), lease: Duration = .seconds(30),
        storeTimeout: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.store = store
        self.codec = codec
        self.maxQueuedBytes = maxQueuedBytes
        self.uploads = uploads
        self.lease = lease
        self.storeTimeout = storeTimeout
        self.maxBodyBytes = maxBodyBytes
        self.imageLimits = imageLimits
        self.maxScale = maxScale
        self.maxBorder = maxBorder
        self.maxWait = maxWait
        self.retryAfterSeconds = retryAfterSeconds
    }
}

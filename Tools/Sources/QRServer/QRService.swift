import Hummingbird
import Logging
import QRCore

/// The QR workshop over HTTP: a web page, an asynchronous API (submit a task,
/// get its identifier at once, poll for the result), synchronous shortcuts,
/// and monitoring, in front of a ``JobStore``: this process's
/// ``ParallelCodec`` (`--store memory`), or a PostgreSQL database shared
/// with other instances and `qr worker` processes.
///
/// ```swift
/// try await QRService(options: ServerOptions(port: 8080)).run()   // until SIGINT or SIGTERM
/// ```
///
/// The routes are listed in ``makeRouter()``. Request handlers only parse,
/// check and book-keep; every CPU-heavy step runs on a codec's workers, so
/// the event loops stay free to answer polls while the workers are busy.
public struct QRService: Sendable {
    public let options: ServerOptions
    /// This process's workers; nil for a PostgreSQL front end with `--workers 0`.
    let codec: ParallelCodec?
    let store: any JobStore
    let budget: ByteBudget
    let requestMetrics = RequestMetrics()
    let page: WebPage

    /// A service with the store and codec its options ask for.
    /// - Throws: ``StoreConfigurationError`` for a PostgreSQL store that cannot be set up.
    public init(options: ServerOptions) throws {
        let codec = options.codec.workers > 0 ? ParallelCodec(options: options.codec) : nil
        try self.init(options: options, codec: codec, clock: ContinuousCodecClock())
    }

    /// A service in front of `codec`, which it shuts down when the server
    /// stops (tests pass one with a clock or workload of their own, and the
    /// same `clock` for the byte budget's accounting of kept results).
    init(options: ServerOptions, codec: ParallelCodec?, clock: any ParallelCodecClock) throws {
        var options = options
        if let codec { options.codec = codec.options }
        self.options = options
        self.codec = codec
        budget = ByteBudget(limit: options.maxQueuedBytes, clock: clock)
        store = try Self.makeStore(options: options, codec: codec, budget: budget)
        page = WebPage(maxBodyBytes: options.maxBodyBytes)
    }

    private static func makeStore(
        options: ServerOptions, codec: ParallelCodec?,
        budget: ByteBudget
    ) throws -> any JobStore {
        switch options.store {
        case .memory:
            guard let codec else { throw StoreConfigurationError("--store memory needs at least one worker") }
            return MemoryJobStore(codec: codec, budget: budget, options: options)
        case let .postgres(location):
            return try PostgresJobStore(location: location, codec: codec, options: options)
        }
    }

    /// The Hummingbird application: the router, the address, the upload
    /// guard on every connection, and the store's services (the codec's
    /// shutdown among them), which end after the HTTP server has.
    /// - Parameter onListening: called with the bound port once the server listens.
    public func makeApplication(
        logger: Logger? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    )
        -> Application<RouterResponder<BasicRequestContext>>
    {
        let (maxBody, uploads, budget) = (options.maxBodyBytes, options.uploads, budget)
        var app = Application(
            router: makeRouter(),
            server: .http1(
                configuration: .init(additionalChannelHandlers: [
                    UploadGuard(maxBodyBytes: maxBody, limits: uploads, budget: budget)
                ])),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port),
                serverName: "qr serve"),
            services: store.services,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let store = store
        app.beforeServerStarts { try await store.prepare() }
        return app
    }

    /// Serves until SIGINT or SIGTERM, then stops taking connections, lets
    /// open requests finish, runs the jobs already queued and stops the workers.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onListening: onListening).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Every route:
    /// - `GET /`, `/app.js`, `/app.css`, `/favicon.svg`: the web page.
    /// - `POST /generate` (JSON) and `POST /decode` (an image or a multipart form): 202 and a task identifier.
    /// - `GET /result/{id}` (`?wait=S` waits up to S seconds) and `GET /result/{id}/image`.
    /// - `GET /qr?text=…` and `POST /decode?sync=1`: the answer at once.
    /// - `GET /metrics` (Prometheus) and `GET /healthz`.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: APIMiddleware(metrics: requestMetrics))
        router.get("/") { _, _ in page.html }
        router.get("/app.js") { _, _ in page.script }
        router.get("/app.css") { _, _ in page.style }
        router.get("/favicon.svg") { _, _ in page.icon }
        router.post("/generate") { request, _ in try await generate(request) }
        router.post("/decode") { request, _ in try await decode(request) }
        router.get("/result/:id") { request, context in try await result(request, id: context.parameters.get("id")) }
        router.get("/result/:id/image") { request, context in try await image(request, id: context.parameters.get("id"))
        }
        router.get("/qr") { request, _ in try await quickCode(request) }
        router.get("/metrics") { _, _ in await metrics() }
        router.get("/healthz") { _, _ in await health() }
        return router
    }
}

/// Options that cannot work together, found before the server starts.
public struct StoreConfigurationError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

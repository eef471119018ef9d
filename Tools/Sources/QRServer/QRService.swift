import Hummingbird
import Logging
import QRCore

/// The QR workshop over HTTP: a web page, an asynchronous API (submit a task,
/// get its identifier at once, poll for the result), synchronous shortcuts,
/// and monitoring, in front of a ``ParallelCodec`` whose worker threads do
/// all the encoding and decoding.
///
/// ```swift
/// try await QRService(options: ServerOptions(port: 8080)).run()   // until SIGINT or SIGTERM
/// ```
///
/// The routes are listed in ``makeRouter()``. Request handlers only parse,
/// check and book-keep; every CPU-heavy step runs on the codec's workers, so
/// the event loops stay free to answer polls while the workers are busy.
public struct QRService: Sendable {
    public let options: ServerOptions
    let codec: ParallelCodec
    let tasks: TaskRegistry
    let requestMetrics = RequestMetrics()
    let page: WebPage

    /// A service with a codec of its own, made from ``ServerOptions/codec``.
    public init(options: ServerOptions) {
        self.init(options: options, codec: ParallelCodec(options: options.codec))
    }

    /// A service in front of `codec`, which it shuts down when the server
    /// stops (tests pass one with a clock or workload of their own).
    init(options: ServerOptions, codec: ParallelCodec) {
        var options = options
        options.codec = codec.options
        self.options = options
        self.codec = codec
        tasks = TaskRegistry(liveJobBound: Self.liveJobBound(codec.options))
        page = WebPage(maxBodyBytes: options.maxBodyBytes)
    }

    /// The most jobs the codec holds unexpired: queued, in flight (each
    /// worker's job and the eight the codec hands ahead to it) and retained.
    /// Only the task table's sweep threshold depends on it, so each term is
    /// capped at 2^40 rather than let a huge queue capacity overflow the sum.
    static func liveJobBound(_ options: ParallelCodecOptions) -> Int {
        let cap = 1 << 40
        return [options.queueCapacity, 9 * min(options.workers, cap), options.maxRetainedResults]
            .reduce(0) { $0 + min($1, cap) }
    }

    /// The Hummingbird application: the router, the address, and the codec's
    /// shutdown as a service that ends after the HTTP server has.
    /// - Parameter onListening: called with the bound port once the server listens.
    public func makeApplication(logger: Logger? = nil,
                                onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        -> Application<RouterResponder<BasicRequestContext>> {
        Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port),
                                                    serverName: "qr serve"),
            services: [CodecLifecycle(codec: codec)],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
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
        router.get("/result/:id/image") { request, context in try await image(request, id: context.parameters.get("id")) }
        router.get("/qr") { request, _ in try await quickCode(request) }
        router.get("/metrics") { _, _ in await metrics() }
        router.get("/healthz") { _, _ in Response.json(.object(["status": "ok"])) }
        return router
    }
}

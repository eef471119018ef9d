import QRCore
import ServiceLifecycle

/// Shuts the ``ParallelCodec`` down when the service group stops: listed
/// before the HTTP server, it is stopped after it, so open requests finish
/// first; then the jobs already queued run and the workers exit.
struct CodecLifecycle: Service {
    let codec: ParallelCodec

    func run() async throws {
        try? await gracefulShutdown()
        await codec.shutdown(.graceful)
    }
}

import Foundation
import HummingbirdTesting
import Logging
import QRCoreTestSupport

@testable import QRCore
@testable import QRServer

/// Runs a real `qr serve` on a free loopback port for the length of a test,
/// with a client connected to it.
enum TestServer {
    /// Small limits, so that the limit paths are cheap to reach.
    static func options(
        workers: Int = 2, queue: Int = 64, ttl: Duration = .seconds(300),
        maxBody: Int = 64 * 1024
    ) -> ServerOptions {
        ServerOptions(
            host: "127.0.0.1", port: 0,
            codec: ParallelCodecOptions(workers: workers, queueCapacity: queue, resultTimeToLive: ttl),
            maxBodyBytes: maxBody)
    }

    /// A codec whose workers stop at `gate` before each job.
    static func gatedCodec(
        _ gate: WorkerGate, workers: Int = 1, queue: Int = 1, ttl: Duration = .seconds(300),
        clock: any ParallelCodecClock = ContinuousCodecClock()
    ) -> ParallelCodec {
        ParallelCodec(
            options: ParallelCodecOptions(workers: workers, queueCapacity: queue, resultTimeToLive: ttl),
            clock: clock,
            runner: { job in
                gate.pass()
                return job.run()
            })
    }

    /// Serves `codec` (or a fresh one made from `options`) while `test` runs;
    /// `clock` is the byte budget's (the codec's own, for tests that move time).
    static func run<Value>(
        _ options: ServerOptions = TestServer.options(), codec: ParallelCodec? = nil,
        clock: any ParallelCodecClock = ContinuousCodecClock(),
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let service = try QRService(
            options: options, codec: codec ?? ParallelCodec(options: options.codec), clock: clock)
        var logger = Logger(label: "qr-serve-test")
        logger.logLevel = .warning
        return try await service.makeApplication(logger: logger).test(.live, test)
    }

    /// Serves `options` as `qr serve` would (its store, its own codec when it
    /// has workers) while `test` runs.
    static func serve<Value>(
        _ options: ServerOptions,
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "qr-serve-test")
        logger.logLevel = .error
        return try await QRService(options: options).makeApplication(logger: logger).test(.live, test)
    }
}

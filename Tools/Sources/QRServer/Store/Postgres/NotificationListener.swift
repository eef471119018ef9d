import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle

/// Listens on one PostgreSQL notification channel on a connection of its own
/// (outside the pool: a listening connection is held for the process's
/// life), and hands every payload to `onNotification`. When the connection
/// drops (the database restarts), it connects again with a growing delay,
/// and calls `onReconnect`: notifications sent meanwhile are lost, which is
/// why every waiter also polls, slowly.
final class NotificationListener: Service, Sendable {
    let channel: String
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let onNotification: @Sendable (String) -> Void
    private let onReconnect: @Sendable () -> Void

    init(
        channel: String, configuration: PostgresConnection.Configuration, logger: Logger,
        onNotification: @escaping @Sendable (String) -> Void, onReconnect: @escaping @Sendable () -> Void = {}
    ) {
        self.channel = channel
        self.configuration = configuration
        self.logger = logger
        self.onNotification = onNotification
        self.onReconnect = onReconnect
    }

    /// Listens until the service group shuts down (or the task is cancelled).
    func run() async {
        await cancelWhenGracefulShutdown {
            var delay = Duration.milliseconds(100)
            var connectionID = 0
            while !Task.isCancelled {
                connectionID += 1
                do {
                    try await self.listen(connectionID: connectionID) { delay = .milliseconds(100) }
                } catch {
                    if Task.isCancelled { return }
                    self.logger.warning(
                        "LISTEN \(self.channel) lost; connecting again",
                        metadata: ["error": "\(String(reflecting: error))", "retry_in": "\(delay)"])
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(2))
            }
        }
    }

    private func listen(connectionID: Int, onListening: () -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
            id: connectionID, logger: logger)
        do {
            try await connection.listen(on: channel) { notifications in
                onListening()
                onReconnect()
                for try await notification in notifications { onNotification(notification.payload) }
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

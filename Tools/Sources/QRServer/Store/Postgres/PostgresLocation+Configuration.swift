import NIOSSL
import PostgresNIO

extension PostgresLocation {
    /// The pool's configuration: every connection starts with the store's
    /// schema first on its search path and a statement timeout, so that a
    /// stuck statement ends on the server as well as in the client.
    func clientConfiguration(statementTimeout: Duration, maxConnections: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password,
            database: database, tls: clientTLS)
        configuration.options.connectTimeout = .seconds(2)
        configuration.options.maximumConnections = maxConnections
        configuration.options.additionalStartupParameters = startupParameters(statementTimeout: statementTimeout)
        return configuration
    }

    /// A single connection's configuration (the notification listeners').
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username,
            password: password, database: database,
            tls: try connectionTLS())
        configuration.options.connectTimeout = .seconds(2)
        configuration.options.additionalStartupParameters = [("application_name", "qr")]
        return configuration
    }

    private func startupParameters(statementTimeout: Duration) -> [(String, String)] {
        let milliseconds =
            statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        return [("application_name", "qr"), ("search_path", schema), ("statement_timeout", String(milliseconds))]
    }

    /// libpq's `require` and `prefer` encrypt without checking the certificate.
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require: .require(tlsConfiguration)
        }
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
    }
}

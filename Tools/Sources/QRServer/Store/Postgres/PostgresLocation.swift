#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the PostgreSQL store is, from a URL in the form libpq takes:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require]`
/// (`postgresql://` too). User and password may be percent-encoded.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// Whether the connection is encrypted. As in libpq, `require` and
    /// `prefer` encrypt without checking the server's certificate.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `prefer` when the URL does not say, as libpq does.
    public var tls: TLSMode
    /// The schema that holds the store's tables; `qr` unless a test asks for
    /// another, so that tests running at once share nothing.
    public var schema: String

    /// - Throws: ``StoreConfigurationError`` naming what is wrong.
    public init(url text: String, schema: String = "qr") throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw StoreConfigurationError(
                "--store: expected memory or postgres://USER[:PASSWORD]@HOST[:PORT]/DB, not \(text)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreConfigurationError("--store: no host in the URL")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreConfigurationError("--store: no user in the URL")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreConfigurationError("--store: the URL must end with /DATABASE")
        }
        self.host = host
        port = components.port ?? 5432
        username = user
        password = components.password
        self.database = database
        tls = .prefer
        self.schema = schema
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw StoreConfigurationError(
                    "--store: only ?sslmode=disable|prefer|require is understood, not \(item.name)")
            }
            tls = mode
        }
        guard schema.utf8.allSatisfy({ $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }),
            !schema.isEmpty
        else {
            throw StoreConfigurationError("schema names are lowercase letters, digits and _")
        }
    }

    /// The URL without its password, for logs and the startup line.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }
}

import Foundation
import PostgresNIO

/// Where the database is, parsed from a libpq-style URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require][&host=/socket/dir]`.
/// A `host` query parameter naming a directory selects the Unix socket
/// `DIR/.s.PGSQL.PORT`, as libpq does. A `search_path` parameter names the schema, sent
/// as a startup parameter; without it the server's default applies (normally `public`),
/// which is what to use through a pooler such as PgBouncer.
public struct DatabaseConfiguration: Sendable {
    public var client: PostgresClient.Configuration
    /// The schema Liaison's tables live in; tests use one schema each.
    public var schema: String
    /// Where the server is, for log lines and error messages (never the password).
    public var displayName: String

    public init(url: String, schema: String? = nil) throws(StoreError) {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw .invalidDatabaseURL(reason: "must start with postgres:// or postgresql://") }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidDatabaseURL(reason: "names no user")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        let port = components.port ?? 5432
        let password = components.password?.removingPercentEncoding
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            client = .init(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
            displayName = "socket \(socketDirectory) port \(port)"
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw .invalidDatabaseURL(reason: "names no host")
            }
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? "prefer" {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            default: throw .invalidDatabaseURL(reason: "sslmode must be disable, prefer or require")
            }
            client = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
            displayName = "\(host):\(port)"
        }
        guard let named = schema ?? query["search_path"] else {
            // No schema named: no startup parameter either, so the session keeps the role's
            // and database's own search_path (`"$user", public` unless changed). A pooler such
            // as PgBouncer refuses startup parameters it does not know, search_path among them.
            self.schema = "public"
            return
        }
        guard named.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw .invalidDatabaseURL(reason: "schema name must be a lower-case SQL identifier")
        }
        self.schema = named
        client.options.additionalStartupParameters = [("search_path", named)]
    }
}

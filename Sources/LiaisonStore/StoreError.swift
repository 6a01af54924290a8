import PostgresNIO

/// What went wrong in the store. Cases carry identifiers and codes, never content.
public enum StoreError: Error, Sendable, Equatable {
    /// `LIAISON_DATABASE_URL` (or the test URL) is not a PostgreSQL URL Liaison understands.
    case invalidDatabaseURL(reason: String)
    /// A migration file could not be read or applied.
    case migrationFailed(name: String)
    /// The schema is newer than this binary knows: a later release has migrated it.
    case schemaNewerThanBinary(applied: String)
    case incidentNotFound(String)
    /// The embedded PostgreSQL cluster could not be created, started or stopped.
    case embeddedPostgres(step: String, detail: String)
    /// A vault entry could not be decrypted with any configured key.
    case vaultKeyUnknown(keyID: String)
    case vaultEntryCorrupt(token: String)
    /// The database could not be reached or dropped the connection; trying later may work.
    case databaseUnavailable
}


extension StoreError {
    /// A connection-level PostgreSQL failure as ``databaseUnavailable``; anything else
    /// (including an error the server reported for a statement) unchanged.
    public static func classify(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError, psql.serverInfo == nil else { return error }
        return StoreError.databaseUnavailable
    }
}

extension StoreError {
    /// A one-line reason fit for an operator: identifiers and codes only.
    public var reasonText: String {
        switch self {
        case .invalidDatabaseURL(let reason): "the database URL \(reason)"
        case .migrationFailed(let name): "migration \(name) failed"
        case .schemaNewerThanBinary(let applied): "the database has migration \(applied), which this binary does not know; run a newer liaison"
        case .incidentNotFound(let id): "incident \(id) not found"
        case .embeddedPostgres(let step, let detail): "embedded PostgreSQL, \(step): \(detail)"
        case .vaultKeyUnknown(let keyID): "vault key \(keyID) is not configured or is not 32 bytes"
        case .vaultEntryCorrupt(let token): "vault entry \(token) does not decrypt"
        case .databaseUnavailable: "the database cannot be reached; try again later"
        }
    }
}

import PostgresNIO
import _ConnectionPoolModule

/// What went wrong in the store. Cases carry identifiers and codes, never content.
public enum StoreError: Error, Sendable, Equatable {
    /// `LIAISON_DATABASE_URL` (or the test URL) is not a PostgreSQL URL Liaison understands.
    case invalidDatabaseURL(reason: String)
    /// A migration file could not be read or applied.
    case migrationFailed(name: String)
    /// The schema is newer than this binary knows: a later release has migrated it.
    case schemaNewerThanBinary(applied: String)
    /// An applied migration's file differs from the one that was applied: history was edited.
    case migrationChanged(name: String)
    /// Migrations this binary ships have not been applied yet (`liaison migrate` applies them).
    case schemaNotCurrent(pending: [String])
    case incidentNotFound(String)
    /// A row the store wrote cannot be read back as its domain type (a bug or a hand edit).
    case undecodableRow(table: String, key: String)
    /// The embedded PostgreSQL cluster could not be created, started or stopped.
    case embeddedPostgres(step: String, detail: String)
    /// A vault entry could not be decrypted with any configured key.
    case vaultKeyUnknown(keyID: String)
    case vaultEntryCorrupt(token: String)
    /// The database could not be reached, dropped the connection, is shutting down or is
    /// out of a resource (disk, memory, connections); trying later may work.
    case databaseUnavailable
    /// A transaction kept meeting serialization failures or deadlocks after its retries.
    case databaseBusy
    /// A unique constraint refused a row: the constraint's name, never the values.
    case uniqueViolation(constraint: String)
    /// Any other statement failure: the SQLSTATE, never the statement or its values.
    case queryFailed(sqlState: String)
}

extension StoreError {
    /// The one classification of PostgreSQL failures. Connection-level failures (no server
    /// answer), connection exceptions (SQLSTATE class 08), shutdown and resource exhaustion
    /// (57P01–57P03, class 53) mean "try again later"; a unique violation names its
    /// constraint; any other server error keeps only its SQLSTATE. Errors that are not
    /// PostgreSQL's (or its connection pool's) pass through unchanged; a failed transaction is judged by the error that
    /// failed it (its body's, else its BEGIN's or COMMIT's).
    public static func classify(_ error: any Error) -> any Error {
        if let failed = error as? PostgresTransactionError {
            return classify(failed.closureError ?? failed.beginError ?? failed.commitError ?? failed.rollbackError ?? error)
        }
        if let pool = error as? ConnectionPoolError {
            // The pool gave up making connections (its circuit breaker) or was shut down.
            return pool == .requestCancelled ? error : StoreError.databaseUnavailable
        }
        guard let psql = error as? PSQLError else { return error }
        guard psql.code == .server, let state = psql.serverInfo?[.sqlState] else { return StoreError.databaseUnavailable }
        switch state {
        case "23505": return StoreError.uniqueViolation(constraint: psql.serverInfo?[.constraintName] ?? "")
        case "40001", "40P01": return StoreError.databaseBusy
        case "57P01", "57P02", "57P03": return StoreError.databaseUnavailable
        case _ where state.hasPrefix("08") || state.hasPrefix("53"): return StoreError.databaseUnavailable
        default: return StoreError.queryFailed(sqlState: state)
        }
    }

    /// Whether running the transaction again may succeed: a serialization failure or a deadlock.
    static func isRetryable(_ error: any Error) -> Bool {
        if let failed = error as? PostgresTransactionError, let cause = failed.closureError ?? failed.beginError ?? failed.commitError {
            return isRetryable(cause)
        }
        guard let psql = error as? PSQLError, psql.code == .server else { return false }
        return ["40001", "40P01"].contains(psql.serverInfo?[.sqlState] ?? "")
    }
}

extension StoreError {
    /// A one-line reason fit for an operator: identifiers and codes only.
    public var reasonText: String {
        switch self {
        case .invalidDatabaseURL(let reason): "the database URL \(reason)"
        case .migrationFailed(let name): "migration \(name) failed"
        case .schemaNewerThanBinary(let applied): "the database has migration \(applied), which this binary does not know; run a newer liaison"
        case .migrationChanged(let name):
            "migration \(name) was applied from a different file than this binary ships; applied migrations are history and are never edited"
        case .schemaNotCurrent(let pending):
            "the database schema is not current (\(pending.count) pending: \(pending.joined(separator: ", "))); run liaison migrate"
        case .incidentNotFound(let id): "incident \(id) not found"
        case .undecodableRow(let table, let key): "a row of \(table) (\(key)) cannot be read"
        case .embeddedPostgres(let step, let detail): "embedded PostgreSQL, \(step): \(detail)"
        case .vaultKeyUnknown(let keyID): "vault key \(keyID) is not configured or is not 32 bytes"
        case .vaultEntryCorrupt(let token): "vault entry \(token) does not decrypt"
        case .databaseUnavailable: "the database cannot be reached; try again later"
        case .databaseBusy: "the database is busy with conflicting transactions; try again later"
        case .uniqueViolation(let constraint): "the database refused a duplicate (\(constraint))"
        case .queryFailed(let state): "a database statement failed (SQLSTATE \(state))"
        }
    }
}

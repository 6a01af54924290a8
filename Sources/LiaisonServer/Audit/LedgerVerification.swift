import LiaisonCore
import LiaisonStore

/// `liaison audit verify` and `liaison-bench ledger`: every entry read in index order, in
/// batches, into a ``LedgerVerifier`` with the database's checkpoints and `external` ones.
public enum LedgerVerification {
    public static func verify(
        _ store: PostgresIncidentStore, external: [(Checkpoint, String)], key: CheckpointKey, batch: Int = 20_000
    ) async throws -> LedgerVerifier {
        var verifier = LedgerVerifier(checkpoints: try await store.checkpoints().map { ($0, "database") } + external, key: key)
        // The next batch is read while this one is hashed: PostgreSQL and the hashing each keep a core busy.
        var reading = Task { try await store.ledgerEntriesWithSealedHashes(from: 0, limit: batch) }
        while true {
            let entries = try await reading.value
            let full = entries.count == batch
            if full, let last = entries.last {
                reading = Task { try await store.ledgerEntriesWithSealedHashes(from: last.0.index + 1, limit: batch) }
            }
            for (entry, sealed) in entries { verifier.add(entry, sealed: sealed) }
            if !full { break }
        }
        verifier.finish()
        return verifier
    }
}

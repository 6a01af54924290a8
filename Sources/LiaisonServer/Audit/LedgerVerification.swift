import LiaisonCore
import LiaisonStore

/// `liaison audit verify` and `liaison-bench ledger`: every entry read in index order, in
/// batches, into a ``LedgerVerifier`` with the database's checkpoints and `external` ones.
public enum LedgerVerification {
    public static func verify(
        _ store: PostgresIncidentStore, external: [(Checkpoint, String)], key: CheckpointKey, batch: Int = 20_000
    ) async throws -> LedgerVerifier {
        var verifier = LedgerVerifier(checkpoints: try await store.checkpoints().map { ($0, "database") } + external, key: key)
        var next: Int64 = 0
        while true {
            let entries = try await store.ledgerEntriesWithSealedHashes(from: next, limit: batch)
            for (entry, sealed) in entries { verifier.add(entry, sealed: sealed) }
            guard let last = entries.last, entries.count == batch else { break }
            next = last.0.index + 1
        }
        verifier.finish()
        return verifier
    }
}

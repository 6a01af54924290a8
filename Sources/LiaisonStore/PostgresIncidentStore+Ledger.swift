import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// The columns a ``LedgerEntry`` is read from; the time as the leaf writes it, in UTC to
    /// the microsecond.
    static let ledgerColumns = """
        leaf_index, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action, subject, details::text
        """

    static func ledgerEntries(_ rows: some AsyncSequence<PostgresRow, any Error>) async throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for try await (index, at, actor, action, subject, details) in rows.decode((Int64, String, String, String, String, String).self) {
            entries.append(try ledgerEntry(index, at, actor, action, subject, details))
        }
        return entries
    }

    /// An entry from its columns. Details that do not read back as JSON are an error, never
    /// an empty object: the leaf would then cover other content than the row holds.
    private static func ledgerEntry(
        _ index: Int64, _ at: String, _ actor: String, _ action: String, _ subject: String, _ details: String
    ) throws -> LedgerEntry {
        guard let value = try? CanonicalJSON.decode(JSONValue.self, from: Data(details.utf8)) else {
            throw StoreError.undecodableRow(table: "audit_log", key: String(index))
        }
        return LedgerEntry(index: index, at: at, actor: actor, action: action, subject: subject, details: value)
    }

    /// The entry at `index`, if there is one.
    public func ledgerEntry(index: Int64) async throws -> LedgerEntry? {
        let rows = try await fetch(
            "SELECT \(unescaped: Self.ledgerColumns) FROM audit_log WHERE leaf_index = \(index)", logger: logger)
        return try await Self.ledgerEntries(rows).first
    }

    /// Entries from index `start`, in order, at most `limit`, each with the hash its leaf had
    /// when it was sealed (nil for one not sealed yet): what `liaison audit verify` reads.
    public func ledgerEntriesWithSealedHashes(from start: Int64, limit: Int) async throws -> [(LedgerEntry, TreeHash?)] {
        let rows = try await fetch(
            """
            SELECT \(unescaped: Self.ledgerColumns), n.hash FROM audit_log a
            LEFT JOIN ledger_nodes n ON n.level = 0 AND n.idx = a.leaf_index
            WHERE a.leaf_index >= \(start) ORDER BY a.leaf_index LIMIT \(limit)
            """, logger: logger)
        var entries: [(LedgerEntry, TreeHash?)] = []
        entries.reserveCapacity(limit)
        for try await (index, at, actor, action, subject, details, sealed) in rows.decode(
            (Int64, String, String, String, String, String, Data?).self)
        {
            entries.append((try Self.ledgerEntry(index, at, actor, action, subject, details), sealed.flatMap { TreeHash(bytes: $0) }))
        }
        return entries
    }

    /// Every stored checkpoint, smallest first.
    public func checkpoints() async throws -> [Checkpoint] {
        try await checkpoints("SELECT note FROM ledger_checkpoints ORDER BY size")
    }

    /// The newest checkpoint, or the one of exactly `size` leaves.
    public func checkpoint(size: Int64? = nil) async throws -> Checkpoint? {
        try await checkpoints(
            """
            SELECT note FROM ledger_checkpoints WHERE \(size)::bigint IS NULL OR size = \(size) ORDER BY size DESC LIMIT 1
            """
        ).first
    }

    private func checkpoints(_ query: PostgresQuery) async throws -> [Checkpoint] {
        var found: [Checkpoint] = []
        for try await note in try await fetch(query, logger: logger).decode(String.self) { found.append(try Checkpoint(note: note)) }
        return found
    }

    /// The hashes of leaf ranges of the sealed tree, in order: the elements of an inclusion or
    /// consistency proof (``MerkleTree/inclusionRanges(index:size:)``). Nil when a node they
    /// need is not sealed.
    public func ledgerHashes(of ranges: [Range<Int64>]) async throws -> [TreeHash]? {
        let known = try await ledgerNodes(Set(ranges.flatMap(MerkleTree.nodes(of:))))
        var hashes: [TreeHash] = []
        for range in ranges {
            guard let hash = MerkleTree.hash(of: range, nodes: known) else { return nil }
            hashes.append(hash)
        }
        return hashes
    }

    /// The inclusion proof of each of `indexes` in the tree of `size` leaves, with one lookup
    /// for all; nil when a node they need is not sealed.
    public func inclusionProofs(of indexes: [Int64], size: Int64) async throws -> [Int64: [TreeHash]]? {
        let ranges = indexes.map { ($0, MerkleTree.inclusionRanges(index: $0, size: size)) }
        let known = try await ledgerNodes(Set(ranges.flatMap { $0.1.flatMap(MerkleTree.nodes(of:)) }))
        var proofs: [Int64: [TreeHash]] = [:]
        for (index, path) in ranges {
            var hashes: [TreeHash] = []
            for range in path {
                guard let hash = MerkleTree.hash(of: range, nodes: known) else { return nil }
                hashes.append(hash)
            }
            proofs[index] = hashes
        }
        return proofs
    }

    func ledgerNodes(_ nodes: Set<MerkleTree.Node>, on connection: PostgresConnection? = nil) async throws -> [MerkleTree.Node: TreeHash] {
        guard !nodes.isEmpty else { return [:] }
        let list = Array(nodes)
        let query: PostgresQuery = """
            SELECT n.level, n.idx, n.hash FROM ledger_nodes n
            JOIN unnest(\(list.map { Int16($0.level) })::int2[], \(list.map(\.index))::int8[]) AS t(level, idx)
              ON n.level = t.level AND n.idx = t.idx
            """
        let rows = try await fetch(query, logger: logger, on: connection)
        var found: [MerkleTree.Node: TreeHash] = [:]
        for try await (level, index, hash) in rows.decode((Int16, Int64, Data).self) {
            if let hash = TreeHash(bytes: hash) { found[MerkleTree.Node(level: Int(level), index: index)] = hash }
        }
        return found
    }
}

/// What sealing found, when it could not go on.
public enum LedgerSealError: Error, Sendable {
    /// The stored tree lacks a node of the last checkpoint's edge: it was changed.
    case edgeMissing(size: Int64)
    /// The entry at this index is missing, although a later one is there.
    case entryMissing(index: Int64)
}

extension PostgresIncidentStore {
    /// With the schema's name hashed beside it, so gateways in other schemas of one database seal independently.
    static let sealLockKey: Int32 = 0x4c53_4c02

    /// Seals until every entry committed so far is covered, waiting for another sealer if
    /// one is at work; answers the newest checkpoint (nil: the ledger is empty).
    public func sealAll(key: CheckpointKey) async throws -> Checkpoint? {
        while try await sealLedger(key: key, wait: true) != nil {}
        return try await checkpoint()
    }

    /// Hashes the entries after the last checkpoint into the tree, keeps the new perfect
    /// subtrees and signs a checkpoint of the new size; at most `limit` entries at a time.
    /// Answers nil when there is nothing new, or, unless `wait`, when another replica is sealing.
    public func sealLedger(key: CheckpointKey, limit: Int = 50_000, wait: Bool = false) async throws -> Checkpoint? {
        try await withTransaction { connection -> Checkpoint? in
            if wait {
                try await connection.guardedQuery("SELECT pg_advisory_xact_lock(\(Self.sealLockKey), hashtext(current_schema()))", logger: logger)
            } else {
                let locked = try await connection.guardedQuery(
                    "SELECT pg_try_advisory_xact_lock(\(Self.sealLockKey), hashtext(current_schema()))", logger: logger)
                for try await taken in locked.decode(Bool.self) where !taken { return nil }
            }
            var sealed: Int64 = 0
            for try await size in try await connection.guardedQuery(
                "SELECT coalesce(max(size), 0) FROM ledger_checkpoints", logger: logger
            ).decode(Int64.self) {
                sealed = size
            }
            let edge = try await ledgerNodes(Set(MerkleTree.nodes(of: 0..<sealed)), on: connection)
            guard var tree = MerkleAccumulator(size: sealed, edge: edge) else { throw LedgerSealError.edgeMissing(size: sealed) }
            let rows = try await connection.guardedQuery(
                """
                SELECT \(unescaped: Self.ledgerColumns) FROM audit_log
                WHERE leaf_index >= \(sealed) ORDER BY leaf_index LIMIT \(limit)
                """, logger: logger)
            var levels: [Int16] = []
            var indexes: [Int64] = []
            var hashes: [ByteBuffer] = []
            for entry in try await Self.ledgerEntries(rows) {
                guard entry.index == tree.size else { throw LedgerSealError.entryMissing(index: tree.size) }
                tree.append(entry.leafHash) { node, hash in
                    levels.append(Int16(node.level))
                    indexes.append(node.index)
                    hashes.append(ByteBuffer(bytes: hash.bytes))
                }
            }
            guard tree.size > sealed else { return nil }
            try await connection.guardedQuery(
                """
                INSERT INTO ledger_nodes (level, idx, hash)
                SELECT * FROM unnest(\(levels)::int2[], \(indexes)::int8[], \(hashes)::bytea[])
                """, logger: logger)
            let checkpoint = try key.sign(size: tree.size, root: tree.root)
            try await connection.guardedQuery(
                """
                INSERT INTO ledger_checkpoints (size, root, note)
                VALUES (\(checkpoint.size), \(Data(checkpoint.root.bytes)), \(checkpoint.note))
                """, logger: logger)
            return checkpoint
        }
    }

    /// The number of entries in the ledger, sealed or not.
    public func ledgerSize() async throws -> Int64 {
        for try await size in try await fetch(
            "SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_log", logger: logger
        ).decode(Int64.self) {
            return size
        }
        return 0
    }
}

import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore
import Logging
import PostgresNIO

/// `liaison-bench ledger`: `entries` ledger entries written by one SQL statement (shaped like
/// intake entries), then sealed into the tree with signed checkpoints, then verified as
/// `liaison audit verify` does, each timed.
struct LedgerBenchmark {
    var entries = 1_000_000

    func run() async throws {
        let logger = BenchGateway.logger
        try await BenchGateway.withStore { gateway, store, _ in
            let key = try gateway.receiptSigner().checkpointKey(name: gateway.ledgerOrigin)
            var started = ContinuousClock.now
            try await store.client.query(
                """
                INSERT INTO audit_log (leaf_index, actor, action, subject, details)
                SELECT i, 'bench-cert', 'intake', 'receipt:' || md5(i::text),
                       jsonb_build_object('accepted', i % 500, 'updated', 0, 'duplicates', 0, 'rejected', 0,
                                          'deliveries', i % 3, 'body_sha256', md5(i::text) || md5((i + 1)::text),
                                          'transport', 'http-events')
                FROM generate_series(0, \(entries - 1)) AS i
                """, logger: logger)
            print("ledger: \(entries) entries written in \(Self.seconds(since: started)) s")
            started = .now
            var checkpoints = 0
            while try await store.sealLedger(key: key, wait: true) != nil { checkpoints += 1 }
            let sealing = Self.seconds(since: started)
            print("ledger: sealed into \(checkpoints) checkpoints in \(sealing) s (\(Int(Double(entries) / sealing)) entries/s)")
            started = .now
            let verifier = try await LedgerVerification.verify(store, external: [], key: key)
            let verifying = Self.seconds(since: started)
            print(
                "ledger: audit verify of \(verifier.size) entries and \(verifier.checkpointsVerified) checkpoints in \(verifying) s "
                    + "(\(Int(Double(entries) / verifying)) entries/s), findings: \(verifier.findings.count)")
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return ((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 100).rounded() / 100
    }
}

import Foundation
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// Leases and retry waits are measured on the database's clock, and survive that clock being
/// set back (deploy/local/faults, scenario 7: an hour back held every waiting delivery an hour).
@Suite(.timeLimit(.minutes(5))) struct DeliveryClockTests {
    /// One incident pushed under the fixture's agreement, whose delivery the test then sets up;
    /// with `due`, that delivery is pending and due now.
    @discardableResult static func pushedIncident(_ db: TestDatabase.Handle, due: Bool = false) async throws -> UUID {
        try await StoreFixture.prepare(db.store)
        let receipt = try await StoreFixture.push(db.store, modified: Date(timeIntervalSince1970: 1_790_000_000))
        let incident = try #require(receipt.outcomes.first?.incidentID)
        if due {
            try await db.client.query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = now() WHERE incident_id = \(incident)",
                logger: TestDatabase.logger)
        }
        return incident
    }

    @Test("A delivery scheduled before the clock was set back is due at once; a wait scheduled since is kept")
    func clockSetBack() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let incident = try await Self.pushedIncident(db)
            // As a claim left it an hour ago by a clock that has since been set back an hour: the
            // moment it was scheduled lies an hour ahead, its lease a minute after that.
            try await db.client.query(
                """
                UPDATE deliveries SET status = 'pending', scheduled_at = now() + interval '1 hour',
                       next_attempt_at = now() + interval '61 minutes'
                WHERE incident_id = \(incident)
                """, logger: TestDatabase.logger)
            let claimed = try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60))
            #expect(claimed.count == 1)
            // Claimed now, its lease runs on today's clock: not due again for a minute.
            #expect(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).isEmpty)
            let job = try #require(claimed.first)
            try await db.store.scheduleRetry(job, after: .seconds(3600), status: 503, error: "http-503")
            #expect(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).isEmpty)
            try await db.store.scheduleRetry(job, after: .zero, status: 503, error: "http-503")
            #expect(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).count == 1)
        }
    }

    @Test("A claim that began before a retry was scheduled does not take the retry's moment for a clock set back")
    func claimStartedBeforeRetry() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await Self.pushedIncident(db, due: true)
            let job = try #require(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).first)
            // A second worker's claim whose transaction (and so its `now()`) began a moment before
            // the first worker recorded a failed attempt: the retry's `scheduled_at` reads later
            // than that `now()`, as a clock set back would leave it (deploy/local/faults, scenario 4:
            // a 500 retried after 0.01 s).
            let retried = try await db.client.withConnection { connection in
                try await connection.query("BEGIN", logger: TestDatabase.logger)
                try await connection.query("SELECT now()", logger: TestDatabase.logger)
                try await Task.sleep(for: .milliseconds(20))
                try await db.store.scheduleRetry(job, after: .seconds(3600), status: 500, error: "http-500")
                let claimed = try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60), on: connection)
                try await connection.query("COMMIT", logger: TestDatabase.logger)
                return claimed
            }
            #expect(retried.isEmpty)
        }
    }

    @Test("A claim whose sender died is claimed again once its lease runs out, and the attempt is counted")
    func leaseRunsOut() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await Self.pushedIncident(db, due: true)
            // A lease of 5 s: the second claim below must come within it even when busy tests beside
            // this one hold both threads of a two-core machine for a few seconds.
            let first = try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(5))
            #expect(first.count == 1)
            // Its sender never reports back (a replica killed mid-send): nobody may claim it while the lease holds…
            #expect(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(5)).isEmpty)
            try await Task.sleep(for: .milliseconds(5200))
            // …and anybody may once it has run out.
            let again = try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60))
            #expect(again.map(\.disclosure) == first.map(\.disclosure))
            #expect(first.map(\.attempts) == [1] && again.map(\.attempts) == [2])
        }
    }
}

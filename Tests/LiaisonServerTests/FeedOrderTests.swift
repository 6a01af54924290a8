import Foundation
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Synchronization
import Testing

/// The feed's promise under concurrent intake: a consumer that follows `next_cursor` while
/// producers push sees every disclosure exactly once, and TAXII's `date_added` grows with the
/// feed's order. Intakes commit in any order; what makes this hold is that a request's
/// deliveries are written and committed under the ledger's append lock (see
/// `IntakeTransaction.commit`), and a change to that must keep this test passing.
@Suite(.timeLimit(.minutes(5))) struct FeedOrderTests {
    static let producers = 8
    static let requestsEach = 5
    static let eventsEach = 25

    @Test("A consumer polling while eight producers push concurrently reads every disclosure once, and date_added grows with the feed")
    func noSkipUnderConcurrentIntake() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key

            let producersDone = ProducersDone()
            let polled = try await withThrowingTaskGroup(of: [String]?.self) { group in
                for _ in 0..<Self.producers {
                    group.addTask {
                        for _ in 0..<Self.requestsEach {
                            let body = (0..<Self.eventsEach).map { _ in GatewayFixture.event() }.joined(separator: "\n")
                            let answer = try await routerRequest(
                                app, .post, "/v1/intake/events", key: producer, body: body, contentType: "application/x-ndjson")
                            #expect(answer.status == .created)
                        }
                        return nil
                    }
                }
                let reader = Task { try await Self.follow(app, key: consumer, until: producersDone) }
                for try await _ in group {}
                producersDone.flag.withLock { $0 = true }
                return try await reader.value
            }

            let total = Self.producers * Self.requestsEach * Self.eventsEach
            let everything = try await Self.follow(app, key: consumer, until: nil)
            #expect(everything.count == total)
            #expect(Set(everything).count == total, "the feed repeats a disclosure")
            let sameOrder = polled == everything
            #expect(sameOrder, "the feed polled during intake read \(polled.count) of \(total), or in another order")

            let collected = try await db.store.collection(
                consumer: "police", agreement: agreement.id, from: 0, addedAfter: nil, limit: total + 1)
            #expect(collected.count == total)
            let added = collected.map(\.addedAt)
            #expect(zip(added, added.dropFirst()).allSatisfy { $0 < $1 }, "date_added does not grow strictly with the feed")
        }
    }

    /// Follows the feed from its start in pages of seven, returning the incident ids in the order
    /// read. With `until`, an empty page means "poll again" (at once: a reader that waits between
    /// polls rarely reads between two commits) until the producers are done, and then it reads on
    /// until a page comes back empty; without, it stops at the first empty page.
    static func follow(_ app: some ApplicationProtocol, key: String, until done: ProducersDone?) async throws -> [String] {
        var seen: [String] = []
        var cursor = ""
        var draining = done == nil
        while true {
            let answer = try await routerRequest(
                app, .get, "/v1/feed?limit=7&cursor=\(cursor)", key: key, headers: [.liaisonPurpose: "case=TEST-2026-1"])
            #expect(answer.status == .ok)
            let items = answer.json["items"] as? [[String: Any]] ?? []
            seen += items.compactMap { $0["id"] as? String }
            if let next = answer.json["next_cursor"] as? String { cursor = next }
            if items.isEmpty {
                if draining { return seen }
                if done?.flag.withLock({ $0 }) == true { draining = true } else { await Task.yield() }
            }
        }
    }
}

/// Set once every producer's requests have been answered.
final class ProducersDone: Sendable {
    let flag = Mutex(false)
}

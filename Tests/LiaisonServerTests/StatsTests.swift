import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct StatsTests {
    @Test("A consumer whose agreement does not share the class counts its incidents without one; the producer still sees them by class")
    func consumerCountsOnlyTheSharedClass() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db, agreement: GatewayFixture.agreement(webhookURL: nil, fields: [.title]))
            _ = try await world.push()
            _ = try await world.push(taxonomy: "malicious-code", type: "c2-server")
            let police = try await routerRequest(world.app, .get, "/v1/stats", key: world.police)
            let received = try #require((police.json["buckets"] as? [[String: Any]])?.first)
            #expect(received["incidents"] as? Int == 2 && received["without_class"] as? Int == 2)
            #expect((received["by_class"] as? [String: Int])?.isEmpty == true && (received["by_offence"] as? [String: Int])?.isEmpty == true)
            #expect(!police.text.contains("phishing") && !police.text.contains("c2-server"))
            let cert = try await routerRequest(world.app, .get, "/v1/stats", key: world.producer)
            let shared = try #require((cert.json["buckets"] as? [[String: Any]])?.first)
            #expect(shared["by_class"] as? [String: Int] == ["fraud/phishing": 1, "malicious-code/c2-server": 1] && shared["without_class"] as? Int == 0)
        }
    }

    @Test("Each organisation gets counts for its own side only: by class and offence, time to acknowledge, open requests")
    func ownSide() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db)
            let phishing = try await world.push()
            let second = try await world.push()
            _ = try await world.push(taxonomy: "malicious-code", type: "c2-server")
            #expect(try await world.feedback(phishing, #"{"status": "acknowledged"}"#).status == .created)
            let asked = try await world.feedback(second, #"{"status": "request-more-information", "text": "Which bank was it?"}"#)
            #expect(asked.status == .created)

            for (key, side) in [(world.producer, "shared"), (world.police, "received")] {
                let answer = try await routerRequest(world.app, .get, "/v1/stats?interval=week&days=14", key: key)
                #expect(answer.status == .ok, "\(answer.text)")
                #expect(answer.json["side"] as? String == side)
                let buckets = try #require(answer.json["buckets"] as? [[String: Any]])
                #expect(buckets.count == 1)
                #expect(buckets.first?["incidents"] as? Int == 3)
                #expect(buckets.first?["by_class"] as? [String: Int] == ["fraud/phishing": 2, "malicious-code/c2-server": 1])
                let offences = try #require(buckets.first?["by_offence"] as? [String: Int])
                #expect(offences["art-8-computer-related-fraud"] == 2 && offences["art-6-misuse-of-devices"] == 1)
                #expect(answer.json["acknowledged_incidents"] as? Int == 2)
                #expect((answer.json["median_seconds_to_acknowledge"] as? Double).map { $0 >= 0 && $0 < 60 } == true)
                #expect(answer.json["open_information_requests"] as? Int == 1)
                #expect(!answer.text.contains("Which bank") && !answer.text.contains("petrovic"))
            }
            let stranger = try await routerRequest(world.app, .get, "/v1/stats", key: world.stranger)
            #expect(stranger.status == .ok && (stranger.json["buckets"] as? [Any])?.isEmpty == true)
            #expect(stranger.json["open_information_requests"] as? Int == 0 && stranger.json["acknowledged_incidents"] as? Int == 0)

            // The consumer's next word on the incident answers its request.
            #expect(try await world.feedback(second, #"{"status": "closed", "outcome": "Referred to the prosecutor."}"#).status == .created)
            let after = try await routerRequest(world.app, .get, "/v1/stats", key: world.producer)
            #expect(after.json["open_information_requests"] as? Int == 0)
            #expect(after.json["interval"] as? String == "day")
        }
    }

    @Test("Refuses a window it does not serve", arguments: ["interval=month", "days=0", "days=367", "days=ten"])
    func badQuery(query: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db)
            let answer = try await routerRequest(world.app, .get, "/v1/stats?\(query)", key: world.producer)
            #expect(isProblem(answer, 400, "invalid-parameter"), "\(answer.text)")
            #expect((answer.json["errors"] as? [[String: Any]])?.isEmpty == false)
        }
    }
}

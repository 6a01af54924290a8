import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore

struct Deliveries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List deliveries by consumer and state; replay dead ones.", subcommands: [List.self, Replay.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List deliveries, newest first: id, incident and version, agreement, consumer, state, attempts, last error.")

        @OptionGroup var options: ConfigOptions
        @Option(help: "Only this consumer's.") var consumer: String?
        @Option(help: "Only in this state: pending, delivered, dead, pull-only or withheld.") var status: String?
        @Option(help: "At most this many (1–1000).") var limit: Int = 100

        func validate() throws {
            if let status, !DeliveryRecord.statuses.contains(status) {
                throw ValidationError("--status must be one of \(DeliveryRecord.statuses.joined(separator: ", ")).")
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000.") }
        }

        func run() async throws {
            try await reporting {
                let found = try await gateway(options).withStore { store, _ in
                    try await store.deliveries(party: nil, consumer: consumer, status: status, limit: limit)
                }
                for delivery in found {
                    print([
                        delivery.id.uuidString.lowercased(), "\(delivery.incidentID.uuidString.lowercased())@\(delivery.incidentVersion)",
                        delivery.agreementID, delivery.consumer, delivery.status, "attempts=\(delivery.attempts)",
                        delivery.lastError.map { "last_error=\($0)" } ?? "",
                    ].filter { !$0.isEmpty }.joined(separator: "  "))
                }
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue dead deliveries again, due now, each with the same id (so its webhook-id lets receivers deduplicate). Audited.",
            discussion: """
                Either one delivery by id, or a consumer's dead deliveries (--consumer, optionally --since), oldest first, \
                at most --limit at a time; it prints each id queued and how many dead ones remain for a further run.
                """)

        @OptionGroup var options: ConfigOptions
        @Argument(help: "One delivery's id (from deliveries list).") var id: String?
        @Option(help: "Replay this consumer organisation's dead deliveries instead.") var consumer: String?
        @Option(help: "With --consumer: only those that died at or after this RFC 3339 time (2026-12-01T00:00:00Z).") var since: String?
        @Option(help: "With --consumer: at most this many in this run (1–1000).") var limit: Int = 100

        func validate() throws {
            switch (id, consumer) {
            case (nil, nil): throw ValidationError("Name a delivery id, or --consumer ORG for a consumer's dead deliveries.")
            case (.some, .some): throw ValidationError("Name a delivery id or --consumer, not both.")
            case (let id?, nil):
                guard UUID(uuidString: id) != nil else { throw ValidationError("The id must be a delivery id as deliveries list prints it.") }
                if since != nil { throw ValidationError("--since goes with --consumer.") }
            case (nil, let consumer?):
                guard !consumer.isEmpty else { throw ValidationError("--consumer must name an organisation.") }
                if let since, RFC3339.date(from: since) == nil { throw ValidationError("--since must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z.") }
                guard (1...PostgresIncidentStore.maxReplayBatch).contains(limit) else {
                    throw ValidationError("--limit must be from 1 to \(PostgresIncidentStore.maxReplayBatch).")
                }
            }
        }

        func run() async throws {
            try await reporting {
                let actor = AuditActor(organisation: "cli")
                if let consumer {
                    let since = since.flatMap(RFC3339.date(from:))
                    let replay = try await gateway(options).withStore { store, _ in
                        try await store.replayDeadDeliveries(consumer: consumer, since: since, party: nil, limit: limit, by: actor)
                    }
                    for id in replay.replayed { print("\(id.uuidString.lowercased()): pending") }
                    print("replayed \(replay.replayed.count); \(replay.remaining) dead remain")
                    return
                }
                let id = UUID(uuidString: id ?? "")!
                let outcome = try await gateway(options).withStore { store, _ in
                    try await store.replayDelivery(id, party: nil, by: actor)
                }
                switch outcome {
                case .replayed(let delivery): print("\(delivery.id.uuidString.lowercased()): \(delivery.status)")
                case .notFound: throw ExitFailure.data("no delivery has the id \(id.uuidString.lowercased())")
                case .notDead(let status): throw ExitFailure.data("only dead deliveries are replayed; this one is \(status)")
                }
            }
        }
    }
}

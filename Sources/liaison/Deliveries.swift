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
            abstract: "Queue a dead delivery again, due now, with the same id (so its webhook-id lets receivers deduplicate). Audited.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The delivery's id (from deliveries list).") var id: String

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("The id must be a delivery id as deliveries list prints it.") }
        }

        func run() async throws {
            try await reporting {
                let id = UUID(uuidString: id)!
                let outcome = try await gateway(options).withStore { store, _ in
                    try await store.replayDelivery(id, party: nil, by: AuditActor(organisation: "cli"))
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

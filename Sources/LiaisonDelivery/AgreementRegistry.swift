import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import ServiceLifecycle
import Synchronization

/// The agreements in force, as every part of the gateway reads them: a snapshot
/// (``AgreementBook``) that ``AgreementRefreshService`` rebuilds from the database, so that
/// an approval, suspension or termination made on any replica takes effect on every one
/// within its poll interval, and a version expires by itself at the end of its validity.
public final class AgreementRegistry: Sendable {
    private let current: Mutex<AgreementBook>

    public init(_ book: AgreementBook = AgreementBook([])) {
        current = Mutex(book)
    }

    /// The agreements in force now.
    public var book: AgreementBook { current.withLock { $0 } }

    func replace(with book: AgreementBook) {
        current.withLock { $0 = book }
    }

    /// Rebuilds the book from the database at `now`; first records what time alone changed
    /// (versions that expired or were superseded).
    public func refresh(from store: PostgresIncidentStore, at now: Date = Date()) async throws {
        var versions = try await store.standingVersions()
        let byAgreement = Dictionary(grouping: versions, by: \.agreementID)
        var changed = false
        for (id, versions) in byAgreement {
            let due = AgreementGovernance.dueTransitions(versions, at: now)
            guard !due.isEmpty else { continue }
            try await store.withAgreementTransaction(id) { transaction in
                let current = try await transaction.versions()
                // Another replica may have done it since: decide again on the locked rows.
                for (number, state) in AgreementGovernance.dueTransitions(current, at: now) {
                    try await transaction.setState(number, to: state)
                    try await transaction.record(state == .expired ? "expire" : "supersede", number: number, by: .gateway, reason: nil)
                }
            }
            changed = true
        }
        if changed { versions = try await store.standingVersions() }
        let agreements = Dictionary(grouping: versions, by: \.agreementID).values.compactMap {
            AgreementGovernance.inForce($0, at: now)
        }
        replace(with: AgreementBook(agreements.sorted { $0.id < $1.id }))
    }
}

/// Keeps an ``AgreementRegistry`` current: rebuilds its book every `interval` (documents are
/// cached, so a tick is one query of the standing versions) and so re-evaluates time too.
public struct AgreementRefreshService: Service {
    public var registry: AgreementRegistry
    public var store: PostgresIncidentStore
    public var interval: Duration
    public var logger: Logger

    public init(registry: AgreementRegistry, store: PostgresIncidentStore, interval: Duration = .seconds(2), logger: Logger) {
        self.registry = registry
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await registry.refresh(from: store)
            } catch {
                logger.warning("cannot refresh the agreements in force", metadata: ["error": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

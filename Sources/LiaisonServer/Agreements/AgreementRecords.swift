import Foundation
import LiaisonCore
import LiaisonStore

/// The one way agreement versions change, for the admin API, the CLI and agreement files
/// alike: each step reads the agreement's versions locked, asks ``AgreementGovernance``
/// whether the step is allowed, and writes the new state with its event and audit entry in
/// the same transaction.
public struct AgreementRecords: Sendable {
    public var store: PostgresIncidentStore
    public var governance: AgreementGovernance

    public init(store: PostgresIncidentStore, governance: AgreementGovernance) {
        self.store = store
        self.governance = governance
    }

    /// Failures that are not governance refusals.
    public enum Failure: Error, Sendable, Equatable {
        case agreementNotFound(String)
        case versionNotFound(String, Int)
        /// The request's `If-Match` is not the version's current ETag (412).
        case staleVersion(current: String)
        /// A document names another agreement, producer or consumer than the record (422).
        case identityChanged
        /// An agreement with this id exists already (409).
        case agreementExists(String)
        /// A diff was asked of a version with no earlier one to compare with (400).
        case nothingToCompare
    }

    /// A version's ETag: its number, state and document hash, so any change moves it.
    public static func etag(of version: AgreementVersion) -> String {
        "\"\(version.number)-\(version.state.rawValue)-\(version.hash.prefix(16))\""
    }

    // MARK: Drafts

    /// Creates an agreement record with `draft` as its version 1.
    public func create(_ draft: Agreement, by actor: AuditActor) async throws -> [AgreementVersion] {
        guard governance.mayAct(actor, on: draft) else { throw AgreementGovernance.Refusal.notAParty }
        guard actor.person != nil else { throw AgreementGovernance.Refusal.personRequired }
        return try await store.withAgreementTransaction(draft.id) { transaction in
            guard try await transaction.createIfMissing(draft) else { throw Failure.agreementExists(draft.id) }
            try await transaction.insertVersion(draft, number: 1, state: .draft, by: actor, reason: nil)
            try await transaction.record("create", number: 1, by: actor, reason: nil, details: ["document": draft.versionHash])
            return try await transaction.versions()
        }
    }

    /// A new draft after the latest version: `document`, or (a rollback) the document of an
    /// earlier version `from`.
    public func draft(_ agreementID: String, document: Agreement?, from earlier: Int?, by actor: AuditActor) async throws -> [AgreementVersion] {
        try await store.withAgreementTransaction(agreementID) { transaction in
            let versions = try await transaction.versions()
            guard let latest = versions.last else { throw Failure.agreementNotFound(agreementID) }
            let base = try earlier.map { number throws -> Agreement in
                guard let version = versions.first(where: { $0.number == number }) else { throw Failure.versionNotFound(agreementID, number) }
                return version.agreement
            }
            guard let agreement = document ?? base else { throw Failure.versionNotFound(agreementID, latest.number) }
            try check(agreement, against: latest.agreement)
            guard governance.mayAct(actor, on: latest.agreement) else { throw AgreementGovernance.Refusal.notAParty }
            guard actor.person != nil else { throw AgreementGovernance.Refusal.personRequired }
            if versions.contains(where: { $0.state == .terminated }) { throw AgreementGovernance.Refusal.agreementTerminated }
            let number = latest.number + 1
            try await transaction.insertVersion(agreement, number: number, state: .draft, by: actor, reason: nil)
            try await transaction.record(
                earlier == nil ? "draft" : "rollback-draft", number: number, by: actor, reason: earlier.map { "from version \($0)" },
                details: ["document": agreement.versionHash])
            return try await transaction.versions()
        }
    }

    /// Replaces the document of a draft.
    public func edit(_ agreementID: String, _ number: Int, document: Agreement, ifMatch: String, by actor: AuditActor) async throws -> [AgreementVersion] {
        try await store.withAgreementTransaction(agreementID) { transaction in
            let versions = try await transaction.versions()
            let version = try find(number, in: versions, agreementID: agreementID, ifMatch: ifMatch, by: actor)
            guard actor.person != nil else { throw AgreementGovernance.Refusal.personRequired }
            if versions.contains(where: { $0.state == .terminated }) { throw AgreementGovernance.Refusal.agreementTerminated }
            guard version.state == .draft else { throw AgreementGovernance.Refusal.wrongState(version.state) }
            try check(document, against: version.agreement)
            try await transaction.replaceDraft(number, with: document)
            try await transaction.record("edit", number: number, by: actor, reason: nil, details: ["document": document.versionHash])
            return try await transaction.versions()
        }
    }

    // MARK: Steps

    /// `draft → proposed`, `proposed → rejected | draft (withdrawn)`, `approved → suspended |
    /// terminated`, `suspended → approved (resumed) | terminated`.
    public func move(
        _ agreementID: String, _ number: Int, to next: AgreementVersion.State, ifMatch: String?, by actor: AuditActor,
        reason: String?
    ) async throws -> [AgreementVersion] {
        try await store.withAgreementTransaction(agreementID) { transaction in
            let versions = try await transaction.versions()
            let version = try find(number, in: versions, agreementID: agreementID, ifMatch: ifMatch, by: actor)
            try governance.checkTransition(of: version, to: next, by: actor, reason: reason, among: versions)
            try await transaction.setState(number, to: next, proposedBy: next == .proposed ? actor : nil, reason: next == .proposed ? reason : nil)
            try await transaction.record(Self.action(from: version.state, to: next), number: number, by: actor, reason: reason)
            return try await transaction.versions()
        }
    }

    /// Approves a proposal (four eyes, ``AgreementGovernance/checkApproval(of:by:among:)``).
    /// An approved version in force now supersedes the one before it at once.
    public func approve(_ agreementID: String, _ number: Int, ifMatch: String?, by actor: AuditActor, at now: Date = Date())
        async throws -> [AgreementVersion]
    {
        try await store.withAgreementTransaction(agreementID) { transaction in
            let versions = try await transaction.versions()
            let version = try find(number, in: versions, agreementID: agreementID, ifMatch: ifMatch, by: actor)
            try governance.checkApproval(of: version, by: actor, among: versions, editors: try await transaction.editors(of: number))
            try await transaction.setState(number, to: .approved)
            try await transaction.record("approve", number: number, by: actor, reason: nil, details: ["document": version.hash])
            try await settle(transaction, at: now)
            return try await transaction.versions()
        }
    }

    /// Proposes each file's agreement as a new version where its document differs from the
    /// agreement's latest version, and, when `approve` (`governance.auto_approve_files`, never
    /// in production), approves it at once in the gateway's name. Returns the ids that changed.
    @discardableResult
    public func apply(_ agreements: [Agreement], approve: Bool, source: AuditActor, at now: Date = Date()) async throws -> [String] {
        var changed: [String] = []
        for agreement in agreements {
            let moved = try await store.withAgreementTransaction(agreement.id) { transaction -> Bool in
                _ = try await transaction.createIfMissing(agreement)
                let versions = try await transaction.versions()
                if let latest = versions.last(where: { $0.state != .rejected }), latest.hash == agreement.versionHash {
                    guard approve, latest.state == .proposed else { return false }
                    try await transaction.setState(latest.number, to: .approved)
                    try await transaction.record("approve", number: latest.number, by: .gateway, reason: "auto_approve_files")
                    try await settle(transaction, at: now)
                    return true
                }
                if let latest = versions.last, latest.agreement.producer != agreement.producer || latest.agreement.consumer != agreement.consumer {
                    throw Failure.identityChanged
                }
                let number = (versions.last?.number ?? 0) + 1
                try await transaction.insertVersion(agreement, number: number, state: .proposed, by: source, reason: "agreement file")
                try await transaction.record("propose", number: number, by: source, reason: "agreement file", details: ["document": agreement.versionHash])
                if approve {
                    try await transaction.setState(number, to: .approved)
                    try await transaction.record("approve", number: number, by: .gateway, reason: "auto_approve_files")
                    try await settle(transaction, at: now)
                }
                return true
            }
            if moved { changed.append(agreement.id) }
        }
        return changed
    }

    /// Records what time alone decides now (supersessions, expiries), in this transaction.
    private func settle(_ transaction: AgreementTransaction, at now: Date) async throws {
        for (number, state) in AgreementGovernance.dueTransitions(try await transaction.versions(), at: now) {
            try await transaction.setState(number, to: state)
            try await transaction.record(state == .expired ? "expire" : "supersede", number: number, by: .gateway, reason: nil)
        }
    }

    /// The version a step acts on. Whoever is not a party (nor the operator) is told it does
    /// not exist before anything else is checked, so neither an ETag nor a refusal reveals it.
    private func find(
        _ number: Int, in versions: [AgreementVersion], agreementID: String, ifMatch: String?, by actor: AuditActor
    ) throws -> AgreementVersion {
        guard let latest = versions.last, governance.mayAct(actor, on: latest.agreement) else { throw Failure.agreementNotFound(agreementID) }
        guard let version = versions.first(where: { $0.number == number }) else { throw Failure.versionNotFound(agreementID, number) }
        if let ifMatch, ifMatch != "*", ifMatch != Self.etag(of: version) { throw Failure.staleVersion(current: Self.etag(of: version)) }
        return version
    }

    /// A new document keeps the record's identity: its id, producer and consumer.
    private func check(_ document: Agreement, against record: Agreement) throws {
        guard document.id == record.id, document.producer == record.producer, document.consumer == record.consumer else {
            throw Failure.identityChanged
        }
    }

    static func action(from state: AgreementVersion.State, to next: AgreementVersion.State) -> String {
        switch (state, next) {
        case (_, .proposed): "propose"
        case (.proposed, .draft): "withdraw"
        case (_, .rejected): "reject"
        case (_, .suspended): "suspend"
        case (.suspended, .approved): "resume"
        case (_, .terminated): "terminate"
        default: next.rawValue
        }
    }
}

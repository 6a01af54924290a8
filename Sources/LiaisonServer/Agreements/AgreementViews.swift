import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// What admins and auditors read of agreements — the list, one agreement with its versions
/// and history, the diff of two versions, the preview of one — as the admin API answers it
/// and the CLI prints it. Who sees what is decided here: an agreement only by its parties
/// and the operator, its contacts only by the parties' admins. A nil reader is the shell's
/// operator (the CLI), who sees every agreement and no contacts.
public struct AgreementViews: Sendable {
    public var records: AgreementRecords
    public var registry: AgreementRegistry

    public init(records: AgreementRecords, registry: AgreementRegistry) {
        self.records = records
        self.registry = registry
    }

    /// Every agreement `reader` may see, with its versions' states and the version in force.
    public func list(for reader: Principal?) async throws -> JSONValue {
        let grouped = Dictionary(grouping: try await records.store.agreementVersions(), by: \.agreementID)
        let visible = grouped.keys.sorted().compactMap { id -> JSONValue? in
            guard let versions = grouped[id], let latest = versions.last, mayRead(reader, latest.agreement)
            else { return nil }
            let inForce = registry.book[id]
            var summary: [String: JSONValue] = [
                "id": .string(id), "producer": .string(latest.agreement.producer), "consumer": .string(latest.agreement.consumer),
                "versions": .array(versions.map(Self.summary)), "status": .string(inForce?.status.rawValue ?? "not-in-force"),
            ]
            if let title = latest.agreement.title { summary["title"] = .string(title) }
            if let inForce { summary["version_in_force"] = .string(inForce.versionHash) }
            // The validity of the version in force, else of the latest version.
            let shown = versions.last { $0.hash == inForce?.versionHash } ?? latest
            if let from = shown.window.from { summary["valid_from"] = .string(RFC3339.string(from: from)) }
            if let until = shown.window.until { summary["valid_until"] = .string(RFC3339.string(from: until)) }
            return .object(summary)
        }
        return .object(["agreements": .array(visible)])
    }

    /// One agreement: its versions with their documents, and every step of its history.
    public func show(_ id: String, for reader: Principal?) async throws -> JSONValue {
        let versions = try await records.store.agreementVersions(id)
        guard let latest = versions.last, mayRead(reader, latest.agreement) else {
            throw AgreementRecords.Failure.agreementNotFound(id)
        }
        let events = try await records.store.agreementEvents(id)
        return .object([
            "id": .string(id), "producer": .string(latest.agreement.producer), "consumer": .string(latest.agreement.consumer),
            "status": .string(registry.book[id]?.status.rawValue ?? "not-in-force"),
            "versions": .array(versions.map { Self.detail($0, contacts: Self.seesContacts(reader, latest.agreement)) }),
            "history": .array(events.map(Self.event)),
        ])
    }

    /// Approves version `number` (a second person, ``AgreementRecords/approve``) and puts the
    /// agreements in force again at once. The admin API and the console approve through it.
    public func approve(_ id: String, _ number: Int, ifMatch: String, by actor: AuditActor) async throws -> [AgreementVersion] {
        let versions = try await records.approve(id, number, ifMatch: ifMatch, by: actor)
        try await registry.refresh(from: records.store)
        return versions
    }

    /// Moves version `number` to `next` (reject, withdraw, suspend, resume, terminate) and puts
    /// the agreements in force again at once. The admin API and the console move through it.
    public func move(
        _ id: String, _ number: Int, to next: AgreementVersion.State, ifMatch: String, reason: String?, by actor: AuditActor
    ) async throws -> [AgreementVersion] {
        let versions = try await records.move(id, number, to: next, ifMatch: ifMatch, by: actor, reason: reason)
        try await registry.refresh(from: records.store)
        return versions
    }

    /// The versions after a write, as the write's answer.
    public func written(_ versions: [AgreementVersion], id: String, by writer: Principal) -> JSONValue {
        let contacts = versions.last.map { Self.seesContacts(writer, $0.agreement) } ?? false
        return .object(["id": .string(id), "versions": .array(versions.map { Self.detail($0, contacts: contacts) })])
    }

    /// What version `number` changes against version `against` (default: the latest approved
    /// or suspended one before it, else the one just before). Contacts' values are hidden
    /// from those who may not see contacts.
    public func diff(_ id: String, _ number: Int, against: Int?, for reader: Principal?) async throws -> JSONValue {
        let (version, versions) = try await find(id, number, for: reader)
        let base: AgreementVersion?
        if let against {
            guard let found = versions.first(where: { $0.number == against }), against != number else {
                throw AgreementRecords.Failure.nothingToCompare
            }
            base = found
        } else {
            base = versions.last(where: { $0.number < number && [.approved, .suspended].contains($0.state) })
                ?? versions.last(where: { $0.number < number })
        }
        guard let base else { throw AgreementRecords.Failure.nothingToCompare }
        let contacts = Self.seesContacts(reader, version.agreement)
        let changes = AgreementDiff(from: base.agreement, to: version.agreement).changes.map { change -> JSONValue in
            var members: [String: JSONValue] = ["pointer": .string(change.pointer)]
            let hidden = !contacts && change.pointer.hasPrefix("/contacts")
            if let before = change.before { members["before"] = hidden ? .string("(hidden)") : before }
            if let after = change.after { members["after"] = hidden ? .string("(hidden)") : after }
            return .object(members)
        }
        return .object(["from": .number(Double(base.number)), "to": .number(Double(number)), "changes": .array(changes)])
    }

    /// What version `number` would disclose compared with the version in force, over the
    /// producer's last `limit` incidents. Audited: it shows its reader derived data.
    public func preview(_ id: String, _ number: Int, limit: Int, for reader: Principal) async throws -> AgreementPreview.Answer {
        let (version, _) = try await find(id, number, for: reader)
        let incidents = try await records.store.recentIncidents(producer: version.agreement.producer, limit: limit)
        let current = registry.book[id]
        let preview = AgreementPreview(incidents: incidents, current: current?.status == .active ? current : nil, proposed: version.agreement)
        let answer = AgreementPreview.Answer(version: number, incidents: incidents.count, preview: preview)
        try await records.store.audit(
            by: reader.actor, action: "agreement-preview", subject: "agreement:\(id)",
            details: [
                "version": number, "incidents": answer.incidents, "newly_shared": answer.newlyShared,
                "no_longer_shared": answer.noLongerShared, "changed": answer.changed,
            ])
        return answer
    }

    private func mayRead(_ reader: Principal?, _ agreement: Agreement) -> Bool {
        reader.map { records.governance.mayAct($0.actor, on: agreement) } ?? true
    }

    private func find(_ id: String, _ number: Int, for reader: Principal?) async throws -> (AgreementVersion, [AgreementVersion]) {
        let versions = try await records.store.agreementVersions(id)
        guard let version = versions.first(where: { $0.number == number }), mayRead(reader, version.agreement)
        else { throw AgreementRecords.Failure.versionNotFound(id, number) }
        return (version, versions)
    }

    // MARK: Shapes

    /// Contacts are staff data: shown to the admins of the two parties only.
    static func seesContacts(_ reader: Principal?, _ agreement: Agreement) -> Bool {
        guard let reader else { return false }
        return reader.role == .admin && [agreement.producer, agreement.consumer].contains(reader.organisation)
    }

    static func summary(_ version: AgreementVersion) -> JSONValue {
        .object([
            "number": .number(Double(version.number)), "state": .string(version.state.rawValue),
            "version": .string(version.hash), "etag": .string(AgreementRecords.etag(of: version)),
        ])
    }

    static func detail(_ version: AgreementVersion, contacts: Bool) -> JSONValue {
        guard case .object(var members) = summary(version), case .object(var document) = version.agreement.document else {
            return summary(version)
        }
        if !contacts { document["contacts"] = nil }
        members["document"] = .object(document)
        members["created_by"] = actor(version.createdBy)
        // A withdrawn proposal is a draft again; who proposed it stays in the history.
        if version.state != .draft {
            if let proposer = version.proposedBy { members["proposed_by"] = actor(proposer) }
            if let at = version.proposedAt { members["proposed_at"] = .string(RFC3339.string(from: at)) }
            if let reason = version.reason { members["reason"] = .string(reason) }
        }
        return .object(members)
    }

    static func actor(_ actor: AuditActor) -> JSONValue {
        var members: [String: JSONValue] = ["organisation": .string(actor.organisation)]
        if let person = actor.person { members["person"] = .string(person) }
        return .object(members)
    }

    static func event(_ event: AgreementEvent) -> JSONValue {
        var members: [String: JSONValue] = [
            "action": .string(event.action), "by": actor(event.actor), "at": .string(RFC3339.string(from: event.at)),
        ]
        if let number = event.number { members["version"] = .number(Double(number)) }
        if let reason = event.reason { members["reason"] = .string(reason) }
        return .object(members)
    }
}

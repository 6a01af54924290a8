import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// The one way re-identification requests are made and moved. A request is located in the
/// disclosure the consumer received (rendered again, exactly as it was shown); each later step
/// reads the request locked, asks ``ReidentificationPolicy``, and writes the outcome with its
/// audit entry in the same transaction. A refusal is recorded too, and committed before it is
/// answered — with the request's expiry or erasure when that is what refused it.
public struct ReidentificationRecords: Sendable {
    public var store: PostgresIncidentStore
    public var renderer: DisclosureRenderer
    public var policy: ReidentificationPolicy
    /// The producers that have a notification webhook (`reidentification.notify`).
    public var notifying: Set<String>

    public init(store: PostgresIncidentStore, renderer: DisclosureRenderer, policy: ReidentificationPolicy, notifying: Set<String> = []) {
        self.store = store
        self.renderer = renderer
        self.policy = policy
        self.notifying = notifying
    }

    /// Failures of a new request that are not policy refusals.
    public enum Failure: Error, Sendable, Equatable {
        /// No disclosure of that incident (version) to the caller, or one no longer shown (404).
        case notShared
        /// Nothing the caller may ask for stands at that place, as that text.
        case notLocated(LocateFailure)
    }

    /// What a consumer asks for: the value it was shown as `shown` at `pointer` of its
    /// projection of `incident` (version `version`, else the latest it received).
    public struct Ask: Sendable {
        public var incident: UUID
        public var version: Int?
        public var pointer: String
        public var shown: String
        public var grounds: ReidentificationRequest.Grounds

        public init(incident: UUID, version: Int?, pointer: String, shown: String, grounds: ReidentificationRequest.Grounds) {
            self.incident = incident
            self.version = version
            self.pointer = pointer
            self.shown = shown
            self.grounds = grounds
        }
    }

    /// Stores a new pending request, audited, and queues the producer's notification.
    public func request(_ ask: Ask, by principal: Principal, at now: Date = Date()) async throws -> ReidentificationRequest {
        guard principal.person != nil else { throw ReidentificationPolicy.Refusal.personRequired }
        guard let disclosure = try await store.disclosure(of: ask.incident, version: ask.version, to: principal.organisation),
            case .success(let shown)? = try await renderer.render([disclosure]).first
        else { throw Failure.notShared }
        switch shown.locate(pointer: ask.pointer, shown: ask.shown) {
        case .failure(.erased(let token)):
            try await store.recordRefusedReidentification(
                by: principal.actor, incident: ask.incident, version: disclosure.incident.version, token: token,
                reason: ReidentificationPolicy.Refusal.valueErased.code)
            throw ReidentificationPolicy.Refusal.valueErased
        case .failure(let failure):
            throw Failure.notLocated(failure)
        case .success(let located):
            let reference = StoredValueReference(
                consumer: disclosure.consumer, producer: shown.incident.producer, incidentID: disclosure.incident.id,
                incidentVersion: disclosure.incident.version, agreementID: disclosure.agreementID, deliveryID: disclosure.deliveryID,
                pointer: ask.pointer, located: located)
            let request = try policy.newRequest(id: UUID.random(), by: principal, disclosure: reference, grounds: ask.grounds, at: now)
            try await store.insertReidentification(request, notify: notifying.contains(request.producer))
            return request
        }
    }

    /// One approval; the last one needed opens the retrieval window.
    public func approve(_ id: UUID, by principal: Principal, at now: Date = Date()) async throws -> ReidentificationRequest {
        try await step(id, "approve", by: principal, at: now) { request, kept in
            policy.approval(of: request, by: principal, valueKept: kept, at: now)
        }.request
    }

    /// A rejection, with its reason.
    public func reject(_ id: UUID, reason: String?, by principal: Principal, at now: Date = Date()) async throws -> ReidentificationRequest {
        try await step(id, "reject", by: principal, at: now) { request, _ in
            policy.rejection(of: request, by: principal, reason: reason, at: now)
        }.request
    }

    /// The one retrieval: the request as it now stands (`retrieved`) and the plaintext, which
    /// leaves the vault only after that is committed.
    public func retrieve(_ id: UUID, by principal: Principal, at now: Date = Date()) async throws -> (request: ReidentificationRequest, value: String) {
        let (request, value) = try await step(id, "retrieve", by: principal, at: now) { request, kept in
            policy.retrieval(of: request, by: principal, valueKept: kept, at: now)
        }
        guard let value else { throw ReidentificationPolicy.Refusal.valueErased }
        return (request, value)
    }

    /// The requests `principal` may read, newest first: a consumer's person its own; a
    /// producer's admins and auditors those of its incidents; the operator's all. Requests whose
    /// time ran out are closed first, so that `pending` means pending.
    public func list(for principal: Principal, status: ReidentificationRequest.Status?, limit: Int) async throws -> [ReidentificationRequest] {
        try await store.expireDueReidentifications()
        switch principal.role {
        case .consumer:
            guard principal.person != nil else { return [] }
            return try await store.reidentifications(producer: nil, requester: principal.actor, status: status, limit: limit)
        case .admin, .auditor:
            let producer = principal.organisation == policy.operatorOrganisation ? nil : principal.organisation
            return try await store.reidentifications(producer: producer, requester: nil, status: status, limit: limit)
        case .producer:
            return []
        }
    }

    /// One request, if `principal` may read it.
    public func show(_ id: UUID, for principal: Principal) async throws -> ReidentificationRequest {
        try await store.expireDueReidentifications()
        guard let request = try await store.reidentifications(id: id, producer: nil, requester: nil, limit: 1).first,
            policy.mayRead(request, by: principal)
        else { throw ReidentificationPolicy.Refusal.notFound }
        return request
    }

    /// Runs one step on a locked request: decides, then writes the change, or the refusal (and
    /// whatever time or erasure closed), and commits before answering. A retrieval opens the
    /// value only once it is allowed, in the same transaction.
    private func step(
        _ id: UUID, _ name: String, by principal: Principal, at now: Date,
        decide: @escaping @Sendable (ReidentificationRequest, Bool) -> ReidentificationPolicy.Decision
    ) async throws -> (request: ReidentificationRequest, value: String?) {
        let outcome = try await store.withReidentification(id) { transaction -> Result<(ReidentificationRequest, String?), ReidentificationPolicy.Refusal> in
            guard let request = try await transaction.request() else { return .failure(.notFound) }
            var decision = decide(request, try await transaction.valueKept(request.token))
            var opened: String?
            if case .allow(.retrieve) = decision {
                opened = try await transaction.value(request.token)?.plaintext
                if opened == nil { decision = .refuse(.valueErased, closing: .erased) }
            }
            switch decision {
            case .allow(let change):
                let next = request.applying(change, at: now)
                try await transaction.save(next, after: change, by: principal.actor)
                return .success((next, opened))
            case .refuse(let refusal, let closing):
                if let closing {
                    try await transaction.save(request.applying(.close(closing), at: now), after: .close(closing), by: .gateway)
                }
                try await transaction.recordRefusal(refusal, of: request, step: name, by: principal.actor)
                return .failure(refusal)
            }
        }
        return try outcome.get()
    }
}

import Foundation

/// One numbered version of an agreement: its document, its state, and who proposed it,
/// when and why. The document never changes once proposed; the state moves as the
/// governance rules allow (``AgreementGovernance``).
public struct AgreementVersion: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being written; only drafts change.
        case draft
        /// Waiting for a second person's approval.
        case proposed
        /// Approved: in force from its `valid_from` until its `valid_until` (or a later version).
        case approved
        case rejected
        /// A later approved version took its place.
        case superseded
        /// Approved, then suspended: shares nothing until resumed.
        case suspended
        /// The agreement was terminated while this version was in force; final.
        case terminated
        /// Its `valid_until` (or its IEP policy's end date) passed.
        case expired
    }

    public var agreementID: String
    public var number: Int
    public var state: State
    public var agreement: Agreement
    /// Who drafted and who proposed it, with the proposal's reason.
    public var createdBy: AuditActor
    public var proposedBy: AuditActor?
    public var proposedAt: Date?
    public var reason: String?

    public init(
        agreementID: String, number: Int, state: State, agreement: Agreement, createdBy: AuditActor,
        proposedBy: AuditActor? = nil, proposedAt: Date? = nil, reason: String? = nil
    ) {
        self.agreementID = agreementID
        self.number = number
        self.state = state
        self.agreement = agreement
        self.createdBy = createdBy
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.reason = reason
    }

    /// The version's identity (``Agreement/versionHash``).
    public var hash: String { agreement.versionHash }

    /// When the version may be in force: its own validity within its IEP policy's dates.
    public var window: (from: Date?, until: Date?) {
        let from = [agreement.validFrom, agreement.iep?.startDate].compactMap { $0 }.max()
        let until = [agreement.validUntil, agreement.iep?.endDate].compactMap { $0 }.min()
        return (from, until)
    }

    /// Whether `now` falls in ``window``.
    public func isValid(at now: Date) -> Bool {
        let (from, until) = window
        return (from.map { $0 <= now } ?? true) && (until.map { now < $0 } ?? true)
    }
}

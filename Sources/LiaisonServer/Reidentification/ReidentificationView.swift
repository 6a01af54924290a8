import Foundation
import LiaisonCore

/// A re-identification request as the API shows it. Never a value. The producer's and the
/// operator's admins and auditors see who asked and who approved, and the token; the person who
/// asked sees in which capacity and when it was approved, not by whom.
struct ReidentificationView: Codable {
    struct Party: Codable {
        var organisation: String
        var person: String?
    }

    struct ApprovalView: Codable {
        var role: ReidentificationRequest.ApproverRole
        var at: Date
        var organisation: String?
        var person: String?
    }

    var id: UUID
    var status: ReidentificationRequest.Status
    var consumer: Party
    var producer: String
    var incident: UUID
    var incidentVersion: Int
    var agreement: String
    var pointer: String
    var kind: PersonalDataKind
    var rendering: RenderAction
    var token: String?
    var caseReference: String
    var legalBasis: String
    var justification: String
    var approvers: ReidentificationPolicy.Approvers
    var approvals: [ApprovalView]
    var approvalsMissing: [ReidentificationRequest.ApproverRole]
    var reason: String?
    var createdAt: Date
    var expiresAt: Date
    var retrievalDeadline: Date?
    var closedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, status, consumer, producer, incident, agreement, pointer, kind, rendering, token, justification, approvers
        case approvals, reason
        case incidentVersion = "incident_version"
        case caseReference = "case_reference"
        case legalBasis = "legal_basis"
        case approvalsMissing = "approvals_missing"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case retrievalDeadline = "retrieval_deadline"
        case closedAt = "closed_at"
    }

    init(_ request: ReidentificationRequest, for principal: Principal) {
        let administers = principal.role == .admin || principal.role == .auditor
        id = request.id
        status = request.status
        consumer = Party(organisation: request.requester.organisation, person: request.requester.person)
        producer = request.producer
        incident = request.incidentID
        incidentVersion = request.incidentVersion
        agreement = request.agreementID
        pointer = request.pointer
        kind = request.token.kind
        rendering = request.rendering
        token = administers ? request.token.text : nil
        caseReference = request.grounds.caseReference
        legalBasis = request.grounds.legalBasis
        justification = request.grounds.justification
        approvers = request.rule
        approvals = request.approvals.map {
            ApprovalView(
                role: $0.role, at: $0.at, organisation: administers ? $0.approver.organisation : nil,
                person: administers ? $0.approver.person : nil)
        }
        approvalsMissing = request.status == .pending ? request.missingApprovals : []
        reason = request.reason
        createdAt = request.createdAt
        expiresAt = request.expiresAt
        retrievalDeadline = request.retrievalDeadline
        closedAt = request.closedAt
    }
}

/// The one answer that holds a plaintext value: a retrieval.
struct RetrievedValue: Codable {
    var id: UUID
    var incident: UUID
    var incidentVersion: Int
    var pointer: String
    var kind: PersonalDataKind
    var value: String
    var retrievedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, incident, pointer, kind, value
        case incidentVersion = "incident_version"
        case retrievedAt = "retrieved_at"
    }
}

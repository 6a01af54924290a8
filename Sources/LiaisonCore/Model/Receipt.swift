import Foundation

/// The gateway's answer to an intake: proof of what it took, when, from whom, and what
/// became of each object. Given only after the incidents are committed.
public struct Receipt: Sendable, Hashable, Codable {
    public var id: UUID
    public var producer: String
    public var transport: Transport
    public var receivedAt: Date
    /// SHA-256 of the exact request body, lower-case hex.
    public var bodySHA256: String
    public var outcomes: [Outcome]
    /// For e-mail: what became of each MIME part, by path.
    public var parts: [Part]
    /// The index of the intake's entry in the disclosure ledger, for asking later for the
    /// proof that the entry is in the log (`GET /v1/audit/proof/inclusion`). Receipts from
    /// before the ledger have none.
    public var ledgerIndex: Int64?
    /// The gateway's Ed25519 signature (see ``ReceiptSigner``); nil only before signing.
    public var signature: Signature?

    /// `{"alg": "Ed25519", "kid": KEY THUMBPRINT, "value": BASE64URL}`.
    public struct Signature: Sendable, Hashable, Codable {
        public var algorithm: String
        public var keyID: String
        public var value: String

        enum CodingKeys: String, CodingKey {
            case algorithm = "alg"
            case keyID = "kid"
            case value
        }
    }

    public init(
        id: UUID, producer: String, transport: Transport, receivedAt: Date, bodySHA256: String, outcomes: [Outcome],
        parts: [Part] = []
    ) {
        self.id = id
        self.producer = producer
        self.transport = transport
        self.receivedAt = receivedAt
        self.bodySHA256 = bodySHA256
        self.outcomes = outcomes
        self.parts = parts
    }

    /// What became of one MIME part (RFC 2045 entity) of an e-mailed report; the reason
    /// names a rule, never content.
    public struct Part: Sendable, Hashable, Codable {
        public var path: String
        public var status: String
        public var reason: String?

        public init(path: String, status: String, reason: String?) {
            self.path = path
            self.status = status
            self.reason = reason
        }
    }

    /// The incidents this intake names, new, updated and already known, in body order.
    public var incidentIDs: [Incident.ID] {
        var seen: Set<Incident.ID> = []
        return outcomes.compactMap(\.incidentID).filter { seen.insert($0).inserted }
    }

    /// What became of one object of the body, by its position: for events, each event; for
    /// STIX, each object of the bundle or envelope.
    public struct Outcome: Sendable, Hashable, Codable {
        public var index: Int
        /// The object's own id, where it has one (a STIX id).
        public var objectID: String?
        /// The version the object names for itself (a STIX `modified`), as sent.
        public var version: String?
        /// The incident the object became or went into; none for an object kept only as
        /// context (an identity, a marking definition) or rejected.
        public var incidentID: Incident.ID?
        public var status: Status
        /// Why an object was rejected: each rule broken, by JSON Pointer, never quoting values.
        public var errors: [FieldProblem]?
        /// For a duplicate: the receipt that holds the object already.
        public var receiptID: UUID?

        public init(index: Int, objectID: String? = nil, incidentID: Incident.ID?, status: Status, errors: [FieldProblem]? = nil) {
            self.index = index
            self.objectID = objectID
            self.incidentID = incidentID
            self.status = status
            self.errors = errors
        }

        public enum Status: String, Sendable, Hashable, Codable {
            /// Stored: a new incident, or taken into one.
            case accepted
            /// A newer version of an incident the producer sent before; the old one is kept in history.
            case updated
            /// The producer had sent this (or a newer) version before; nothing changed.
            case duplicate
            /// Invalid; not stored. `errors` says why.
            case rejected
        }

        enum CodingKeys: String, CodingKey {
            case index, status, errors, version
            case objectID = "object_id"
            case incidentID = "incident_id"
            case receiptID = "receipt_id"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "receipt_id"
        case producer, transport, outcomes, parts, signature
        case receivedAt = "received_at"
        case bodySHA256 = "body_sha256"
        case incidentIDs = "incident_ids"
        case ledgerIndex = "ledger_index"
    }

    /// The same members as `jsonValue` (JSONValue+Model.swift), the one definition of the
    /// receipt's JSON; `init(from:)` reads them back.
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        producer = try container.decode(String.self, forKey: .producer)
        transport = try container.decode(Transport.self, forKey: .transport)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        bodySHA256 = try container.decode(String.self, forKey: .bodySHA256)
        outcomes = try container.decode([Outcome].self, forKey: .outcomes)
        parts = try container.decodeIfPresent([Part].self, forKey: .parts) ?? []
        signature = try container.decodeIfPresent(Signature.self, forKey: .signature)
        ledgerIndex = try container.decodeIfPresent(Int64.self, forKey: .ledgerIndex)
    }
}

/// How an intake reached the gateway; part of the custody record.
public enum Transport: String, Sendable, Hashable, Codable {
    case httpEvents = "http-events"
    case httpSTIX = "http-stix"
    case taxii
    case httpEmail = "http-email"
    case mailPipe = "mail-pipe"
    /// The public reporting form at `/report/`.
    case webForm = "web-form"
}

/// What an API key may do. A key belongs to one organisation and has one role.
public enum APIRole: String, Sendable, Hashable, Codable, CaseIterable {
    case producer, consumer, admin, auditor
}

/// Who is calling: the organisation, role and person behind a valid API key.
public struct Principal: Sendable, Hashable {
    public var organisation: String
    public var role: APIRole
    /// The named person the key belongs to; nil for a machine key (producers).
    public var person: String?
    public var keyID: UUID?

    public init(organisation: String, role: APIRole, person: String? = nil, keyID: UUID? = nil) {
        self.organisation = organisation
        self.role = role
        self.person = person
        self.keyID = keyID
    }

    /// Who did something, for the audit trail.
    public var actor: AuditActor { AuditActor(organisation: organisation, person: person) }
}

/// Who did something: an organisation and, where there is one, the named person. The
/// gateway itself acts as `gateway`.
public struct AuditActor: Sendable, Hashable, Codable {
    public var organisation: String
    public var person: String?

    public init(organisation: String, person: String? = nil) {
        self.organisation = organisation
        self.person = person
    }

    public static let gateway = AuditActor(organisation: "gateway")

    /// Two actors are the same person when both name one in the same organisation.
    public func isSamePerson(as other: AuditActor) -> Bool {
        guard let person, let otherPerson = other.person else { return false }
        return organisation == other.organisation && person == otherPerson
    }
}

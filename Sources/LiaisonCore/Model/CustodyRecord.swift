import Foundation

/// How one incident version reached the gateway: the evidence trail (ISO/IEC 27037
/// acquisition) of who sent which exact bytes, by which transport, and when.
public struct CustodyRecord: Sendable, Hashable, Codable {
    public var receiptID: UUID
    public var producer: String
    public var transport: String
    /// SHA-256 of the exact bytes received, lower-case hex.
    public var bodySHA256: String
    public var receivedAt: Date
    /// Transport facts (an e-mail's Message-ID, Subject, From, Received chain…), protected.
    public var details: [String: String]

    public init(
        receiptID: UUID, producer: String, transport: String, bodySHA256: String, receivedAt: Date,
        details: [String: String]
    ) {
        self.receiptID = receiptID
        self.producer = producer
        self.transport = transport
        self.bodySHA256 = bodySHA256
        self.receivedAt = receivedAt
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case producer, transport, details
        case receiptID = "receipt_id"
        case bodySHA256 = "body_sha256"
        case receivedAt = "received_at"
    }
}

/// A custody record as one consumer sees it: the producer and the receipt time only where its
/// agreement shares those fields (as in the projection itself), and each personal value in the
/// transport facts shown by its kind (`[email]`), never its token or value.
public struct DisclosedCustody: Sendable, Hashable, Codable {
    public var receiptID: UUID
    public var producer: String?
    public var transport: String
    public var bodySHA256: String
    public var receivedAt: Date?
    public var details: [String: String]

    public init(_ record: CustodyRecord, sharing fields: Set<IncidentField>) {
        receiptID = record.receiptID
        producer = fields.contains(.producer) ? record.producer : nil
        transport = record.transport
        bodySHA256 = record.bodySHA256
        receivedAt = fields.contains(.receivedAt) ? record.receivedAt : nil
        details = record.details.mapValues(Token.labelled)
    }

    enum CodingKeys: String, CodingKey {
        case producer, transport, details
        case receiptID = "receipt_id"
        case bodySHA256 = "body_sha256"
        case receivedAt = "received_at"
    }
}

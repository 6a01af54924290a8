import Foundation

/// The receipt's JSON form built directly as `JSONValue` (one large receipt per intake): the
/// same keys and values as its `Codable` form, which reads it back, without an `Encoder` per
/// value. Observables, redactions and custody details, written thousands of times per
/// intake, have writers of their own (`CanonicalWriter.swift`).
extension Receipt {
    public var jsonValue: JSONValue { .object(jsonMembers) }

    var jsonMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [
            "receipt_id": .string(id.uuidString), "producer": .string(producer), "transport": .string(transport.rawValue),
            "received_at": .string(RFC3339.string(from: receivedAt)), "body_sha256": .string(bodySHA256),
            "incident_ids": .array(incidentIDs.map { .string($0.uuidString) }),
            "outcomes": .array(outcomes.map(\.jsonValue)),
        ]
        if !parts.isEmpty { members["parts"] = .array(parts.map(\.jsonValue)) }
        if let ledgerIndex { members["ledger_index"] = .number(Double(ledgerIndex)) }
        if let signature { members["signature"] = signature.jsonValue }
        return members
    }

    /// The receipt in RFC 8785 canonical form, as it is stored and answered.
    public var canonicalBytes: [UInt8] { jsonValue.canonicalBytes }
}

extension Receipt.Signature {
    public var jsonValue: JSONValue {
        .object(["alg": .string(algorithm), "kid": .string(keyID), "value": .string(value)])
    }
}

extension Receipt.Outcome {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["index": .number(Double(index)), "status": .string(status.rawValue)]
        if let objectID { members["object_id"] = .string(objectID) }
        if let version { members["version"] = .string(version) }
        if let incidentID { members["incident_id"] = .string(incidentID.uuidString) }
        if let receiptID { members["receipt_id"] = .string(receiptID.uuidString) }
        if let errors {
            members["errors"] = .array(errors.map { .object(["pointer": .string($0.pointer), "reason": .string($0.reason)]) })
        }
        return .object(members)
    }
}

extension Receipt.Part {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["path": .string(path), "status": .string(status)]
        if let reason { members["reason"] = .string(reason) }
        return .object(members)
    }
}

extension Collection where Element == UInt8 {
    /// The bytes as a `String`, for JSON text that travels to PostgreSQL as text.
    public var utf8Text: String { String(decoding: self, as: UTF8.self) }
}

import Foundation

/// The model's JSON forms built directly as `JSONValue`, for the hot paths (every intake
/// writes thousands of observables and one large receipt): the same keys and values as
/// their `Codable` forms, which read them back, without an `Encoder` per value.
extension Observable {
    public var jsonValue: JSONValue {
        .object(["kind": .string(kind.rawValue), "value": .string(value), "role": .string(role.rawValue)])
    }
}

extension Redaction {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "field": .string(field), "kind": .string(kind.rawValue), "detector": .string(detector), "token": .string(token),
        ]
        if let role { members["role"] = .string(role.rawValue) }
        return .object(members)
    }
}

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

extension [String: String] {
    /// A string map (a custody record's details) as a JSON object.
    public var jsonValue: JSONValue { .object(mapValues { .string($0) }) }
}

extension Collection where Element == UInt8 {
    /// The bytes as a `String`, for JSON text that travels to PostgreSQL as text.
    public var utf8Text: String { String(decoding: self, as: UTF8.self) }
}

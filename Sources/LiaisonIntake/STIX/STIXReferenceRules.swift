/// Which object types a reference property may point at (STIX 2.1 §3.3 and each type's
/// property table). A property not listed here may point at any type, but its values must
/// still be identifiers.
enum STIXReferenceRules {
    enum Allowed: Sendable {
        case types(Set<String>)
        /// Any SDO, understood or not, or a custom type (§4; `sighting_of_ref`).
        case domainObject
        /// An SDO or SCO, or a custom type: no relationship, sighting, marking or extension
        /// definition (§5.1 `source_ref`/`target_ref`).
        case domainOrObservable
        /// An SCO or a custom type, or a relationship (§4.13 `object_refs` of observed-data).
        case observableOrRelationship
        case any
    }

    static func allowed(_ property: String, on type: String) -> Allowed {
        switch (type, property) {
        case (_, "created_by_ref"): return .types(["identity"])
        case (_, "object_marking_refs"), (_, "marking_ref"): return .types(["marking-definition"])
        case ("sighting", "sighting_of_ref"): return .domainObject
        case ("sighting", "observed_data_refs"): return .types(["observed-data"])
        case ("sighting", "where_sighted_refs"): return .types(["identity", "location"])
        case ("relationship", "source_ref"), ("relationship", "target_ref"): return .domainOrObservable
        case ("observed-data", "object_refs"): return .observableOrRelationship
        case ("ipv4-addr", "resolves_to_refs"), ("ipv6-addr", "resolves_to_refs"): return .types(["mac-addr"])
        case ("ipv4-addr", "belongs_to_refs"), ("ipv6-addr", "belongs_to_refs"): return .types(["autonomous-system"])
        case ("domain-name", "resolves_to_refs"): return .types(["ipv4-addr", "ipv6-addr", "domain-name"])
        case ("email-addr", "belongs_to_ref"): return .types(["user-account"])
        case ("email-message", "from_ref"), ("email-message", "sender_ref"), ("email-message", "to_refs"),
            ("email-message", "cc_refs"), ("email-message", "bcc_refs"):
            return .types(["email-addr"])
        case ("email-message", "raw_email_ref"), ("file", "content_ref"), ("network-traffic", "src_payload_ref"),
            ("network-traffic", "dst_payload_ref"):
            return .types(["artifact"])
        case ("network-traffic", "src_ref"), ("network-traffic", "dst_ref"):
            return .types(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"])
        case ("network-traffic", "encapsulates_refs"), ("network-traffic", "encapsulated_by_ref"):
            return .types(["network-traffic"])
        case ("file", "parent_directory_ref"): return .types(["directory"])
        case ("malware", "sample_refs"): return .types(["file", "artifact"])
        case ("malware", "operating_system_refs"): return .types(["software"])
        default: return .any
        }
    }

    static func permits(_ allowed: Allowed, _ targetType: String) -> Bool {
        let category = STIXTypeCatalog.category(of: targetType)
        switch allowed {
        case .types(let types): return types.contains(targetType)
        case .any: return true
        case .domainObject: return category == .domain || category == nil
        case .domainOrObservable: return category == .domain || category == .observable || category == nil
        case .observableOrRelationship:
            return category == .observable || category == nil || targetType == "relationship"
        }
    }

    /// A short phrase for a reason: "must reference an identity".
    static func describe(_ allowed: Allowed) -> String {
        switch allowed {
        case .types(let types): "must reference " + types.sorted().joined(separator: " or ")
        case .domainObject: "must reference a STIX Domain Object"
        case .domainOrObservable: "must reference a STIX Domain Object or Cyber-observable Object"
        case .observableOrRelationship: "must reference a Cyber-observable Object or a relationship"
        case .any: "must reference an object"
        }
    }

    /// References that say who made or marked an object rather than what it is about; the
    /// graph does not follow them into incidents.
    static let metadataReferences: Set<String> = ["created_by_ref", "object_marking_refs", "marking_ref"]
}

/// `type--UUID` identifiers (STIX 2.1 §2.9) and type names (§2.8 Type 3–250 characters,
/// a–z, 0–9 and hyphen).
enum STIXIdentifier {
    static func isValidTypeName(_ text: String) -> Bool { isValidTypeName(Substring(text)) }

    static func isValidTypeName(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 3, bytes.count <= 250, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The type part of a syntactically valid identifier, or nil.
    static func type(of id: String) -> Substring? {
        let utf8 = id.utf8
        // type (3+) + "--" + 36-character UUID
        guard utf8.count >= 41, utf8.count <= 300 else { return nil }
        let uuidStart = utf8.index(utf8.endIndex, offsetBy: -36)
        let separator = utf8.index(uuidStart, offsetBy: -2)
        guard utf8[separator] == UInt8(ascii: "-"), utf8[utf8.index(after: separator)] == UInt8(ascii: "-") else { return nil }
        let type = Substring(utf8[..<separator])
        guard isValidTypeName(type), isUUID(Substring(utf8[uuidStart...])) else { return nil }
        return type
    }

    /// 8-4-4-4-12 hexadecimal digits (RFC 9562 text form).
    static func isUUID(_ text: Substring) -> Bool {
        guard text.utf8.count == 36 else { return false }
        for (index, byte) in text.utf8.enumerated() {
            let isDash = index == 8 || index == 13 || index == 18 || index == 23
            guard isDash ? byte == UInt8(ascii: "-") : byte.isASCIIHexDigit else { return false }
        }
        return true
    }
}

extension String {
    /// `hasSuffix` over UTF-8 bytes, without Foundation's locale-aware search.
    func endsWith(_ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return utf8.count >= tail.count && utf8.suffix(tail.count).elementsEqual(tail)
    }
}

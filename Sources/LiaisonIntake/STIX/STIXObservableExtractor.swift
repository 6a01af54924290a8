import LiaisonCore

/// Turns Cyber-observable Objects (STIX 2.1 §6) and indicator patterns (§9) into
/// observables.
///
/// Kinds Liaison has no ``ObservableKind`` for (MAC addresses, SHA-512 and other hashes,
/// certificate fingerprints, registry keys, processes) become `.other` with the value
/// written `kind:value`, so that the recipient still sees what it is; ports are skipped,
/// as they identify nothing on their own.
enum STIXObservableExtractor {
    /// Observables of one object reached with `role`. Indicator pattern values are always
    /// the offender's.
    static func observables(of object: STIXObject, role: ObservableRole) -> [Observable] {
        if object.type == "indicator" {
            return object.patternEqualities.compactMap { equality in
                observable(STIXObservableMapping.kind(for: equality), equality.value, role: .offender)
            }
        }
        if object.type == "observed-data", case .object(let embedded)? = object.properties["objects"] {
            return embedded.keys.sorted().flatMap { key -> [Observable] in
                guard case .object(let properties) = embedded[key]!, case .string(let type)? = properties["type"] else { return [] }
                return observables(type: type, properties, role: role)
            }
        }
        return observables(type: object.type, object.properties, role: role)
    }

    static func observables(type: String, _ p: [String: JSONValue], role: ObservableRole) -> [Observable] {
        func text(_ key: String) -> String? {
            switch p[key] {
            case .string(let value)?: value
            case .number(let value)? where value.rounded() == value && abs(value) < 1e15: String(Int64(value))
            default: nil
            }
        }
        var out: [Observable] = []
        func add(_ kind: String?, _ key: String) {
            if let value = text(key), let made = observable(kind, value, role: role) { out.append(made) }
        }
        switch type {
        case "ipv4-addr": add("ipv4", "value")
        case "ipv6-addr": add("ipv6", "value")
        case "domain-name": add("domain", "value")
        case "url": add("url", "value")
        case "email-addr":
            add("email", "value")
            add("person", "display_name")
        case "mac-addr": add("mac", "value")
        case "autonomous-system": add("asn", "number")
        case "user-account":
            add("user-account", text("account_login") != nil ? "account_login" : "user_id")
            add("person", "display_name")
        case "file":
            add("file-name", "name")
            out += hashes(p["hashes"], role: role, other: nil)
        case "x509-certificate":
            out += hashes(p["hashes"], role: role, other: "x509-fingerprint")
        default:
            if STIXTypeCatalog.walletTypes.contains(type) { add("crypto-wallet", text("value") != nil ? "value" : "address") }
        }
        return out
    }

    private static func hashes(_ value: JSONValue?, role: ObservableRole, other: String?) -> [Observable] {
        guard case .object(let hashes)? = value else { return [] }
        return hashes.keys.sorted().compactMap { algorithm in
            guard case .string(let digest) = hashes[algorithm]! else { return nil }
            let kind = other ?? STIXObservableMapping.fileHashKind(algorithm) ?? "hash-" + algorithm.lowercased()
            return observable(kind, digest, role: role)
        }
    }

    /// An observable for a kind string of ``STIXObservableMapping``, or nil for ports and
    /// unmapped paths.
    static func observable(_ kind: String?, _ value: String, role: ObservableRole) -> Observable? {
        guard let kind, kind != "port", !value.isEmpty else { return nil }
        if let known = ObservableKind(rawValue: kind), known != .other {
            return Observable(kind: known, value: value, role: role)
        }
        return Observable(kind: .other, value: kind + ":" + value, role: role)
    }
}

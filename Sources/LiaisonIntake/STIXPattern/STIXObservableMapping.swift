/// Maps STIX Cyber-observable object paths (STIX 2.1 §6, SCO properties; paths per §9.3)
/// to Liaison observable kinds.
public enum STIXObservableMapping {
    /// The Liaison observable kind for a path, or `nil` when the path is not an observable.
    ///
    /// `network-traffic:src_ref.value` / `dst_ref.value` depend on the value's shape and
    /// therefore return `nil` here; use ``kind(for:value:)`` for them.
    public static func kind(for path: ObjectPath) -> String? {
        kind(for: path, value: nil)
    }

    /// The kind of an extracted equality (path and value).
    public static func kind(for equality: PatternEquality) -> String? {
        kind(for: equality.path, value: equality.value)
    }

    /// Like ``kind(for:)``, but also classifies `network-traffic:src_ref.value` and
    /// `dst_ref.value` by the value's shape: IPv4 (optional `/prefix`) → `ipv4`,
    /// IPv6 → `ipv6`; as an extension MAC → `mac` and a domain name → `domain`
    /// (§6.12 allows `dst_ref` to point at `mac-addr` and `domain-name` too); else `nil`.
    public static func kind(for path: ObjectPath, value: String?) -> String? {
        let c = path.components
        switch path.objectType {
        case "ipv4-addr": return c.isProperty("value") ? "ipv4" : nil
        case "ipv6-addr": return c.isProperty("value") ? "ipv6" : nil
        case "domain-name": return c.isProperty("value") ? "domain" : nil
        case "url": return c.isProperty("value") ? "url" : nil
        case "email-addr": return c.isProperty("value") ? "email" : nil
        case "mac-addr": return c.isProperty("value") ? "mac" : nil
        case "autonomous-system": return c.isProperty("number") ? "asn" : nil
        case "windows-registry-key": return c.isProperty("key") ? "registry-key" : nil
        case "process": return c.isProperty("name") ? "process" : nil
        case "x-crypto-wallet": return c.isProperty("value") ? "crypto-wallet" : nil
        case "cryptocurrency-wallet": return c.isProperty("address") ? "crypto-wallet" : nil
        case "user-account":
            return c.isProperty("user_id") || c.isProperty("account_login") ? "user-account" : nil
        case "email-message":
            // from_ref.value, sender_ref.value, to_refs[i|*].value (cc_refs/bcc_refs too).
            if c.count == 2, c[0].name == "from_ref" || c[0].name == "sender_ref", c[1].name == "value" { return "email" }
            if c.count == 3, let list = c[0].name, ["to_refs", "cc_refs", "bcc_refs"].contains(list),
               c[1].isIndex, c[2].name == "value" { return "email" }
            return nil
        case "file":
            if c.isProperty("name") { return "file-name" }
            guard c.count == 2, c[0].name == "hashes", let algorithm = c[1].name else { return nil }
            return fileHashKind(algorithm)
        case "x509-certificate":
            return c.count == 2 && c[0].name == "hashes" && c[1].name != nil ? "x509-fingerprint" : nil
        case "network-traffic":
            if c.isProperty("dst_port") || c.isProperty("src_port") { return "port" }
            guard c.count == 2, c[0].name == "src_ref" || c[0].name == "dst_ref", c[1].name == "value",
                  let value else { return nil }
            return AddressShape.kind(of: value)
        default:
            return nil
        }
    }

    /// `MD5`, `SHA-1`, `SHA-256`, `SHA-512` (hashing-algorithm-ov, §10.7); matched
    /// case-insensitively and ignoring `-`/`_`, so `sha256` and `SHA256` also map.
    static func fileHashKind(_ algorithm: String) -> String? {
        let key = String(algorithm.uppercased().filter { $0 != "-" && $0 != "_" })
        switch key {
        case "MD5": return "hash-md5"
        case "SHA1": return "hash-sha1"
        case "SHA256": return "hash-sha256"
        case "SHA512": return "hash-sha512"
        default: return nil
        }
    }
}

extension PathComponent {
    var name: String? {
        if case .property(let n) = self { return n }
        return nil
    }

    var isIndex: Bool {
        switch self {
        case .index, .anyIndex: return true
        case .property: return false
        }
    }
}

extension [PathComponent] {
    /// Exactly one component, the property `name`.
    func isProperty(_ name: String) -> Bool { count == 1 && self[0].name == name }
}

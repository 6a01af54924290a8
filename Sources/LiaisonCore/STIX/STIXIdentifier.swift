import Crypto
import Foundation

/// Deterministic STIX identifiers, so that rendering the same disclosure twice gives the same
/// ids and the same bytes.
///
/// - Cyber-observable objects use the UUIDv5 that STIX 2.1 §2.9 prescribes: SHA-1 over the
///   STIX namespace and the canonical JSON of the type's ID-contributing properties. Anyone
///   who sees the same value computes the same id.
/// - Every other object (SDO, SRO, meta object, bundle) gets a name-based UUID computed the
///   UUIDv5 way (SHA-1 over Liaison's namespace and a name made of stable inputs: incident
///   id, agreement id, …) but stamped with version 4, since STIX 2.1 §2.9 says these ids
///   SHOULD be UUIDv4 and the OASIS validator warns otherwise. The SHA-1 output stands in for
///   the random bits; the ids stay unique because the names are.
public enum STIXIdentifier {
    /// STIX 2.1 §2.9: the namespace of deterministic SCO ids.
    static let observableNamespace = UUID(uuidString: "00abedb4-aa42-466c-9c01-fed23315a9b7")!
    /// Liaison's own namespace for the names of the objects it renders.
    static let liaisonNamespace = UUID(uuidString: "97b77702-cad6-4776-bc6e-ae4bab3d664a")!

    /// `type--uuid` for a cyber-observable object whose ID-contributing properties are `contributing`.
    static func observable(_ type: String, contributing: JSONValue) -> String {
        type + "--" + nameBased(namespace: observableNamespace, name: contributing.canonicalBytes, version: 5).uuidString.lowercased()
    }

    /// `type--uuid` for a Liaison-made object named by `parts` (joined with a separator that
    /// none of them contains: ids, hashes and fixed words).
    static func object(_ type: String, _ parts: String...) -> String {
        let name = Array(([type] + parts).joined(separator: "\u{1F}").utf8)
        return type + "--" + nameBased(namespace: liaisonNamespace, name: name, version: 4).uuidString.lowercased()
    }

    /// RFC 9562 §5.5 (name-based, SHA-1), with the version nibble set to `version`.
    static func nameBased(namespace: UUID, name: [UInt8], version: UInt8) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        input += name
        var bytes = Array(Insecure.SHA1.hash(data: input).prefix(16))
        bytes[6] = bytes[6] & 0x0F | (version << 4)
        bytes[8] = bytes[8] & 0x3F | 0x80
        return bytes.withUnsafeBytes { UUID(uuid: $0.load(as: uuid_t.self)) }
    }
}

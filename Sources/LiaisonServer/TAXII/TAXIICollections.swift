import Crypto
import Foundation
import LiaisonCore

/// Which TAXII collections a caller sees. Each producer has one intake collection it can
/// write to; consumers' readable collections come with TAXII delivery and slot in here.
struct TAXIICollections: Sendable {
    /// The collections `principal` can see.
    func visible(to principal: Principal) -> [TAXII.Collection] {
        switch principal.role {
        case .producer: [Self.intake(for: principal.organisation)]
        case .consumer, .admin, .auditor: []
        }
    }

    func collection(_ id: String, for principal: Principal) -> TAXII.Collection? {
        visible(to: principal).first { $0.id == id.lowercased() }
    }

    /// A producer's intake collection. Its id is a name-based UUID (SHA-256 of the
    /// organisation id, version and variant bits set as RFC 9562 asks for version 8), so
    /// it is stable across restarts and replicas without being stored.
    static func intake(for organisation: String) -> TAXII.Collection {
        TAXII.Collection(
            id: nameBasedUUID("liaison:taxii:intake:" + organisation).uuidString.lowercased(),
            title: "Intake from \(organisation)",
            description: "STIX 2.1 objects added here are taken in as \(organisation)'s reports, like POST /v1/intake/stix.",
            canRead: false, canWrite: true, mediaTypes: [MediaType.stix.text])
    }

    static func nameBasedUUID(_ name: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

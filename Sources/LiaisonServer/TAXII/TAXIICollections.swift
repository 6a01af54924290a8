import Crypto
import Foundation
import LiaisonCore
import LiaisonDelivery

/// Which TAXII collections a caller sees. Each producer has one intake collection it can
/// write to; each consumer one read-only collection per agreement it holds that is in force
/// and active (a suspended or terminated agreement's collection is gone: `404`, like its
/// incidents in the feed and the incident API).
struct TAXIICollections: Sendable {
    let agreements: AgreementRegistry

    /// The collections `principal` can see.
    func visible(to principal: Principal) -> [TAXII.Collection] {
        switch principal.role {
        case .producer: [Self.intake(for: principal.organisation)]
        case .consumer: held(by: principal.organisation).map(Self.collection(of:))
        case .admin, .auditor: []
        }
    }

    func collection(_ id: String, for principal: Principal) -> TAXII.Collection? {
        visible(to: principal).first { $0.id == id.lowercased() }
    }

    /// The agreement whose collection `id` is, if `consumer` holds it.
    func agreement(ofCollection id: String, consumer: String) -> Agreement? {
        held(by: consumer).first { Self.collectionID(of: $0.id) == id.lowercased() }
    }

    private func held(by consumer: String) -> [Agreement] {
        agreements.book.all.filter { $0.consumer == consumer && $0.status == .active }
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

    /// A consumer's collection of what `agreement` shares with it: read-only, titled after the
    /// agreement, its id name-based on the agreement's id like the intake collections'.
    static func collection(of agreement: Agreement) -> TAXII.Collection {
        var description = "STIX 2.1 objects of the incidents shared with you under agreement \(agreement.id)"
        if let reference = agreement.reference { description += " (\(reference))" }
        description += ", each as it was disclosed to you. Reads state a purpose (Liaison-Purpose or ?purpose=) and are recorded."
        return TAXII.Collection(
            id: collectionID(of: agreement.id), title: agreement.title ?? "Agreement \(agreement.id)", description: description,
            canRead: true, canWrite: false, mediaTypes: [MediaType.stix.text])
    }

    static func collectionID(of agreementID: String) -> String {
        nameBasedUUID("liaison:taxii:agreement:" + agreementID).uuidString.lowercased()
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

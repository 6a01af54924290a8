import Crypto
import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// `GET /v1/incidents/{id}/evidence`: the incident's evidence package (``EvidencePackage``),
/// for a consumer of its own disclosures, and for the operator's admins and auditors of all.
/// It seals the ledger first, so every entry it holds is covered by its checkpoint, and is
/// itself recorded in the ledger.
struct EvidenceController {
    let store: PostgresIncidentStore
    let renderer: DisclosureRenderer
    let key: CheckpointKey
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("incidents/:id/evidence", use: package)
    }

    @Sendable func package(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let principal = try context.require(.consumer, .admin, .auditor)
        let operatorRead = principal.role != .consumer
        if operatorRead, principal.organisation != governance.operatorOrganisation {
            throw Problem(.forbidden, "not-operator", title: "Not the operator", detail: "Only the operator's admins and auditors read every disclosure.")
        }
        let consumer = operatorRead ? nil : principal.organisation
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Self.notFound }
        let subject = "incident:\(id.uuidString)"
        // Disclosures that happened: a "disclose" entry names the projection's digest.
        let disclosed = try await store.ledgerEntries(subjects: [subject]).filter {
            $0.action == "disclose" && (consumer == nil || $0.details.member("consumer") == .string(consumer!))
        }
        guard !disclosed.isEmpty else { throw Self.notFound }
        let digests = Set(disclosed.compactMap { $0.details.member("projection_sha256") })
        var projections: [JSONValue] = []
        var seen: Set<String> = []
        for case .success(let shown) in try await renderer.render(try await store.disclosures(of: id, to: consumer)) {
            let bytes = try shown.projectionBytes()
            let digest = Data(SHA256.hash(data: bytes)).hexString
            guard digests.contains(.string(digest)), seen.insert(shown.disclosure.consumer + digest).inserted else { continue }
            projections.append(.object([
                "consumer": .string(shown.disclosure.consumer), "incident_version": .number(Double(shown.disclosure.incident.version)),
                "agreement_id": .string(shown.disclosure.agreementID), "agreement_version": .string(shown.disclosure.agreementVersion ?? ""),
                "projection": .string(String(decoding: bytes, as: UTF8.self)), "projection_sha256": .string(digest),
            ]))
        }
        let custody = try await store.custodyRecords(of: id)
        let receiptSubjects = custody.map { "receipt:\($0.record.receiptID.uuidString)" }
        let entries = disclosed + (try await store.ledgerEntries(subjects: receiptSubjects)).filter { $0.action == "intake" }
        while try await store.sealLedger(key: key) != nil {}
        guard let checkpoint = try await store.checkpoint() else { throw Self.notFound }
        var ledger: [JSONValue] = []
        for entry in entries.sorted(by: { $0.index < $1.index }) {
            guard let proof = try await store.ledgerHashes(of: MerkleTree.inclusionRanges(index: entry.index, size: checkpoint.size)) else {
                throw Problem(.internalServerError, "ledger-incomplete", title: "Ledger incomplete", detail: "Run liaison audit verify.")
            }
            ledger.append(.object([
                "entry": entry.jsonValue, "leaf_hash": .string(entry.leafHash.base64), "proof": .array(proof.map { .string($0.base64) }),
            ]))
        }
        var members: [String: JSONValue] = [
            "format": .string(EvidencePackage.format), "incident_id": .string(id.uuidString), "consumer": .string(consumer ?? "*"),
            "assembled_at": .string(RFC3339.string(from: Date())),
            "keys": .object([
                "jwk": try CanonicalJSON.decode(JSONValue.self, from: try CanonicalJSON.encode(store.signer.publicKey)),
                "checkpoint_key": .string(key.verifierKey),
            ]),
            "checkpoint": .string(checkpoint.note), "disclosures": .array(projections),
            "custody": .array(custody.map { version, record in
                .object([
                    "incident_version": .number(Double(version)), "receipt_id": .string(record.receiptID.uuidString),
                    "transport": .string(record.transport), "body_sha256": .string(record.bodySHA256),
                    "received_at": .string(RFC3339.string(from: record.receivedAt)),
                ])
            }),
            "ledger": .array(ledger), "explanation": .string(EvidencePackage.explanation),
        ]
        if operatorRead {
            members["receipts"] = .array(try await store.receipts(ids: custody.map(\.record.receiptID)).map(\.receipt.jsonValue))
        }
        let unsigned = JSONValue.object(members).canonicalBytes
        members["signature"] = try store.signer.signature(for: unsigned).jsonValue
        try await store.audit(
            by: principal.actor, action: "evidence-package", subject: subject,
            details: ["checkpoint_size": checkpoint.size, "disclosures": projections.count, "entries": ledger.count])
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json", .contentDisposition: "attachment; filename=\"evidence-\(id.uuidString.lowercased()).json\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.object(members).canonicalBytes)))
    }

    private static let notFound = Problem(
        .notFound, "not-found", title: "No such incident", detail: "No incident with this id was disclosed to you.")
}

extension JSONValue {
    /// The member `name` of an object; nil for anything else.
    func member(_ name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }
}

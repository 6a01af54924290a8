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
        let purpose = operatorRead ? nil : try ReadPurpose.stated(in: request)
        let consumer = operatorRead ? nil : principal.organisation
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Self.notFound }
        let subject = "incident:\(id.uuidString)"
        // Disclosures that happened: a "disclose" entry names the projection's digest.
        let disclosed = try await store.ledgerEntries(subjects: [subject]).filter {
            $0.action == "disclose" && (consumer == nil || $0.details.member("consumer") == .string(consumer!))
        }
        guard !disclosed.isEmpty else { throw Self.notFound }
        let digests = Set(disclosed.compactMap { $0.details.member("projection_sha256") })
        var shownAgain: [(DisclosureRenderer.Rendered, [UInt8], String)] = []
        var seen: Set<String> = []
        for case .success(let shown) in try await renderer.render(try await store.disclosures(of: id, to: consumer)) {
            let bytes = try shown.projectionBytes()
            let digest = Data(SHA256.hash(data: bytes)).hexString
            guard digests.contains(.string(digest)), seen.insert(shown.disclosure.consumer + digest).inserted else { continue }
            shownAgain.append((shown, bytes, digest))
        }
        // A consumer is shown its projections again: a read like any other, with its purpose.
        if !operatorRead { try ReadPurpose.check(purpose, for: shownAgain.map(\.0)) }
        let versions = Set(disclosed.compactMap { $0.details.member("incident_version") })
        let custody = try await store.custodyRecords(of: id).filter { operatorRead || versions.contains(.number(Double($0.version))) }
        let receiptSubjects = custody.map { "receipt:\($0.record.receiptID.uuidString)" }
        let entries = (disclosed + (try await store.ledgerEntries(subjects: receiptSubjects)).filter { $0.action == "intake" })
            .sorted { $0.index < $1.index }
        guard let checkpoint = try await store.sealAll(key: key), let last = entries.last, last.index < checkpoint.size,
            let proofs = try await store.inclusionProofs(of: entries.map(\.index), size: checkpoint.size)
        else {
            throw Problem(.serviceUnavailable, "ledger-not-sealed", title: "Ledger not sealed", detail: "Ask again in a moment.")
        }
        let ledger = entries.map { entry in
            JSONValue.object([
                "entry": entry.jsonValue, "leaf_hash": .string(entry.leafHash.base64),
                "proof": .array((proofs[entry.index] ?? []).map { .string($0.base64) }),
            ])
        }
        var members: [String: JSONValue] = [
            "format": .string(EvidencePackage.format), "incident_id": .string(id.uuidString), "consumer": .string(consumer ?? "*"),
            "assembled_at": .string(RFC3339.string(from: Date())),
            "keys": .object([
                "jwk": try CanonicalJSON.decode(JSONValue.self, from: try CanonicalJSON.encode(store.signer.publicKey)),
                "checkpoint_key": .string(key.verifierKey),
            ]),
            "checkpoint": .string(checkpoint.note),
            "disclosures": .array(shownAgain.map { shown, bytes, digest in
                var item: [String: JSONValue] = [
                    "consumer": .string(shown.disclosure.consumer), "incident_version": .number(Double(shown.disclosure.incident.version)),
                    "agreement_id": .string(shown.disclosure.agreementID),
                    "agreement_version": .string(shown.disclosure.agreementVersion ?? ""), "projection_sha256": .string(digest),
                ]
                // The operator proves what was disclosed by its digest; it is not shown the
                // projections (a revealed value would reach it without four eyes).
                if !operatorRead { item["projection"] = .string(String(decoding: bytes, as: UTF8.self)) }
                return .object(item)
            }),
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
        if !operatorRead {
            try await store.recordDisclosures(
                try shownAgain.map { shown, bytes, _ in
                    try shown.record(of: bytes, purpose: .read(purpose, under: shown.agreement), person: principal.person)
                },
                transport: "evidence-package")
        }
        try await store.audit(
            by: principal.actor, action: "evidence-package", subject: subject,
            details: ["checkpoint_size": checkpoint.size, "disclosures": shownAgain.count, "entries": ledger.count])
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


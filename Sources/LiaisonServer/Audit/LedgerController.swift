import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore
import NIOCore

/// The ledger for those who check it (RFC 9162 proofs over C2SP checkpoints):
/// - `GET /v1/audit/checkpoint[?size=N]` (any key): the newest signed checkpoint, or the one of N entries;
/// - `GET /v1/audit/key` (any key): the note verifier key that checks checkpoints;
/// - `GET /v1/audit/proof/consistency?from=M&to=N` (any key): that the tree of N entries extends the one of M;
/// - `GET /v1/audit/entries/{index}` and `GET /v1/audit/proof/inclusion?index=I[&size=N]`: an
///   entry and the proof that it is in the tree, for the operator's admins and auditors, and
///   for the organisation that is the entry's actor (a CERT and its intakes).
/// Proofs reach up to the newest checkpoint; an entry after it waits for the next one.
struct LedgerController {
    let store: PostgresIncidentStore
    let key: CheckpointKey
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("audit/checkpoint", use: checkpoint)
        group.get("audit/key") { _, context -> Response in
            _ = try context.require(.producer, .consumer, .admin, .auditor)
            return Self.text(key.verifierKey + "\n")
        }
        group.get("audit/entries/:index", use: entry)
        group.get("audit/proof/inclusion", use: inclusion)
        group.get("audit/proof/consistency", use: consistency)
    }

    @Sendable func checkpoint(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try context.require(.producer, .consumer, .admin, .auditor)
        let size = try Self.count(request, "size", minimum: 1)
        guard let checkpoint = try await store.checkpoint(size: size) else {
            throw Problem(
                .notFound, "no-checkpoint", title: "No such checkpoint",
                detail: size == nil ? "No checkpoint has been signed yet." : "No checkpoint was signed at this size.")
        }
        return Self.text(checkpoint.note)
    }

    @Sendable func entry(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let principal = try context.require(.producer, .consumer, .admin, .auditor)
        guard let index = context.parameters.get("index").flatMap(Int64.init), index >= 0,
            let entry = try await store.ledgerEntry(index: index), mayRead(entry, principal)
        else { throw Self.noEntry }
        return try JSONResponse.make(.ok, JSONValue.object(["entry": entry.jsonValue, "leaf_hash": .string(entry.leafHash.base64)]))
    }

    @Sendable func inclusion(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let principal = try context.require(.producer, .consumer, .admin, .auditor)
        guard let index = try Self.count(request, "index", minimum: 0) else {
            throw Problem.badRequest("invalid-parameter", "index is required: the entry's index.", pointer: "index")
        }
        guard let entry = try await store.ledgerEntry(index: index), mayRead(entry, principal) else { throw Self.noEntry }
        let checkpoint = try await sealedCheckpoint(covering: index)
        let size = try Self.count(request, "size", minimum: 1) ?? checkpoint.size
        guard index < size, size <= checkpoint.size else {
            throw Problem.badRequest(
                "invalid-parameter", "size must be above the index and at most the newest checkpoint's size.", pointer: "size")
        }
        guard let hashes = try await store.ledgerHashes(of: MerkleTree.inclusionRanges(index: index, size: size)) else {
            throw Self.treeIncomplete
        }
        var answer: [String: JSONValue] = [
            "index": .number(Double(index)), "tree_size": .number(Double(size)), "leaf_hash": .string(entry.leafHash.base64),
            "hashes": .array(hashes.map { .string($0.base64) }), "entry": entry.jsonValue,
        ]
        if let signed = try await store.checkpoint(size: size) { answer["checkpoint"] = .string(signed.note) }
        return try JSONResponse.make(.ok, JSONValue.object(answer))
    }

    @Sendable func consistency(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try context.require(.producer, .consumer, .admin, .auditor)
        guard let from = try Self.count(request, "from", minimum: 1), let to = try Self.count(request, "to", minimum: 1), from <= to else {
            throw Problem.badRequest("invalid-parameter", "from and to are tree sizes, 1 ≤ from ≤ to.", pointer: "from")
        }
        let newest = try await store.checkpoint()
        guard let newest, to <= newest.size else {
            throw Problem.badRequest("invalid-parameter", "to must be at most the newest checkpoint's size.", pointer: "to")
        }
        guard let hashes = try await store.ledgerHashes(of: MerkleTree.consistencyRanges(from: from, to: to)) else {
            throw Self.treeIncomplete
        }
        return try JSONResponse.make(
            .ok,
            JSONValue.object([
                "from": .number(Double(from)), "to": .number(Double(to)), "hashes": .array(hashes.map { .string($0.base64) }),
            ]))
    }

    /// The operator's admins and auditors read every entry; anyone else the entries whose
    /// actor is their organisation. Others are answered as absent.
    private func mayRead(_ entry: LedgerEntry, _ principal: Principal) -> Bool {
        if [.admin, .auditor].contains(principal.role), principal.organisation == governance.operatorOrganisation { return true }
        return entry.actor != "gateway" && entry.actor == principal.organisation
    }

    private func sealedCheckpoint(covering index: Int64) async throws -> Checkpoint {
        guard let checkpoint = try await store.checkpoint(), index < checkpoint.size else {
            throw Problem(
                .notFound, "not-sealed-yet", title: "Not in a checkpoint yet",
                detail: "The entry exists but no checkpoint covers it yet; ask again after the next checkpoint.")
        }
        return checkpoint
    }

    private static let noEntry = Problem(.notFound, "not-found", title: "No such entry", detail: "No ledger entry with this index is yours to read.")
    private static let treeIncomplete = Problem(
        .internalServerError, "ledger-incomplete", title: "Ledger incomplete",
        detail: "A node of the sealed tree is missing; run liaison audit verify.")

    private static func count(_ request: Request, _ name: String, minimum: Int64) throws -> Int64? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard text.count <= 19, let value = Int64(text), value >= minimum else {
            throw Problem.badRequest("invalid-parameter", "\(name) must be a whole number of at least \(minimum).", pointer: name)
        }
        return value
    }

    static func text(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The ledger over HTTP: a receipt names its entry; once a checkpoint covers it, the CERT
/// gets an inclusion proof that checks against the signed checkpoint, with the key served
/// beside it; consistency between checkpoints; who may read what.
@Suite(.timeLimit(.minutes(5))) struct LedgerAPITests {
    static func hashes(_ answer: RouterAnswer) -> [TreeHash] {
        ((answer.json["hashes"] as? [String]) ?? []).compactMap(TreeHash.init(base64:))
    }

    @Test("A receipt's ledger index gets an inclusion proof that verifies against the signed checkpoint")
    func inclusionForAReceipt() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let other = try await db.store.createAPIKey(organisation: "other-cert", role: .producer).key
            let auditor = try await db.store.createAPIKey(organisation: "operator", role: .auditor, person: "Ida Auditor").key
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [GatewayFixture.agreement(webhookURL: nil)])
            dependencies.governance = AgreementGovernance(operatorOrganisation: "operator")
            let app = Application(router: buildRouter(dependencies))

            let pushed = try await postEvents(app, key: producer, body: Array(GatewayFixture.event().utf8))
            #expect(pushed.status == .created, "\(pushed.text)")
            let index = try #require(pushed.json["ledger_index"] as? Int)
            let waiting = try await routerRequest(app, .get, "/v1/audit/proof/inclusion?index=\(index)", key: producer)
            #expect(waiting.status == .notFound && waiting.text.contains("not-sealed-yet"))

            let key = db.store.signer.checkpointKey(name: dependencies.ledgerOrigin)
            let sealed = try #require(try await db.store.sealLedger(key: key))
            let checkpointText = try await routerRequest(app, .get, "/v1/audit/checkpoint", key: producer)
            #expect(checkpointText.status == .ok && checkpointText.contentType?.hasPrefix("text/plain") == true)
            let checkpoint = try Checkpoint(note: checkpointText.text)
            #expect(checkpoint == sealed)
            let vkey = try await routerRequest(app, .get, "/v1/audit/key", key: producer)
            let verifier = try #require(CheckpointKey(verifierKey: vkey.text.trimmingCharacters(in: .newlines)))
            #expect(verifier.verifies(checkpoint))

            let proof = try await routerRequest(app, .get, "/v1/audit/proof/inclusion?index=\(index)", key: producer)
            #expect(proof.status == .ok, "\(proof.text)")
            let entry = try #require(proof.json["entry"] as? [String: Any])
            #expect(entry["actor"] as? String == "cert" && entry["action"] as? String == "intake")
            #expect((entry["subject"] as? String)?.hasSuffix(pushed.json["receipt_id"] as? String ?? "-") == true)
            // The leaf is the canonical JSON of the entry without its index, rebuilt here from the answer.
            var leafMembers = entry
            leafMembers.removeValue(forKey: "index")
            let leafValue = try CanonicalJSON.decode(JSONValue.self, from: try JSONSerialization.data(withJSONObject: leafMembers))
            let leaf = TreeHash.leaf(leafValue.canonicalBytes)
            #expect(leaf.base64 == proof.json["leaf_hash"] as? String)
            #expect(proof.json["tree_size"] as? Int == Int(checkpoint.size) && proof.json["checkpoint"] as? String == checkpoint.note)
            #expect(MerkleTree.verifyInclusion(
                leaf: leaf, index: Int64(index), size: checkpoint.size, proof: Self.hashes(proof), root: checkpoint.root))

            // Another producer is told there is no such entry; the operator's auditor reads it.
            #expect(try await routerRequest(app, .get, "/v1/audit/proof/inclusion?index=\(index)", key: other).status == .notFound)
            #expect(try await routerRequest(app, .get, "/v1/audit/entries/\(index)", key: other).status == .notFound)
            #expect(try await routerRequest(app, .get, "/v1/audit/entries/\(index)", key: auditor).status == .ok)
            #expect(try await routerRequest(app, .get, "/v1/audit/checkpoint", key: nil).status == .unauthorized)
        }
    }

    @Test("Consistency proofs link every checkpoint to the next; bad parameters are 400 problems")
    func consistency() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let auditor = try await db.store.createAPIKey(organisation: "operator", role: .auditor, person: "Ida Auditor").key
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.governance = AgreementGovernance(operatorOrganisation: "operator")
            let app = Application(router: buildRouter(dependencies))
            let key = db.store.signer.checkpointKey(name: dependencies.ledgerOrigin)
            var checkpoints: [Checkpoint] = []
            for round in 0..<4 {
                for n in 0..<(round * 3 + 2) {
                    try await db.store.audit(by: AuditActor(organisation: "operator"), action: "check", subject: "s\(round)-\(n)", details: [:])
                }
                checkpoints.append(try #require(try await db.store.sealLedger(key: key)))
            }
            for (old, new) in zip(checkpoints, checkpoints.dropFirst()) {
                let answer = try await routerRequest(
                    app, .get, "/v1/audit/proof/consistency?from=\(old.size)&to=\(new.size)", key: auditor)
                #expect(answer.status == .ok, "\(answer.text)")
                #expect(MerkleTree.verifyConsistency(
                    from: old.size, to: new.size, proof: Self.hashes(answer), oldRoot: old.root, newRoot: new.root))
                let historic = try await routerRequest(app, .get, "/v1/audit/checkpoint?size=\(old.size)", key: auditor)
                #expect(historic.text == old.note)
            }
            let newest = try #require(checkpoints.last)
            for query in [
                "proof/consistency?from=3&to=2", "proof/consistency?from=0&to=2", "proof/consistency?from=1&to=\(newest.size + 1)",
                "proof/consistency?from=x&to=2", "proof/inclusion", "proof/inclusion?index=-1",
                "proof/inclusion?index=0&size=\(newest.size + 1)", "proof/inclusion?index=5&size=5",
                "checkpoint?size=99999999999999999999",
            ] {
                let answer = try await routerRequest(app, .get, "/v1/audit/" + query, key: auditor)
                #expect(answer.status == .badRequest && answer.contentType == "application/problem+json", "\(query): \(answer.text)")
            }
            #expect(try await routerRequest(app, .get, "/v1/audit/checkpoint?size=4", key: auditor).status == .notFound)
            #expect(try await routerRequest(app, .get, "/v1/audit/entries/\(newest.size + 5)", key: auditor).status == .notFound)
        }
    }
}

import Crypto
import Foundation

/// Checks an evidence package (``EvidencePackage``) offline: its signature, its checkpoint,
/// every ledger entry's inclusion proof, and that each projection and each custody record is
/// bound to a ledger entry. Pure; answers what failed, in order.
public enum EvidenceVerifier {
    public struct Report: Sendable {
        public var problems: [String] = []
        public var entries = 0
        public var disclosures = 0
        public var custody = 0
        public var receipts = 0
        public var checkpointSize: Int64 = 0
    }

    /// `trusted`: the gateway's key as obtained separately; without it, the package's own key
    /// is used and the report says so.
    public static func verify(_ document: JSONValue, trusted: ReceiptPublicKey? = nil) -> Report {
        var report = Report()
        guard case .object(var members) = document, members["format"] == .string(EvidencePackage.format) else {
            report.problems.append("not a \(EvidencePackage.format) package")
            return report
        }
        // 1. The package's signature.
        guard case .object(let keys)? = members["keys"], case .string(let x)? = jwkMember(keys, "x"),
            let raw = Base64URL.decode(x), let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            report.problems.append("keys.jwk is not an Ed25519 key")
            return report
        }
        if let trusted, trusted.x != x { report.problems.append("keys.jwk is not the trusted key \(trusted.kid)") }
        let signature = members.removeValue(forKey: "signature")
        // The signature object itself is outside what it signs: its algorithm and key id must be
        // exactly the key's, and its value the one encoding of the signature's bytes.
        let receiptKey = ReceiptPublicKey(raw: Array(publicKey.rawRepresentation))
        guard case .object(let signatureMembers)? = signature, signatureMembers.count == 3,
            signatureMembers["alg"] == .string("Ed25519"), signatureMembers["kid"] == .string(receiptKey.kid),
            case .string(let value)? = signatureMembers["value"], let signatureBytes = Base64URL.decode(value),
            Base64URL.encode(signatureBytes) == value,
            publicKey.isValidSignature(signatureBytes, for: JSONValue.object(members).canonicalBytes)
        else {
            report.problems.append("the package's signature does not verify: it was changed after the gateway signed it")
            return report
        }
        // 2. The checkpoint, signed by the same key.
        guard case .string(let vkey)? = keys["checkpoint_key"], let checkpointKey = CheckpointKey(verifierKey: vkey),
            checkpointKey.publicKey.rawRepresentation == publicKey.rawRepresentation,
            case .string(let note)? = members["checkpoint"], let checkpoint = try? Checkpoint(note: note), checkpointKey.verifies(checkpoint)
        else {
            report.problems.append("the checkpoint is not signed by the package's key")
            return report
        }
        report.checkpointSize = checkpoint.size
        // 3. Each ledger entry is in the checkpoint's tree.
        var entries: [LedgerEntry] = []
        for (position, item) in (members["ledger"]?.arrayValue ?? []).enumerated() {
            guard let entry = ledgerEntry(item["entry"]), case .string(let stated)? = item["leaf_hash"],
                let proof = item["proof"]?.arrayValue?.compactMap({ $0.stringValue.flatMap(TreeHash.init(base64:)) })
            else {
                report.problems.append("ledger[\(position)] is malformed")
                continue
            }
            let leaf = entry.leafHash
            if leaf.base64 != stated {
                report.problems.append("ledger entry \(entry.index) does not hash to its leaf_hash: the entry was changed")
            } else if !MerkleTree.verifyInclusion(leaf: leaf, index: entry.index, size: checkpoint.size, proof: proof, root: checkpoint.root) {
                report.problems.append("ledger entry \(entry.index) is not in the tree the checkpoint signs")
            } else {
                entries.append(entry)
            }
        }
        report.entries = entries.count
        // 4. Each disclosure is recorded by a proven "disclose" entry of this incident, to this
        //    recipient, of this version; a projection given is the one that entry digested.
        guard case .string(let incident)? = members["incident_id"] else {
            report.problems.append("incident_id is missing")
            return report
        }
        for (position, item) in (members["disclosures"]?.arrayValue ?? []).enumerated() {
            guard case .string(let stated)? = item["projection_sha256"], case .string(let consumer)? = item["consumer"],
                case .number(let version)? = item["incident_version"]
            else {
                report.problems.append("disclosures[\(position)] is malformed")
                continue
            }
            if case .string(let projection)? = item["projection"], Data(SHA256.hash(data: Array(projection.utf8))).hexString != stated {
                report.problems.append("disclosures[\(position)]: the projection does not hash to its projection_sha256")
            } else if !entries.contains(where: {
                $0.action == "disclose" && $0.subject.lowercased() == "incident:\(incident.lowercased())"
                    && $0.details["projection_sha256"] == .string(stated) && $0.details["consumer"] == .string(consumer)
                    && $0.details["incident_version"] == .number(version)
            }) {
                report.problems.append("disclosures[\(position)]: no proven ledger entry records this disclosure")
            } else {
                report.disclosures += 1
            }
        }
        // 5. Each custody record is the acquisition a ledger entry recorded.
        for (position, item) in (members["custody"]?.arrayValue ?? []).enumerated() {
            guard case .string(let receipt)? = item["receipt_id"], case .string(let body)? = item["body_sha256"] else {
                report.problems.append("custody[\(position)] is malformed")
                continue
            }
            if entries.contains(where: {
                $0.action == "intake" && $0.subject.lowercased() == "receipt:\(receipt.lowercased())" && $0.details["body_sha256"] == .string(body)
            }) {
                report.custody += 1
            } else {
                report.problems.append("custody[\(position)]: no proven ledger entry records receiving these bytes")
            }
        }
        // 6. Receipts, where present, are signed by the same key.
        for (position, item) in (members["receipts"]?.arrayValue ?? []).enumerated() {
            guard let bytes = try? CanonicalJSON.encode(item), let receipt = try? CanonicalJSON.decode(Receipt.self, from: bytes),
                receiptKey.verifies(receipt)
            else {
                report.problems.append("receipts[\(position)]: the receipt's signature does not verify")
                continue
            }
            report.receipts += 1
        }
        return report
    }

    private static func jwkMember(_ keys: [String: JSONValue], _ name: String) -> JSONValue? {
        guard case .object(let jwk)? = keys["jwk"] else { return nil }
        return jwk[name]
    }

    private static func ledgerEntry(_ value: JSONValue?) -> LedgerEntry? {
        guard case .object(let members)? = value, case .number(let index)? = members["index"], index >= 0, index == index.rounded(),
            case .string(let at)? = members["at"], case .string(let actor)? = members["actor"],
            case .string(let action)? = members["action"], case .string(let subject)? = members["subject"], let details = members["details"]
        else { return nil }
        return LedgerEntry(index: Int64(index), at: at, actor: actor, action: action, subject: subject, details: details)
    }
}


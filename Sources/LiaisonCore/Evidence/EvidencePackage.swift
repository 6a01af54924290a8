/// The evidence package of one incident (`GET /v1/incidents/{id}/evidence`): one JSON
/// document, signed like a receipt, that a court expert checks offline. Its members:
///
/// - `format`: `liaison-evidence/1`; `incident_id`; `consumer` (the recipient whose
///   disclosures it holds, or `*` for the operator's package of all); `assembled_at`;
/// - `keys`: `jwk`, the gateway's Ed25519 key (RFC 8037), and `checkpoint_key`, the same key
///   as a C2SP note verifier key;
/// - `checkpoint`: a signed C2SP tlog-checkpoint covering every ledger entry below;
/// - `disclosures`: each projection as disclosed (`projection`, the exact canonical JSON text;
///   left out of the operator's package) with its `projection_sha256`, recipient, incident
///   version and agreement version;
/// - `custody`: each version's acquisition: receipt id, transport, `body_sha256`, time;
/// - `receipts`: the signed intake receipts (in the operator's package only: a receipt names
///   the producer's other incidents);
/// - `ledger`: the entries that record the acquisition and each disclosure, each with its
///   `leaf_hash` and RFC 9162 inclusion `proof` up to the checkpoint;
/// - `explanation`: how to verify, in prose; `signature`: Ed25519 over the RFC 8785 form of
///   everything else, as receipts are signed.
public enum EvidencePackage {
    public static let format = "liaison-evidence/1"

    public static let explanation = """
        This package is the chain of custody of one incident as the Liaison gateway holds it, in the terms \
        of ISO/IEC 27037. Identification and collection: the producer's submission, named by its receipt \
        and the SHA-256 of the exact bytes received (custody, body_sha256). Acquisition: the ledger entry \
        "intake" that the gateway wrote when it stored them. Preservation: every ledger entry is a leaf of an \
        append-only Merkle tree (RFC 9162); the checkpoint signs the tree's size and root, and each entry's \
        proof shows it is in that tree, so no entry can be changed, removed or reordered without the proofs \
        failing, provided the checkpoint matches one kept outside the gateway (compare it through a \
        consistency proof). Disclosure: each projection is the exact JSON the recipient was given; its SHA-256 \
        is in a ledger entry "disclose" of this incident, recipient and version, written when it was given. To verify with standard tools: (1) check the \
        Ed25519 signature (RFC 8032) of this document over its RFC 8785 canonical form without "signature", \
        with the key in keys.jwk, and compare that key with the one the gateway publishes at \
        /v1/receipts/public-key; (2) check the checkpoint's signature (C2SP signed-note, Ed25519) with \
        keys.checkpoint_key; (3) for each ledger entry, hash the RFC 8785 form of the entry without "index" \
        as SHA-256(0x00 || bytes) and check its proof against the checkpoint's root and size (RFC 9162 \
        section 2.1.3.2); (4) hash each projection's UTF-8 bytes with SHA-256 and find that digest as \
        projection_sha256 in a "disclose" entry; (5) find each custody body_sha256 in an "intake" entry. \
        liaison evidence verify and deploy/local/verify-evidence.py do all of this.
        """
}

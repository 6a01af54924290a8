#!/usr/bin/env python3
"""Verify a Liaison evidence package independently of Liaison.

    python3 deploy/local/verify-evidence.py PACKAGE.json [PUBLIC-KEY.jwk]

PACKAGE.json is what GET /v1/incidents/{id}/evidence answered; PUBLIC-KEY.jwk, if given, is
the gateway's key as GET /v1/receipts/public-key gives it, obtained separately (without it the
package's own key is used: integrity, but not origin). Checks, with Python's standard library
and the 'cryptography' package (Debian: python3-cryptography):

1. the package's Ed25519 signature over its RFC 8785 (JCS) form without "signature";
2. the checkpoint (C2SP signed-note, tlog-checkpoint) signed by the same key;
3. each ledger entry: SHA-256(0x00 || JCS(entry without "index")) equals its leaf_hash, and its
   RFC 9162 inclusion proof leads to the checkpoint's root;
4. each projection's SHA-256 is the projection_sha256 of a proven "disclose" entry;
5. each custody record's body_sha256 is in a proven "intake" entry for its receipt.

The package holds only strings, integers, arrays and objects with ASCII member names, for which
Python's sorted, compact, non-ASCII-preserving json.dumps is exactly JCS.
Exits 0 when everything holds, 1 otherwise, printing each problem.
"""
import base64, hashlib, json, sys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jcs(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf, index, size, proof, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def check_checkpoint(note, vkey, public_key):
    """C2SP signed-note: text, blank line, '— name base64(key id || signature)'."""
    name, key_id_hex, key_b64 = vkey.split("+")
    raw = base64.b64decode(key_b64)
    if raw[0] != 1 or raw[1:] != public_key:
        return None
    key_id = hashlib.sha256(name.encode() + b"\n\x01" + raw[1:]).digest()[:4]
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    origin, size, root = text.split("\n")[:3]
    if origin != name:
        return None
    for line in signatures.splitlines():
        if not line.startswith("\u2014 "):
            continue
        signer, value = line[2:].split(" ")
        blob = base64.b64decode(value)
        if signer == name and blob[:4] == key_id:
            try:
                Ed25519PublicKey.from_public_bytes(public_key).verify(blob[4:], text.encode("utf-8"))
                return int(size), base64.b64decode(root)
            except InvalidSignature:
                return None
    return None


def no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a JSON object repeats a member name")
    return dict(pairs)


def no_floats(text):
    raise ValueError("the package holds a number that is not an integer: not the JCS subset this script reads")


def main():
    package = json.load(open(sys.argv[1], encoding="utf-8"), object_pairs_hook=no_duplicates, parse_float=no_floats)
    problems = []
    jwk = package["keys"]["jwk"]
    public_key = b64url(jwk["x"])
    if len(sys.argv) > 2:
        trusted = json.load(open(sys.argv[2], encoding="utf-8"))
        if trusted.get("x") != jwk["x"]:
            problems.append("the package's key is not the trusted key")
    signature = package.pop("signature")
    thumbprint = jcs({"crv": "Ed25519", "kty": "OKP", "x": jwk["x"]})
    kid = base64.urlsafe_b64encode(hashlib.sha256(thumbprint).digest()).decode().rstrip("=")
    if sorted(signature) != ["alg", "kid", "value"] or signature["alg"] != "Ed25519" or signature["kid"] != kid:
        print("the package's signature does not name the package's key")
        return 1
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(b64url(signature["value"]), jcs(package))
    except InvalidSignature:
        print("the package's signature is INVALID: it was changed after the gateway signed it")
        return 1
    checkpoint = check_checkpoint(package["checkpoint"], package["keys"]["checkpoint_key"], public_key)
    if checkpoint is None:
        print("the checkpoint is not signed by the package's key")
        return 1
    size, root = checkpoint
    proven = []
    for item in package["ledger"]:
        entry = dict(item["entry"])
        index = entry.pop("index")
        if not isinstance(index, int) or index < 0:
            problems.append("a ledger entry's index is not a whole number")
            continue
        leaf = hashlib.sha256(b"\x00" + jcs(entry)).digest()
        if base64.b64encode(leaf).decode() != item["leaf_hash"]:
            problems.append("ledger entry %d does not hash to its leaf_hash" % index)
        elif not verify_inclusion(leaf, index, size, [base64.b64decode(h) for h in item["proof"]], root):
            problems.append("ledger entry %d is not in the tree the checkpoint signs" % index)
        else:
            proven.append(entry)
    subject = "incident:" + package["incident_id"].lower()
    for position, disclosure in enumerate(package["disclosures"]):
        digest = disclosure["projection_sha256"]
        if "projection" in disclosure and hashlib.sha256(disclosure["projection"].encode("utf-8")).hexdigest() != digest:
            problems.append("disclosures[%d]: the projection does not hash to its projection_sha256" % position)
        elif not any(e["action"] == "disclose" and e["subject"].lower() == subject
                     and e["details"].get("projection_sha256") == digest
                     and e["details"].get("consumer") == disclosure["consumer"]
                     and e["details"].get("incident_version") == disclosure["incident_version"] for e in proven):
            problems.append("disclosures[%d]: no proven ledger entry records this disclosure" % position)
    for position, custody in enumerate(package["custody"]):
        subject = "receipt:" + custody["receipt_id"].lower()
        if not any(e["action"] == "intake" and e["subject"].lower() == subject
                   and e["details"].get("body_sha256") == custody["body_sha256"] for e in proven):
            problems.append("custody[%d]: no proven ledger entry records receiving these bytes" % position)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    if len(sys.argv) <= 2:
        print("key not pinned: give the gateway's key (GET /v1/receipts/public-key) as the second argument")
    print("valid: %d disclosures, %d custody records, %d ledger entries in the checkpoint of %d"
          % (len(package["disclosures"]), len(package["custody"]), len(proven), size))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Verify a Liaison receipt's Ed25519 signature independently of Liaison.

    python3 deploy/local/verify-receipt.py RECEIPT.json PUBLIC-KEY.jwk

RECEIPT.json is a receipt as the gateway answered it; PUBLIC-KEY.jwk is the gateway's key as
GET /v1/receipts/public-key gives it. The signature covers the RFC 8785 (JCS) canonical JSON
of the receipt without its "signature" member. Receipts hold only strings, integers, arrays
and objects with ASCII member names, for which Python's sorted, compact, non-ASCII-preserving
json.dumps is exactly JCS. Needs the 'cryptography' package (Debian: python3-cryptography).
Exits 0 when the signature is valid, 1 when it is not.
"""
import base64, json, sys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main():
    receipt = json.load(open(sys.argv[1], encoding="utf-8"))
    jwk = json.load(open(sys.argv[2], encoding="utf-8"))
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        sys.exit("not an Ed25519 JWK")
    signature = receipt.pop("signature", None)
    if not signature or signature.get("alg") != "Ed25519":
        print("no Ed25519 signature")
        return 1
    canonical = json.dumps(receipt, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    try:
        Ed25519PublicKey.from_public_bytes(b64url(jwk["x"])).verify(b64url(signature["value"]), canonical)
    except InvalidSignature:
        print("signature INVALID")
        return 1
    print("signature valid, key", jwk.get("kid"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

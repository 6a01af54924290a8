-- Client-certificate authentication (issue 15): a key may be bound to a client certificate,
-- named by the SHA-256 of its DER encoding (lower-case hex). A request on the gateway's TLS
-- listener that presents that certificate (verified against tls.client_ca) and no
-- Authorization header authenticates as the key: its organisation, role and person, its
-- expiry and revocation. Such a key has no bearer secret anyone holds: its key_hash is of a
-- random value that is never shown. The certificate itself is not stored.
ALTER TABLE api_keys ADD COLUMN client_certificate_sha256 text
    CHECK (client_certificate_sha256 ~ '^[0-9a-f]{64}$');
-- One live binding per certificate, so a certificate names one caller.
CREATE UNIQUE INDEX api_keys_client_certificate ON api_keys (client_certificate_sha256)
    WHERE client_certificate_sha256 IS NOT NULL AND revoked_at IS NULL;

-- Sessions of the administrators' console (/console/): a person signs in with their own admin
-- or auditor key and gets a random session token in a cookie. Only the token's SHA-256 is
-- stored, so a copy of this table opens no session. Every replica reads the same rows, so a
-- session works whichever replica answers. A session ends at sign-out, after its idle timeout
-- (last_seen_at), at its absolute end (expires_at), or as soon as its key is revoked, expires
-- or is deleted.

CREATE TABLE console_sessions (
    token_hash    bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    key_id        uuid NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX console_sessions_key ON console_sessions (key_id);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);

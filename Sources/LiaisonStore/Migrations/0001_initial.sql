-- The walking skeleton's schema: organisations and their keys, incidents with their
-- custody records, the personal-data vault, agreements, the delivery outbox, receipts
-- and the append-only audit trail.

CREATE TABLE organisations (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id          uuid PRIMARY KEY,
    org_id      text NOT NULL REFERENCES organisations (id),
    role        text NOT NULL CHECK (role IN ('producer', 'consumer', 'admin', 'auditor')),
    -- SHA-256 of the whole key; the key itself is shown once and never stored.
    key_hash    bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE TABLE receipts (
    id               uuid PRIMARY KEY,
    producer         text NOT NULL REFERENCES organisations (id),
    transport        text NOT NULL CHECK (transport IN ('http-events', 'http-stix', 'taxii', 'http-email', 'mail-pipe')),
    idempotency_key  text,
    body_sha256      bytea NOT NULL CHECK (length(body_sha256) = 32),
    received_at      timestamptz NOT NULL,
    -- The receipt exactly as first answered, so a retried push returns it again.
    document         jsonb NOT NULL,
    UNIQUE (producer, idempotency_key)
);

CREATE TABLE incidents (
    id                       uuid PRIMARY KEY,
    producer                 text NOT NULL REFERENCES organisations (id),
    natural_key              text NOT NULL,
    received_at              timestamptz NOT NULL,
    classification_taxonomy  text NOT NULL,
    classification_type      text NOT NULL,
    tlp                      text NOT NULL CHECK (tlp IN ('TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED')),
    title                    text NOT NULL,
    description              text NOT NULL,
    first_seen               timestamptz,
    last_seen                timestamptz,
    -- Observables and redactions hold tokens in place of personal data.
    observables              jsonb NOT NULL,
    redactions               jsonb NOT NULL,
    UNIQUE (producer, natural_key)
);

CREATE TABLE custody_records (
    incident_id  uuid PRIMARY KEY REFERENCES incidents (id),
    receipt_id   uuid NOT NULL REFERENCES receipts (id),
    producer     text NOT NULL REFERENCES organisations (id),
    transport    text NOT NULL,
    body_sha256  bytea NOT NULL CHECK (length(body_sha256) = 32),
    received_at  timestamptz NOT NULL
);

CREATE TABLE vault_entries (
    token         text PRIMARY KEY,
    incident_id   uuid NOT NULL REFERENCES incidents (id),
    kind          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('offender', 'victim', 'infrastructure', 'unknown')),
    key_id        text NOT NULL,
    -- AES-256-GCM: 12-byte nonce, ciphertext, 16-byte tag, as one combined value.
    sealed        bytea NOT NULL,
    -- HMAC-SHA256 of kind and normalised value, to find a person's entries without decrypting.
    lookup_hash   bytea NOT NULL,
    retain_until  timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vault_entries_lookup ON vault_entries (lookup_hash);
CREATE INDEX vault_entries_incident ON vault_entries (incident_id);

CREATE TABLE agreements (
    id          text PRIMARY KEY,
    producer    text NOT NULL REFERENCES organisations (id),
    consumer    text NOT NULL REFERENCES organisations (id),
    -- SHA-256 of the agreement file as loaded, to show which text was in force.
    sha256      bytea NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per (incident, agreement) that shares it: the consumer's feed (ordered by seq)
-- and, where the agreement has a webhook, the push outbox.
CREATE TABLE deliveries (
    seq              bigserial UNIQUE,
    id               uuid PRIMARY KEY,
    incident_id      uuid NOT NULL REFERENCES incidents (id),
    agreement_id     text NOT NULL REFERENCES agreements (id),
    consumer         text NOT NULL REFERENCES organisations (id),
    status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'pull-only')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (incident_id, agreement_id)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_feed ON deliveries (consumer, seq);

-- Append-only: each row chains the SHA-256 of the one before (LED Art. 25 logging).
CREATE TABLE audit_log (
    seq        bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text NOT NULL,
    action     text NOT NULL,
    subject    text NOT NULL,
    details    jsonb NOT NULL DEFAULT '{}',
    prev_hash  bytea NOT NULL,
    hash       bytea NOT NULL
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

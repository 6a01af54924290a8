-- Accountability (issue 14): who received which incident version, when, under which
-- agreement version, by which transport and for what purpose; and which vault entries were
-- erased.
--
-- disclosures: one row per 'disclose' entry of the audit trail, written in the same
-- transaction as the entry whose seq it names. The audit entry stays the evidence; this is
-- its index, so that a producer's "who received my incidents" and a data-protection report
-- read a few rows instead of scanning the trail. The reading person is in the audit entry
-- only: producers are shown organisations, not officers.
CREATE TABLE disclosures (
    audit_seq          bigint PRIMARY KEY REFERENCES audit_log (seq),
    at                 timestamptz NOT NULL,
    incident_id        uuid NOT NULL REFERENCES incidents (id),
    incident_version   integer NOT NULL,
    producer           text NOT NULL REFERENCES organisations (id),
    consumer           text NOT NULL REFERENCES organisations (id),
    agreement_id       text NOT NULL,
    -- SHA-256 of the agreement version's document; NULL for disclosures made before versions
    -- were recorded (migration 0008).
    agreement_version  bytea,
    delivery_id        uuid,
    transport          text NOT NULL,
    -- request: the reader stated it (case, basis); agreement: a push, under the agreement's
    -- stated purpose (statement, basis); none: a read that needed none and stated none, or a
    -- disclosure made before purposes were recorded.
    purpose_source     text NOT NULL CHECK (purpose_source IN ('request', 'agreement', 'none')),
    purpose_case       text CHECK (length(purpose_case) BETWEEN 1 AND 128),
    purpose_basis      text,
    purpose_statement  text
);
CREATE INDEX disclosures_by_producer ON disclosures (producer, audit_seq);
CREATE INDEX disclosures_by_incident ON disclosures (incident_id, audit_seq);

CREATE FUNCTION disclosures_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'disclosures are append-only, as the audit trail they index'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
    FOR EACH ROW EXECUTE FUNCTION disclosures_refuse_change();
CREATE TRIGGER disclosures_not_truncated BEFORE TRUNCATE ON disclosures
    FOR EACH STATEMENT EXECUTE FUNCTION disclosures_refuse_change();

-- The disclosures audited so far, one incident each (entries before incident versions
-- existed disclosed version 1). The walking skeleton's feed entries, which named several
-- incidents per entry and no agreement, are not carried over.
INSERT INTO disclosures (audit_seq, at, incident_id, incident_version, producer, consumer, agreement_id,
                         agreement_version, delivery_id, transport, purpose_source)
SELECT a.seq, a.at, i.id, coalesce((a.details ->> 'incident_version')::integer, 1), i.producer, c.id,
       a.details ->> 'agreement', decode(nullif(a.details ->> 'agreement_version', ''), 'hex'),
       (a.details ->> 'delivery')::uuid, coalesce(a.details ->> 'transport', 'unknown'), 'none'
FROM audit_log a
JOIN incidents i ON a.subject = 'incident:' || i.id::text
JOIN organisations c ON c.id = a.details ->> 'consumer'
WHERE a.action = 'disclose' AND a.details ? 'agreement';

-- vault_erasures: what an erasure deleted — the token, its incident, kind and role, the
-- value's keyed lookup hash and when — so that a later report on the same value can say
-- that it was held, by which incidents, that it was erased and what was disclosed before.
-- The value itself is gone; only a holder of the gateway's lookup key who already knows
-- the value can find these rows. Purged entries (retention) leave no such row. Not
-- append-only: this is an index of the 'erase' audit entries, not evidence of its own.
CREATE TABLE vault_erasures (
    token        text PRIMARY KEY,
    incident_id  uuid NOT NULL REFERENCES incidents (id),
    kind         text NOT NULL,
    role         text NOT NULL CHECK (role IN ('offender', 'victim', 'infrastructure', 'unknown')),
    lookup_hash  bytea NOT NULL,
    held_since   timestamptz NOT NULL,
    erased_at    timestamptz NOT NULL
);
CREATE INDEX vault_erasures_lookup ON vault_erasures (lookup_hash);

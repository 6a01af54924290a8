-- A disclosure is decided once, when an incident version is shared, under the agreement
-- version in force then, and is rendered under exactly that version for as long as it is
-- read: a later version never widens what was already shared.
--
-- agreement_documents keeps each agreement version's document (canonical JSON, whose
-- SHA-256 is the version's identity), by content, and its secrets (pseudonym key, webhook
-- secret) sealed under the vault key, so pseudonyms render the same later. A delivery
-- names the document that decided it. Deliveries made before this migration have none and
-- render under the agreement's current version.

CREATE TABLE agreement_documents (
    agreement_id    text NOT NULL REFERENCES agreements (id),
    sha256          bytea NOT NULL CHECK (length(sha256) = 32),
    document        text NOT NULL,
    -- AES-256-GCM under vault key key_id, bound to the agreement id and document hash.
    secrets_sealed  bytea,
    key_id          text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, sha256),
    CHECK ((secrets_sealed IS NULL) = (key_id IS NULL))
);

-- A document is evidence of the rules that applied: never removed, never changed. Only its
-- sealed secrets may be re-sealed under a new vault key.
CREATE FUNCTION agreement_documents_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.agreement_id = OLD.agreement_id AND NEW.sha256 = OLD.sha256
       AND NEW.document = OLD.document THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'agreement documents are never removed and never change'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER agreement_documents_kept BEFORE UPDATE OR DELETE ON agreement_documents
    FOR EACH ROW EXECUTE FUNCTION agreement_documents_refuse_change();
CREATE TRIGGER agreement_documents_not_truncated BEFORE TRUNCATE ON agreement_documents
    FOR EACH STATEMENT EXECUTE FUNCTION agreement_documents_refuse_change();

ALTER TABLE deliveries ADD COLUMN agreement_version bytea
    CHECK (agreement_version IS NULL OR length(agreement_version) = 32);

-- 'withheld': a pending delivery whose agreement was suspended, terminated or removed
-- before it was sent; last_error holds the reason.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('pending', 'delivered', 'dead', 'pull-only', 'withheld'));

-- Every delivery an INSERT statement wrote names a recorded document of its agreement;
-- checked once per distinct pair, as migration 0006 checks the other references.
CREATE FUNCTION check_agreement_documents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    EXECUTE format(
        'SELECT n.agreement_id FROM (SELECT DISTINCT agreement_id, agreement_version FROM inserted
                                     WHERE agreement_version IS NOT NULL) n
         WHERE NOT EXISTS (SELECT 1 FROM %I.agreement_documents v
                           WHERE v.agreement_id = n.agreement_id AND v.sha256 = n.agreement_version) LIMIT 1',
        TG_TABLE_SCHEMA) INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert into deliveries names a document of agreement % that is not recorded', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deliveries_agreement_version_exists AFTER INSERT ON deliveries REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION check_agreement_documents();
CREATE TRIGGER deliveries_agreement_version_kept BEFORE UPDATE OF agreement_version ON deliveries
    FOR EACH ROW EXECUTE FUNCTION refuse_new_reference('agreement_version');

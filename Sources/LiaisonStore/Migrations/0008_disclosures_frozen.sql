-- A disclosure is decided once, when an incident version is shared, under the agreement
-- version in force then, and is rendered under exactly that version for as long as it is
-- read: a later version never widens what was already shared.
--
-- agreement_versions keeps each version's rules (its canonical policy document, whose
-- SHA-256 is the version's identity) and its pseudonym key, sealed under the vault key,
-- so pseudonyms render the same later. A delivery names the version that decided it.
-- Deliveries made before this migration have no version and render under the agreement's
-- current one.

CREATE TABLE agreement_versions (
    agreement_id          text NOT NULL REFERENCES agreements (id),
    sha256                bytea NOT NULL CHECK (length(sha256) = 32),
    document              text NOT NULL,
    -- AES-256-GCM under vault key key_id, bound to the agreement id and version.
    pseudonym_key_sealed  bytea,
    key_id                text,
    registered_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, sha256),
    CHECK ((pseudonym_key_sealed IS NULL) = (key_id IS NULL))
);

-- A version is evidence of the rules that applied: never removed, its rules never
-- changed. Only its sealed key may be re-sealed under a new vault key.
CREATE FUNCTION agreement_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.agreement_id = OLD.agreement_id AND NEW.sha256 = OLD.sha256
       AND NEW.document = OLD.document THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'agreement versions are never removed and their rules never change'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER agreement_versions_kept BEFORE UPDATE OR DELETE ON agreement_versions
    FOR EACH ROW EXECUTE FUNCTION agreement_versions_refuse_change();
CREATE TRIGGER agreement_versions_not_truncated BEFORE TRUNCATE ON agreement_versions
    FOR EACH STATEMENT EXECUTE FUNCTION agreement_versions_refuse_change();

ALTER TABLE deliveries ADD COLUMN agreement_version bytea
    CHECK (agreement_version IS NULL OR length(agreement_version) = 32);

-- 'withheld': a pending delivery whose agreement was suspended, terminated or removed
-- before it was sent; last_error holds the reason.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('pending', 'delivered', 'dead', 'pull-only', 'withheld'));

-- Every delivery an INSERT statement wrote names a recorded version of its agreement;
-- checked once per distinct pair, as migration 0006 checks the other references.
CREATE FUNCTION check_agreement_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    EXECUTE format(
        'SELECT n.agreement_id FROM (SELECT DISTINCT agreement_id, agreement_version FROM inserted
                                     WHERE agreement_version IS NOT NULL) n
         WHERE NOT EXISTS (SELECT 1 FROM %I.agreement_versions v
                           WHERE v.agreement_id = n.agreement_id AND v.sha256 = n.agreement_version) LIMIT 1',
        TG_TABLE_SCHEMA) INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert into deliveries names a version of agreement % that is not recorded', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deliveries_agreement_version_exists AFTER INSERT ON deliveries REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION check_agreement_versions();
CREATE TRIGGER deliveries_agreement_version_kept BEFORE UPDATE OF agreement_version ON deliveries
    FOR EACH ROW EXECUTE FUNCTION refuse_new_reference('agreement_version');

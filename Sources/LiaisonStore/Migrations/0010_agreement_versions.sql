-- Agreements become governed records. Each version is a numbered row naming its document
-- (agreement_documents, by content) and its state: draft → proposed → approved (in force
-- from valid_from) → superseded | suspended | terminated | expired, or proposed → rejected.
-- A version's number, document, drafter and proposer never change once proposed; its state
-- moves as the governance rules allow, and every step is a row of agreement_events (who,
-- which organisation, when, why) as well as an audit entry.

CREATE TABLE agreement_versions (
    agreement_id       text NOT NULL REFERENCES agreements (id),
    number             integer NOT NULL CHECK (number >= 1),
    sha256             bytea NOT NULL,
    state              text NOT NULL CHECK (state IN ('draft', 'proposed', 'approved', 'rejected', 'superseded',
                                                      'suspended', 'terminated', 'expired')),
    created_by         text NOT NULL,
    created_by_person  text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    proposed_by        text,
    proposed_by_person text,
    proposed_at        timestamptz,
    reason             text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, number),
    FOREIGN KEY (agreement_id, sha256) REFERENCES agreement_documents (agreement_id, sha256)
);
CREATE INDEX agreement_versions_standing ON agreement_versions (agreement_id)
    WHERE state IN ('approved', 'suspended', 'terminated');

-- Once proposed, a version's content and authorship are fixed; only its state moves.
CREATE FUNCTION agreement_versions_keep_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'agreement versions are never removed' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.state <> 'draft' AND (NEW.sha256 <> OLD.sha256 OR NEW.created_by <> OLD.created_by
        OR NEW.proposed_by IS DISTINCT FROM OLD.proposed_by OR NEW.proposed_by_person IS DISTINCT FROM OLD.proposed_by_person
        OR NEW.reason IS DISTINCT FROM OLD.reason) THEN
        RAISE EXCEPTION 'a proposed agreement version never changes its document or authorship'
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.agreement_id <> OLD.agreement_id OR NEW.number <> OLD.number THEN
        RAISE EXCEPTION 'an agreement version keeps its number' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER agreement_versions_kept BEFORE UPDATE OR DELETE ON agreement_versions
    FOR EACH ROW EXECUTE FUNCTION agreement_versions_keep_content();
CREATE TRIGGER agreement_versions_not_truncated BEFORE TRUNCATE ON agreement_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal();

CREATE TABLE agreement_events (
    seq           bigserial PRIMARY KEY,
    agreement_id  text NOT NULL REFERENCES agreements (id),
    number        integer,
    action        text NOT NULL,
    organisation  text NOT NULL,
    person        text,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    reason        text
);
CREATE INDEX agreement_events_agreement ON agreement_events (agreement_id, seq);
CREATE TRIGGER agreement_events_append_only BEFORE UPDATE OR DELETE ON agreement_events
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER agreement_events_not_truncated BEFORE TRUNCATE ON agreement_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

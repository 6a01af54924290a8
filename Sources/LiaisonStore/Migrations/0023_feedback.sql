-- Feedback back to the CERT (issue 15). A consumer that received an incident answers it:
-- acknowledged, case opened (with its case reference), a request for more information, no
-- action (with the reason) or closed (with the outcome). The words a person wrote are stored
-- as the intake stores free text: each personal value replaced by a token, its plaintext in
-- vault_entries under the incident. Feedback is never changed nor removed; each one is also a
-- ledger entry (which names it, never its text).
CREATE TABLE feedback (
    -- The producer's reading order (GET /v1/feedback, by sealed cursor).
    seq               bigserial UNIQUE,
    id                uuid PRIMARY KEY,
    incident_id       uuid NOT NULL REFERENCES incidents (id),
    incident_version  integer NOT NULL CHECK (incident_version >= 1),
    producer          text NOT NULL REFERENCES organisations (id),
    consumer          text NOT NULL REFERENCES organisations (id),
    -- The disclosure answered: the consumer's latest of that incident when it answered.
    agreement_id      text NOT NULL REFERENCES agreements (id),
    delivery_id       uuid NOT NULL REFERENCES deliveries (id),
    status            text NOT NULL CHECK (status IN ('acknowledged', 'case-opened', 'request-more-information', 'no-action', 'closed')),
    -- The case reference, request, reason or outcome, tokenised; none for `acknowledged`.
    detail            text CHECK (detail IS NULL OR length(detail) BETWEEN 1 AND 20000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'acknowledged') = (detail IS NULL))
);
CREATE INDEX feedback_producer ON feedback (producer, seq);
CREATE INDEX feedback_consumer ON feedback (consumer, incident_id, created_at);
CREATE TRIGGER feedback_append_only BEFORE UPDATE OR DELETE ON feedback
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER feedback_not_truncated BEFORE TRUNCATE ON feedback
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The producer's webhook notice of new feedback, written in the feedback's transaction so
-- that a crash loses none; sent like re-identification notices.
CREATE TABLE feedback_notifications (
    feedback_id      uuid PRIMARY KEY REFERENCES feedback (id),
    producer         text NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    sent_at          timestamptz
);
CREATE INDEX feedback_notifications_due ON feedback_notifications (next_attempt_at) WHERE status = 'pending';

-- Re-identification under four eyes (issue 14). A consumer's named person asks for the
-- plaintext behind one value it received masked, pseudonymised or generalised, for a case and
-- on a legal basis; two distinct persons approve; the value then leaves the vault once, to that
-- person, before a deadline. A request names its value by token, never by value: no plaintext
-- is ever written here.
--
-- A request's content (who asked, which value, where it was seen, the grounds, the rule and
-- the deadlines) never changes; its status moves only forward (pending → approved → retrieved;
-- pending → rejected; pending or approved → expired or erased). Approvals are append-only, and
-- one person approves a request at most once. Every step is also an audit entry.

CREATE TABLE reidentification_requests (
    id                  uuid PRIMARY KEY,
    consumer            text NOT NULL REFERENCES organisations (id),
    consumer_person     text NOT NULL CHECK (length(consumer_person) BETWEEN 1 AND 200),
    producer            text NOT NULL REFERENCES organisations (id),
    incident_id         uuid NOT NULL REFERENCES incidents (id),
    incident_version    integer NOT NULL CHECK (incident_version >= 1),
    agreement_id        text NOT NULL REFERENCES agreements (id),
    delivery_id         uuid NOT NULL REFERENCES deliveries (id),
    token               text NOT NULL CHECK (token ~ '^\[\[pd:[a-z0-9-]+:[0-9a-f]{16}\]\]$'),
    -- Where the consumer saw the value (a JSON Pointer into the projection) and as what.
    pointer             text NOT NULL CHECK (length(pointer) BETWEEN 1 AND 200),
    rendering           text NOT NULL CHECK (rendering IN ('mask', 'pseudonymise', 'generalise')),
    case_reference      text NOT NULL CHECK (length(case_reference) BETWEEN 1 AND 200),
    legal_basis         text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
    justification       text NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
    rule                text NOT NULL CHECK (rule IN ('producer-admin+dpo', 'two-producer-admins')),
    status              text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'retrieved', 'erased')),
    reason              text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    retrieval_deadline  timestamptz,
    closed_at           timestamptz,
    CHECK ((status = 'approved' OR status = 'retrieved') = (retrieval_deadline IS NOT NULL) OR status IN ('expired', 'erased')),
    CHECK ((status IN ('pending', 'approved')) = (closed_at IS NULL)),
    CHECK ((status = 'rejected') = (reason IS NOT NULL))
);
CREATE INDEX reidentification_requests_producer ON reidentification_requests (producer, status, created_at);
CREATE INDEX reidentification_requests_consumer ON reidentification_requests (consumer, consumer_person, created_at);
CREATE INDEX reidentification_requests_open ON reidentification_requests (status) WHERE status IN ('pending', 'approved');

-- The content stays; the status moves forward only, and a final status never moves.
CREATE FUNCTION reidentification_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 're-identification requests are never removed' USING ERRCODE = 'restrict_violation';
    END IF;
    IF (NEW.id, NEW.consumer, NEW.consumer_person, NEW.producer, NEW.incident_id, NEW.incident_version, NEW.agreement_id,
        NEW.delivery_id, NEW.token, NEW.pointer, NEW.rendering, NEW.case_reference, NEW.legal_basis, NEW.justification,
        NEW.rule, NEW.created_at, NEW.expires_at)
       IS DISTINCT FROM
       (OLD.id, OLD.consumer, OLD.consumer_person, OLD.producer, OLD.incident_id, OLD.incident_version, OLD.agreement_id,
        OLD.delivery_id, OLD.token, OLD.pointer, OLD.rendering, OLD.case_reference, OLD.legal_basis, OLD.justification,
        OLD.rule, OLD.created_at, OLD.expires_at) THEN
        RAISE EXCEPTION 'a re-identification request never changes what it asks' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status IS DISTINCT FROM NEW.status AND NOT (
        (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected', 'expired', 'erased'))
        OR (OLD.status = 'approved' AND NEW.status IN ('retrieved', 'expired', 'erased'))) THEN
        RAISE EXCEPTION 're-identification request status % cannot become %', OLD.status, NEW.status
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status NOT IN ('pending', 'approved') AND NEW IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION 'a closed re-identification request never changes' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.retrieval_deadline IS NOT NULL AND NEW.retrieval_deadline IS DISTINCT FROM OLD.retrieval_deadline THEN
        RAISE EXCEPTION 'a retrieval deadline never moves' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reidentification_requests_kept BEFORE UPDATE OR DELETE ON reidentification_requests
    FOR EACH ROW EXECUTE FUNCTION reidentification_requests_guard();
CREATE TRIGGER reidentification_requests_not_truncated BEFORE TRUNCATE ON reidentification_requests
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal();

CREATE TABLE reidentification_approvals (
    request_id    uuid NOT NULL REFERENCES reidentification_requests (id),
    organisation  text NOT NULL,
    person        text NOT NULL CHECK (length(person) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('producer-admin', 'dpo')),
    at            timestamptz NOT NULL,
    -- The same person never approves one request twice.
    PRIMARY KEY (request_id, organisation, person)
);
CREATE TRIGGER reidentification_approvals_append_only BEFORE UPDATE OR DELETE ON reidentification_approvals
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER reidentification_approvals_not_truncated BEFORE TRUNCATE ON reidentification_approvals
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The producer's notification of a new request (reidentification.notify), sent by webhook
-- from this outbox, written in the request's transaction so that a crash loses none.
CREATE TABLE reidentification_notifications (
    request_id       uuid PRIMARY KEY REFERENCES reidentification_requests (id),
    producer         text NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    sent_at          timestamptz
);
CREATE INDEX reidentification_notifications_due ON reidentification_notifications (next_attempt_at) WHERE status = 'pending';

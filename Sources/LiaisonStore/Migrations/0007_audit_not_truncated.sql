-- The audit trail refused UPDATE and DELETE row by row, but TRUNCATE fires no row
-- trigger: one statement could empty it. Refuse that too, as the evidence tables do.

CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

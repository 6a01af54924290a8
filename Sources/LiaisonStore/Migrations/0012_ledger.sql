-- The audit trail becomes a verifiable ledger (issue 14). Each entry is a leaf of an
-- append-only Merkle tree (RFC 9162): `leaf_index` is its place, dense from 0 and given
-- under the append lock, so the tree has no holes. The leaf is the RFC 8785 form of the
-- entry's time, actor, action, subject and details; the gateway computes it, stores the
-- tree's perfect subtrees in `ledger_nodes` and signs checkpoints of size and root into
-- `ledger_checkpoints`. The hash chain of `prev_hash` and `hash` is superseded: the
-- columns stay for the entries written before, and new entries leave them empty.

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ADD COLUMN leaf_index bigint;
UPDATE audit_log a SET leaf_index = n.i
FROM (SELECT seq, row_number() OVER (ORDER BY seq) - 1 AS i FROM audit_log) n
WHERE a.seq = n.seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log
    ALTER COLUMN leaf_index SET NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD CONSTRAINT audit_log_leaf_index_key UNIQUE (leaf_index),
    ADD CONSTRAINT audit_log_leaf_index_check CHECK (leaf_index >= 0);

-- The perfect subtrees: the node at (level, idx) covers leaves idx·2^level ..< (idx+1)·2^level.
-- Level 0 holds each leaf's hash as it was when first sealed, so `liaison audit verify`
-- names the entry that changed since.
CREATE TABLE ledger_nodes (
    level  smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    idx    bigint NOT NULL CHECK (idx >= 0),
    hash   bytea NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Signed checkpoints (C2SP tlog-checkpoint notes), one per sealed size.
CREATE TABLE ledger_checkpoints (
    size       bigint PRIMARY KEY CHECK (size > 0),
    root       bytea NOT NULL CHECK (length(root) = 32),
    note       text NOT NULL,
    signed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER ledger_nodes_append_only BEFORE UPDATE OR DELETE ON ledger_nodes
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_nodes_not_truncated BEFORE TRUNCATE ON ledger_nodes
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoints_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoints
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoints_not_truncated BEFORE TRUNCATE ON ledger_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

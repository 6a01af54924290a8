-- Evidence packages and inclusion proofs look ledger entries up by what they are about
-- (`incident:ID`, `receipt:ID`); without an index each package read the whole ledger twice.
CREATE INDEX audit_log_subject ON audit_log (subject, leaf_index);

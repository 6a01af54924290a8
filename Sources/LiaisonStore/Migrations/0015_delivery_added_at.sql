-- TAXII 2.1 reads (issue 15): when each disclosure was added to its consumer's collection.
--
-- TAXII clients resume with added_after = the X-TAXII-Date-Added-Last of the page they
-- read, and the server answers what has date_added strictly after it (TAXII 2.1 section
-- 3.4.2). That is exact only if no two disclosures share a date_added and date_added grows
-- with the feed order. created_at cannot promise either (it is the transaction's start time,
-- shared by every row an intake writes), so deliveries get added_at: the wall clock when the
-- row is inserted, but always at least one microsecond after every earlier row, taken under
-- the append lock that intake already holds while it inserts deliveries (the lock is
-- re-entrant, so the trigger takes it too and stays right for any other writer). Microseconds
-- are what timestamptz keeps and what TAXII timestamps carry, so added_at round-trips
-- exactly.
ALTER TABLE deliveries ADD COLUMN added_at timestamptz;

-- Existing rows: their created_at made strictly increasing in seq order (the running maximum
-- plus one microsecond per row).
UPDATE deliveries d SET added_at = o.added_at
FROM (SELECT seq, max(created_at) OVER (ORDER BY seq) + (row_number() OVER (ORDER BY seq)) * interval '1 microsecond' AS added_at
      FROM deliveries) o
WHERE d.seq = o.seq;

ALTER TABLE deliveries ALTER COLUMN added_at SET NOT NULL;
CREATE UNIQUE INDEX deliveries_added_at ON deliveries (added_at);
CREATE INDEX deliveries_collection ON deliveries (consumer, agreement_id, seq);

CREATE FUNCTION deliveries_set_added_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- PostgresIncidentStore.appendLockKey: intake holds it already; this keeps any writer in order.
    PERFORM pg_advisory_xact_lock(5506039124973284865);
    NEW.added_at := greatest(
        date_trunc('microseconds', clock_timestamp()),
        coalesce((SELECT max(added_at) FROM deliveries), '-infinity'::timestamptz) + interval '1 microsecond');
    RETURN NEW;
END
$$;
CREATE TRIGGER deliveries_added_at BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION deliveries_set_added_at();

CREATE FUNCTION deliveries_keep_added_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'deliveries.added_at is fixed when a disclosure is added' USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER deliveries_added_at_kept BEFORE UPDATE OF added_at ON deliveries
    FOR EACH ROW WHEN (OLD.added_at IS DISTINCT FROM NEW.added_at) EXECUTE FUNCTION deliveries_keep_added_at();

-- Intake writes thousands of incidents, custody records, vault entries and deliveries in
-- one statement each, and a foreign key checks every row with a query of its own: a third
-- of PostgreSQL's work during intake. The rows those references point at (the producing
-- organisation, an incident, the receipt it came with, the agreement it was shared under)
-- are evidence and are never deleted, nor their keys changed; that is now refused
-- outright. With the referenced rows fixed, checking the distinct values a statement
-- inserted, all at once, guarantees what the foreign keys did.
--
-- The foreign keys of tables written a row at a time stay as they are.

-- Referenced rows stay: no DELETE, no TRUNCATE, no new id.
CREATE FUNCTION refuse_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are referenced as evidence: they are never removed and their ids never change',
        TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

-- A referencing row keeps the references it was inserted with.
CREATE FUNCTION refuse_new_reference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF to_jsonb(NEW) -> TG_ARGV[0] = to_jsonb(OLD) -> TG_ARGV[0] THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '%.% never changes once written', TG_TABLE_NAME, TG_ARGV[0]
        USING ERRCODE = 'restrict_violation';
END;
$$;

-- After an INSERT statement: every row it inserted (the transition table `inserted`)
-- names an existing row. TG_ARGV: the referencing column, the referenced table (key `id`,
-- in the inserting table's schema, never a temporary table of the same name),
-- and `repeated` where one statement's rows mostly name the same few rows (its producer,
-- receipt or agreement): those are looked up once per distinct value, the others per row.
CREATE FUNCTION check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    EXECUTE format(
        'SELECT n.v::text FROM (SELECT %4$s %1$I AS v FROM inserted) n
         WHERE NOT EXISTS (SELECT 1 FROM %2$I.%3$I r WHERE r.id = n.v) LIMIT 1',
        TG_ARGV[0], TG_TABLE_SCHEMA, TG_ARGV[1], CASE WHEN TG_ARGV[2] = 'repeated' THEN 'DISTINCT' ELSE '' END) INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert into % names % %, which does not exist', TG_TABLE_NAME, TG_ARGV[1], missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    referenced text;
    reference text[];
BEGIN
    FOREACH referenced IN ARRAY ARRAY['organisations', 'incidents', 'receipts', 'agreements'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE DELETE OR UPDATE OF id ON %I
                            FOR EACH ROW EXECUTE FUNCTION refuse_removal()', referenced || '_kept', referenced);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I
                            FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal()', referenced || '_not_truncated', referenced);
    END LOOP;
    FOREACH reference SLICE 1 IN ARRAY ARRAY[
        ['incidents', 'producer', 'organisations', 'repeated'],
        ['custody_records', 'incident_id', 'incidents', 'each'],
        ['custody_records', 'receipt_id', 'receipts', 'repeated'],
        ['vault_entries', 'incident_id', 'incidents', 'each'],
        ['deliveries', 'incident_id', 'incidents', 'each'],
        ['deliveries', 'agreement_id', 'agreements', 'repeated']
    ] LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', reference[1], reference[1] || '_' || reference[2] || '_fkey');
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted
                            FOR EACH STATEMENT EXECUTE FUNCTION check_references(%L, %L, %L)',
                       reference[1] || '_' || reference[2] || '_exists', reference[1], reference[2], reference[3], reference[4]);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OF %I ON %I
                            FOR EACH ROW EXECUTE FUNCTION refuse_new_reference(%L)',
                       reference[1] || '_' || reference[2] || '_kept', reference[2], reference[1], reference[2]);
    END LOOP;
END;
$$;

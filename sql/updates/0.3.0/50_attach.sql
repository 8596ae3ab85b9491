
-- matins.attach: a NULL or a dangling table name is an error saying so (0.2.0 failed on an
-- internal message); otherwise as in 0.2.0.
CREATE OR REPLACE FUNCTION @extschema@.attach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    f record;
    col record;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION 'matins.attach needs a table, got NULL'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Name the claims table: matins.attach(''claims'').';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = tbl) THEN
        RAISE EXCEPTION 'no table has OID %', tbl::oid
            USING ERRCODE = 'undefined_table', HINT = 'Name the claims table: matins.attach(''claims'').';
    END IF;
    IF EXISTS (SELECT FROM @extschema@.attached a WHERE a.rel = tbl)
       OR EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = tbl AND t.tgname = 'zz_matins_settle') THEN
        RAISE EXCEPTION 'table % is attached already', tbl
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Detach it first with matins.detach(' || quote_literal(tbl::text) || ') to attach it again.';
    END IF;
    IF (SELECT relkind FROM pg_class WHERE oid = tbl) NOT IN ('r', 'p') THEN
        RAISE EXCEPTION '% is not a table', tbl
            USING ERRCODE = 'wrong_object_type', HINT = 'Attach the claims table itself.';
    END IF;
    SELECT a.atttypid INTO col FROM pg_attribute a
    WHERE a.attrelid = tbl AND a.attname = 'settlement' AND NOT a.attisdropped;
    IF NOT FOUND OR col.atttypid <> '@extschema@.settlement'::regtype THEN
        RAISE EXCEPTION 'table % has no column settlement of type matins.settlement', tbl
            USING ERRCODE = 'undefined_column',
                  HINT = 'ALTER TABLE ' || tbl::text || ' ADD COLUMN settlement matins.settlement;';
    END IF;
    FOR f IN
        SELECT ca.attname, ca.atttypid AS want, ta.atttypid AS have
        FROM pg_attribute ca
        JOIN pg_attribute ta ON ta.attrelid = tbl AND ta.attname = ca.attname AND NOT ta.attisdropped
        WHERE ca.attrelid = '@extschema@.claim'::regclass AND ca.attnum > 0
    LOOP
        IF f.want <> f.have THEN
            RAISE EXCEPTION 'column % of table % has type %, matins.claim''s field has type %',
                            f.attname, tbl, f.have::regtype, f.want::regtype
                USING ERRCODE = 'datatype_mismatch',
                      HINT = 'Give the column the type of the matins.claim field of the same name.';
        END IF;
    END LOOP;
    IF (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = tbl AND NOT a.attisdropped
          AND a.attname IN ('claim_id', 'person_id')) <> 2 THEN
        RAISE EXCEPTION 'table % needs the columns claim_id and person_id', tbl
            USING ERRCODE = 'undefined_column',
                  HINT = 'The ledger keeps counters per person and takes back a claim''s by its claim_id.';
    END IF;
    -- BEFORE ROW triggers fire in name order: this one comes after the table's own, so a row
    -- one of them skips or changes is settled as it will be stored
    EXECUTE format('CREATE TRIGGER zz_matins_settle BEFORE INSERT OR UPDATE OR DELETE ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION @extschema@.settle_trigger()', tbl);
    INSERT INTO @extschema@.attached (rel) VALUES (tbl);
END
$fn$;

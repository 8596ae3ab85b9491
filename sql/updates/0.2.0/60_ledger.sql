-- matins 0.2.0: the fund database path (issue 5): per-person counters kept by the trigger that
-- matins.attach() puts on a claims table.

-- One row per person: the counters of `prior` by calendar year and by pregnancy, and the
-- once-per-person items used.  The trigger locks the row FOR UPDATE while it settles.
CREATE TABLE @extschema@.ledger (
    person_id   bigint PRIMARY KEY,
    usage       jsonb NOT NULL DEFAULT '{"years": {}, "pregnancies": {}, "art_items_used": []}'
                CHECK (jsonb_typeof(usage -> 'years') = 'object'
                   AND jsonb_typeof(usage -> 'pregnancies') = 'object'
                   AND jsonb_typeof(usage -> 'art_items_used') = 'array'),
    updated_at  timestamptz
);
COMMENT ON TABLE @extschema@.ledger IS
    'Per-person counters (yearly, per pregnancy, lifetime) kept by the claims trigger of matins.attach()';

-- What each settled claim added to its person's counters, so a DELETE or UPDATE gives it back.
CREATE TABLE @extschema@.ledger_entry (
    rel          regclass NOT NULL,
    claim_id     bigint NOT NULL,
    person_id    bigint NOT NULL,
    year         int NOT NULL,
    pregnancy_id bigint NOT NULL,
    delta        jsonb NOT NULL,
    PRIMARY KEY (rel, claim_id)
);
CREATE INDEX ledger_entry_person ON @extschema@.ledger_entry (person_id);
COMMENT ON TABLE @extschema@.ledger_entry IS
    'The increments each settled claim made to its person''s counters (in the keys of prior)';

-- Tables with the trigger.
CREATE TABLE @extschema@.attached (
    rel         regclass PRIMARY KEY,
    attached_at timestamptz NOT NULL DEFAULT now(),
    attached_by name NOT NULL DEFAULT current_user
);
COMMENT ON TABLE @extschema@.attached IS 'Claims tables settled by the matins trigger';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.ledger', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ledger_entry', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.attached', '');
GRANT SELECT ON @extschema@.ledger, @extschema@.ledger_entry, @extschema@.attached TO PUBLIC;
-- a table owner who is a member of matins_admin may attach and detach the tables it owns
GRANT INSERT, DELETE ON @extschema@.attached TO matins_admin;

-- The trigger writes the ledger whoever inserts the claim: it runs as the extension's owner
-- (SECURITY DEFINER, fixed search_path), so the counters change only through settlements.
CREATE FUNCTION @extschema@.settle_trigger() RETURNS trigger
    LANGUAGE c SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'matins_settle_trigger';
COMMENT ON FUNCTION @extschema@.settle_trigger() IS
    'BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW trigger of an attached claims table (see matins.attach)';

-- contract: settle every claim inserted into tbl from now on
CREATE FUNCTION @extschema@.attach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    f record;
    col record;
BEGIN
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
COMMENT ON FUNCTION @extschema@.attach(regclass) IS
    'Settles every row inserted into a claims table, keeping per-person counters exact (DELETE gives back, UPDATE re-settles)';

-- contract: stop settling the rows of tbl
CREATE FUNCTION @extschema@.detach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT EXISTS (SELECT FROM @extschema@.attached a WHERE a.rel = tbl) THEN
        RAISE EXCEPTION 'table % is not attached', tbl
            USING ERRCODE = 'undefined_object', HINT = 'matins.attached lists the attached tables.';
    END IF;
    EXECUTE format('DROP TRIGGER IF EXISTS zz_matins_settle ON %s', tbl);
    DELETE FROM @extschema@.attached a WHERE a.rel = tbl;
END
$fn$;
COMMENT ON FUNCTION @extschema@.detach(regclass) IS
    'Removes the settlement trigger of a claims table (the counters its claims added stay in the ledger)';

-- The ledger against the increments recorded per claim: every counter must equal the sum of
-- what the person's settled claims added.  Returns the counters that differ (none: consistent).
CREATE FUNCTION @extschema@.ledger_check()
    RETURNS TABLE (person_id bigint, scope text, key text, counter text, ledger numeric, entries numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    -- the nested jsonb_each calls make the planner expect billions of rows and compile the
    -- query; it runs in a fraction of that time without
    SET jit = off
BEGIN ATOMIC
    WITH flat_entries AS (
        SELECT e.person_id, 'year' AS scope, e.year::text AS key, k.key AS counter, k.value
        FROM @extschema@.ledger_entry e, jsonb_each(e.delta) k
        WHERE jsonb_typeof(k.value) = 'number'
          AND k.key NOT IN ('prenatal_paid')
        UNION ALL
        SELECT e.person_id, 'year', e.year::text, 'chronic.' || c.key || '.' || f.key, f.value
        FROM @extschema@.ledger_entry e, jsonb_each(e.delta -> 'chronic') c, jsonb_each(c.value) f
        UNION ALL
        SELECT e.person_id, 'pregnancy', e.pregnancy_id::text, 'prenatal_paid', e.delta -> 'prenatal_paid'
        FROM @extschema@.ledger_entry e WHERE e.delta ? 'prenatal_paid'
        UNION ALL
        SELECT e.person_id, 'pregnancy', e.pregnancy_id::text, 'package_counts.' || p.key, p.value
        FROM @extschema@.ledger_entry e, jsonb_each(e.delta -> 'package_counts') p
    ), summed AS (
        SELECT fe.person_id, fe.scope, fe.key, fe.counter, sum(fe.value::text::numeric) AS total
        FROM flat_entries fe GROUP BY 1, 2, 3, 4
    ), flat_ledger AS (
        SELECT l.person_id, 'year' AS scope, y.key, k.key AS counter, k.value::text::numeric AS value
        FROM @extschema@.ledger l, jsonb_each(l.usage -> 'years') y, jsonb_each(y.value) k
        WHERE jsonb_typeof(k.value) = 'number' AND k.key <> 'last_stay_deductible'
        UNION ALL
        SELECT l.person_id, 'year', y.key, 'chronic.' || c.key || '.' || f.key, f.value::text::numeric
        FROM @extschema@.ledger l, jsonb_each(l.usage -> 'years') y,
             jsonb_each(y.value -> 'chronic') c, jsonb_each(c.value) f
        UNION ALL
        SELECT l.person_id, 'pregnancy', p.key, 'prenatal_paid', (p.value ->> 'prenatal_paid')::numeric
        FROM @extschema@.ledger l, jsonb_each(l.usage -> 'pregnancies') p WHERE p.value ? 'prenatal_paid'
        UNION ALL
        SELECT l.person_id, 'pregnancy', p.key, 'package_counts.' || c.key, c.value::text::numeric
        FROM @extschema@.ledger l, jsonb_each(l.usage -> 'pregnancies') p,
             jsonb_each(p.value -> 'package_counts') c
    )
    SELECT coalesce(f.person_id, s.person_id), coalesce(f.scope, s.scope), coalesce(f.key, s.key),
           coalesce(f.counter, s.counter), coalesce(f.value, 0), coalesce(s.total, 0)
    FROM flat_ledger f
    FULL JOIN summed s ON s.person_id = f.person_id AND s.scope = f.scope AND s.key = f.key
                       AND s.counter = f.counter
    WHERE coalesce(f.value, 0) <> coalesce(s.total, 0) AND coalesce(f.counter, s.counter) <> 'last_stay_deductible'
    ORDER BY 1, 2, 3, 4;
END;
COMMENT ON FUNCTION @extschema@.ledger_check() IS
    'Counters of the ledger that differ from the sum of the increments of the settled claims (empty when consistent)';


-- The claims trigger writes the ledger with the extension owner's rights (SECURITY DEFINER).
-- In 0.4.0 anyone could create it on a table of their own, even a temporary one, and so use up
-- another person's caps, screenings and once-per-person items.  It now refuses a table that
-- matins.attach did not attach (not in matins.attached), and only matins_admin may create it:
-- matins.attach runs with the caller's rights, and its caller must be in matins_admin.
REVOKE EXECUTE ON FUNCTION @extschema@.settle_trigger() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.settle_trigger() TO matins_admin;

-- matins.detach of a table that was dropped while attached (its row in matins.attached is a
-- bare OID): 0.4.0 failed on the DROP TRIGGER it built for it.  detach(NULL) is 22004, as
-- attach(NULL) is (0.4.0: "not attached").  There is no trigger left to
-- drop; the row goes, and the counters its claims added stay in the ledger, as for any detach.
CREATE OR REPLACE FUNCTION @extschema@.detach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION 'matins.detach needs a table, got NULL'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Name the claims table: matins.detach(''claims'').';
    END IF;
    IF NOT EXISTS (SELECT FROM @extschema@.attached a WHERE a.rel = tbl) THEN
        RAISE EXCEPTION 'table % is not attached', tbl
            USING ERRCODE = 'undefined_object', HINT = 'matins.attached lists the attached tables.';
    END IF;
    IF EXISTS (SELECT FROM pg_class c WHERE c.oid = tbl) THEN
        EXECUTE format('DROP TRIGGER IF EXISTS zz_matins_settle ON %s', tbl);
    END IF;
    DELETE FROM @extschema@.attached a WHERE a.rel = tbl;
END
$fn$;

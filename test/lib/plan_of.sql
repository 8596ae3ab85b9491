-- pg_temp.plan_of(query): the query's EXPLAIN (COSTS OFF, VERBOSE) as one string, included with
-- \ir by test/settle_scan.sql and test/settle_run_scan.sql to check which plan nodes run.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text; plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF, VERBOSE) ' || q LOOP plan := plan || line || E'\n'; END LOOP;
  RETURN plan;
END $$;

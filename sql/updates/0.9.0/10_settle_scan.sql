-- matins 0.8.0 -> 0.9.0: matins_settle in FROM (LATERAL) and matins_settle_run in a window run in
-- matins' own plan nodes (src/settle_scan.c, src/settle_run_scan.c), in place of PostgreSQL's
-- function scan and WindowAgg.  Results are the same; matins.settle_scan = off keeps
-- PostgreSQL's nodes.
--
-- The nodes are offered by planner hooks of the library, which the planner reaches only once the
-- library is loaded.  The planner support function below answers no request: the planner calling
-- it loads the library before it makes the paths of the query.  It calls the support function of
-- matins_settle when it simplifies the call, and that of the aggregate matins_settle_run when it
-- costs the window function.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.9.0'" to load this file. \quit

CREATE FUNCTION @extschema@.settle_support(internal)
    RETURNS internal
    LANGUAGE c STRICT
    AS 'MODULE_PATHNAME', 'matins_settle_support';
COMMENT ON FUNCTION @extschema@.settle_support(internal) IS
    'Planner support of matins_settle and matins_settle_run: loads the library, whose planner hooks put matins'' plan nodes in the plan';

ALTER FUNCTION @extschema@.matins_settle(@extschema@.claim, text)
    SUPPORT @extschema@.settle_support;
ALTER FUNCTION @extschema@.matins_settle(@extschema@.claim, jsonb, text)
    SUPPORT @extschema@.settle_support;

-- ALTER FUNCTION refuses an aggregate, and CREATE AGGREGATE has no SUPPORT clause: the
-- aggregate's own row gets the support function directly (both rows are the extension's, and
-- are made again with it by CREATE EXTENSION, as a restore does).
UPDATE pg_catalog.pg_proc
SET prosupport = '@extschema@.settle_support'::regproc
WHERE oid IN ('@extschema@.matins_settle_run(@extschema@.claim)'::regprocedure,
              '@extschema@.matins_settle_run(@extschema@.claim, text)'::regprocedure);

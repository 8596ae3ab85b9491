-- matins 0.8.0 -> 0.9.0: matins_settle in FROM (LATERAL) runs in matins' own scan.
--
-- The planner support function of both matins_settle forms answers no request: the planner
-- calling it, when it simplifies the call, loads the library, whose path hook then puts
-- matins' scan in place of PostgreSQL's function scan (src/settle_scan.c; the GUC
-- matins.settle_scan = off keeps the function scan).  Results are the same either way.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.9.0'" to load this file. \quit

CREATE FUNCTION @extschema@.settle_support(internal)
    RETURNS internal
    LANGUAGE c STRICT
    AS 'MODULE_PATHNAME', 'matins_settle_support';
COMMENT ON FUNCTION @extschema@.settle_support(internal) IS
    'Planner support of matins_settle: loads the library so that matins_settle in FROM runs in matins'' own scan';

ALTER FUNCTION @extschema@.matins_settle(@extschema@.claim, text)
    SUPPORT @extschema@.settle_support;
ALTER FUNCTION @extschema@.matins_settle(@extschema@.claim, jsonb, text)
    SUPPORT @extschema@.settle_support;

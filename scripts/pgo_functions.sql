-- matins_settle and matins_settle_run from another build of the library, $libdir/<lib>.so
-- (psql -v lib=NAME): the same C functions as the extension's, declared as pgo_settle and the
-- aggregate pgo_settle_run.  Used by scripts/pgo (its training library), scripts/check_pgo.sh
-- and bench/run (the profile-guided build beside the plain one).
\set ON_ERROR_STOP 1
\set libpath '$libdir/' :lib
CREATE FUNCTION pgo_settle(matins.claim, text DEFAULT NULL) RETURNS matins.settlement
    LANGUAGE c STABLE PARALLEL SAFE AS :'libpath', 'matins_settle';
CREATE FUNCTION pgo_run_transfn(internal, matins.claim) RETURNS internal
    LANGUAGE c STABLE PARALLEL SAFE AS :'libpath', 'matins_settle_run_transfn';
CREATE FUNCTION pgo_run_finalfn(internal) RETURNS matins.settlement
    LANGUAGE c STABLE PARALLEL SAFE AS :'libpath', 'matins_settle_run_finalfn';
CREATE AGGREGATE pgo_settle_run(matins.claim) (
    SFUNC = pgo_run_transfn,
    STYPE = internal,
    FINALFUNC = pgo_run_finalfn,
    FINALFUNC_MODIFY = READ_ONLY
);

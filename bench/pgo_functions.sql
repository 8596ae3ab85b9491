-- bench only: matins_settle and matins_settle_run of the profile-guided build, which bench/run
-- installs beside the plain one as $libdir/matins_pgo.so (scripts/pgo --as matins_pgo).  The
-- same C functions as the extension's, from the other library.
CREATE FUNCTION bench_settle_pgo(matins.claim, text DEFAULT NULL) RETURNS matins.settlement
    LANGUAGE c STABLE PARALLEL SAFE AS '$libdir/matins_pgo', 'matins_settle';
CREATE FUNCTION bench_run_transfn_pgo(internal, matins.claim) RETURNS internal
    LANGUAGE c STABLE PARALLEL SAFE AS '$libdir/matins_pgo', 'matins_settle_run_transfn';
CREATE FUNCTION bench_run_finalfn_pgo(internal) RETURNS matins.settlement
    LANGUAGE c STABLE PARALLEL SAFE AS '$libdir/matins_pgo', 'matins_settle_run_finalfn';
CREATE AGGREGATE bench_settle_run_pgo(matins.claim) (
    SFUNC = bench_run_transfn_pgo,
    STYPE = internal,
    FINALFUNC = bench_run_finalfn_pgo,
    FINALFUNC_MODIFY = READ_ONLY
);

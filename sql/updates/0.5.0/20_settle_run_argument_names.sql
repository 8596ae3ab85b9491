
-- The contract names the window aggregate's arguments, matins_settle_run(claim matins.claim
-- [, policy text]), so a call may name them (matins_settle_run(claim => c) OVER w); 0.2.0 to
-- 0.4.0 declared them without names.  Same support functions, same behaviour.
CREATE OR REPLACE AGGREGATE @extschema@.matins_settle_run(claim @extschema@.claim) (
    SFUNC = @extschema@.settle_run_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.settle_run_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE @extschema@.matins_settle_run(claim @extschema@.claim, policy text) (
    SFUNC = @extschema@.settle_run_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.settle_run_finalfn,
    FINALFUNC_EXTRA,
    FINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);

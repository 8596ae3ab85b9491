-- matins 0.2.0: the settlement engine's SQL surface (contract: Settling claims).  The functions
-- read the catalogs through a per-backend cache: STABLE PARALLEL SAFE.

CREATE FUNCTION @extschema@.matins_settle(claim @extschema@.claim, policy text DEFAULT NULL)
    RETURNS @extschema@.settlement
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle';
COMMENT ON FUNCTION @extschema@.matins_settle(@extschema@.claim, text) IS
    'Settles a claim as the person''s first of its year, pregnancy and lifetime (policy: a what-if policy id)';

CREATE FUNCTION @extschema@.matins_settle(claim @extschema@.claim, prior jsonb, policy text DEFAULT NULL)
    RETURNS @extschema@.settlement
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle_prior';
COMMENT ON FUNCTION @extschema@.matins_settle(@extschema@.claim, jsonb, text) IS
    'Settles a claim after the earlier usage given in prior (keys documented in the README)';

CREATE FUNCTION @extschema@.settle_run_transfn(internal, @extschema@.claim)
    RETURNS internal LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle_run_transfn';
CREATE FUNCTION @extschema@.settle_run_transfn(internal, @extschema@.claim, text)
    RETURNS internal LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle_run_transfn';
CREATE FUNCTION @extschema@.settle_run_finalfn(internal)
    RETURNS @extschema@.settlement LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle_run_finalfn';
CREATE FUNCTION @extschema@.settle_run_finalfn(internal, @extschema@.claim, text)
    RETURNS @extschema@.settlement LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_settle_run_finalfn';

CREATE AGGREGATE @extschema@.matins_settle_run(@extschema@.claim) (
    SFUNC = @extschema@.settle_run_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.settle_run_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.matins_settle_run(@extschema@.claim) IS
    'Window aggregate: each claim settled after the earlier claims of the window (one person, ordered by service_date, claim_id)';

CREATE AGGREGATE @extschema@.matins_settle_run(@extschema@.claim, text) (
    SFUNC = @extschema@.settle_run_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.settle_run_finalfn,
    FINALFUNC_EXTRA,
    FINALFUNC_MODIFY = READ_ONLY,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.matins_settle_run(@extschema@.claim, text) IS
    'matins_settle_run under a named policy (what-if)';

CREATE FUNCTION @extschema@.matins_explain(claim @extschema@.claim, policy text DEFAULT NULL)
    RETURNS TABLE (step int, rule text, source text, basis numeric, rate numeric, amount numeric, note text)
    LANGUAGE c STABLE PARALLEL SAFE ROWS 12
    AS 'MODULE_PATHNAME', 'matins_explain';
COMMENT ON FUNCTION @extschema@.matins_explain(@extschema@.claim, text) IS
    'The steps of a claim''s settlement, each with its rule id and the document and article it comes from';

CREATE FUNCTION @extschema@.to_fen(amount numeric) RETURNS bigint
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_to_fen';
COMMENT ON FUNCTION @extschema@.to_fen(numeric) IS
    'An amount in yuan as whole fen, as the engine reads it; NULL when not exact to the fen';

-- contract: the settlement under the national platform's field names (2207 settlement output)
CREATE FUNCTION @extschema@.to_nhsa(s @extschema@.settlement) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.jsonb_build_object(
    'setl_id', s.claim_id,
    'insutype', CASE WHEN s.route LIKE 'maternity.%' THEN '510'
                     WHEN s.route LIKE 'resident.%' THEN '390'
                     WHEN s.route LIKE 'employee.%' THEN '310' END,
    'medfee_sumamt', s.total,
    'fulamt_ownpay_amt', s.self_pay,
    'overlmt_selfpay', s.over_limit,
    'preselfpay_amt', s.pre_self_pay,
    'inscp_scp_amt', s.in_scope,
    'act_pay_dedc', s.deductible,
    'hifp_pay', s.pooled_fund,
    'fund_pay_sumamt', s.fund_total,
    'psn_part_amt', s.personal,
    'matins', pg_catalog.jsonb_build_object(
        'policy', s.policy, 'route', s.route, 'copay', s.copay, 'over_cap', s.over_cap,
        'transfer_to', s.transfer_to, 'maternity_fund', s.maternity_fund,
        'pooled_fund', s.pooled_fund, 'notes', s.notes));
COMMENT ON FUNCTION @extschema@.to_nhsa(@extschema@.settlement) IS
    'A settlement under the national platform''s field names (medfee_sumamt, inscp_scp_amt, ...)';

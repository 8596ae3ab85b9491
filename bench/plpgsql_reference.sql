-- bench only (not shipped): a PL/pgSQL reference implementation of the settlement engine for a
-- subset of routes, the measure (c) of bench/run.  It follows the C engine step by step
-- (src/claim.c, src/route.c, src/settle.c, src/rules/maternity.c) and reads the same catalogs
-- on every call: matins.policy_in_force(), matins.policy, matins.route, matins.param(),
-- matins.policy_constant, matins.benefit_quota and matins.designated_hospital.
--
-- Handlers implemented: 'full' (LZ-IP, LZ-SPO, NM-IP, JL24-DL, ... with the route's ratio and
-- yearly cap), 'quota' (LZ-SCR, LZ-FPO, LZ-SPO), 'prenatal_cap' (JL24-PN) and 'transfer'
-- (LZ-PN, JL24-PN outside).  Every claim is settled as the person's first of its year,
-- pregnancy and lifetime, as matins_settle(c) does.  Other handlers raise an error.
--
-- Money is numeric yuan; every computed amount is rounded once to the fen, half away from zero
-- (numeric round() rounds half away from zero, like the engine's fen arithmetic).

CREATE FUNCTION bench_plpgsql_settle(c matins.claim) RETURNS matins.settlement
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $fn$
DECLARE
    s          matins.settlement;
    v_setting    text;
    v_loc        text;
    v_self_pay   numeric := 0;
    v_over_limit numeric := 0;
    v_class_b    numeric := 0;
    line_sum   numeric := 0;
    l          matins.claim_line;
    i          int := 0;
    pif        record;
    v_maternity  text;
    v_resident   text;
    cand       text;
    v_pol        text;
    v_rows_pol   text;
    v_rows_chain text[];
    r          record;
    q          record;
    v_notes      text[];
    v_list_rule  text;          -- the rule of a quota list without the claim's procedure
    v_ratio      numeric;
    v_cap        numeric;
    v_quota      numeric;
    v_base       numeric;
    v_fund       numeric := 0;
    paying     boolean := true;
    cap_name   text;
    v          numeric;
BEGIN
    ------------------------------------------------------------------ decode and validate
    IF c.region IS NULL THEN
        RAISE EXCEPTION 'claim field region must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF c.service_date IS NULL OR NOT isfinite(c.service_date) THEN
        RAISE EXCEPTION 'claim field service_date must be a finite date' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.scheme IS NULL OR c.scheme NOT IN ('employee', 'resident') THEN
        RAISE EXCEPTION 'unknown scheme "%"', c.scheme USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.person_type IS NULL OR c.person_type NOT IN ('enterprise', 'public', 'flexible', 'unemployed',
                                                     'retiree', 'resident', 'spouse') THEN
        RAISE EXCEPTION 'unknown person_type "%"', c.person_type USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.benefit IS NULL OR c.benefit NOT IN ('prenatal', 'screening', 'delivery', 'family_planning', 'art',
                                             'outpatient', 'chronic', 'special', 'day_surgery', 'inpatient') THEN
        RAISE EXCEPTION 'unknown benefit "%"', c.benefit USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.procedure IS NOT NULL AND c.procedure NOT IN ('iud_insert', 'iud_remove', 'abortion', 'medical_abortion',
            'induced_labour', 'tubal_ligation', 'vas_ligation', 'tubal_reversal', 'vas_reversal', 'implant') THEN
        RAISE EXCEPTION 'unknown procedure "%"', c.procedure USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_setting := c.setting;
    IF v_setting IS NULL THEN
        v_setting := CASE
            WHEN c.benefit IN ('delivery', 'inpatient') THEN 'inpatient'
            WHEN c.benefit = 'family_planning' AND c.procedure IN ('induced_labour', 'tubal_ligation',
                 'vas_ligation', 'tubal_reversal', 'vas_reversal') THEN 'inpatient'
            ELSE 'outpatient' END;
    ELSIF v_setting NOT IN ('outpatient', 'inpatient') THEN
        RAISE EXCEPTION 'unknown setting "%"', v_setting USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.hospital_level IS NOT NULL AND c.hospital_level NOT BETWEEN 1 AND 3 THEN
        RAISE EXCEPTION 'claim field hospital_level = % is not a hospital level', c.hospital_level
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_loc := coalesce(c.location, 'local');
    IF v_loc NOT IN ('local', 'province', 'national') THEN
        RAISE EXCEPTION 'unknown location "%"', v_loc USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.referral IS NOT NULL AND c.referral NOT IN ('up', 'down') THEN
        RAISE EXCEPTION 'unknown referral "%"', c.referral USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF c.total IS NULL OR c.total <> round(c.total, 2) OR c.total < 0 THEN
        RAISE EXCEPTION 'claim field total = % is not an amount in yuan exact to the fen', c.total
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(c.lines) > 0 THEN
        FOREACH l IN ARRAY c.lines LOOP
            i := i + 1;
            IF l.item_code IS NULL THEN
                RAISE EXCEPTION 'claim field lines[%].item_code must not be null', i USING ERRCODE = 'null_value_not_allowed';
            END IF;
            IF l.item_class IS NOT NULL AND l.item_class NOT IN ('A', 'B', 'self') THEN
                RAISE EXCEPTION 'unknown lines[%].item_class "%"', i, l.item_class USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF l.amount IS NULL OR l.amount < 0 OR l.amount <> round(l.amount, 2)
               OR coalesce(l.surcharge, 0) < 0 OR coalesce(l.surcharge, 0) > l.amount THEN
                RAISE EXCEPTION 'claim line % has a bad amount or surcharge', i USING ERRCODE = 'invalid_parameter_value';
            END IF;
            line_sum := line_sum + l.amount;
            -- split_lines (routes other than ART): self lines are self_pay, class-B lines class_b
            IF l.item_class = 'self' THEN
                v_self_pay := v_self_pay + l.amount;
            ELSIF l.item_class = 'B' THEN
                v_class_b := v_class_b + l.amount;
            END IF;
        END LOOP;
        IF line_sum <> c.total THEN
            RAISE EXCEPTION 'claim lines add up to % but total = %', line_sum, c.total
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSE
        v_self_pay := coalesce(c.self_pay, 0);
        v_over_limit := coalesce(c.over_limit, 0);
        v_class_b := coalesce(c.class_b, 0);
        IF v_self_pay < 0 OR v_over_limit < 0 OR v_class_b < 0 OR v_self_pay <> round(v_self_pay, 2)
           OR v_over_limit <> round(v_over_limit, 2) OR v_class_b <> round(v_class_b, 2) THEN
            RAISE EXCEPTION 'claim parts must be non-negative amounts exact to the fen'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_self_pay + v_over_limit + v_class_b > c.total THEN
            RAISE EXCEPTION 'claim parts self_pay % + over_limit % + class_b % are larger than total %',
                v_self_pay, v_over_limit, v_class_b, c.total USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;

    ------------------------------------------------------------------ resolve the route
    FOR pif IN SELECT p.scope, p.policy FROM matins.policy_in_force(c.region, c.service_date) p LOOP
        IF pif.scope = 'maternity' THEN
            v_maternity := pif.policy;
        ELSE
            v_resident := pif.policy;
        END IF;
    END LOOP;
    IF v_maternity IS NULL AND v_resident IS NULL THEN
        RAISE EXCEPTION 'no policy is in force for region % on %', c.region, c.service_date
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH cand IN ARRAY ARRAY[v_maternity, v_resident] LOOP
        CONTINUE WHEN cand IS NULL;
        -- the policy whose rows apply: a policy based on another without rows of its own uses its
        SELECT CASE WHEN p.based_on IS NOT NULL
                         AND NOT EXISTS (SELECT FROM matins.route x WHERE x.policy = p.id)
                    THEN p.based_on ELSE p.id END
          INTO v_rows_pol FROM matins.policy p WHERE p.id = cand;
        -- the first row (by seq; a local row overrides a shipped one) whose conditions match
        SELECT x.* INTO r
        FROM (SELECT DISTINCT ON (y.seq) y.* FROM matins.route y
              WHERE y.policy = v_rows_pol ORDER BY y.seq, y.shipped) x
        WHERE x.benefit = c.benefit
          AND (x.setting IS NULL OR x.setting = v_setting)
          AND (x.scheme IS NULL OR x.scheme = c.scheme)
          AND (coalesce(cardinality(x.person_types), 0) = 0 OR c.person_type = ANY (x.person_types))
          AND (x.insured IS NULL OR x.insured = coalesce(c.maternity_insured, true))
          AND (coalesce(cardinality(x.procedures), 0) = 0 OR coalesce(c.procedure = ANY (x.procedures), false))
          AND (coalesce(cardinality(x.locations), 0) = 0 OR v_loc = ANY (x.locations))
          -- a critically ill pregnant woman's claim (OBH, or HTN on a delivery; NM-IP, 0.6.0)
          AND (x.critical IS NULL OR x.critical = coalesce(c.disease = 'OBH'
                 OR (c.benefit = 'delivery' AND c.disease = 'HTN'), false))
        ORDER BY x.seq
        LIMIT 1;
        IF FOUND THEN
            v_pol := cand;
            EXIT;
        END IF;
    END LOOP;
    IF v_pol IS NULL THEN
        RAISE EXCEPTION 'no rule settles benefit % for a % % under % or %', c.benefit, c.scheme,
            c.person_type, v_maternity, v_resident USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF r.delegate_scope = 'resident_medical' THEN
        IF v_resident IS NULL THEN
            RAISE EXCEPTION 'no resident insurance policy is in force for region % on %', c.region,
                c.service_date USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_pol := v_resident;
        SELECT CASE WHEN p.based_on IS NOT NULL
                         AND NOT EXISTS (SELECT FROM matins.route x WHERE x.policy = p.id)
                    THEN p.based_on ELSE p.id END
          INTO v_rows_pol FROM matins.policy p WHERE p.id = v_pol;
    END IF;
    -- constants are looked up on the rows' policy and the policies it is based on
    SELECT ARRAY[p.id] || coalesce(ARRAY[p.based_on], '{}') INTO v_rows_chain
    FROM matins.policy p WHERE p.id = v_rows_pol;

    s.claim_id := c.claim_id;
    s.policy := v_pol;
    s.route := r.route;
    v_notes := ARRAY[r.source];

    -- conditions a settlement cannot check itself (JL24-EL / NM-WAIT, LZ-DIR)
    -- a route that sends the whole claim elsewhere (handler transfer) pays nothing to hold back
    IF r.fund = 'maternity' AND r.handler <> 'transfer'
       AND EXISTS (SELECT FROM matins.policy_constant k
                   WHERE k.policy = ANY (v_rows_chain) AND k.name = 'waiting_period.regional')
       -- NM-EL: the unemployed, whose waiting period the policy fixes, have none to apply
       AND NOT (c.person_type = 'unemployed'
                AND EXISTS (SELECT FROM matins.policy_constant k
                            WHERE k.policy = ANY (v_rows_chain) AND k.name = 'unemployed.waiting_months'))
       AND matins.param(c.region, 'employee.waiting_months', c.service_date) IS NULL THEN
        v_notes := v_notes || 'waiting_period_not_applied'::text;
    END IF;
    IF v_loc = 'national'
       AND EXISTS (SELECT FROM matins.policy_constant k
                   WHERE k.policy = ANY (v_rows_chain) AND k.name = 'manual_claim.months') THEN
        v_notes := v_notes || 'LZ-DIR:apply_within_one_year'::text;
    END IF;

    ------------------------------------------------------------------ scope parts
    IF r.handler NOT IN ('full', 'quota', 'prenatal_cap', 'transfer') THEN
        RAISE EXCEPTION 'bench_plpgsql_settle: handler % (route %) is not in the reference subset',
            r.handler, r.route USING ERRCODE = 'feature_not_supported';
    END IF;
    s.total := c.total;
    s.self_pay := v_self_pay;
    s.over_limit := v_over_limit;
    s.pre_self_pay := 0;
    s.deductible := 0;
    s.over_cap := 0;
    s.maternity_fund := 0;
    s.pooled_fund := 0;
    -- class-B pre-self-pay on basic-insurance routes only (JL19-B)
    IF r.fund <> 'maternity' AND v_class_b > 0 THEN
        v := matins.param(c.region, CASE WHEN c.scheme = 'resident' THEN 'resident.class_b_rate'
                                         ELSE 'employee.class_b_rate' END, c.service_date);
        IF v IS NULL THEN
            RAISE EXCEPTION 'region parameter class_b_rate is not set for region %', c.region
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        s.pre_self_pay := round(v_class_b * v, 2);
        IF NOT 'JL19-B' = ANY (v_notes) THEN
            v_notes := v_notes || 'JL19-B'::text;
        END IF;
    END IF;
    s.in_scope := s.total - s.self_pay - s.over_limit - s.pre_self_pay;

    ------------------------------------------------------------------ the route's handler
    CASE r.handler
    WHEN 'full' THEN
        -- the in-scope cost at the route's ratio, no deductible
        IF r.ratio_param IS NOT NULL THEN
            v_ratio := matins.param(c.region, r.ratio_param, c.service_date);
            IF v_ratio IS NULL THEN
                RAISE EXCEPTION 'region parameter "%" is not set for region % on %', r.ratio_param,
                    c.region, c.service_date USING ERRCODE = 'invalid_parameter_value';
            END IF;
        ELSE
            v_ratio := r.ratio;
        END IF;
        v_fund := round(s.in_scope * v_ratio, 2);
        IF v_ratio <> 1 AND NOT coalesce(r.ratio_param, 'ratio') = ANY (v_notes) THEN
            v_notes := v_notes || coalesce(r.ratio_param, 'ratio');
        END IF;

    WHEN 'transfer' THEN
        -- nothing paid here: the in-scope cost goes to general outpatient pooling
        s.over_cap := s.in_scope;
        IF s.in_scope > 0 THEN
            s.transfer_to := 'general_outpatient';
        END IF;
        v_notes := v_notes || 'general_outpatient'::text;
        IF r.source = 'LZ-PN' THEN
            v_notes := v_notes || 'prenatal_grant_with_event'::text;
        END IF;
        paying := false;

    WHEN 'prenatal_cap' THEN
        -- JL24-PN: 100% up to the region's cap per pregnancy (first claim: nothing used yet)
        v_cap := round(matins.param(c.region, 'prenatal.cap', c.service_date), 2);
        IF v_cap IS NULL THEN
            RAISE EXCEPTION 'region parameter "prenatal.cap" is not set for region % on %', c.region,
                c.service_date USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_fund := least(s.in_scope, greatest(0, v_cap));
        IF v_fund < s.in_scope THEN
            v_notes := v_notes || 'pregnancy_cap'::text;
        END IF;
        s.over_cap := s.in_scope - v_fund;
        IF s.over_cap > 0 THEN
            s.transfer_to := 'general_outpatient';
        END IF;

    WHEN 'quota' THEN
        -- LZ-SCR, LZ-FPO: min(in-scope cost, quota); the spouse's half (LZ-SPO)
        SELECT x.* INTO q
        FROM matins.benefit_quota x
        WHERE x.policy = v_rows_pol AND x.benefit = c.benefit AND x.setting = v_setting
          AND x.procedure = CASE WHEN c.benefit = 'screening' THEN '' ELSE coalesce(c.procedure, '') END
        ORDER BY x.shipped
        LIMIT 1;
        IF NOT FOUND THEN
            paying := false;
            s.over_cap := s.in_scope;
            IF s.in_scope > 0 THEN
                s.transfer_to := 'general_outpatient';
            END IF;
            -- the quota list's rule decides (LZ-FPO, also for a spouse; 0.6.0)
            SELECT x.source INTO v_list_rule FROM matins.benefit_quota x
            WHERE x.policy = v_rows_pol AND x.benefit = c.benefit
              AND (x.setting = v_setting OR c.benefit = 'screening')
            LIMIT 1;
            IF v_list_rule IS NOT NULL AND NOT v_list_rule = ANY (v_notes) THEN
                v_notes := v_notes || v_list_rule;
            END IF;
            v_notes := v_notes || 'no_quota'::text;
        ELSE
            IF NOT q.source = ANY (v_notes) THEN
                v_notes := v_notes || q.source;
            END IF;
            IF q.designated_only AND NOT EXISTS (
                    SELECT FROM matins.designated_hospital h
                    WHERE h.policy = v_rows_pol AND h.benefit = c.benefit AND h.hospital = c.hospital) THEN
                paying := false;
                v_notes := v_notes || 'not_designated'::text;
            ELSIF q.min_level IS NOT NULL AND coalesce(c.hospital_level, 0) < q.min_level THEN
                paying := false;
                v_notes := v_notes || 'hospital_level'::text;
            END IF;
            -- (used_in_pregnancy cannot happen to a first claim)
            IF NOT paying THEN
                s.over_cap := s.in_scope;
                IF s.in_scope > 0 THEN
                    s.transfer_to := 'general_outpatient';
                END IF;
            ELSE
                IF c.benefit = 'screening' THEN
                    v_base := least(s.in_scope, q.quota);
                    v_fund := round(v_base * r.ratio, 2);
                ELSE
                    v_quota := round(q.quota * r.ratio, 2);
                    v_base := least(s.in_scope, v_quota);
                    v_fund := v_base;
                END IF;
                s.over_cap := s.in_scope - v_base;
                IF s.over_cap > 0 THEN
                    s.transfer_to := 'personal';
                    v_notes := v_notes || 'over_quota'::text;
                END IF;
            END IF;
        END IF;
    END CASE;

    ------------------------------------------------------------------ pay within the yearly cap
    IF paying THEN
        cap_name := coalesce(r.cap_param, r.cap_constant);
        IF cap_name IS NOT NULL THEN
            IF r.cap_param IS NOT NULL THEN
                v_cap := matins.param(c.region, r.cap_param, c.service_date);
                IF v_cap IS NULL THEN
                    RAISE EXCEPTION 'region parameter "%" is not set for region % on %', r.cap_param,
                        c.region, c.service_date USING ERRCODE = 'invalid_parameter_value';
                END IF;
            ELSE
                SELECT k.value INTO v_cap FROM matins.policy_constant k
                WHERE k.name = r.cap_constant
                  AND k.policy IN (SELECT unnest(v_rows_chain) UNION ALL SELECT v_pol UNION ALL SELECT v_resident)
                ORDER BY array_position(v_rows_chain || v_pol || v_resident, k.policy), k.shipped
                LIMIT 1;
                IF v_cap IS NULL THEN
                    RAISE EXCEPTION 'policy % has no constant "%"', v_pol, r.cap_constant
                        USING ERRCODE = 'invalid_parameter_value';
                END IF;
            END IF;
            v_cap := greatest(0, round(v_cap, 2));   -- nothing paid toward it yet this year
            IF v_fund > v_cap THEN
                s.over_cap := s.over_cap + v_fund - v_cap;
                s.transfer_to := coalesce(s.transfer_to, r.cap_transfer);
                IF NOT 'annual_cap' = ANY (v_notes) THEN
                    v_notes := v_notes || 'annual_cap'::text;
                END IF;
                v_fund := v_cap;
            END IF;
        END IF;
        IF r.fund = 'maternity' THEN
            s.maternity_fund := v_fund;
        ELSE
            s.pooled_fund := v_fund;
        END IF;
    END IF;

    ------------------------------------------------------------------ fund and personal shares
    s.fund_total := s.maternity_fund + s.pooled_fund;
    s.copay := s.in_scope - s.deductible - s.over_cap - s.fund_total;
    s.personal := s.total - s.fund_total;
    IF s.copay < 0 OR s.in_scope < 0 THEN
        RAISE EXCEPTION 'settlement of claim % breaks its identities', c.claim_id;
    END IF;
    s.total := round(s.total, 2);
    s.self_pay := round(s.self_pay, 2);
    s.over_limit := round(s.over_limit, 2);
    s.pre_self_pay := round(s.pre_self_pay, 2);
    s.in_scope := round(s.in_scope, 2);
    s.deductible := round(s.deductible, 2);
    s.copay := round(s.copay, 2);
    s.over_cap := round(s.over_cap, 2);
    s.maternity_fund := round(s.maternity_fund, 2);
    s.pooled_fund := round(s.pooled_fund, 2);
    s.fund_total := round(s.fund_total, 2);
    s.personal := round(s.personal, 2);
    s.notes := v_notes;
    RETURN s;
END
$fn$;

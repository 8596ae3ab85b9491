-- pgTAP: properties over 4000 generated claims (no random(): every field is arithmetic on the
-- row number) in five regions and about twenty routes, settled with matins_settle_run over each
-- person's claims.  For every settlement: the contract's identities, no negative amount, exact
-- fen, fund_total <= in_scope, each fund only on its own routes; per person, pregnancy and year:
-- no cap, quota or limit exceeded; and the run agrees with matins_settle and with the `prior`
-- form given the same earlier usage.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(39);

DO $$
BEGIN
    -- Jilin (JL19-IP, JL19-SP, JL19-OP, JL19-CH, JL24-ART-2, JL24-DL, JL24-FP)
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 800, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.special.deductible', 1000, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.deductible', 50, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.chronic.deductible', 100, '2020-01-01');
    PERFORM matins.set_param('220000', 'art.deductible.l1', 300, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l1', 0.65, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l2', 0.60, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l1', 0.85, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l2', 0.80, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l3', 0.75, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.class_b_rate', 0.08, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.annual_cap', 300000, '2024-07-01');
    PERFORM matins.set_param('220000', 'family_planning.other_ratio', 0.9, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.deductible.l1', 300, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.deductible.l2', 600, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.deductible.l3', 900, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.ratio.l1', 0.90, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.ratio.l2', 0.85, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.inpatient.ratio.l3', 0.80, '2024-07-01');
    -- Inner Mongolia: a low employee annual cap, so that the generated claims reach it
    PERFORM matins.set_param('150000', 'employee.annual_cap', 20000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.class_b_rate', 0.05, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.deductible.l1', 300, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.deductible.l2', 600, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.deductible.l3', 1000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.ratio.l1', 0.90, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.ratio.l2', 0.85, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.ratio.l3', 0.80, '2026-01-01');
    -- Wenzhou's yearly maximum (WZ-IP), low as well
    PERFORM matins.set_param('330300', 'employee.annual_cap', 30000, '2026-01-01');
END $$;

-- ART item lines for row i: one of the eight items (quantity 1-5 for the per-embryo and per-egg
-- items, 2 now and then for a per-procedure one), charged 90%-119% of the price, surcharges now
-- and then, the PGT indication every other time; a class-B drug; sometimes a self-paid item
CREATE FUNCTION pg_temp.art_lines(i int) RETURNS matins.claim_line[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY[ROW(x.code, NULL, x.q,
                     round(x.price * x.q * (90 + i % 30) / 100.0, 2) + x.sur, x.sur,
                     CASE WHEN x.code = '311600008' AND i % 2 = 0 THEN 'monogenic' END)::matins.claim_line,
                 ROW('DRUG-' || i, 'B', 1, 10 + (i * 13) % 900, 0, NULL)::matins.claim_line]
           || CASE WHEN i % 3 = 0 THEN ARRAY[ROW('SELF-' || i, 'self', 1, 33.33, 0, NULL)::matins.claim_line]
                   ELSE '{}'::matins.claim_line[] END
    FROM (SELECT a.code, a.price,
                 CASE WHEN a.unit IN ('embryo', 'egg') THEN i % 5 + 1 WHEN i % 6 = 0 THEN 2 ELSE 1 END AS q,
                 CASE WHEN i % 4 <> 0 THEN 0
                      WHEN a.code = '311600001' THEN 250 WHEN a.code = '311600002' THEN 1300
                      WHEN a.code = '311600005' THEN 1500 WHEN a.code = '311600011' THEN 2000
                      WHEN a.code = '311600012' THEN 750 ELSE 0 END AS sur
          FROM matins.art_item a
          WHERE a.policy = 'JL-2024-MAT'
          ORDER BY a.code OFFSET i % 8 LIMIT 1) AS x
$$;
-- Inner Mongolia package lines: two package items (1-3 units), sometimes an item outside it
CREATE FUNCTION pg_temp.nm_lines(i int) RETURNS matins.claim_line[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY[ROW('NMPN' || lpad((i % 37 + 1)::text, 2, '0'), NULL, i % 3 + 1,
                     round((20 + (i % 50) * 3.7) * (i % 3 + 1), 2), 0, NULL)::matins.claim_line,
                 ROW('NMPN' || lpad((i * 7 % 37 + 1)::text, 2, '0'), NULL, 1, 35.50, 0, NULL)::matins.claim_line]
           || CASE WHEN i % 4 = 0 THEN ARRAY[ROW('OUT-' || i, 'A', 1, 12.34, 0, NULL)::matins.claim_line]
                   ELSE '{}'::matins.claim_line[] END
$$;
-- Wenzhou list lines: an item of the list, sometimes one off it
CREATE FUNCTION pg_temp.wz_lines(i int) RETURNS matins.claim_line[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY[ROW((SELECT name FROM matins.prenatal_list_item
                      WHERE policy = 'WZ-DRAFT-MAT' AND seq = i % 75 + 1), NULL, 1,
                     round(30 + (i * 17) % 600 + 0.25, 2), 0, NULL)::matins.claim_line]
           || CASE WHEN i % 5 = 0 THEN ARRAY[ROW('OFF-LIST', 'A', 1, 88.80, 0, NULL)::matins.claim_line]
                   ELSE '{}'::matins.claim_line[] END
$$;

-- 4000 claims of 500 persons (8 each); person p's kind = p % 5:
--   0 Jilin residents, 1 Jilin employees (enterprise or flexible), 2 Inner Mongolia / Baotou
--   (enterprise, uninsured flexible, spouse), 3 Lanzhou (enterprise, spouse, retiree), 4 Wenzhou
--   (settled under the named draft)
CREATE TEMP TABLE gen AS
SELECT g.i, matins.make_claim(
        claim_id => g.i, person_id => g.p, pregnancy_id => g.p * 10 + g.j / 4,
        region => g.region, service_date => g.d, scheme => g.scheme, person_type => g.pt,
        maternity_insured => g.insured, benefit => g.b, setting => g.setting,
        procedure => g.proc, disease => g.disease, hospital_level => g.lvl, hospital => g.hospital,
        location => g.loc, referral => g.referral,
        total => CASE WHEN g.lines IS NULL THEN g.tot END,
        self_pay => CASE WHEN g.lines IS NULL THEN round(g.tot * (g.i * 7 % 10) / 100.0, 2) ELSE 0 END,
        class_b => CASE WHEN g.lines IS NULL THEN round(g.tot * (g.i * 11 % 30) / 100.0, 2) ELSE 0 END,
        lines => g.lines) AS c
FROM (
    SELECT i, p, j, kind, b, region, d, pt, lvl,
           CASE WHEN pt = 'resident' OR (kind = 2 AND pt = 'spouse') THEN 'resident' ELSE 'employee' END AS scheme,
           NOT (kind = 2 AND pt = 'flexible') AS insured,
           CASE WHEN b = 'family_planning' AND kind = 2 AND pt <> 'enterprise' THEN 'inpatient' END AS setting,
           CASE WHEN b <> 'family_planning' THEN NULL
                WHEN kind = 1 THEN (ARRAY['iud_remove', 'tubal_reversal', 'vas_reversal', 'abortion', 'iud_insert', 'tubal_ligation'])[i % 6 + 1]
                WHEN kind = 2 AND pt = 'enterprise' THEN (ARRAY['abortion', 'iud_insert', 'tubal_reversal', 'tubal_ligation', 'vas_reversal'])[i % 5 + 1]
                WHEN kind = 2 THEN (ARRAY['abortion', 'tubal_ligation'])[i % 2 + 1]
                WHEN kind = 3 THEN (ARRAY['abortion', 'iud_insert', 'iud_remove', 'medical_abortion', 'tubal_ligation', 'induced_labour'])[i % 6 + 1]
                ELSE 'tubal_ligation' END AS proc,
           CASE WHEN b = 'special' THEN 'SP' || lpad((i % 40 + 1)::text, 2, '0')
                WHEN b = 'chronic' THEN 'CH' || lpad((i % 18 + 1)::text, 2, '0')
                WHEN b = 'outpatient' THEN (ARRAY['HTN', 'DM', NULL, NULL])[i % 4 + 1] END AS disease,
           CASE WHEN b = 'screening' AND i % 3 = 0 THEN '某县人民医院'
                WHEN b = 'screening' THEN (ARRAY['甘肃省人民医院', '兰州大学第一医院', '兰州大学第二医院', '甘肃省妇幼保健院', '兰州市妇幼保健院'])[i % 5 + 1] END AS hospital,
           CASE WHEN b = 'chronic' AND i % 9 = 0 THEN 'national' ELSE 'local' END AS loc,
           CASE WHEN b = 'inpatient' THEN (ARRAY['up', 'down', NULL, NULL, NULL, NULL, NULL])[i % 7 + 1] END AS referral,
           CASE WHEN b = 'art' THEN pg_temp.art_lines(i)
                WHEN b = 'prenatal' AND kind = 2 AND pt = 'enterprise' AND i % 2 = 0 THEN pg_temp.nm_lines(i)
                WHEN b = 'prenatal' AND kind = 4 AND i % 2 = 0 THEN pg_temp.wz_lines(i) END AS lines,
           CASE WHEN b IN ('inpatient', 'delivery') AND kind = 0 THEN 1000 + (i * 7919 % 14900000) / 100.0
                WHEN b IN ('delivery', 'family_planning') AND kind IN (1, 2, 4) THEN 100 + (i * 7919 % 1500000) / 100.0
                WHEN b IN ('outpatient', 'chronic', 'prenatal') THEN 5 + (i * 7919 % 200000) / 100.0
                WHEN b IN ('screening', 'family_planning') THEN 2.5 + (i * 7919 % 100000) / 100.0
                ELSE 50 + (i * 7919 % 2000000) / 100.0 END AS tot
    FROM (
        SELECT i, p, j, kind,
               CASE kind WHEN 0 THEN '220000' WHEN 1 THEN (ARRAY['220000', '220100', '220200'])[p % 3 + 1]
                         WHEN 2 THEN (ARRAY['150000', '150200'])[p % 2 + 1] WHEN 3 THEN '620100'
                         ELSE '330300' END AS region,
               CASE kind WHEN 0 THEN date '2024-09-01' WHEN 1 THEN date '2024-09-01'
                         WHEN 2 THEN date '2026-04-01' WHEN 3 THEN date '2025-07-01'
                         ELSE date '2026-01-01' END + (i * 37 % 540) AS d,
               CASE kind WHEN 0 THEN 'resident' WHEN 1 THEN (ARRAY['enterprise', 'flexible'])[p / 5 % 2 + 1]
                         WHEN 2 THEN (ARRAY['enterprise', 'flexible', 'spouse'])[p % 3 + 1]
                         WHEN 3 THEN (ARRAY['enterprise', 'spouse', 'retiree'])[p % 3 + 1]
                         ELSE 'enterprise' END AS pt,
               CASE WHEN kind = 3 AND i % 11 = 0 THEN NULL ELSE i % 3 + 1 END AS lvl,
               CASE kind
                 WHEN 0 THEN (ARRAY['inpatient', 'special', 'outpatient', 'chronic', 'day_surgery', 'delivery', 'art', 'prenatal'])[(j + p) % 8 + 1]
                 WHEN 1 THEN CASE WHEN p / 5 % 2 = 0
                                  THEN (ARRAY['prenatal', 'prenatal', 'delivery', 'family_planning', 'art', 'prenatal', 'family_planning', 'prenatal'])[(j + p) % 8 + 1]
                                  ELSE (ARRAY['prenatal', 'delivery', 'prenatal', 'delivery', 'art', 'prenatal', 'delivery', 'prenatal'])[(j + p) % 8 + 1] END
                 WHEN 2 THEN CASE p % 3
                                  WHEN 0 THEN (ARRAY['prenatal', 'prenatal', 'delivery', 'family_planning', 'prenatal', 'family_planning', 'prenatal', 'delivery'])[(j + p) % 8 + 1]
                                  WHEN 1 THEN (ARRAY['prenatal', 'delivery', 'family_planning', 'delivery'])[(j + p) % 4 + 1]
                                  ELSE (ARRAY['delivery', 'family_planning'])[(j + p) % 2 + 1] END
                 WHEN 3 THEN (ARRAY['prenatal', 'screening', 'delivery', 'family_planning', 'screening', 'family_planning', 'delivery', 'family_planning'])[(j + p) % 8 + 1]
                 ELSE (ARRAY['prenatal', 'prenatal', 'delivery', 'prenatal', 'family_planning', 'prenatal', 'delivery', 'prenatal'])[(j + p) % 8 + 1]
               END AS b
        FROM (SELECT i, i % 500 AS p, i / 500 AS j, i % 500 % 5 AS kind FROM generate_series(0, 3999) AS i) AS n
    ) AS m
) AS g;

-- every person's claims in one window; Wenzhou under the named draft
CREATE TEMP TABLE st AS
SELECT g.i, g.c, matins_settle_run(g.c) OVER w AS s
FROM gen g WHERE (g.c).region <> '330300'
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id)
UNION ALL
SELECT g.i, g.c, matins_settle_run(g.c, 'WZ-DRAFT-MAT') OVER w AS s
FROM gen g WHERE (g.c).region = '330300'
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id);
CREATE TEMP VIEW sv AS
SELECT i, c, (c).person_id AS person_id, (c).pregnancy_id AS pregnancy_id, (c).scheme AS scheme,
       (c).person_type AS person_type, (c).disease AS disease,
       extract(year FROM (c).service_date)::int AS year, (s).*
FROM st;

------------------------------------------------------------------ coverage of the generator
SELECT is((SELECT count(*)::int FROM st WHERE (s).claim_id IS NOT NULL), 4000,
  'JL19-IP: every generated claim is settled (no error, no null)');
SELECT cmp_ok((SELECT count(DISTINCT (policy, route))::int FROM sv), '>=', 25,
  'JL24-SC: the claims cover at least 25 policy routes');
SELECT cmp_ok((SELECT count(*)::int FROM sv WHERE over_cap > 0 AND 'annual_cap' = ANY (notes)), '>', 10,
  'NM-PN: yearly caps are reached by some persons');

------------------------------------------------------------------ matins' window node (0.9.0)
-- The windows above (the default RANGE frame) and with ROWS UNBOUNDED PRECEDING run in matins' own
-- node (src/settle_run_scan.c), not WindowAgg: every field of every claim must be what WindowAgg
-- gives for the same frame (matins.settle_scan off).
CREATE TEMP TABLE st_rows AS
SELECT g.i, matins_settle_run(g.c, CASE WHEN (g.c).region = '330300' THEN 'WZ-DRAFT-MAT' END) OVER w AS s
FROM gen g
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id ROWS UNBOUNDED PRECEDING);
SET LOCAL matins.settle_scan = off;
CREATE TEMP TABLE st_windowagg AS
SELECT g.i, matins_settle_run(g.c) OVER w AS s
FROM gen g WHERE (g.c).region <> '330300'
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id)
UNION ALL
SELECT g.i, matins_settle_run(g.c, 'WZ-DRAFT-MAT') OVER w AS s
FROM gen g WHERE (g.c).region = '330300'
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id);
CREATE TEMP TABLE st_rows_windowagg AS
SELECT g.i, matins_settle_run(g.c, CASE WHEN (g.c).region = '330300' THEN 'WZ-DRAFT-MAT' END) OVER w AS s
FROM gen g
WINDOW w AS (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id ROWS UNBOUNDED PRECEDING);
RESET matins.settle_scan;
SELECT is((SELECT count(*)::int FROM st_rows), 4000, 'the window node gives a row for each of the 4000 claims');
SELECT is((SELECT count(*)::int FROM st JOIN st_windowagg w USING (i) WHERE st.s::text IS DISTINCT FROM w.s::text), 0,
  'JL19-IP, JL24-PN, NM-PN, LZ-IP...: every field of every claim from the node under the default frame is WindowAgg''s');
SELECT is((SELECT count(*)::int FROM st_rows_windowagg w JOIN st_rows USING (i) WHERE w.s::text IS DISTINCT FROM st_rows.s::text), 0,
  'and under ROWS UNBOUNDED PRECEDING (the policy given on every row, NULL outside Wenzhou)');

------------------------------------------------------------------ every settlement
SELECT is_empty($$SELECT i FROM sv
    WHERE total IS DISTINCT FROM self_pay + over_limit + pre_self_pay + in_scope
       OR in_scope IS DISTINCT FROM deductible + copay + over_cap + fund_total
       OR personal IS DISTINCT FROM total - fund_total$$,
  'JL24-SC: total = self_pay + over_limit + pre_self_pay + in_scope; in_scope = deductible + copay + over_cap + fund_total; personal = total - fund_total');
SELECT is_empty($$SELECT i FROM sv WHERE fund_total IS DISTINCT FROM maternity_fund + pooled_fund$$,
  'JL24-SC: fund_total = maternity_fund + pooled_fund');
SELECT is_empty($$SELECT i FROM sv
    WHERE least(total, self_pay, over_limit, pre_self_pay, in_scope, deductible, copay, over_cap,
                maternity_fund, pooled_fund, fund_total, personal) < 0$$,
  'JL24-SC: no amount is negative');
SELECT is_empty($$SELECT i FROM sv WHERE fund_total > in_scope$$,
  'JL24-SC: fund_total never exceeds in_scope');
SELECT is_empty($$SELECT i FROM sv
    WHERE EXISTS (SELECT FROM unnest(ARRAY[total, self_pay, over_limit, pre_self_pay, in_scope,
                      deductible, copay, over_cap, maternity_fund, pooled_fund, fund_total, personal]) a
                  WHERE a <> round(a, 2))$$,
  'JL24-SC: every amount is exact to the fen');
SELECT is_empty($$SELECT i FROM sv WHERE total IS DISTINCT FROM (c).total$$,
  'JL24-SC: total is the claim''s total');
SELECT is_empty($$SELECT i FROM sv WHERE (transfer_to IS NOT NULL) <> (over_cap > 0)$$,
  'JL24-PN: transfer_to is set exactly when over_cap is positive');
SELECT is_empty($$SELECT i FROM sv
    WHERE (route LIKE 'maternity.%' AND (pooled_fund <> 0 OR pre_self_pay <> 0))
       OR (route NOT LIKE 'maternity.%' AND maternity_fund <> 0)$$,
  'JL24-SC: maternity routes pay from the maternity fund with no pre-self-pay; other routes from the pooled fund');
SELECT is_empty($$SELECT i FROM sv
    WHERE cardinality(notes) = 0 OR NOT EXISTS (SELECT FROM matins.rule r WHERE r.id = notes[1])$$,
  'JL24-SC: every settlement''s first note is a rule id of matins.rule');
SELECT is_empty($$SELECT i FROM sv
    WHERE policy <> CASE (c).region WHEN '150200' THEN 'BT-2026-MAT' WHEN '150000' THEN 'NM-2025-MAT'
                        WHEN '620100' THEN 'LZ-2025-MAT' WHEN '330300' THEN 'WZ-DRAFT-MAT'
                        ELSE policy END
       OR (left((c).region, 2) = '22' AND policy NOT IN ('JL-2024-MAT', 'JL-2019-RES'))$$,
  'NM-IP: each claim is settled under its region''s policy');

------------------------------------------------------------------ caps per person, pregnancy, year
SELECT is_empty($$SELECT person_id, pregnancy_id, sum(maternity_fund) FROM sv
    WHERE policy = 'JL-2024-MAT' AND route = 'maternity.prenatal'
    GROUP BY person_id, pregnancy_id HAVING sum(maternity_fund) > 1000$$,
  'JL24-PN: the prenatal fund per pregnancy never exceeds 1000');
SELECT cmp_ok((SELECT count(*)::int FROM (SELECT FROM sv WHERE policy = 'JL-2024-MAT' AND route = 'maternity.prenatal'
    GROUP BY person_id, pregnancy_id HAVING sum(maternity_fund) = 1000) x), '>', 0,
  'JL24-PN: some pregnancies reach the 1000 cap');
SELECT is_empty($$SELECT person_id, year, sum(pooled_fund) FROM sv
    WHERE scheme = 'resident' AND left((c).region, 2) = '22'
      AND route IN ('resident.inpatient', 'resident.special', 'resident.day_surgery', 'resident.art')
    GROUP BY person_id, year HAVING sum(pooled_fund) > 200000$$,
  'JL19-IP: a resident''s inpatient, special and ART fund never exceeds 200000 a year');
SELECT is_empty($$SELECT person_id, year, sum(pooled_fund) FROM sv WHERE route = 'resident.outpatient'
    GROUP BY person_id, year HAVING sum(pooled_fund) > 700$$,
  'JL19-OP: general outpatient fund never exceeds the 700 yearly limit');
SELECT is_empty($$SELECT person_id, year, sum(pooled_fund) FROM sv
    WHERE route IN ('resident.outpatient', 'resident.chronic')
    GROUP BY person_id, year HAVING sum(pooled_fund) > 6500$$,
  'JL19-CH: general outpatient + chronic fund never exceeds 6500 a year');
SELECT is_empty($$SELECT v.person_id, v.year, v.disease, sum(v.pooled_fund) FROM sv v
    JOIN matins.chronic_disease d ON d.policy = 'JL-2019-RES' AND d.code = v.disease
    WHERE v.route = 'resident.chronic'
    GROUP BY v.person_id, v.year, v.disease, d.fund_max HAVING sum(v.pooled_fund) > d.fund_max$$,
  'JL19-CH: no chronic disease is paid above its yearly fund maximum');
SELECT is_empty($$SELECT i FROM sv WHERE route = 'resident.chronic' AND (c).location = 'national' AND pooled_fund > 0$$,
  'JL19-CH: chronic care in another province is never paid');
SELECT is_empty($$SELECT person_id, year, sum(fund_total) FROM sv WHERE left((c).region, 2) = '15'
    GROUP BY person_id, year HAVING sum(fund_total) > 20000$$,
  'NM-PN: an Inner Mongolia employee''s fund never exceeds the 20000 annual cap set here');
SELECT is_empty($$SELECT person_id, year, sum(fund_total) FROM sv
    WHERE policy = 'WZ-DRAFT-MAT' AND route = 'maternity.inpatient'
    GROUP BY person_id, year HAVING sum(fund_total) > 30000$$,
  'WZ-IP: Wenzhou delivery and family-planning payments never exceed the 30000 maximum set here');
SELECT is_empty($$SELECT person_id, pregnancy_id, sum(maternity_fund) FROM sv
    WHERE policy = 'WZ-DRAFT-MAT' AND route = 'maternity.prenatal'
    GROUP BY person_id, pregnancy_id HAVING sum(maternity_fund) > 3000$$,
  'WZ-PN: the prenatal fund per pregnancy never exceeds 3000');
SELECT is_empty($$SELECT person_id, pregnancy_id FROM sv
    WHERE policy = 'LZ-2025-MAT' AND route = 'maternity.screening'
    GROUP BY person_id, pregnancy_id, person_type
    HAVING count(*) FILTER (WHERE maternity_fund > 0) > 1
        OR sum(maternity_fund) > CASE person_type WHEN 'spouse' THEN 80 ELSE 160 END$$,
  'LZ-SCR: at most one screening paid per pregnancy, at most 160 (80 for a spouse)');
SELECT is_empty($$SELECT i FROM sv
    WHERE policy = 'LZ-2025-MAT' AND route = 'maternity.outpatient'
      AND maternity_fund > CASE (c).procedure WHEN 'abortion' THEN 260 ELSE 200 END
                           * CASE person_type WHEN 'spouse' THEN 0.5 ELSE 1 END$$,
  'LZ-FPO: outpatient family planning is never paid above its quota (half for a spouse)');
SELECT is_empty($$SELECT i FROM sv
    WHERE policy = 'LZ-2025-MAT' AND route = 'maternity.inpatient'
      AND maternity_fund <> CASE person_type WHEN 'spouse' THEN round(in_scope * 0.5, 2) ELSE in_scope END$$,
  'LZ-IP: inpatient maternity is paid 100% of in-scope cost (50% for a spouse)');
SELECT is_empty($$SELECT i FROM sv WHERE route IN ('maternity.prenatal_outside', 'maternity.prenatal_grant') AND fund_total <> 0$$,
  'LZ-PN: routes that transfer prenatal cost pay nothing themselves');

------------------------------------------------------------------ the run agrees with the other forms
-- each person's first claim settled alone equals its settlement in the run
SELECT is_empty($$SELECT i FROM (
        SELECT i, c, s, row_number() OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id) AS k
        FROM st) x
    WHERE k = 1 AND matins_settle(c, CASE WHEN (c).region = '330300' THEN 'WZ-DRAFT-MAT' END) IS DISTINCT FROM s$$,
  'JL24-SC: a person''s first claim settles the same alone as in the run');
-- Jilin prenatal: the prior form with prenatal_paid = the pregnancy's earlier payments
SELECT is_empty($$SELECT a.i FROM sv a
    WHERE a.policy = 'JL-2024-MAT' AND a.route = 'maternity.prenatal'
      AND matins_settle(a.c, jsonb_build_object('prenatal_paid', coalesce((
              SELECT sum(b.maternity_fund) FROM sv b
              WHERE b.person_id = a.person_id AND b.pregnancy_id = a.pregnancy_id
                AND b.route = 'maternity.prenatal'
                AND ((b.c).service_date, b.i) < ((a.c).service_date, a.i)), 0)))
          IS DISTINCT FROM ROW(a.claim_id, a.policy, a.route, a.total, a.self_pay, a.over_limit,
                a.pre_self_pay, a.in_scope, a.deductible, a.copay, a.over_cap, a.transfer_to,
                a.maternity_fund, a.pooled_fund, a.fund_total, a.personal, a.notes)::matins.settlement$$,
  'JL24-PN: the run equals matins_settle with prior prenatal_paid');
-- Jilin resident inpatient: prior inpatient_position, resident_fund_paid (this year's), and
-- last_stay_deductible (the person's last stay, whatever its year: JL19-IP referral)
SELECT is_empty($$SELECT a.i FROM sv a
    WHERE a.route = 'resident.inpatient'
      AND matins_settle(a.c, jsonb_build_object(
            'inpatient_position', coalesce((SELECT sum(b.in_scope) FROM sv b
                WHERE b.person_id = a.person_id AND b.year = a.year
                  AND b.route IN ('resident.inpatient', 'resident.special', 'resident.day_surgery')
                  AND NOT (b.route <> 'resident.inpatient' AND (b.c).hospital_level < 2)
                  AND ((b.c).service_date, b.i) < ((a.c).service_date, a.i)), 0),
            'resident_fund_paid', coalesce((SELECT sum(b.pooled_fund) FROM sv b
                WHERE b.person_id = a.person_id AND b.year = a.year
                  AND b.route IN ('resident.inpatient', 'resident.special', 'resident.day_surgery', 'resident.art')
                  AND ((b.c).service_date, b.i) < ((a.c).service_date, a.i)), 0),
            'last_stay_deductible', coalesce((SELECT CASE WHEN (b.c).referral = 'down' AND (b.c).hospital_level = 1 THEN 0
                    ELSE matins.param((b.c).region, 'resident.inpatient.deductible.l' || (b.c).hospital_level, (b.c).service_date) END
                FROM sv b
                WHERE b.person_id = a.person_id AND b.route = 'resident.inpatient'
                  AND ((b.c).service_date, b.i) < ((a.c).service_date, a.i)
                ORDER BY (b.c).service_date DESC, b.i DESC LIMIT 1), 0)))
          IS DISTINCT FROM ROW(a.claim_id, a.policy, a.route, a.total, a.self_pay, a.over_limit,
                a.pre_self_pay, a.in_scope, a.deductible, a.copay, a.over_cap, a.transfer_to,
                a.maternity_fund, a.pooled_fund, a.fund_total, a.personal, a.notes)::matins.settlement$$,
  'JL19-IP: the run equals matins_settle with prior inpatient_position, resident_fund_paid and last_stay_deductible');
-- settling again gives the same
SELECT is_empty($$SELECT i FROM (
        SELECT g.i, matins_settle_run(g.c) OVER (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id) AS s2
        FROM gen g WHERE (g.c).region <> '330300') x
    JOIN st USING (i) WHERE x.s2 IS DISTINCT FROM st.s$$,
  'JL24-SC: settling the same claims again gives the same settlements');
-- claim ids make the order total: the ROWS frame the README recommends gives the same
SELECT is_empty($$SELECT i FROM (
        SELECT g.i, matins_settle_run(g.c) OVER (PARTITION BY (g.c).person_id ORDER BY (g.c).service_date, (g.c).claim_id
            ROWS UNBOUNDED PRECEDING) AS s2
        FROM gen g WHERE (g.c).region <> '330300') x
    JOIN st USING (i) WHERE x.s2 IS DISTINCT FROM st.s$$,
  'JL24-SC: the run over ROWS UNBOUNDED PRECEDING equals the default frame when claim ids order the claims');

------------------------------------------------------------------ the direct claim reader
-- In one scan, matins_settle decodes its first claim with the reference decoder and reads the
-- later ones in place (src/claim_read.c).  A statement run by EXECUTE is planned anew, so its
-- one call always takes the reference decoder: the two must agree on every claim, whether the
-- row is stored with a short header or a long one, with lines or without.
CREATE FUNCTION pg_temp.settle_alone(c matins.claim, policy text) RETURNS matins.settlement
LANGUAGE plpgsql AS $$
DECLARE
    r matins.settlement;
BEGIN
    EXECUTE 'SELECT (matins_settle($1, $2)).*' INTO r USING c, policy;
    RETURN r;
END $$;
CREATE TEMP TABLE reader AS
SELECT i, c, matins_settle(c, CASE WHEN (c).region = '330300' THEN 'WZ-DRAFT-MAT' END) AS scan,
       pg_temp.settle_alone(c, CASE WHEN (c).region = '330300' THEN 'WZ-DRAFT-MAT' END) AS alone,
       pg_column_size(c) AS size
FROM gen;
SELECT is_empty($$SELECT i FROM reader WHERE scan::text IS DISTINCT FROM alone::text$$,
  'JL24-SC: claims read in place settle exactly as claims decoded by the reference decoder');
SELECT ok((SELECT count(*) FILTER (WHERE size < 127) > 100 AND count(*) FILTER (WHERE size >= 127) > 100
           AND count(*) FILTER (WHERE (c).lines IS NOT NULL) > 100 FROM reader),
  'JL24-SC: the comparison covers short and long rows and claims with lines');
SELECT is((SELECT sum((scan).fund_total) FROM reader), (SELECT sum((alone).fund_total) FROM reader),
  'JL24-SC: the same fund total over all generated claims either way');

-- amounts of every form the engine reads and writes in line (zero; hundredths only; yuan;
-- ten-thousands; more than three digits, up to the largest amount; written with extra zero
-- decimals), stored in a table and settled in one scan: LZ-IP pays delivery in full, so total
-- and fund_total are the amount
CREATE TEMP TABLE amounts AS
SELECT x, matins.make_claim(claim_id => n, person_id => n, region => '620100',
           service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise',
           benefit => 'delivery', hospital_level => 2, total => x) AS c
FROM unnest('{0, 0.01, 0.1, 0.5, 0.99, 1, 5.05, 100, 9999.99, 10000, 10000.01, 12345.6, 99999.99,
              999999.99, 1000000, 1000000.01, 99999999.99, 100000000, 100000000.01,
              123456789.01, 999999999.99, 1.230, 7.000, 0.10}'::numeric[]) WITH ORDINALITY AS u(x, n);
SELECT is_empty($$SELECT x FROM (SELECT x, matins_settle(c) AS s FROM amounts) a
    WHERE (s).total <> x OR (s).fund_total <> x OR (s).personal <> 0
       OR (s).total::text <> round(x, 2)::text OR (s).fund_total::text <> round(x, 2)::text$$,
  'LZ-IP: every form of amount is read and written exactly, with two decimals');

SELECT * FROM finish();
ROLLBACK;

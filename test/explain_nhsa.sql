-- pgTAP: matins_explain (the steps of the same computation, each with its rule id and source)
-- and matins.to_nhsa (the national platform's field names).
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(35);

\ir lib/settle_helpers.sql

DO $$
BEGIN
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 800, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.special.deductible', 1000, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.deductible', 50, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.chronic.deductible', 100, '2020-01-01');
    PERFORM matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l3', 0.75, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.inpatient.deductible.l2', 800, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.inpatient.ratio.l2', 0.85, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.annual_cap', 300000, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.class_b_rate', 0.10, '2024-07-01');
    PERFORM matins.set_param('220100', 'family_planning.other_ratio', 0.8, '2024-07-01');
    PERFORM matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.deductible.l3', 1000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.ratio.l3', 0.90, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.class_b_rate', 0.05, '2026-01-01');
    PERFORM matins.set_param('330300', 'employee.annual_cap', 200000, '2026-01-01');
END $$;

-- one claim of each kind of route (pol: the what-if policy, NULL for the one in force)
CREATE TEMP TABLE ex (n int PRIMARY KEY, c matins.claim, pol text);
INSERT INTO ex VALUES
 (1, pg_temp.c(1, '620100', '2025-09-20', 'delivery', 8000, hospital_level => 3, self_pay => 500, class_b => 1200), NULL),
 (2, pg_temp.c(2, '620100', '2025-10-01', 'delivery', 6000, person_type => 'spouse', hospital_level => 2), NULL),
 (3, pg_temp.c(3, '620100', '2025-08-03', 'family_planning', 380, procedure => 'abortion', hospital_level => 2, self_pay => 30), NULL),
 (4, pg_temp.c(4, '620100', '2025-07-15', 'screening', 200, hospital => '兰州大学第一医院'), NULL),
 (5, pg_temp.c(5, '220000', '2025-02-10', 'prenatal', 1250, self_pay => 50), NULL),
 (6, pg_temp.c(6, '220000', '2025-05-01', 'delivery', 40000, person_type => 'resident', hospital_level => 1,
      referral => 'down', self_pay => 2000, class_b => 10000), NULL),
 (7, pg_temp.c(7, '220000', '2025-03-03', 'art', NULL, person_type => 'resident', hospital_level => 3,
      lines => ARRAY[pg_temp.l('311600001', 1, 2750, 250), pg_temp.l('311600002', 1, 5350, 1300),
                     pg_temp.l('DRUG-0001', 1, 1000, item_class => 'B'), pg_temp.l('SELF-0001', 1, 500, item_class => 'self')]), NULL),
 (8, pg_temp.c(8, '150200', '2026-05-10', 'delivery', 12000, hospital_level => 3, self_pay => 800), NULL),
 (9, pg_temp.c(9, '330300', '2026-02-01', 'prenatal', 3200), 'WZ-DRAFT-MAT'),
 (10, pg_temp.c(10, '220000', '2025-03-01', 'inpatient', 70000, person_type => 'resident', hospital_level => 2), NULL),
 (11, pg_temp.c(11, '220000', '2025-03-01', 'special', 5000, person_type => 'resident', hospital_level => 3, disease => 'SP01'), NULL),
 (12, pg_temp.c(12, '220000', '2025-03-01', 'outpatient', 200, person_type => 'resident', hospital_level => 1), NULL),
 (13, pg_temp.c(13, '220000', '2025-03-01', 'chronic', 5000, person_type => 'resident', disease => 'CH01'), NULL),
 (14, pg_temp.c(14, '150000', '2026-04-15', 'prenatal', NULL,
      lines => ARRAY[pg_temp.l('NMPN03', 2, 200), pg_temp.l('OTHER', 1, 70, item_class => 'A')]), NULL),
 (15, pg_temp.c(15, '150000', '2026-04-15', 'family_planning', 11000, procedure => 'tubal_reversal',
      hospital_level => 3, self_pay => 1000, class_b => 2000), NULL),
 (16, pg_temp.c(16, '220100', '2025-03-01', 'delivery', 10000, person_type => 'flexible', hospital_level => 2,
      self_pay => 1000, class_b => 2000), NULL),
 (17, pg_temp.c(17, '620100', '2025-09-01', 'prenatal', 500), NULL),
 (18, pg_temp.c(18, '220100', '2025-03-01', 'family_planning', 1000, procedure => 'abortion', self_pay => 100), NULL),
 (19, pg_temp.c(19, '620100', '2025-09-01', 'screening', 200, hospital => '某县人民医院'), NULL),
 (20, pg_temp.c(20, '330300', '2026-02-01', 'delivery', 8000, hospital_level => 3), 'WZ-DRAFT-MAT'),
 (21, pg_temp.c(21, '220000', '2025-03-01', 'day_surgery', 8000, person_type => 'resident', hospital_level => 2), NULL),
 (22, pg_temp.c(22, '220000', '2025-03-01', 'special', 5000, person_type => 'resident', hospital_level => 1, disease => 'SP01'), NULL),
 (23, pg_temp.c(23, '220000', '2025-03-01', 'outpatient', 300, person_type => 'resident', hospital_level => 3), NULL),
 (24, pg_temp.c(24, '220000', '2025-03-01', 'chronic', 1000, person_type => 'resident', disease => 'CH02', location => 'national'), NULL),
 (25, pg_temp.c(25, '150000', '2026-04-15', 'prenatal', 500, person_type => 'flexible', maternity_insured => false), NULL),
 (26, pg_temp.c(26, '620100', '2025-09-01', 'family_planning', 300, person_type => 'spouse', procedure => 'abortion', hospital_level => 2), NULL);

CREATE TEMP TABLE steps AS
SELECT ex.n, e.* FROM ex, LATERAL matins_explain(ex.c, ex.pol) AS e;
CREATE TEMP TABLE sets AS
SELECT ex.n, matins_settle(ex.c, ex.pol) AS s FROM ex;

------------------------------------------------------------------ matins_explain
SELECT is((SELECT count(DISTINCT n)::int FROM steps), 26,
  'JL24-SC: matins_explain returns steps for every claim');
SELECT is_empty($$SELECT x.n FROM sets x
    WHERE (SELECT amount FROM steps t WHERE t.n = x.n ORDER BY step DESC LIMIT 1) IS DISTINCT FROM (x.s).fund_total$$,
  'JL24-SC: the last step''s amount is matins_settle''s fund_total');
SELECT is_empty($$SELECT x.n FROM sets x
    WHERE (SELECT basis FROM steps t WHERE t.n = x.n ORDER BY step DESC LIMIT 1) IS DISTINCT FROM (x.s).in_scope$$,
  'JL24-SC: the last step''s basis is matins_settle''s in_scope');
SELECT is_empty($$SELECT x.n FROM sets x
    WHERE (SELECT rule FROM steps t WHERE t.n = x.n ORDER BY step DESC LIMIT 1) IS DISTINCT FROM (x.s).notes[1]
       OR (SELECT note FROM steps t WHERE t.n = x.n ORDER BY step DESC LIMIT 1)
          NOT LIKE (x.s).route || ' under ' || (x.s).policy || ': fund ' || (x.s).fund_total || '%'$$,
  'JL24-SC: the last step names the route''s rule, the route, the policy and the fund');
SELECT is_empty($$SELECT n FROM steps GROUP BY n HAVING min(step) <> 1 OR max(step) <> count(*) OR count(DISTINCT step) <> count(*)$$,
  'JL24-SC: steps are numbered 1, 2, 3, ...');
SELECT is_empty($$SELECT n, step, rule FROM steps t WHERE NOT EXISTS (SELECT FROM matins.rule r WHERE r.id = t.rule)$$,
  'JL24-SC: every step cites a rule id of matins.rule');
SELECT is_empty($$SELECT n, step, rule FROM steps t
    WHERE t.source IS DISTINCT FROM (SELECT r.document || ' ' || r.article FROM matins.rule r WHERE r.id = t.rule)$$,
  'JL24-SC: every step''s source is its rule''s document and article');
SELECT is_empty($$SELECT n, step FROM steps WHERE note IS NULL OR note = '' OR amount IS NULL$$,
  'JL24-SC: every step has a note and an amount');
SELECT is_empty($$SELECT n, step FROM steps WHERE amount < 0 OR basis < 0 OR rate < 0 OR rate > 1$$,
  'JL24-SC: no step has a negative amount or basis, and rates are within 0..1');
SELECT is_empty($$SELECT x.n FROM sets x WHERE NOT EXISTS
    (SELECT FROM steps t WHERE t.n = x.n AND t.rule = ANY ((x.s).notes))$$,
  'JL24-SC: the steps cite the rules the settlement notes');

-- V6 (JL24-DL -> JL19-IP, downward referral to level 1): class-B 10000 x 10% = 1000; in scope
-- 37000; no deductible; 30000 x 80% = 24000; 7000 x 85% = 5950; fund 29950
SELECT results_eq(
  $$SELECT rule, basis, rate, amount FROM steps WHERE n = 6 ORDER BY step$$,
  $$VALUES ('JL19-B'::text, 10000.00::numeric, 0.1::numeric, 1000.00::numeric),
           ('JL24-DL', 40000.00, NULL, 37000.00),
           ('JL19-IP', 0.00, NULL, 0.00),
           ('JL19-IP', 0.00, NULL, 0.00),
           ('JL19-IP', 30000.00, 0.8, 24000.00),
           ('JL19-IP', 7000.00, 0.85, 5950.00),
           ('JL24-DL', 37000.00, NULL, 29950.00)$$,
  'JL19-IP: the steps of a resident''s delivery on downward referral');
-- JL19-IP level 2, 70000: deductible 500; bands (30000 - 500) x 70% = 20650, 30000 x 75% = 22500,
-- 10000 x 80% = 8000
SELECT results_eq(
  $$SELECT basis, rate, amount FROM steps WHERE n = 10 AND rate IS NOT NULL ORDER BY step$$,
  $$VALUES (29500.00::numeric, 0.7::numeric, 20650.00::numeric), (30000.00, 0.75, 22500.00), (10000.00, 0.8, 8000.00)$$,
  'JL19-IP: one step per band crossed, each with its base, rate and amount');
-- V7 ART: the class-B pre-self-pay step (8850 x 10% = 885) and the ratio step (6965 x 55% = 3830.75)
SELECT results_eq(
  $$SELECT rule, basis, rate, amount FROM steps WHERE n = 7 AND rate IS NOT NULL AND rate > 0 ORDER BY step$$,
  $$VALUES ('JL19-B'::text, 8850.00::numeric, 0.1::numeric, 885.00::numeric), ('JL24-ART-2', 6965.00, 0.55, 3830.75)$$,
  'JL24-ART-2: the ART explanation shows the class-B share and the ratio');
SELECT ok((SELECT bool_or(rule = 'JL24-ART-4' AND basis = 250 AND amount = 0) FROM steps WHERE n = 7),
  'JL24-ART-4: the ART explanation shows the unpaid endoscopic surcharge');
-- a named policy: the Wenzhou draft's cap step (3000 left) and the fund 3000
SELECT is((SELECT amount FROM steps WHERE n = 9 ORDER BY step DESC LIMIT 1), 3000.00,
  'WZ-PN: matins_explain with a named policy explains the what-if settlement');
SELECT is((SELECT source FROM steps WHERE n = 9 ORDER BY step DESC LIMIT 1),
  '温州市职工生育全额保障实施方案（征求意见稿） 二、（一）',
  'WZ-PN: the source of a Wenzhou step is the draft''s article');
SELECT is((SELECT source FROM steps WHERE n = 1 ORDER BY step DESC LIMIT 1),
  '兰医保〔2025〕37号 兰州市生育保险实施细则 第九条',
  'LZ-IP: the source of a Lanzhou delivery is article 9 of the Lanzhou rules');
-- a claim of many item lines: every line has its step.  60 lines of NMPN36 (vacuum tubes, 20 a
-- pregnancy) at 10 yuan: lines 1-20 within the count (10 each, 200), lines 21-60 beyond it (0);
-- step 1 is the in-scope amount, steps 2-61 the lines, step 62 the parts within the counts of
-- the 40 lines past them (0: summed, then rounded once, 0.8.0), step 63 the summary
CREATE TEMP TABLE many AS
SELECT * FROM matins_explain(matins.make_claim(claim_id => 70, person_id => 70, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  total => 600, lines => (SELECT array_agg(ROW('NMPN36', NULL, 1, 10, 0, NULL)::matins.claim_line)
                          FROM generate_series(1, 60))));
SELECT results_eq($$SELECT count(*)::int, sum(amount), count(*) FILTER (WHERE amount = 10)::int FROM many WHERE note LIKE 'NMPN36:%'$$,
  $$VALUES (60, 200.00::numeric, 20)$$,
  'NM-PN: an explanation of 60 item lines has a step for each: 20 within the count (10 each), 40 beyond it (0)');
SELECT results_eq($$SELECT step, amount FROM many WHERE step IN (1, 21, 22, 61, 62, 63) ORDER BY step$$,
  $$VALUES (1, 600.00::numeric), (21, 10.00), (22, 0.00), (61, 0.00), (62, 0.00), (63, 200.00)$$,
  'NM-PN: the 20th line is the last paid, the 60th line is step 61, the lines past their counts step 62, and the summary (fund 200) is step 63');
-- what a route leaves unpaid has its step (0.8.0): JL24-PN 1500 - 100 self = 1400 in scope, cap
-- 1000 left: 1000 paid, 400 over the cap to general outpatient
SELECT results_eq($$SELECT rule, basis, amount, note FROM matins_explain(pg_temp.c(71, '220000', '2025-03-01',
        'prenatal', 1500, self_pay => 100)) WHERE step BETWEEN 2 AND 4 ORDER BY step$$,
  $$VALUES ('JL24-PN'::text, 1000.00::numeric, 1000.00::numeric, 'prenatal.cap left in this pregnancy'::text),
           ('JL24-PN', 1400.00, 1000.00, 'paid in full within the cap'),
           ('JL24-PN', 1000.00, 400.00, 'over what prenatal.cap leaves in this pregnancy: to general_outpatient')$$,
  'JL24-PN: matins_explain shows the 400 over the pregnancy cap and where it goes');
-- LZ-SCR at a hospital not designated: the route pays nothing, the 200 in scope go to general
-- outpatient, and the step's amount is the 200 it leaves unpaid
SELECT results_eq($$SELECT rule, basis, amount, note FROM matins_explain(pg_temp.c(72, '620100', '2025-09-01',
        'screening', 200, hospital => '某县人民医院')) WHERE step = 2$$,
  $$VALUES ('LZ-SCR'::text, 200.00::numeric, 200.00::numeric, 'not paid by this route (not_designated): to general_outpatient'::text)$$,
  'LZ-SCR: matins_explain shows the cost a route leaves unpaid and where it goes');
SELECT throws_ok($$SELECT * FROM matins_explain(pg_temp.c(99, '330300', '2026-02-01', 'prenatal', 100))$$,
  '22023', 'no policy is in force for region 330300 on 2026-02-01',
  'WZ-PN: matins_explain fails like matins_settle when no policy is in force');
-- with earlier usage (prior): an upward referral to level 3 after a level-2 stay (deductible
-- 500) on position 5000: 800 - 500 = 300; 5300 .. 15000 at 55% = 5335
SELECT results_eq(
  $$SELECT rule, basis, rate, amount FROM matins_explain(pg_temp.c(31, '220000', '2025-03-05', 'inpatient', 10000,
        person_type => 'resident', hospital_level => 3, referral => 'up'),
        '{"last_stay_deductible": 500, "inpatient_position": 5000}'::jsonb) ORDER BY step$$,
  $$VALUES ('JL19-IP'::text, 10000.00::numeric, NULL::numeric, 10000.00::numeric),
           ('JL19-IP', 800.00, NULL, 300.00),
           ('JL19-IP', 300.00, NULL, 300.00),
           ('JL19-IP', 9700.00, 0.55, 5335.00),
           ('JL19-IP', 10000.00, NULL, 5335.00)$$,
  'JL19-IP: matins_explain with prior explains the settlement after earlier usage');
SELECT is((SELECT amount FROM matins_explain(pg_temp.c(32, '620100', '2025-07-15', 'screening', 200,
        hospital => '兰州大学第一医院'), '{"screening_used": true}'::jsonb) ORDER BY step DESC LIMIT 1),
  (matins_settle(pg_temp.c(32, '620100', '2025-07-15', 'screening', 200, hospital => '兰州大学第一医院'),
        '{"screening_used": true}'::jsonb)).fund_total,
  'LZ-SCR: matins_explain with prior ends on matins_settle''s fund (0: used in the pregnancy)');
SELECT throws_ok($$SELECT * FROM matins_explain(NULL::matins.claim)$$, '22004', 'matins_explain got a null claim',
  'JL24-SC: matins_explain of a null claim is an error');

------------------------------------------------------------------ matins.to_nhsa
-- V6: a resident's delivery settled by JL19-IP (insutype 390)
SELECT is(matins.to_nhsa((SELECT s FROM sets WHERE n = 6)),
  '{"setl_id": 6, "insutype": "390", "medfee_sumamt": 40000.00, "fulamt_ownpay_amt": 2000.00,
    "overlmt_selfpay": 0.00, "preselfpay_amt": 1000.00, "inscp_scp_amt": 37000.00,
    "act_pay_dedc": 0.00, "hifp_pay": 29950.00, "fund_pay_sumamt": 29950.00, "psn_part_amt": 10050.00,
    "matins": {"policy": "JL-2019-RES", "route": "resident.inpatient", "copay": 7050.00,
               "over_cap": 0.00, "transfer_to": null, "maternity_fund": 0.00,
               "pooled_fund": 29950.00, "notes": ["JL24-DL", "JL19-B", "JL19-IP", "JL19-IP:down_referral"]}}'::jsonb,
  'JL19-IP: to_nhsa of a resident inpatient settlement, field by field');
SELECT is((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(matins.to_nhsa((SELECT s FROM sets WHERE n = 1))) k),
  ARRAY['act_pay_dedc', 'fulamt_ownpay_amt', 'fund_pay_sumamt', 'hifp_pay', 'inscp_scp_amt', 'insutype',
        'matins', 'medfee_sumamt', 'overlmt_selfpay', 'preselfpay_amt', 'psn_part_amt', 'setl_id'],
  'LZ-IP: to_nhsa has the national platform''s field names');
-- V1: a Lanzhou delivery paid by the maternity fund (insutype 510); the basic insurance pooled
-- fund (hifp_pay) pays nothing
SELECT is(matins.to_nhsa((SELECT s FROM sets WHERE n = 1)),
  '{"setl_id": 1, "insutype": "510", "medfee_sumamt": 8000.00, "fulamt_ownpay_amt": 500.00,
    "overlmt_selfpay": 0.00, "preselfpay_amt": 0.00, "inscp_scp_amt": 7500.00, "act_pay_dedc": 0.00,
    "hifp_pay": 0.00,
    "fund_pay_sumamt": 7500.00, "psn_part_amt": 500.00,
    "matins": {"policy": "LZ-2025-MAT", "route": "maternity.inpatient", "copay": 0.00, "over_cap": 0.00,
               "transfer_to": null, "maternity_fund": 7500.00, "pooled_fund": 0.00, "notes": ["LZ-IP"]}}'::jsonb,
  'LZ-IP: to_nhsa of a maternity settlement, field by field');
SELECT is(matins.to_nhsa((SELECT s FROM sets WHERE n = 16)) ->> 'insutype', '310',
  'JL24-DL: an employee inpatient settlement is insutype 310');
SELECT is_empty($$SELECT n FROM sets
    WHERE (matins.to_nhsa(s) ->> 'fund_pay_sumamt')::numeric + (matins.to_nhsa(s) ->> 'psn_part_amt')::numeric
          <> (matins.to_nhsa(s) ->> 'medfee_sumamt')::numeric
       OR (matins.to_nhsa(s) ->> 'medfee_sumamt')::numeric
          <> (matins.to_nhsa(s) ->> 'fulamt_ownpay_amt')::numeric + (matins.to_nhsa(s) ->> 'overlmt_selfpay')::numeric
           + (matins.to_nhsa(s) ->> 'preselfpay_amt')::numeric + (matins.to_nhsa(s) ->> 'inscp_scp_amt')::numeric$$,
  'JL24-SC: in to_nhsa, medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt = fund_pay_sumamt + psn_part_amt');
-- the class-B share of an employee cites the employee rules the route follows, not Jilin's
-- resident JL19-B: claim 15 (Inner Mongolia reversal, employee inpatient rules under NM-IP),
-- 2000 x 5% = 100; claim 16 (Jilin flexible worker's delivery, JL24-DL), 2000 x 10% = 200
SELECT is((SELECT array_agg(rule || ' ' || amount) FROM steps WHERE n = 15 AND note = 'class-B pre-self-pay'),
  ARRAY['NM-IP 100.00'], 'NM-IP: an employee''s class-B share cites NM-IP');
SELECT is((SELECT array_agg(rule || ' ' || amount) FROM steps WHERE n = 16 AND note = 'class-B pre-self-pay'),
  ARRAY['JL24-DL 200.00'], 'JL24-DL: a flexible worker''s class-B share cites JL24-DL');
-- ART is paid by the basic insurance of the claim's scheme (JL24-ART-2): 390 for claim 7, a
-- resident's; 310 for an employee's
SELECT is(matins.to_nhsa((SELECT s FROM sets WHERE n = 7)) ->> 'insutype', '390',
  'JL24-ART-2: to_nhsa of a resident''s ART settlement is insutype 390');
SELECT is(matins.to_nhsa(matins_settle(pg_temp.c(33, '220100', '2025-03-01', 'art', NULL, hospital_level => 3,
        lines => ARRAY[pg_temp.l('311600009', 1, 600)]))) ->> 'insutype', '310',
  'JL24-ART-2: to_nhsa of an employee''s ART settlement is insutype 310');
SELECT is(matins.to_nhsa(NULL::matins.settlement), NULL,
  'JL24-SC: to_nhsa of NULL is NULL');

SELECT * FROM finish();
ROLLBACK;

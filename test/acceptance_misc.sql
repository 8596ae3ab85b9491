-- pgTAP: hand-computed acceptance cases for 0.6.0, written from rules.md and contract.md alone by
-- a reviewer who did not read the engine (the release audit); the working of each case is in the
-- comment above it. Every expectation row is one test; the settlement identities are checked for
-- every settlement. The report queries at the end turn each row into a pgTAP test.
BEGIN;
SET LOCAL search_path = "$user", public, matins;
SELECT * FROM no_plan();
SELECT matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01');
SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.employee.l2', 0.75, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.employee.l3', 0.70, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
SELECT matins.set_param('220000', 'employee.class_b_rate', 0.05, '2020-01-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l3', 1000, '2020-01-01');
SELECT matins.set_param('220000', 'resident.outpatient.deductible', 50, '2020-01-01');
SELECT matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01');
SELECT matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
SELECT matins.set_param('220000', 'employee.annual_cap', 500000, '2020-01-01');

CREATE TEMP TABLE expect (case_id text, field text, expected text) ON COMMIT DROP;
CREATE TEMP TABLE got (case_id text, s matins.settlement) ON COMMIT DROP;
CREATE TEMP TABLE claims (case_id text, c matins.claim) ON COMMIT DROP;

-- M01 to_nhsa of a Jilin delivery (JL24-DL): 10000 total, 1000 self, 200 over limit, 8800 in scope paid by maternity
INSERT INTO claims VALUES ('M01', matins.make_claim(claim_id => 401, person_id => 401, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery',
  hospital_level => 3, total => 10000, self_pay => 1000, over_limit => 200, class_b => 3000));
-- M02 to_nhsa of a Jilin resident delivery l3 50000: deductible 1000, pooled 27950 (as S13)
INSERT INTO claims VALUES ('M02', matins.make_claim(claim_id => 402, person_id => 402, region => '220000',
  service_date => '2025-02-01', scheme => 'resident', person_type => 'resident', benefit => 'delivery',
  hospital_level => 3, total => 50000));
INSERT INTO got SELECT case_id, matins_settle(c) FROM claims;

-- M04 band position is after pre-self-pay: l1, 31000 with class_b 10000: pre 1000; in 30000; ded 200;
--     29800 all in the first band at 80% = 23840 (position 30000, not 31000); copay 5960
INSERT INTO got SELECT 'M04', matins_settle(matins.make_claim(claim_id => 404, person_id => 404, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 1, total => 31000, class_b => 10000));
INSERT INTO expect VALUES ('M04','pre_self_pay','1000.00'),('M04','pooled_fund','23840.00'),('M04','copay','5960.00');
-- M05 rounding half away from zero: l2 500.05: ded 500; 0.05*0.7 = 0.035 -> 0.04
INSERT INTO got SELECT 'M05', matins_settle(matins.make_claim(claim_id => 405, person_id => 405, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 2, total => 500.05));
INSERT INTO expect VALUES ('M05','pooled_fund','0.04'),('M05','copay','0.01');
-- M06 l3 1234.57: (234.57)*0.55 = 129.0135 -> 129.01
INSERT INTO got SELECT 'M06', matins_settle(matins.make_claim(claim_id => 406, person_id => 406, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 3, total => 1234.57));
INSERT INTO expect VALUES ('M06','pooled_fund','129.01');
-- M07 oocyte retrieval, endoscopic, charged below price: item part 2350 <= 2500 in; surcharge 250 self_pay;
--     resident l3, deductible paid: pre 235; in 2115; fund 2115*0.55 = 1163.25
INSERT INTO got SELECT 'M07', matins_settle(matins.make_claim(claim_id => 407, person_id => 407, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600001', NULL, 1, 2600, 250, NULL)::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('M07','self_pay','250.00'),('M07','over_limit','0.00'),('M07','pre_self_pay','235.00'),('M07','pooled_fund','1163.25');
-- M08 same, charged above: item part 2750 -> standard 2500, over_limit 250; surcharge 250 self_pay; pre 250; in 2250; fund 1237.50
INSERT INTO got SELECT 'M08', matins_settle(matins.make_claim(claim_id => 408, person_id => 408, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600001', NULL, 1, 3000, 250, NULL)::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('M08','self_pay','250.00'),('M08','over_limit','250.00'),('M08','in_scope','2250.00'),('M08','pooled_fund','1237.50');
-- M09 ICSI 2 eggs with activation: 3000*2*1.25 = 7500 -> cap 6000; charged 7500: over_limit 1500; pre 600; in 5400; fund 2970
INSERT INTO got SELECT 'M09', matins_settle(matins.make_claim(claim_id => 409, person_id => 409, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600012', NULL, 2, 7500, 1500, NULL)::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('M09','over_limit','1500.00'),('M09','in_scope','5400.00'),('M09','pooled_fund','2970.00');
-- M10 PGT 1 embryo charged 1400 < 1500: charge is the standard; pre 140; in 1260; fund 693
INSERT INTO got SELECT 'M10', matins_settle(matins.make_claim(claim_id => 410, person_id => 410, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600008', NULL, 1, 1400, 0, 'chromosomal')::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('M10','over_limit','0.00'),('M10','in_scope','1260.00'),('M10','pooled_fund','693.00');
-- M11 NM package count split inside one line: NMPN01 used 10 of 11; line of 2 (100): 1 in (50), 1 out (50)
INSERT INTO got SELECT 'M11', matins_settle(matins.make_claim(claim_id => 411, person_id => 411, region => '150200',
  service_date => '2026-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
  lines => ARRAY[ROW('NMPN01', NULL, 2, 100, 0, NULL)::matins.claim_line]), '{"package_counts": {"NMPN01": 10}}'::jsonb);
INSERT INTO expect VALUES ('M11','maternity_fund','50.00'),('M11','over_cap','50.00');
-- M12 NM prenatal without lines: in-scope taken as package items (fallback): 500 paid
INSERT INTO got SELECT 'M12', matins_settle(matins.make_claim(claim_id => 412, person_id => 412, region => '150200',
  service_date => '2026-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
  total => 500));
INSERT INTO expect VALUES ('M12','maternity_fund','500.00');
-- M13 Lanzhou spouse IUD removal 180 at level 2: rules.md LZ-SPO halves the quota itself (IUD
-- removal 100), so min(180, 100) = 100
INSERT INTO got SELECT 'M13', matins_settle(matins.make_claim(claim_id => 413, person_id => 413, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'spouse', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'iud_remove', hospital_level => 2, total => 180));
INSERT INTO expect VALUES ('M13','maternity_fund','100.00');
-- M14 Lanzhou screening billed inpatient at a designated hospital: 160 of 300
INSERT INTO got SELECT 'M14', matins_settle(matins.make_claim(claim_id => 414, person_id => 414, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'screening', setting => 'inpatient',
  hospital => '兰州大学第二医院', hospital_level => 3, total => 300));
INSERT INTO expect VALUES ('M14','maternity_fund','160.00'),('M14','over_cap','140.00'),('M14','transfer_to','personal');
-- M15 window, Jilin prenatal, two pregnancies: 3001 p31 900 -> 900; 3002 p31 200 -> 100 (+100 over);
--     3003 p32 (new pregnancy) 900 -> 900
INSERT INTO got SELECT 'M15-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 3001, person_id => 300, pregnancy_id => 31, region => '220000', service_date => '2025-01-01',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2, total => 900)),
   (matins.make_claim(claim_id => 3002, person_id => 300, pregnancy_id => 31, region => '220000', service_date => '2025-06-01',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2, total => 200)),
   (matins.make_claim(claim_id => 3003, person_id => 300, pregnancy_id => 32, region => '220000', service_date => '2026-03-01',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2, total => 900))) v(c)) r;
INSERT INTO expect VALUES ('M15-3001','maternity_fund','900.00'),('M15-3002','maternity_fund','100.00'),('M15-3002','over_cap','100.00'),
  ('M15-3003','maternity_fund','900.00');
-- M16 window, Baotou annual cap 300000: 3101 delivery 299000 paid; 3102 inpatient abortion 3000 -> 1000, 2000 over -> personal;
--     3103 next year (2027) abortion 3000 -> 3000
INSERT INTO got SELECT 'M16-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 3101, person_id => 310, region => '150200', service_date => '2026-04-10', scheme => 'employee',
     person_type => 'enterprise', benefit => 'delivery', hospital_level => 3, total => 299000)),
   (matins.make_claim(claim_id => 3102, person_id => 310, region => '150200', service_date => '2026-06-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'family_planning', setting => 'inpatient', procedure => 'abortion', hospital_level => 3, total => 3000)),
   (matins.make_claim(claim_id => 3103, person_id => 310, region => '150200', service_date => '2027-01-05', scheme => 'employee',
     person_type => 'enterprise', benefit => 'family_planning', setting => 'inpatient', procedure => 'abortion', hospital_level => 3, total => 3000))) v(c)) r;
INSERT INTO expect VALUES ('M16-3101','maternity_fund','299000.00'),('M16-3102','maternity_fund','1000.00'),('M16-3102','over_cap','2000.00'),
  ('M16-3102','transfer_to','personal'),('M16-3103','maternity_fund','3000.00');
-- M17 general outpatient within its 700 limit but at the 6500 ceiling: 6400 used; deductible paid;
--     1000*0.5 = 500 -> 100 left; over_cap 400; copay 500
INSERT INTO got SELECT 'M17', matins_settle(matins.make_claim(claim_id => 417, person_id => 417, region => '220000',
  service_date => '2025-09-01', scheme => 'resident', person_type => 'resident', benefit => 'outpatient',
  hospital_level => 1, total => 1000), '{"outpatient_deductible_paid": 50, "outpatient_chronic_fund_paid": 6400}'::jsonb);
INSERT INTO expect VALUES ('M17','pooled_fund','100.00'),('M17','over_cap','400.00'),('M17','copay','500.00'),('M17','note','JL19-CH');
-- M19 window, employee ART deductible top-up after a deductible that absorbed a whole claim:
--  3201 l2 AI 600: pre 30; in 570; deductible 570 (all); fund 0
--  3202 l3 sperm selection 900: top-up 1000-570 = 430; pre 45; in 855; fund (425)*0.7 = 297.50
--  3203 l2 culture 4050: 600 < 1000 paid -> 0; pre 202.50; in 3847.50; fund 0.75*3847.5 = 2885.625 -> 2885.63
INSERT INTO got SELECT 'M19-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 3201, person_id => 320, region => '220000', service_date => '2025-02-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'art', hospital_level => 2, lines => ARRAY[ROW('311600009', NULL, 1, 600, 0, NULL)::matins.claim_line])),
   (matins.make_claim(claim_id => 3202, person_id => 320, region => '220000', service_date => '2025-03-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'art', hospital_level => 3, lines => ARRAY[ROW('311600010', NULL, 1, 900, 0, NULL)::matins.claim_line])),
   (matins.make_claim(claim_id => 3203, person_id => 320, region => '220000', service_date => '2025-04-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'art', hospital_level => 2, lines => ARRAY[ROW('311600002', NULL, 1, 4050, 0, NULL)::matins.claim_line]))) v(c)) r;
INSERT INTO expect VALUES ('M19-3201','deductible','570.00'),('M19-3201','fund_total','0.00'),
  ('M19-3202','deductible','430.00'),('M19-3202','pooled_fund','297.50'),
  ('M19-3203','deductible','0.00'),('M19-3203','pre_self_pay','202.50'),('M19-3203','pooled_fund','2885.63');
-- M21 upward referral in January after a December level-1 stay (200): l2 deductible 500-200 = 300; 4700*0.7 = 3290
INSERT INTO got SELECT 'M21', matins_settle(matins.make_claim(claim_id => 421, person_id => 421, region => '220000',
  service_date => '2025-01-05', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 2, referral => 'up', total => 5000), '{"last_stay_deductible": 200, "last_stay_date": "2024-12-20"}'::jsonb);
INSERT INTO expect VALUES ('M21','deductible','300.00'),('M21','pooled_fund','3290.00');

SELECT ok(r.ok, r.case_id || ' ' || (to_jsonb(r) - 'ok' - 'case_id')::text) FROM (
SELECT e.case_id, e.field, e.expected,
       CASE WHEN e.field = 'note' THEN array_to_string((g.s).notes, ',') ELSE (to_jsonb(g.s) ->> e.field) END AS got,
       CASE WHEN e.field = 'note' THEN e.expected = ANY ((g.s).notes)
            WHEN e.field IN ('policy','route','transfer_to') THEN (to_jsonb(g.s) ->> e.field) = e.expected
            ELSE (to_jsonb(g.s) ->> e.field)::numeric = e.expected::numeric END AS ok
FROM expect e LEFT JOIN got g USING (case_id)
UNION ALL
SELECT case_id, 'identities', 'hold', format('%s/%s/%s', (s).total, (s).in_scope, (s).personal),
       (s).total = (s).self_pay + (s).over_limit + (s).pre_self_pay + (s).in_scope
   AND (s).in_scope = (s).deductible + (s).copay + (s).over_cap + (s).fund_total
   AND (s).personal = (s).total - (s).fund_total AND (s).fund_total = (s).maternity_fund + (s).pooled_fund
FROM got
UNION ALL
-- to_nhsa: platform key names and values (M01: JL24-DL maternity; M02: JL19-IP resident)
SELECT x.case_id, 'nhsa.' || k, v, matins.to_nhsa(g.s) ->> k,
       (matins.to_nhsa(g.s) ->> k) IS NOT NULL AND
       CASE WHEN k = 'insutype' THEN matins.to_nhsa(g.s) ->> k = v ELSE (matins.to_nhsa(g.s) ->> k)::numeric = v::numeric END
FROM (VALUES ('M01','medfee_sumamt','10000'),('M01','fulamt_ownpay_amt','1000'),('M01','overlmt_selfpay','200'),
             ('M01','preselfpay_amt','0'),('M01','inscp_scp_amt','8800'),('M01','act_pay_dedc','0'),('M01','hifp_pay','0'),
             ('M01','fund_pay_sumamt','8800'),('M01','psn_part_amt','1200'),('M01','setl_id','401'),('M01','insutype','510'),
             ('M02','insutype','390'),('M02','hifp_pay','27950'),('M02','act_pay_dedc','1000'),('M02','fund_pay_sumamt','27950'),
             ('M02','psn_part_amt','22050')) x(case_id, k, v)
JOIN got g USING (case_id)
UNION ALL
-- explain cites the rules that decided the claim
SELECT x.case_id, 'explain', x.rule, (SELECT string_agg(DISTINCT rule, ',') FROM matins_explain(c.c)),
       EXISTS (SELECT 1 FROM matins_explain(c.c) WHERE rule = x.rule)
FROM (VALUES ('M01','JL24-DL'),('M02','JL19-IP'),('M02','JL24-DL')) x(case_id, rule) JOIN claims c USING (case_id)
ORDER BY 1, 2
) r;

-- explain for further claims (ART price cap, Lanzhou spouse quota, NM critically ill, JL19-SP/B)
SELECT ok(r.ok, r.case_id || ' ' || (to_jsonb(r) - 'ok' - 'case_id')::text) FROM (
SELECT 'X-' || n AS case_id, want, (SELECT string_agg(DISTINCT rule, ',') FROM matins_explain(c)) AS rules,
       EXISTS (SELECT 1 FROM matins_explain(c) WHERE rule = want) AS ok
FROM (VALUES
 (1, 'JL24-ART-3', matins.make_claim(claim_id => 1, person_id => 1, region => '220000', service_date => '2025-04-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'art', hospital_level => 2, lines => ARRAY[ROW('311600012', NULL, 3, 9000, 0, NULL)::matins.claim_line])),
 (2, 'JL24-ART-2', matins.make_claim(claim_id => 1, person_id => 1, region => '220000', service_date => '2025-04-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'art', hospital_level => 2, lines => ARRAY[ROW('311600012', NULL, 3, 9000, 0, NULL)::matins.claim_line])),
 (3, 'LZ-SPO', matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-08-01', scheme => 'employee',
     person_type => 'spouse', benefit => 'family_planning', setting => 'outpatient', procedure => 'abortion', hospital_level => 2, total => 300)),
 (4, 'LZ-FPO', matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-08-01', scheme => 'employee',
     person_type => 'spouse', benefit => 'family_planning', setting => 'outpatient', procedure => 'abortion', hospital_level => 2, total => 300)),
 (5, 'LZ-SCR', matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-08-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'screening', hospital => '甘肃省人民医院', hospital_level => 3, total => 300)),
 (6, 'NM-PN', matins.make_claim(claim_id => 1, person_id => 1, region => '150200', service_date => '2026-04-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2, lines => ARRAY[ROW('NMPN01', NULL, 1, 50, 0, NULL)::matins.claim_line])),
 (7, 'JL19-OP', matins.make_claim(claim_id => 1, person_id => 1, region => '220000', service_date => '2025-03-01', scheme => 'resident',
     person_type => 'resident', benefit => 'outpatient', hospital_level => 1, total => 300)),
 (8, 'LZ-IP', matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-08-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'delivery', hospital_level => 2, total => 3000))
) v(n, want, c)
) r;
SELECT * FROM finish();
ROLLBACK;

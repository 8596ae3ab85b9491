-- pgTAP: maternity routes settled by hand from rules.md: Jilin 2024 (JL24-PN, JL24-DL, JL24-FP),
-- Inner Mongolia / Baotou (NM-PN, NM-IP, NM-OP, NM-NOMI), the Wenzhou draft (WZ-PN, WZ-IP) and
-- Lanzhou (LZ-IP, LZ-SPO, LZ-SCR, LZ-FPO, LZ-PN).  Every settlement check also asserts the
-- identities (see pg_temp.got).
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(152);

\ir lib/settle_helpers.sql

-- region parameters (left to the regions by the seeds)
DO $$
BEGIN
    -- Changchun (220100) sets the employee inpatient numbers for flexible employees' deliveries
    -- and the ratio for other family planning; the province (220000) leaves them unset, which the
    -- error tests below rely on
    PERFORM matins.set_param('220100', 'employee.inpatient.deductible.l2', 800, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.inpatient.ratio.l2', 0.85, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.annual_cap', 300000, '2024-07-01');
    PERFORM matins.set_param('220100', 'employee.class_b_rate', 0.10, '2024-07-01');
    PERFORM matins.set_param('220100', 'family_planning.other_ratio', 0.8, '2024-07-01');
    -- Jilin city (220200) raises its prenatal cap to 1500 from 2025
    PERFORM matins.set_param('220200', 'prenatal.cap', 1500, '2025-01-01');
    -- resident inpatient deductible at level 2 (JL19-IP), for residents' deliveries
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    -- Inner Mongolia
    PERFORM matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.deductible.l3', 1000, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.inpatient.ratio.l3', 0.90, '2026-01-01');
    PERFORM matins.set_param('150000', 'employee.class_b_rate', 0.05, '2026-01-01');
    -- Wenzhou's basic-insurance yearly maximum (WZ-IP) and its employee inpatient numbers at
    -- level 3, for a critically ill woman's delivery (level 2 left unset for the error test)
    PERFORM matins.set_param('330300', 'employee.annual_cap', 200000, '2026-01-01');
    PERFORM matins.set_param('330300', 'employee.inpatient.deductible.l3', 800, '2026-01-01');
    PERFORM matins.set_param('330300', 'employee.inpatient.ratio.l3', 0.85, '2026-01-01');
    PERFORM matins.set_param('330300', 'employee.class_b_rate', 0.10, '2026-01-01');
END $$;

------------------------------------------------------------------ JL24-PN
-- 1000 in one claim: exactly the cap -> fund 1000, nothing over, personal 0
SELECT pg_temp.settles(matins_settle(pg_temp.c(101, '220000', '2025-02-10', 'prenatal', 1000)),
  '{"policy": "JL-2024-MAT", "route": "maternity.prenatal", "in_scope": 1000, "deductible": 0,
    "maternity_fund": 1000, "pooled_fund": 0, "fund_total": 1000, "over_cap": 0,
    "transfer_to": null, "personal": 0}',
  'JL24-PN: a prenatal claim of exactly the 1000 cap is paid in full');

-- one pregnancy, three claims: 600 -> 600; 400 -> 1000 - 600 = 400 left, paid 400 (cap reached
-- exactly, nothing over); 50 -> 0 left: fund 0, over_cap 50 -> general_outpatient
CREATE TEMP TABLE pn2 AS SELECT ARRAY[
    pg_temp.c(111, '220000', '2025-02-01', 'prenatal', 600, person_id => 11),
    pg_temp.c(112, '220000', '2025-03-01', 'prenatal', 400, person_id => 11),
    pg_temp.c(113, '220000', '2025-04-01', 'prenatal', 50, person_id => 11)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM pn2), 112),
  '{"fund_total": 400, "over_cap": 0, "transfer_to": null, "personal": 0}',
  'JL24-PN: a second claim that reaches the cap exactly is paid in full (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM pn2), 113),
  '{"fund_total": 0, "over_cap": 50, "copay": 0, "transfer_to": "general_outpatient",
    "personal": 50, "has_notes": ["JL24-PN", "pregnancy_cap"]}',
  'JL24-PN: after the cap, prenatal cost goes to general outpatient (run)');

-- a claim whose total is NULL but has item lines (0.8.0): the total is their sum, as make_claim
-- takes it: 700 + 200 = 900, paid in full
SELECT pg_temp.settles(matins_settle(jsonb_populate_record(pg_temp.c(131, '220000', '2025-02-10', 'prenatal',
    lines => ARRAY[pg_temp.l('B超', 1, 700, item_class => 'A'), pg_temp.l('血常规', 1, 200, item_class => 'A')]),
    '{"total": null}')),
  '{"total": 900, "in_scope": 900, "maternity_fund": 900}',
  'JL24-PN: a null total with item lines is the lines'' sum');
-- crossing the cap within one claim: in_scope = 1250 - 50 = 1200; fund = 1000; over_cap = 200
-- -> general_outpatient; personal = 1250 - 1000 = 250
SELECT pg_temp.settles(matins_settle(pg_temp.c(121, '220000', '2025-02-10', 'prenatal', 1250, self_pay => 50)),
  '{"self_pay": 50, "in_scope": 1200, "fund_total": 1000, "over_cap": 200, "copay": 0,
    "transfer_to": "general_outpatient", "personal": 250}',
  'JL24-PN: a claim crossing the cap is paid up to it, the rest transferred');

-- the same with earlier use given as prior: 800 paid, claim 500 -> 200 left: fund 200, over 300
SELECT pg_temp.settles(matins_settle(pg_temp.c(122, '220000', '2025-05-10', 'prenatal', 500),
    '{"prenatal_paid": 800}'::jsonb),
  '{"fund_total": 200, "over_cap": 300, "transfer_to": "general_outpatient", "personal": 300}',
  'JL24-PN: prior prenatal_paid 800 leaves 200 of the cap');

-- class-B and self-paid parts: maternity routes take no pre-self-pay (JL24-SC):
-- in_scope = 900 - 100 self = 800 (class_b 300 stays in scope), fund 800
SELECT pg_temp.settles(matins_settle(pg_temp.c(123, '220000', '2025-02-10', 'prenatal', 900,
    self_pay => 100, class_b => 300)),
  '{"self_pay": 100, "pre_self_pay": 0, "in_scope": 800, "fund_total": 800, "personal": 100}',
  'JL24-PN: no class-B pre-self-pay on the prenatal route (JL24-SC)');

-- two pregnancies of one person, each with its own cap; the cap is per pregnancy, not per year:
--   pregnancy 131: 2024-09-01 700 -> 700; 2025-01-15 500 -> 1000 - 700 = 300, over 200
--   pregnancy 132: 2025-10-01 900 -> 900 (its own cap); 2026-02-01 200 -> 100, over 100
CREATE TEMP TABLE pn3 AS SELECT ARRAY[
    pg_temp.c(131, '220000', '2024-09-01', 'prenatal', 700, person_id => 13, pregnancy_id => 131),
    pg_temp.c(132, '220000', '2025-01-15', 'prenatal', 500, person_id => 13, pregnancy_id => 131),
    pg_temp.c(133, '220000', '2025-10-01', 'prenatal', 900, person_id => 13, pregnancy_id => 132),
    pg_temp.c(134, '220000', '2026-02-01', 'prenatal', 200, person_id => 13, pregnancy_id => 132)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM pn3), 132),
  '{"fund_total": 300, "over_cap": 200, "transfer_to": "general_outpatient"}',
  'JL24-PN: the cap runs over the pregnancy across a new year');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM pn3), 133),
  '{"fund_total": 900, "over_cap": 0}',
  'JL24-PN: a second pregnancy has its own cap');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM pn3), 134),
  '{"fund_total": 100, "over_cap": 100, "transfer_to": "general_outpatient"}',
  'JL24-PN: the second pregnancy''s cap is reached on its own');

-- a region's own cap: Jilin city (220200) 1500 from 2025-01-01:
--   2025-02-01, 1600 -> 1500, over 100; 2024-12-31, 1600 -> the province's 1000, over 600;
--   the province itself stays at 1000
SELECT pg_temp.settles(matins_settle(pg_temp.c(141, '220200', '2025-02-01', 'prenatal', 1600)),
  '{"fund_total": 1500, "over_cap": 100, "transfer_to": "general_outpatient"}',
  'JL24-PN: a city''s own prenatal.cap (1500) applies to its claims');
SELECT pg_temp.settles(matins_settle(pg_temp.c(142, '220200', '2024-12-31', 'prenatal', 1600)),
  '{"fund_total": 1000, "over_cap": 600}',
  'JL24-PN: the day before the city''s value, the province''s 1000 applies');
SELECT pg_temp.settles(matins_settle(pg_temp.c(143, '220000', '2025-02-01', 'prenatal', 1600)),
  '{"fund_total": 1000, "over_cap": 600}',
  'JL24-PN: the province keeps its 1000');
SELECT throws_ok($$SELECT matins.set_param('220300', 'prenatal.cap', 900, '2025-01-01')$$,
  '22003', 'value 900 of parameter "prenatal.cap" is not allowed for region 220300',
  'JL24-PN: a prenatal cap below 1000 cannot be set');

-- flexible employees have no maternity route for prenatal checks: in_scope 500 -> fund 0,
-- over_cap 500 -> general_outpatient (employee outpatient pooling); personal 500
SELECT pg_temp.settles(matins_settle(pg_temp.c(151, '220000', '2025-02-01', 'prenatal', 500, person_type => 'flexible')),
  '{"route": "maternity.prenatal_outside", "fund_total": 0, "maternity_fund": 0, "over_cap": 500,
    "transfer_to": "general_outpatient", "personal": 500}',
  'JL24-PN: a flexible employee''s prenatal cost goes to general outpatient');
SELECT pg_temp.settles(matins_settle(pg_temp.c(152, '220000', '2025-02-01', 'prenatal', 500,
    person_type => 'flexible', maternity_insured => true)),
  '{"route": "maternity.prenatal_outside", "fund_total": 0, "over_cap": 500,
    "transfer_to": "general_outpatient"}',
  'JL24-PN: in Jilin a flexible employee follows the flexible rule whatever maternity_insured says');
-- rules.md §0: maternity_insured matters only where a region lets the person type stay out of
-- maternity insurance (Inner Mongolia's flexible workers); a Jilin unit employee is in it
-- whatever the flag says (0.2.0 sent her prenatal cost to general outpatient): 500 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(153, '220000', '2025-02-01', 'prenatal', 500, maternity_insured => false)),
  '{"route": "maternity.prenatal", "maternity_fund": 500, "over_cap": 0, "transfer_to": null}',
  'JL24-PN: a Jilin unit employee flagged outside maternity insurance is paid as insured');
-- and her delivery: 100% (JL24-DL), 8000 - 300 = 7700 (0.2.0: no rule)
SELECT pg_temp.settles(matins_settle(pg_temp.c(155, '220000', '2025-02-01', 'delivery', 8000, maternity_insured => false,
    hospital_level => 2, self_pay => 300)),
  '{"route": "maternity.inpatient", "maternity_fund": 7700, "personal": 300}',
  'JL24-DL: a Jilin unit employee flagged outside maternity insurance has her delivery paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(154, '220000', '2025-02-01', 'prenatal', 500, person_type => 'resident')),
  '{"route": "maternity.prenatal_outside", "fund_total": 0, "over_cap": 500,
    "transfer_to": "general_outpatient"}',
  'JL24-PN: a resident''s prenatal cost goes to general outpatient');
-- JL24-EL (0.5.0): the unset waiting period is noted only where the maternity fund could pay;
-- a route that sends the whole claim to general outpatient has nothing it could hold back
SELECT pg_temp.settles(matins_settle(pg_temp.c(154, '220000', '2025-02-01', 'prenatal', 500, person_type => 'resident')),
  '{"notes": ["JL24-PN", "general_outpatient"]}',
  'JL24-EL: a resident''s prenatal claim, sent to general outpatient, has no waiting-period note');
SELECT pg_temp.settles(matins_settle(pg_temp.c(151, '220000', '2025-02-01', 'prenatal', 500, person_type => 'flexible')),
  '{"notes": ["JL24-PN", "general_outpatient"]}',
  'JL24-EL: a flexible employee''s prenatal claim has no waiting-period note');
SELECT pg_temp.settles(matins_settle(pg_temp.c(150, '220000', '2025-02-01', 'prenatal', 500)),
  '{"maternity_fund": 500, "notes": ["JL24-PN", "waiting_period_not_applied"]}',
  'JL24-EL: an insured employee''s prenatal claim says the unset waiting period was not applied');

-- the day before 2024-07-01 no maternity policy is in force in Jilin: only the resident policy,
-- which has no prenatal route -> an error saying no rule settles it (rules.md §0)
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(161, '220000', '2024-06-30', 'prenatal', 500))$$,
  '22023', 'no rule settles benefit prenatal for person type enterprise, scheme employee (outpatient, procedure none, location local) under JL-2019-RES',
  'JL24-PN: on 2024-06-30 there is no Jilin maternity policy');
SELECT pg_temp.settles(matins_settle(pg_temp.c(162, '220000', '2024-07-01', 'prenatal', 500)),
  '{"policy": "JL-2024-MAT", "fund_total": 500}',
  'JL24-PN: from 2024-07-01 prenatal checks are paid');

------------------------------------------------------------------ JL24-DL
-- enterprise employee: in_scope = 8000 - 300 = 7700 (class_b 2000 in scope, no pre-self-pay),
-- no deductible, 100% -> 7700 maternity fund; personal 300
SELECT pg_temp.settles(matins_settle(pg_temp.c(201, '220000', '2025-03-01', 'delivery', 8000,
    hospital_level => 3, self_pay => 300, class_b => 2000)),
  '{"route": "maternity.inpatient", "pre_self_pay": 0, "in_scope": 7700, "deductible": 0,
    "copay": 0, "maternity_fund": 7700, "pooled_fund": 0, "personal": 300}',
  'JL24-DL: an insured female employee''s delivery is paid 100% without deductible');
SELECT pg_temp.settles(matins_settle(pg_temp.c(202, '220000', '2025-03-01', 'delivery', 5000.01, person_type => 'public')),
  '{"route": "maternity.inpatient", "maternity_fund": 5000.01, "personal": 0}',
  'JL24-DL: the same for a public-unit employee, to the fen');

-- flexible employee in Changchun -> employee inpatient rules with the region's parameters:
--   pre_self_pay = 2000 x 10% = 200; in_scope = 10000 - 1000 - 200 = 8800; deductible (l2) 800;
--   fund = (8800 - 800) x 85% = 6800 (pooled); copay = 8000 - 6800 = 1200; personal 3200
SELECT pg_temp.settles(matins_settle(pg_temp.c(203, '220100', '2025-03-01', 'delivery', 10000,
    person_type => 'flexible', hospital_level => 2, self_pay => 1000, class_b => 2000)),
  '{"policy": "JL-2024-MAT", "route": "employee.inpatient", "pre_self_pay": 200, "in_scope": 8800,
    "deductible": 800, "copay": 1200, "pooled_fund": 6800, "maternity_fund": 0,
    "fund_total": 6800, "personal": 3200, "has_notes": ["JL24-DL"]}',
  'JL24-DL: a flexible employee''s delivery follows employee inpatient rules');
-- maternity_insured true changes nothing for a flexible worker in Jilin: 3000 - 800 = 2200 x 85% = 1870
SELECT pg_temp.settles(matins_settle(pg_temp.c(204, '220100', '2025-03-01', 'delivery', 3000,
    person_type => 'flexible', maternity_insured => true, hospital_level => 2)),
  '{"route": "employee.inpatient", "deductible": 800, "pooled_fund": 1870, "copay": 330}',
  'JL24-DL: a flexible employee with maternity_insured true still follows employee inpatient rules');
-- the province sets none of the employee inpatient numbers: an error naming the first one needed
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(205, '220000', '2025-03-01', 'delivery', 3000,
    person_type => 'flexible', hospital_level => 2))$$,
  '22023', 'region parameter "employee.inpatient.deductible.l2" is not set for region 220000 on 2025-03-01',
  'JL24-DL: a missing employee inpatient parameter is an error naming it, the region and the date');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(206, '220000', '2025-03-01', 'delivery', 3000,
    person_type => 'flexible', hospital_level => 2, class_b => 100))$$,
  '22023', 'region parameter "employee.class_b_rate" is not set for region 220000 on 2025-03-01',
  'JL24-DL: a flexible employee''s class-B share needs employee.class_b_rate');
-- resident: resident inpatient rules (JL19-IP): deductible l2 500; (10000 - 500) x 70% = 6650
SELECT pg_temp.settles(matins_settle(pg_temp.c(207, '220000', '2025-03-01', 'delivery', 10000,
    person_type => 'resident', hospital_level => 2)),
  '{"policy": "JL-2019-RES", "route": "resident.inpatient", "deductible": 500, "pooled_fund": 6650,
    "copay": 2850, "personal": 3350, "has_notes": ["JL24-DL"]}',
  'JL24-DL: a resident''s delivery follows resident inpatient rules');

------------------------------------------------------------------ JL24-FP
-- reversal, IUD removal: like delivery, 100%: in_scope = 6000 - 200 = 5800
SELECT pg_temp.settles(matins_settle(pg_temp.c(301, '220000', '2025-03-01', 'family_planning', 6000,
    procedure => 'tubal_reversal', hospital_level => 3, self_pay => 200)),
  '{"route": "maternity.inpatient", "in_scope": 5800, "deductible": 0, "maternity_fund": 5800,
    "personal": 200}',
  'JL24-FP: tubal reversal is paid 100%');
SELECT pg_temp.settles(matins_settle(pg_temp.c(302, '220000', '2025-03-01', 'family_planning', 2000,
    procedure => 'vas_reversal', class_b => 500)),
  '{"pre_self_pay": 0, "in_scope": 2000, "maternity_fund": 2000, "personal": 0}',
  'JL24-FP: vas reversal is paid 100%, no class-B share');
SELECT pg_temp.settles(matins_settle(pg_temp.c(303, '220000', '2025-03-01', 'family_planning', 300,
    procedure => 'iud_remove', person_type => 'public')),
  '{"maternity_fund": 300, "personal": 0}',
  'JL24-FP: IUD removal is paid 100%');
-- other procedure with the region's ratio 0.8: in_scope = 1000 - 100 = 900; fund = 900 x 0.8 = 720;
-- copay 180; personal = 1000 - 720 = 280
SELECT pg_temp.settles(matins_settle(pg_temp.c(304, '220100', '2025-03-01', 'family_planning', 1000,
    procedure => 'abortion', self_pay => 100)),
  '{"route": "maternity.outpatient", "in_scope": 900, "maternity_fund": 720, "copay": 180,
    "personal": 280, "has_notes": ["JL24-FP", "family_planning.other_ratio"]}',
  'JL24-FP: other family planning is paid at family_planning.other_ratio');
-- 333.33 x 0.8 = 266.664 -> 266.66 (rounded once)
SELECT pg_temp.settles(matins_settle(pg_temp.c(305, '220100', '2025-03-01', 'family_planning', 333.33,
    procedure => 'iud_insert')),
  '{"maternity_fund": 266.66, "copay": 66.67}',
  'JL24-FP: the ratio payment is rounded once to the fen');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(306, '220000', '2025-03-01', 'family_planning', 1000,
    procedure => 'abortion'))$$,
  '22023', 'region parameter "family_planning.other_ratio" is not set for region 220000 on 2025-03-01',
  'JL24-FP: without family_planning.other_ratio an abortion claim is an error naming it');

------------------------------------------------------------------ NM-PN (150000 from 2026-03-31)
-- package items within their counts: 50 + 30 = 80 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(401, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 1, 50), pg_temp.l('NMPN13', 1, 30)])),
  '{"policy": "NM-2025-MAT", "route": "maternity.prenatal", "in_scope": 80, "maternity_fund": 80,
    "over_cap": 0, "personal": 0}',
  'NM-PN: package items within their counts are paid in full');
-- NMPN03 (count 1) billed twice in one line, 200: 1 unit = 100 paid, 100 outside -> general_outpatient
SELECT pg_temp.settles(matins_settle(pg_temp.c(402, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN03', 2, 200)])),
  '{"maternity_fund": 100, "over_cap": 100, "transfer_to": "general_outpatient",
    "has_notes": ["NM-PN:over_count"]}',
  'NM-PN: units beyond an item''s count are outside the package');
-- two lines past their counts (NMPN21, NMPN22: count 1 each), each 0.10 for 3 units: their parts
-- within the counts are 0.10 x 1/3 + 0.10 x 1/3 = 0.0667, one amount rounded once: 0.07 paid,
-- 0.13 outside (0.8.0; rounding each line gave 0.03 + 0.03 = 0.06)
SELECT pg_temp.settles(matins_settle(pg_temp.c(439, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN21', 3, 0.10), pg_temp.l('NMPN22', 3, 0.10)])),
  '{"in_scope": 0.20, "maternity_fund": 0.07, "over_cap": 0.13, "transfer_to": "general_outpatient",
    "has_notes": ["NM-PN:over_count"]}',
  'NM-PN: the parts of lines past their counts are summed exactly and rounded once');
SELECT is((SELECT amount FROM matins_explain(pg_temp.c(439, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN21', 3, 0.10), pg_temp.l('NMPN22', 3, 0.10)]))
    WHERE note LIKE 'the lines past their counts%'),
  0.07, 'NM-PN: matins_explain shows the rounded sum of the parts within the counts');
-- NMPN01 (count 11) after 10 used (prior): 3 units at 30 each -> 1 paid (30), 60 outside
SELECT pg_temp.settles(matins_settle(pg_temp.c(403, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 3, 90)]), '{"package_counts": {"NMPN01": 10}}'::jsonb),
  '{"maternity_fund": 30, "over_cap": 60, "transfer_to": "general_outpatient"}',
  'NM-PN: prior package_counts carry the item counts of the pregnancy');
-- NMPN05 (NT, count 1) in two claims of one pregnancy: 120 paid, then 0 (120 outside)
CREATE TEMP TABLE np4 AS SELECT ARRAY[
    pg_temp.c(404, '150000', '2026-04-15', 'prenatal', person_id => 40, lines => ARRAY[pg_temp.l('NMPN05', 1, 120)]),
    pg_temp.c(405, '150000', '2026-05-15', 'prenatal', person_id => 40, lines => ARRAY[pg_temp.l('NMPN05', 1, 120)]),
    pg_temp.c(406, '150000', '2027-02-15', 'prenatal', person_id => 40, pregnancy_id => 41,
      lines => ARRAY[pg_temp.l('NMPN05', 1, 120)])] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np4), 405),
  '{"maternity_fund": 0, "over_cap": 120, "transfer_to": "general_outpatient"}',
  'NM-PN: an item''s count is used up across the pregnancy''s claims (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np4), 406),
  '{"maternity_fund": 120, "over_cap": 0}',
  'NM-PN: a new pregnancy starts its counts again (run)');
-- alternatives 03/04 in one claim, 04 first: 04 paid (120), 03 then outside (100)
SELECT pg_temp.settles(matins_settle(pg_temp.c(407, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN04', 1, 120), pg_temp.l('NMPN03', 1, 100)])),
  '{"maternity_fund": 120, "over_cap": 100, "transfer_to": "general_outpatient"}',
  'NM-PN: of the pair 03/04 only the first used is paid (one claim)');
-- 03 in one claim, 04 in the next: the second is outside
CREATE TEMP TABLE np5 AS SELECT ARRAY[
    pg_temp.c(408, '150000', '2026-04-15', 'prenatal', person_id => 42, lines => ARRAY[pg_temp.l('NMPN03', 1, 100)]),
    pg_temp.c(409, '150000', '2026-04-20', 'prenatal', person_id => 42, lines => ARRAY[pg_temp.l('NMPN04', 1, 120)])] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np5), 409),
  '{"maternity_fund": 0, "over_cap": 120, "transfer_to": "general_outpatient"}',
  'NM-PN: of the pair 03/04 only the first used is paid (run)');
-- 34/35: NIPT (35) first -> paid 800; a later 唐筛 (34) -> 0, 150 outside
CREATE TEMP TABLE np6 AS SELECT ARRAY[
    pg_temp.c(410, '150000', '2026-04-15', 'prenatal', person_id => 43, lines => ARRAY[pg_temp.l('NMPN35', 1, 800)]),
    pg_temp.c(411, '150000', '2026-05-15', 'prenatal', person_id => 43, lines => ARRAY[pg_temp.l('NMPN34', 1, 150)])] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np6), 410),
  '{"maternity_fund": 800, "over_cap": 0}',
  'NM-PN: NIPT (35) is paid once');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np6), 411),
  '{"maternity_fund": 0, "over_cap": 150, "transfer_to": "general_outpatient"}',
  'NM-PN: after NIPT, serum screening (34) is outside the package');
-- 34 first (1 unit, 150), then 34 x 2 (300) and 35 (800): one unit of 34 left -> 150 paid,
-- 150 + 800 = 950 outside
CREATE TEMP TABLE np7 AS SELECT ARRAY[
    pg_temp.c(412, '150000', '2026-04-15', 'prenatal', person_id => 44, lines => ARRAY[pg_temp.l('NMPN34', 1, 150)]),
    pg_temp.c(413, '150000', '2026-05-15', 'prenatal', person_id => 44,
      lines => ARRAY[pg_temp.l('NMPN34', 2, 300), pg_temp.l('NMPN35', 1, 800)])] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM np7), 413),
  '{"maternity_fund": 150, "over_cap": 950, "transfer_to": "general_outpatient"}',
  'NM-PN: serum screening first: up to 2 of 34, NIPT then outside');
-- 34 twice in one line: the pair's count 2 -> 300 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(414, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN34', 2, 300)])),
  '{"maternity_fund": 300, "over_cap": 0}',
  'NM-PN: serum screening (34) is paid twice');
-- 35 x 2 (1600) then 34 x 3 (450) in one claim: NIPT once (800), the rest outside: 800 + 450 = 1250
SELECT pg_temp.settles(matins_settle(pg_temp.c(415, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN35', 2, 1600), pg_temp.l('NMPN34', 3, 450)])),
  '{"maternity_fund": 800, "over_cap": 1250, "transfer_to": "general_outpatient"}',
  'NM-PN: NIPT is paid once even when billed twice, and decides the pair');
-- lines outside the package: NMPN01 50 (paid), OTHER class A 70 (outside), SELF 20 (self_pay),
-- NMPN02 class B 40 (paid, no pre-self-pay): total 180; in_scope 160; fund 90; over_cap 70
SELECT pg_temp.settles(matins_settle(pg_temp.c(416, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 1, 50), pg_temp.l('OTHER', 1, 70, item_class => 'A'),
                   pg_temp.l('SELF', 1, 20, item_class => 'self'), pg_temp.l('NMPN02', 1, 40, item_class => 'B')])),
  '{"total": 180, "self_pay": 20, "pre_self_pay": 0, "in_scope": 160, "maternity_fund": 90,
    "over_cap": 70, "transfer_to": "general_outpatient", "personal": 90,
    "has_notes": ["NM-PN:outside_package"]}',
  'NM-PN: items outside the package go to general outpatient');
-- no lines: the in-scope amount is taken as package items: 500 - 50 = 450 paid (class_b in scope)
SELECT pg_temp.settles(matins_settle(pg_temp.c(417, '150000', '2026-04-15', 'prenatal', 500,
    self_pay => 50, class_b => 100)),
  '{"in_scope": 450, "pre_self_pay": 0, "maternity_fund": 450, "personal": 50,
    "has_notes": ["NM-PN:no_lines"]}',
  'NM-PN: without lines the whole in-scope amount is paid, with a note');
-- the employee annual cap (300000): 299500 paid before, claim 500 -> exactly reached, 500 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(418, '150000', '2026-04-15', 'prenatal', 500),
    '{"employee_fund_paid": 299500}'::jsonb),
  '{"maternity_fund": 500, "over_cap": 0, "transfer_to": null}',
  'NM-PN: a claim reaching the employee annual cap exactly is paid in full');
-- 299900 paid before: 100 left -> fund 100; over_cap 400 -> personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(419, '150000', '2026-04-15', 'prenatal', 500),
    '{"employee_fund_paid": 299900}'::jsonb),
  '{"maternity_fund": 100, "over_cap": 400, "transfer_to": "personal", "personal": 400,
    "has_notes": ["annual_cap"]}',
  'NM-PN: over the employee annual cap the cost is personal');
SELECT pg_temp.settles(matins_settle(pg_temp.c(420, '150000', '2026-04-15', 'prenatal', 500),
    '{"employee_fund_paid": 300000}'::jsonb),
  '{"maternity_fund": 0, "over_cap": 500, "transfer_to": "personal"}',
  'NM-PN: with the employee annual cap used up nothing is paid');
-- flexible workers who joined maternity insurance get the package; those who did not: transfer
SELECT pg_temp.settles(matins_settle(pg_temp.c(421, '150000', '2026-04-15', 'prenatal', 200, person_type => 'flexible')),
  '{"route": "maternity.prenatal", "maternity_fund": 200}',
  'NM-PN: an insured flexible worker''s prenatal checks are paid (NM-COV)');
SELECT pg_temp.settles(matins_settle(pg_temp.c(422, '150000', '2026-04-15', 'prenatal', 200,
    person_type => 'flexible', maternity_insured => false)),
  '{"route": "maternity.prenatal_outside", "maternity_fund": 0, "over_cap": 200,
    "transfer_to": "general_outpatient", "has_notes": ["NM-NOMI"]}',
  'NM-PN: an uninsured flexible worker''s prenatal cost goes to general outpatient');
-- NM-COV: unit employees must join, so the flag does not change theirs (rules.md §0): 200 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(423, '150000', '2026-04-15', 'prenatal', 200,
    maternity_insured => false)),
  '{"route": "maternity.prenatal", "maternity_fund": 200}',
  'NM-PN: an enterprise employee flagged outside maternity insurance still gets the package');

------------------------------------------------------------------ NM-IP, NM-OP, NM-NOMI
-- delivery: in_scope = 12000 - 800 = 11200 (class_b in scope); 100%
SELECT pg_temp.settles(matins_settle(pg_temp.c(501, '150000', '2026-04-15', 'delivery', 12000,
    hospital_level => 3, self_pay => 800, class_b => 3000)),
  '{"route": "maternity.inpatient", "pre_self_pay": 0, "in_scope": 11200, "maternity_fund": 11200,
    "deductible": 0, "personal": 800, "has_notes": ["NM-IP"]}',
  'NM-IP: an insured employee''s delivery is paid in full');
-- the non-working spouse in resident insurance: 9000 - 500 = 8500 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(502, '150000', '2026-04-15', 'delivery', 9000,
    person_type => 'spouse', scheme => 'resident', hospital_level => 3, self_pay => 500)),
  '{"route": "maternity.inpatient", "maternity_fund": 8500, "personal": 500}',
  'NM-IP: a male employee''s non-working spouse''s delivery is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(503, '150000', '2026-04-15', 'family_planning', 3000,
    setting => 'inpatient', procedure => 'abortion', hospital_level => 3)),
  '{"route": "maternity.inpatient", "maternity_fund": 3000}',
  'NM-IP: an inpatient abortion is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(504, '150000', '2026-04-15', 'family_planning', 2000,
    person_type => 'spouse', scheme => 'resident', procedure => 'tubal_ligation', hospital_level => 3)),
  '{"route": "maternity.inpatient", "maternity_fund": 2000}',
  'NM-IP: the spouse''s sterilisation is paid in full');
-- inpatient reversal: employee inpatient rules: pre = 2000 x 5% = 100; in_scope = 11000 - 1000 - 100
-- = 9900; deductible (l3) 1000; fund = 8900 x 90% = 8010; copay 890
SELECT pg_temp.settles(matins_settle(pg_temp.c(505, '150000', '2026-04-15', 'family_planning', 11000,
    procedure => 'tubal_reversal', hospital_level => 3, self_pay => 1000, class_b => 2000)),
  '{"route": "employee.inpatient", "pre_self_pay": 100, "in_scope": 9900, "deductible": 1000,
    "pooled_fund": 8010, "copay": 890, "maternity_fund": 0, "has_notes": ["NM-IP"]}',
  'NM-IP: inpatient reversal surgery follows employee inpatient rules');
-- counted toward the employee annual cap: 295000 paid -> 5000 of 12000; 7000 personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(506, '150000', '2026-04-15', 'delivery', 12000, hospital_level => 3),
    '{"employee_fund_paid": 295000}'::jsonb),
  '{"maternity_fund": 5000, "over_cap": 7000, "transfer_to": "personal", "personal": 7000}',
  'NM-IP: delivery counts toward the employee annual cap');
-- outpatient family planning: 800 - 50 = 750 paid; reversal too (NM-OP lists it)
SELECT pg_temp.settles(matins_settle(pg_temp.c(507, '150000', '2026-04-15', 'family_planning', 800,
    procedure => 'abortion', hospital_level => 2, self_pay => 50)),
  '{"route": "maternity.outpatient", "maternity_fund": 750, "personal": 50, "has_notes": ["NM-OP"]}',
  'NM-OP: an outpatient abortion is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(508, '150000', '2026-04-15', 'family_planning', 800,
    setting => 'outpatient', procedure => 'vas_reversal', hospital_level => 2)),
  '{"maternity_fund": 800, "has_notes": ["NM-OP"]}',
  'NM-OP: outpatient reversal surgery is paid in full');
-- flexible workers not in maternity insurance: employee inpatient rules (same numbers as 505)
SELECT pg_temp.settles(matins_settle(pg_temp.c(509, '150000', '2026-04-15', 'delivery', 11000,
    person_type => 'flexible', maternity_insured => false, hospital_level => 3, self_pay => 1000, class_b => 2000)),
  '{"route": "employee.inpatient", "pre_self_pay": 100, "deductible": 1000, "pooled_fund": 8010,
    "maternity_fund": 0, "has_notes": ["NM-NOMI"]}',
  'NM-NOMI: an uninsured flexible worker''s delivery follows employee inpatient rules');
-- sterilisation: (5000 - 1000) x 90% = 3600
SELECT pg_temp.settles(matins_settle(pg_temp.c(510, '150000', '2026-04-15', 'family_planning', 5000,
    person_type => 'flexible', maternity_insured => false, procedure => 'tubal_ligation', hospital_level => 3)),
  '{"route": "employee.inpatient", "deductible": 1000, "pooled_fund": 3600, "copay": 400}',
  'NM-NOMI: an uninsured flexible worker''s sterilisation follows employee inpatient rules');
SELECT pg_temp.settles(matins_settle(pg_temp.c(511, '150000', '2026-04-15', 'delivery', 5000,
    person_type => 'flexible', hospital_level => 3)),
  '{"route": "maternity.inpatient", "maternity_fund": 5000}',
  'NM-COV: an insured flexible worker''s delivery is paid in full');

-- NM-IP: a critically ill pregnant woman's delivery (obstetric haemorrhage 'OBH', or
-- pregnancy-induced hypertension 'HTN' on a delivery) is paid by the basic insurance rules: the
-- employee inpatient rules, as for 505: pre = 2000 x 5% = 100; in_scope = 11000 - 1000 - 100 =
-- 9900; deductible 1000; fund = 8900 x 90% = 8010; copay 890; no waiting-period note (not a
-- maternity cost)
SELECT pg_temp.settles(matins_settle(pg_temp.c(512, '150000', '2026-04-15', 'delivery', 11000,
    disease => 'OBH', hospital_level => 3, self_pay => 1000, class_b => 2000)),
  '{"route": "employee.inpatient", "pre_self_pay": 100, "in_scope": 9900, "deductible": 1000,
    "pooled_fund": 8010, "copay": 890, "maternity_fund": 0, "personal": 2990,
    "notes": ["NM-IP", "critically_ill"]}',
  'NM-IP: a critically ill woman''s delivery (OBH) follows employee inpatient rules');
-- an insured flexible worker with HTN, in Baotou on its first day: (5000 - 1000) x 90% = 3600
SELECT pg_temp.settles(matins_settle(pg_temp.c(513, '150200', '2026-03-31', 'delivery', 5000,
    person_type => 'flexible', disease => 'HTN', hospital_level => 3)),
  '{"policy": "BT-2026-MAT", "route": "employee.inpatient", "deductible": 1000, "pooled_fund": 3600,
    "copay": 400, "maternity_fund": 0, "notes": ["NM-IP", "critically_ill"]}',
  'NM-IP: a critically ill flexible worker''s delivery (HTN) follows employee inpatient rules');
-- counted toward the employee annual cap: 295000 paid -> 5000 of the 9900 the ratio gives
-- ((12000 - 1000) x 90%); over_cap 4900 to the person; copay 11000 x 10% = 1100
SELECT pg_temp.settles(matins_settle(pg_temp.c(514, '150000', '2026-04-15', 'delivery', 12000,
    disease => 'OBH', hospital_level => 3), '{"employee_fund_paid": 295000}'::jsonb),
  '{"route": "employee.inpatient", "deductible": 1000, "pooled_fund": 5000, "over_cap": 4900,
    "transfer_to": "personal", "copay": 1100, "personal": 7000,
    "notes": ["NM-IP", "critically_ill", "annual_cap"]}',
  'NM-IP: a critically ill woman''s delivery counts toward the employee annual cap');
-- the exception is for deliveries (分娩期间): an abortion stay stays at 100% with OBH or HTN
SELECT pg_temp.settles(matins_settle(pg_temp.c(515, '150000', '2026-04-15', 'family_planning', 3000,
    setting => 'inpatient', procedure => 'abortion', disease => 'OBH', hospital_level => 3)),
  '{"route": "maternity.inpatient", "maternity_fund": 3000, "deductible": 0}',
  'NM-IP: an inpatient abortion with OBH is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(516, '150000', '2026-04-15', 'family_planning', 3000,
    setting => 'inpatient', procedure => 'abortion', disease => 'HTN', hospital_level => 3)),
  '{"route": "maternity.inpatient", "maternity_fund": 3000, "deductible": 0}',
  'NM-IP: an inpatient abortion with HTN is paid in full');
-- an uninsured flexible worker is on the employee inpatient rules anyway (NM-NOMI), critically
-- ill or not: as 509
SELECT pg_temp.settles(matins_settle(pg_temp.c(517, '150000', '2026-04-15', 'delivery', 11000,
    person_type => 'flexible', maternity_insured => false, disease => 'OBH', hospital_level => 3,
    self_pay => 1000, class_b => 2000)),
  '{"route": "employee.inpatient", "pooled_fund": 8010, "notes": ["NM-NOMI"]}',
  'NM-NOMI: an uninsured flexible worker''s critically ill delivery, as any of her deliveries');
-- the spouse in resident insurance would be paid by her resident insurance, whose Inner
-- Mongolia rules are in no seed: no rule (rules.md §0)
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(518, '150000', '2026-04-15', 'delivery', 9000,
    person_type => 'spouse', scheme => 'resident', disease => 'OBH', hospital_level => 3))$$,
  '22023', 'no rule settles benefit delivery for person type spouse, scheme resident (inpatient, procedure none, location local, critically ill) under NM-2025-MAT',
  'NM-IP: a critically ill spouse''s delivery has no rule');
SELECT is((SELECT array_agg(rule || ': ' || note ORDER BY step) FROM matins_explain(pg_temp.c(519,
    '150000', '2026-04-15', 'delivery', 5000, disease => 'HTN', hospital_level => 3)) WHERE step <= 2),
  ARRAY['NM-IP: critically ill pregnant woman: settled by the basic medical insurance rules',
        'NM-IP: in scope = total - self_pay - over_limit - pre_self_pay'],
  'NM-IP: matins_explain shows the critically ill delivery''s route');

-- prenatal rules are for outpatient checks (JL24-PN, NM-PN, WZ-PN, LZ-PN: 门诊产前检查): a
-- prenatal claim given setting 'inpatient' has no rule; setting 'outpatient' is the default
SELECT pg_temp.settles(matins_settle(pg_temp.c(520, '220000', '2025-02-10', 'prenatal', 800,
    setting => 'outpatient')),
  '{"route": "maternity.prenatal", "maternity_fund": 800, "has_notes": ["JL24-PN"]}',
  'JL24-PN: a prenatal check given setting outpatient is settled as without it');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(521, '220000', '2025-02-10', 'prenatal', 800, setting => 'inpatient'))$$,
  '22023', 'no rule settles benefit prenatal for person type enterprise, scheme employee (inpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL24-PN: an inpatient prenatal claim has no rule');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(522, '150200', '2026-06-01', 'prenatal', 1000, setting => 'inpatient', hospital_level => 2))$$,
  '22023', 'no rule settles benefit prenatal for person type enterprise, scheme employee (inpatient, procedure none, location local) under BT-2026-MAT',
  'NM-PN: an inpatient prenatal claim has no rule (the package is outpatient)');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(523, '620100', '2025-09-10', 'prenatal', 500, setting => 'inpatient'))$$,
  '22023', 'no rule settles benefit prenatal for person type enterprise, scheme employee (inpatient, procedure none, location local) under LZ-2025-MAT',
  'LZ-PN: an inpatient prenatal claim has no rule');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(524, '330300', '2026-02-10', 'prenatal', 500, setting => 'inpatient'), 'WZ-DRAFT-MAT')$$,
  '22023', 'no rule settles benefit prenatal for person type enterprise, scheme employee (inpatient, procedure none, location local) under WZ-DRAFT-MAT',
  'WZ-PN: an inpatient prenatal claim has no rule');

------------------------------------------------------------------ Baotou and Inner Mongolia dates
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(601, '150200', '2026-03-30', 'delivery', 5000, hospital_level => 3))$$,
  '22023', 'no policy is in force for region 150200 on 2026-03-30',
  'NM-IP: Baotou has no maternity policy on 2026-03-30');
SELECT pg_temp.settles(matins_settle(pg_temp.c(602, '150200', '2026-03-31', 'delivery', 5000, hospital_level => 3)),
  '{"policy": "BT-2026-MAT", "maternity_fund": 5000}',
  'NM-IP: Baotou''s policy is in force from 2026-03-31');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(603, '150000', '2026-03-30', 'delivery', 5000, hospital_level => 3))$$,
  '22023', 'no policy is in force for region 150000 on 2026-03-30',
  'NM-IP: Inner Mongolia has no maternity policy on 2026-03-30');
SELECT pg_temp.settles(matins_settle(pg_temp.c(604, '150100', '2026-03-31', 'delivery', 5000, hospital_level => 3)),
  '{"policy": "NM-2025-MAT", "maternity_fund": 5000}',
  'NM-IP: a city without its own policy (Hohhot) uses the autonomous region''s from 2026-03-31');

------------------------------------------------------------------ WZ-PN, WZ-IP (named only)
SELECT pg_temp.settles(matins_settle(pg_temp.c(701, '330300', '2026-02-01', 'prenatal', 3000), 'WZ-DRAFT-MAT'),
  '{"policy": "WZ-DRAFT-MAT", "route": "maternity.prenatal", "maternity_fund": 3000, "over_cap": 0,
    "has_notes": ["WZ-PN"]}',
  'WZ-PN: exactly 3000 in a pregnancy is paid in full');
-- the named policy may change from row to row of one scan: each row is settled under its own
SELECT is((SELECT array_agg((matins_settle(c, p)).policy ORDER BY n)
           FROM (SELECT * FROM (VALUES
                   (1, pg_temp.c(711, '330300', '2026-02-01', 'prenatal', 3000), 'WZ-DRAFT-MAT'),
                   (2, pg_temp.c(712, '620100', '2025-08-01', 'delivery', 100, hospital_level => 2), 'LZ-2025-MAT'),
                   (3, pg_temp.c(713, '330300', '2026-02-01', 'prenatal', 3000), 'WZ-DRAFT-MAT')) v(n, c, p)
                 ORDER BY n) x),
  ARRAY['WZ-DRAFT-MAT', 'LZ-2025-MAT', 'WZ-DRAFT-MAT'],
  'WZ-PN: a scan whose named policy changes settles each claim under the policy named on its row');
SELECT throws_ok($$SELECT matins_settle(c, p) FROM (SELECT * FROM (VALUES
                     (1, pg_temp.c(714, '330300', '2026-02-01', 'prenatal', 3000), 'WZ-DRAFT-MAT'),
                     (2, pg_temp.c(715, '330300', '2026-02-01', 'prenatal', 3000), 'WZ-DRAFT')) v(n, c, p)
                   ORDER BY n) x$$,
  '22023', 'unknown policy "WZ-DRAFT"',
  'WZ-PN: an unknown policy named after a good one in the same scan is an error naming it');
SELECT pg_temp.settles(matins_settle(pg_temp.c(702, '330300', '2026-02-01', 'prenatal', 3200), 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 3000, "over_cap": 200, "transfer_to": "general_outpatient"}',
  'WZ-PN: over 3000 in one claim goes to general outpatient');
SELECT pg_temp.settles(matins_settle(pg_temp.c(703, '330300', '2026-02-01', 'prenatal', 100),
    '{"prenatal_paid": 3000}'::jsonb, 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 0, "over_cap": 100, "transfer_to": "general_outpatient"}',
  'WZ-PN: with 3000 paid in the pregnancy nothing more is paid');
-- run: 2000, 1000 (reaches 3000 exactly), 10 (nothing left)
CREATE TEMP TABLE wp4 AS SELECT ARRAY[
    pg_temp.c(704, '330300', '2026-02-01', 'prenatal', 2000, person_id => 70),
    pg_temp.c(705, '330300', '2026-03-01', 'prenatal', 1000, person_id => 70),
    pg_temp.c(706, '330300', '2026-04-01', 'prenatal', 10, person_id => 70)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM wp4), 705, 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 1000, "over_cap": 0, "transfer_to": null}',
  'WZ-PN: a claim reaching 3000 exactly is paid in full (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM wp4), 706, 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 0, "over_cap": 10, "transfer_to": "general_outpatient"}',
  'WZ-PN: after 3000 nothing is paid (run)');
-- items off the list: 尿HCG 50 and 胎心监测 (class B) 80 are listed: paid 130 (no pre-self-pay);
-- an ART item (class A) 200 is off the list -> general outpatient; self 30
SELECT pg_temp.settles(matins_settle(pg_temp.c(707, '330300', '2026-02-01', 'prenatal',
    lines => ARRAY[pg_temp.l('尿HCG', 1, 50), pg_temp.l('胎心监测', 1, 80, item_class => 'B'),
                   pg_temp.l('取卵术', 1, 200, item_class => 'A'), pg_temp.l('自费药', 1, 30, item_class => 'self')]),
    'WZ-DRAFT-MAT'),
  '{"total": 360, "self_pay": 30, "pre_self_pay": 0, "in_scope": 330, "maternity_fund": 130,
    "over_cap": 200, "transfer_to": "general_outpatient", "personal": 230,
    "has_notes": ["WZ-LIST:outside_list"]}',
  'WZ-PN: items off the prenatal list go to general outpatient');
-- listed 150 with 2900 paid before: 100 left -> 100 paid; 50 over the cap + 50 off the list = 100 over
SELECT pg_temp.settles(matins_settle(pg_temp.c(708, '330300', '2026-02-01', 'prenatal',
    lines => ARRAY[pg_temp.l('产前检查', 1, 150), pg_temp.l('其他', 1, 50, item_class => 'A')]),
    '{"prenatal_paid": 2900}'::jsonb, 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 100, "over_cap": 100, "transfer_to": "general_outpatient"}',
  'WZ-PN: off-list cost and cost over the cap both go to general outpatient');
-- WZ-IP: 195000 of the 200000 maximum paid: delivery in_scope = 8000 - 500 = 7500 -> 5000 paid,
-- 2500 -> critical-illness insurance
SELECT pg_temp.settles(matins_settle(pg_temp.c(709, '330300', '2026-02-01', 'delivery', 8000,
    hospital_level => 3, self_pay => 500), '{"employee_fund_paid": 195000}'::jsonb, 'WZ-DRAFT-MAT'),
  '{"route": "maternity.inpatient", "in_scope": 7500, "maternity_fund": 5000, "over_cap": 2500,
    "transfer_to": "critical_illness", "personal": 3000}',
  'WZ-IP: in-scope cost above the yearly maximum goes to critical-illness insurance');
SELECT pg_temp.settles(matins_settle(pg_temp.c(710, '330300', '2026-02-01', 'delivery', 8000,
    hospital_level => 3, self_pay => 500), '{"employee_fund_paid": 192500}'::jsonb, 'WZ-DRAFT-MAT'),
  '{"maternity_fund": 7500, "over_cap": 0, "transfer_to": null}',
  'WZ-IP: a delivery reaching the yearly maximum exactly is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.c(711, '330300', '2026-02-01', 'family_planning', 4000,
    procedure => 'tubal_ligation', hospital_level => 3), 'WZ-DRAFT-MAT'),
  '{"route": "maternity.inpatient", "maternity_fund": 4000, "has_notes": ["WZ-IP"]}',
  'WZ-IP: in-city family-planning surgery is paid in full');
-- WZ-IP pays every in-city family-planning stay in full: the procedure changes nothing, so a
-- claim without it settles (the error is for routes that depend on it)
SELECT pg_temp.settles(matins_settle(pg_temp.c(713, '330300', '2026-02-01', 'family_planning', 3000,
    setting => 'inpatient', hospital_level => 3), 'WZ-DRAFT-MAT'),
  '{"route": "maternity.inpatient", "maternity_fund": 3000, "has_notes": ["WZ-IP"]}',
  'WZ-IP: a family-planning stay without its procedure is paid in full');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(712, '330300', '2026-02-01', 'delivery', 8000,
    hospital_level => 3, location => 'province'), 'WZ-DRAFT-MAT')$$,
  '22023', 'no rule settles benefit delivery for person type enterprise, scheme employee (inpatient, procedure none, location province) under WZ-DRAFT-MAT',
  'WZ-IP: only in-city deliveries are on the maternity route');

-- WZ-IP (0.8.0): treating an illness the pregnancy caused (delivery complications, pathological
-- pregnancy) follows the ordinary employee rules.  A delivery marked as a critically ill woman's
-- (obstetric haemorrhage 'OBH', or 'HTN' on a delivery), as in Inner Mongolia: pre = 2000 x 10% =
-- 200; in_scope = 10000 - 1000 - 200 = 8800; deductible 800; fund = 8000 x 85% = 6800 from the
-- pooled fund; copay 1200; personal 10000 - 6800 = 3200
SELECT pg_temp.settles(matins_settle(pg_temp.c(721, '330300', '2026-02-01', 'delivery', 10000,
    disease => 'OBH', hospital_level => 3, self_pay => 1000, class_b => 2000), 'WZ-DRAFT-MAT'),
  '{"policy": "WZ-DRAFT-MAT", "route": "employee.inpatient", "pre_self_pay": 200, "in_scope": 8800,
    "deductible": 800, "pooled_fund": 6800, "copay": 1200, "maternity_fund": 0, "personal": 3200,
    "notes": ["WZ-IP", "critically_ill"]}',
  'WZ-IP: a critically ill woman''s delivery (OBH) follows the employee inpatient rules');
-- HTN, with 195000 of the 200000 maximum paid: (8000 - 800) x 85% = 6120 due, 5000 left: 5000
-- paid, 1120 to critical-illness insurance; copay 7200 x 15% = 1080; personal 3000
SELECT pg_temp.settles(matins_settle(pg_temp.c(722, '330300', '2026-02-01', 'delivery', 8000,
    disease => 'HTN', hospital_level => 3), '{"employee_fund_paid": 195000}'::jsonb, 'WZ-DRAFT-MAT'),
  '{"route": "employee.inpatient", "deductible": 800, "pooled_fund": 5000, "over_cap": 1120,
    "transfer_to": "critical_illness", "copay": 1080, "personal": 3000,
    "notes": ["WZ-IP", "critically_ill", "annual_cap"]}',
  'WZ-IP: a critically ill woman''s delivery counts toward the yearly maximum, the rest to critical-illness insurance');
-- a family-planning stay keeps its maternity route, as in Inner Mongolia: 3000 paid in full
SELECT pg_temp.settles(matins_settle(pg_temp.c(723, '330300', '2026-02-01', 'family_planning', 3000,
    setting => 'inpatient', procedure => 'abortion', disease => 'OBH', hospital_level => 3), 'WZ-DRAFT-MAT'),
  '{"route": "maternity.inpatient", "maternity_fund": 3000, "deductible": 0, "notes": ["WZ-IP"]}',
  'WZ-IP: an inpatient abortion with OBH is paid in full');
-- the employee inpatient numbers are the city's: unset at level 2, an error naming the parameter
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(724, '330300', '2026-02-01', 'delivery', 8000,
    disease => 'OBH', hospital_level => 2), 'WZ-DRAFT-MAT')$$,
  '22023', 'region parameter "employee.inpatient.deductible.l2" is not set for region 330300 on 2026-02-01',
  'WZ-IP: a critically ill woman''s delivery needs the city''s employee inpatient parameters');
-- the same delivery without the mark stays on the maternity route: 8000 paid in full
SELECT pg_temp.settles(matins_settle(pg_temp.c(725, '330300', '2026-02-01', 'delivery', 8000,
    disease => 'DM', hospital_level => 3), 'WZ-DRAFT-MAT'),
  '{"route": "maternity.inpatient", "maternity_fund": 8000, "pooled_fund": 0, "notes": ["WZ-IP"]}',
  'WZ-IP: a delivery with another disease is paid in full on the maternity route');

------------------------------------------------------------------ Lanzhou
-- LZ-IP: inpatient family planning 100%: 5000 - 200 = 4800 (class_b in scope)
SELECT pg_temp.settles(matins_settle(pg_temp.c(801, '620100', '2025-09-01', 'family_planning', 5000,
    procedure => 'tubal_ligation', hospital_level => 2, self_pay => 200, class_b => 1000)),
  '{"route": "maternity.inpatient", "pre_self_pay": 0, "in_scope": 4800, "maternity_fund": 4800,
    "personal": 200, "has_notes": ["LZ-IP"]}',
  'LZ-IP: inpatient family planning is paid 100%');
-- LZ-IP: 100% whatever the procedure, so a stay without it settles: 2500 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(817, '620100', '2025-09-01', 'family_planning', 2500,
    setting => 'inpatient', hospital_level => 2)),
  '{"route": "maternity.inpatient", "maternity_fund": 2500, "has_notes": ["LZ-IP"]}',
  'LZ-IP: an inpatient family-planning stay without its procedure is paid 100%');
-- the largest amount a claim may carry (1e9 yuan is out of range: settle_errors.sql)
SELECT is((matins_settle(pg_temp.c(819, '620100', '2025-09-01', 'delivery', 999999999.99, hospital_level => 2))).fund_total,
  999999999.99, 'LZ-IP: the largest amount, 999999999.99 yuan, settles in full');
-- the first and last service dates a claim may carry (the days around them: settle_errors.sql)
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(820, '220000', '1900-01-01', 'delivery', 100))$$,
  '22023', 'no policy is in force for region 220000 on 1900-01-01',
  'JL24-DL: 1900-01-01 is a date a claim may carry (no policy was in force then)');
SELECT is((matins_settle(pg_temp.c(821, '220000', '2199-12-31', 'delivery', 100, hospital_level => 2))).fund_total,
  100.00, 'JL24-DL: 2199-12-31 is a date a claim may carry (the open-ended policy pays it)');
-- a line with a class settles on a route without an item catalog: 'A' 120 in scope, 'self' 30
-- self-paid; screening at a designated hospital: min(120, 160) = 120
SELECT pg_temp.settles(matins_settle(pg_temp.c(818, '620100', '2025-09-01', 'screening', NULL,
    hospital => '甘肃省人民医院',
    lines => ARRAY[pg_temp.l('250101001', 1, 120, item_class => 'A'), pg_temp.l('X-1', 1, 30, item_class => 'self')])),
  '{"self_pay": 30, "in_scope": 120, "maternity_fund": 120, "personal": 30, "has_notes": ["LZ-SCR"]}',
  'LZ-SCR: lines with a class need no item catalog');
SELECT pg_temp.settles(matins_settle(pg_temp.c(802, '620100', '2025-09-01', 'delivery', 6000, person_type => 'retiree')),
  '{"maternity_fund": 6000}',
  'LZ-IP: a retiree has the medical benefits (LZ-WHO)');
SELECT pg_temp.settles(matins_settle(pg_temp.c(803, '620100', '2025-09-01', 'delivery', 5000,
    location => 'national', self_pay => 100)),
  '{"in_scope": 4900, "maternity_fund": 4900, "has_notes": ["LZ-IP"]}',
  'LZ-IP: care in another province is paid at the same standards (LZ-DIR)');
-- LZ-SPO: the spouse gets half of every standard
--   inpatient: 3000.01 x 50% = 1500.005 -> 1500.01 (half away from zero)
SELECT pg_temp.settles(matins_settle(pg_temp.c(804, '620100', '2025-09-01', 'family_planning', 3000.01,
    person_type => 'spouse', procedure => 'tubal_ligation')),
  '{"maternity_fund": 1500.01, "copay": 1500.00, "personal": 1500.00, "has_notes": ["LZ-SPO"]}',
  'LZ-SPO: inpatient at 50%, rounded half away from zero');
--   screening 200 at a designated hospital: min(200, 160) = 160 x 50% = 80; 40 above the quota is
--   personal; the other 80 is the spouse's copay
SELECT pg_temp.settles(matins_settle(pg_temp.c(805, '620100', '2025-09-01', 'screening', 200,
    person_type => 'spouse', hospital => '甘肃省妇幼保健院')),
  '{"maternity_fund": 80, "over_cap": 40, "transfer_to": "personal", "copay": 80, "personal": 120}',
  'LZ-SPO: screening at 50% of min(cost, 160)');
--   screening 150: 150 x 50% = 75
SELECT pg_temp.settles(matins_settle(pg_temp.c(806, '620100', '2025-09-01', 'screening', 150,
    person_type => 'spouse', hospital => '甘肃省妇幼保健院')),
  '{"maternity_fund": 75, "over_cap": 0, "copay": 75}',
  'LZ-SPO: screening below 160 at 50% of the cost');
--   outpatient abortion at level 2, 300: quota 260 x 50% = 130; 170 personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(807, '620100', '2025-09-01', 'family_planning', 300,
    person_type => 'spouse', procedure => 'abortion', hospital_level => 2)),
  '{"maternity_fund": 130, "over_cap": 170, "transfer_to": "personal"}',
  'LZ-SPO: the spouse''s abortion quota is 130');
--   IUD insertion 80 < 100: 80 paid
SELECT pg_temp.settles(matins_settle(pg_temp.c(808, '620100', '2025-09-01', 'family_planning', 80,
    person_type => 'spouse', procedure => 'iud_insert', hospital_level => 2)),
  '{"maternity_fund": 80, "over_cap": 0}',
  'LZ-SPO: the spouse''s IUD insertion quota is 100 (cost below it paid)');
--   IUD removal 150: 100 paid, 50 personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(809, '620100', '2025-09-01', 'family_planning', 150,
    person_type => 'spouse', procedure => 'iud_remove', hospital_level => 3)),
  '{"maternity_fund": 100, "over_cap": 50, "transfer_to": "personal"}',
  'LZ-SPO: the spouse''s IUD removal quota is 100');
-- the spouse's quota itself is halved (rules.md LZ-SPO: 130/100/100), so a cost below it is
-- paid in full: IUD removal 80 -> 80; matins_explain shows the halving on the quota (200 x 50% =
-- 100), then min(80, 100)
SELECT is((SELECT array_agg(format('%s %s %s %s', rule, basis, rate, amount) ORDER BY step)
           FROM matins_explain(pg_temp.c(824, '620100', '2025-09-01', 'family_planning', 80,
               person_type => 'spouse', procedure => 'iud_remove', hospital_level => 2))),
  ARRAY['LZ-SPO 80.00  80.00', 'LZ-SPO 200.00 0.500000 100.00', 'LZ-FPO 80.00  80.00',
        'LZ-SPO 80.00  80.00'],
  'LZ-SPO: matins_explain halves the spouse''s quota, not the amount paid under it');
-- LZ-SCR: not designated -> 0, everything to general outpatient
SELECT pg_temp.settles(matins_settle(pg_temp.c(810, '620100', '2025-09-01', 'screening', 200, hospital => '某县人民医院')),
  '{"maternity_fund": 0, "over_cap": 200, "transfer_to": "general_outpatient",
    "has_notes": ["not_designated"]}',
  'LZ-SCR: a screening outside the five designated hospitals is not paid here');
SELECT pg_temp.settles(matins_settle(pg_temp.c(811, '620100', '2025-09-01', 'screening', 200)),
  '{"maternity_fund": 0, "over_cap": 200, "transfer_to": "general_outpatient"}',
  'LZ-SCR: a screening without a hospital is not at a designated one');
-- once per pregnancy (0.5.0): a designated screening with no in-scope cost (all self-paid) pays
-- nothing and leaves the pregnancy's once; the next one is paid min(200, 160) = 160, 40 personal
CREATE TEMP TABLE lc3 AS SELECT ARRAY[
    pg_temp.c(830, '620100', '2025-09-01', 'screening', 100, person_id => 83, self_pay => 100, hospital => '甘肃省人民医院'),
    pg_temp.c(831, '620100', '2025-09-10', 'screening', 200, person_id => 83, hospital => '甘肃省人民医院')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM lc3), 830),
  '{"in_scope": 0, "maternity_fund": 0, "over_cap": 0, "personal": 100}',
  'LZ-SCR: a screening with no in-scope cost pays nothing (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM lc3), 831),
  '{"maternity_fund": 160, "over_cap": 40, "transfer_to": "personal"}',
  'LZ-SCR: a screening the fund paid nothing for does not use the pregnancy''s once (run)');
-- the setting does not change the screening's amount: 200 during a stay -> 160
SELECT pg_temp.settles(matins_settle(pg_temp.c(832, '620100', '2025-09-01', 'screening', 200, setting => 'inpatient',
    hospital => '兰州大学第一医院')),
  '{"route": "maternity.screening", "maternity_fund": 160, "over_cap": 40}',
  'LZ-SCR: a screening during an inpatient stay gets the same 160');
-- once per pregnancy: not designated (0, does not use the once), designated 120 (paid), designated
-- again (0, general outpatient), a new pregnancy (paid again)
CREATE TEMP TABLE lc2 AS SELECT ARRAY[
    pg_temp.c(812, '620100', '2025-09-01', 'screening', 200, person_id => 81, pregnancy_id => 810, hospital => '某县人民医院'),
    pg_temp.c(813, '620100', '2025-09-02', 'screening', 120, person_id => 81, pregnancy_id => 810, hospital => '兰州大学第二医院'),
    pg_temp.c(814, '620100', '2025-10-02', 'screening', 120, person_id => 81, pregnancy_id => 810, hospital => '兰州大学第二医院'),
    pg_temp.c(815, '620100', '2026-10-02', 'screening', 120, person_id => 81, pregnancy_id => 811, hospital => '兰州市妇幼保健院')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM lc2), 813),
  '{"maternity_fund": 120, "over_cap": 0}',
  'LZ-SCR: the first designated screening of a pregnancy is paid (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM lc2), 814),
  '{"maternity_fund": 0, "over_cap": 120, "transfer_to": "general_outpatient",
    "has_notes": ["used_in_pregnancy"]}',
  'LZ-SCR: a second screening in the same pregnancy is not paid (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM lc2), 815),
  '{"maternity_fund": 120}',
  'LZ-SCR: a new pregnancy has its screening again (run)');
SELECT pg_temp.settles(matins_settle(pg_temp.c(816, '620100', '2025-09-01', 'screening', 120,
    hospital => '兰州大学第二医院'), '{"screening_used": true}'::jsonb),
  '{"maternity_fund": 0, "over_cap": 120, "transfer_to": "general_outpatient"}',
  'LZ-SCR: prior screening_used true: the screening is not paid again');
-- LZ-FPO
SELECT pg_temp.settles(matins_settle(pg_temp.c(817, '620100', '2025-09-01', 'family_planning', 300,
    procedure => 'abortion', hospital_level => 1)),
  '{"maternity_fund": 0, "over_cap": 300, "transfer_to": "general_outpatient",
    "has_notes": ["hospital_level"]}',
  'LZ-FPO: at a level-1 institution the maternity fund pays nothing');
SELECT pg_temp.settles(matins_settle(pg_temp.c(818, '620100', '2025-09-01', 'family_planning', 300,
    procedure => 'abortion')),
  '{"maternity_fund": 0, "over_cap": 300, "transfer_to": "general_outpatient"}',
  'LZ-FPO: at an unrated institution (no level) the maternity fund pays nothing');
SELECT pg_temp.settles(matins_settle(pg_temp.c(819, '620100', '2025-09-01', 'family_planning', 300,
    procedure => 'medical_abortion', hospital_level => 2)),
  '{"maternity_fund": 0, "over_cap": 300, "transfer_to": "general_outpatient", "has_notes": ["no_quota"]}',
  'LZ-FPO: a procedure without a quota is not paid here');
-- the same for a spouse: LZ-FPO's list has no quota for it either, and the notes cite it
SELECT pg_temp.settles(matins_settle(pg_temp.c(821, '620100', '2025-09-01', 'family_planning', 300,
    person_type => 'spouse', procedure => 'medical_abortion', hospital_level => 2)),
  '{"maternity_fund": 0, "over_cap": 300, "transfer_to": "general_outpatient",
    "notes": ["LZ-SPO", "LZ-FPO", "no_quota"]}',
  'LZ-SPO, LZ-FPO: a spouse''s procedure without a quota is not paid here, citing LZ-FPO');
SELECT is((SELECT array_agg(rule ORDER BY step) FROM matins_explain(pg_temp.c(821, '620100', '2025-09-01',
    'family_planning', 300, person_type => 'spouse', procedure => 'medical_abortion', hospital_level => 2))),
  ARRAY['LZ-SPO', 'LZ-FPO', 'LZ-SPO'],
  'LZ-FPO: matins_explain cites LZ-FPO for the missing quota');
-- LZ-WHO: Lanzhou's maternity routes are for people in employee insurance; in resident insurance
-- a spouse or a flexible worker has no rule (0.6.0)
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(822, '620100', '2025-09-01', 'prenatal', 100,
    person_type => 'spouse', scheme => 'resident'))$$,
  '22023', 'no rule settles benefit prenatal for person type spouse, scheme resident (outpatient, procedure none, location local) under LZ-2025-MAT',
  'LZ-WHO: a spouse in resident insurance has no Lanzhou prenatal route');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(823, '620100', '2025-09-01', 'delivery', 3000,
    person_type => 'flexible', scheme => 'resident'))$$,
  '22023', 'no rule settles benefit delivery for person type flexible, scheme resident (inpatient, procedure none, location local) under LZ-2025-MAT',
  'LZ-WHO: a flexible worker in resident insurance has no Lanzhou delivery route');
SELECT pg_temp.settles(matins_settle(pg_temp.c(820, '620100', '2025-09-01', 'family_planning', 150,
    procedure => 'iud_insert', hospital_level => 3)),
  '{"maternity_fund": 150, "over_cap": 0}',
  'LZ-FPO: IUD insertion below its 200 quota is paid in full');
-- 250 - 20 = 230 in scope: 200 paid, 30 personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(821, '620100', '2025-09-01', 'family_planning', 250,
    procedure => 'iud_remove', hospital_level => 2, self_pay => 20)),
  '{"in_scope": 230, "maternity_fund": 200, "over_cap": 30, "transfer_to": "personal", "personal": 50}',
  'LZ-FPO: IUD removal is paid up to 200');
-- LZ-PN: a prenatal claim gets nothing from the maternity fund (the grant comes with the event)
SELECT pg_temp.settles(matins_settle(pg_temp.c(822, '620100', '2025-09-01', 'prenatal', 500)),
  '{"route": "maternity.prenatal_grant", "maternity_fund": 0, "over_cap": 500,
    "transfer_to": "general_outpatient", "has_notes": ["LZ-PN", "prenatal_grant_with_event"]}',
  'LZ-PN: prenatal claims go to general outpatient; the 1000 grant is paid with the event');
-- the policy's first and last days: 2025-06-27 .. 2030-06-26
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(823, '620100', '2025-06-26', 'delivery', 5000))$$,
  '22023', 'no policy is in force for region 620100 on 2025-06-26',
  'LZ-IP: no Lanzhou policy on 2025-06-26');
SELECT pg_temp.settles(matins_settle(pg_temp.c(824, '620100', '2025-06-27', 'delivery', 5000)),
  '{"policy": "LZ-2025-MAT", "maternity_fund": 5000}',
  'LZ-IP: the Lanzhou policy applies from 2025-06-27');
SELECT pg_temp.settles(matins_settle(pg_temp.c(825, '620100', '2030-06-26', 'delivery', 5000)),
  '{"policy": "LZ-2025-MAT", "maternity_fund": 5000}',
  'LZ-IP: the Lanzhou policy still applies on 2030-06-26');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(826, '620100', '2030-06-27', 'delivery', 5000))$$,
  '22023', 'no policy is in force for region 620100 on 2030-06-27',
  'LZ-IP: no Lanzhou policy on 2030-06-27');

------------------------------------------------------------------ one destination, the larger part (0.4.0)
-- rules.md §0: package cost over Inner Mongolia's employee annual cap goes to personal, cost
-- outside the package to general outpatient; a claim has one transfer_to: the larger part's.
-- Cap used up (prior 300000): 1000 in the package (over the cap) and 10 outside -> personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(451, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 1, 1000), pg_temp.l('OTHER', 1, 10, item_class => 'A')]),
    '{"employee_fund_paid": 300000}'::jsonb),
  '{"in_scope": 1010, "maternity_fund": 0, "over_cap": 1010, "transfer_to": "personal",
    "personal": 1010, "has_notes": ["NM-PN:outside_package", "annual_cap"]}',
  'NM-PN, rules.md §0: the larger unpaid part (1000 over the cap) decides transfer_to: personal');
-- 10 of the cap left (prior 299990): 10 paid, 990 over the cap, 10 outside -> personal
SELECT pg_temp.settles(matins_settle(pg_temp.c(452, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 1, 1000), pg_temp.l('OTHER', 1, 10, item_class => 'A')]),
    '{"employee_fund_paid": 299990}'::jsonb),
  '{"maternity_fund": 10, "over_cap": 1000, "transfer_to": "personal"}',
  'NM-PN: 990 over the cap outweighs 10 outside the package: personal');
-- 500 outside, 100 in the package over the cap (prior 300000) -> general_outpatient
SELECT pg_temp.settles(matins_settle(pg_temp.c(453, '150000', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('NMPN01', 1, 100), pg_temp.l('OTHER', 1, 500, item_class => 'A')]),
    '{"employee_fund_paid": 300000}'::jsonb),
  '{"maternity_fund": 0, "over_cap": 600, "transfer_to": "general_outpatient"}',
  'NM-PN: 500 outside the package outweighs 100 over the cap: general_outpatient');

------------------------------------------------------------------ item lines without a class (0.4.0)
-- WZ-LIST: a line without a class is looked up in the list; an item not on it is unknown
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(454, '330300', '2026-04-15', 'prenatal',
    lines => ARRAY[pg_temp.l('尿HCG', 1, 50), pg_temp.l('FOO', 1, 70)]), 'WZ-DRAFT-MAT')$$,
  '22023', 'unknown item code "FOO" in claim line 2',
  'WZ-LIST: an unclassified line off the prenatal list is an unknown item');
-- NM-NOMI: an uninsured flexible worker's prenatal cost goes to general outpatient; a package
-- item is known (in scope): over_cap 300, fund 0
SELECT pg_temp.settles(matins_settle(pg_temp.c(455, '150000', '2026-04-15', 'prenatal',
    person_type => 'flexible', maternity_insured => false,
    lines => ARRAY[pg_temp.l('NMPN01', 1, 300)])),
  '{"route": "maternity.prenatal_outside", "in_scope": 300, "maternity_fund": 0, "over_cap": 300,
    "transfer_to": "general_outpatient"}',
  'NM-NOMI: a package item on the route to general outpatient is in scope');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(456, '150000', '2026-04-15', 'prenatal',
    person_type => 'flexible', maternity_insured => false,
    lines => ARRAY[pg_temp.l('FOO', 1, 300)]))$$,
  '22023', 'unknown item code "FOO" in claim line 1',
  'NM-NOMI: an item in no catalog is still unknown there');

------------------------------------------------------------------ NM-EL: no waiting period for the unemployed
-- NM-IP: 1000 at 100%; the region's unset waiting period does not concern the unemployed
SELECT pg_temp.settles(matins_settle(pg_temp.c(457, '150000', '2026-04-15', 'delivery', 1000,
    person_type => 'unemployed', hospital_level => 3)),
  '{"maternity_fund": 1000, "notes": ["NM-IP"]}',
  'NM-EL: an unemployed person''s claim has no waiting_period_not_applied note');
SELECT pg_temp.settles(matins_settle(pg_temp.c(458, '150000', '2026-04-15', 'delivery', 1000,
    hospital_level => 3)),
  '{"maternity_fund": 1000, "notes": ["NM-IP", "waiting_period_not_applied"]}',
  'NM-WAIT: an employee''s claim says the unset waiting period was not applied');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: the shared acceptance cases V1-V10 (../shared/cases/settle_cases.sql), each computed by
-- hand from rules.md.  Every check also asserts the settlement identities
-- (total = self_pay + over_limit + pre_self_pay + in_scope; in_scope = deductible + copay +
-- over_cap + fund_total; personal = total - fund_total; fund_total = maternity_fund + pooled_fund).
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(12);

\ir lib/settle_helpers.sql

-- region parameters the cases need (the seeds leave them to the region)
DO $$
BEGIN
    PERFORM matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
    PERFORM matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
END $$;

-- V1 LZ-IP: enterprise employee, inpatient delivery in Lanzhou.
--   in_scope = 8000 - 500 self = 7500; class_b 1200 is ignored (maternity route: no pre-self-pay,
--   rules.md §0); no deductible; fund 100% = 7500 (maternity fund); personal = 8000 - 7500 = 500
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 1, person_id => 1,
    region => '620100', service_date => '2025-09-20', scheme => 'employee', person_type => 'enterprise',
    benefit => 'delivery', hospital_level => 3, total => 8000, self_pay => 500, class_b => 1200)),
  '{"policy": "LZ-2025-MAT", "route": "maternity.inpatient", "in_scope": 7500, "pre_self_pay": 0,
    "deductible": 0, "copay": 0, "over_cap": 0, "maternity_fund": 7500, "pooled_fund": 0,
    "fund_total": 7500, "personal": 500}',
  'LZ-IP V1: Lanzhou delivery is paid 100% of in-scope cost, no deductible, no class-B share');

-- V2 LZ-SPO: uninsured spouse of a male employee, delivery: 50% of the employee standard.
--   in_scope 6000; fund = 6000 x 0.5 = 3000; copay 3000; personal = 6000 - 3000 = 3000
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 2, person_id => 2,
    region => '620100', service_date => '2025-10-01', scheme => 'employee', person_type => 'spouse',
    benefit => 'delivery', hospital_level => 2, total => 6000)),
  '{"route": "maternity.inpatient", "in_scope": 6000, "copay": 3000, "maternity_fund": 3000,
    "fund_total": 3000, "personal": 3000}',
  'LZ-SPO V2: the spouse''s delivery is paid at half the employee standard');

-- V3 LZ-FPO: outpatient surgical abortion at a level-2 hospital: quota 260.
--   in_scope = 380 - 30 = 350; fund = min(350, 260) = 260; over_cap = 350 - 260 = 90 -> personal
--   (the part above a quota); personal = 380 - 260 = 120
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 3, person_id => 3,
    region => '620100', service_date => '2025-08-03', scheme => 'employee', person_type => 'enterprise',
    benefit => 'family_planning', setting => 'outpatient', procedure => 'abortion',
    hospital_level => 2, total => 380, self_pay => 30)),
  '{"in_scope": 350, "fund_total": 260, "over_cap": 90, "transfer_to": "personal", "personal": 120}',
  'LZ-FPO V3: outpatient abortion at level 2 is paid its 260 quota, the rest is personal');

-- V4 LZ-SCR: prenatal screening at a designated hospital: min(cost, 160).
--   in_scope 200; fund = min(200, 160) = 160; over_cap 40 -> personal; personal 40
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 4, person_id => 4,
    region => '620100', service_date => '2025-07-15', scheme => 'employee', person_type => 'enterprise',
    benefit => 'screening', hospital => '兰州大学第一医院', hospital_level => 3, total => 200)),
  '{"route": "maternity.screening", "fund_total": 160, "over_cap": 40, "transfer_to": "personal",
    "personal": 40}',
  'LZ-SCR V4: screening at a designated hospital is paid min(cost, 160)');

-- V5 JL24-PN: two prenatal claims of one pregnancy in Changchun (220100 inherits 220000), cap 1000.
--   claim 51: 600 <= 1000 -> fund 600, personal 0
--   claim 52: 1000 - 600 = 400 left -> fund 400; over_cap = 700 - 400 = 300 -> general_outpatient
CREATE TEMP TABLE v5 AS SELECT ARRAY[
    matins.make_claim(claim_id => 51, person_id => 5, pregnancy_id => 500, region => '220100',
      service_date => '2025-02-10', scheme => 'employee', person_type => 'enterprise',
      benefit => 'prenatal', hospital_level => 2, total => 600),
    matins.make_claim(claim_id => 52, person_id => 5, pregnancy_id => 500, region => '220100',
      service_date => '2025-04-12', scheme => 'employee', person_type => 'enterprise',
      benefit => 'prenatal', hospital_level => 2, total => 700)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM v5), 51),
  '{"policy": "JL-2024-MAT", "route": "maternity.prenatal", "fund_total": 600, "maternity_fund": 600,
    "over_cap": 0, "transfer_to": null, "personal": 0}',
  'JL24-PN V5: the first prenatal claim of a pregnancy is paid in full under the cap');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM v5), 52),
  '{"fund_total": 400, "over_cap": 300, "transfer_to": "general_outpatient", "personal": 300}',
  'JL24-PN V5: the second is paid up to the 1000 cap, the excess goes to general outpatient');

-- V6 JL24-DL -> JL19-IP, JL19-B: a resident's delivery follows resident inpatient rules; downward
-- referral to a level-1 hospital pays no deductible; class B: 10% first.
--   pre_self_pay = 10000 x 10% = 1000; in_scope = 40000 - 2000 - 1000 = 37000; deductible 0;
--   bands at level 1 on position 0 -> 37000: 30000 x 80% = 24000; 7000 x 85% = 5950;
--   fund = 29950 (pooled); personal = 40000 - 29950 = 10050
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 6, person_id => 6,
    region => '220000', service_date => '2025-05-01', scheme => 'resident', person_type => 'resident',
    benefit => 'delivery', hospital_level => 1, referral => 'down',
    total => 40000, self_pay => 2000, class_b => 10000)),
  '{"policy": "JL-2019-RES", "route": "resident.inpatient", "pre_self_pay": 1000, "in_scope": 37000,
    "deductible": 0, "pooled_fund": 29950, "maternity_fund": 0, "fund_total": 29950,
    "copay": 7050, "personal": 10050}',
  'JL24-DL V6: a resident''s delivery settles by JL19-IP bands, class-B 10% first, no deductible on downward referral');

-- V7 JL24-ART-2..4: ART for a resident at a level-3 hospital, with item lines.
--   311600001 2750 incl. endoscopic surcharge 250 (not paid): self 250, standard 2500, in catalog 2500
--   311600002 5350 incl. blastocyst 1300 (paid): standard 4050 + 1300 = 5350, in catalog 5350
--   DRUG-0001 class B 1000; SELF-0001 500 self
--   self_pay = 250 + 500 = 750; over_limit 0; class B = 2500 + 5350 + 1000 = 8850;
--   pre_self_pay = 8850 x 10% = 885; in_scope = 9600 - 750 - 885 = 7965; deductible 1000;
--   fund = (7965 - 1000) x 55% = 3830.75; copay = 6965 - 3830.75 = 3134.25;
--   personal = 9600 - 3830.75 = 5769.25
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 7, person_id => 7,
    region => '220000', service_date => '2025-03-03', scheme => 'resident', person_type => 'resident',
    benefit => 'art', hospital_level => 3, total => 9600,
    lines => ARRAY[
      ROW('311600001', NULL, 1, 2750, 250, NULL)::matins.claim_line,
      ROW('311600002', NULL, 1, 5350, 1300, NULL)::matins.claim_line,
      ROW('DRUG-0001', 'B', 1, 1000, 0, NULL)::matins.claim_line,
      ROW('SELF-0001', 'self', 1, 500, 0, NULL)::matins.claim_line])),
  '{"route": "resident.art", "self_pay": 750, "over_limit": 0, "pre_self_pay": 885, "in_scope": 7965,
    "deductible": 1000, "copay": 3134.25, "pooled_fund": 3830.75, "maternity_fund": 0,
    "personal": 5769.25}',
  'JL24-ART-2 V7: resident ART at level 3: item standards, class-B 10%, deductible 1000, 55%');

-- V8 NM-IP: Baotou (150200, BT-2026-MAT from 2026-03-31), delivery in full.
--   in_scope = 12000 - 800 = 11200; fund 100% = 11200 (within the 300000 employee cap); personal 800
SELECT pg_temp.settles(matins_settle(matins.make_claim(claim_id => 8, person_id => 8,
    region => '150200', service_date => '2026-05-10', scheme => 'employee', person_type => 'enterprise',
    benefit => 'delivery', hospital_level => 3, total => 12000, self_pay => 800)),
  '{"policy": "BT-2026-MAT", "route": "maternity.inpatient", "maternity_fund": 11200,
    "fund_total": 11200, "personal": 800}',
  'NM-IP V8: a Baotou delivery is paid in full under the Baotou policy');

-- V9 WZ-PN: the Wenzhou draft, what-if only: 3000 per pregnancy.
--   claim 91: 2000 -> 2000; claim 92: 3000 - 2000 = 1000 left -> 1000, over_cap 500 -> general_outpatient
CREATE TEMP TABLE v9 AS SELECT ARRAY[
    matins.make_claim(claim_id => 91, person_id => 9, pregnancy_id => 900, region => '330300',
      service_date => '2026-02-01', scheme => 'employee', person_type => 'enterprise',
      benefit => 'prenatal', hospital_level => 3, total => 2000),
    matins.make_claim(claim_id => 92, person_id => 9, pregnancy_id => 900, region => '330300',
      service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise',
      benefit => 'prenatal', hospital_level => 3, total => 1500)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM v9), 91, 'WZ-DRAFT-MAT'),
  '{"policy": "WZ-DRAFT-MAT", "route": "maternity.prenatal", "fund_total": 2000, "over_cap": 0}',
  'WZ-PN V9: named, the draft pays a first prenatal claim in full');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM v9), 92, 'WZ-DRAFT-MAT'),
  '{"fund_total": 1000, "over_cap": 500, "transfer_to": "general_outpatient", "personal": 500}',
  'WZ-PN V9: the second claim is paid up to the 3000 cap per pregnancy');

-- V10 WZ-PN: a Wenzhou claim without naming the draft: no policy is in force.
SELECT throws_ok($$SELECT matins_settle(matins.make_claim(claim_id => 99, person_id => 9,
    region => '330300', service_date => '2026-02-01', scheme => 'employee',
    person_type => 'enterprise', benefit => 'prenatal', total => 100))$$,
  '22023', 'no policy is in force for region 330300 on 2026-02-01',
  'WZ-PN V10: a draft is never applied by date');

SELECT * FROM finish();
ROLLBACK;

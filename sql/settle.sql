-- Settlements as an analyst reads them: the acceptance cases (hand-computed in rules.md terms),
-- a window re-settlement, a what-if, an explanation and the errors of bad claims.
SET search_path = "$user", public, matins;
SET datestyle = ISO;
\set SHOW_CONTEXT never
\pset footer off

SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
SELECT matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');

CREATE TEMP TABLE claims (c matins.claim);
INSERT INTO claims VALUES
  -- LZ-IP: delivery, no deductible, 100% of in-scope 7500, no class-B share
  (matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-09-20',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 8000, self_pay => 500, class_b => 1200)),
  -- LZ-SPO: spouse's delivery at 50%: 3000 of 6000
  (matins.make_claim(claim_id => 2, person_id => 2, region => '620100', service_date => '2025-10-01',
     scheme => 'employee', person_type => 'spouse', benefit => 'delivery', hospital_level => 2,
     total => 6000)),
  -- LZ-FPO: abortion at level 2, quota 260 of in-scope 350; 90 above the quota is personal
  (matins.make_claim(claim_id => 3, person_id => 3, region => '620100', service_date => '2025-08-03',
     scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
     setting => 'outpatient', procedure => 'abortion', hospital_level => 2, total => 380, self_pay => 30)),
  -- LZ-SCR: designated hospital, min(200, 160)
  (matins.make_claim(claim_id => 4, person_id => 4, region => '620100', service_date => '2025-07-15',
     scheme => 'employee', person_type => 'enterprise', benefit => 'screening',
     hospital => '兰州大学第一医院', hospital_level => 3, total => 200)),
  -- JL24-PN: 600 then 700 in one pregnancy under the 1000 cap: 600, then 400 (300 to general outpatient)
  (matins.make_claim(claim_id => 51, person_id => 5, pregnancy_id => 500, region => '220100',
     service_date => '2025-02-10', scheme => 'employee', person_type => 'enterprise',
     benefit => 'prenatal', hospital_level => 2, total => 600)),
  (matins.make_claim(claim_id => 52, person_id => 5, pregnancy_id => 500, region => '220100',
     service_date => '2025-04-12', scheme => 'employee', person_type => 'enterprise',
     benefit => 'prenatal', hospital_level => 2, total => 700)),
  -- JL24-DL -> JL19-IP, JL19-B: 10% of 10000 first; in scope 37000; down to level 1: no
  -- deductible; 30000 x 80% + 7000 x 85% = 29950
  (matins.make_claim(claim_id => 6, person_id => 6, region => '220000', service_date => '2025-05-01',
     scheme => 'resident', person_type => 'resident', benefit => 'delivery', hospital_level => 1,
     referral => 'down', total => 40000, self_pay => 2000, class_b => 10000)),
  -- JL24-ART-2..4: self 250 + 500; class B 2500 + 5350 + 1000 = 8850, 10% = 885 first;
  -- in scope 7965; deductible 1000; (7965 - 1000) x 55% = 3830.75
  (matins.make_claim(claim_id => 7, person_id => 7, region => '220000', service_date => '2025-03-03',
     scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
     lines => ARRAY[ROW('311600001', NULL, 1, 2750, 250, NULL)::matins.claim_line,
                    ROW('311600002', NULL, 1, 5350, 1300, NULL)::matins.claim_line,
                    ROW('DRUG-0001', 'B', 1, 1000, 0, NULL)::matins.claim_line,
                    ROW('SELF-0001', 'self', 1, 500, 0, NULL)::matins.claim_line])),
  -- NM-IP (Baotou, BT-2026-MAT from 2026-03-31): 100% of in-scope 11200
  (matins.make_claim(claim_id => 8, person_id => 8, region => '150200', service_date => '2026-05-10',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 12000, self_pay => 800));

SELECT (c).claim_id AS id, (s).policy, (s).route, (s).total, (s).self_pay AS self, (s).pre_self_pay AS pre,
       (s).in_scope, (s).deductible AS ded, (s).copay, (s).over_cap, (s).transfer_to,
       (s).maternity_fund AS maternity, (s).pooled_fund AS pooled, (s).personal, (s).notes
FROM (SELECT c, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id) s
      FROM claims) x
ORDER BY 1;

-- WZ-PN what-if: 2000 then 1500 under the draft's 3000 per pregnancy: 2000, then 1000
SELECT (c).claim_id, (s).policy, (s).fund_total, (s).over_cap, (s).transfer_to
FROM (SELECT c, matins_settle_run(c, 'WZ-DRAFT-MAT') OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id) s
      FROM (VALUES
        (matins.make_claim(claim_id => 91, person_id => 9, pregnancy_id => 900, region => '330300',
           service_date => '2026-02-01', scheme => 'employee', person_type => 'enterprise',
           benefit => 'prenatal', hospital_level => 3, total => 2000)),
        (matins.make_claim(claim_id => 92, person_id => 9, pregnancy_id => 900, region => '330300',
           service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise',
           benefit => 'prenatal', hospital_level => 3, total => 1500))) v(c)) x
ORDER BY 1;

-- the same second claim with its earlier usage given explicitly: 1000 of 1500
SELECT (matins_settle(matins.make_claim(claim_id => 92, person_id => 9, pregnancy_id => 900,
          region => '330300', service_date => '2026-05-01', scheme => 'employee',
          person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3, total => 1500),
        '{"prenatal_paid": 2000}'::jsonb, 'WZ-DRAFT-MAT')).fund_total;

-- LZ-DIR: a delivery in another province is paid by the same standard, on application within a year;
-- JL24-EL: Jilin has not set a waiting period, so none was applied
SELECT (s).fund_total, (s).notes FROM matins_settle(matins.make_claim(claim_id => 10, person_id => 10,
  region => '620100', service_date => '2025-11-02', scheme => 'employee', person_type => 'enterprise',
  benefit => 'delivery', location => 'national', hospital_level => 3, total => 9000)) s;
SELECT (s).fund_total, (s).notes FROM matins_settle(matins.make_claim(claim_id => 11, person_id => 11,
  region => '220000', service_date => '2025-11-02', scheme => 'employee', person_type => 'enterprise',
  benefit => 'delivery', hospital_level => 3, total => 9000, self_pay => 100)) s;
SELECT matins.set_param('220000', 'employee.waiting_months', 6, '2024-07-01');
SELECT (s).fund_total, (s).notes FROM matins_settle(matins.make_claim(claim_id => 11, person_id => 11,
  region => '220000', service_date => '2025-11-02', scheme => 'employee', person_type => 'enterprise',
  benefit => 'delivery', hospital_level => 3, total => 9000, self_pay => 100)) s;

-- the national platform's names
SELECT matins.to_nhsa(matins_settle(c)) FROM claims WHERE (c).claim_id = 3;

-- why the resident delivery came out as it did
SELECT step, rule, basis, rate, amount, note FROM claims, LATERAL matins_explain(c) WHERE (c).claim_id = 6;

-- errors
SELECT matins_settle(matins.make_claim(claim_id => 99, person_id => 9, region => '330300',
  service_date => '2026-02-01', scheme => 'employee', person_type => 'enterprise',
  benefit => 'prenatal', total => 100));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-01-01',
  scheme => 'employee', person_type => 'spouse', benefit => 'delivery', hospital_level => 2, total => 100));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-01-01',
  scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', total => 100, self_pay => 80, class_b => 30));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-01-01',
  scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', total => -5));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-01-01',
  scheme => 'employee', person_type => 'enterprise', benefit => 'delivry', total => 5));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-05-01',
  scheme => 'resident', person_type => 'resident', benefit => 'inpatient', hospital_level => 2, total => 5000));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-05-01',
  scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3, total => 5000));
SELECT matins_settle(matins.make_claim(region => '220000', service_date => '2025-05-01',
  scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  total => 100, lines => ARRAY[ROW('311600001', NULL, 1, 90, 0, NULL)::matins.claim_line]));

-- leave the database as it was for the next test
DELETE FROM matins.param_value WHERE NOT shipped;

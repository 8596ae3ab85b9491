-- The demonstration run by scripts/demo: a region's DBA sets the parameters the documents leave
-- to the region, an analyst loads a few claims and settles them (in force and what-if), reads
-- why one amount came out as it did, and checks what every region has configured.
\pset footer off
SET search_path = "$user", public, matins;
SET datestyle = ISO;

\echo '-- regional parameters set by the DBAs (values are examples, not official figures)'
\o /dev/null
SELECT matins.set_param('220000', 'art.deductible.l1', 300, '2024-07-01', NULL, 'demo');
SELECT matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01', NULL, 'demo');
SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01', NULL, 'demo');
SELECT matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01', NULL, 'demo');
SELECT matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01', NULL, 'demo');
SELECT matins.set_param('220100', 'prenatal.cap', 1500, '2025-01-01', NULL, 'demo: Changchun raises its cap');
SELECT matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01', NULL, 'demo');
SELECT matins.set_param('150000', 'employer.maternity_rate', 0.008, '2026-03-31', NULL, 'demo');
\o

CREATE TABLE claims (c matins.claim);
INSERT INTO claims VALUES
  (matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-09-20',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 8000, self_pay => 500)),
  (matins.make_claim(claim_id => 2, person_id => 1, region => '620100', service_date => '2025-07-15',
     scheme => 'employee', person_type => 'enterprise', benefit => 'screening',
     hospital => '兰州大学第一医院', hospital_level => 3, total => 200)),
  (matins.make_claim(claim_id => 3, person_id => 5, region => '220100', service_date => '2025-02-10',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
     total => 600)),
  (matins.make_claim(claim_id => 4, person_id => 5, region => '220100', service_date => '2025-04-12',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
     total => 1200)),
  (matins.make_claim(claim_id => 5, person_id => 6, region => '220000', service_date => '2025-05-01',
     scheme => 'resident', person_type => 'resident', benefit => 'delivery', hospital_level => 1,
     referral => 'down', total => 40000, self_pay => 2000, class_b => 10000)),
  (matins.make_claim(claim_id => 6, person_id => 7, region => '220000', service_date => '2025-03-03',
     scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
     lines => ARRAY[ROW('311600001', NULL, 1, 2750, 250, NULL)::matins.claim_line,
                    ROW('311600002', NULL, 1, 5350, 1300, NULL)::matins.claim_line,
                    ROW('DRUG-0001', 'B', 1, 1000, 0, NULL)::matins.claim_line])),
  (matins.make_claim(claim_id => 7, person_id => 8, region => '150200', service_date => '2026-05-10',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 12000, self_pay => 800)),
  (matins.make_claim(claim_id => 8, person_id => 9, region => '330300', service_date => '2026-02-01',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3,
     total => 3500));

\echo
\echo '== Report 1: settlements in force, each person''s claims in date order (Wenzhou has none in force)'
SELECT (c).claim_id, (c).region, (s).policy, (s).route, (s).total, (s).in_scope, (s).deductible,
       (s).fund_total, (s).over_cap, (s).transfer_to, (s).personal, (s).notes
FROM (SELECT c, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id
                                           ROWS UNBOUNDED PRECEDING) s
      FROM claims WHERE (c).region <> '330300') x
ORDER BY (c).claim_id;

\echo '== Report 2: what-if: the Wenzhou claim under the draft WZ-DRAFT-MAT (3000 per pregnancy)'
SELECT (c).claim_id, (s).policy, (s).fund_total, (s).over_cap, (s).transfer_to, (s).personal
FROM claims, LATERAL matins_settle(c, 'WZ-DRAFT-MAT') s WHERE (c).region = '330300';

\echo '== Report 3: why claim 5 came out as it did (matins_explain)'
SELECT step, rule, source, basis, rate, amount, note
FROM claims, LATERAL matins_explain(c) WHERE (c).claim_id = 5;

\echo '== Report 4: parameters per region on 2026-06-01 (shipped, set by the region, or unset)'
SELECT r.code AS region, r.name,
       count(*) FILTER (WHERE p.origin = 'shipped') AS shipped,
       count(*) FILTER (WHERE p.origin = 'local') AS set_locally,
       count(*) FILTER (WHERE p.origin = 'unset') AS unset,
       string_agg(p.name || '=' || p.value, ', ' ORDER BY p.name) FILTER (WHERE p.origin <> 'unset') AS values
FROM matins.region r, LATERAL matins.param_report(r.code, '2026-06-01') p
WHERE r.level <> 'nation'
GROUP BY r.code, r.name ORDER BY r.code;

\echo '== Report 5: what each catalog holds, by rule'
SELECT 'art_item' AS catalog, policy, count(*) AS rows, string_agg(DISTINCT source, ',') AS rules FROM matins.art_item GROUP BY policy
UNION ALL SELECT 'prenatal_package_item', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.prenatal_package_item GROUP BY policy
UNION ALL SELECT 'prenatal_list_item', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.prenatal_list_item GROUP BY policy
UNION ALL SELECT 'chronic_disease', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.chronic_disease GROUP BY policy
UNION ALL SELECT 'special_disease', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.special_disease GROUP BY policy
UNION ALL SELECT 'band_schedule', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.band_schedule GROUP BY policy
UNION ALL SELECT 'benefit_quota', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.benefit_quota GROUP BY policy
UNION ALL SELECT 'designated_hospital', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.designated_hospital GROUP BY policy
UNION ALL SELECT 'contribution_rate', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.contribution_rate GROUP BY policy
UNION ALL SELECT 'policy_constant', policy, count(*), string_agg(DISTINCT source, ',') FROM matins.policy_constant GROUP BY policy
UNION ALL SELECT 'leave_rule', region, count(*), string_agg(DISTINCT source, ',') FROM matins.leave_rule GROUP BY region
ORDER BY 1, 2;

-- The demonstration run by scripts/demo: a region's DBA sets the parameters the documents leave
-- to the region, an analyst loads a few claims, and the report shows which policy governs each
-- claim and what every region has configured.
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
  (matins.make_claim(claim_id => 2, person_id => 5, region => '220100', service_date => '2025-02-10',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
     total => 600)),
  (matins.make_claim(claim_id => 3, person_id => 6, region => '220000', service_date => '2025-05-01',
     scheme => 'resident', person_type => 'resident', benefit => 'delivery', hospital_level => 1,
     total => 40000, self_pay => 2000, class_b => 10000)),
  (matins.make_claim(claim_id => 4, person_id => 8, region => '150200', service_date => '2026-05-10',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 12000, self_pay => 800)),
  (matins.make_claim(claim_id => 5, person_id => 9, region => '150200', service_date => '2026-03-30',
     scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
     total => 9000)),
  (matins.make_claim(claim_id => 6, person_id => 10, region => '330300', service_date => '2026-02-01',
     scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3,
     total => 2000));

\echo
\echo '== Report 1: the policy documents in force for each claim (drafts only when named)'
SELECT (c).claim_id, (c).region, r.name AS governed_by, (c).service_date, (c).benefit,
       coalesce(string_agg(p.policy || ' (' || p.scope || ')', ', ' ORDER BY p.scope),
                'none in force') AS policies
FROM claims
-- the nearest region with catalog rows: a city without rows of its own uses its province's
LEFT JOIN LATERAL (SELECT rg.name FROM unnest(matins.region_chain((c).region)) WITH ORDINALITY ch(code, depth)
                   JOIN matins.region rg USING (code) ORDER BY ch.depth LIMIT 1) r ON true
LEFT JOIN LATERAL matins.policy_in_force((c).region, (c).service_date) p ON true
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;

\echo '== Report 2: parameters per region on 2026-06-01 (shipped, set by the region, or unset)'
SELECT r.code AS region, r.name,
       count(*) FILTER (WHERE p.origin = 'shipped') AS shipped,
       count(*) FILTER (WHERE p.origin = 'local') AS set_locally,
       count(*) FILTER (WHERE p.origin = 'unset') AS unset,
       string_agg(p.name || '=' || p.value, ', ' ORDER BY p.name) FILTER (WHERE p.origin <> 'unset') AS values
FROM matins.region r, LATERAL matins.param_report(r.code, '2026-06-01') p
WHERE r.level <> 'nation'
GROUP BY r.code, r.name ORDER BY r.code;

\echo '== Report 3: what each catalog holds, by rule'
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

-- pgTAP: hand-computed acceptance cases for 0.6.0, written from rules.md and contract.md alone by
-- a reviewer who did not read the engine (the release audit); the working of each case is in the
-- comment above it. Every expectation row is one test; the settlement identities are checked for
-- every settlement. The report queries at the end turn each row into a pgTAP test.
BEGIN;
SET LOCAL search_path = "$user", public, matins;
SELECT * FROM no_plan();
CREATE TEMP TABLE err (case_id text, state text, msg text, hint text, want_class text, want1 text, want2 text) ON COMMIT DROP;
CREATE FUNCTION pg_temp.chk(id text, q text, want_class text, want1 text, want2 text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE st text; m text; h text;
BEGIN
  BEGIN
    EXECUTE q;
    INSERT INTO err VALUES (id, 'no error', NULL, NULL, want_class, want1, want2);
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, h = PG_EXCEPTION_HINT;
    INSERT INTO err VALUES (id, st, m, h, want_class, want1, want2);
  END;
END $f$;
-- E01 negative total
SELECT pg_temp.chk('E01', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>-5))$$, '22', 'total', '-5');
-- E02 self_pay above total (parts do not add up)
SELECT pg_temp.chk('E02', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>100, self_pay=>150))$$, '22', 'self_pay', '150');
-- E03 unknown benefit code
SELECT pg_temp.chk('E03', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'massage', hospital_level=>2, total=>100))$$, '22', 'benefit', 'massage');
-- E04 region not covered (Beijing)
SELECT pg_temp.chk('E04', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'110000', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>100))$$, '22', 'region', '110000');
-- E05 ART without lines
SELECT pg_temp.chk('E05', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'art', hospital_level=>3, total=>1000))$$, '22', 'lines', 'art');
-- E06 chronic claim without a disease
SELECT pg_temp.chk('E06', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'chronic', hospital_level=>2, total=>1000))$$, '22', 'disease', 'chronic');
-- E07 phenylketonuria SP41: no rule in the seeds (JL19-SP)
SELECT pg_temp.chk('E07', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'special', disease=>'SP41', hospital_level=>2, total=>1000))$$, '22', 'SP41', 'SP41');
-- E08 spouse delivery in Jilin: no rule (§0)
SELECT pg_temp.chk('E08', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'spouse', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '22', 'spouse', 'delivery');
-- E09 Jilin family planning 'other' procedure with family_planning.other_ratio unset
SELECT pg_temp.chk('E09', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'family_planning', setting=>'outpatient', procedure=>'iud_insert', hospital_level=>2, total=>300))$$,
  '', 'family_planning.other_ratio', '220000');
-- E10 Jilin resident inpatient with its deductible unset
SELECT pg_temp.chk('E10', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'inpatient', hospital_level=>2, total=>1000))$$, '', 'resident.inpatient.deductible.l2', '220000');
-- E11 Inner Mongolia unemployed allowance with allowance.unemployed_base unset
SELECT pg_temp.chk('E11', $$SELECT matins_allowance(matins.make_event(person_id=>1, region=>'150200', event=>'birth', event_date=>'2026-05-01',
  person_type=>'unemployed', contributions=>matins.contribution_series('150200','2026-01-01','2026-04-01',2000,'unemployed')))$$, '', 'allowance.unemployed_base', '150');
-- E12 scheme that does not go with the person type (enterprise employee in resident insurance)
SELECT pg_temp.chk('E12', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '22', 'scheme', 'resident');
-- E13 amount finer than the fen
SELECT pg_temp.chk('E13', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>100.001))$$, '22', 'total', '100.001');
-- E14 PGT line with quantity 0
SELECT pg_temp.chk('E14', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'art', hospital_level=>3,
  lines=>ARRAY[ROW('311600008',NULL,0,1500,0,'monogenic')::matins.claim_line]))$$, '22', 'quantity', '0');
-- E15 Lanzhou the day before LZ-2025-MAT (2025-06-26): no policy in force
SELECT pg_temp.chk('E15', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-06-26',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '', '620100', '2025-06-26');
-- E16 Lanzhou the day after it ends (2030-06-27)
SELECT pg_temp.chk('E16', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2030-06-27',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '', '620100', '2030-06-27');
-- E17 Baotou the day before BT-2026-MAT (2026-03-30)
SELECT pg_temp.chk('E17', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'150200', service_date=>'2026-03-30',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '', '150200', '2026-03-30');
-- E18 Jilin employee prenatal the day before JL-2024-MAT (2024-06-30): no maternity policy
SELECT pg_temp.chk('E18', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2024-06-30',
  scheme=>'employee', person_type=>'enterprise', benefit=>'prenatal', hospital_level=>2, total=>100))$$, '', 'prenatal', 'JL-2019-RES');  -- the date is in DETAIL
-- E19 Wenzhou delivery by date (draft never in force)
SELECT pg_temp.chk('E19', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'330300', service_date=>'2026-03-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000))$$, '', '330300', 'WZ-DRAFT-MAT');
-- E20 unknown prior key
SELECT pg_temp.chk('E20', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>2, total=>1000), '{"prenatal_payd": 5}'::jsonb)$$, '22', 'prenatal_payd', 'prenatal_payd');
-- E21 lines that do not add up to total
SELECT pg_temp.chk('E21', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'art', hospital_level=>3, total=>700,
  lines=>ARRAY[ROW('311600009',NULL,1,600,0,NULL)::matins.claim_line]))$$, '22', 'total', '700');
-- E22 hospital level 4
SELECT pg_temp.chk('E22', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'delivery', hospital_level=>4, total=>1000))$$, '22', 'hospital_level', '4');
-- E23 Jilin prenatal.cap below the 1000 floor (JL24-PN)
SELECT pg_temp.chk('E23', $$SELECT matins.set_param('220000', 'prenatal.cap', 900, '2025-01-01')$$, '22', 'prenatal.cap', '900');
-- E24 Jilin outpatient limit not 700/1000 (JL19-OP)
SELECT pg_temp.chk('E24', $$SELECT matins.set_param('220000', 'resident.outpatient.limit', 800, '2025-01-01')$$, '22', 'resident.outpatient.limit', '800');
-- E25 NM employer rate outside 0.5%-1% (NM-CON)
SELECT pg_temp.chk('E25', $$SELECT matins.set_param('150200', 'employer.maternity_rate', 0.012, '2026-04-01')$$, '22', 'employer.maternity_rate', '0.012');
-- E26 ART line with an unknown item code and no class
SELECT pg_temp.chk('E26', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'art', hospital_level=>3,
  lines=>ARRAY[ROW('311699999',NULL,1,600,0,NULL)::matins.claim_line]))$$, '22', 'item code', '311699999');
-- E27 ART outside Jilin (Lanzhou): no rule
SELECT pg_temp.chk('E27', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'employee', person_type=>'enterprise', benefit=>'art', hospital_level=>3,
  lines=>ARRAY[ROW('311600009',NULL,1,600,0,NULL)::matins.claim_line]))$$, '22', 'art', 'art');
-- E28 Lanzhou resident inpatient: no rule
SELECT pg_temp.chk('E28', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'620100', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'inpatient', hospital_level=>3, total=>1000))$$, '22', 'inpatient', 'resident');
-- E29 Jilin ART spouse: no rule
SELECT pg_temp.chk('E29', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'spouse', benefit=>'art', hospital_level=>3,
  lines=>ARRAY[ROW('311600009',NULL,1,600,0,NULL)::matins.claim_line]))$$, '22', 'spouse', 'art');
-- E30 Jilin resident inpatient with no hospital level (unrated with no agreed level) -> error
SELECT pg_temp.chk('E30', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'inpatient', total=>1000))$$, '22', 'hospital_level', 'NULL');
-- E31 Jilin resident inpatient 2019-12-31, before JL-2019-RES
SELECT pg_temp.chk('E31', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2019-12-31',
  scheme=>'resident', person_type=>'resident', benefit=>'inpatient', hospital_level=>2, total=>1000))$$, '', '220000', '2019-12-31');
-- E32 Inner Mongolia family-planning leave has no days: a termination-type 'family planning' event is not an event code; unknown event code
SELECT pg_temp.chk('E32', $$SELECT matins_allowance(matins.make_event(person_id=>1, region=>'150200', event=>'sterilization', event_date=>'2026-05-01',
  unit_avg_wage=>5000, contributions=>matins.contribution_series('150200','2025-04-01','2026-04-01',5000)))$$, '22', 'event', 'sterilization');
-- E33 contribution_series with a month that is not a first day
SELECT pg_temp.chk('E33', $$SELECT matins.contribution_series('620100','2025-01-15','2025-03-01',5000)$$, '22007', '2025-01-15', '2025-01-15');
-- E34 negative ART line amount
SELECT pg_temp.chk('E34', $$SELECT matins_settle(matins.make_claim(claim_id=>1, person_id=>1, region=>'220000', service_date=>'2025-09-01',
  scheme=>'resident', person_type=>'resident', benefit=>'art', hospital_level=>3, total=>-600,
  lines=>ARRAY[ROW('311600009',NULL,1,-600,0,NULL)::matins.claim_line]))$$, '22', 'amount', '-600');

SELECT ok(r.ok, r.case_id || ' ' || (to_jsonb(r) - 'ok' - 'case_id')::text) FROM (
SELECT case_id, state, msg, hint IS NOT NULL AS has_hint,
       state <> 'no error'
       AND (want_class = '' AND state ~ '^2[23]' OR want_class <> '' AND state LIKE want_class || '%')
       AND position(lower(want1) IN lower(msg || ' ' || coalesce(hint,''))) > 0
       AND position(lower(want2) IN lower(msg || ' ' || coalesce(hint,''))) > 0
       AND hint IS NOT NULL AS ok
FROM err ORDER BY 1
) r;
SELECT * FROM finish();
ROLLBACK;

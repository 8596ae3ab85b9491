-- pgTAP: boundaries and readings that mutation testing showed no other test pinned down (each
-- test here fails on a one-line change of the code it names); values computed by hand.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(16);

DO $$
BEGIN
    -- Jilin resident inpatient deductibles (JL19-IP): level 1 and 2 in the province; level 3 800
    -- until 2025-12-31 and 900 from 2026-01-01; Changchun's own level 3, 800
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 800, '2020-01-01', '2025-12-31');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 900, '2026-01-01');
    PERFORM matins.set_param('220100', 'resident.inpatient.deductible.l3', 800, '2020-01-01');
    -- a class-B rate for employees in Jilin, which maternity routes must still not charge
    PERFORM matins.set_param('220000', 'employee.class_b_rate', 0.10, '2024-07-01');
    -- a small employee annual cap in Inner Mongolia (NM-PN counts toward it)
    PERFORM matins.set_param('150000', 'employee.annual_cap', 10000, '2026-01-01');
END $$;

-- a Jilin resident's inpatient stay of 10000, all in scope
CREATE FUNCTION pg_temp.stay(region text, on_date date, level int, referral text DEFAULT NULL,
                             prior jsonb DEFAULT '{}') RETURNS matins.settlement
    LANGUAGE sql AS $$
    SELECT matins_settle(make_claim(claim_id => 1, person_id => 1, region => region,
        service_date => on_date, scheme => 'resident', person_type => 'resident',
        benefit => 'inpatient', hospital_level => level, referral => referral, total => 10000),
        prior) $$;

------------------------------------------------------------------ JL19-IP
-- a downward referral to level 2 is no level-1 stay: with no earlier stay, level 2's full
-- deductible 500; (10000 - 500) x 70% = 6650.00; copay 2850.00
SELECT is(((s).deductible, (s).pooled_fund, (s).copay)::text, '(500.00,6650.00,2850.00)',
          'JL19-IP: a downward referral to level 2 pays its deductible (the waiver is level 1''s)')
  FROM pg_temp.stay('220000', '2025-03-05', 2, 'down') AS s;
SELECT ok((s).notes @> ARRAY['JL19-IP:referral'] AND NOT (s).notes @> ARRAY['JL19-IP:down_referral'],
          'JL19-IP: ... noted as a referral, not as the level-1 waiver')
  FROM pg_temp.stay('220000', '2025-03-05', 2, 'down') AS s;
-- a region parameter applies from its valid_from day: level 3 at 55%
-- 2025-12-31: (10000 - 800) x 55% = 5060.00; 2026-01-01: (10000 - 900) x 55% = 5005.00
SELECT is(((s).deductible, (s).pooled_fund)::text, '(800.00,5060.00)',
          'JL19-IP: the last day of the 800 deductible (2025-12-31)')
  FROM pg_temp.stay('220000', '2025-12-31', 3) AS s;
SELECT is(((s).deductible, (s).pooled_fund)::text, '(900.00,5005.00)',
          'JL19-IP: the 900 deductible from its first day (2026-01-01)')
  FROM pg_temp.stay('220000', '2026-01-01', 3) AS s;
-- prior last_stay_date on the last day of a month: an upward referral to level 3 (800) after a
-- stay whose deductible was 500: 800 - 500 = 300; (10000 - 300) x 55% = 5335.00
SELECT is(((s).deductible, (s).pooled_fund)::text, '(300.00,5335.00)',
          'JL19-IP: prior last_stay_date 2025-01-31 is a date: deductible 300, fund 5335.00')
  FROM pg_temp.stay('220100', '2025-02-05', 3, 'up',
                    '{"last_stay_deductible": 500, "last_stay_date": "2025-01-31"}') AS s;
SELECT is(((s).deductible, (s).pooled_fund)::text, '(300.00,5335.00)',
          'JL19-IP: prior last_stay_date 2024-02-29, a leap day, is a date')
  FROM pg_temp.stay('220100', '2025-02-05', 3, 'up',
                    '{"last_stay_deductible": 500, "last_stay_date": "2024-02-29"}') AS s;

------------------------------------------------------------------ JL24-SC
-- maternity routes take no class-B pre-self-pay, also where employee.class_b_rate is set:
-- JL24-DL 8000, self 300, class B 2000: in_scope 7700, all paid; personal 300
SELECT is(((s).pre_self_pay, (s).in_scope, (s).maternity_fund, (s).personal)::text,
          '(0.00,7700.00,7700.00,300.00)',
          'JL24-SC: no class-B pre-self-pay on a delivery though the region sets employee.class_b_rate')
  FROM matins_settle(make_claim(claim_id => 1, person_id => 1, region => '220000',
        service_date => '2025-03-01', scheme => 'employee', person_type => 'enterprise',
        benefit => 'delivery', hospital_level => 3, total => 8000, self_pay => 300,
        class_b => 2000)) AS s;

------------------------------------------------------------------ LZ-SCR with prior
-- prior screening_used false: the screening is paid, min(120, 160) = 120.00; true: not again
CREATE FUNCTION pg_temp.screening(prior jsonb) RETURNS matins.settlement LANGUAGE sql AS $$
    SELECT matins_settle(make_claim(claim_id => 1, person_id => 1, pregnancy_id => 1,
        region => '620100', service_date => '2025-09-01', scheme => 'employee',
        person_type => 'enterprise', benefit => 'screening', hospital => '兰州大学第一医院',
        total => 120), prior) $$;
SELECT is(((s).maternity_fund, (s).over_cap, (s).transfer_to)::text, '(120.00,0.00,)',
          'LZ-SCR: prior screening_used false: paid, min(120, 160) = 120.00')
  FROM pg_temp.screening('{"screening_used": false}') AS s;
SELECT is(((s).maternity_fund, (s).over_cap, (s).transfer_to)::text, '(0.00,120.00,general_outpatient)',
          'LZ-SCR: prior screening_used true: not paid again')
  FROM pg_temp.screening('{"screening_used": true}') AS s;

------------------------------------------------------------------ one destination for over_cap
-- NM-PN in Baotou: NMPN01 400 (in the package) and an outside class-A line of 200. The outside
-- 200 goes to general outpatient; of the package's 400 the annual cap (10000, 9800 paid) leaves
-- 200, so 200 more is cut: over_cap 400, a tie between the two parts, and the first stays
SELECT is(((s).maternity_fund, (s).over_cap, (s).transfer_to)::text, '(200.00,400.00,general_outpatient)',
          'NM-PN: 200 outside the package and 200 over the annual cap: the first destination on a tie')
  FROM matins_settle(make_claim(claim_id => 1, person_id => 1, pregnancy_id => 1,
        region => '150200', service_date => '2026-05-01', scheme => 'employee',
        person_type => 'enterprise', benefit => 'prenatal', total => 600,
        lines => ARRAY[ROW('NMPN01', NULL, 1, 400, 0, NULL)::matins.claim_line,
                       ROW('OTHER01', 'A', 1, 200, 0, NULL)::matins.claim_line]),
        '{"employee_fund_paid": 9800}'::jsonb) AS s;

------------------------------------------------------------------ NM-ARR for a public unit
-- Baotou public-unit employee: 2025-06..2026-02 paid, 2026-03..05 left unpaid by the employer,
-- birth 2026-06-15, unit wage 6000: with arrears 12 continuous months and 6000 x 98 / 30 =
-- 19600.00 paid by the employer; without, 0 months before the event
CREATE FUNCTION pg_temp.unit_event(arrears boolean) RETURNS matins.event LANGUAGE sql AS $$
    SELECT make_event(region => '150200', event_date => '2026-06-15', person_type => 'public',
        unit_avg_wage => 6000, employer_arrears => arrears,
        contributions => contribution_series('150200', '2025-06-01', '2026-02-01', 6000, 'public')
            || ARRAY(SELECT ROW(m::date, '150200', false, NULL, 6000, 'public')::matins.contribution
                     FROM generate_series('2026-03-01'::date, '2026-05-01', '1 month') AS m)) $$;
SELECT is((matins_eligibility(pg_temp.unit_event(true))).continuous_months, 12,
          'NM-ARR: the months a public unit left unpaid count: 12');
SELECT is(((a).amount, (a).payer)::text, '(19600.00,employer)',
          'NM-ARR, NM-AL: 6000 x 98 / 30 = 19600.00, paid by the employer')
  FROM matins_allowance(pg_temp.unit_event(true)) AS a;
SELECT is((matins_allowance(pg_temp.unit_event(false))).eligible, false,
          'NM-EL: without arrears the same history has no 12 continuous months');

------------------------------------------------------------------ LZ-ARR for a spouse
-- the husband's employer in arrears: the spouse's grant 1000 x 50% = 500.00, paid by it
SELECT lives_ok($$SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
                  person_type => 'spouse', employer_arrears => true))$$,
                'LZ-ARR: employer_arrears is accepted for a male employee''s spouse');
SELECT is(((a).grant_amount, (a).payer)::text, '(500.00,employer)',
          'LZ-SPO, LZ-ARR: the spouse''s grant 500.00, paid by the employer')
  FROM matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
        person_type => 'spouse', employer_arrears => true)) AS a;
-- and the same spouse without arrears: paid by the fund
SELECT is(((a).grant_amount, (a).payer)::text, '(500.00,fund)',
          'LZ-SPO: the spouse''s grant 500.00, paid by the fund')
  FROM matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
        person_type => 'spouse')) AS a;

SELECT * FROM finish();
ROLLBACK;

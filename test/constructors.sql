-- pgTAP: the constructors of the contract's types: make_claim, make_event, contribution_series.
BEGIN;
SET search_path = matins, public;
SELECT plan(28);

SELECT is(
    to_jsonb(matins.make_claim(claim_id => 1, person_id => 7, region => '220000', service_date => '2025-01-02',
                               benefit => 'prenatal', hospital_level => 2)),
    jsonb_build_object('claim_id', 1, 'person_id', 7, 'pregnancy_id', 7, 'region', '220000',
        'service_date', '2025-01-02', 'scheme', NULL, 'person_type', NULL, 'maternity_insured', true,
        'benefit', 'prenatal', 'setting', NULL, 'procedure', NULL, 'disease', NULL, 'hospital_level', 2,
        'hospital', NULL, 'location', 'local', 'referral', NULL, 'total', 0, 'self_pay', 0,
        'over_limit', 0, 'class_b', 0, 'lines', NULL),
    'make_claim: defaults are pregnancy = person, insured, local, zero amounts');
SELECT is(pg_typeof((matins.make_claim(hospital_level => 3)).hospital_level)::text, 'smallint',
    'make_claim: hospital_level is taken as integer and stored as smallint');
SELECT is((matins.make_claim(person_id => 1, pregnancy_id => 9)).pregnancy_id, 9::bigint,
    'make_claim: an explicit pregnancy_id is kept');
SELECT is((matins.make_claim(lines => ARRAY[ROW('311600001', NULL, 1, 2750, 250, NULL)::matins.claim_line,
                                            ROW('SELF-0001', 'self', 1, 500.5, 0, NULL)::matins.claim_line])).total,
    3250.5, 'make_claim: total defaults to the sum of the lines');
SELECT is((matins.make_claim(total => 100, lines => ARRAY[ROW('X', 'A', 1, 90, 0, NULL)::matins.claim_line])).total,
    100::numeric, 'make_claim: an explicit total is kept (the engine checks it against the lines)');
SELECT throws_ok($$SELECT matins.make_claim(hospital_level => 12)$$, '22023',
    'hospital_level 12 is not a hospital level', 'make_claim: a level outside 0-9');

SELECT is(
    to_jsonb(matins.make_event(person_id => 1, region => '620100', event_date => '2025-09-15')) - 'contributions',
    jsonb_build_object('person_id', 1, 'region', '620100', 'event', 'birth', 'event_date', '2025-09-15',
        'person_type', 'enterprise', 'maternity_insured', true, 'gestation_months', NULL, 'infants', 1,
        'dystocia', false, 'birth_order', 1, 'unit_avg_wage', NULL, 'claim_date', NULL,
        'employer_arrears', false),
    'make_event: defaults are a single first birth of an insured enterprise employee');
SELECT is((matins.make_event(event => 'termination', gestation_months => 3)).gestation_months, 3,
    'make_event: named arguments land in their fields');

SELECT is(cardinality(matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000)), 12,
    'contribution_series: September to August is 12 months');
SELECT is((matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000))[12],
    ROW('2025-08-01'::date, '620100', true, NULL::date, 6000::numeric, 'enterprise')::matins.contribution,
    'contribution_series: the last month, paid on time, at the base, enterprise by default');
SELECT is((matins.contribution_series('220000', '2024-01-01', '2024-01-01', 8000, 'public'))[1].person_type,
    'public', 'contribution_series: one month, with a person type');
SELECT is((matins.contribution_series('220000', '2024-01-01', '2024-03-01', 8000))[2].month,
    '2024-02-01'::date, 'contribution_series: months run in order');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-15', '2025-08-01', 6000)$$,
    '22007', 'contribution months must be first days of months, got 2024-09-15 and 2025-08-01',
    'contribution_series: a month not on its first day');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2025-09-01', '2025-08-01', 6000)$$,
    '22023', 'last_month 2025-08-01 is before first_month 2025-09-01', 'contribution_series: months reversed');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', -1)$$,
    '22023', 'contribution base -1 is not a non-negative amount in yuan below 1e9, exact to the fen', 'contribution_series: a negative base');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', 'NaN')$$,
    '22023', 'contribution base NaN is not a non-negative amount in yuan below 1e9, exact to the fen', 'contribution_series: a NaN base');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000.005)$$,
    '22023', 'contribution base 6000.005 is not a non-negative amount in yuan below 1e9, exact to the fen',
    'contribution_series: a base finer than the fen');
-- 0.4.0: the region and person type are checked as an event checks them; a base of 1e9 or more
-- is refused as by events
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'boss')$$,
    '22023', 'unknown person_type "boss"', 'contribution_series: an unknown person type');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000, NULL)$$,
    '22004', 'person_type must not be null', 'contribution_series: a null person type is a missing value (0.7.0)');
SELECT throws_ok($$SELECT matins.contribution_series(NULL, '2024-09-01', '2025-08-01', 6000)$$,
    '22004', 'region must not be null', 'contribution_series: a null region');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', 1000000000)$$,
    '22023', 'contribution base 1000000000 is not a non-negative amount in yuan below 1e9, exact to the fen',
    'contribution_series: a base of 1e9');
SELECT is(array_length(matins.contribution_series('620100', '2024-09-01', '2025-08-01', 999999999.99), 1), 12,
    'contribution_series: a base just below 1e9 gives its 12 months');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '-infinity', '2025-08-01', 6000)$$,
    '22007', 'contribution months must be finite dates, got -infinity and 2025-08-01',
    'contribution_series: an infinite month (0.2.0 never finished)');
SELECT throws_ok($$SELECT matins.contribution_series('6201', '2024-09-01', '2025-08-01', 1)$$,
    '22023', 'invalid region code "6201"', 'contribution_series: a bad region');
SELECT throws_ok($$SELECT matins.contribution_series('620100', NULL, '2025-08-01', 1)$$,
    '22004', 'first_month and last_month must not be null', 'contribution_series: a missing month');
-- 0.7.0: the months lie in the years events may carry, 1900-01 to 2199-12
SELECT throws_ok($$SELECT matins.contribution_series('620100', '4713-01-01 BC', '294276-12-01', 6000)$$,
    '22008', 'contribution months 4713-01-01 BC and 294276-12-01 are outside the years matins covers',
    'contribution_series: months far outside the years are an error naming them (was a bare timestamp overflow)');
SELECT throws_ok($$SELECT matins.contribution_series('620100', '1899-12-01', '1900-02-01', 6000)$$,
    '22008', 'contribution months 1899-12-01 and 1900-02-01 are outside the years matins covers',
    'contribution_series: a month before 1900 is an error');
SELECT is(cardinality(matins.contribution_series('620100', '1900-01-01', '2199-12-01', 6000)), 3600,
    'contribution_series: 1900-01 to 2199-12, the whole of the years, is 3600 months');

SELECT * FROM finish();
ROLLBACK;

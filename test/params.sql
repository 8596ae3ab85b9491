-- pgTAP: region parameters (contract: Policies and parameters): the shipped values, the names,
-- set_param / end_param / param, fallback along the region chain, local rows over shipped ones,
-- and a clear error for every bad input.
BEGIN;
SET search_path = matins, public;
SELECT plan(73);

-- the names of the contract, no more and no less
SELECT results_eq(
    $$SELECT name FROM matins.param_def ORDER BY name$$,
    $$VALUES ('allowance.divisor'::text), ('allowance.unemployed_base'), ('art.deductible.l1'),
        ('art.deductible.l2'), ('art.deductible.l3'), ('art.ratio.employee.l1'), ('art.ratio.employee.l2'),
        ('art.ratio.employee.l3'), ('art.ratio.resident.l1'), ('art.ratio.resident.l2'),
        ('art.ratio.resident.l3'), ('employee.annual_cap'), ('employee.class_b_rate'),
        ('employee.inpatient.deductible.l1'), ('employee.inpatient.deductible.l2'),
        ('employee.inpatient.deductible.l3'), ('employee.inpatient.ratio.l1'),
        ('employee.inpatient.ratio.l2'), ('employee.inpatient.ratio.l3'), ('employee.waiting_months'),
        ('employer.maternity_rate'), ('family_planning.other_ratio'), ('prenatal.cap'),
        ('resident.chronic.deductible'), ('resident.class_b_rate'), ('resident.inpatient.deductible.l1'),
        ('resident.inpatient.deductible.l2'), ('resident.inpatient.deductible.l3'),
        ('resident.outpatient.deductible'), ('resident.outpatient.limit'),
        ('resident.special.deductible')$$,
    'contract: the 31 region parameter names');

-- the values the seeds fix
SELECT is(matins.param('220000', 'prenatal.cap', '2024-07-01'), 1000::numeric,
    'JL24-PN: the Jilin prenatal cap ships as 1000 from 2024-07-01');
SELECT is(matins.param('220000', 'prenatal.cap', '2024-06-30'), NULL,
    'JL24-PN: no prenatal cap the day before the policy');
SELECT is(matins.param('220000', 'resident.class_b_rate', '2020-01-01'), 0.10,
    'JL19-B: residents pay 10% of class-B amounts first, from 2020-01-01');
SELECT is(matins.param('220000', 'resident.class_b_rate', '2019-12-31'), NULL,
    'JL19-B: not before the resident policy');
SELECT is(matins.param('620100', 'allowance.divisor', '2025-09-15'), 30::numeric,
    'CN-ML: the allowance divisor is 30 in Lanzhou, from the national row');
SELECT is(matins.param('150200', 'allowance.divisor', '2026-06-01'), 30::numeric,
    'CN-ML: the allowance divisor is 30 in Baotou');
SELECT is((SELECT count(*)::int FROM matins.param_value), 3,
    'contract: only three values ship; everything else is unset');
SELECT ok((SELECT bool_and(shipped) FROM matins.param_value),
    'the shipped values are marked shipped');

-- unset parameters are NULL, for every region
SELECT is(matins.param('220000', 'art.deductible.l3', '2025-01-01'), NULL,
    'JL24-ART-2: the ART deductible ships unset');
SELECT is(matins.param('150000', 'employee.annual_cap', '2026-06-01'), NULL,
    'NM-PN: the employee annual cap ships unset');
SELECT is(matins.param('150000', 'employer.maternity_rate', '2026-06-01'), NULL,
    'NM-CON: the employer rate ships unset');
SELECT is(matins.param('220000', 'employee.waiting_months', '2025-01-01'), NULL,
    'JL24-EL: the waiting period ships unset');

-- set_param, fallback and precedence
SELECT lives_ok($$SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01')$$,
    'JL24-ART-2: a DBA sets the level-3 ART deductible for Jilin');
SELECT is(matins.param('220000', 'art.deductible.l3', '2024-07-01'), 1000::numeric,
    'JL24-ART-2: read back on its first day');
SELECT is(matins.param('220000', 'art.deductible.l3', '2024-06-30'), NULL,
    'JL24-ART-2: unset the day before');
SELECT is(matins.param('220102', 'art.deductible.l3', '2025-05-05'), 1000::numeric,
    'a county of Changchun falls back to the province value');
SELECT ok(NOT (SELECT shipped FROM matins.param_value WHERE name = 'art.deductible.l3'),
    'a value set by a DBA is local, not shipped');
SELECT is((SELECT set_by::text FROM matins.param_value WHERE name = 'art.deductible.l3'), current_user::text,
    'a local value records who set it');
SELECT is((SELECT source FROM matins.param_value WHERE name = 'art.deductible.l3'), 'set_param',
    'a local value set without a source says set_param');

SELECT lives_ok($$SELECT matins.set_param('220100', 'art.deductible.l3', 1200, '2025-01-01', '2025-12-31', 'Changchun 2025 notice')$$,
    'a city sets its own value for one year, with a source');
SELECT is(matins.param('220100', 'art.deductible.l3', '2025-12-31'), 1200::numeric,
    'the city value applies on its last day');
SELECT is(matins.param('220100', 'art.deductible.l3', '2026-01-01'), 1000::numeric,
    'the day after, the province value applies again');
SELECT is(matins.param('220200', 'art.deductible.l3', '2025-06-01'), 1000::numeric,
    'another city of the province keeps the province value');

SELECT lives_ok($$SELECT matins.set_param('220000', 'prenatal.cap', 1500, '2025-01-01')$$,
    'JL24-PN: a region raises the shipped prenatal cap from 2025');
SELECT is(matins.param('220000', 'prenatal.cap', '2024-12-31'), 1000::numeric,
    'JL24-PN: the shipped 1000 applies until the local value starts');
SELECT is(matins.param('220000', 'prenatal.cap', '2025-01-01'), 1500::numeric,
    'JL24-PN: the local 1500 takes precedence over the shipped value');

SELECT lives_ok($$SELECT matins.end_param('220000', 'art.deductible.l3', '2025-12-31')$$,
    'end_param closes an open local value');
SELECT lives_ok($$SELECT matins.set_param('220000', 'art.deductible.l3', 1100, '2026-01-01')$$,
    'a new value may start the day after');
SELECT results_eq(
    $$SELECT matins.param('220300', 'art.deductible.l3', d) FROM unnest(ARRAY['2025-12-31', '2026-01-01']::date[]) d$$,
    $$VALUES (1000::numeric), (1100::numeric)$$,
    'the old value ends on its last day and the new one starts the next');

-- boundaries of the bounds
SELECT lives_ok($$SELECT matins.set_param('150000', 'employer.maternity_rate', 0.005, '2026-03-31', '2026-12-31')$$,
    'NM-CON: 0.5% is the lowest employer rate');
SELECT lives_ok($$SELECT matins.set_param('150000', 'employer.maternity_rate', 0.01, '2027-01-01')$$,
    'NM-CON: 1% is the highest employer rate');
SELECT lives_ok($$SELECT matins.set_param('220000', 'resident.outpatient.limit', 700, '2025-01-01')$$,
    'JL19-OP: 700 is one of the two outpatient limits');

-- bad input: SQLSTATE and message
SELECT throws_ok($$SELECT matins.set_param('220000', 'prenatal.capp', 1000, '2025-01-01')$$,
    '22023', 'unknown parameter name "prenatal.capp"', 'an unknown name is rejected by name');
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.ratio.resident.l3', 55, '2025-01-01')$$,
    '22003', 'value 55 of parameter "art.ratio.resident.l3" is out of range', 'JL24-ART-2: a ratio above 1');
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.deductible.l1', -1, '2025-01-01')$$,
    '22003', 'value -1 of parameter "art.deductible.l1" is out of range', 'a negative amount');
SELECT throws_ok($$SELECT matins.set_param('220100', 'prenatal.cap', 999.99, '2026-01-01')$$,
    '22003', 'value 999.99 of parameter "prenatal.cap" is not allowed for region 220100',
    'JL24-PN: a city of Jilin cannot set a prenatal cap below 1000');
SELECT throws_ok($$SELECT matins.set_param('220000', 'resident.outpatient.limit', 800, '2026-01-01')$$,
    '22003', 'value 800 of parameter "resident.outpatient.limit" is not allowed for region 220000',
    'JL19-OP: the limit is 700 or 1000');
SELECT throws_ok($$SELECT matins.set_param('150200', 'employer.maternity_rate', 0.0049, '2026-03-31')$$,
    '22003', 'value 0.0049 of parameter "employer.maternity_rate" is not allowed for region 150200',
    'NM-CON: Baotou inherits the 0.5% floor of Inner Mongolia');
SELECT throws_ok($$SELECT matins.set_param('150000', 'employer.maternity_rate', 0.0101, '2026-03-31')$$,
    '22003', 'value 0.0101 of parameter "employer.maternity_rate" is not allowed for region 150000',
    'NM-CON: above the 1% ceiling');
SELECT throws_ok($$SELECT matins.set_param('220000', 'employee.waiting_months', 2.5, '2025-01-01')$$,
    '22023', 'value 2.5 of parameter "employee.waiting_months" must be a whole number of months',
    'JL24-EL: months are whole');
SELECT throws_ok($$SELECT matins.set_param('220000', 'resident.chronic.deductible', 10.005, '2025-01-01')$$,
    '22023', 'value 10.005 of parameter "resident.chronic.deductible" has more than two decimals',
    'amounts are exact to the fen');
SELECT throws_ok($$SELECT matins.set_param('220000', 'resident.chronic.deductible', NULL, '2025-01-01')$$,
    '22004', 'value of parameter "resident.chronic.deductible" must not be null', 'a null value');
SELECT throws_ok($$SELECT matins.set_param('220000', 'resident.chronic.deductible', 100, NULL)$$,
    '22004', 'valid_from of parameter "resident.chronic.deductible" must not be null', 'a null first day');
SELECT throws_ok($$SELECT matins.set_param('220000', 'resident.chronic.deductible', 100, '2025-01-01', '2024-12-31')$$,
    '22023', 'valid_to 2024-12-31 of parameter "resident.chronic.deductible" is before valid_from 2025-01-01',
    'a period that ends before it starts');
SELECT throws_ok($$SELECT matins.set_param('22000', 'prenatal.cap', 1000, '2025-01-01')$$,
    '22023', 'invalid region code "22000"', 'a region code of five digits');
SELECT throws_ok($$SELECT matins.set_param('110000', 'prenatal.cap', 1000, '2025-01-01')$$,
    '22023', 'region "110000" is not covered by matins', 'a province without catalog rows');
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.deductible.l3', 900, '2026-06-01')$$,
    '23P01', 'parameter "art.deductible.l3" of region 220000 already has a value from 2026-01-01 to open end',
    'overlapping validity of two local values');
SELECT throws_ok($$SELECT matins.end_param('220000', 'art.deductible.l2', '2025-12-31')$$,
    'P0002', 'no local value of parameter "art.deductible.l2" for region 220000 is in force on 2025-12-31 and lasts past it',
    'end_param without a value to end');
SELECT throws_ok($$SELECT matins.param('220000', 'prenatal.capp', '2025-01-01')$$,
    '22023', 'unknown parameter name "prenatal.capp"', 'param rejects an unknown name');
SELECT throws_ok($$SELECT matins.param('220000', NULL, '2025-01-01')$$,
    '22004', 'name must not be null', 'param: a null name is a missing value, not an unknown name (0.7.0)');
SELECT lives_ok($$SELECT matins.set_param('220200', 'prenatal.cap', 1100, '2031-01-01', NULL, NULL)$$,
    'set_param with a null source records the value (0.7.0; was a not-null violation)');
SELECT is((SELECT source FROM matins.param_value WHERE region = '220200' AND name = 'prenatal.cap' AND valid_from = '2031-01-01'),
    'set_param', 'set_param with a null source says set_param, as the form without a source');
SELECT throws_ok($$INSERT INTO matins.param_value (region, name, value, valid_from, source)
                   VALUES ('220000', 'art.ratio.employee.l2', 2, '2025-01-01', 'direct')$$,
    '22003', 'value 2 of parameter "art.ratio.employee.l2" is out of range',
    'a direct INSERT is validated like set_param');

-- values the engine cannot compute with (it holds parameters in millionths) are refused, also
-- for parameters without a maximum
SELECT throws_ok($$SELECT matins.set_param('220100', 'prenatal.cap', 'NaN', '2030-01-01')$$,
    '22003', 'value NaN of parameter "prenatal.cap" is not a finite number smaller than 1e9 in magnitude',
    'JL24-PN: a NaN cap is refused');
SELECT throws_ok($$SELECT matins.set_param('220100', 'employee.annual_cap', 'Infinity', '2030-01-01')$$,
    '22003', 'value Infinity of parameter "employee.annual_cap" is not a finite number smaller than 1e9 in magnitude',
    'JL24-DL: an infinite yearly cap is refused');
SELECT throws_ok($$SELECT matins.set_param('220100', 'employee.annual_cap', 1000000000, '2030-01-01')$$,
    '22003', 'value 1000000000 of parameter "employee.annual_cap" is not a finite number smaller than 1e9 in magnitude',
    'JL24-DL: a cap of 1e9 yuan is refused');
SELECT lives_ok($$SELECT matins.set_param('220100', 'employee.annual_cap', 999999999.99, '2030-01-01')$$,
    'JL24-DL: a cap just below 1e9 yuan is accepted');
-- a value stored before 0.3.0 refused such values (here: with the check switched off) makes each
-- settlement that needs it an error naming the parameter, and no other
ALTER TABLE matins.param_value DISABLE TRIGGER check_param_finite;
INSERT INTO matins.param_value (region, name, value, valid_from, source)
VALUES ('220100', 'prenatal.cap', 'NaN', '2031-01-01', 'before 0.3.0');
ALTER TABLE matins.param_value ENABLE TRIGGER check_param_finite;
SELECT throws_ok($$SELECT matins_settle(matins.make_claim(claim_id => 1, person_id => 1, region => '220100',
        service_date => '2031-02-10', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
        total => 600))$$,
    '22003', 'region parameter "prenatal.cap" of region 220100 holds NaN, which matins cannot compute with',
    'JL24-PN: a stored NaN is an error naming the parameter, not a failure of every claim');
-- LZ-IP: a Lanzhou delivery, which needs no such parameter, settles as ever: 8000 paid
SELECT is((matins_settle(matins.make_claim(claim_id => 2, person_id => 2, region => '620100',
        service_date => '2030-02-10', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery',
        hospital_level => 2, total => 8000))).fund_total, 8000.00,
    'LZ-IP: claims that do not need the bad value still settle');

-- 0.4.0: a parameter is held to the millionth; a finer value is refused where it is set, not
-- rounded unseen (NM-CON: 0.0083337 would have been applied as 0.008334)
SELECT throws_ok($$SELECT matins.set_param('150000', 'employer.maternity_rate', 0.0083337, '2030-01-01')$$,
    '22003', 'value 0.0083337 of parameter "employer.maternity_rate" has more than six decimal places',
    'NM-CON: a rate finer than a millionth is refused');
SELECT lives_ok($$SELECT matins.set_param('150200', 'employer.maternity_rate', 0.008334, '2030-01-01', '2030-12-31')$$,
    'NM-CON: six decimal places are accepted (Baotou, 2030)');
-- NM-CON: 1000000 × 0.008334 = 8334.00
SELECT is(matins_contribution('150200', 'enterprise', 1000000, '2030-02-01'), 8334.00,
    'NM-CON: the rate is applied as set: 1000000 × 0.008334 = 8334.00');
-- one stored before 0.4.0 is an error naming it
ALTER TABLE matins.param_value DISABLE TRIGGER check_param_finite;
INSERT INTO matins.param_value (region, name, value, valid_from, source)
VALUES ('150200', 'employer.maternity_rate', 0.0083337, '2031-01-01', 'before 0.4.0');
ALTER TABLE matins.param_value ENABLE TRIGGER check_param_finite;
SELECT throws_ok($$SELECT matins_contribution('150200', 'enterprise', 1000000, '2031-02-01')$$,
    '22003', 'region parameter "employer.maternity_rate" of region 150200 holds 0.0083337, which matins cannot compute with',
    'NM-CON: a stored rate finer than a millionth is an error naming it');
SELECT throws_ok($$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
    VALUES ('NM-2025-MAT', 'local.test_ratio', 0.1234567, 'ratio', 'a test', 'test')$$,
    '23514', NULL, 'policy constants are held to the millionth too');

-- 0.5.0: inputs that 0.4.0 stored or reported wrongly
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.deductible.l1', 300, 'infinity')$$,
    '22008', 'valid_from infinity of parameter "art.deductible.l1" is not a day',
    'a period starting at infinity is refused (it would overlap every later open value)');
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.deductible.l1', 300, '2030-01-01', 'infinity')$$,
    '22008', 'valid_to infinity of parameter "art.deductible.l1" is not a day',
    'a period ending at infinity is refused (an open end is NULL)');
SELECT throws_ok($$SELECT matins.set_param('220000', NULL, 300, '2030-01-01')$$,
    '22004', 'the name of a region parameter must not be null',
    'a NULL parameter name is a missing value, not an unknown name');
SELECT throws_ok($$SELECT matins.end_param('220000', 'zzz', '2030-12-31')$$,
    '22023', 'unknown parameter name "zzz"',
    'end_param of an unknown name says so');
SELECT throws_ok($$SELECT matins.end_param('22', 'art.deductible.l1', '2030-12-31')$$,
    '22023', NULL,
    'end_param of a bad region code says so');
SELECT throws_ok($$SELECT matins.end_param('220000', 'art.deductible.l1', NULL)$$,
    '22004', 'end_param needs a region, a name and a last day, got ''220000'', ''art.deductible.l1'', NULL',
    'end_param without a last day is a missing value');
SELECT throws_ok($$SELECT * FROM matins.param_report('220000', NULL)$$,
    '22004', 'on_date must not be null',
    'param_report without a date is an error (0.4.0 listed every parameter as unset)');
SELECT is((SELECT value || ' ' || origin FROM matins.param_report('620100', '2025-01-01') WHERE name = 'allowance.divisor'),
    '30 shipped', 'CN-ML: param_report still reports the shipped divisor of 30 days');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: the leave days the allowance pays for (rules.md §6: CN-ML, ZJ-ML, GS-ML, JL-ML).
-- Every expected value is typed from the digest, never read back from the tables.
BEGIN;
SET search_path = matins, public;
SELECT plan(29);

-- ---------------------------------------------------------------- every shipped row

SELECT is(
    (SELECT count(*)::int FROM matins.leave_rule),
    11,
    'CN-ML: eleven leave rows (five national, two each for Zhejiang, Gansu and Jilin)');

SELECT results_eq(
    $$SELECT region, event, component, birth_order, gestation_months, days, source
        FROM matins.leave_rule
       ORDER BY region, event, component, lower(birth_order), lower(gestation_months)$$,
    $$VALUES
        ('000000'::text, 'birth'::text,       'base'::text,             '[1,)'::int4range,  '[0,)'::int4range,  98, 'CN-ML'::text),
        ('000000',       'birth',             'dystocia',               '[1,)',             '[0,)',             15, 'CN-ML'),
        ('000000',       'birth',             'per_extra_infant',       '[1,)',             '[0,)',             15, 'CN-ML'),
        ('000000',       'termination',       'base',                   '[1,)',             '[0,4)',            15, 'CN-ML'),
        ('000000',       'termination',       'base',                   '[1,)',             '[4,)',             42, 'CN-ML'),
        ('220000',       'birth',             'base',                   '[1,)',             '[0,)',            180, 'JL-ML'),
        ('220000',       'paternity',         'base',                   '[1,)',             '[0,)',             25, 'JL-ML'),
        ('330000',       'birth',             'base',                   '[1,2)',            '[0,)',            158, 'ZJ-ML'),
        ('330000',       'birth',             'base',                   '[2,4)',            '[0,)',            188, 'ZJ-ML'),
        ('620000',       'birth',             'base',                   '[1,)',             '[0,)',            180, 'GS-ML'),
        ('620000',       'paternity',         'base',                   '[1,)',             '[0,)',             30, 'GS-ML')$$,
    'CN-ML: every leave row with its region, event, component, ranges, days and rule');

-- ---------------------------------------------------------------- CN-ML

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '000000' AND event = 'birth' AND component = 'base' AND birth_order @> 1),
    98,
    'CN-ML: a birth gives 98 days');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '000000' AND event = 'birth' AND component = 'dystocia'),
    15,
    'CN-ML: dystocia (难产) adds 15 days');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '000000' AND event = 'birth' AND component = 'per_extra_infant'),
    15,
    'CN-ML: each additional infant adds 15 days');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '000000' AND event = 'termination' AND gestation_months @> 3),
    15,
    'CN-ML: a termination at 3 completed months (before 4) gives 15 days');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '000000' AND event = 'termination' AND gestation_months @> 4),
    42,
    'CN-ML: a termination at 4 completed months gives 42 days');

SELECT results_eq(
    $$SELECT m, (SELECT array_agg(days ORDER BY days) FROM matins.leave_rule
                  WHERE region = '000000' AND event = 'termination' AND gestation_months @> m)
        FROM generate_series(0, 10) AS m ORDER BY m$$,
    $$VALUES (0, ARRAY[15]), (1, ARRAY[15]), (2, ARRAY[15]), (3, ARRAY[15]),
             (4, ARRAY[42]), (5, ARRAY[42]), (6, ARRAY[42]), (7, ARRAY[42]),
             (8, ARRAY[42]), (9, ARRAY[42]), (10, ARRAY[42])$$,
    'CN-ML: the two termination ranges meet exactly at 4 months, no gap and no overlap from 0 to 10 months');

SELECT is_empty(
    $$SELECT region FROM matins.leave_rule WHERE event = 'termination' AND region <> '000000'$$,
    'CN-ML: terminations follow the national rule in every region (no provincial termination row)');

SELECT ok(
    (SELECT bool_and(document LIKE '%国务院令第619号%') FROM matins.leave_rule WHERE source = 'CN-ML'),
    'CN-ML: every national row cites 国务院令第619号');

-- ---------------------------------------------------------------- ZJ-ML

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '330000' AND event = 'birth' AND component = 'base' AND birth_order @> 1),
    158,
    'ZJ-ML: a first child gives 158 days (98 + 60)');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '330000' AND event = 'birth' AND component = 'base' AND birth_order @> 2),
    188,
    'ZJ-ML: a second child gives 188 days (98 + 90)');

SELECT is(
    (SELECT days FROM matins.leave_rule
      WHERE region = '330000' AND event = 'birth' AND component = 'base' AND birth_order @> 3),
    188,
    'ZJ-ML: a third child gives 188 days (98 + 90)');

SELECT ok(
    (SELECT bool_and(document LIKE '%浙政发〔2024〕15号%') FROM matins.leave_rule WHERE source = 'ZJ-ML'),
    'ZJ-ML: the Zhejiang rows cite 浙政发〔2024〕15号');

-- ---------------------------------------------------------------- GS-ML

SELECT is(
    (SELECT days FROM matins.leave_rule WHERE region = '620000' AND event = 'birth' AND component = 'base'),
    180,
    'GS-ML: Gansu maternity leave is 180 days in total');

SELECT is(
    (SELECT days FROM matins.leave_rule WHERE region = '620000' AND event = 'paternity' AND component = 'base'),
    30,
    'GS-ML: Gansu nursing leave for the father is 30 days');

SELECT ok(
    (SELECT bool_and(document LIKE '%甘肃省人口与计划生育条例%') FROM matins.leave_rule WHERE source = 'GS-ML'),
    'GS-ML: the Gansu rows cite 甘肃省人口与计划生育条例');

-- ---------------------------------------------------------------- JL-ML

SELECT is(
    (SELECT days FROM matins.leave_rule WHERE region = '220000' AND event = 'birth' AND component = 'base'),
    180,
    'JL-ML: Jilin maternity leave is 180 days in total');

SELECT is(
    (SELECT days FROM matins.leave_rule WHERE region = '220000' AND event = 'paternity' AND component = 'base'),
    25,
    'JL-ML: Jilin nursing leave is 25 days');

-- ---------------------------------------------------------------- every row

SELECT is_empty(
    $$SELECT region, event, component FROM matins.leave_rule
       WHERE document IS NULL OR btrim(document) = ''$$,
    'CN-ML: every leave row names the document its days come from');

SELECT is_empty(
    $$SELECT region, event, component FROM matins.leave_rule
       WHERE (source = 'GS-ML' OR source = 'JL-ML') AND document NOT LIKE '%待核实%'$$,
    'GS-ML: rows quoted from secondary sources say they are to be verified (待核实)');

SELECT ok(
    (SELECT bool_and(shipped) FROM matins.leave_rule),
    'CN-ML: every leave row is marked shipped');

-- ---------------------------------------------------------------- constraints reject bad rows

SELECT lives_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, birth_order, days, document, source)
      VALUES ('330300', 'birth', 'base', '[1,3)', 158, '温州市测试', 'ZJ-ML')$$,
    'ZJ-ML: a local leave row for Wenzhou is accepted');

SELECT ok(
    NOT (SELECT shipped FROM matins.leave_rule WHERE region = '330300'),
    'ZJ-ML: a leave row a DBA adds is local (shipped = false)');

SELECT throws_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, birth_order, days, document, source)
      VALUES ('330300', 'birth', 'base', '[2,)', 188, '温州市测试', 'ZJ-ML')$$,
    '23P01', NULL,
    'ZJ-ML: a birth-order range overlapping another of the same region, event and component is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, birth_order, gestation_months, days, document, source)
      VALUES ('620000', 'termination', 'dystocia', '[1,)', '[0,4)', 15, '测试', 'CN-ML')$$,
    '23514', NULL,
    'CN-ML: a termination row with the component dystocia is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, days, document, source)
      VALUES ('620100', 'birth', 'base', 0, '测试', 'GS-ML')$$,
    '23514', NULL,
    'GS-ML: a leave of 0 days is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, days, document, source)
      VALUES ('999999', 'birth', 'base', 98, '测试', 'CN-ML')$$,
    '23503', NULL,
    'CN-ML: a leave row for region 999999, which is not in matins.region, is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.leave_rule (region, event, component, gestation_months, days, document, source)
      VALUES ('220000', 'birth', 'dystocia', '[0,4)', 15, '测试', 'JL-ML')$$,
    '23514', NULL,
    'JL-ML: a birth row limited to a gestation range is rejected (gestation applies to terminations only)');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: regions, the region chain, policy documents and which one is in force on a date
-- (rules.md §0 codes, §1-§5 headers; contract: Codes, Policies and parameters), and the guard
-- that protects shipped catalog rows.
-- Every expected value is typed from the digest or the contract, never read back from the tables.
-- (The digest gives the region and policy rules no id of their own: each test cites the rule
-- id its region or policy row was shipped under.)
BEGIN;
SET search_path = matins, public;
SELECT plan(47);

-- ---------------------------------------------------------------- regions

SELECT is(
    (SELECT count(*)::int FROM matins.region),
    8,
    'CN-ML: eight regions: the nation, four provinces, three cities');

SELECT results_eq(
    $$SELECT code, level, parent FROM matins.region ORDER BY code$$,
    $$VALUES ('000000'::text, 'nation'::text, NULL::text),
             ('150000', 'province', '000000'),
             ('150200', 'city',     '150000'),
             ('220000', 'province', '000000'),
             ('330000', 'province', '000000'),
             ('330300', 'city',     '330000'),
             ('620000', 'province', '000000'),
             ('620100', 'city',     '620000')$$,
    'CN-ML: every region with its level and parent (provinces under 000000, cities under their province)');

SELECT results_eq(
    $$SELECT code, name FROM matins.region WHERE code <> '000000' ORDER BY code$$,
    $$VALUES ('150000'::text, '内蒙古自治区'::text),
             ('150200', '包头市'),
             ('220000', '吉林省'),
             ('330000', '浙江省'),
             ('330300', '温州市'),
             ('620000', '甘肃省'),
             ('620100', '兰州市')$$,
    'NM-COV: the GB/T 2260 names of rules.md §0 (内蒙古自治区, 包头市, 吉林省, 浙江省, 温州市, 甘肃省, 兰州市)');

SELECT ok(
    (SELECT bool_and(shipped) FROM matins.region),
    'CN-ML: every region row is marked shipped');

-- ---------------------------------------------------------------- region_chain, check_region

SELECT is(
    matins.region_chain('220102'),
    ARRAY['220102', '220100', '220000', '000000'],
    'JL24-SC: a county (220102) looks rules up under itself, its city 220100, Jilin 220000 and the nation');

SELECT is(
    matins.region_chain('620100'),
    ARRAY['620100', '620000', '000000'],
    'LZ-COV: a city (Lanzhou 620100) looks rules up under itself, Gansu 620000 and the nation');

SELECT is(
    matins.region_chain('330000'),
    ARRAY['330000', '000000'],
    'ZJ-ML: a province (Zhejiang 330000) looks rules up under itself and the nation');

SELECT is(
    matins.region_chain('000000'),
    ARRAY['000000'],
    'CN-ML: the nation is the last step of every chain and its only member');

SELECT throws_ok(
    $$SELECT matins.region_chain('abc')$$,
    '22023', 'invalid region code "abc"',
    'CN-ML: ''abc'' is not a six-digit GB/T 2260 code');

SELECT throws_ok(
    $$SELECT matins.region_chain('22010')$$,
    '22023', 'invalid region code "22010"',
    'JL24-SC: a five-digit code (22010) is not a GB/T 2260 code');

SELECT throws_ok(
    $$SELECT matins.check_region('110000')$$,
    '22023', 'region "110000" is not covered by matins',
    'CN-ML: Beijing 110000 is refused: matins has no rows for its province');

SELECT is(
    matins.check_region('220102'),
    '220102',
    'JL24-SC: a county of a covered province (220102) is accepted as it is');

-- ---------------------------------------------------------------- policy rows

SELECT is(
    (SELECT count(*)::int FROM matins.policy),
    6,
    'JL24-SC: six policy documents');

SELECT results_eq(
    $$SELECT id, region, scope, status, based_on, valid_from, valid_to FROM matins.policy ORDER BY id$$,
    $$VALUES ('BT-2026-MAT'::text,  '150200'::text, 'maternity'::text,        'in_force'::text, 'NM-2025-MAT'::text, '2026-03-31'::date, NULL::date),
             ('JL-2019-RES',        '220000',       'resident_medical',       'in_force',       NULL,                '2020-01-01',       NULL),
             ('JL-2024-MAT',        '220000',       'maternity',              'in_force',       NULL,                '2024-07-01',       NULL),
             ('LZ-2025-MAT',        '620100',       'maternity',              'in_force',       NULL,                '2025-06-27',       '2030-06-26'),
             ('NM-2025-MAT',        '150000',       'maternity',              'in_force',       NULL,                '2026-03-31',       NULL),
             ('WZ-DRAFT-MAT',       '330300',       'maternity',              'draft',          NULL,                NULL,               NULL)$$,
    'JL24-SC: the six policies with region, scope, status, basis and validity');

SELECT results_eq(
    $$SELECT id, doc_number FROM matins.policy WHERE id IN ('NM-2025-MAT', 'BT-2026-MAT') ORDER BY id$$,
    $$VALUES ('BT-2026-MAT'::text, '包医保发〔2026〕4号'::text),
             ('NM-2025-MAT',       '内医保发〔2025〕22号')$$,
    'NM-COV: 内医保发〔2025〕22号, forwarded in Baotou by 包医保发〔2026〕4号');

SELECT ok(
    (SELECT status = 'draft' AND valid_from IS NULL AND valid_to IS NULL
       FROM matins.policy WHERE id = 'WZ-DRAFT-MAT'),
    'WZ-PN: the Wenzhou consultation draft is a draft with no dates');

SELECT ok(
    (SELECT bool_and(shipped) FROM matins.policy),
    'JL24-SC: every policy row is marked shipped');

-- ---------------------------------------------------------------- policy_in_force

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('220000', '2024-06-30') ORDER BY scope$$,
    $$VALUES ('resident_medical'::text, 'JL-2019-RES'::text, '220000'::text)$$,
    'JL24-SC: on 2024-06-30 Jilin has only the resident policy in force');

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('220000', '2024-07-01') ORDER BY scope$$,
    $$VALUES ('maternity'::text,        'JL-2024-MAT'::text, '220000'::text),
             ('resident_medical',       'JL-2019-RES',       '220000')$$,
    'JL24-SC: from 2024-07-01 Jilin has JL-2024-MAT and JL-2019-RES in force');

SELECT is_empty(
    $$SELECT * FROM matins.policy_in_force('220000', '2019-12-31')$$,
    'JL19-IP: on 2019-12-31 no Jilin policy is in force');

SELECT results_eq(
    $$SELECT scope, policy, from_region, valid_from, valid_to FROM matins.policy_in_force('220000', '2020-01-01')$$,
    $$VALUES ('resident_medical'::text, 'JL-2019-RES'::text, '220000'::text, '2020-01-01'::date, NULL::date)$$,
    'JL19-IP: JL-2019-RES is in force from 2020-01-01, open-ended');

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('220100', '2024-07-01') ORDER BY scope$$,
    $$VALUES ('maternity'::text,        'JL-2024-MAT'::text, '220000'::text),
             ('resident_medical',       'JL-2019-RES',       '220000')$$,
    'JL24-SC: Changchun 220100, with no rows of its own, inherits Jilin''s policies');

SELECT is_empty(
    $$SELECT * FROM matins.policy_in_force('150200', '2026-03-30')$$,
    'NM-COV: on 2026-03-30 nothing is in force for Baotou');

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('150200', '2026-03-31')$$,
    $$VALUES ('maternity'::text, 'BT-2026-MAT'::text, '150200'::text)$$,
    'NM-COV: from 2026-03-31 Baotou uses its own BT-2026-MAT, not the province''s');

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('150100', '2026-03-31')$$,
    $$VALUES ('maternity'::text, 'NM-2025-MAT'::text, '150000'::text)$$,
    'NM-COV: Hohhot 150100 uses the province''s NM-2025-MAT from 2026-03-31');

SELECT is_empty(
    $$SELECT d, f.* FROM unnest(ARRAY['1990-01-01', '2024-07-01', '2025-06-27', '2026-03-31',
                                      '2030-06-27', '2099-12-31']::date[]) AS d,
                         matins.policy_in_force('330300', d) AS f$$,
    'WZ-PN: Wenzhou has nothing in force on any date (the draft is used only when named)');

SELECT is_empty(
    $$SELECT * FROM matins.policy_in_force('620100', '2025-06-26')$$,
    'LZ-COV: on 2025-06-26 nothing is in force for Lanzhou');

SELECT results_eq(
    $$SELECT scope, policy, from_region, valid_from, valid_to FROM matins.policy_in_force('620100', '2025-06-27')$$,
    $$VALUES ('maternity'::text, 'LZ-2025-MAT'::text, '620100'::text, '2025-06-27'::date, '2030-06-26'::date)$$,
    'LZ-COV: LZ-2025-MAT is in force on its first day, 2025-06-27');

SELECT results_eq(
    $$SELECT scope, policy, from_region FROM matins.policy_in_force('620100', '2030-06-26')$$,
    $$VALUES ('maternity'::text, 'LZ-2025-MAT'::text, '620100'::text)$$,
    'LZ-COV: LZ-2025-MAT is still in force on its last day, 2030-06-26');

SELECT is_empty(
    $$SELECT * FROM matins.policy_in_force('620100', '2030-06-27')$$,
    'LZ-COV: on 2030-06-27 the five years are over and nothing is in force for Lanzhou');

SELECT is_empty(
    $$SELECT * FROM matins.policy_in_force('620000', '2026-01-01')$$,
    'LZ-COV: the Lanzhou policy does not reach up to Gansu province 620000');

SELECT throws_ok(
    $$SELECT * FROM matins.policy_in_force('110000', '2026-01-01')$$,
    '22023', 'region "110000" is not covered by matins',
    'CN-ML: asking for Beijing''s policies is an error, not an empty answer');

-- ---------------------------------------------------------------- constraints reject bad rows

SELECT lives_ok(
    $$INSERT INTO matins.policy (id, region, scope, title, issuer, status, valid_from, valid_to, seed_file, source)
      VALUES ('JL-2020-MAT', '220000', 'maternity', '测试', '测试', 'in_force', '2020-01-01', '2024-06-30', 'test.txt', 'JL24-SC')$$,
    'JL24-SC: a maternity policy for Jilin ending 2024-06-30 meets JL-2024-MAT without overlap');

SELECT throws_ok(
    $$INSERT INTO matins.policy (id, region, scope, title, issuer, status, valid_from, valid_to, seed_file, source)
      VALUES ('JL-2025-MAT', '220000', 'maternity', '测试', '测试', 'in_force', '2025-01-01', NULL, 'test.txt', 'JL24-SC')$$,
    '23P01', NULL,
    'JL24-SC: a second maternity policy in force for Jilin overlapping JL-2024-MAT is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy (id, region, scope, title, issuer, status, valid_from, valid_to, seed_file, source)
      VALUES ('ZJ-DRAFT-MAT', '330000', 'maternity', '测试', '测试', 'draft', '2025-01-01', NULL, 'test.txt', 'WZ-PN')$$,
    '23514', NULL,
    'WZ-PN: a draft with a valid_from is rejected (a draft has no dates)');

SELECT throws_ok(
    $$INSERT INTO matins.policy (id, region, scope, title, issuer, status, valid_from, valid_to, seed_file, source)
      VALUES ('bad', '620000', 'maternity', '测试', '测试', 'in_force', '2031-01-01', NULL, 'test.txt', 'LZ-COV')$$,
    '23514', NULL,
    'LZ-COV: a policy id outside the XX-YYYY-XXX pattern (''bad'') is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.region (code, name, level, parent, source)
      VALUES ('220100', '长春市', 'city', '150000', 'JL24-SC')$$,
    '23514', NULL,
    'JL24-SC: a city (Changchun 220100) whose parent is not its province (150000) is rejected');

SELECT lives_ok(
    $$INSERT INTO matins.region (code, name, level, parent, source)
      VALUES ('220100', '长春市', 'city', '220000', 'JL24-SC')$$,
    'JL24-SC: the same city under its own province 220000 is accepted');

SELECT ok(
    NOT (SELECT shipped FROM matins.region WHERE code = '220100'),
    'JL24-SC: a region row a DBA adds is local (shipped = false)');

SELECT lives_ok(
    $$INSERT INTO matins.region (code, name, level, parent, source, shipped)
      VALUES ('220102', '南关区', 'county', '220100', 'JL24-SC', true)$$,
    'JL24-SC: a county row claiming shipped = true is accepted ...');

SELECT ok(
    NOT (SELECT shipped FROM matins.region WHERE code = '220102'),
    'JL24-SC: ... but stored as local: only extension scripts write shipped rows');

-- ---------------------------------------------------------------- guard_catalog_row

SELECT throws_ok(
    $$UPDATE matins.policy SET title = title WHERE id = 'JL-2024-MAT'$$,
    '42501', 'cannot update a shipped row of policy',
    'JL24-SC: the shipped JL-2024-MAT row cannot be updated');

SELECT throws_ok(
    $$DELETE FROM matins.region WHERE code = '330300'$$,
    '42501', 'cannot delete a shipped row of region',
    'WZ-PN: the shipped region Wenzhou 330300 cannot be deleted');

SELECT throws_ok(
    $$TRUNCATE matins.leave_rule$$,
    '42501', NULL,
    'CN-ML: matins.leave_rule cannot be truncated (it holds shipped rows)');

SELECT is(
    (SELECT count(*)::int FROM matins.leave_rule WHERE shipped),
    11,
    'CN-ML: the eleven shipped leave rows are still there');

SELECT lives_ok(
    $$DELETE FROM matins.region WHERE code IN ('220102', '220100')$$,
    'JL24-SC: local region rows can be deleted');

SELECT is(matins.region_chain('220001'), ARRAY['220001', '220000', '000000'],
    'CN-ML: a code with 00 in the city digits goes straight to its province, listed once');

SELECT * FROM finish();
ROLLBACK;

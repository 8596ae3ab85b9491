-- pgTAP: the catalog rows of LZ-2025-MAT against lanzhou-2025-maternity.txt (兰医保〔2025〕37号,
-- articles 4, 8-10, 13, 14, 20 and annexes 1-2) and rules.md §5.
-- Every expected value is typed from the seed or the digest, never read back from the tables.
BEGIN;
SET search_path = matins, public;
SELECT plan(27);

-- ---------------------------------------------------------------- LZ-COV: the policy row

SELECT results_eq(
    $$SELECT id, region, scope, status, doc_number, title, based_on, valid_from, valid_to, seed_file
        FROM matins.policy WHERE id = 'LZ-2025-MAT'$$,
    $$VALUES ('LZ-2025-MAT'::text, '620100'::text, 'maternity'::text, 'in_force'::text,
              '兰医保〔2025〕37号'::text, '兰州市生育保险实施细则'::text, NULL::text,
              '2025-06-27'::date, '2030-06-26'::date, 'lanzhou-2025-maternity.txt'::text)$$,
    'LZ-COV: policy LZ-2025-MAT is 兰医保〔2025〕37号 for 兰州市 620100, in force 2025-06-27 to 2030-06-26');

SELECT is(
    (SELECT valid_to - valid_from + 1 FROM matins.policy WHERE id = 'LZ-2025-MAT'),
    1826,
    'LZ-COV: 有效期5年 from the day of issue: 1826 days (2028 is a leap year), the last one 2030-06-26');

-- ---------------------------------------------------------------- LZ-SCR: annex 1

SELECT is(
    (SELECT count(*)::int FROM matins.designated_hospital WHERE policy = 'LZ-2025-MAT'),
    5,
    'LZ-SCR: five designated institutions, and none for any other benefit');

SELECT bag_eq(
    $$SELECT benefit, hospital, source FROM matins.designated_hospital WHERE policy = 'LZ-2025-MAT'$$,
    $$VALUES ('screening'::text, '甘肃省人民医院'::text,   'LZ-SCR'::text),
             ('screening',       '兰州大学第一医院',       'LZ-SCR'),
             ('screening',       '兰州大学第二医院',       'LZ-SCR'),
             ('screening',       '甘肃省妇幼保健院',       'LZ-SCR'),
             ('screening',       '兰州市妇幼保健院',       'LZ-SCR')$$,
    'LZ-SCR: the five screening institutions of annex 1, names exact');

SELECT ok(
    NOT EXISTS (SELECT FROM matins.designated_hospital
                 WHERE policy = 'LZ-2025-MAT' AND hospital <> btrim(hospital, E' \t\u3000')),
    'LZ-SCR: no designated institution name carries stray spaces (a claim matches on the name)');

-- ---------------------------------------------------------------- LZ-SCR, LZ-FPO: quotas

SELECT is(
    (SELECT count(*)::int FROM matins.benefit_quota WHERE policy = 'LZ-2025-MAT'),
    4,
    'LZ-FPO: four fixed amounts (screening plus the three procedures of annex 2)');

SELECT results_eq(
    $$SELECT benefit, setting, procedure, quota, min_level::int, designated_only, per, source
        FROM matins.benefit_quota WHERE policy = 'LZ-2025-MAT' ORDER BY benefit, procedure$$,
    $$VALUES
        ('family_planning'::text, 'outpatient'::text, 'abortion'::text,   260.00::numeric(12,2), 2,          false, 'claim'::text,     'LZ-FPO'::text),
        ('family_planning',       'outpatient',       'iud_insert',       200.00,                2,          false, 'claim',           'LZ-FPO'),
        ('family_planning',       'outpatient',       'iud_remove',       200.00,                2,          false, 'claim',           'LZ-FPO'),
        ('screening',             'outpatient',       '',                 160.00,                NULL::int,  true,  'pregnancy',       'LZ-SCR')$$,
    'LZ-FPO: annex 2 amounts at level 2+ per procedure, and the screening amount at designated institutions');

SELECT is(
    (SELECT quota FROM matins.benefit_quota
      WHERE policy = 'LZ-2025-MAT' AND benefit = 'screening' AND designated_only AND per = 'pregnancy'),
    160.00::numeric(12,2),
    'LZ-SCR: prenatal disease screening pays 160 once per pregnancy at designated institutions');

SELECT is(
    (SELECT quota FROM matins.benefit_quota
      WHERE policy = 'LZ-2025-MAT' AND procedure = 'abortion' AND min_level = 2),
    260.00::numeric(12,2),
    'LZ-FPO: surgical abortion (人工流产) 260 at level 2 and above');

SELECT is(
    (SELECT quota FROM matins.benefit_quota
      WHERE policy = 'LZ-2025-MAT' AND procedure = 'iud_insert' AND min_level = 2),
    200.00::numeric(12,2),
    'LZ-FPO: IUD insertion (放环) 200 at level 2 and above');

SELECT is(
    (SELECT quota FROM matins.benefit_quota
      WHERE policy = 'LZ-2025-MAT' AND procedure = 'iud_remove' AND min_level = 2),
    200.00::numeric(12,2),
    'LZ-FPO: IUD removal (取环) 200 at level 2 and above');

-- LZ-SPO: the spouse's 50% of each quota, as the digest spells it out
SELECT results_eq(
    $$SELECT q.procedure, q.quota * c.value
        FROM matins.benefit_quota q
        JOIN matins.policy_constant c ON c.policy = q.policy AND c.name = 'spouse.ratio'
       WHERE q.policy = 'LZ-2025-MAT' ORDER BY q.procedure$$,
    $$VALUES (''::text, 80::numeric), ('abortion', 130), ('iud_insert', 100), ('iud_remove', 100)$$,
    'LZ-SPO: an uninsured spouse gets screening 80 and outpatient family planning 130/100/100');

-- ---------------------------------------------------------------- LZ-CON: article 4

SELECT is(
    (SELECT count(*)::int FROM matins.contribution_rate WHERE policy = 'LZ-2025-MAT'),
    4,
    'LZ-CON: four combined contribution rates');

SELECT results_eq(
    $$SELECT person_type, payer, covers, basis, rate, min_rate, max_rate, param_name, source
        FROM matins.contribution_rate WHERE policy = 'LZ-2025-MAT' ORDER BY person_type$$,
    $$VALUES
        ('enterprise'::text, 'employer'::text,          'medical_maternity'::text, 'contribution_base'::text, 0.09::numeric,   NULL::numeric, NULL::numeric, NULL::text, 'LZ-CON'::text),
        ('flexible',         'person',                  'medical_maternity',       'contribution_base',       0.054,           NULL,          NULL,          NULL,       'LZ-CON'),
        ('public',           'employer',                'medical_maternity',       'contribution_base',       0.0835,          NULL,          NULL,          NULL,       'LZ-CON'),
        ('unemployed',       'unemployment_fund',       'medical_maternity',       'contribution_base',       0.11,            NULL,          NULL,          NULL,       'LZ-CON')$$,
    'LZ-CON: public 8.35%, other employers 9%, the unemployed 11% (unemployment fund), flexible workers 5.4% (themselves)');

SELECT is(
    (SELECT rate FROM matins.contribution_rate WHERE policy = 'LZ-2025-MAT' AND person_type = 'public'),
    0.0835::numeric,
    'LZ-CON: 公务员及事业单位 pay 8.35%');

-- ---------------------------------------------------------------- constants of LZ-2025-MAT

SELECT is(
    (SELECT count(*)::int FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT'),
    8,
    'LZ-PN: eight numbers fixed by the Lanzhou rules');

SELECT results_eq(
    $$SELECT name, value, unit, source FROM matins.policy_constant
       WHERE policy = 'LZ-2025-MAT' ORDER BY name$$,
    $$VALUES
        ('allowance.apply_within_months'::text,   12::numeric, 'months'::text, 'LZ-AL'::text),
        ('allowance.min_continuous_months',       12,          'months',       'LZ-AEL'),
        ('allowance.moved_in_local_months',       6,           'months',       'LZ-AEL'),
        ('gap.max_months',                        3,           'months',       'LZ-GAP'),
        ('inpatient.ratio',                       1,           'ratio',        'LZ-IP'),
        ('manual_claim.months',                   12,          'months',       'LZ-DIR'),
        ('prenatal.grant',                        1000,        'yuan',         'LZ-PN'),
        ('spouse.ratio',                          0.5,         'ratio',        'LZ-SPO')$$,
    'LZ-PN: every policy constant of LZ-2025-MAT with its value, unit and rule');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT' AND name = 'prenatal.grant'),
    1000::numeric,
    'LZ-PN: prenatal checks are a fixed grant of 1000 per pregnancy');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT' AND name = 'spouse.ratio'),
    0.5::numeric,
    'LZ-SPO: an uninsured spouse gets 50% of the female employee''s standard');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT' AND name = 'gap.max_months'),
    3::numeric,
    'LZ-GAP: a break of at most 3 months, back-paid, stays continuous');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT' AND name = 'allowance.moved_in_local_months'),
    6::numeric,
    'LZ-AEL: people moved in from another province need 6 continuous months in Lanzhou');

SELECT ok(
    (SELECT bool_and(shipped) FROM (
        SELECT shipped FROM matins.designated_hospital WHERE policy = 'LZ-2025-MAT'
        UNION ALL SELECT shipped FROM matins.benefit_quota WHERE policy = 'LZ-2025-MAT'
        UNION ALL SELECT shipped FROM matins.contribution_rate WHERE policy = 'LZ-2025-MAT'
        UNION ALL SELECT shipped FROM matins.policy_constant WHERE policy = 'LZ-2025-MAT'
        UNION ALL SELECT shipped FROM matins.policy WHERE id = 'LZ-2025-MAT') s),
    'LZ-COV: every Lanzhou catalog row is marked shipped');

-- ---------------------------------------------------------------- constraints reject bad rows

SELECT lives_ok(
    $$INSERT INTO matins.benefit_quota (policy, benefit, setting, procedure, quota, min_level, designated_only, per, source)
      VALUES ('LZ-2025-MAT', 'family_planning', 'outpatient', 'medical_abortion', 150, 2, false, 'claim', 'LZ-FPO')$$,
    'LZ-FPO: a well-formed local quota is accepted (so the rejections below are about the bad value)');

SELECT throws_ok(
    $$INSERT INTO matins.benefit_quota (policy, benefit, setting, procedure, quota, min_level, designated_only, per, source)
      VALUES ('LZ-2025-MAT', 'family_planning', 'outpatient', 'tubal_ligation', 0, 2, false, 'claim', 'LZ-FPO')$$,
    '23514', NULL,
    'LZ-FPO: a quota of 0 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.benefit_quota (policy, benefit, setting, procedure, quota, min_level, designated_only, per, source)
      VALUES ('LZ-2025-MAT', 'family_planning', 'outpatient', 'tubal_ligation', 300, 4, false, 'claim', 'LZ-FPO')$$,
    '23514', NULL,
    'LZ-FPO: a minimum hospital level of 4 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.benefit_quota (policy, benefit, setting, procedure, quota, min_level, designated_only, per, source)
      VALUES ('LZ-2025-MAT', 'family_planning', 'outpatient', 'vasectomy', 300, 2, false, 'claim', 'LZ-FPO')$$,
    '23514', NULL,
    'LZ-FPO: a procedure outside the contract''s codes is rejected');

-- 1.2 fits numeric(7,6) (up to 9.999999), so the CHECK (rate < 1) refuses it, not the typmod
SELECT throws_ok(
    $$INSERT INTO matins.contribution_rate (policy, person_type, payer, covers, basis, rate, source)
      VALUES ('LZ-2025-MAT', 'retiree', 'person', 'medical_maternity', 'contribution_base', 1.2, 'LZ-CON')$$,
    '23514', NULL,
    'LZ-CON: a contribution rate of 1.2 (120%) is rejected by the rate check');

SELECT * FROM finish();
ROLLBACK;

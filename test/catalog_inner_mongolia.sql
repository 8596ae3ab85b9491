-- pgTAP: the Inner Mongolia catalog rows (NM-2025-MAT, inherited by BT-2026-MAT) against the seed
-- inner-mongolia-baotou-2026-maternity.txt.  Every expected number is typed here from the annex
-- and the notice, not derived from the rows under test.
BEGIN;
SET search_path = matins, public;
SELECT plan(22);

-- NM-PN: the prenatal basic service package, all 37 items with their base counts.
SELECT results_eq(
    $$SELECT code, base_count FROM prenatal_package_item
       WHERE policy = 'NM-2025-MAT' ORDER BY code$$,
    $$VALUES ('NMPN01', 11), ('NMPN02',  7), ('NMPN03',  1), ('NMPN04',  1), ('NMPN05',  1),
             ('NMPN06',  3), ('NMPN07',  1), ('NMPN08',  1), ('NMPN09',  1), ('NMPN10',  2),
             ('NMPN11',  1), ('NMPN12',  1), ('NMPN13',  4), ('NMPN14',  5), ('NMPN15',  1),
             ('NMPN16',  1), ('NMPN17',  1), ('NMPN18',  1), ('NMPN19',  2), ('NMPN20',  2),
             ('NMPN21',  1), ('NMPN22',  1), ('NMPN23',  1), ('NMPN24',  2), ('NMPN25',  1),
             ('NMPN26',  1), ('NMPN27',  1), ('NMPN28',  1), ('NMPN29',  1), ('NMPN30',  1),
             ('NMPN31',  1), ('NMPN32',  1), ('NMPN33',  1), ('NMPN34',  2), ('NMPN35',  1),
             ('NMPN36', 20), ('NMPN37',  6)$$,
    'NM-PN: the package has the annex''s 37 items with their base counts per pregnancy');

SELECT is((SELECT sum(base_count)::int FROM prenatal_package_item WHERE policy = 'NM-2025-MAT'),
          91, 'NM-PN: the base counts of the 37 items add up to 91');

SELECT is((SELECT count(*)::int FROM prenatal_package_item
            WHERE policy = 'NM-2025-MAT' AND seq <> substr(code, 5)::int),
          0, 'NM-PN: every item''s seq is the number in its code');

SELECT is((SELECT count(*)::int FROM prenatal_package_item
            WHERE policy = 'NM-2025-MAT' AND source <> 'NM-PN'),
          0, 'NM-PN: every package item cites NM-PN');

SELECT results_eq(
    $$SELECT code, name FROM prenatal_package_item
       WHERE policy = 'NM-2025-MAT'
         AND code IN ('NMPN01', 'NMPN02', 'NMPN05', 'NMPN09', 'NMPN11', 'NMPN19', 'NMPN22',
                      'NMPN26', 'NMPN31', 'NMPN34', 'NMPN35', 'NMPN36', 'NMPN37')
       ORDER BY code$$,
    $$VALUES ('NMPN01', '产前常规检查费'), ('NMPN02', '胎心监测'), ('NMPN05', '超声 NT'),
             ('NMPN09', '成人心脏超声'), ('NMPN11', 'B族链球菌核酸检测'),
             ('NMPN19', '肝功能八项'), ('NMPN22', '孕期糖筛'), ('NMPN26', '感染四项'),
             ('NMPN31', '血型+抗 D'), ('NMPN34', '唐筛非整倍体母体血清学筛查'),
             ('NMPN35', 'NIPT 基础版'), ('NMPN36', '一次性真空采血管'), ('NMPN37', '静脉采血')$$,
    'NM-PN: a sample of item names matches the annex');

SELECT is((SELECT count(*)::int FROM prenatal_package_item
            WHERE policy = 'NM-2025-MAT' AND name = '肝功能八项'),
          1, 'NM-PN: 肝功能八项, printed twice as number 19 in the annex, is one item');

-- NM-PN: the two alternative pairs and their shared count.
SELECT results_eq(
    $$SELECT code, alt_group, group_count FROM prenatal_package_item
       WHERE policy = 'NM-2025-MAT' AND alt_group IS NOT NULL ORDER BY code$$,
    $$VALUES ('NMPN03', 'NMPN03/04', 1), ('NMPN04', 'NMPN03/04', 1),
             ('NMPN34', 'NMPN34/35', 2), ('NMPN35', 'NMPN34/35', 2)$$,
    'NM-PN: 03/04 share a count of 1 and 34/35 a count of 2; no other item has an alternative');

SELECT is((SELECT count(*)::int FROM prenatal_package_item p
            WHERE policy = 'NM-2025-MAT' AND alt_group IS NOT NULL
              AND group_count <> (SELECT max(q.base_count) FROM prenatal_package_item q
                                   WHERE q.policy = p.policy AND q.alt_group = p.alt_group)),
          0, 'NM-PN: a pair''s count is the larger base count of its two items (Reading)');

-- NM-COV: Baotou forwards the regional notice and ships no rows of its own.
SELECT is((SELECT based_on FROM policy WHERE id = 'BT-2026-MAT'),
          'NM-2025-MAT', 'NM-COV: BT-2026-MAT is based on NM-2025-MAT');

SELECT is((SELECT count(*)::int FROM prenatal_package_item WHERE policy = 'BT-2026-MAT')
        + (SELECT count(*)::int FROM contribution_rate WHERE policy = 'BT-2026-MAT')
        + (SELECT count(*)::int FROM policy_constant WHERE policy = 'BT-2026-MAT'),
          0, 'NM-COV: BT-2026-MAT has no package items, rates or constants of its own');

-- NM-CON: employer rate range 0.5%-1% of last year's wages (enterprises and, from 0.3.0, public
-- units); flexible workers at the same rate.
SELECT results_eq(
    $$SELECT person_type, payer, covers, basis, rate, min_rate, max_rate, param_name, source
        FROM contribution_rate WHERE policy = 'NM-2025-MAT' ORDER BY person_type$$,
    $$VALUES ('enterprise', 'employer', 'maternity', 'last_year_total_wages',
              NULL::numeric, 0.005, 0.01, 'employer.maternity_rate', 'NM-CON'),
             ('flexible', 'person', 'maternity', 'contribution_base',
              NULL::numeric, 0.005, 0.01, 'employer.maternity_rate', 'NM-CON'),
             ('public', 'employer', 'maternity', 'last_year_total_wages',
              NULL::numeric, 0.005, 0.01, 'employer.maternity_rate', 'NM-CON')$$,
    'NM-CON: employers 0.5%-1% of last year''s wages; flexible workers on their base at that rate');

-- NM-PN, NM-IP, NM-OP, NM-CON, NM-EL, NM-AL: the constants the notice fixes.
SELECT results_eq(
    $$SELECT name, value, unit, source FROM policy_constant
       WHERE policy = 'NM-2025-MAT' ORDER BY name$$,
    $$VALUES ('allowance.min_continuous_months',   12::numeric, 'months', 'NM-EL'),
             ('allowance.pay_within_working_days', 10::numeric, 'days',   'NM-AL'),
             ('contribution.employee_rate',         0::numeric, 'ratio',  'NM-CON'),
             ('inpatient.deductible',               0::numeric, 'yuan',   'NM-IP'),
             ('inpatient.ratio',                    1::numeric, 'ratio',  'NM-IP'),
             ('outpatient_fp.deductible',           0::numeric, 'yuan',   'NM-OP'),
             ('outpatient_fp.ratio',                1::numeric, 'ratio',  'NM-OP'),
             ('prenatal.deductible',                0::numeric, 'yuan',   'NM-PN'),
             ('prenatal.ratio',                     1::numeric, 'ratio',  'NM-PN'),
             ('unemployed.min_continuous_months',   0::numeric, 'months', 'NM-EL'),
             ('unemployed.waiting_months',          0::numeric, 'months', 'NM-EL'),
             ('waiting_period.regional',            1::numeric, 'count',  'NM-WAIT')$$,
    'NM-PN, NM-IP, NM-OP, NM-CON, NM-EL, NM-AL: every constant of NM-2025-MAT matches the notice');

SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'NM-2025-MAT' AND name = 'prenatal.ratio'),
          1::numeric, 'NM-PN: in-package prenatal cost is paid in full');
SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'NM-2025-MAT' AND name = 'inpatient.ratio'),
          1::numeric, 'NM-IP: inpatient delivery and family-planning cost is paid in full');
SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'NM-2025-MAT' AND name = 'outpatient_fp.ratio'),
          1::numeric, 'NM-OP: outpatient family-planning surgery is paid in full');
SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'NM-2025-MAT' AND name = 'allowance.min_continuous_months'),
          12::numeric, 'NM-EL: the allowance needs 12 continuous contribution months');
SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'NM-2025-MAT' AND name = 'allowance.pay_within_working_days'),
          10::numeric, 'NM-AL: the allowance is paid within 10 working days of the application');

-- The constraints turn away malformed rows.
SELECT throws_ok(
    $$INSERT INTO prenatal_package_item (policy, code, seq, name, base_count, source)
      VALUES ('NM-2025-MAT', 'NMPN7', 7, '三级超声', 1, 'NM-PN')$$,
    '23514', NULL, 'NM-PN: a code without two digits (NMPN7) is rejected');

SELECT throws_ok(
    $$INSERT INTO prenatal_package_item (policy, code, seq, name, base_count, source)
      VALUES ('NM-2025-MAT', 'NMPN90', 90, '测试项目', 0, 'NM-PN')$$,
    '23514', NULL, 'NM-PN: a base count of 0 is rejected');

SELECT throws_ok(
    $$INSERT INTO prenatal_package_item (policy, code, seq, name, base_count, alt_group, source)
      VALUES ('NM-2025-MAT', 'NMPN91', 91, '测试项目', 1, 'NMPN91/92', 'NM-PN')$$,
    '23514', NULL, 'NM-PN: an alternative group without its shared count is rejected');

SELECT throws_ok(
    $$INSERT INTO contribution_rate
          (policy, person_type, payer, covers, basis, rate, min_rate, max_rate, source)
      VALUES ('NM-2025-MAT', 'retiree', 'person', 'maternity', 'contribution_base',
              0.01, 0.02, 0.01, 'NM-CON')$$,
    '23514', NULL, 'NM-CON: a rate range whose minimum is above its maximum is rejected');

SELECT throws_ok(
    $$INSERT INTO contribution_rate
          (policy, person_type, payer, covers, basis, min_rate, max_rate, source)
      VALUES ('NM-2025-MAT', 'retiree', 'person', 'maternity', 'contribution_base',
              0.005, 0.01, 'NM-CON')$$,
    '23514', NULL, 'NM-CON: a rate range without a region parameter to hold the rate is rejected');

SELECT * FROM finish();
ROLLBACK;

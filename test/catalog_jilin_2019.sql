-- pgTAP: the catalog rows of JL-2019-RES against jilin-2019-resident-insurance.txt (annexes 1-3).
-- Every expected value is typed from the seed, never read back from the tables.
BEGIN;
SET search_path = matins, public;
SELECT plan(40);

-- ---------------------------------------------------------------- JL19-IP: annex 3 bands

SELECT is(
    (SELECT count(*)::int FROM matins.band_schedule WHERE policy = 'JL-2019-RES'),
    9,
    'JL19-IP: nine inpatient bands (three levels, three bands each)');

SELECT results_eq(
    $$SELECT scheme, level::int, lower_bound, upper_bound, ratio, source
        FROM matins.band_schedule WHERE policy = 'JL-2019-RES' ORDER BY level, lower_bound$$,
    $$VALUES
        ('resident'::text, 1,               0.00::numeric(12,2), 30000.00::numeric(12,2), 0.8000::numeric(5,4), 'JL19-IP'::text),
        ('resident',       1,           30000.00,                60000.00,                0.8500,               'JL19-IP'),
        ('resident',       1,           60000.00,                NULL,                    0.9000,               'JL19-IP'),
        ('resident',       2,               0.00,                30000.00,                0.7000,               'JL19-IP'),
        ('resident',       2,           30000.00,                60000.00,                0.7500,               'JL19-IP'),
        ('resident',       2,           60000.00,                NULL,                    0.8000,               'JL19-IP'),
        ('resident',       3,               0.00,                30000.00,                0.5500,               'JL19-IP'),
        ('resident',       3,           30000.00,                60000.00,                0.6000,               'JL19-IP'),
        ('resident',       3,           60000.00,                NULL,                    0.6500,               'JL19-IP')$$,
    'JL19-IP: band bounds and ratios 80/85/90% (level 1), 70/75/80% (level 2), 55/60/65% (level 3)');

-- A position picks exactly one band; 30000 is the last yuan of the first band (起付线—30000).
SELECT results_eq(
    $$SELECT p.pos, b.level::int, b.ratio
        FROM (VALUES (0.01::numeric), (30000), (30000.01), (60000), (60001), (250000)) AS p (pos)
        JOIN matins.band_schedule b
          ON b.policy = 'JL-2019-RES' AND b.scheme = 'resident'
         AND p.pos > b.lower_bound AND (b.upper_bound IS NULL OR p.pos <= b.upper_bound)
       ORDER BY p.pos, b.level$$,
    $$VALUES
        (0.01::numeric, 1, 0.8000::numeric(5,4)), (0.01, 2, 0.7000), (0.01, 3, 0.5500),
        (30000, 1, 0.8000), (30000, 2, 0.7000), (30000, 3, 0.5500),
        (30000.01, 1, 0.8500), (30000.01, 2, 0.7500), (30000.01, 3, 0.6000),
        (60000, 1, 0.8500), (60000, 2, 0.7500), (60000, 3, 0.6000),
        (60001, 1, 0.9000), (60001, 2, 0.8000), (60001, 3, 0.6500),
        (250000, 1, 0.9000), (250000, 2, 0.8000), (250000, 3, 0.6500)$$,
    'JL19-IP: each cumulative position falls in one band per level, 30000 and 60000 closing their bands');

-- ---------------------------------------------------------------- JL19-CH: annex 1

SELECT is(
    (SELECT count(*)::int FROM matins.chronic_disease WHERE policy = 'JL-2019-RES'),
    18,
    'JL19-CH: eighteen province-wide chronic outpatient diseases');

SELECT results_eq(
    $$SELECT code, name, quota, fund_max FROM matins.chronic_disease
       WHERE policy = 'JL-2019-RES' ORDER BY code$$,
    $$VALUES
        ('CH01'::text, '糖尿病（饮食控制无效、合并四肢动脉病变、肾病或视网膜病变）'::text, 2400.00::numeric(12,2), 1440.00::numeric(12,2)),
        ('CH02', '冠心病（包括日常用药、支架植入术后抗凝治疗）', 3000.00, 1800.00),
        ('CH03', '肺源性心脏病（慢性心衰，心功能Ⅱ级及以上）',   1800.00, 1080.00),
        ('CH04', '风湿性心脏病（心功能Ⅱ级及以上）',             1800.00, 1080.00),
        ('CH05', '慢性肾盂肾炎',                                 2200.00, 1320.00),
        ('CH06', '慢性阻塞性肺病',                               1900.00, 1140.00),
        ('CH07', '慢性胆囊炎',                                   2000.00, 1200.00),
        ('CH08', '脑血管意外偏瘫',                               2000.00, 1200.00),
        ('CH09', '支气管哮喘',                                   1800.00, 1080.00),
        ('CH10', '甲状腺功能亢进症',                             1900.00, 1140.00),
        ('CH11', '慢性胃炎',                                     1700.00, 1020.00),
        ('CH12', '慢性支气管炎',                                 1600.00,  960.00),
        ('CH13', '恶性肿瘤镇痛治疗',                             2400.00, 1440.00),
        ('CH14', '心力衰竭（心功能Ⅱ级及以上）',                 2100.00, 1260.00),
        ('CH15', '慢性肾小球肾炎',                               2500.00, 1500.00),
        ('CH16', '心律失常（限房颤）',                           1800.00, 1080.00),
        ('CH17', '慢性腹泻',                                     1600.00,  960.00),
        ('CH18', '痛风',                                         1900.00, 1140.00)$$,
    'JL19-CH: annex 1 names, yearly quotas and fund maxima in the annex order');

SELECT is_empty(
    $$SELECT code FROM matins.chronic_disease
       WHERE policy = 'JL-2019-RES' AND fund_max <> round(quota * 0.60, 2)$$,
    'JL19-CH: every fund maximum is 60% of its quota');

SELECT is(
    (SELECT sum(quota) FROM matins.chronic_disease WHERE policy = 'JL-2019-RES'),
    36400.00::numeric,
    'JL19-CH: the eighteen quotas add up to 36400 (checksum of annex 1)');

SELECT results_eq(
    $$SELECT code, fund_max FROM matins.chronic_disease
       WHERE policy = 'JL-2019-RES' ORDER BY fund_max DESC, code LIMIT 1$$,
    $$VALUES ('CH02'::text, 1800.00::numeric(12,2))$$,
    'JL19-CH: coronary heart disease (#2) has the largest fund maximum, 1800');

SELECT is_empty(
    $$SELECT code FROM matins.chronic_disease
       WHERE policy = 'JL-2019-RES' AND source <> 'JL19-CH'$$,
    'JL19-CH: every chronic disease row cites JL19-CH');

-- ---------------------------------------------------------------- JL19-SP: annex 2

SELECT is(
    (SELECT count(*)::int FROM matins.special_disease WHERE policy = 'JL-2019-RES'),
    41,
    'JL19-SP: forty-one special outpatient diseases');

SELECT results_eq(
    $$SELECT code, name FROM matins.special_disease WHERE policy = 'JL-2019-RES' ORDER BY code$$,
    $$VALUES
        ('SP01'::text, '恶性肿瘤放化疗'::text), ('SP02', '白血病'), ('SP03', '骨髓增生异常综合征'),
        ('SP04', '血友病'), ('SP05', '原发性血小板减少性紫癜'), ('SP06', '脑瘫'),
        ('SP07', '器官移植抗排异治疗'), ('SP08', '血管支架移植术后'), ('SP09', '心脏换瓣膜术后'),
        ('SP10', '造血干细胞移植术后'), ('SP11', '胃息肉内镜治疗'), ('SP12', '痔疮门诊手术治疗'),
        ('SP13', '肾、输尿管结石（体外冲击波碎石）'), ('SP14', '乳腺癌（内分泌治疗）'),
        ('SP15', '前列腺癌（内分泌治疗）'), ('SP16', '病毒性肝炎'), ('SP17', '肝豆状核变性'),
        ('SP18', '肝硬化'), ('SP19', '肺结核（免费项目除外）'), ('SP20', '外阴白斑'),
        ('SP21', '肾功能不全透析治疗'), ('SP22', '肾病综合征'), ('SP23', '血吸虫病'),
        ('SP24', '克山病'), ('SP25', '囊虫病'), ('SP26', '大骨节病'), ('SP27', '再生障碍性贫血'),
        ('SP28', '布鲁氏菌病'), ('SP29', '手足口病'), ('SP30', '帕金森病'), ('SP31', '癫痫'),
        ('SP32', '风湿（类风湿）性关节炎'), ('SP33', '重症精神病'), ('SP34', '强直性脊柱炎'),
        ('SP35', '银屑病'), ('SP36', '结肠（直肠）息肉内镜治疗'), ('SP37', '重症肌无力'),
        ('SP38', '白癜风'), ('SP39', '系统性红斑狼疮'), ('SP40', '艾滋病'), ('SP41', '苯丙酮尿症')$$,
    'JL19-SP: annex 2 in its own numbering (left column 1-21, right column 22-41)');

SELECT is(
    (SELECT name FROM matins.special_disease WHERE policy = 'JL-2019-RES' AND code = 'SP01'),
    '恶性肿瘤放化疗',
    'JL19-SP: #1 is 恶性肿瘤放化疗');

SELECT is(
    (SELECT name FROM matins.special_disease WHERE policy = 'JL-2019-RES' AND code = 'SP39'),
    '系统性红斑狼疮',
    'JL19-SP: #39 is 系统性红斑狼疮 (the extraction''s 系统性红白狼疮 corrected)');

SELECT is(
    (SELECT name FROM matins.special_disease WHERE policy = 'JL-2019-RES' AND code = 'SP41'),
    '苯丙酮尿症',
    'JL19-SP: #41 is 苯丙酮尿症');

SELECT is(
    (SELECT name FROM matins.special_disease WHERE policy = 'JL-2019-RES' AND code = 'SP22'),
    '肾病综合征',
    'JL19-SP: #22 (top of the right-hand column) is 肾病综合征');

SELECT results_eq(
    $$SELECT code, treatment FROM matins.special_disease
       WHERE policy = 'JL-2019-RES' AND treatment <> 'bands' ORDER BY code$$,
    $$VALUES ('SP41'::text, 'no_rule'::text)$$,
    'JL19-SP: every special disease is paid by the bands except phenylketonuria');

SELECT ok(
    (SELECT note LIKE '%吉医保联〔2019〕12号%' FROM matins.special_disease
      WHERE policy = 'JL-2019-RES' AND code = 'SP41'),
    'JL19-SP: the phenylketonuria note cites 吉医保联〔2019〕12号');

SELECT is(
    (SELECT count(DISTINCT name)::int FROM matins.special_disease WHERE policy = 'JL-2019-RES'),
    41,
    'JL19-SP: no special disease is listed twice');

SELECT is_empty(
    $$SELECT code FROM matins.special_disease
       WHERE policy = 'JL-2019-RES' AND source <> 'JL19-SP'$$,
    'JL19-SP: every special disease row cites JL19-SP');

-- ---------------------------------------------------------------- constants

SELECT results_eq(
    $$SELECT name, value, unit, source FROM matins.policy_constant
       WHERE policy = 'JL-2019-RES' ORDER BY name$$,
    $$VALUES
        ('chronic.extra_diseases_max'::text, 5::numeric, 'count'::text, 'JL19-CH'::text),
        ('chronic.ratio',                    0.60,       'ratio',       'JL19-CH'),
        ('class_a.pre_self_pay_ratio',       0,          'ratio',       'JL19-B'),
        ('outpatient.ceiling',               6500,       'yuan',        'JL19-CH'),
        ('outpatient.max_level',             2,          'count',       'JL19-OP'),
        ('outpatient.other_max_level',       1,          'count',       'JL19-OP'),
        ('outpatient.ratio',                 0.50,       'ratio',       'JL19-OP'),
        ('resident.annual_cap',              200000,     'yuan',        'JL19-IP'),
        ('special.min_level',                2,          'count',       'JL19-SP')$$,
    'JL19-IP: the numbers the 2019 guideline fixes province-wide');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'JL-2019-RES' AND name = 'resident.annual_cap'),
    200000::numeric,
    'JL19-IP: the yearly fund maximum for inpatient, special outpatient and special drugs is 200000');

SELECT is(
    (SELECT value FROM matins.policy_constant WHERE policy = 'JL-2019-RES' AND name = 'outpatient.ceiling'),
    6500::numeric,
    'JL19-CH: general plus chronic outpatient fund payments are at most 6500 a year');

SELECT is(
    matins.param('220000', 'resident.class_b_rate', '2020-01-01'),
    0.10::numeric,
    'JL19-B: the class-B pre-self-pay share is 10%');

SELECT is_empty(
    $$SELECT name FROM matins.policy_constant
       WHERE policy = 'JL-2019-RES' AND description !~ '^[ -~]+$'$$,
    'JL19-IP: constant descriptions are one line of plain English text');

SELECT is_empty(
    $$SELECT name FROM matins.policy_constant
       WHERE policy = 'JL-2019-RES' AND (name LIKE '%deductible%' OR name LIKE '%limit%')$$,
    'JL19-OP: deductibles and the 700/1000 outpatient limit are left to the region, not shipped here');

-- ---------------------------------------------------------------- constraints reject bad rows

SELECT throws_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 2, 0, NULL, 1.5, 'JL19-IP')$$,
    '23514', NULL,
    'JL19-IP: a band ratio of 1.5 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 2, 0, NULL, 0, 'JL19-IP')$$,
    '23514', NULL,
    'JL19-IP: a band ratio of 0 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 4, 0, NULL, 0.5, 'JL19-IP')$$,
    '23514', NULL,
    'JL19-IP: a hospital level of 4 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 2, 30000, 30000, 0.5, 'JL19-IP')$$,
    '23514', NULL,
    'JL19-IP: a band whose upper bound does not exceed its lower bound is rejected');

-- Two local bands that overlap: the first goes in, the second is refused.  (Both rows are added
-- here so they share one `shipped` value whatever the guard trigger assigns.)
SELECT lives_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 1, 0, 30000, 0.85, 'JL19-IP')$$,
    'JL19-IP: a first local band is accepted');

SELECT throws_ok(
    $$INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
      VALUES ('JL-2019-RES', 'employee', 1, 20000, NULL, 0.90, 'JL19-IP')$$,
    '23P01', NULL,
    'JL19-IP: a band overlapping another of the same policy, scheme and level is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
      VALUES ('JL-2019-RES', 'CH99', 'over quota', 1000, 1200, 'JL19-CH')$$,
    '23514', NULL,
    'JL19-CH: a fund maximum above the quota is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
      VALUES ('JL-2019-RES', 'CH100', 'three digits', 1000, 600, 'JL19-CH')$$,
    '23514', NULL,
    'JL19-CH: a chronic disease code outside CHnn is rejected');

-- JL19-CH: 18 province-wide diseases and at most 5 of a region's own: CH19..CH23 (0.5.0)
SELECT throws_ok(
    $$INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
      VALUES ('JL-2019-RES', 'CH24', 'a sixth own disease', 1000, 600, 'JL19-CH')$$,
    '23514', 'new row for relation "chronic_disease" violates check constraint "chronic_disease_code_range"',
    'JL19-CH: a sixth disease of a region''s own (CH24) is rejected');
SELECT throws_ok(
    $$INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
      VALUES ('JL-2019-RES', 'CH00', 'no such number', 1000, 600, 'JL19-CH')$$,
    '23514', 'new row for relation "chronic_disease" violates check constraint "chronic_disease_code_range"',
    'JL19-CH: CH00 is not a disease number');
SELECT lives_ok(
    $$INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
      VALUES ('JL-2019-RES', 'CH23', 'a fifth own disease', 1000, 600, 'JL19-CH')$$,
    'JL19-CH: the fifth disease of a region''s own (CH23) is accepted');

SELECT throws_ok(
    $$INSERT INTO matins.special_disease (policy, code, name, treatment, source)
      VALUES ('JL-2019-RES', 'SP99', 'bad treatment', 'quota', 'JL19-SP')$$,
    '23514', NULL,
    'JL19-SP: a treatment other than bands or no_rule is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.special_disease (policy, code, name, treatment, source)
      VALUES ('JL-2019-RES', 'X01', 'bad code', 'bands', 'JL19-SP')$$,
    '23514', NULL,
    'JL19-SP: a special disease code outside SPnn is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
      VALUES ('JL-2019-RES', 'outpatient.bad_unit', 5, 'percent', 'bad unit', 'JL19-OP')$$,
    '23514', NULL,
    'JL19-OP: a constant unit outside yuan/ratio/months/days/count is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
      VALUES ('JL-2019-RES', 'chronic.twice', 0.60, 'ratio', 'first', 'JL19-CH'),
             ('JL-2019-RES', 'chronic.twice', 0.70, 'ratio', 'second', 'JL19-CH')$$,
    '23505', NULL,
    'JL19-CH: two rows of one constant with the same origin are rejected');

SELECT * FROM finish();
ROLLBACK;

-- matins 0.1.0: catalog rows of Inner Mongolia's maternity notice 内医保发〔2025〕22号 (NM-2025-MAT).
--
-- Baotou's forwarding notice (BT-2026-MAT) is based_on NM-2025-MAT and adds no numbers of its own,
-- so every row below belongs to NM-2025-MAT and Baotou reaches it through policy.based_on.
-- Seed: ../shared/seeds/inner-mongolia-baotou-2026-maternity.txt; rules: section 3 of rules.md.

-- NM-PN: the annex 门诊产前检查项目基本服务包推荐目录, 37 items with their base count per
-- pregnancy.  Codes follow the annex's own numbers (the annex prints number 19 twice, on both
-- sides of a page break, for the single item 肝功能八项).  Names are the annex's 项目（通用名）
-- cells with the line-wrap spaces of the extraction removed.  Two pairs are alternatives that
-- share one count: 03/04 (transvaginal or transabdominal scan, count 1) and 34/35 (serum
-- screening or NIPT; the pair's count is the larger of the two, 2, by the Reading of NM-PN).
INSERT INTO @extschema@.prenatal_package_item
    (policy, code, seq, name, base_count, alt_group, group_count, note, source)
VALUES
    ('NM-2025-MAT', 'NMPN01',  1, '产前常规检查费',               11, NULL,        NULL, 'routine assessment at every visit', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN02',  2, '胎心监测',                      7, NULL,        NULL, 'required at visit 6 and at visits 7-11', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN03',  3, '经阴道超声',                    1, 'NMPN03/04',    1, 'visit 1; only when the transabdominal scan is unclear; alternative to NMPN04', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN04',  4, '经腹超声',                      1, 'NMPN03/04',    1, 'visit 1; alternative to NMPN03', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN05',  5, '超声 NT',                       1, NULL,        NULL, 'visit 1, weeks 11 to 13+6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN06',  6, '普通超声',                      3, NULL,        NULL, 'twice in visits 6-11, once between the NT and the level-3 scan', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN07',  7, '三级超声',                      1, NULL,        NULL, 'visit 3 (systematic fetal scan)', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN08',  8, '一级超声',                      1, NULL,        NULL, 'visit 5 (targeted fetal scan)', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN09',  9, '成人心脏超声',                  1, NULL,        NULL, 'maternal heart scan', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN10', 10, '常规心电图检查',                2, NULL,        NULL, 'early pregnancy and once late in pregnancy', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN11', 11, 'B族链球菌核酸检测',             1, NULL,        NULL, 'visit 6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN12', 12, '阴道分泌物一般检查',            1, NULL,        NULL, 'sampling for the group B streptococcus test', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN13', 13, '血常规',                        4, NULL,        NULL, 'visits 1, 3, 4 and 5', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN14', 14, '尿常规',                        5, NULL,        NULL, 'visits 1, 3, 4, 5 and 6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN15', 15, '胆固醇',                        1, NULL,        NULL, 'lipid check for women at risk', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN16', 16, '甘油三酯',                      1, NULL,        NULL, 'lipid check for women at risk', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN17', 17, '高密度脂蛋白',                  1, NULL,        NULL, 'lipid check for women at risk', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN18', 18, '低密度脂蛋白',                  1, NULL,        NULL, 'lipid check for women at risk', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN19', 19, '肝功能八项',                    2, NULL,        NULL, 'required at visit 1, optional at visit 6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN20', 20, '肾功三项',                      2, NULL,        NULL, 'required at visit 1, optional at visit 6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN21', 21, '血液葡萄糖',                    1, NULL,        NULL, 'visit 1', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN22', 22, '孕期糖筛',                      1, NULL,        NULL, 'visit 4 (oral glucose tolerance test)', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN23', 23, '葡萄糖粉',                      1, NULL,        NULL, 'glucose for the tolerance test', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN24', 24, '血凝四项',                      2, NULL,        NULL, NULL, 'NM-PN'),
    ('NM-2025-MAT', 'NMPN25', 25, '甲减筛查',                      1, NULL,        NULL, 'optional at visit 1', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN26', 26, '感染四项',                      1, NULL,        NULL, 'the late-pregnancy test; the first one is free of charge', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN27', 27, '抗 HCV',                        1, NULL,        NULL, NULL, 'NM-PN'),
    ('NM-2025-MAT', 'NMPN28', 28, '抗 HBs',                        1, NULL,        NULL, NULL, 'NM-PN'),
    ('NM-2025-MAT', 'NMPN29', 29, '抗 HBe',                        1, NULL,        NULL, NULL, 'NM-PN'),
    ('NM-2025-MAT', 'NMPN30', 30, '不规则抗体筛查',                1, NULL,        NULL, NULL, 'NM-PN'),
    ('NM-2025-MAT', 'NMPN31', 31, '血型+抗 D',                     1, NULL,        NULL, 'optional at visit 1', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN32', 32, '总胆汁酸',                      1, NULL,        NULL, 'optional at visit 6', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN33', 33, '血液铁蛋白',                    1, NULL,        NULL, 'visit 1', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN34', 34, '唐筛非整倍体母体血清学筛查',    2, 'NMPN34/35',    2, 'optional at visits 1 and 2; alternative to NMPN35', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN35', 35, 'NIPT 基础版',                   1, 'NMPN34/35',    2, 'optional at visit 2; alternative to NMPN34', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN36', 36, '一次性真空采血管',             20, NULL,        NULL, 'tubes for the blood tests', 'NM-PN'),
    ('NM-2025-MAT', 'NMPN37', 37, '静脉采血',                      6, NULL,        NULL, NULL, 'NM-PN');

-- NM-CON: employers pay a maternity rate the region sets between 0.5% and 1% of last year's total
-- wages (region parameter employer.maternity_rate); employees pay nothing.  Flexible workers
-- who join pay on their employee medical contribution base at the local enterprise rate, so they
-- read the same parameter.  The unemployed on benefit are paid for by the unemployment fund at
-- no rate the notice states, so they have no row here.
INSERT INTO @extschema@.contribution_rate
    (policy, person_type, payer, covers, basis, rate, min_rate, max_rate, param_name, source)
VALUES
    ('NM-2025-MAT', 'enterprise', 'employer', 'maternity', 'last_year_total_wages',
     NULL, 0.005, 0.01, 'employer.maternity_rate', 'NM-CON'),
    ('NM-2025-MAT', 'flexible',   'person',   'maternity', 'contribution_base',
     NULL, 0.005, 0.01, 'employer.maternity_rate', 'NM-CON');

-- Numbers the notice fixes for every region of Inner Mongolia.
INSERT INTO @extschema@.policy_constant (policy, name, value, unit, description, source) VALUES
    ('NM-2025-MAT', 'prenatal.ratio',            1, 'ratio',
     'Share of in-package prenatal cost the employee fund pays (full cover)', 'NM-PN'),
    ('NM-2025-MAT', 'prenatal.deductible',       0, 'yuan',
     'Deductible for in-package prenatal cost (none)', 'NM-PN'),
    ('NM-2025-MAT', 'inpatient.ratio',           1, 'ratio',
     'Share of in-scope inpatient delivery and family-planning cost the employee fund pays', 'NM-IP'),
    ('NM-2025-MAT', 'inpatient.deductible',      0, 'yuan',
     'Deductible for inpatient delivery and family-planning stays (none)', 'NM-IP'),
    ('NM-2025-MAT', 'outpatient_fp.ratio',       1, 'ratio',
     'Share of in-scope outpatient family-planning surgery cost the employee fund pays', 'NM-OP'),
    ('NM-2025-MAT', 'outpatient_fp.deductible',  0, 'yuan',
     'Deductible for outpatient family-planning surgery (none)', 'NM-OP'),
    ('NM-2025-MAT', 'contribution.employee_rate', 0, 'ratio',
     'Maternity contribution an employee pays personally (none: the employer pays)', 'NM-CON'),
    ('NM-2025-MAT', 'allowance.min_continuous_months', 12, 'months',
     'Continuous contribution months required, when the costs occur, for the allowance', 'NM-EL'),
    ('NM-2025-MAT', 'unemployed.waiting_months', 0, 'months',
     'Waiting period for a person on unemployment benefit (none)', 'NM-EL'),
    ('NM-2025-MAT', 'unemployed.min_continuous_months', 0, 'months',
     'Continuous months a person on unemployment benefit needs for the allowance (none)', 'NM-EL'),
    ('NM-2025-MAT', 'allowance.pay_within_working_days', 10, 'days',
     'Working days from the application within which the allowance is paid to the person', 'NM-AL');

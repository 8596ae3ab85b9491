-- matins 0.1.0: catalog rows of policy JL-2019-RES (jilin-2019-resident-insurance.txt,
-- 吉医保联〔2019〕21号, 220000, from 2020-01-01).  Rule ids refer to ../shared/policy/rules.md,
-- section 2.
--
-- `shipped` is never named here: matins.guard_catalog_row() marks the rows of extension scripts.

-- JL19-IP: annex 3 (城乡居民基本医保住院费用报销比例表).  The annex gives the bands as
-- "起付线—30000", "30001—60000" and "60001以上" on the year's cumulative in-scope amount.  Bounds
-- here are exclusive below and inclusive above, so 30000.00 is still in the first band and
-- anything above it (30000.01 …) in the second; the first band starts at 0 because the
-- deductible counts toward the position even though the fund never pays it (digest Reading).
INSERT INTO @extschema@.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source) VALUES
    ('JL-2019-RES', 'resident', 1,     0,  30000, 0.80, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 1, 30000,  60000, 0.85, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 1, 60000,   NULL, 0.90, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 2,     0,  30000, 0.70, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 2, 30000,  60000, 0.75, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 2, 60000,   NULL, 0.80, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 3,     0,  30000, 0.55, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 3, 30000,  60000, 0.60, 'JL19-IP'),
    ('JL-2019-RES', 'resident', 3, 60000,   NULL, 0.65, 'JL19-IP');

-- JL19-CH: annex 1 (门诊慢病全省统一病种、支付比例和支付限额参考表), the 18 diseases in the
-- annex's order.  quota = the yearly policy-scope cost quota (政策范围内年度医疗费额度);
-- fund_max = the fund's yearly maximum (基金年度最高支付限额), which the annex lists as 60% of it.
INSERT INTO @extschema@.chronic_disease (policy, code, name, quota, fund_max, source) VALUES
    ('JL-2019-RES', 'CH01', '糖尿病（饮食控制无效、合并四肢动脉病变、肾病或视网膜病变）', 2400, 1440, 'JL19-CH'),
    ('JL-2019-RES', 'CH02', '冠心病（包括日常用药、支架植入术后抗凝治疗）',             3000, 1800, 'JL19-CH'),
    ('JL-2019-RES', 'CH03', '肺源性心脏病（慢性心衰，心功能Ⅱ级及以上）',               1800, 1080, 'JL19-CH'),
    ('JL-2019-RES', 'CH04', '风湿性心脏病（心功能Ⅱ级及以上）',                         1800, 1080, 'JL19-CH'),
    ('JL-2019-RES', 'CH05', '慢性肾盂肾炎',                                             2200, 1320, 'JL19-CH'),
    ('JL-2019-RES', 'CH06', '慢性阻塞性肺病',                                           1900, 1140, 'JL19-CH'),
    ('JL-2019-RES', 'CH07', '慢性胆囊炎',                                               2000, 1200, 'JL19-CH'),
    ('JL-2019-RES', 'CH08', '脑血管意外偏瘫',                                           2000, 1200, 'JL19-CH'),
    ('JL-2019-RES', 'CH09', '支气管哮喘',                                               1800, 1080, 'JL19-CH'),
    ('JL-2019-RES', 'CH10', '甲状腺功能亢进症',                                         1900, 1140, 'JL19-CH'),
    ('JL-2019-RES', 'CH11', '慢性胃炎',                                                 1700, 1020, 'JL19-CH'),
    ('JL-2019-RES', 'CH12', '慢性支气管炎',                                             1600,  960, 'JL19-CH'),
    ('JL-2019-RES', 'CH13', '恶性肿瘤镇痛治疗',                                         2400, 1440, 'JL19-CH'),
    ('JL-2019-RES', 'CH14', '心力衰竭（心功能Ⅱ级及以上）',                             2100, 1260, 'JL19-CH'),
    ('JL-2019-RES', 'CH15', '慢性肾小球肾炎',                                           2500, 1500, 'JL19-CH'),
    ('JL-2019-RES', 'CH16', '心律失常（限房颤）',                                       1800, 1080, 'JL19-CH'),
    ('JL-2019-RES', 'CH17', '慢性腹泻',                                                 1600,  960, 'JL19-CH'),
    ('JL-2019-RES', 'CH18', '痛风',                                                     1900, 1140, 'JL19-CH');

-- JL19-SP: annex 2 (门诊特病全省统一病种参考表), 41 diseases.  The annex is a two-column table
-- (1-21 on the left, 22-41 on the right) that the extraction interleaves row by row; the codes
-- follow the annex's own numbers.  The extraction prints #39 as 系统性红白狼疮, a garbling of
-- 系统性红斑狼疮 (systemic lupus erythematosus).  All are paid like inpatient care (the JL19-IP
-- bands) except phenylketonuria, which the notice hands over to another document.
INSERT INTO @extschema@.special_disease (policy, code, name, treatment, note, source) VALUES
    ('JL-2019-RES', 'SP01', '恶性肿瘤放化疗',                   'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP02', '白血病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP03', '骨髓增生异常综合征',               'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP04', '血友病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP05', '原发性血小板减少性紫癜',           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP06', '脑瘫',                             'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP07', '器官移植抗排异治疗',               'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP08', '血管支架移植术后',                 'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP09', '心脏换瓣膜术后',                   'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP10', '造血干细胞移植术后',               'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP11', '胃息肉内镜治疗',                   'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP12', '痔疮门诊手术治疗',                 'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP13', '肾、输尿管结石（体外冲击波碎石）', 'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP14', '乳腺癌（内分泌治疗）',             'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP15', '前列腺癌（内分泌治疗）',           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP16', '病毒性肝炎',                       'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP17', '肝豆状核变性',                     'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP18', '肝硬化',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP19', '肺结核（免费项目除外）',           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP20', '外阴白斑',                         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP21', '肾功能不全透析治疗',               'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP22', '肾病综合征',                       'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP23', '血吸虫病',                         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP24', '克山病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP25', '囊虫病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP26', '大骨节病',                         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP27', '再生障碍性贫血',                   'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP28', '布鲁氏菌病',                       'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP29', '手足口病',                         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP30', '帕金森病',                         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP31', '癫痫',                             'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP32', '风湿（类风湿）性关节炎',           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP33', '重症精神病',                       'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP34', '强直性脊柱炎',                     'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP35', '银屑病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP36', '结肠（直肠）息肉内镜治疗',         'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP37', '重症肌无力',                       'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP38', '白癜风',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP39', '系统性红斑狼疮',                   'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP40', '艾滋病',                           'bands', NULL, 'JL19-SP'),
    ('JL-2019-RES', 'SP41', '苯丙酮尿症',                       'no_rule',
     'paid under 吉医保联〔2019〕12号, a document matins does not implement: a claim is an error',
     'JL19-SP');

-- Numbers the guideline fixes for every region of the province.  What it leaves to the pooling
-- regions (deductibles, the 700/1000 outpatient limit, the standard for each added chronic
-- disease) is a region parameter and is not listed here.
INSERT INTO @extschema@.policy_constant (policy, name, value, unit, description, source) VALUES
    ('JL-2019-RES', 'resident.annual_cap', 200000, 'yuan',
     'Yearly fund maximum for inpatient, special outpatient and special-drug costs together',
     'JL19-IP'),
    ('JL-2019-RES', 'outpatient.ratio', 0.50, 'ratio',
     'Share of in-scope general outpatient cost the fund pays at level-2 and level-1-or-below institutions',
     'JL19-OP'),
    ('JL-2019-RES', 'outpatient.max_level', 2, 'count',
     'Highest hospital level where general outpatient pooling pays (level 2 only for hypertension and diabetes drugs)',
     'JL19-OP'),
    ('JL-2019-RES', 'outpatient.other_max_level', 1, 'count',
     'Highest hospital level where general outpatient care other than hypertension and diabetes drugs is paid',
     'JL19-OP'),
    ('JL-2019-RES', 'chronic.ratio', 0.60, 'ratio',
     'Share of in-scope chronic outpatient cost the fund pays, within each disease''s yearly quota',
     'JL19-CH'),
    ('JL-2019-RES', 'outpatient.ceiling', 6500, 'yuan',
     'Yearly maximum of general outpatient and chronic outpatient fund payments together',
     'JL19-CH'),
    ('JL-2019-RES', 'chronic.extra_diseases_max', 5, 'count',
     'Most chronic diseases a region may add to the province-wide list',
     'JL19-CH'),
    ('JL-2019-RES', 'special.min_level', 2, 'count',
     'Lowest hospital level where special outpatient diseases are paid',
     'JL19-SP'),
    -- the class-B share (10%) is the region parameter resident.class_b_rate (21_data_params.sql)
    ('JL-2019-RES', 'class_a.pre_self_pay_ratio', 0, 'ratio',
     'Share of a class-A amount the person pays first (none may be set)',
     'JL19-B');

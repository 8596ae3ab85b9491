-- matins 0.1.0: catalog rows of the Wenzhou consultation draft 温州市职工生育全额保障实施方案
-- （征求意见稿） (WZ-DRAFT-MAT).  The policy is a draft: a settlement uses it only when asked for
-- it by name.  Seed: ../shared/seeds/wenzhou-draft-maternity.txt; rules: section 4 of rules.md.

-- WZ-LIST: the annex 生育保险产前检查范围, item by item in the annex's order.  Visits 1 to 12 come
-- first; the optional items (备选), usable at any visit, follow with visit NULL.  seq numbers the
-- whole list once, 1 to 75.  Names are the annex cells as printed, without surrounding whitespace.
INSERT INTO @extschema@.prenatal_list_item (policy, visit, seq, name, source) VALUES
    -- visit 1
    ('WZ-DRAFT-MAT',    1,  1, '尿HCG', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  2, 'B超检查≥2处', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  3, '人乳头瘤病毒HPV', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  4, '阴道镜检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  5, '宫腔镜检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  6, '白带常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  7, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  8, '血常规（五分类）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1,  9, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1, 10, '心电图', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1, 11, '超声常规检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1, 12, '胎盘成熟度检测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    1, 13, '血红蛋白电泳试验（地贫筛查）', 'WZ-LIST'),
    -- visit 2
    ('WZ-DRAFT-MAT',    2, 14, '产前检查（均含胎心多普勒）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 15, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 16, '血型（ABO、Rh）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 17, '血常规（五分类）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 18, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 19, '肾功能3项（尿素氮、肌酐、尿酸）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 20, '肝功能6项（谷草转氨酶、谷丙转氨酶、总蛋白、白蛋白、总胆红素、胆汁酸）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 21, '乙肝两对半', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 22, '丙肝病毒抗体', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 23, '梅毒血清抗体', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 24, '血糖', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    2, 25, '唐氏筛查项目（包括甲胎蛋白、雌三醇、绒毛膜促性腺激素）', 'WZ-LIST'),
    -- visit 3
    ('WZ-DRAFT-MAT',    3, 26, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    3, 27, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    3, 28, '胎儿系统彩色多普勒超声检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    3, 29, '胎儿脐血监测和胎盘成熟度检测', 'WZ-LIST'),
    -- visit 4
    ('WZ-DRAFT-MAT',    4, 30, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    4, 31, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    4, 32, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    4, 33, '血糖筛查', 'WZ-LIST'),
    -- visit 5
    ('WZ-DRAFT-MAT',    5, 34, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    5, 35, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    5, 36, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    5, 37, 'ABO抗体检测', 'WZ-LIST'),
    -- visit 6
    ('WZ-DRAFT-MAT',    6, 38, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    6, 39, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    6, 40, '血常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    6, 41, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    6, 42, '超声常规检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    6, 43, '胎盘成熟度检测', 'WZ-LIST'),
    -- visit 7
    ('WZ-DRAFT-MAT',    7, 44, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    7, 45, '尿常规', 'WZ-LIST'),
    -- visit 8
    ('WZ-DRAFT-MAT',    8, 46, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    8, 47, '胎心监测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    8, 48, '尿常规', 'WZ-LIST'),
    -- visit 9
    ('WZ-DRAFT-MAT',    9, 49, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 50, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 51, '超声常规检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 52, '胎盘成熟度检测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 53, '静脉采血', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 54, '血常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 55, '肾功能3项（尿素氮、肌酐、尿酸）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 56, '肝功能6项（谷草转氨酶、谷丙转氨酶、总蛋白、白蛋白、总胆红素、胆汁酸）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',    9, 57, '胎心监测', 'WZ-LIST'),
    -- visit 10
    ('WZ-DRAFT-MAT',   10, 58, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   10, 59, '胎心监测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   10, 60, '尿常规', 'WZ-LIST'),
    -- visit 11
    ('WZ-DRAFT-MAT',   11, 61, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   11, 62, '尿常规', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   11, 63, '超声常规检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   11, 64, '胎盘成熟度检测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   11, 65, '胎心监测', 'WZ-LIST'),
    -- visit 12
    ('WZ-DRAFT-MAT',   12, 66, '产前检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   12, 67, '胎心监测', 'WZ-LIST'),
    ('WZ-DRAFT-MAT',   12, 68, '尿常规', 'WZ-LIST'),
    -- optional items (备选)
    ('WZ-DRAFT-MAT', NULL, 69, '唐氏筛查项目（基因检测筛查）', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 70, '甲功三项', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 71, '抗D滴度检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 72, '阴道分泌物检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 73, '宫颈脱落细胞学检查', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 74, '宫颈分泌物检测淋球菌', 'WZ-LIST'),
    ('WZ-DRAFT-MAT', NULL, 75, '宫颈分泌物检测沙眼衣原体', 'WZ-LIST');

-- WZ-PN, WZ-IP: numbers the draft fixes for the city.
INSERT INTO @extschema@.policy_constant (policy, name, value, unit, description, source) VALUES
    ('WZ-DRAFT-MAT', 'prenatal.cap_per_pregnancy', 3000, 'yuan',
     'Most the maternity outpatient route pays for prenatal checks in one pregnancy', 'WZ-PN'),
    ('WZ-DRAFT-MAT', 'prenatal.ratio',                1, 'ratio',
     'Share of listed prenatal cost, up to the cap, the employee fund pays', 'WZ-PN'),
    ('WZ-DRAFT-MAT', 'prenatal.deductible',           0, 'yuan',
     'Deductible for listed prenatal cost (none)', 'WZ-PN'),
    ('WZ-DRAFT-MAT', 'inpatient.ratio',               1, 'ratio',
     'Share of in-scope cost of in-city delivery and family-planning stays the fund pays', 'WZ-IP'),
    ('WZ-DRAFT-MAT', 'inpatient.deductible',          0, 'yuan',
     'Deductible for in-city delivery and family-planning stays (none)', 'WZ-IP');

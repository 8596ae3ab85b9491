-- pgTAP: the Wenzhou draft catalog rows (WZ-DRAFT-MAT) against the seed
-- wenzhou-draft-maternity.txt.  Every expected value is typed here from the annex 生育保险产前检查范围
-- and the draft's text, not derived from the rows under test.
BEGIN;
SET search_path = matins, public;
SELECT plan(17);

-- WZ-LIST: the annex lists 68 items over visits 1-12 and 7 optional items.
SELECT is((SELECT count(*)::int FROM prenatal_list_item WHERE policy = 'WZ-DRAFT-MAT'),
          75, 'WZ-LIST: the list has 75 items (68 by visit, 7 optional)');

SELECT results_eq(
    $$SELECT visit, count(*)::int FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' GROUP BY visit ORDER BY visit NULLS LAST$$,
    $$VALUES (1, 13), (2, 12), (3, 4), (4, 4), (5, 4), (6, 6), (7, 2), (8, 3), (9, 9),
             (10, 3), (11, 5), (12, 3), (NULL::int, 7)$$,
    'WZ-LIST: item count per visit (NULL: the optional items)');

SELECT results_eq(
    $$SELECT seq FROM prenatal_list_item WHERE policy = 'WZ-DRAFT-MAT' ORDER BY seq$$,
    $$SELECT generate_series(1, 75)$$,
    'WZ-LIST: seq runs 1 to 75 without gaps');

SELECT is((SELECT count(*)::int FROM prenatal_list_item a
             JOIN prenatal_list_item b ON b.policy = a.policy AND b.seq > a.seq
            WHERE a.policy = 'WZ-DRAFT-MAT'
              AND coalesce(b.visit, 13) < coalesce(a.visit, 13)),
          0, 'WZ-LIST: seq follows the visits in order, the optional items last');

SELECT is((SELECT count(*)::int FROM prenatal_list_item
            WHERE policy = 'WZ-DRAFT-MAT' AND (source <> 'WZ-LIST' OR name <> btrim(name))),
          0, 'WZ-LIST: every item cites WZ-LIST and has a trimmed name');

-- WZ-LIST: the whole of the first two visits.
SELECT results_eq(
    $$SELECT seq, name FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' AND visit = 1 ORDER BY seq$$,
    $$VALUES (1, '尿HCG'), (2, 'B超检查≥2处'), (3, '人乳头瘤病毒HPV'), (4, '阴道镜检查'),
             (5, '宫腔镜检查'), (6, '白带常规'), (7, '静脉采血'), (8, '血常规（五分类）'),
             (9, '尿常规'), (10, '心电图'), (11, '超声常规检查'), (12, '胎盘成熟度检测'),
             (13, '血红蛋白电泳试验（地贫筛查）')$$,
    'WZ-LIST: visit 1 has the annex''s 13 items in order');

SELECT results_eq(
    $$SELECT seq, name FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' AND visit = 2 ORDER BY seq$$,
    $$VALUES (14, '产前检查（均含胎心多普勒）'), (15, '静脉采血'), (16, '血型（ABO、Rh）'),
             (17, '血常规（五分类）'), (18, '尿常规'), (19, '肾功能3项（尿素氮、肌酐、尿酸）'),
             (20, '肝功能6项（谷草转氨酶、谷丙转氨酶、总蛋白、白蛋白、总胆红素、胆汁酸）'),
             (21, '乙肝两对半'), (22, '丙肝病毒抗体'), (23, '梅毒血清抗体'), (24, '血糖'),
             (25, '唐氏筛查项目（包括甲胎蛋白、雌三醇、绒毛膜促性腺激素）')$$,
    'WZ-LIST: visit 2 has the annex''s 12 items in order');

-- WZ-LIST: first and last item of every later visit.
SELECT results_eq(
    $$SELECT visit,
             (array_agg(name ORDER BY seq))[1],
             (array_agg(name ORDER BY seq DESC))[1]
        FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' AND visit BETWEEN 3 AND 12
       GROUP BY visit ORDER BY visit$$,
    $$VALUES (3,  '产前检查', '胎儿脐血监测和胎盘成熟度检测'),
             (4,  '产前检查', '血糖筛查'),
             (5,  '产前检查', 'ABO抗体检测'),
             (6,  '产前检查', '胎盘成熟度检测'),
             (7,  '产前检查', '尿常规'),
             (8,  '产前检查', '尿常规'),
             (9,  '产前检查', '胎心监测'),
             (10, '产前检查', '尿常规'),
             (11, '产前检查', '胎心监测'),
             (12, '产前检查', '尿常规')$$,
    'WZ-LIST: visits 3-12 start with 产前检查 and end with the annex''s last item');

SELECT results_eq(
    $$SELECT seq, name FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' AND visit = 9 ORDER BY seq$$,
    $$VALUES (49, '产前检查'), (50, '尿常规'), (51, '超声常规检查'), (52, '胎盘成熟度检测'),
             (53, '静脉采血'), (54, '血常规'), (55, '肾功能3项（尿素氮、肌酐、尿酸）'),
             (56, '肝功能6项（谷草转氨酶、谷丙转氨酶、总蛋白、白蛋白、总胆红素、胆汁酸）'),
             (57, '胎心监测')$$,
    'WZ-LIST: visit 9 has the annex''s 9 items in order');

-- WZ-LIST: the optional items (备选), usable at any visit.
SELECT results_eq(
    $$SELECT seq, name FROM prenatal_list_item
       WHERE policy = 'WZ-DRAFT-MAT' AND visit IS NULL ORDER BY seq$$,
    $$VALUES (69, '唐氏筛查项目（基因检测筛查）'), (70, '甲功三项'), (71, '抗D滴度检查'),
             (72, '阴道分泌物检查'), (73, '宫颈脱落细胞学检查'), (74, '宫颈分泌物检测淋球菌'),
             (75, '宫颈分泌物检测沙眼衣原体')$$,
    'WZ-LIST: the 7 optional items, in the annex''s order, have no visit');

-- WZ-PN: a consultation draft, used only when named.
SELECT is((SELECT status FROM policy WHERE id = 'WZ-DRAFT-MAT'),
          'draft', 'WZ-PN: WZ-DRAFT-MAT is a draft policy');

-- WZ-PN, WZ-IP: the constants of the draft.
SELECT results_eq(
    $$SELECT name, value, unit, source FROM policy_constant
       WHERE policy = 'WZ-DRAFT-MAT' ORDER BY name$$,
    $$VALUES ('inpatient.deductible',          0::numeric, 'yuan',  'WZ-IP'),
             ('inpatient.ratio',               1::numeric, 'ratio', 'WZ-IP'),
             ('prenatal.cap_per_pregnancy', 3000::numeric, 'yuan',  'WZ-PN'),
             ('prenatal.deductible',           0::numeric, 'yuan',  'WZ-PN'),
             ('prenatal.ratio',                1::numeric, 'ratio', 'WZ-PN')$$,
    'WZ-PN, WZ-IP: every constant of WZ-DRAFT-MAT matches the draft');

SELECT is((SELECT value FROM policy_constant
            WHERE policy = 'WZ-DRAFT-MAT' AND name = 'prenatal.cap_per_pregnancy'),
          3000::numeric, 'WZ-PN: prenatal checks are paid up to 3000 yuan per pregnancy');

-- The constraints turn away malformed rows.
SELECT throws_ok(
    $$INSERT INTO prenatal_list_item (policy, visit, seq, name, source)
      VALUES ('WZ-DRAFT-MAT', 13, 900, '产前检查', 'WZ-LIST')$$,
    '23514', NULL, 'WZ-LIST: a visit 13 is rejected');

SELECT throws_ok(
    $$INSERT INTO prenatal_list_item (policy, visit, seq, name, source)
      VALUES ('WZ-DRAFT-MAT', 0, 900, '产前检查', 'WZ-LIST')$$,
    '23514', NULL, 'WZ-LIST: a visit 0 is rejected');

SELECT throws_ok(
    $$INSERT INTO prenatal_list_item (policy, visit, seq, name, source)
      VALUES ('WZ-DRAFT-MAT', 1, 900, '', 'WZ-LIST')$$,
    '23514', NULL, 'WZ-LIST: an empty item name is rejected');

SELECT throws_ok(
    $$INSERT INTO prenatal_list_item (policy, visit, seq, name, source)
      VALUES ('WZ-DRAFT-MAT', 1, 900, '测试项目', 'WZ-LIST'),
             ('WZ-DRAFT-MAT', 1, 901, '测试项目', 'WZ-LIST')$$,
    '23505', NULL, 'WZ-LIST: one item twice in the same visit is rejected');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: the catalog rows of JL-2024-MAT against jilin-2024-maternity.txt (its annex).
-- Every expected value is typed from the seed, never read back from the tables.
BEGIN;
SET search_path = matins, public;
SELECT plan(24);

-- ---------------------------------------------------------------- JL24-ART-4: the item list

SELECT is(
    (SELECT count(*)::int FROM matins.art_item WHERE policy = 'JL-2024-MAT'),
    8,
    'JL24-ART-4: the annex lists eight assisted-reproduction items');

SELECT results_eq(
    $$SELECT code, name, unit, price, price_cap
        FROM matins.art_item WHERE policy = 'JL-2024-MAT' ORDER BY code$$,
    $$VALUES
        ('311600001'::text, '取卵术'::text,                     'procedure'::text, 2500.00::numeric(12,2), NULL::numeric(12,2)),
        ('311600002',       '胚胎培养',                         'procedure',       4050.00,                NULL),
        ('311600005',       '胚胎移植',                         'procedure',       2800.00,                NULL),
        ('311600008',       '组织、细胞活检（辅助生殖）',       'embryo',          1500.00,                6000.00),
        ('311600009',       '人工授精',                         'procedure',        600.00,                NULL),
        ('311600010',       '精子优选处理',                     'procedure',        900.00,                NULL),
        ('311600011',       '取精术',                           'procedure',        900.00,                NULL),
        ('311600012',       '单精子注射',                       'egg',             3000.00,                6000.00)$$,
    'JL24-ART-4: codes, names, pricing units, prices and item price caps as in the annex');

SELECT results_eq(
    $$SELECT code, surcharge_name, surcharge_kind, surcharge_value, surcharge_payable
        FROM matins.art_item WHERE policy = 'JL-2024-MAT' ORDER BY code$$,
    $$VALUES
        ('311600001'::text, '内镜下操作加收'::text,                   'percent'::text,  0.1000::numeric(12,4), false),
        ('311600002',       '囊胚培养加收',                           'amount',         1300.0000,             true),
        ('311600005',       '冻融胚胎加收',                           'amount',         1500.0000,             true),
        ('311600008',       '从第2个胚胎（卵）起每个胚胎（卵）加收', 'per_extra_unit', 0.5000,                true),
        ('311600009',       NULL,                                     NULL,             NULL,                  NULL),
        ('311600010',       NULL,                                     NULL,             NULL,                  NULL),
        ('311600011',       '显微镜下操作加收',                       'amount',         2000.0000,             true),
        ('311600012',       '卵子激活加收',                           'percent',        0.2500,                true)$$,
    'JL24-ART-4: surcharges (endoscopic +10% unpaid, blastocyst +1300, frozen-thawed +1500, +50% per extra embryo, microscope +2000, activation +25%)');

SELECT results_eq(
    $$SELECT code, item_class, outpatient_only, once_per_person, source
        FROM matins.art_item WHERE policy = 'JL-2024-MAT' ORDER BY code$$,
    $$VALUES
        ('311600001'::text, 'B'::text, true, true, 'JL24-ART-4'::text),
        ('311600002',       'B',       true, true, 'JL24-ART-4'),
        ('311600005',       'B',       true, true, 'JL24-ART-4'),
        ('311600008',       'B',       true, true, 'JL24-ART-4'),
        ('311600009',       'B',       true, true, 'JL24-ART-4'),
        ('311600010',       'B',       true, true, 'JL24-ART-4'),
        ('311600011',       'B',       true, true, 'JL24-ART-4'),
        ('311600012',       'B',       true, true, 'JL24-ART-4')$$,
    'JL24-ART-4: every item is class B (乙), outpatient only and paid once per person');

SELECT results_eq(
    $$SELECT code, indications FROM matins.art_item
       WHERE policy = 'JL-2024-MAT' AND indications IS NOT NULL ORDER BY code$$,
    $$VALUES ('311600008'::text, ARRAY['monogenic', 'chromosomal']::text[])$$,
    'JL24-ART-4: only the PGT biopsy is restricted, to monogenic and chromosomal indications');

SELECT ok(
    (SELECT note LIKE '%取卵针%' FROM matins.art_item WHERE policy = 'JL-2024-MAT' AND code = '311600001'),
    'JL24-ART-4: the oocyte retrieval note says 取卵针 is billed apart');

SELECT ok(
    (SELECT note LIKE '%精源%' FROM matins.art_item WHERE policy = 'JL-2024-MAT' AND code = '311600010'),
    'JL24-ART-4: the sperm selection note says 精源 is billed apart');

-- The Reading's standard for the PGT biopsy with n embryos: min(6000, 1500 + 750 × (n − 1)).
SELECT results_eq(
    $$SELECT n, least(price_cap, price + price * surcharge_value * (n - 1))::numeric(12,2)
        FROM matins.art_item, generate_series(1, 7) AS n
       WHERE policy = 'JL-2024-MAT' AND code = '311600008' ORDER BY n$$,
    $$VALUES (1, 1500.00::numeric(12,2)), (2, 2250.00), (3, 3000.00), (4, 3750.00),
             (5, 4500.00), (6, 5250.00), (7, 6000.00)$$,
    'JL24-ART-4: PGT biopsy standard by embryo count reaches the 6000 cap at the seventh embryo');

-- The Reading's standard for ICSI with n eggs and oocyte activation: min(6000, 3000 × n × 1.25).
SELECT results_eq(
    $$SELECT n, least(price_cap, price * n * (1 + surcharge_value))::numeric(12,2)
        FROM matins.art_item, generate_series(1, 2) AS n
       WHERE policy = 'JL-2024-MAT' AND code = '311600012' ORDER BY n$$,
    $$VALUES (1, 3750.00::numeric(12,2)), (2, 6000.00)$$,
    'JL24-ART-4: ICSI with activation is 3750 for one egg and capped at 6000 for two');

-- ---------------------------------------------------------------- constants

SELECT results_eq(
    $$SELECT name, value, unit, source FROM matins.policy_constant
       WHERE policy = 'JL-2024-MAT' ORDER BY name$$,
    $$VALUES
        ('art.deductible.times_per_year'::text,      1::numeric, 'count'::text, 'JL24-ART-2'::text),
        ('delivery.deductible',                      0,          'yuan',        'JL24-DL'),
        ('delivery.ratio',                           1,          'ratio',       'JL24-DL'),
        ('family_planning.reversal_deductible',      0,          'yuan',        'JL24-FP'),
        ('family_planning.reversal_ratio',           1,          'ratio',       'JL24-FP'),
        ('maternity.class_b_pre_self_pay_ratio',     0,          'ratio',       'JL24-SC'),
        ('prenatal.deductible',                      0,          'yuan',        'JL24-PN'),
        ('prenatal.ratio',                           1,          'ratio',       'JL24-PN'),
        ('waiting_period.regional',                  1,          'count',       'JL24-EL')$$,
    'JL24-SC: the numbers the 2024 notice fixes province-wide (100% and no deductible for prenatal, delivery and reversal; no class-B share)');

SELECT is_empty(
    $$SELECT name FROM matins.policy_constant
       WHERE policy = 'JL-2024-MAT' AND description !~ '^[ -~]+$'$$,
    'JL24-SC: constant descriptions are one line of plain English text');

SELECT is_empty(
    $$SELECT name FROM matins.policy_constant
       WHERE policy = 'JL-2024-MAT' AND name IN ('prenatal.cap', 'family_planning.other_ratio',
             'employee.waiting_months', 'art.deductible.l1', 'art.ratio.resident.l1')$$,
    'JL24-PN: numbers left to the region are not shipped as policy constants');

-- ---------------------------------------------------------------- constraints reject bad rows

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
      VALUES ('JL-2024-MAT', '31160001', 'eight digits', 'procedure', 100, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: an item code of eight digits is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
      VALUES ('JL-2024-MAT', '399999991', 'bad unit', '次', 100, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: a unit outside procedure/embryo/egg is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
      VALUES ('JL-2024-MAT', '399999992', 'free', 'procedure', 0, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-3: a price of zero is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, price_cap, source)
      VALUES ('JL-2024-MAT', '399999993', 'cap below price', 'egg', 3000, 2000, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: an item price cap below the price is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price,
                                   surcharge_name, surcharge_kind, surcharge_value, surcharge_payable, source)
      VALUES ('JL-2024-MAT', '399999994', 'big percent', 'procedure', 1000,
              'x', 'percent', 1.5, true, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: a percentage surcharge above 100% is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price,
                                   surcharge_kind, surcharge_value, surcharge_payable, source)
      VALUES ('JL-2024-MAT', '399999995', 'unnamed surcharge', 'procedure', 1000,
              'amount', 100, true, 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: a surcharge without a name is rejected (all four surcharge columns go together)');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, indications, source)
      VALUES ('JL-2024-MAT', '399999996', 'bad indication', 'embryo', 1500, ARRAY['other'], 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: an indication other than monogenic or chromosomal is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, item_class, source)
      VALUES ('JL-2024-MAT', '399999997', 'class C', 'procedure', 1000, 'C', 'JL24-ART-4')$$,
    '23514', NULL,
    'JL24-ART-4: an item class other than A or B is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
      VALUES ('XX-2024-MAT', '399999998', 'no such policy', 'procedure', 1000, 'JL24-ART-4')$$,
    '23503', NULL,
    'JL24-ART-4: an item of an unknown policy is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
      VALUES ('JL-2024-MAT', 'delivery.bad_ratio', 1.5, 'ratio', 'too high', 'JL24-DL')$$,
    '23514', NULL,
    'JL24-DL: a ratio constant above 1 is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
      VALUES ('JL-2024-MAT', 'DeliveryRatio', 1, 'ratio', 'bad name', 'JL24-DL')$$,
    '23514', NULL,
    'JL24-DL: a constant name outside the dotted lower-case form is rejected');

SELECT throws_ok(
    $$INSERT INTO matins.policy_constant (policy, name, value, unit, description, source)
      VALUES ('JL-2024-MAT', 'prenatal.negative', -1, 'yuan', 'negative', 'JL24-PN')$$,
    '23514', NULL,
    'JL24-PN: a negative constant is rejected');

SELECT * FROM finish();
ROLLBACK;

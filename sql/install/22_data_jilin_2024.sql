-- matins 0.1.0: catalog rows of policy JL-2024-MAT (jilin-2024-maternity.txt, 220000, from
-- 2024-07-01).  Rule ids refer to ../shared/policy/rules.md, section 1.
--
-- `shipped` is never named here: matins.guard_catalog_row() marks the rows of extension scripts.

-- JL24-ART-4: the annex of the notice (纳入基金支付范围的辅助生殖类医疗服务项目), eight items.
-- Every item is class B (乙), limited to outpatient care (限门诊) and paid by the fund once per
-- person (基金支付次数限1次/人).  The listed price is the fund's maximum payment standard
-- (JL24-ART-3).  Surcharges follow the digest's Reading: a listed surcharge is part of the
-- standard unless the fund condition excludes it, which only happens for 311600001.
--   311600001: endoscopic operation +10% of the price, excluded from payment by the annex.
--   311600008: priced per embryo (or egg); each unit from the second adds 50% of the price, and
--              the item as a whole never exceeds 6000; restricted to the two genetic indications.
--   311600012: priced per egg and procedure (卵·次); oocyte activation adds 25%, the item never
--              exceeds 6000.
-- Items listing 除外内容 (取卵针, 精源) bill those separately; the note records it.
INSERT INTO @extschema@.art_item
    (policy, code, name, unit, price,
     surcharge_name, surcharge_kind, surcharge_value, surcharge_payable, price_cap,
     item_class, outpatient_only, once_per_person, indications, note, source)
VALUES
    ('JL-2024-MAT', '311600001', '取卵术', 'procedure', 2500.00,
     '内镜下操作加收', 'percent', 0.10, false, NULL,
     'B', true, true, NULL,
     '取卵针 billed separately (excluded content); the endoscopic surcharge is not paid by the fund',
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600002', '胚胎培养', 'procedure', 4050.00,
     '囊胚培养加收', 'amount', 1300, true, NULL,
     'B', true, true, NULL, NULL,
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600005', '胚胎移植', 'procedure', 2800.00,
     '冻融胚胎加收', 'amount', 1500, true, NULL,
     'B', true, true, NULL, NULL,
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600008', '组织、细胞活检（辅助生殖）', 'embryo', 1500.00,
     '从第2个胚胎（卵）起每个胚胎（卵）加收', 'per_extra_unit', 0.50, true, 6000.00,
     'B', true, true, ARRAY['monogenic', 'chromosomal'],
     'paid only for couples with a monogenic-disease indication or a chromosomal structural abnormality; the claim line names the indication',
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600009', '人工授精', 'procedure', 600.00,
     NULL, NULL, NULL, NULL, NULL,
     'B', true, true, NULL, NULL,
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600010', '精子优选处理', 'procedure', 900.00,
     NULL, NULL, NULL, NULL, NULL,
     'B', true, true, NULL,
     '精源 billed separately (excluded content)',
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600011', '取精术', 'procedure', 900.00,
     '显微镜下操作加收', 'amount', 2000, true, NULL,
     'B', true, true, NULL, NULL,
     'JL24-ART-4'),
    ('JL-2024-MAT', '311600012', '单精子注射', 'egg', 3000.00,
     '卵子激活加收', 'percent', 0.25, true, 6000.00,
     'B', true, true, NULL, NULL,
     'JL24-ART-4');

-- Numbers the notice fixes for the whole province.  Numbers it leaves to the pooling regions
-- (the prenatal cap and its floor of 1000, the ART deductible and ratios, the ratio for other
-- family-planning costs, the waiting period) are region parameters and limits, not rows here.
INSERT INTO @extschema@.policy_constant (policy, name, value, unit, description, source) VALUES
    ('JL-2024-MAT', 'art.deductible.times_per_year', 1, 'count',
     'The ART deductible is charged once per calendar year; a later claim at a higher level pays only the difference',
     'JL24-ART-2'),
    ('JL-2024-MAT', 'prenatal.ratio', 1, 'ratio',
     'Share of in-scope outpatient prenatal cost the maternity fund pays, up to the per-pregnancy cap',
     'JL24-PN'),
    ('JL-2024-MAT', 'prenatal.deductible', 0, 'yuan',
     'Deductible for outpatient prenatal checks within one pregnancy (none)',
     'JL24-PN'),
    ('JL-2024-MAT', 'delivery.ratio', 1, 'ratio',
     'Share of in-scope inpatient delivery cost the maternity fund pays for insured female employees',
     'JL24-DL'),
    ('JL-2024-MAT', 'delivery.deductible', 0, 'yuan',
     'Deductible for inpatient delivery of insured female employees (none)',
     'JL24-DL'),
    ('JL-2024-MAT', 'family_planning.reversal_ratio', 1, 'ratio',
     'Share paid for IUD removal and tubal or vas reversal with their complications (the delivery level)',
     'JL24-FP'),
    ('JL-2024-MAT', 'family_planning.reversal_deductible', 0, 'yuan',
     'Deductible for IUD removal and tubal or vas reversal (none, as for delivery)',
     'JL24-FP'),
    ('JL-2024-MAT', 'maternity.class_b_pre_self_pay_ratio', 0, 'ratio',
     'Class-B pre-self-pay on maternity routes (none: class A and B are not distinguished)',
     'JL24-SC');

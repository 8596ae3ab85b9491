-- pgTAP: assisted reproduction in Jilin (JL24-ART-1..4): item standards, payable and non-payable
-- surcharges, price caps, quantity rules, the PGT indication, once per person, the yearly
-- deductible with top-up, class-B pre-self-pay, ratios by scheme and level, yearly caps.  Every
-- amount computed by hand from rules.md; every settlement check also asserts the identities.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(52);

\ir lib/settle_helpers.sql

-- an ART claim in Jilin (resident unless scheme says otherwise)
CREATE FUNCTION pg_temp.a(claim_id bigint, lines matins.claim_line[], hospital_level integer DEFAULT 3,
    scheme text DEFAULT 'resident', service_date date DEFAULT '2025-03-01', person_id bigint DEFAULT 1)
    RETURNS matins.claim LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.c(claim_id, '220000', service_date, 'art', NULL,
        person_type => CASE scheme WHEN 'resident' THEN 'resident' ELSE 'enterprise' END,
        scheme => scheme, person_id => person_id, hospital_level => hospital_level, lines => lines)
$$;

-- the region's ART numbers (JL24-ART-2 leaves them to the region)
DO $$
BEGIN
    PERFORM matins.set_param('220000', 'art.deductible.l1', 300, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l1', 0.65, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l2', 0.60, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l1', 0.85, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l2', 0.80, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.employee.l3', 0.75, '2024-07-01');
    PERFORM matins.set_param('220000', 'employee.class_b_rate', 0.08, '2024-07-01');
    -- the employee yearly maximum only from 2025: 2024 employee claims have none
    PERFORM matins.set_param('220000', 'employee.annual_cap', 300000, '2025-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
END $$;

------------------------------------------------------------------ JL24-ART-3/4: each item's standard
-- resident, level 3 (deductible 1000, 55%, class B 10%) unless said otherwise

-- 311600001 2750 incl. the endoscopic surcharge 250, which the fund does not pay:
--   self 250; standard 2500; class B 2500 -> pre 250; in_scope = 2750 - 250 - 250 = 2250;
--   fund = (2250 - 1000) x 55% = 687.50; copay 562.50; personal 2062.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(1, ARRAY[pg_temp.l('311600001', 1, 2750, 250)])),
  '{"policy": "JL-2024-MAT", "route": "resident.art", "self_pay": 250, "over_limit": 0,
    "pre_self_pay": 250, "in_scope": 2250, "deductible": 1000, "pooled_fund": 687.50,
    "maternity_fund": 0, "copay": 562.50, "personal": 2062.50,
    "has_notes": ["JL24-ART-2", "JL24-ART-3", "JL24-ART-4", "no_critical_illness"]}',
  'JL24-ART-4: 311600001''s endoscopic surcharge is not paid (self_pay)');
-- 311600001 charged 2600 without surcharge: standard 2500 -> over_limit 100; pre 250; in_scope 2250
SELECT pg_temp.settles(matins_settle(pg_temp.a(2, ARRAY[pg_temp.l('311600001', 1, 2600)])),
  '{"self_pay": 0, "over_limit": 100, "pre_self_pay": 250, "in_scope": 2250, "pooled_fund": 687.50,
    "personal": 1912.50}',
  'JL24-ART-3: a charge above the price is over_limit');
-- charged 2300 < 2500: the charge is the standard; pre 230; in_scope 2070; (2070 - 1000) x 55% = 588.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(3, ARRAY[pg_temp.l('311600001', 1, 2300)])),
  '{"over_limit": 0, "pre_self_pay": 230, "in_scope": 2070, "pooled_fund": 588.50}',
  'JL24-ART-3: a charge below the price is the standard');
-- 311600002 5500 incl. blastocyst 1300 (paid): standard 4050 + 1300 = 5350; over_limit 150;
-- pre 535; in_scope 4815; (4815 - 1000) x 55% = 2098.25
SELECT pg_temp.settles(matins_settle(pg_temp.a(4, ARRAY[pg_temp.l('311600002', 1, 5500, 1300)])),
  '{"self_pay": 0, "over_limit": 150, "pre_self_pay": 535, "in_scope": 4815, "pooled_fund": 2098.25}',
  'JL24-ART-4: 311600002''s blastocyst surcharge is part of the standard');
-- 311600002 4200 without surcharge: standard 4050; over_limit 150; pre 405; in_scope 3645;
-- 2645 x 55% = 1454.75
SELECT pg_temp.settles(matins_settle(pg_temp.a(5, ARRAY[pg_temp.l('311600002', 1, 4200)])),
  '{"over_limit": 150, "pre_self_pay": 405, "in_scope": 3645, "pooled_fund": 1454.75}',
  'JL24-ART-4: without the surcharge 311600002''s standard is its price');
-- 311600005 4300 incl. frozen-thawed 1500: standard 4300; pre 430; in_scope 3870; 2870 x 55% = 1578.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(6, ARRAY[pg_temp.l('311600005', 1, 4300, 1500)])),
  '{"over_limit": 0, "pre_self_pay": 430, "in_scope": 3870, "pooled_fund": 1578.50}',
  'JL24-ART-4: 311600005''s frozen-embryo surcharge is paid');
-- 311600011 2900 incl. microscope 2000: standard 2900; pre 290; in_scope 2610; 1610 x 55% = 885.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(7, ARRAY[pg_temp.l('311600011', 1, 2900, 2000)])),
  '{"over_limit": 0, "pre_self_pay": 290, "in_scope": 2610, "pooled_fund": 885.50}',
  'JL24-ART-4: 311600011''s microscope surcharge is paid');
-- 311600009 600 at level 1 (deductible 300, 65%): pre 60; in_scope 540; (540 - 300) x 65% = 156
SELECT pg_temp.settles(matins_settle(pg_temp.a(8, ARRAY[pg_temp.l('311600009', 1, 600)], 1)),
  '{"pre_self_pay": 60, "in_scope": 540, "deductible": 300, "pooled_fund": 156, "copay": 84}',
  'JL24-ART-2: level 1: deductible 300, 65% for residents');
-- 311600009 700 with a surcharge of 100 the item does not list: no part of the standard 600, so
-- the 100 is over_limit (JL24-ART-3), not self_pay (only a listed, excluded surcharge is); level 1:
-- pre 60; in_scope 540; (540 - 300) x 65% = 156; copay 84; personal 700 - 156 = 544
SELECT pg_temp.settles(matins_settle(pg_temp.a(81, ARRAY[pg_temp.l('311600009', 1, 700, 100)], 1)),
  '{"self_pay": 0, "over_limit": 100, "pre_self_pay": 60, "in_scope": 540, "deductible": 300,
    "pooled_fund": 156, "copay": 84, "personal": 544}',
  'JL24-ART-3: a surcharge the item does not list is over_limit');
-- 311600010 1000 at level 2 (600, 60%): standard 900; over_limit 100; pre 90; in_scope 810;
-- (810 - 600) x 60% = 126
SELECT pg_temp.settles(matins_settle(pg_temp.a(9, ARRAY[pg_temp.l('311600010', 1, 1000)], 2)),
  '{"over_limit": 100, "pre_self_pay": 90, "in_scope": 810, "deductible": 600, "pooled_fund": 126}',
  'JL24-ART-2: level 2: deductible 600, 60% for residents');

-- 311600008 PGT biopsy, n embryos, monogenic indication, charged 1600 per embryo; the year's
-- deductible already paid (prior), so fund = in_scope x 55%; standard min(6000, 1500 + 750 (n - 1))
--   n=1: standard 1500; over_limit 100; pre 150; in_scope 1350; fund 742.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(11, ARRAY[pg_temp.l('311600008', 1, 1600, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 100, "pre_self_pay": 150, "in_scope": 1350, "deductible": 0, "pooled_fund": 742.50}',
  'JL24-ART-4: 311600008 with 1 embryo: standard 1500');
--   n=2: standard 2250; over_limit 3200 - 2250 = 950; pre 225; in_scope 2025; fund 1113.75
SELECT pg_temp.settles(matins_settle(pg_temp.a(12, ARRAY[pg_temp.l('311600008', 2, 3200, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 950, "pre_self_pay": 225, "in_scope": 2025, "pooled_fund": 1113.75}',
  'JL24-ART-4: 311600008 with 2 embryos: standard 1500 + 750 = 2250');
--   n=3: standard 3000; over_limit 1800; pre 300; in_scope 2700; fund 1485
SELECT pg_temp.settles(matins_settle(pg_temp.a(13, ARRAY[pg_temp.l('311600008', 3, 4800, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 1800, "pre_self_pay": 300, "in_scope": 2700, "pooled_fund": 1485}',
  'JL24-ART-4: 311600008 with 3 embryos: standard 3000');
--   n=4: standard 3750; over_limit 2650; pre 375; in_scope 3375; fund 1856.25
SELECT pg_temp.settles(matins_settle(pg_temp.a(14, ARRAY[pg_temp.l('311600008', 4, 6400, 0, 'chromosomal')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 2650, "pre_self_pay": 375, "in_scope": 3375, "pooled_fund": 1856.25}',
  'JL24-ART-4: 311600008 with 4 embryos: standard 3750 (chromosomal indication)');
--   n=5: standard 4500; over_limit 3500; pre 450; in_scope 4050; fund 2227.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(15, ARRAY[pg_temp.l('311600008', 5, 8000, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 3500, "pre_self_pay": 450, "in_scope": 4050, "pooled_fund": 2227.50}',
  'JL24-ART-4: 311600008 with 5 embryos: standard 4500');
--   n=7: 1500 + 750 x 6 = 6000, exactly the cap; over_limit 11200 - 6000 = 5200; pre 600;
--   in_scope 5400; fund 2970
SELECT pg_temp.settles(matins_settle(pg_temp.a(16, ARRAY[pg_temp.l('311600008', 7, 11200, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 5200, "pre_self_pay": 600, "in_scope": 5400, "pooled_fund": 2970}',
  'JL24-ART-4: 311600008 with 7 embryos reaches the 6000 price cap exactly');
--   n=8: 1500 + 750 x 7 = 6750 -> capped at 6000; over_limit 12800 - 6000 = 6800
SELECT pg_temp.settles(matins_settle(pg_temp.a(17, ARRAY[pg_temp.l('311600008', 8, 12800, 0, 'monogenic')]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 6800, "pre_self_pay": 600, "in_scope": 5400, "pooled_fund": 2970}',
  'JL24-ART-4: 311600008 with 8 embryos is capped at 6000');
--   without the indication the fund pays nothing for the line: all 3000 self_pay
SELECT pg_temp.settles(matins_settle(pg_temp.a(18, ARRAY[pg_temp.l('311600008', 2, 3000)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"self_pay": 3000, "over_limit": 0, "pre_self_pay": 0, "in_scope": 0, "pooled_fund": 0,
    "personal": 3000, "has_notes": ["JL24-ART-4:indication"]}',
  'JL24-ART-4: 311600008 without a genetic indication is not paid');

-- 311600012 ICSI, per egg, activation +25%, at most 6000 (deductible paid before)
--   1 egg, 3000: standard 3000; pre 300; in_scope 2700; fund 1485
SELECT pg_temp.settles(matins_settle(pg_temp.a(21, ARRAY[pg_temp.l('311600012', 1, 3000)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 0, "pre_self_pay": 300, "in_scope": 2700, "pooled_fund": 1485}',
  'JL24-ART-4: 311600012 with one egg: standard 3000');
--   1 egg with activation, 3750 incl. 750: standard 3000 x 1.25 = 3750; pre 375; in_scope 3375;
--   fund 1856.25
SELECT pg_temp.settles(matins_settle(pg_temp.a(22, ARRAY[pg_temp.l('311600012', 1, 3750, 750)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 0, "pre_self_pay": 375, "in_scope": 3375, "pooled_fund": 1856.25}',
  'JL24-ART-4: 311600012 with activation: standard 3750');
--   1 egg with activation charged 4000: over_limit 250
SELECT pg_temp.settles(matins_settle(pg_temp.a(23, ARRAY[pg_temp.l('311600012', 1, 4000, 750)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 250, "pre_self_pay": 375, "in_scope": 3375}',
  'JL24-ART-3: 311600012 with activation charged above 3750');
--   2 eggs, 6400: 3000 x 2 = 6000 (the cap); over_limit 400; pre 600; in_scope 5400; fund 2970
SELECT pg_temp.settles(matins_settle(pg_temp.a(24, ARRAY[pg_temp.l('311600012', 2, 6400)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 400, "pre_self_pay": 600, "in_scope": 5400, "pooled_fund": 2970}',
  'JL24-ART-4: 311600012 with two eggs: standard 6000');
--   2 eggs with activation, 7500 incl. 1500: 7500 capped at 6000; over_limit 1500
SELECT pg_temp.settles(matins_settle(pg_temp.a(25, ARRAY[pg_temp.l('311600012', 2, 7500, 1500)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 1500, "pre_self_pay": 600, "in_scope": 5400}',
  'JL24-ART-4: 311600012 with two activated eggs is capped at 6000');
--   3 eggs, 9000: capped at 6000; over_limit 3000
SELECT pg_temp.settles(matins_settle(pg_temp.a(26, ARRAY[pg_temp.l('311600012', 3, 9000)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"over_limit": 3000, "pre_self_pay": 600, "in_scope": 5400}',
  'JL24-ART-4: 311600012 with three eggs is capped at 6000');

-- a per-procedure item billed with quantity 2 is paid for one (rules.md §0)
--   311600009 x 2 = 1200: 600 self; standard 600; pre 60; in_scope 540; fund 297
SELECT pg_temp.settles(matins_settle(pg_temp.a(31, ARRAY[pg_temp.l('311600009', 2, 1200)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"self_pay": 600, "over_limit": 0, "pre_self_pay": 60, "in_scope": 540, "pooled_fund": 297}',
  'JL24-ART-4: a procedure billed twice is paid once, the second is self_pay');
--   311600001 x 2 = 5500 incl. surcharge 500: 500 surcharge + 2500 second unit self; standard 2500;
--   pre 250; in_scope 2250; fund 1237.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(32, ARRAY[pg_temp.l('311600001', 2, 5500, 500)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"self_pay": 3000, "over_limit": 0, "pre_self_pay": 250, "in_scope": 2250, "pooled_fund": 1237.50}',
  'JL24-ART-4: quantity 2 with a non-payable surcharge');
-- other lines of an ART claim: a class-A test 300 (in scope, nothing first), a class-B drug 1000
-- (10% first), a self-paid item 200, with 311600009 600:
--   self 200; class B 600 + 1000 = 1600 -> pre 160; in_scope = 2100 - 200 - 160 = 1740;
--   deductible 1000; fund 740 x 55% = 407
SELECT pg_temp.settles(matins_settle(pg_temp.a(33, ARRAY[pg_temp.l('311600009', 1, 600),
    pg_temp.l('LAB-1', 1, 300, item_class => 'A'), pg_temp.l('DRUG-1', 1, 1000, item_class => 'B'),
    pg_temp.l('SELF-1', 1, 200, item_class => 'self')])),
  '{"total": 2100, "self_pay": 200, "pre_self_pay": 160, "in_scope": 1740, "deductible": 1000,
    "pooled_fund": 407}',
  'JL24-ART-2: class A, class B and self-paid lines beside the ART items');
-- an ART claim with no listed item (a class-A test 300, a class-B drug 1000, a self-paid item
-- 200): self 200; class B 1000 -> pre 100 (JL19-B); in_scope = 1500 - 200 - 100 = 1200;
-- deductible 1000; fund 200 x 55% = 110; copay 90; personal 1390.  No line is an item of the
-- list, so neither JL24-ART-3 nor JL24-ART-4 is cited
SELECT pg_temp.settles(matins_settle(pg_temp.a(34, ARRAY[pg_temp.l('LAB-1', 1, 300, item_class => 'A'),
    pg_temp.l('DRUG-1', 1, 1000, item_class => 'B'), pg_temp.l('SELF-1', 1, 200, item_class => 'self')])),
  '{"total": 1500, "self_pay": 200, "over_limit": 0, "pre_self_pay": 100, "in_scope": 1200,
    "deductible": 1000, "pooled_fund": 110, "copay": 90, "personal": 1390,
    "notes": ["JL24-ART-2", "JL19-B", "no_critical_illness"]}',
  'JL24-ART-2: an ART claim without a listed item cites neither JL24-ART-3 nor JL24-ART-4');

------------------------------------------------------------------ once per person
-- run: 2025-03 311600009 600 (level 3: in_scope 540, all deductible, fund 0 - the item's one time
-- is used all the same); 2025-06 311600009 600 again + 311600010 900: the first line is self_pay,
-- the second class B 900 -> pre 90; in_scope 810; deductible 1000 - 540 = 460; fund 350 x 55% =
-- 192.50; 2026-02 311600010 again: used for life -> self 900, nothing in scope
CREATE TEMP TABLE once1 AS SELECT ARRAY[
    pg_temp.a(41, ARRAY[pg_temp.l('311600009', 1, 600)], person_id => 41),
    pg_temp.a(42, ARRAY[pg_temp.l('311600009', 1, 600), pg_temp.l('311600010', 1, 900)],
              service_date => '2025-06-01', person_id => 41),
    pg_temp.a(43, ARRAY[pg_temp.l('311600010', 1, 900)], service_date => '2026-02-01', person_id => 41)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM once1), 41),
  '{"in_scope": 540, "deductible": 540, "pooled_fund": 0}',
  'JL24-ART-2: a first item absorbed by the deductible (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM once1), 42),
  '{"self_pay": 600, "pre_self_pay": 90, "in_scope": 810, "deductible": 460, "pooled_fund": 192.50,
    "has_notes": ["JL24-ART-4:once_per_person"]}',
  'JL24-ART-4: an item is paid once per person even when the deductible took it all (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM once1), 43),
  '{"self_pay": 900, "in_scope": 0, "pooled_fund": 0, "personal": 900}',
  'JL24-ART-4: once per person is for life, not per year (run)');
-- prior art_items_used: 311600001 used; with 311600002 4050 and the deductible paid:
-- self 2500; pre 405; in_scope 3645; fund 2004.75
SELECT pg_temp.settles(matins_settle(pg_temp.a(44, ARRAY[pg_temp.l('311600001', 1, 2500), pg_temp.l('311600002', 1, 4050)]),
    '{"art_items_used": ["311600001"], "art_deductible_paid": 1000}'::jsonb),
  '{"self_pay": 2500, "pre_self_pay": 405, "in_scope": 3645, "pooled_fund": 2004.75}',
  'JL24-ART-4: prior art_items_used marks items already paid');
-- the same item twice in one claim: the second line is self_pay; 540 x 55% = 297
SELECT pg_temp.settles(matins_settle(pg_temp.a(45, ARRAY[pg_temp.l('311600009', 1, 600), pg_temp.l('311600009', 1, 600)]),
    '{"art_deductible_paid": 1000}'::jsonb),
  '{"self_pay": 600, "pre_self_pay": 60, "in_scope": 540, "pooled_fund": 297}',
  'JL24-ART-4: the same item twice in one claim is paid once');
-- without the indication the item is not used: a later claim with the indication is paid
CREATE TEMP TABLE once2 AS SELECT ARRAY[
    pg_temp.a(46, ARRAY[pg_temp.l('311600008', 1, 1500)], person_id => 46),
    pg_temp.a(47, ARRAY[pg_temp.l('311600008', 1, 1500, 0, 'monogenic')], service_date => '2025-04-01', person_id => 46)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM once2), 47),
  '{"self_pay": 0, "pre_self_pay": 150, "in_scope": 1350, "deductible": 1000, "pooled_fund": 192.50}',
  'JL24-ART-4: a line refused for its indication does not use the item''s one time (run)');

------------------------------------------------------------------ the yearly deductible with top-up
-- run of one resident: 2025-03 level 2, 311600002 4050: pre 405; in_scope 3645; deductible 600;
--   3045 x 60% = 1827
-- 2025-05 level 3, 311600005 2800: pre 280; in_scope 2520; deductible 1000 - 600 = 400;
--   2120 x 55% = 1166
-- 2025-08 level 1, 311600009 600: pre 60; in_scope 540; deductible 0 (300 < 1000 paid);
--   540 x 65% = 351
-- 2026-01 level 1, 311600010 900: a new year: deductible 300; (810 - 300) x 65% = 331.50
CREATE TEMP TABLE ded1 AS SELECT ARRAY[
    pg_temp.a(51, ARRAY[pg_temp.l('311600002', 1, 4050)], 2, service_date => '2025-03-01', person_id => 51),
    pg_temp.a(52, ARRAY[pg_temp.l('311600005', 1, 2800)], 3, service_date => '2025-05-01', person_id => 51),
    pg_temp.a(53, ARRAY[pg_temp.l('311600009', 1, 600)], 1, service_date => '2025-08-01', person_id => 51),
    pg_temp.a(54, ARRAY[pg_temp.l('311600010', 1, 900)], 1, service_date => '2026-01-10', person_id => 51)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ded1), 51),
  '{"deductible": 600, "pooled_fund": 1827}',
  'JL24-ART-2: the first ART claim of the year pays its level''s deductible (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ded1), 52),
  '{"deductible": 400, "pooled_fund": 1166}',
  'JL24-ART-2: at a higher level later in the year only the difference is paid (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ded1), 53),
  '{"deductible": 0, "pooled_fund": 351}',
  'JL24-ART-2: at a lower level later in the year no deductible (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ded1), 54),
  '{"deductible": 300, "pooled_fund": 331.50}',
  'JL24-ART-2: a new year pays the deductible again (run)');
SELECT pg_temp.settles(matins_settle(pg_temp.a(55, ARRAY[pg_temp.l('311600005', 1, 2800)], 3),
    '{"art_deductible_paid": 600}'::jsonb),
  '{"deductible": 400, "pooled_fund": 1166}',
  'JL24-ART-2: the top-up with the earlier deductible given as prior');

------------------------------------------------------------------ employees and residents
-- employee at level 3 (1000, 75%, class B 8%): 311600002 4050: pre 324; in_scope 3726;
-- (3726 - 1000) x 75% = 2044.50
SELECT pg_temp.settles(matins_settle(pg_temp.a(61, ARRAY[pg_temp.l('311600002', 1, 4050)], 3, 'employee')),
  '{"route": "employee.art", "pre_self_pay": 324, "in_scope": 3726, "deductible": 1000,
    "pooled_fund": 2044.50, "maternity_fund": 0}',
  'JL24-ART-2: employees: the employee class-B rate and ratio');
-- employee at level 2: 311600009 600: pre 48; in_scope 552 < 600: all deductible
SELECT pg_temp.settles(matins_settle(pg_temp.a(62, ARRAY[pg_temp.l('311600009', 1, 600)], 2, 'employee')),
  '{"pre_self_pay": 48, "in_scope": 552, "deductible": 552, "pooled_fund": 0}',
  'JL24-ART-2: employees: an amount within the deductible is not paid');
-- the employee yearly maximum: 299000 paid; 2044.50 due -> 1000 paid, 1044.50 over -> personal
SELECT pg_temp.settles(matins_settle(pg_temp.a(63, ARRAY[pg_temp.l('311600002', 1, 4050)], 3, 'employee'),
    '{"employee_fund_paid": 299000}'::jsonb),
  '{"pooled_fund": 1000, "over_cap": 1044.50, "transfer_to": "personal", "has_notes": ["annual_cap"]}',
  'JL24-ART-2: ART payments count toward the employee yearly maximum');
-- without employee.annual_cap (unset before 2025): an error naming it
SELECT throws_ok($$SELECT matins_settle(pg_temp.a(64, ARRAY[pg_temp.l('311600002', 1, 4050)], 3, 'employee', '2024-09-01'))$$,
  '22023', 'region parameter "employee.annual_cap" is not set for region 220000 on 2024-09-01',
  'JL24-ART-2: an employee ART claim without employee.annual_cap is an error naming it');
-- the resident yearly maximum (200000): 199500 paid; 311600002 4050 with the deductible paid:
-- 3645 x 55% = 2004.75 due -> 500 paid; 1504.75 over -> personal (never critical illness)
SELECT pg_temp.settles(matins_settle(pg_temp.a(65, ARRAY[pg_temp.l('311600002', 1, 4050)]),
    '{"resident_fund_paid": 199500, "art_deductible_paid": 1000}'::jsonb),
  '{"pooled_fund": 500, "over_cap": 1504.75, "transfer_to": "personal",
    "has_notes": ["annual_cap", "no_critical_illness"]}',
  'JL24-ART-2: resident ART payments stop at the 200000 yearly maximum; the rest is personal');
-- the maximum is shared with inpatient care: ART 2025-02 (3645 - 1000) x 55% = 1454.75; then a
-- 250000 stay at level 1: 220340 due, 200000 - 1454.75 = 198545.25 left; 21794.75 over
CREATE TEMP TABLE cap1 AS SELECT ARRAY[
    pg_temp.a(66, ARRAY[pg_temp.l('311600002', 1, 4050)], service_date => '2025-02-01', person_id => 66),
    pg_temp.c(67, '220000', '2025-03-01', 'inpatient', 250000, person_type => 'resident', person_id => 66,
              hospital_level => 1)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM cap1), 67),
  '{"pooled_fund": 198545.25, "over_cap": 21794.75, "transfer_to": "critical_illness"}',
  'JL24-ART-2: ART payments count toward the resident yearly maximum with inpatient care (run)');
-- ART is only in the catalog from 2024-07-01, and only outpatient
SELECT throws_ok($$SELECT matins_settle(pg_temp.a(68, ARRAY[pg_temp.l('311600009', 1, 600)], service_date => '2024-06-30'))$$,
  '22023', 'no rule settles benefit art for person type resident, scheme resident (outpatient, procedure none, location local) under JL-2019-RES',
  'JL24-ART-1: no ART route before 2024-07-01');

------------------------------------------------------------------ who (0.5.0)
-- rules.md §0: a spouse has no route in Jilin, ART included, in either scheme
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(69, '220000', '2025-03-01', 'art', NULL, person_type => 'spouse',
        scheme => 'employee', hospital_level => 1, lines => ARRAY[pg_temp.l('311600009', 1, 600)]))$$,
  '22023', 'no rule settles benefit art for person type spouse, scheme employee (outpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL24-ART-2: a spouse (employee scheme) has no ART route in Jilin');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(70, '220000', '2025-03-01', 'art', NULL, person_type => 'spouse',
        scheme => 'resident', hospital_level => 1, lines => ARRAY[pg_temp.l('311600009', 1, 600)]))$$,
  '22023', 'no rule settles benefit art for person type spouse, scheme resident (outpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL24-ART-2: a spouse (resident scheme) has no ART route in Jilin');
-- a flexible worker in employee insurance: 311600009 600 at level 1, class B 8% = 48,
-- in_scope 552, (552 - 300) x 85% = 214.20
SELECT pg_temp.settles(matins_settle(pg_temp.c(71, '220000', '2025-03-01', 'art', NULL, person_type => 'flexible',
        scheme => 'employee', hospital_level => 1, lines => ARRAY[pg_temp.l('311600009', 1, 600)])),
  '{"route": "employee.art", "pre_self_pay": 48, "in_scope": 552, "deductible": 300, "pooled_fund": 214.20}',
  'JL24-ART-2: a flexible worker in employee insurance has the employee ART route');
-- a resident's class-B share is JL19-B's and cited: 311600009 600 at level 1, 10% = 60,
-- in_scope 540, (540 - 300) x 65% = 156
SELECT pg_temp.settles(matins_settle(pg_temp.a(72, ARRAY[pg_temp.l('311600009', 1, 600)], hospital_level => 1)),
  '{"pre_self_pay": 60, "pooled_fund": 156,
    "notes": ["JL24-ART-2", "JL24-ART-3", "JL24-ART-4", "JL19-B", "no_critical_illness"]}',
  'JL19-B: a resident ART claim cites the class-B rule in its notes');
-- a claim with no class-B line needs no class-B rate (0.5.0): the employee rate ended, a
-- self-paid line alone: self_pay 600, nothing in scope, nothing paid
SELECT matins.end_param('220000', 'employee.class_b_rate', '2025-05-31');
SELECT pg_temp.settles(matins_settle(pg_temp.a(73, ARRAY[ROW('311600009', 'self', 1, 600, 0, NULL)::matins.claim_line],
        scheme => 'employee', service_date => '2025-06-01')),
  '{"self_pay": 600, "pre_self_pay": 0, "in_scope": 0, "pooled_fund": 0}',
  'JL24-ART-2: an ART claim without class-B lines does not need employee.class_b_rate');
SELECT throws_ok($$SELECT matins_settle(pg_temp.a(74, ARRAY[pg_temp.l('311600009', 1, 600)], scheme => 'employee',
        service_date => '2025-06-01'))$$,
  '22023', 'region parameter "employee.class_b_rate" is not set for region 220000 on 2025-06-01',
  'JL24-ART-2: with a class-B line the unset employee.class_b_rate is an error naming it');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: Jilin resident insurance 2019 (JL19-IP, JL19-B, JL19-SP, day surgery, JL19-OP, JL19-CH),
-- every expected amount computed by hand from rules.md.  Every settlement check also asserts the
-- identities (see pg_temp.got).
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(114);

\ir lib/settle_helpers.sql

-- a resident's claim in Jilin
CREATE FUNCTION pg_temp.r(claim_id bigint, service_date date, benefit text, total numeric,
    hospital_level integer DEFAULT NULL, person_id bigint DEFAULT 1, disease text DEFAULT NULL,
    referral text DEFAULT NULL, location text DEFAULT 'local', setting text DEFAULT NULL,
    self_pay numeric DEFAULT 0, class_b numeric DEFAULT 0, lines matins.claim_line[] DEFAULT NULL,
    region text DEFAULT '220000')
    RETURNS matins.claim LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.c(claim_id, region, service_date, benefit, total, person_type => 'resident',
        person_id => person_id, disease => disease, hospital_level => hospital_level,
        referral => referral, location => location, setting => setting, self_pay => self_pay,
        class_b => class_b, lines => lines)
$$;

-- region parameters the resident policy leaves to the region
DO $$
BEGIN
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    -- level 3: 800 until the end of 2025, 900 from 2026
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 800, '2020-01-01', '2025-12-31');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 900, '2026-01-01');
    PERFORM matins.set_param('220000', 'resident.special.deductible', 1000, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.deductible', 50, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.chronic.deductible', 100, '2020-01-01');
    -- Changchun chooses the 1000 outpatient limit
    PERFORM matins.set_param('220100', 'resident.outpatient.limit', 1000, '2020-01-01');
END $$;

------------------------------------------------------------------ JL19-IP
-- level 3: deductible 800; (10000 - 800) x 55% = 5060; copay 4140; personal 4940
SELECT pg_temp.settles(matins_settle(pg_temp.r(1, '2025-03-01', 'inpatient', 10000, 3)),
  '{"policy": "JL-2019-RES", "route": "resident.inpatient", "in_scope": 10000, "deductible": 800,
    "pooled_fund": 5060, "maternity_fund": 0, "copay": 4140, "over_cap": 0, "personal": 4940,
    "has_notes": ["JL19-IP"]}',
  'JL19-IP: level 3, deductible 800, 55% below 30000');
-- level 2: (5000 - 500) x 70% = 3150
SELECT pg_temp.settles(matins_settle(pg_temp.r(2, '2025-03-01', 'inpatient', 5000, 2)),
  '{"deductible": 500, "pooled_fund": 3150, "copay": 1350}',
  'JL19-IP: level 2, deductible 500, 70% below 30000');
-- level 1: (5000 - 200) x 80% = 3840
SELECT pg_temp.settles(matins_settle(pg_temp.r(3, '2025-03-01', 'inpatient', 5000, 1)),
  '{"deductible": 200, "pooled_fund": 3840, "copay": 960}',
  'JL19-IP: level 1, deductible 200, 80% below 30000');
-- the region's new level-3 deductible from 2026: (10000 - 900) x 55% = 5005
SELECT pg_temp.settles(matins_settle(pg_temp.r(4, '2026-02-01', 'inpatient', 10000, 3)),
  '{"deductible": 900, "pooled_fund": 5005}',
  'JL19-IP: the deductible set for 2026 (900) applies to 2026 stays');
-- a stay below the deductible: all of it is deductible, nothing paid
SELECT pg_temp.settles(matins_settle(pg_temp.r(5, '2025-03-01', 'inpatient', 600, 3)),
  '{"deductible": 600, "pooled_fund": 0, "copay": 0}',
  'JL19-IP: a stay below the deductible is not paid');
-- level 2, 70000 crossing 30000 and 60000: (30000 - 500) x 70% = 20650; 30000 x 75% = 22500;
-- 10000 x 80% = 8000; fund 51150; copay = 70000 - 500 - 51150 = 18350
SELECT pg_temp.settles(matins_settle(pg_temp.r(6, '2025-03-01', 'inpatient', 70000, 2)),
  '{"deductible": 500, "pooled_fund": 51150, "copay": 18350, "personal": 18850}',
  'JL19-IP: one stay crossing 30000 and 60000 is paid band by band (level 2)');
-- level 1, 65000: 29800 x 80% = 23840; 30000 x 85% = 25500; 5000 x 90% = 4500; fund 53840
SELECT pg_temp.settles(matins_settle(pg_temp.r(7, '2025-03-01', 'inpatient', 65000, 1)),
  '{"deductible": 200, "pooled_fund": 53840, "copay": 10960}',
  'JL19-IP: one stay crossing 30000 and 60000 is paid band by band (level 1)');
-- exactly 30000 at level 3: (30000 - 800) x 55% = 16060 (30000 is still the first band)
SELECT pg_temp.settles(matins_settle(pg_temp.r(8, '2025-03-01', 'inpatient', 30000, 3)),
  '{"pooled_fund": 16060}',
  'JL19-IP: a position of exactly 30000 stays in the first band');
-- from position 30000: deductible 800 counts 30000..30800; (40800 - 30800) x 60% = 6000
SELECT pg_temp.settles(matins_settle(pg_temp.r(9, '2025-03-01', 'inpatient', 10800, 3),
    '{"inpatient_position": 30000}'::jsonb),
  '{"deductible": 800, "pooled_fund": 6000}',
  'JL19-IP: above a position of 30000 the second band applies');
-- from 29000: deductible to 29800; 200 x 55% = 110; 1800 x 60% = 1080; fund 1190
SELECT pg_temp.settles(matins_settle(pg_temp.r(10, '2025-03-01', 'inpatient', 2800, 3),
    '{"inpatient_position": 29000}'::jsonb),
  '{"pooled_fund": 1190}',
  'JL19-IP: a stay crossing 30000 from a prior position');
-- position carried by the run: 20000 then 20000 at level 3
--   1st: (20000 - 800) x 55% = 10560
--   2nd: deductible 800 counts 20000..20800; 9200 x 55% = 5060; 10000 x 60% = 6000 -> 11060
CREATE TEMP TABLE ip1 AS SELECT ARRAY[
    pg_temp.r(11, '2025-03-01', 'inpatient', 20000, 3, person_id => 11),
    pg_temp.r(12, '2025-04-01', 'inpatient', 20000, 3, person_id => 11)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip1), 11),
  '{"pooled_fund": 10560}',
  'JL19-IP: the first stay of the year (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip1), 12),
  '{"deductible": 800, "pooled_fund": 11060, "copay": 8140}',
  'JL19-IP: the second stay continues the year''s position into the 60% band (run)');
-- the same position given as prior: position 25000, stay 10000: 25800..30000 x 55% = 2310;
-- 30000..35000 x 60% = 3000 -> 5310
SELECT pg_temp.settles(matins_settle(pg_temp.r(13, '2025-03-01', 'inpatient', 10000, 3),
    '{"inpatient_position": 25000}'::jsonb),
  '{"deductible": 800, "pooled_fund": 5310}',
  'JL19-IP: prior inpatient_position places the stay in the bands');
-- a new year starts from 0: 2025-12-20 40000 (800; 29200 x 55% + 10000 x 60% = 22060), then
-- 2026-01-10 10000 (900; 9100 x 55% = 5005)
CREATE TEMP TABLE ip2 AS SELECT ARRAY[
    pg_temp.r(14, '2025-12-20', 'inpatient', 40000, 3, person_id => 14),
    pg_temp.r(15, '2026-01-10', 'inpatient', 10000, 3, person_id => 14)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip2), 14),
  '{"pooled_fund": 22060}',
  'JL19-IP: a December stay crossing 30000 (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip2), 15),
  '{"deductible": 900, "pooled_fund": 5005}',
  'JL19-IP: the position starts again in January (run)');
-- upward referral after a level-2 stay (deductible 500): this stay pays 800 - 500 = 300;
-- position 5000 + 300 = 5300 .. 15000: 9700 x 55% = 5335
CREATE TEMP TABLE ip3 AS SELECT ARRAY[
    pg_temp.r(16, '2025-03-01', 'inpatient', 5000, 2, person_id => 16),
    pg_temp.r(17, '2025-03-05', 'inpatient', 10000, 3, person_id => 16, referral => 'up')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip3), 17),
  '{"deductible": 300, "pooled_fund": 5335, "has_notes": ["JL19-IP:referral"]}',
  'JL19-IP: an upward referral pays only the difference of the deductibles (run)');
SELECT pg_temp.settles(matins_settle(pg_temp.r(18, '2025-03-05', 'inpatient', 10000, 3, referral => 'up'),
    '{"last_stay_deductible": 500, "inpatient_position": 5000}'::jsonb),
  '{"deductible": 300, "pooled_fund": 5335}',
  'JL19-IP: the same with the referring stay given as prior');
-- a referral across 1 January still counts the referring stay: the level-2 stay of 2025-12-28
-- (deductible 500), then an upward referral on 2026-01-03 to level 3 (900 from 2026): 900 - 500
-- = 400; the new year's position 400 .. 10000: 9600 x 55% = 5280
CREATE TEMP TABLE ip_new_year AS SELECT ARRAY[
    pg_temp.r(161, '2025-12-28', 'inpatient', 5000, 2, person_id => 161),
    pg_temp.r(162, '2026-01-03', 'inpatient', 10000, 3, person_id => 161, referral => 'up')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip_new_year), 162),
  '{"deductible": 400, "pooled_fund": 5280, "has_notes": ["JL19-IP:referral"]}',
  'JL19-IP: a referral in January counts the referring stay of December (run)');
-- the same in the prior form: the year's counters are new, the last stay's deductible is not
SELECT pg_temp.settles(matins_settle(pg_temp.r(163, '2026-01-03', 'inpatient', 10000, 3, referral => 'up'),
    '{"last_stay_deductible": 500}'::jsonb),
  '{"deductible": 400, "pooled_fund": 5280}',
  'JL19-IP: a referral in January with the December stay given as prior');
-- downward referral to level 2 after a level-3 stay (800 > 500): no deductible; 10000 x 70% = 7000
SELECT pg_temp.settles(matins_settle(pg_temp.r(19, '2025-03-05', 'inpatient', 10000, 2, referral => 'down'),
    '{"last_stay_deductible": 800}'::jsonb),
  '{"deductible": 0, "pooled_fund": 7000, "copay": 3000}',
  'JL19-IP: a referral to a level whose deductible is lower pays none');
-- downward referral to a level-1 hospital: no deductible at all; 10000 x 80% = 8000
SELECT pg_temp.settles(matins_settle(pg_temp.r(20, '2025-03-05', 'inpatient', 10000, 1, referral => 'down')),
  '{"deductible": 0, "pooled_fund": 8000, "has_notes": ["JL19-IP:down_referral"]}',
  'JL19-IP: a downward referral to level 1 pays no deductible');
-- an upward referral with no earlier stay known pays the full deductible
SELECT pg_temp.settles(matins_settle(pg_temp.r(21, '2025-03-05', 'inpatient', 10000, 3, referral => 'up')),
  '{"deductible": 800, "pooled_fund": 5060}',
  'JL19-IP: a referral with no referring stay pays the whole deductible');
-- the 200000 yearly maximum: 190000 paid; (12700 - 200) x 80% = 10000 -> reached exactly
SELECT pg_temp.settles(matins_settle(pg_temp.r(22, '2025-03-01', 'inpatient', 12700, 1),
    '{"resident_fund_paid": 190000}'::jsonb),
  '{"pooled_fund": 10000, "over_cap": 0, "transfer_to": null, "copay": 2500}',
  'JL19-IP: a stay reaching the 200000 yearly maximum exactly is paid in full');
-- (15200 - 200) x 80% = 12000 but 10000 left: 10000 paid, 2000 -> critical illness; copay 3000
SELECT pg_temp.settles(matins_settle(pg_temp.r(23, '2025-03-01', 'inpatient', 15200, 1),
    '{"resident_fund_paid": 190000}'::jsonb),
  '{"pooled_fund": 10000, "over_cap": 2000, "transfer_to": "critical_illness", "copay": 3000,
    "has_notes": ["annual_cap"]}',
  'JL19-IP: above the 200000 yearly maximum the fund share goes to critical illness');
-- in one run: 250000 at level 1: 29800 x 80% + 30000 x 85% + 190000 x 90% = 220340 -> 200000,
-- 20340 over; then 1000: deductible 200, 800 x 90% = 720 all over the cap
CREATE TEMP TABLE ip4 AS SELECT ARRAY[
    pg_temp.r(24, '2025-03-01', 'inpatient', 250000, 1, person_id => 24),
    pg_temp.r(25, '2025-05-05', 'inpatient', 1000, 1, person_id => 24),
    pg_temp.r(26, '2026-01-05', 'inpatient', 1000, 1, person_id => 24)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip4), 24),
  '{"pooled_fund": 200000, "over_cap": 20340, "transfer_to": "critical_illness", "copay": 29460}',
  'JL19-IP: one stay exceeding the yearly maximum (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip4), 25),
  '{"pooled_fund": 0, "deductible": 200, "over_cap": 720, "copay": 80, "transfer_to": "critical_illness"}',
  'JL19-IP: after the yearly maximum nothing more is paid that year (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ip4), 26),
  '{"pooled_fund": 640, "over_cap": 0}',
  'JL19-IP: the yearly maximum starts again in January (run)');
-- special outpatient payments share the maximum: 199000 paid, SP01 at level 3, 5000 with the
-- yearly special deductible paid: 5000 x 55% = 2750 -> 1000 paid, 1750 over
SELECT pg_temp.settles(matins_settle(pg_temp.r(27, '2025-03-01', 'special', 5000, 3, disease => 'SP01'),
    '{"resident_fund_paid": 199000, "special_deductible_paid": 1000}'::jsonb),
  '{"deductible": 0, "pooled_fund": 1000, "over_cap": 1750, "transfer_to": "critical_illness"}',
  'JL19-SP: special outpatient payments count toward the 200000 yearly maximum');

------------------------------------------------------------------ JL19-B
-- pre_self_pay = 3000 x 10% = 300; in_scope = 10000 - 1000 - 300 = 8700; (8700 - 800) x 55% = 4345
SELECT pg_temp.settles(matins_settle(pg_temp.r(31, '2025-03-01', 'inpatient', 10000, 3, self_pay => 1000, class_b => 3000)),
  '{"self_pay": 1000, "pre_self_pay": 300, "in_scope": 8700, "deductible": 800, "pooled_fund": 4345,
    "personal": 5655, "has_notes": ["JL19-B"]}',
  'JL19-B: residents pay 10% of class-B amounts first');
-- from lines: A 5000, B 3000, self 2000: self 2000; pre 300; in_scope 7700; 6900 x 55% = 3795
SELECT pg_temp.settles(matins_settle(pg_temp.r(32, '2025-03-01', 'inpatient', NULL, 3,
    lines => ARRAY[pg_temp.l('X-A', 1, 5000, item_class => 'A'), pg_temp.l('X-B', 1, 3000, item_class => 'B'),
                   pg_temp.l('X-S', 1, 2000, item_class => 'self')])),
  '{"total": 10000, "self_pay": 2000, "pre_self_pay": 300, "in_scope": 7700, "pooled_fund": 3795}',
  'JL19-B: item lines give the class-B amount and the self-paid part');
-- 333.35 x 10% = 33.335 -> 33.34; in_scope 966.66; (966.66 - 200) x 80% = 613.328 -> 613.33
SELECT pg_temp.settles(matins_settle(pg_temp.r(33, '2025-03-01', 'inpatient', 1000, 1, class_b => 333.35)),
  '{"pre_self_pay": 33.34, "in_scope": 966.66, "pooled_fund": 613.33, "copay": 153.33}',
  'JL19-B: the class-B share and the fund are each rounded once, half away from zero');
-- class A only: no pre-self-pay
SELECT pg_temp.settles(matins_settle(pg_temp.r(34, '2025-03-01', 'inpatient', 1000, 1)),
  '{"pre_self_pay": 0, "in_scope": 1000}',
  'JL19-B: class A carries no pre-self-pay');

------------------------------------------------------------------ JL19-SP and day surgery
-- SP01 at level 3: yearly deductible 1000; (5000 - 1000) x 55% = 2200
SELECT pg_temp.settles(matins_settle(pg_temp.r(41, '2025-03-01', 'special', 5000, 3, disease => 'SP01')),
  '{"route": "resident.special", "deductible": 1000, "pooled_fund": 2200, "copay": 1800,
    "has_notes": ["JL19-SP"]}',
  'JL19-SP: a special disease pays the yearly deductible, then the inpatient bands');
-- run: SP01 5000 (2200), SP02 5000 (deductible paid: 5000..10000 x 55% = 2750), inpatient 25000
-- (deductible 800 at 10000..10800; 10800..30000 x 55% = 10560; 30000..35000 x 60% = 3000 -> 13560)
CREATE TEMP TABLE sp1 AS SELECT ARRAY[
    pg_temp.r(42, '2025-03-01', 'special', 5000, 3, person_id => 42, disease => 'SP01'),
    pg_temp.r(43, '2025-04-01', 'special', 5000, 3, person_id => 42, disease => 'SP02'),
    pg_temp.r(44, '2025-05-01', 'inpatient', 25000, 3, person_id => 42)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM sp1), 43),
  '{"deductible": 0, "pooled_fund": 2750}',
  'JL19-SP: the special deductible is paid once a year (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM sp1), 44),
  '{"deductible": 800, "pooled_fund": 13560}',
  'JL19-SP: special outpatient cost counts toward the inpatient position (run)');
-- level 2, SP39 (系统性红斑狼疮), 400 of the deductible paid: 600 more; (3000 - 600) x 70% = 1680
SELECT pg_temp.settles(matins_settle(pg_temp.r(45, '2025-03-01', 'special', 3000, 2, disease => 'SP39'),
    '{"special_deductible_paid": 400}'::jsonb),
  '{"deductible": 600, "pooled_fund": 1680}',
  'JL19-SP: the rest of the yearly deductible, then 70% at level 2');
-- level 1: not covered: everything in scope unpaid, personal
SELECT pg_temp.settles(matins_settle(pg_temp.r(46, '2025-03-01', 'special', 5000, 1, disease => 'SP01')),
  '{"pooled_fund": 0, "deductible": 0, "over_cap": 5000, "transfer_to": "personal",
    "has_notes": ["JL19-SP:level_2_and_above"]}',
  'JL19-SP: special diseases are not covered at level 1');
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(47, '2025-03-01', 'special', 5000, 3, disease => 'SP41'))$$,
  '22023', 'no rule settles special disease SP41',
  'JL19-SP: phenylketonuria (SP41) follows a document matins lacks: an error');
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(48, '2025-03-01', 'special', 5000, 3, disease => 'SP42'))$$,
  '22023', 'unknown special disease "SP42"',
  'JL19-SP: an unknown special disease is an error');
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(49, '2025-03-01', 'special', 5000, 3))$$,
  '22004', 'claim field disease must not be null for a special outpatient claim',
  'JL19-SP: a special outpatient claim needs its disease');
-- day surgery at level 2: deductible 1000; (8000 - 1000) x 70% = 4900
SELECT pg_temp.settles(matins_settle(pg_temp.r(50, '2025-03-01', 'day_surgery', 8000, 2)),
  '{"route": "resident.day_surgery", "deductible": 1000, "pooled_fund": 4900, "has_notes": ["JL19-SP"]}',
  'JL19-SP: day surgery is managed as a special outpatient disease');
-- day surgery shares the yearly special deductible: SP01 600 (all deductible), then day surgery
-- 2000: 400 more deductible; position 1000..2600 x 70% = 1120
CREATE TEMP TABLE ds1 AS SELECT ARRAY[
    pg_temp.r(51, '2025-03-01', 'special', 600, 2, person_id => 51, disease => 'SP01'),
    pg_temp.r(52, '2025-03-10', 'day_surgery', 2000, 2, person_id => 51, setting => 'inpatient')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ds1), 52),
  '{"deductible": 400, "pooled_fund": 1120}',
  'JL19-SP: day surgery shares the special yearly deductible and position (run)');
SELECT pg_temp.settles(matins_settle(pg_temp.r(53, '2025-03-01', 'day_surgery', 8000, 1)),
  '{"pooled_fund": 0, "over_cap": 8000, "transfer_to": "personal"}',
  'JL19-SP: day surgery is not covered at level 1');
-- phenylketonuria (SP41) follows a document matins lacks: no rule, for a day surgery as for a
-- special outpatient claim (0.8.0; the day surgery was paid (8000 - 1000) x 70% = 4900)
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(54, '2025-03-01', 'day_surgery', 8000, 2, disease => 'SP41'))$$,
  '22023', 'no rule settles special disease SP41',
  'JL19-SP: a day surgery for phenylketonuria (SP41) has no rule, as its special outpatient claim');
SELECT pg_temp.settles(matins_settle(pg_temp.r(55, '2025-03-01', 'day_surgery', 8000, 2, disease => 'SP05')),
  '{"route": "resident.day_surgery", "deductible": 1000, "pooled_fund": 4900}',
  'JL19-SP: a day surgery for another special disease is paid as any day surgery');

------------------------------------------------------------------ JL19-OP
SELECT pg_temp.settles(matins_settle(pg_temp.r(61, '2025-03-01', 'outpatient', 300, 3, disease => 'HTN')),
  '{"route": "resident.outpatient", "pooled_fund": 0, "over_cap": 300, "transfer_to": "personal",
    "has_notes": ["JL19-OP:level_3_not_covered"]}',
  'JL19-OP: general outpatient is not covered at level 3');
SELECT pg_temp.settles(matins_settle(pg_temp.r(62, '2025-03-01', 'outpatient', 300, 2)),
  '{"pooled_fund": 0, "over_cap": 300, "transfer_to": "personal",
    "has_notes": ["JL19-OP:level_2_htn_dm_only"]}',
  'JL19-OP: at level 2 only hypertension and diabetes medication is covered');
-- level 2, hypertension: deductible 50; (300 - 50) x 50% = 125
SELECT pg_temp.settles(matins_settle(pg_temp.r(63, '2025-03-01', 'outpatient', 300, 2, disease => 'HTN')),
  '{"deductible": 50, "pooled_fund": 125, "copay": 125}',
  'JL19-OP: hypertension medication at level 2 is paid 50% after the deductible');
SELECT pg_temp.settles(matins_settle(pg_temp.r(64, '2025-03-01', 'outpatient', 300, 2, disease => 'DM')),
  '{"deductible": 50, "pooled_fund": 125}',
  'JL19-OP: diabetes medication at level 2 is paid 50%');
-- level 1: (200 - 50) x 50% = 75
SELECT pg_temp.settles(matins_settle(pg_temp.r(65, '2025-03-01', 'outpatient', 200, 1)),
  '{"deductible": 50, "pooled_fund": 75, "copay": 75}',
  'JL19-OP: level-1 outpatient care is paid 50%');
-- limit 700 over a run: 1000 -> 475; 1000 -> 500 due, 225 left: 225, 275 over; 1000 -> 0, 500 over
CREATE TEMP TABLE op1 AS SELECT ARRAY[
    pg_temp.r(66, '2025-03-01', 'outpatient', 1000, 1, person_id => 66),
    pg_temp.r(67, '2025-04-01', 'outpatient', 1000, 1, person_id => 66),
    pg_temp.r(68, '2025-05-01', 'outpatient', 1000, 1, person_id => 66),
    pg_temp.r(69, '2026-01-02', 'outpatient', 200, 1, person_id => 66)] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM op1), 67),
  '{"deductible": 0, "pooled_fund": 225, "over_cap": 275, "copay": 500, "transfer_to": "personal",
    "has_notes": ["outpatient_limit"]}',
  'JL19-OP: the yearly limit 700 is reached within a claim (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM op1), 68),
  '{"pooled_fund": 0, "over_cap": 500}',
  'JL19-OP: nothing is paid after the yearly limit (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM op1), 69),
  '{"deductible": 50, "pooled_fund": 75}',
  'JL19-OP: deductible and limit start again in a new year (run)');
-- two claims of one day without claim ids: peers of the window's order.  With ROWS each row's
-- frame ends at itself: 200 -> (200 - 50) x 50% = 75, then 200 x 50% = 100 (deductible paid).
-- The default RANGE frame ends at the last peer, so the first row would get the second's
-- settlement: an error (42P20), as every frame that does not end at the row's own claim.
CREATE TEMP TABLE op_peers AS SELECT ARRAY[
    pg_temp.r(NULL, '2025-03-01', 'outpatient', 200, 1, person_id => 71),
    pg_temp.r(NULL, '2025-03-01', 'outpatient', 200, 1, person_id => 71)] AS claims;
SELECT results_eq($$SELECT (s).pooled_fund FROM (SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id
        ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING) AS s FROM unnest((SELECT claims FROM op_peers)) AS c) x$$,
  $$VALUES (75.00::numeric), (100.00)$$,
  'JL19-OP: with ROWS UNBOUNDED PRECEDING each of two peers is settled after the ones before it (run)');
SELECT throws_ok($$SELECT (s).pooled_fund FROM (SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id
        ORDER BY (c).service_date) AS s FROM unnest((SELECT claims FROM op_peers)) AS c) x$$,
  '42P20', 'matins_settle_run''s window frame of row 1 of the partition does not end at that row''s claim',
  'JL19-OP: with the default RANGE frame two peers would share the second one''s settlement: an error (run)');
-- frames that would give a row another claim's settlement, or restart the counters part-way:
-- three prenatal claims of 400 in one pregnancy, cap 1000 (JL24-PN): 400, 400, 200 in a run
-- a Jilin enterprise employee's prenatal claim of 400 (JL24-PN)
CREATE FUNCTION pg_temp.pn400(claim_id bigint, person_id bigint, service_date date) RETURNS matins.claim
    LANGUAGE sql AS $f$ SELECT matins.make_claim(claim_id => claim_id, person_id => person_id, region => '220000',
      service_date => service_date, scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
      total => 400) $f$;
CREATE TEMP TABLE pn3 AS SELECT c FROM unnest(ARRAY[pg_temp.pn400(81, 80, '2025-03-01'),
    pg_temp.pn400(82, 80, '2025-04-01'), pg_temp.pn400(83, 80, '2025-05-01')]) AS c;
CREATE FUNCTION pg_temp.pn3(win text, filter text DEFAULT '') RETURNS SETOF numeric LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('SELECT (matins_settle_run(c) %s OVER (%s)).fund_total FROM pn3 ORDER BY (c).claim_id', filter, win);
END $f$;
SELECT results_eq($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING')$$,
  $$VALUES (400.00::numeric), (400.00), (200.00)$$,
  'JL24-PN: the recommended frame: 400, 400, then 200 left under the cap of 1000 (run)');
SELECT results_eq($$SELECT * FROM pg_temp.pn3('PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id')$$,
  $$VALUES (400.00::numeric), (400.00), (200.00)$$,
  'JL24-PN: the contract''s window (default RANGE frame, unique claim ids) gives the same (run)');
SELECT results_eq($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date GROUPS UNBOUNDED PRECEDING')$$,
  $$VALUES (400.00::numeric), (400.00), (200.00)$$,
  'JL24-PN: a GROUPS frame over claims of different days gives the same (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS BETWEEN 1 PRECEDING AND CURRENT ROW')$$,
  '42P20', 'matins_settle_run''s window frame does not start at UNBOUNDED PRECEDING: the counters would start part-way through the person''s claims',
  'JL24-PN: a sliding frame would restart the counters and pay 400 past the cap: an error (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING EXCLUDE CURRENT ROW')$$,
  '42P20', 'matins_settle_run''s window frame has an EXCLUDE clause: a row would get the settlement of another claim, or claims would be skipped',
  'JL24-PN: EXCLUDE CURRENT ROW would give a row the claim before it: an error (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING')$$,
  '42P20', 'matins_settle_run''s window frame of row 1 of the partition does not end at that row''s claim',
  'JL24-PN: a frame to the partition''s end would give every row the last claim''s settlement: an error (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING', 'FILTER (WHERE (c).claim_id <> 82)')$$,
  '42P20', 'matins_settle_run has a FILTER: a row it skips would get the settlement of the claim before it',
  'JL24-PN: a FILTER skipping a row would give it the claim before it: an error (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING', 'FILTER (WHERE (c).claim_id <> 81)')$$,
  '42P20', 'matins_settle_run has a FILTER: a row it skips would get the settlement of the claim before it',
  'JL24-PN: a FILTER skipping the first claim is an error too (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('PARTITION BY (c).person_id ORDER BY (c).service_date', 'FILTER (WHERE (c).claim_id <> 83)')$$,
  '42P20', 'matins_settle_run has a FILTER: a row it skips would get the settlement of the claim before it',
  'JL24-PN: a FILTER under the default RANGE frame, where PostgreSQL reuses the result of a frame that did not move, is an error too (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING EXCLUDE TIES')$$,
  '42P20', 'matins_settle_run''s window frame has an EXCLUDE clause: a row would get the settlement of another claim, or claims would be skipped',
  'JL24-PN: EXCLUDE TIES is an error, even where no claims are tied (run)');
SELECT throws_ok($$SELECT * FROM pg_temp.pn3('PARTITION BY (c).person_id')$$,
  '42P20', 'matins_settle_run''s window frame of row 1 of the partition does not end at that row''s claim',
  'JL24-PN: a window without ORDER BY, whose RANGE frame takes the whole partition, is an error (run)');
SELECT is((SELECT (matins_settle_run(c) OVER ()).fund_total FROM pn3 WHERE (c).claim_id = 81), 400.00,
  'JL24-PN: one claim in a window without ORDER BY is settled (its frame is the claim itself; run)');
SELECT throws_ok($$SELECT (matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date
        ROWS UNBOUNDED PRECEDING EXCLUDE TIES)).fund_total
      FROM unnest(ARRAY[(SELECT c FROM pn3 WHERE (c).claim_id = 81), (SELECT c FROM pn3 WHERE (c).claim_id = 82),
                        (SELECT (c)::text::matins.claim FROM pn3 WHERE (c).claim_id = 82)]) AS c$$,
  '42P20', 'matins_settle_run''s window frame has an EXCLUDE clause: a row would get the settlement of another claim, or claims would be skipped',
  'JL24-PN: EXCLUDE TIES over two claims of one day (which would settle the third as if the second were not there) is an error (run)');
SELECT is((SELECT (matins_settle_run(c ORDER BY (c).service_date, (c).claim_id)).fund_total FROM pn3), 200.00,
  'JL24-PN: as a plain aggregate it gives the settlement of the last claim after the others: 200 (run)');
-- a window partitioned by more than the person (0.8.0): one pregnancy of claims 400 in 2025-10,
-- 2025-12 and 2026-02, cap 1000 per pregnancy across years (JL24-PN): 400, 400, 200 in a run.
-- Partitioned by person and year the 2026 claim would start again at 0 and get 400: an error.
CREATE TEMP TABLE pn_years AS SELECT c FROM unnest(ARRAY[pg_temp.pn400(91, 90, '2025-10-01'),
    pg_temp.pn400(92, 90, '2025-12-01'), pg_temp.pn400(93, 90, '2026-02-01')]) AS c;
SELECT results_eq($$SELECT (matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id
        ROWS UNBOUNDED PRECEDING)).fund_total FROM pn_years ORDER BY (c).claim_id$$,
  $$VALUES (400.00::numeric), (400.00), (200.00)$$,
  'JL24-PN: the pregnancy cap of 1000 runs across the new year: 400, 400, 200 (run)');
SELECT throws_ok($$SELECT (matins_settle_run(c) OVER (PARTITION BY (c).person_id, date_part('year', (c).service_date)
        ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)).fund_total FROM pn_years$$,
  '42P20', 'matins_settle_run got the claims of person 90 in two window partitions, one after the other',
  'JL24-PN: a window partitioned by person and year would pay the 2026 claim 400 past the pregnancy cap: an error (run)');
SELECT throws_ok($$SELECT (matins_settle_run(c) OVER (PARTITION BY (c).claim_id ORDER BY (c).service_date
        ROWS UNBOUNDED PRECEDING)).fund_total FROM pn_years$$,
  '42P20', 'matins_settle_run got the claims of person 90 in two window partitions, one after the other',
  'JL24-PN: a window partitioned by claim settles no claim after another: an error (run)');
-- a window run again for each row of a LATERAL join (a rescan) may see the same person again
SELECT results_eq($$SELECT g, (s).fund_total FROM generate_series(1, 2) g, LATERAL (
        SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id
          ROWS UNBOUNDED PRECEDING) AS s FROM pn_years WHERE g > 0 OFFSET 0) x ORDER BY g, (s).claim_id$$,
  $$VALUES (1, 400.00::numeric), (1, 400.00), (1, 200.00), (2, 400.00), (2, 400.00), (2, 200.00)$$,
  'JL24-PN: the same person''s window run twice in a LATERAL join is settled in full each time (run)');
-- the contract's argument names (0.5.0): matins_settle_run(claim [, policy]), callable by name
SELECT results_eq($$SELECT array_to_string(proargnames, ', ') COLLATE "C" FROM pg_proc
      WHERE proname = 'matins_settle_run' AND pronamespace = 'matins'::regnamespace ORDER BY pronargs$$,
  $$VALUES ('claim' COLLATE "C"), ('claim, policy')$$,
  'contract: matins_settle_run''s arguments are named claim and policy');
SELECT results_eq($$SELECT (s).pooled_fund FROM (SELECT matins_settle_run(claim => c, policy => NULL) OVER (PARTITION BY (c).person_id
        ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING) AS s FROM unnest((SELECT claims FROM op_peers)) AS c) x$$,
  $$VALUES (75.00::numeric), (100.00)$$,
  'contract: matins_settle_run called with named arguments (JL19-OP: 75 and 100, as above)');
-- exactly to the limit: 600 paid, deductible paid; 200 -> 100 due = 100 left
SELECT pg_temp.settles(matins_settle(pg_temp.r(70, '2025-06-01', 'outpatient', 200, 1),
    '{"outpatient_fund_paid": 600, "outpatient_chronic_fund_paid": 600, "outpatient_deductible_paid": 50}'::jsonb),
  '{"deductible": 0, "pooled_fund": 100, "over_cap": 0, "transfer_to": null}',
  'JL19-OP: a claim reaching the limit exactly is paid in full');
SELECT pg_temp.settles(matins_settle(pg_temp.r(71, '2025-06-01', 'outpatient', 250, 1),
    '{"outpatient_fund_paid": 650, "outpatient_chronic_fund_paid": 650, "outpatient_deductible_paid": 50}'::jsonb),
  '{"pooled_fund": 50, "over_cap": 75, "copay": 125}',
  'JL19-OP: 125 due with 50 of the limit left: 50 paid');
-- Changchun's limit is 1000: after 950 (deductible paid), 1000 -> 500 due, 50 left: 50 paid, 450 over
SELECT pg_temp.settles(matins_settle(pg_temp.r(72, '2025-06-01', 'outpatient', 1000, 1, region => '220100'),
    '{"outpatient_fund_paid": 950, "outpatient_chronic_fund_paid": 950, "outpatient_deductible_paid": 50}'::jsonb),
  '{"pooled_fund": 50, "over_cap": 450}',
  'JL19-OP: a region choosing the 1000 limit');
SELECT throws_ok($$SELECT matins.set_param('220200', 'resident.outpatient.limit', 800, '2025-01-01')$$,
  '22003', 'value 800 of parameter "resident.outpatient.limit" is not allowed for region 220200',
  'JL19-OP: the limit is 700 or 1000, nothing else');
-- the 6500 ceiling shared with chronic: 6400 paid in the year: 150 due, 100 left
SELECT pg_temp.settles(matins_settle(pg_temp.r(73, '2025-06-01', 'outpatient', 300, 1),
    '{"outpatient_chronic_fund_paid": 6400, "outpatient_deductible_paid": 50}'::jsonb),
  '{"pooled_fund": 100, "over_cap": 50}',
  'JL19-CH: general outpatient stops at the 6500 general + chronic ceiling');
-- a run to the ceiling: CH02 3100 -> (3100 - 100) x 60% = 1800; CH15 2600 -> 1500; CH01 2500 ->
-- 1440; CH13 2500 -> 1440 (6180 in all); outpatient 1000 -> 475 due, 6500 - 6180 = 320 left;
-- CH05 1000 -> 540 due, nothing left: 0, 540 over, copay 360
CREATE TEMP TABLE op2 AS SELECT ARRAY[
    pg_temp.r(74, '2025-02-01', 'chronic', 3100, person_id => 74, disease => 'CH02'),
    pg_temp.r(75, '2025-02-02', 'chronic', 2600, person_id => 74, disease => 'CH15'),
    pg_temp.r(76, '2025-02-03', 'chronic', 2500, person_id => 74, disease => 'CH01'),
    pg_temp.r(77, '2025-02-04', 'chronic', 2500, person_id => 74, disease => 'CH13'),
    pg_temp.r(78, '2025-03-01', 'outpatient', 1000, 1, person_id => 74),
    pg_temp.r(79, '2025-04-01', 'chronic', 1000, person_id => 74, disease => 'CH05')] AS claims;
SELECT is((SELECT sum(s.pooled_fund) FROM pg_temp.run((SELECT claims FROM op2)) s WHERE s.claim_id BETWEEN 74 AND 77),
  6180.00, 'JL19-CH: four chronic diseases each paid to their fund maximum (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM op2), 78),
  '{"deductible": 50, "pooled_fund": 320, "over_cap": 155, "transfer_to": "personal"}',
  'JL19-OP: general outpatient is paid only up to the 6500 ceiling left by chronic payments (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM op2), 79),
  '{"deductible": 100, "pooled_fund": 0, "over_cap": 540, "copay": 360}',
  'JL19-CH: chronic payments stop at the 6500 ceiling (run)');

-- which rule cut the payment (0.5.0): the yearly general outpatient limit is JL19-OP's, the 6500
-- ceiling JL19-CH's.  Claim 71 above: 125 due, 50 of the limit left: the step cutting 75 cites
-- JL19-OP.  Claim 73 above: 150 due, 100 of the ceiling left: 50 cut by JL19-CH, cited in the notes.
SELECT results_eq($$SELECT rule, amount FROM matins_explain(pg_temp.r(71, '2025-06-01', 'outpatient', 250, 1),
        '{"outpatient_fund_paid": 650, "outpatient_chronic_fund_paid": 650, "outpatient_deductible_paid": 50}'::jsonb)
      WHERE note LIKE 'over the%'$$,
  $$VALUES ('JL19-OP', 75.00::numeric)$$,
  'JL19-OP: the step that cuts a claim at the yearly outpatient limit cites JL19-OP');
SELECT results_eq($$SELECT rule, amount FROM matins_explain(pg_temp.r(73, '2025-06-01', 'outpatient', 300, 1),
        '{"outpatient_chronic_fund_paid": 6400, "outpatient_deductible_paid": 50}'::jsonb)
      WHERE note LIKE 'over the%'$$,
  $$VALUES ('JL19-CH', 50.00::numeric)$$,
  'JL19-CH: the step that cuts general outpatient at the 6500 ceiling cites JL19-CH');
SELECT pg_temp.settles(matins_settle(pg_temp.r(73, '2025-06-01', 'outpatient', 300, 1),
    '{"outpatient_chronic_fund_paid": 6400, "outpatient_deductible_paid": 50}'::jsonb),
  '{"pooled_fund": 100, "over_cap": 50, "notes": ["JL19-OP", "JL19-CH", "outpatient_limit"]}',
  'JL19-CH: a general outpatient claim cut by the 6500 ceiling cites JL19-CH in its notes');
-- both in one claim: limit 700, 600 paid, 6450 paid in all; 400 -> 200 due: the limit leaves 100
-- (100 cut, JL19-OP), the ceiling 50 of it (50 cut, JL19-CH): paid 50, over_cap 150, copay 200
SELECT results_eq($$SELECT rule, amount FROM matins_explain(pg_temp.r(73, '2025-06-01', 'outpatient', 400, 1),
        '{"outpatient_fund_paid": 600, "outpatient_chronic_fund_paid": 6450, "outpatient_deductible_paid": 50}'::jsonb)
      WHERE note LIKE 'over the%' ORDER BY step$$,
  $$VALUES ('JL19-OP', 100.00::numeric), ('JL19-CH', 50.00::numeric)$$,
  'JL19-OP, JL19-CH: a claim cut by the limit and then the ceiling has a step for each');
SELECT pg_temp.settles(matins_settle(pg_temp.r(73, '2025-06-01', 'outpatient', 400, 1),
    '{"outpatient_fund_paid": 600, "outpatient_chronic_fund_paid": 6450, "outpatient_deductible_paid": 50}'::jsonb),
  '{"deductible": 0, "pooled_fund": 50, "over_cap": 150, "copay": 200, "transfer_to": "personal"}',
  'JL19-OP, JL19-CH: limit and ceiling in one claim: 50 paid, 150 over');

------------------------------------------------------------------ JL19-CH
-- CH01: deductible 100; (1000 - 100) x 60% = 540
SELECT pg_temp.settles(matins_settle(pg_temp.r(81, '2025-03-01', 'chronic', 1000, disease => 'CH01')),
  '{"route": "resident.chronic", "deductible": 100, "pooled_fund": 540, "copay": 360,
    "has_notes": ["JL19-CH"]}',
  'JL19-CH: chronic disease cost is paid 60% after the disease''s deductible');
-- quota 2400 of which 2000 used: 400 eligible -> 240 (fund 1200 + 240 = 1440 = the maximum);
-- the other 600 is above the quota (personal)
SELECT pg_temp.settles(matins_settle(pg_temp.r(82, '2025-03-01', 'chronic', 1000, disease => 'CH01'),
    '{"chronic": {"CH01": {"in_scope": 2000, "fund_paid": 1200, "deductible_paid": 100}}}'::jsonb),
  '{"deductible": 0, "pooled_fund": 240, "over_cap": 600, "transfer_to": "personal", "copay": 160,
    "has_notes": ["chronic_quota"]}',
  'JL19-CH: cost above the disease''s yearly quota is not paid');
-- run: CH01 1500 -> 1400 x 60% = 840; CH01 1500 -> 1000 of the quota left: 600, 500 over;
-- CH02 1000 -> its own deductible 100: 540
CREATE TEMP TABLE ch1 AS SELECT ARRAY[
    pg_temp.r(83, '2025-03-01', 'chronic', 1500, person_id => 83, disease => 'CH01'),
    pg_temp.r(84, '2025-04-01', 'chronic', 1500, person_id => 83, disease => 'CH01'),
    pg_temp.r(85, '2025-05-01', 'chronic', 1000, person_id => 83, disease => 'CH02'),
    pg_temp.r(86, '2026-01-05', 'chronic', 1000, person_id => 83, disease => 'CH01')] AS claims;
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ch1), 84),
  '{"deductible": 0, "pooled_fund": 600, "over_cap": 500, "copay": 400}',
  'JL19-CH: the quota reached within the second claim of a disease (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ch1), 85),
  '{"deductible": 100, "pooled_fund": 540}',
  'JL19-CH: each disease has its own deductible and quota (run)');
SELECT pg_temp.settles(pg_temp.run_one((SELECT claims FROM ch1), 86),
  '{"deductible": 100, "pooled_fund": 540}',
  'JL19-CH: deductible and quota start again in a new year (run)');
-- CH12: quota 1600, fund maximum 960: 1700 -> 1600 x 60% = 960 exactly, nothing over
SELECT pg_temp.settles(matins_settle(pg_temp.r(87, '2025-03-01', 'chronic', 1700, disease => 'CH12')),
  '{"deductible": 100, "pooled_fund": 960, "over_cap": 0}',
  'JL19-CH: a claim using the whole quota is paid the fund maximum');
SELECT pg_temp.settles(matins_settle(pg_temp.r(88, '2025-03-01', 'chronic', 1000, disease => 'CH01', location => 'national')),
  '{"pooled_fund": 0, "over_cap": 1000, "transfer_to": "personal",
    "has_notes": ["JL19-CH:in_province_only"]}',
  'JL19-CH: chronic care outside the province is not covered');
SELECT pg_temp.settles(matins_settle(pg_temp.r(89, '2025-03-01', 'chronic', 1000, disease => 'CH01', location => 'province')),
  '{"pooled_fund": 540}',
  'JL19-CH: chronic care elsewhere in the province is covered');
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(90, '2025-03-01', 'chronic', 1000, disease => 'CH19'))$$,
  '22023', 'unknown chronic disease "CH19"',
  'JL19-CH: an unknown chronic disease is an error');
-- a region's own disease (0.5.0): its fund maximum is a cap like the quota.  CH19, quota 1000,
-- fund maximum 500 (below 60% of the quota): 1100 -> deductible 100, 1000 x 60% = 600 due, 500
-- paid; the 100 the maximum cuts is over_cap (personal), not copay: copay 400
INSERT INTO matins.chronic_disease (policy, code, name, quota, fund_max, source)
VALUES ('JL-2019-RES', 'CH19', 'a region''s own disease', 1000, 500, 'JL19-CH');
SELECT pg_temp.settles(matins_settle(pg_temp.r(90, '2025-03-01', 'chronic', 1100, disease => 'CH19')),
  '{"deductible": 100, "pooled_fund": 500, "over_cap": 100, "copay": 400, "transfer_to": "personal",
    "notes": ["JL19-CH", "chronic_fund_max"]}',
  'JL19-CH: what a disease''s fund maximum cuts off is over_cap, with a note');
SELECT results_eq($$SELECT rule, amount FROM matins_explain(pg_temp.r(90, '2025-03-01', 'chronic', 1100, disease => 'CH19'))
      WHERE note LIKE '%fund maximum%'$$,
  $$VALUES ('JL19-CH', 100.00::numeric)$$,
  'JL19-CH: explain shows the fund maximum''s cut');
-- the same disease later in the year, 500 of its quota used and 300 of its maximum paid: 600 ->
-- 500 of the quota left (100 over it), 500 x 60% = 300 due, 200 of the maximum left: 200 paid,
-- 100 cut; over_cap 100 + 100 = 200, copay 500 x 40% = 200
SELECT pg_temp.settles(matins_settle(pg_temp.r(90, '2025-06-01', 'chronic', 600, disease => 'CH19'),
    '{"chronic": {"CH19": {"in_scope": 500, "fund_paid": 300, "deductible_paid": 100}}}'::jsonb),
  '{"deductible": 0, "pooled_fund": 200, "over_cap": 200, "copay": 200,
    "notes": ["JL19-CH", "chronic_quota", "chronic_fund_max"]}',
  'JL19-CH: the fund maximum reached inside a claim');

------------------------------------------------------------------ who JL19 applies to (0.4.0)
-- rules.md §2: JL19 applies to the members of resident insurance (scheme 390); a flexible worker
-- may join it.  Level 1 stay of 1000: deductible 200, (1000 - 200) x 80% = 640, personal 360
SELECT pg_temp.settles(matins_settle(pg_temp.c(91, '220000', '2025-03-01', 'inpatient', 1000,
        person_type => 'flexible', scheme => 'resident', hospital_level => 1)),
  '{"policy": "JL-2019-RES", "route": "resident.inpatient", "deductible": 200, "pooled_fund": 640,
    "copay": 160, "personal": 360}',
  'JL19-IP: a flexible worker in resident insurance is settled by the resident rules');
-- JL24-DL: her delivery goes to JL19-IP too: level 2, deductible 500, (10000 - 500) x 70% = 6650
SELECT pg_temp.settles(matins_settle(pg_temp.c(92, '220000', '2025-03-01', 'delivery', 10000,
        person_type => 'flexible', scheme => 'resident', hospital_level => 2)),
  '{"policy": "JL-2019-RES", "route": "resident.inpatient", "deductible": 500, "pooled_fund": 6650,
    "personal": 3350, "has_notes": ["JL24-DL", "JL19-IP"]}',
  'JL24-DL: a flexible worker in resident insurance delivers under JL19-IP; notes cite both');
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(93, '220000', '2025-03-01', 'delivery', 10000,
        person_type => 'spouse', scheme => 'resident', hospital_level => 2))$$,
  '22023', NULL, 'rules.md §0: a spouse in Jilin still has no rule');
-- the day before JL24 is in force (2024-06-30) a resident's delivery is JL19-IP's alone;
-- level 2: (10000 - 500) x 70% = 6650
SELECT pg_temp.settles(matins_settle(pg_temp.r(94, '2024-06-30', 'delivery', 10000, hospital_level => 2)),
  '{"policy": "JL-2019-RES", "pooled_fund": 6650, "notes": ["JL19-IP"]}',
  'JL19-IP: a resident''s delivery the day before JL24 applies cites JL19-IP only');
SELECT pg_temp.settles(matins_settle(pg_temp.r(95, '2024-07-01', 'delivery', 10000, hospital_level => 2)),
  '{"policy": "JL-2019-RES", "pooled_fund": 6650, "notes": ["JL24-DL", "JL19-IP"]}',
  'JL24-DL: from its first day it sends the delivery to JL19-IP, and the notes cite both');

------------------------------------------------------------------ disease codes (contract: Codes)
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(96, '2025-03-01', 'inpatient', 10000, hospital_level => 3,
        disease => 'XYZ'))$$,
  '22023', 'unknown disease "XYZ"', 'Codes: an unknown disease on an inpatient claim is an error');
-- JL19-MP: a critically ill pregnant woman is settled by JL19-IP: level 3, (10000 - 800) x 55% = 5060
SELECT pg_temp.settles(matins_settle(pg_temp.r(97, '2025-03-01', 'delivery', 10000, hospital_level => 3,
        disease => 'HTN')),
  '{"deductible": 800, "pooled_fund": 5060, "notes": ["JL24-DL", "JL19-IP", "JL19-MP"]}',
  'JL19-MP: a delivery with pregnancy-induced hypertension is flagged and settled by JL19-IP');
-- obstetric haemorrhage ('OBH', a matins code) on any stay: level 2, (6000 - 500) x 70% = 3850
SELECT pg_temp.settles(matins_settle(pg_temp.r(98, '2025-03-01', 'inpatient', 6000, hospital_level => 2,
        disease => 'OBH')),
  '{"deductible": 500, "pooled_fund": 3850, "notes": ["JL19-IP", "JL19-MP"]}',
  'JL19-MP: a stay for obstetric haemorrhage is flagged and settled by JL19-IP');
SELECT pg_temp.settles(matins_settle(pg_temp.r(99, '2025-03-01', 'inpatient', 6000, hospital_level => 2,
        disease => 'HTN')),
  '{"pooled_fund": 3850, "notes": ["JL19-IP"]}',
  'JL19-MP: hypertension on a stay that is not a delivery is not flagged');
SELECT pg_temp.settles(matins_settle(pg_temp.r(100, '2025-03-01', 'delivery', 10000, hospital_level => 3)),
  '{"pooled_fund": 5060, "notes": ["JL24-DL", "JL19-IP"]}',
  'JL19-MP: a delivery without a critical condition is not flagged');

------------------------------------------------------------------ catalog defects (0.5.0)
-- a region's own level-2 bands with a gap (0-10000 at 70%, 20000 up at 80%) replace the shipped
-- ones: a stay whose position crosses the gap is an error, not a 0% share
INSERT INTO matins.band_schedule (policy, scheme, level, lower_bound, upper_bound, ratio, source)
VALUES ('JL-2019-RES', 'resident', 2, 0, 10000, 0.70, 'JL19-IP'),
       ('JL-2019-RES', 'resident', 2, 20000, NULL, 0.80, 'JL19-IP');
SELECT throws_ok($$SELECT matins_settle(pg_temp.r(110, '2025-03-01', 'inpatient', 15000, 2))$$,
  '22023', 'the ratio bands of policy JL-2019-RES for hospital level 2 leave part of the position 500.00 to 15000.00 without a ratio',
  'JL19-IP: bands with a gap are an error where a stay falls in it');
-- below the gap the bands still pay: 5000 -> deductible 500, 4500 x 70% = 3150
SELECT pg_temp.settles(matins_settle(pg_temp.r(111, '2025-03-01', 'inpatient', 5000, 2)),
  '{"deductible": 500, "pooled_fund": 3150}',
  'JL19-IP: a stay below the gap is paid by the bands');
-- a route condition given as an empty array would match every claim: refused
SELECT throws_ok($$INSERT INTO matins.route (policy, seq, benefit, setting, scheme, person_types, handler, route,
        fund, ratio, source)
      VALUES ('JL-2019-RES', 99, 'delivery', 'inpatient', 'resident', '{}', 'full', 'maternity.inpatient',
        'maternity', 0.2, 'JL24-DL')$$,
  '23514', 'new row for relation "route" violates check constraint "route_conditions_not_empty"',
  'catalog: a route whose person types are an empty array is refused');
SELECT throws_ok($$INSERT INTO matins.route (policy, seq, benefit, setting, scheme, person_types, handler, route,
        fund, ratio, source)
      VALUES ('JL-2019-RES', 99, 'delivery', 'inpatient', 'resident', '{resident}', 'full', 'basic.inpatient',
        'pooled', 0.5, 'JL19-IP')$$,
  '23514', 'new row for relation "route" violates check constraint "route_insurance_type"',
  'catalog: a route named outside maternity, resident and employee is refused (to_nhsa reports its insutype from the name; 0.7.0)');

SELECT * FROM finish();
ROLLBACK;

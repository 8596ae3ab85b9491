-- pgTAP: hand-computed acceptance cases for 0.6.0, written from rules.md and contract.md alone by
-- a reviewer who did not read the engine (the release audit); the working of each case is in the
-- comment above it. Every expectation row is one test; the settlement identities are checked for
-- every settlement. The report queries at the end turn each row into a pgTAP test.
BEGIN;
SET LOCAL search_path = "$user", public, matins;
SELECT * FROM no_plan();

-- region parameters (values chosen by the tester; the seeds leave them to the region)
SELECT matins.set_param('220100', 'prenatal.cap', 1500, '2025-01-01');            -- Changchun's own cap
SELECT matins.set_param('220000', 'family_planning.other_ratio', 0.8, '2024-07-01');
SELECT matins.set_param('220000', 'employee.class_b_rate', 0.05, '2020-01-01');
SELECT matins.set_param('220000', 'employee.inpatient.deductible.l2', 600, '2020-01-01');
SELECT matins.set_param('220000', 'employee.inpatient.ratio.l2', 0.85, '2020-01-01');
SELECT matins.set_param('220000', 'employee.annual_cap', 500000, '2020-01-01');
SELECT matins.set_param('220000', 'art.deductible.l1', 300, '2024-07-01');
SELECT matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01');
SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.employee.l2', 0.75, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.employee.l3', 0.70, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.resident.l2', 0.65, '2024-07-01');
SELECT matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
SELECT matins.set_param('220000', 'resident.inpatient.deductible.l3', 1000, '2020-01-01');
SELECT matins.set_param('220000', 'resident.outpatient.deductible', 50, '2020-01-01');
SELECT matins.set_param('220000', 'resident.outpatient.limit', 700, '2020-01-01');
SELECT matins.set_param('220000', 'resident.chronic.deductible', 100, '2020-01-01');
SELECT matins.set_param('220000', 'resident.special.deductible', 300, '2020-01-01');
SELECT matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
SELECT matins.set_param('150000', 'employee.class_b_rate', 0.10, '2026-01-01');
SELECT matins.set_param('150000', 'employee.inpatient.deductible.l2', 600, '2026-01-01');
SELECT matins.set_param('150000', 'employee.inpatient.deductible.l3', 800, '2026-01-01');
SELECT matins.set_param('150000', 'employee.inpatient.ratio.l2', 0.90, '2026-01-01');
SELECT matins.set_param('150000', 'employee.inpatient.ratio.l3', 0.85, '2026-01-01');
SELECT matins.set_param('330300', 'employee.annual_cap', 100000, '2020-01-01');

CREATE TEMP TABLE expect (case_id text, field text, expected text) ON COMMIT DROP;
CREATE TEMP TABLE got (case_id text, s matins.settlement) ON COMMIT DROP;

------------------------------------------------------------------ Jilin 2024 maternity
-- S01 JL24-PN city parameter: Changchun district 220104 inherits 220100's cap 1500 (2025-01-01).
--   in_scope = 1800-100 = 1700; paid min(1700,1500) = 1500; over_cap 200 -> general_outpatient; personal 1800-1500 = 300
INSERT INTO got SELECT 'S01', matins_settle(matins.make_claim(claim_id => 101, person_id => 101, region => '220104',
  service_date => '2025-03-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 2, total => 1800, self_pay => 100));
INSERT INTO expect VALUES ('S01','in_scope','1700.00'),('S01','maternity_fund','1500.00'),('S01','over_cap','200.00'),
  ('S01','transfer_to','general_outpatient'),('S01','personal','300.00'),('S01','policy','JL-2024-MAT');
-- S02 same city the day before its own cap starts (2024-12-31): province cap 1000 applies.
--   in_scope 1700; paid 1000; over_cap 700
INSERT INTO got SELECT 'S02', matins_settle(matins.make_claim(claim_id => 102, person_id => 102, region => '220104',
  service_date => '2024-12-31', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 2, total => 1800, self_pay => 100));
INSERT INTO expect VALUES ('S02','maternity_fund','1000.00'),('S02','over_cap','700.00');
-- S03 prior form: 800 already paid in the pregnancy (220200 inherits 220000 cap 1000): 500 claimed -> 200 paid, 300 over_cap
INSERT INTO got SELECT 'S03', matins_settle(matins.make_claim(claim_id => 103, person_id => 103, region => '220200',
  service_date => '2025-01-10', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 1, total => 500), '{"prenatal_paid": 800}'::jsonb);
INSERT INTO expect VALUES ('S03','maternity_fund','200.00'),('S03','over_cap','300.00'),('S03','transfer_to','general_outpatient');
-- S04 cap reached exactly: prior 400 + 600 = 1000 -> all 600 paid, over_cap 0, nothing transferred
INSERT INTO got SELECT 'S04', matins_settle(matins.make_claim(claim_id => 104, person_id => 104, region => '220000',
  service_date => '2025-01-10', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 1, total => 600), '{"prenatal_paid": 400}'::jsonb);
INSERT INTO expect VALUES ('S04','maternity_fund','600.00'),('S04','over_cap','0.00'),('S04','personal','0.00');
-- S05 first day of JL-2024-MAT (2024-07-01): prenatal 300, 100%, no deductible
INSERT INTO got SELECT 'S05', matins_settle(matins.make_claim(claim_id => 105, person_id => 105, region => '220000',
  service_date => '2024-07-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 3, total => 300));
INSERT INTO expect VALUES ('S05','policy','JL-2024-MAT'),('S05','maternity_fund','300.00'),('S05','deductible','0.00');
-- S06 flexible female employee, prenatal (JL24-PN): not a maternity route whatever maternity_insured says:
--   in_scope 800 all over_cap -> general_outpatient, fund 0
INSERT INTO got SELECT 'S06', matins_settle(matins.make_claim(claim_id => 106, person_id => 106, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'flexible', maternity_insured => true,
  benefit => 'prenatal', hospital_level => 2, total => 800));
INSERT INTO expect VALUES ('S06','fund_total','0.00'),('S06','over_cap','800.00'),('S06','transfer_to','general_outpatient');
-- S07 enterprise delivery (JL24-DL, JL24-SC): no class-B share on a maternity route; over_limit stays personal.
--   in_scope = 10000-1000-200 = 8800 paid 100%; personal 1200
INSERT INTO got SELECT 'S07', matins_settle(matins.make_claim(claim_id => 107, person_id => 107, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery',
  hospital_level => 3, total => 10000, self_pay => 1000, over_limit => 200, class_b => 3000));
INSERT INTO expect VALUES ('S07','pre_self_pay','0.00'),('S07','over_limit','200.00'),('S07','in_scope','8800.00'),
  ('S07','maternity_fund','8800.00'),('S07','deductible','0.00'),('S07','personal','1200.00');
-- S08 flexible delivery (JL24-DL): employee inpatient rules, level 2: class-B 5% of 4000 = 200;
--   in_scope 20000-1000-200 = 18800; deductible 600; fund (18800-600)*0.85 = 15470; copay 2730; personal 4530
INSERT INTO got SELECT 'S08', matins_settle(matins.make_claim(claim_id => 108, person_id => 108, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'flexible', benefit => 'delivery',
  hospital_level => 2, total => 20000, self_pay => 1000, class_b => 4000));
INSERT INTO expect VALUES ('S08','pre_self_pay','200.00'),('S08','in_scope','18800.00'),('S08','deductible','600.00'),
  ('S08','pooled_fund','15470.00'),('S08','maternity_fund','0.00'),('S08','copay','2730.00'),('S08','personal','4530.00');
-- S09 JL24-FP IUD removal, outpatient: like delivery, 100%: 300-20 = 280
INSERT INTO got SELECT 'S09', matins_settle(matins.make_claim(claim_id => 109, person_id => 109, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'iud_remove', hospital_level => 2, total => 300, self_pay => 20));
INSERT INTO expect VALUES ('S09','maternity_fund','280.00'),('S09','personal','20.00');
-- S10 JL24-FP other procedure (tubal ligation) at other_ratio 0.8: 1000 -> 800 fund, copay 200
INSERT INTO got SELECT 'S10', matins_settle(matins.make_claim(claim_id => 110, person_id => 110, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'tubal_ligation', hospital_level => 2, total => 1000));
INSERT INTO expect VALUES ('S10','maternity_fund','800.00'),('S10','copay','200.00'),('S10','personal','200.00');
-- S11 JL24-FP vas reversal: like delivery 100%, class_b ignored: 5000
INSERT INTO got SELECT 'S11', matins_settle(matins.make_claim(claim_id => 111, person_id => 111, region => '220000',
  service_date => '2025-02-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'vas_reversal', hospital_level => 3, total => 5000, class_b => 2000));
INSERT INTO expect VALUES ('S11','maternity_fund','5000.00'),('S11','pre_self_pay','0.00');
-- S12 resident prenatal in Jilin: no maternity route -> all in-scope over_cap to general_outpatient
INSERT INTO got SELECT 'S12', matins_settle(matins.make_claim(claim_id => 112, person_id => 112, region => '220000',
  service_date => '2025-02-01', scheme => 'resident', person_type => 'resident', benefit => 'prenatal',
  hospital_level => 1, total => 500));
INSERT INTO expect VALUES ('S12','fund_total','0.00'),('S12','over_cap','500.00'),('S12','transfer_to','general_outpatient');

------------------------------------------------------------------ Jilin 2019 resident
-- S13 resident delivery level 3 (JL24-DL -> JL19-IP): deductible 1000; band 1000..30000 at 55% = 15950;
--   30000..50000 at 60% = 12000; fund 27950; copay 49000-27950 = 21050; personal 22050
INSERT INTO got SELECT 'S13', matins_settle(matins.make_claim(claim_id => 113, person_id => 113, region => '220000',
  service_date => '2025-02-01', scheme => 'resident', person_type => 'resident', benefit => 'delivery',
  hospital_level => 3, total => 50000));
INSERT INTO expect VALUES ('S13','policy','JL-2019-RES'),('S13','deductible','1000.00'),('S13','pooled_fund','27950.00'),
  ('S13','copay','21050.00'),('S13','personal','22050.00'),('S13','note','JL19-IP');
-- S14 band crossing with prior position 55000, level 2: deductible 500 (55000..55500), 55500..60000 at 75% = 3375,
--   60000..65000 at 80% = 4000: fund 7375; copay 10000-500-7375 = 2125
INSERT INTO got SELECT 'S14', matins_settle(matins.make_claim(claim_id => 114, person_id => 114, region => '220000',
  service_date => '2025-05-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 2, total => 10000), '{"inpatient_position": 55000}'::jsonb);
INSERT INTO expect VALUES ('S14','deductible','500.00'),('S14','pooled_fund','7375.00'),('S14','copay','2125.00');
-- S15 200000 cap: prior fund 199000, position 100000, level 1: deductible 200; 4800*0.9 = 4320 -> capped at 1000;
--   over_cap 3320 -> critical_illness; copay 480
INSERT INTO got SELECT 'S15', matins_settle(matins.make_claim(claim_id => 115, person_id => 115, region => '220000',
  service_date => '2025-09-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 1, total => 5000), '{"inpatient_position": 100000, "resident_fund_paid": 199000}'::jsonb);
INSERT INTO expect VALUES ('S15','deductible','200.00'),('S15','pooled_fund','1000.00'),('S15','over_cap','3320.00'),
  ('S15','copay','480.00'),('S15','transfer_to','critical_illness');
-- S16 upward referral level 2 (500) -> level 3 (1000): deductible 1000-500 = 500; position 8000 -> 8500 deductible,
--   8500..18000 at 55% = 5225; copay 4275
INSERT INTO got SELECT 'S16', matins_settle(matins.make_claim(claim_id => 116, person_id => 116, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 3, referral => 'up', total => 10000),
  '{"inpatient_position": 8000, "last_stay_deductible": 500, "last_stay_date": "2025-02-01"}'::jsonb);
INSERT INTO expect VALUES ('S16','deductible','500.00'),('S16','pooled_fund','5225.00'),('S16','copay','4275.00');
-- S17 downward referral to level 2 from a level-3 stay (1000): 500-1000 < 0 -> deductible 0; 4000*0.7 = 2800
INSERT INTO got SELECT 'S17', matins_settle(matins.make_claim(claim_id => 117, person_id => 117, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 2, referral => 'down', total => 4000),
  '{"inpatient_position": 20000, "last_stay_deductible": 1000, "last_stay_date": "2025-02-01"}'::jsonb);
INSERT INTO expect VALUES ('S17','deductible','0.00'),('S17','pooled_fund','2800.00'),('S17','copay','1200.00');
-- S18 band edge reached exactly: level 1, 30000: deductible 200; 29800*0.8 = 23840; copay 5960
INSERT INTO got SELECT 'S18', matins_settle(matins.make_claim(claim_id => 118, person_id => 118, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 1, total => 30000));
INSERT INTO expect VALUES ('S18','deductible','200.00'),('S18','pooled_fund','23840.00'),('S18','copay','5960.00');
-- S19 prior position exactly 30000, level 1, 1000: deductible 200 (30000..30200), 800 at 85% = 680; copay 120
INSERT INTO got SELECT 'S19', matins_settle(matins.make_claim(claim_id => 119, person_id => 119, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
  hospital_level => 1, total => 1000), '{"inpatient_position": 30000}'::jsonb);
INSERT INTO expect VALUES ('S19','pooled_fund','680.00'),('S19','copay','120.00');
-- S20 JL19-OP level 1: deductible 50, (300-50)*0.5 = 125
INSERT INTO got SELECT 'S20', matins_settle(matins.make_claim(claim_id => 120, person_id => 120, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'outpatient',
  hospital_level => 1, total => 300));
INSERT INTO expect VALUES ('S20','deductible','50.00'),('S20','pooled_fund','125.00'),('S20','copay','125.00');
-- S21 JL19-OP limit 700: deductible already paid, 650 used: 200*0.5 = 100 -> 50 left; over_cap 50; copay 100
INSERT INTO got SELECT 'S21', matins_settle(matins.make_claim(claim_id => 121, person_id => 121, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'outpatient',
  hospital_level => 1, total => 200), '{"outpatient_deductible_paid": 50, "outpatient_fund_paid": 650}'::jsonb);
INSERT INTO expect VALUES ('S21','deductible','0.00'),('S21','pooled_fund','50.00'),('S21','over_cap','50.00'),('S21','copay','100.00');
-- S22 JL19-OP level 2 for hypertension medication: deductible 50, (400-50)*0.5 = 175
INSERT INTO got SELECT 'S22', matins_settle(matins.make_claim(claim_id => 122, person_id => 122, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'outpatient',
  disease => 'HTN', hospital_level => 2, total => 400));
INSERT INTO expect VALUES ('S22','deductible','50.00'),('S22','pooled_fund','175.00');
-- S23 JL19-CH 6500 ceiling: CH02, prior general+chronic 6000; deductible 100; (2000-100)*0.6 = 1140 -> 500 left;
--   over_cap 640; copay 760
INSERT INTO got SELECT 'S23', matins_settle(matins.make_claim(claim_id => 123, person_id => 123, region => '220000',
  service_date => '2025-10-01', scheme => 'resident', person_type => 'resident', benefit => 'chronic',
  disease => 'CH02', hospital_level => 2, total => 2000), '{"outpatient_chronic_fund_paid": 6000}'::jsonb);
INSERT INTO expect VALUES ('S23','deductible','100.00'),('S23','pooled_fund','500.00'),('S23','over_cap','640.00'),('S23','copay','760.00');
-- S24 JL19-CH quota: CH11 (quota 1700, fund max 1020), deductible already paid: 2000 in scope, quota 1700 -> 0.6*1700 = 1020
INSERT INTO got SELECT 'S24', matins_settle(matins.make_claim(claim_id => 124, person_id => 124, region => '220000',
  service_date => '2025-10-01', scheme => 'resident', person_type => 'resident', benefit => 'chronic',
  disease => 'CH11', hospital_level => 2, total => 2000), '{"chronic": {"CH11": {"deductible_paid": 100}}}'::jsonb);
INSERT INTO expect VALUES ('S24','deductible','0.00'),('S24','pooled_fund','1020.00');
-- S25 JL19-SP level 2: class-B 10% of 1000 = 100; in_scope 4900; special deductible 300; (4600)*0.7 = 3220; copay 1380; personal 1780
INSERT INTO got SELECT 'S25', matins_settle(matins.make_claim(claim_id => 125, person_id => 125, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'special',
  disease => 'SP01', hospital_level => 2, total => 5000, class_b => 1000));
INSERT INTO expect VALUES ('S25','pre_self_pay','100.00'),('S25','in_scope','4900.00'),('S25','deductible','300.00'),
  ('S25','pooled_fund','3220.00'),('S25','copay','1380.00'),('S25','personal','1780.00'),('S25','note','JL19-B');
-- S26 day surgery as special disease, level 3, deductible already paid: 2000*0.55 = 1100
INSERT INTO got SELECT 'S26', matins_settle(matins.make_claim(claim_id => 126, person_id => 126, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'day_surgery',
  hospital_level => 3, total => 2000), '{"special_deductible_paid": 300}'::jsonb);
INSERT INTO expect VALUES ('S26','deductible','0.00'),('S26','pooled_fund','1100.00');
-- S27 special disease sharing the inpatient position 29000, level 3: 29000..30000 at 55% = 550, 30000..32000 at 60% = 1200 -> 1750
INSERT INTO got SELECT 'S27', matins_settle(matins.make_claim(claim_id => 127, person_id => 127, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'special',
  disease => 'SP05', hospital_level => 3, total => 3000), '{"special_deductible_paid": 300, "inpatient_position": 29000}'::jsonb);
INSERT INTO expect VALUES ('S27','pooled_fund','1750.00'),('S27','copay','1250.00');
-- S28 JL19-MP critically ill (OBH) resident delivery, level 2: flagged, settled by JL19-IP: 500 ded, 9500*0.7 = 6650
INSERT INTO got SELECT 'S28', matins_settle(matins.make_claim(claim_id => 128, person_id => 128, region => '220000',
  service_date => '2025-03-01', scheme => 'resident', person_type => 'resident', benefit => 'delivery',
  disease => 'OBH', hospital_level => 2, total => 10000));
INSERT INTO expect VALUES ('S28','deductible','500.00'),('S28','pooled_fund','6650.00'),('S28','note','JL19-MP');

------------------------------------------------------------------ Jilin ART
-- S30 employee, level 2: ICSI 3 eggs charged 9000 -> standard min(6000, 9000) = 6000, over_limit 3000;
--   frozen transfer 2800+1500 = 4300 in. class-B 5% of 10300 = 515; in_scope 9785; deductible 600;
--   fund (9185)*0.75 = 6888.75; copay 2296.25; personal 13300-6888.75 = 6411.25
INSERT INTO got SELECT 'S30', matins_settle(matins.make_claim(claim_id => 130, person_id => 130, region => '220000',
  service_date => '2025-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600012', NULL, 3, 9000, 0, NULL)::matins.claim_line,
                 ROW('311600005', NULL, 1, 4300, 1500, NULL)::matins.claim_line]));
INSERT INTO expect VALUES ('S30','total','13300.00'),('S30','over_limit','3000.00'),('S30','pre_self_pay','515.00'),
  ('S30','in_scope','9785.00'),('S30','deductible','600.00'),('S30','pooled_fund','6888.75'),('S30','copay','2296.25'),
  ('S30','personal','6411.25'),('S30','note','JL24-ART-2');
-- S31 PGT 4 embryos (monogenic), resident level 3, deductible already paid: standard 1500+750*3 = 3750; over_limit 250;
--   class-B 10% = 375; in_scope 3375; fund 3375*0.55 = 1856.25; copay 1518.75; personal 2143.75
INSERT INTO got SELECT 'S31', matins_settle(matins.make_claim(claim_id => 131, person_id => 131, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600008', NULL, 4, 4000, 0, 'monogenic')::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('S31','over_limit','250.00'),('S31','pre_self_pay','375.00'),('S31','in_scope','3375.00'),
  ('S31','deductible','0.00'),('S31','pooled_fund','1856.25'),('S31','personal','2143.75');
-- S32 PGT 8 embryos (chromosomal): 1500+750*7 = 6750 -> cap 6000; charged 12000: over_limit 6000; pre 600; in 5400; fund 2970
INSERT INTO got SELECT 'S32', matins_settle(matins.make_claim(claim_id => 132, person_id => 132, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600008', NULL, 8, 12000, 0, 'chromosomal')::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('S32','over_limit','6000.00'),('S32','pre_self_pay','600.00'),('S32','in_scope','5400.00'),
  ('S32','pooled_fund','2970.00');
-- S33 ICSI 1 egg with oocyte activation (+25%): standard 3750 = charge; employee l2, deductible paid:
--   pre 5% = 187.50; in 3562.50; fund 0.75*3562.5 = 2671.875 -> 2671.88
INSERT INTO got SELECT 'S33', matins_settle(matins.make_claim(claim_id => 133, person_id => 133, region => '220000',
  service_date => '2025-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600012', NULL, 1, 3750, 750, NULL)::matins.claim_line]), '{"art_deductible_paid": 600}'::jsonb);
INSERT INTO expect VALUES ('S33','over_limit','0.00'),('S33','pre_self_pay','187.50'),('S33','in_scope','3562.50'),
  ('S33','pooled_fund','2671.88');
-- S34 sperm retrieval under microscope (+2000 payable): standard 2900; resident l2: pre 290; in 2610; ded 600;
--   fund 2010*0.65 = 1306.50; copay 703.50
INSERT INTO got SELECT 'S34', matins_settle(matins.make_claim(claim_id => 134, person_id => 134, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600011', NULL, 1, 2900, 2000, NULL)::matins.claim_line]));
INSERT INTO expect VALUES ('S34','over_limit','0.00'),('S34','pre_self_pay','290.00'),('S34','deductible','600.00'),
  ('S34','pooled_fund','1306.50'),('S34','copay','703.50');
-- S35 AI billed 2 times (次 item): one unit paid, 600 self_pay; deductible top-up l3 1000 - 600 paid = 400;
--   pre 30; in 570; fund (570-400)*0.7 = 119; copay 51; personal 1081
INSERT INTO got SELECT 'S35', matins_settle(matins.make_claim(claim_id => 135, person_id => 135, region => '220000',
  service_date => '2025-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600009', NULL, 2, 1200, 0, NULL)::matins.claim_line]), '{"art_deductible_paid": 600}'::jsonb);
INSERT INTO expect VALUES ('S35','self_pay','600.00'),('S35','pre_self_pay','30.00'),('S35','in_scope','570.00'),
  ('S35','deductible','400.00'),('S35','pooled_fund','119.00'),('S35','copay','51.00'),('S35','personal','1081.00');
-- S36 later claim at a lower level after a level-3 deductible (1000 paid): no top-up; sperm selection 900:
--   pre 45; in 855; fund 855*0.75 = 641.25
INSERT INTO got SELECT 'S36', matins_settle(matins.make_claim(claim_id => 136, person_id => 136, region => '220000',
  service_date => '2025-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600010', NULL, 1, 900, 0, NULL)::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('S36','deductible','0.00'),('S36','pooled_fund','641.25'),('S36','copay','213.75');
-- S37 once per person via prior art_items_used: AI already paid -> line not paid, 600 self_pay, in_scope 0
INSERT INTO got SELECT 'S37', matins_settle(matins.make_claim(claim_id => 137, person_id => 137, region => '220000',
  service_date => '2025-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600009', NULL, 1, 600, 0, NULL)::matins.claim_line]),
  '{"art_deductible_paid": 600, "art_items_used": ["311600009"]}'::jsonb);
INSERT INTO expect VALUES ('S37','self_pay','600.00'),('S37','in_scope','0.00'),('S37','fund_total','0.00');
-- S38 window, resident l3, one person:
--  381 2025-03-01 transfer 2800: pre 280; in 2520; ded 1000; fund 1520*0.55 = 836; copay 684
--  382 2025-05-01 transfer again (used: self_pay 2800) + AI 600: pre 60; in 540; ded 0; fund 297; personal 3400-297 = 3103
--  383 2026-01-10 culture 4050: new year -> ded 1000 again; pre 405; in 3645; fund 2645*0.55 = 1454.75
INSERT INTO got SELECT 'S38-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 381, person_id => 138, region => '220000', service_date => '2025-03-01', scheme => 'resident',
     person_type => 'resident', benefit => 'art', hospital_level => 3,
     lines => ARRAY[ROW('311600005', NULL, 1, 2800, 0, NULL)::matins.claim_line])),
   (matins.make_claim(claim_id => 382, person_id => 138, region => '220000', service_date => '2025-05-01', scheme => 'resident',
     person_type => 'resident', benefit => 'art', hospital_level => 3,
     lines => ARRAY[ROW('311600005', NULL, 1, 2800, 0, NULL)::matins.claim_line, ROW('311600009', NULL, 1, 600, 0, NULL)::matins.claim_line])),
   (matins.make_claim(claim_id => 383, person_id => 138, region => '220000', service_date => '2026-01-10', scheme => 'resident',
     person_type => 'resident', benefit => 'art', hospital_level => 3,
     lines => ARRAY[ROW('311600002', NULL, 1, 4050, 0, NULL)::matins.claim_line]))) v(c)) r;
INSERT INTO expect VALUES ('S38-381','deductible','1000.00'),('S38-381','pooled_fund','836.00'),('S38-381','copay','684.00'),
  ('S38-382','self_pay','2800.00'),('S38-382','pre_self_pay','60.00'),('S38-382','deductible','0.00'),('S38-382','pooled_fund','297.00'),
  ('S38-382','personal','3103.00'),('S38-383','deductible','1000.00'),('S38-383','pooled_fund','1454.75');
-- S40 PGT line without indication: the fund condition is not met -> not paid (in_scope 0, fund 0)
INSERT INTO got SELECT 'S40', matins_settle(matins.make_claim(claim_id => 140, person_id => 140, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600008', NULL, 1, 1500, 0, NULL)::matins.claim_line]), '{"art_deductible_paid": 1000}'::jsonb);
INSERT INTO expect VALUES ('S40','in_scope','0.00'),('S40','fund_total','0.00');
-- S41 first day of ART (2024-07-01), resident l3: AI 600: pre 60; in 540; deductible absorbs all 540; fund 0
INSERT INTO got SELECT 'S41', matins_settle(matins.make_claim(claim_id => 141, person_id => 141, region => '220000',
  service_date => '2024-07-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600009', NULL, 1, 600, 0, NULL)::matins.claim_line]));
INSERT INTO expect VALUES ('S41','pre_self_pay','60.00'),('S41','deductible','540.00'),('S41','fund_total','0.00');
-- S42 ART with a class-A drug line beside culture: pre only on B: 405; in 4050-405+1000 = 4645; ded 600 (l2);
--   fund 4045*0.65 = 2629.25; copay 1415.75
INSERT INTO got SELECT 'S42', matins_settle(matins.make_claim(claim_id => 142, person_id => 142, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 2,
  lines => ARRAY[ROW('311600002', NULL, 1, 4050, 0, NULL)::matins.claim_line, ROW('DRUG-A01', 'A', 1, 1000, 0, NULL)::matins.claim_line]));
INSERT INTO expect VALUES ('S42','pre_self_pay','405.00'),('S42','in_scope','4645.00'),('S42','pooled_fund','2629.25'),('S42','copay','1415.75');
-- S43 ART counts toward 200000: resident fund already 199500; culture 4050: in 3645; fund 2004.75 -> 500; over_cap 1504.75
INSERT INTO got SELECT 'S43', matins_settle(matins.make_claim(claim_id => 143, person_id => 143, region => '220000',
  service_date => '2025-04-01', scheme => 'resident', person_type => 'resident', benefit => 'art', hospital_level => 3,
  lines => ARRAY[ROW('311600002', NULL, 1, 4050, 0, NULL)::matins.claim_line]),
  '{"art_deductible_paid": 1000, "resident_fund_paid": 199500}'::jsonb);
INSERT INTO expect VALUES ('S43','pooled_fund','500.00'),('S43','over_cap','1504.75'),('S43','copay','1640.25');

------------------------------------------------------------------ Inner Mongolia / Baotou
-- S50 NM-PN lines: 01 (50) in; 03 (120) uses the 03/04 pair's one count; 04 (100) outside -> general_outpatient
INSERT INTO got SELECT 'S50', matins_settle(matins.make_claim(claim_id => 150, person_id => 150, region => '150200',
  service_date => '2026-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
  lines => ARRAY[ROW('NMPN01', NULL, 1, 50, 0, NULL)::matins.claim_line, ROW('NMPN03', NULL, 1, 120, 0, NULL)::matins.claim_line,
                 ROW('NMPN04', NULL, 1, 100, 0, NULL)::matins.claim_line]));
INSERT INTO expect VALUES ('S50','in_scope','270.00'),('S50','maternity_fund','170.00'),('S50','over_cap','100.00'),
  ('S50','transfer_to','general_outpatient'),('S50','policy','BT-2026-MAT');
-- S51 prior package_counts: 血常规 (NMPN13, 4) used up: 30 outside; 尿常规 20 in
INSERT INTO got SELECT 'S51', matins_settle(matins.make_claim(claim_id => 151, person_id => 151, region => '150200',
  service_date => '2026-04-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 2,
  lines => ARRAY[ROW('NMPN13', NULL, 1, 30, 0, NULL)::matins.claim_line, ROW('NMPN14', NULL, 1, 20, 0, NULL)::matins.claim_line]),
  '{"package_counts": {"NMPN13": 4}}'::jsonb);
INSERT INTO expect VALUES ('S51','maternity_fund','20.00'),('S51','over_cap','30.00');
-- S52 window, Hohhot (150100, NM-2025-MAT): NIPT first (800 paid) decides the 34/35 pair; a later 唐筛 is outside (150)
INSERT INTO got SELECT 'S52-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 521, person_id => 152, region => '150100', service_date => '2026-05-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3,
     lines => ARRAY[ROW('NMPN35', NULL, 1, 800, 0, NULL)::matins.claim_line])),
   (matins.make_claim(claim_id => 522, person_id => 152, region => '150100', service_date => '2026-06-01', scheme => 'employee',
     person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3,
     lines => ARRAY[ROW('NMPN34', NULL, 1, 150, 0, NULL)::matins.claim_line]))) v(c)) r;
INSERT INTO expect VALUES ('S52-521','policy','NM-2025-MAT'),('S52-521','maternity_fund','800.00'),
  ('S52-522','maternity_fund','0.00'),('S52-522','over_cap','150.00');
-- S54 NM employee annual cap 300000: prior 295000; delivery 10000 -> 5000 paid; 5000 over_cap -> personal
INSERT INTO got SELECT 'S54', matins_settle(matins.make_claim(claim_id => 154, person_id => 154, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
  total => 10000), '{"employee_fund_paid": 295000}'::jsonb);
INSERT INTO expect VALUES ('S54','maternity_fund','5000.00'),('S54','over_cap','5000.00'),('S54','transfer_to','personal'),
  ('S54','note','annual_cap');
-- S55 spouse in resident insurance, delivery (NM-IP): 100%: 6000-500 = 5500
INSERT INTO got SELECT 'S55', matins_settle(matins.make_claim(claim_id => 155, person_id => 155, region => '150200',
  service_date => '2026-05-01', scheme => 'resident', person_type => 'spouse', benefit => 'delivery', hospital_level => 2,
  total => 6000, self_pay => 500));
INSERT INTO expect VALUES ('S55','maternity_fund','5500.00'),('S55','personal','500.00');
-- S56 critically ill (OBH) delivery, employee inpatient rules l3: class-B 10% of 2000 = 200; in 9800; ded 800;
--   fund 9000*0.85 = 7650 pooled; copay 1350
INSERT INTO got SELECT 'S56', matins_settle(matins.make_claim(claim_id => 156, person_id => 156, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', disease => 'OBH',
  hospital_level => 3, total => 10000, class_b => 2000));
INSERT INTO expect VALUES ('S56','pre_self_pay','200.00'),('S56','deductible','800.00'),('S56','pooled_fund','7650.00'),
  ('S56','maternity_fund','0.00'),('S56','copay','1350.00'),('S56','note','critically_ill');
-- S57 NM-NOMI flexible not in maternity insurance, delivery l2: ded 600; 4400*0.9 = 3960 pooled
INSERT INTO got SELECT 'S57', matins_settle(matins.make_claim(claim_id => 157, person_id => 157, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'flexible', maternity_insured => false,
  benefit => 'delivery', hospital_level => 2, total => 5000));
INSERT INTO expect VALUES ('S57','deductible','600.00'),('S57','pooled_fund','3960.00'),('S57','maternity_fund','0.00');
-- S58 flexible who joined maternity insurance: NM-IP 100%
INSERT INTO got SELECT 'S58', matins_settle(matins.make_claim(claim_id => 158, person_id => 158, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'flexible', maternity_insured => true,
  benefit => 'delivery', hospital_level => 2, total => 5000));
INSERT INTO expect VALUES ('S58','maternity_fund','5000.00'),('S58','deductible','0.00');
-- S59 NM-OP outpatient abortion: 100%: 600-50 = 550
INSERT INTO got SELECT 'S59', matins_settle(matins.make_claim(claim_id => 159, person_id => 159, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'abortion', hospital_level => 2, total => 600, self_pay => 50));
INSERT INTO expect VALUES ('S59','maternity_fund','550.00');
-- S60 NM inpatient tubal reversal: not listed in NM-IP -> employee inpatient l3: ded 800; 7200*0.85 = 6120
INSERT INTO got SELECT 'S60', matins_settle(matins.make_claim(claim_id => 160, person_id => 160, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'tubal_reversal', hospital_level => 3, total => 8000));
INSERT INTO expect VALUES ('S60','deductible','800.00'),('S60','pooled_fund','6120.00'),('S60','maternity_fund','0.00');
-- S61 first day of BT-2026-MAT (2026-03-31): delivery 1000, 100%
INSERT INTO got SELECT 'S61', matins_settle(matins.make_claim(claim_id => 161, person_id => 161, region => '150200',
  service_date => '2026-03-31', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 2,
  total => 1000));
INSERT INTO expect VALUES ('S61','policy','BT-2026-MAT'),('S61','maternity_fund','1000.00');
-- S62 unemployed on benefit: delivery 3000, 100%
INSERT INTO got SELECT 'S62', matins_settle(matins.make_claim(claim_id => 162, person_id => 162, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'unemployed', benefit => 'delivery', hospital_level => 2,
  total => 3000));
INSERT INTO expect VALUES ('S62','maternity_fund','3000.00');
-- S63 inpatient abortion counted toward the cap: prior 299000; 1500 -> 1000 paid, 500 over_cap -> personal
INSERT INTO got SELECT 'S63', matins_settle(matins.make_claim(claim_id => 163, person_id => 163, region => '150200',
  service_date => '2026-05-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'abortion', hospital_level => 2, total => 1500), '{"employee_fund_paid": 299000}'::jsonb);
INSERT INTO expect VALUES ('S63','maternity_fund','1000.00'),('S63','over_cap','500.00'),('S63','transfer_to','personal');

------------------------------------------------------------------ Wenzhou draft (named only)
-- S70 WZ-IP delivery: 9000-1000 = 8000 in; yearly maximum 100000, 95000 used -> 5000 paid; 3000 -> critical_illness
INSERT INTO got SELECT 'S70', matins_settle(matins.make_claim(claim_id => 170, person_id => 170, region => '330300',
  service_date => '2026-03-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', hospital_level => 3,
  total => 9000, self_pay => 1000), '{"employee_fund_paid": 95000}'::jsonb, 'WZ-DRAFT-MAT');
INSERT INTO expect VALUES ('S70','policy','WZ-DRAFT-MAT'),('S70','maternity_fund','5000.00'),('S70','over_cap','3000.00'),
  ('S70','transfer_to','critical_illness');
-- S71 WZ-PN prior 2900: 300 -> 100 paid; 200 -> general_outpatient
INSERT INTO got SELECT 'S71', matins_settle(matins.make_claim(claim_id => 171, person_id => 171, region => '330300',
  service_date => '2026-03-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', hospital_level => 3,
  total => 300), '{"prenatal_paid": 2900}'::jsonb, 'WZ-DRAFT-MAT');
INSERT INTO expect VALUES ('S71','maternity_fund','100.00'),('S71','over_cap','200.00'),('S71','transfer_to','general_outpatient');
-- S72 WZ-IP family-planning surgery inpatient: 100%, 2000
INSERT INTO got SELECT 'S72', matins_settle(matins.make_claim(claim_id => 172, person_id => 172, region => '330300',
  service_date => '2026-03-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'tubal_ligation', hospital_level => 2, total => 2000), 'WZ-DRAFT-MAT');
INSERT INTO expect VALUES ('S72','maternity_fund','2000.00');

------------------------------------------------------------------ Lanzhou
-- S80 screening outside the five designated hospitals: 0; over_cap 200 -> general_outpatient
INSERT INTO got SELECT 'S80', matins_settle(matins.make_claim(claim_id => 180, person_id => 180, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'screening',
  hospital => '兰州市第一人民医院', hospital_level => 3, total => 200));
INSERT INTO expect VALUES ('S80','fund_total','0.00'),('S80','over_cap','200.00'),('S80','transfer_to','general_outpatient');
-- S81 second screening in a pregnancy (prior screening_used): 0
INSERT INTO got SELECT 'S81', matins_settle(matins.make_claim(claim_id => 181, person_id => 181, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'screening',
  hospital => '甘肃省人民医院', hospital_level => 3, total => 200), '{"screening_used": true}'::jsonb);
INSERT INTO expect VALUES ('S81','fund_total','0.00'),('S81','personal','200.00');
-- S82 spouse screening at a designated hospital: 50% * min(200,160) = 80
INSERT INTO got SELECT 'S82', matins_settle(matins.make_claim(claim_id => 182, person_id => 182, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'spouse', benefit => 'screening',
  hospital => '甘肃省妇幼保健院', hospital_level => 3, total => 200));
INSERT INTO expect VALUES ('S82','maternity_fund','80.00'),('S82','personal','120.00'),('S82','note','LZ-SPO');
-- S83 screening below the 160 quota: min(100,160) = 100
INSERT INTO got SELECT 'S83', matins_settle(matins.make_claim(claim_id => 183, person_id => 183, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'screening',
  hospital => '兰州市妇幼保健院', hospital_level => 3, total => 100));
INSERT INTO expect VALUES ('S83','maternity_fund','100.00'),('S83','personal','0.00');
-- S84 IUD insertion, level 2: quota 200 of 250; 50 over -> personal
INSERT INTO got SELECT 'S84', matins_settle(matins.make_claim(claim_id => 184, person_id => 184, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'iud_insert', hospital_level => 2, total => 250));
INSERT INTO expect VALUES ('S84','maternity_fund','200.00'),('S84','over_cap','50.00'),('S84','transfer_to','personal'),('S84','note','LZ-FPO');
-- S85 IUD removal level 3 below quota: min(150,200) = 150
INSERT INTO got SELECT 'S85', matins_settle(matins.make_claim(claim_id => 185, person_id => 185, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'iud_remove', hospital_level => 3, total => 150));
INSERT INTO expect VALUES ('S85','maternity_fund','150.00'),('S85','over_cap','0.00');
-- S86 abortion at a level-1 institution: 0; over_cap 300 -> general_outpatient
INSERT INTO got SELECT 'S86', matins_settle(matins.make_claim(claim_id => 186, person_id => 186, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'abortion', hospital_level => 1, total => 300));
INSERT INTO expect VALUES ('S86','fund_total','0.00'),('S86','over_cap','300.00'),('S86','transfer_to','general_outpatient');
-- S87 medical abortion (no quota) at level 2: 0 -> general_outpatient
INSERT INTO got SELECT 'S87', matins_settle(matins.make_claim(claim_id => 187, person_id => 187, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'medical_abortion', hospital_level => 2, total => 300));
INSERT INTO expect VALUES ('S87','fund_total','0.00'),('S87','over_cap','300.00'),('S87','transfer_to','general_outpatient');
-- S88 spouse surgical abortion level 2: quota 130; 300 -> 130 paid; 170 -> personal
INSERT INTO got SELECT 'S88', matins_settle(matins.make_claim(claim_id => 188, person_id => 188, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'spouse', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'abortion', hospital_level => 2, total => 300));
INSERT INTO expect VALUES ('S88','maternity_fund','130.00'),('S88','over_cap','170.00'),('S88','transfer_to','personal');
-- S89 spouse IUD removal cost 80 (below her quota): rules.md LZ-SPO halves the quota itself (100),
-- so min(80, 100) = 80
INSERT INTO got SELECT 'S89', matins_settle(matins.make_claim(claim_id => 189, person_id => 189, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'spouse', benefit => 'family_planning',
  setting => 'outpatient', procedure => 'iud_remove', hospital_level => 2, total => 80));
INSERT INTO expect VALUES ('S89','maternity_fund','80.00');
-- S90 Lanzhou prenatal claim: grant, not reimbursement -> 0; in_scope 400 -> general_outpatient
INSERT INTO got SELECT 'S90', matins_settle(matins.make_claim(claim_id => 190, person_id => 190, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal',
  hospital_level => 2, total => 400));
INSERT INTO expect VALUES ('S90','fund_total','0.00'),('S90','over_cap','400.00'),('S90','transfer_to','general_outpatient');
-- S91 LZ-IP inpatient tubal ligation: 3000-200 = 2800 paid
INSERT INTO got SELECT 'S91', matins_settle(matins.make_claim(claim_id => 191, person_id => 191, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'tubal_ligation', hospital_level => 2, total => 3000, self_pay => 200));
INSERT INTO expect VALUES ('S91','maternity_fund','2800.00'),('S91','deductible','0.00');
-- S92 LZ-DIR out-of-province delivery, same standards: 7000
INSERT INTO got SELECT 'S92', matins_settle(matins.make_claim(claim_id => 192, person_id => 192, region => '620100',
  service_date => '2025-08-01', scheme => 'employee', person_type => 'enterprise', benefit => 'delivery',
  location => 'national', hospital_level => 3, total => 7000));
INSERT INTO expect VALUES ('S92','maternity_fund','7000.00');
-- S93 first day of LZ-2025-MAT (2025-06-27), flexible worker delivery (LZ-WHO medical benefits): 4000
INSERT INTO got SELECT 'S93', matins_settle(matins.make_claim(claim_id => 193, person_id => 193, region => '620100',
  service_date => '2025-06-27', scheme => 'employee', person_type => 'flexible', benefit => 'delivery',
  hospital_level => 2, total => 4000));
INSERT INTO expect VALUES ('S93','policy','LZ-2025-MAT'),('S93','maternity_fund','4000.00');
-- S94 last day 2030-06-26, spouse inpatient abortion: 50% of 2000 = 1000
INSERT INTO got SELECT 'S94', matins_settle(matins.make_claim(claim_id => 194, person_id => 194, region => '620100',
  service_date => '2030-06-26', scheme => 'employee', person_type => 'spouse', benefit => 'family_planning',
  setting => 'inpatient', procedure => 'abortion', hospital_level => 2, total => 2000));
INSERT INTO expect VALUES ('S94','maternity_fund','1000.00'),('S94','personal','1000.00');

------------------------------------------------------------------ window form over one person's year (JL19-IP)
-- person 200, resident:
--  2001 2025-02-01 l3 20000: ded 1000; 19000*0.55 = 10450; position 20000
--  2002 2025-06-01 l2 20000: ded 500 (20000..20500); 20500..30000 at 70% = 6650; 30000..40000 at 75% = 7500 -> 14150
--  2003 2025-12-31 l1 down referral 1000: ded 0; 40000..41000 at 85% = 850
--  2004 2026-01-05 l1 1000 (new year, no referral): ded 200; 800*0.8 = 640
INSERT INTO got SELECT 'W-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 2001, person_id => 200, region => '220000', service_date => '2025-02-01', scheme => 'resident',
     person_type => 'resident', benefit => 'inpatient', hospital_level => 3, total => 20000)),
   (matins.make_claim(claim_id => 2002, person_id => 200, region => '220000', service_date => '2025-06-01', scheme => 'resident',
     person_type => 'resident', benefit => 'inpatient', hospital_level => 2, total => 20000)),
   (matins.make_claim(claim_id => 2003, person_id => 200, region => '220000', service_date => '2025-12-31', scheme => 'resident',
     person_type => 'resident', benefit => 'inpatient', hospital_level => 1, referral => 'down', total => 1000)),
   (matins.make_claim(claim_id => 2004, person_id => 200, region => '220000', service_date => '2026-01-05', scheme => 'resident',
     person_type => 'resident', benefit => 'inpatient', hospital_level => 1, total => 1000))) v(c)) r;
INSERT INTO expect VALUES ('W-2001','pooled_fund','10450.00'),('W-2002','deductible','500.00'),('W-2002','pooled_fund','14150.00'),
  ('W-2003','deductible','0.00'),('W-2003','pooled_fund','850.00'),('W-2004','deductible','200.00'),('W-2004','pooled_fund','640.00');
-- person 201: chronic per disease (Reading: each disease its own quota and deductible) and general outpatient
--  2011 CH01 1000: ded 100; 900*0.6 = 540 | 2012 CH02 1000: ded 100; 540 | 2013 CH01 1000: ded 0; 600
--  2014 outpatient l1 300: ded 50; 125
INSERT INTO got SELECT 'W-' || claim_id, s FROM (
  SELECT (c).claim_id, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
  FROM (VALUES
   (matins.make_claim(claim_id => 2011, person_id => 201, region => '220000', service_date => '2025-03-01', scheme => 'resident',
     person_type => 'resident', benefit => 'chronic', disease => 'CH01', hospital_level => 2, total => 1000)),
   (matins.make_claim(claim_id => 2012, person_id => 201, region => '220000', service_date => '2025-04-01', scheme => 'resident',
     person_type => 'resident', benefit => 'chronic', disease => 'CH02', hospital_level => 2, total => 1000)),
   (matins.make_claim(claim_id => 2013, person_id => 201, region => '220000', service_date => '2025-05-01', scheme => 'resident',
     person_type => 'resident', benefit => 'chronic', disease => 'CH01', hospital_level => 2, total => 1000)),
   (matins.make_claim(claim_id => 2014, person_id => 201, region => '220000', service_date => '2025-06-01', scheme => 'resident',
     person_type => 'resident', benefit => 'outpatient', hospital_level => 1, total => 300))) v(c)) r;
INSERT INTO expect VALUES ('W-2011','deductible','100.00'),('W-2011','pooled_fund','540.00'),('W-2012','deductible','100.00'),
  ('W-2012','pooled_fund','540.00'),('W-2013','deductible','0.00'),('W-2013','pooled_fund','600.00'),
  ('W-2014','deductible','50.00'),('W-2014','pooled_fund','125.00');

-- the report
SELECT ok(r.ok, r.case_id || ' ' || (to_jsonb(r) - 'ok' - 'case_id')::text) FROM (
SELECT e.case_id, e.field, e.expected,
       CASE WHEN e.field = 'note' THEN array_to_string((g.s).notes, ',') ELSE (to_jsonb(g.s) ->> e.field) END AS got,
       CASE WHEN e.field = 'note' THEN e.expected = ANY ((g.s).notes)
            WHEN e.field IN ('policy','route','transfer_to') THEN (to_jsonb(g.s) ->> e.field) = e.expected
            ELSE (to_jsonb(g.s) ->> e.field)::numeric = e.expected::numeric END AS ok
FROM expect e LEFT JOIN got g USING (case_id)
UNION ALL
SELECT case_id, 'identities', 'hold',
       format('%s/%s/%s', (s).total, (s).in_scope, (s).personal),
       (s).total = (s).self_pay + (s).over_limit + (s).pre_self_pay + (s).in_scope
   AND (s).in_scope = (s).deductible + (s).copay + (s).over_cap + (s).fund_total
   AND (s).personal = (s).total - (s).fund_total
   AND (s).fund_total = (s).maternity_fund + (s).pooled_fund
FROM got
ORDER BY 1, 2
) r;
SELECT * FROM finish();
ROLLBACK;

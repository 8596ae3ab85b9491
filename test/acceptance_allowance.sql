-- pgTAP: hand-computed acceptance cases for 0.6.0, written from rules.md and contract.md alone by
-- a reviewer who did not read the engine (the release audit); the working of each case is in the
-- comment above it. Every expectation row is one test; the settlement identities are checked for
-- every settlement. The report queries at the end turn each row into a pgTAP test.
BEGIN;
SET LOCAL search_path = "$user", public, matins;
SELECT * FROM no_plan();
SELECT matins.set_param('220200', 'allowance.divisor', 21.75, '2025-01-01');
SELECT matins.set_param('220300', 'employee.waiting_months', 6, '2024-07-01');
SELECT matins.set_param('150000', 'allowance.unemployed_base', 2000, '2026-01-01');
SELECT matins.set_param('620100', 'allowance.unemployed_base', 3000, '2025-06-27');
SELECT matins.set_param('150000', 'employer.maternity_rate', 0.008, '2026-01-01');

CREATE TEMP TABLE expect (case_id text, field text, expected text) ON COMMIT DROP;
CREATE TEMP TABLE got (case_id text, a jsonb) ON COMMIT DROP;

-- B01 Jilin enterprise birth (JL24-AL, JL-ML 180): base = unit avg wage 6000; 6000*180/30 = 36000; payee employer;
--     waiting period unset -> not applied, noted (JL24-EL)
INSERT INTO got SELECT 'B01', to_jsonb(matins_allowance(matins.make_event(person_id => 1, region => '220000',
  event => 'birth', event_date => '2025-03-01', person_type => 'enterprise', infants => 1, unit_avg_wage => 6000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000))));
INSERT INTO expect VALUES ('B01','eligible','true'),('B01','days','180'),('B01','base','6000'),('B01','amount','36000'),
  ('B01','payee','employer'),('B01','note','waiting_period_not_applied');
-- B02 Jilin twins + dystocia: 180+15+15 = 210 days; 9000*210/30 = 63000
INSERT INTO got SELECT 'B02', to_jsonb(matins_allowance(matins.make_event(person_id => 2, region => '220000',
  event => 'birth', event_date => '2025-03-01', person_type => 'enterprise', infants => 2, dystocia => true, unit_avg_wage => 9000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000))));
INSERT INTO expect VALUES ('B02','days','210'),('B02','amount','63000');
-- B03 Jilin male nursing leave: no allowance in Jilin (JL24-AL reading): not eligible, 0
INSERT INTO got SELECT 'B03', to_jsonb(matins_allowance(matins.make_event(person_id => 3, region => '220000',
  event => 'paternity', event_date => '2025-03-01', person_type => 'enterprise', unit_avg_wage => 6000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000))));
INSERT INTO expect VALUES ('B03','eligible','false'),('B03','amount','0');
-- B04 Jilin termination in month 3: CN-ML 15 days: 6000*15/30 = 3000
INSERT INTO got SELECT 'B04', to_jsonb(matins_allowance(matins.make_event(person_id => 4, region => '220000',
  event => 'termination', event_date => '2025-03-01', gestation_months => 3, unit_avg_wage => 6000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000))));
INSERT INTO expect VALUES ('B04','days','15'),('B04','amount','3000');
-- B05 Jilin termination at 4 months: 42 days: 6000*42/30 = 8400
INSERT INTO got SELECT 'B05', to_jsonb(matins_allowance(matins.make_event(person_id => 5, region => '220000',
  event => 'termination', event_date => '2025-03-01', gestation_months => 4, unit_avg_wage => 6000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000))));
INSERT INTO expect VALUES ('B05','days','42'),('B05','amount','8400');
-- B06 divisor 21.75 in 220200: 4350*180/21.75 = 36000; daily 4350/21.75 = 200
INSERT INTO got SELECT 'B06', to_jsonb(matins_allowance(matins.make_event(person_id => 6, region => '220200',
  event => 'birth', event_date => '2025-03-01', unit_avg_wage => 4350,
  contributions => matins.contribution_series('220200', '2024-03-01', '2025-02-01', 4000))));
INSERT INTO expect VALUES ('B06','amount','36000'),('B06','daily','200');
-- B07 Jilin flexible: no maternity insurance -> no allowance
INSERT INTO got SELECT 'B07', to_jsonb(matins_allowance(matins.make_event(person_id => 7, region => '220000',
  event => 'birth', event_date => '2025-03-01', person_type => 'flexible', unit_avg_wage => 6000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 5000, 'flexible'))));
INSERT INTO expect VALUES ('B07','eligible','false'),('B07','amount','0');
-- B08 Jilin 220300 waiting 6 months: only 4 months (2025-01..04) before a 2025-05-10 event -> medical false
INSERT INTO got SELECT 'B08', to_jsonb(matins_eligibility(matins.make_event(person_id => 8, region => '220300',
  event => 'birth', event_date => '2025-05-10', unit_avg_wage => 6000,
  contributions => matins.contribution_series('220300', '2025-01-01', '2025-04-01', 5000))));
INSERT INTO expect VALUES ('B08','medical','false');
-- B09 same with 8 months (2024-09..2025-04): medical true
INSERT INTO got SELECT 'B09', to_jsonb(matins_eligibility(matins.make_event(person_id => 9, region => '220300',
  event => 'birth', event_date => '2025-05-10', unit_avg_wage => 6000,
  contributions => matins.contribution_series('220300', '2024-09-01', '2025-04-01', 5000))));
INSERT INTO expect VALUES ('B09','medical','true');
-- B10 Baotou flexible in maternity insurance: base = own contribution base 4000; CN-ML 98 days: 4000*98/30 = 13066.666.. -> 13066.67
INSERT INTO got SELECT 'B10', to_jsonb(matins_allowance(matins.make_event(person_id => 10, region => '150200',
  event => 'birth', event_date => '2026-04-15', person_type => 'flexible', maternity_insured => true,
  contributions => matins.contribution_series('150200', '2025-04-01', '2026-03-01', 4000, 'flexible'))));
INSERT INTO expect VALUES ('B10','eligible','true'),('B10','days','98'),('B10','base','4000'),('B10','amount','13066.67'),('B10','payee','person');
-- B11 Baotou enterprise with 11 months before the event month: allowance false (NM-EL 12 continuous months)
INSERT INTO got SELECT 'B11', to_jsonb(matins_eligibility(matins.make_event(person_id => 11, region => '150200',
  event => 'birth', event_date => '2026-04-15', unit_avg_wage => 6000,
  contributions => matins.contribution_series('150200', '2025-05-01', '2026-03-01', 5000))));
INSERT INTO expect VALUES ('B11','medical','true'),('B11','allowance','false'),('B11','continuous_months','11');
-- B12 Baotou unemployed: no 12-month condition; base allowance.unemployed_base 2000: 2000*98/30 = 6533.33
INSERT INTO got SELECT 'B12', to_jsonb(matins_allowance(matins.make_event(person_id => 12, region => '150200',
  event => 'birth', event_date => '2026-04-15', person_type => 'unemployed',
  contributions => matins.contribution_series('150200', '2026-01-01', '2026-03-01', 2000, 'unemployed'))));
INSERT INTO expect VALUES ('B12','eligible','true'),('B12','base','2000'),('B12','amount','6533.33');
-- B13 NM termination at 5 months: 42 days; 7500*42/30 = 10500
INSERT INTO got SELECT 'B13', to_jsonb(matins_allowance(matins.make_event(person_id => 13, region => '150200',
  event => 'termination', event_date => '2026-04-15', gestation_months => 5, unit_avg_wage => 7500,
  contributions => matins.contribution_series('150200', '2025-04-01', '2026-03-01', 5000))));
INSERT INTO expect VALUES ('B13','days','42'),('B13','amount','10500');
-- B14 NM triplets: 98 + 15*2 = 128; 6000*128/30 = 25600
INSERT INTO got SELECT 'B14', to_jsonb(matins_allowance(matins.make_event(person_id => 14, region => '150100',
  event => 'birth', event_date => '2026-04-15', infants => 3, unit_avg_wage => 6000,
  contributions => matins.contribution_series('150100', '2025-04-01', '2026-03-01', 5000))));
INSERT INTO expect VALUES ('B14','days','128'),('B14','amount','25600'),('B14','policy','NM-2025-MAT');
-- B15 NM employer in arrears: the employer pays (NM-ARR)
INSERT INTO got SELECT 'B15', to_jsonb(matins_allowance(matins.make_event(person_id => 15, region => '150200',
  event => 'birth', event_date => '2026-04-15', unit_avg_wage => 6000, employer_arrears => true,
  contributions => matins.contribution_series('150200', '2025-04-01', '2026-03-01', 5000))));
INSERT INTO expect VALUES ('B15','payer','employer');
-- B16 Lanzhou male nursing leave: GS-ML 30 days, base 6000: 6000
INSERT INTO got SELECT 'B16', to_jsonb(matins_allowance(matins.make_event(person_id => 16, region => '620100',
  event => 'paternity', event_date => '2025-09-15',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000))));
INSERT INTO expect VALUES ('B16','eligible','true'),('B16','days','30'),('B16','amount','6000'),('B16','payee','person');
-- B17 Lanzhou base = average of 12 months: 6x5000 + 6x5500 -> 5250; 180 days -> 31500
INSERT INTO got SELECT 'B17', to_jsonb(matins_allowance(matins.make_event(person_id => 17, region => '620100',
  event => 'birth', event_date => '2025-09-15',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-02-01', 5000)
                || matins.contribution_series('620100', '2025-03-01', '2025-08-01', 5500))));
INSERT INTO expect VALUES ('B17','base','5250'),('B17','amount','31500');
-- B18 average rounded to the fen first: (11x5000 + 5001)/12 = 5000.0833 -> 5000.08; 5000.08*180/30 = 30000.48
INSERT INTO got SELECT 'B18', to_jsonb(matins_allowance(matins.make_event(person_id => 18, region => '620100',
  event => 'birth', event_date => '2025-09-15',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-07-01', 5000)
                || matins.contribution_series('620100', '2025-08-01', '2025-08-01', 5001))));
INSERT INTO expect VALUES ('B18','base','5000.08'),('B18','amount','30000.48');
-- B19 Lanzhou flexible: medical only -> no allowance, grant 1000 (LZ-WHO, LZ-PN)
INSERT INTO got SELECT 'B19', to_jsonb(matins_allowance(matins.make_event(person_id => 19, region => '620100',
  event => 'birth', event_date => '2025-09-15', person_type => 'flexible',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 4000, 'flexible'))));
INSERT INTO expect VALUES ('B19','eligible','false'),('B19','amount','0'),('B19','grant_amount','1000');
-- B20 Lanzhou spouse: grant 50% = 500, no allowance (LZ-SPO)
INSERT INTO got SELECT 'B20', to_jsonb(matins_allowance(matins.make_event(person_id => 20, region => '620100',
  event => 'birth', event_date => '2025-09-15', person_type => 'spouse',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000))));
INSERT INTO expect VALUES ('B20','eligible','false'),('B20','grant_amount','500');
-- B21 Lanzhou twins + dystocia: 180+15+15 = 210; 6000*210/30 = 42000
INSERT INTO got SELECT 'B21', to_jsonb(matins_allowance(matins.make_event(person_id => 21, region => '620100',
  event => 'birth', event_date => '2025-09-15', infants => 2, dystocia => true,
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000))));
INSERT INTO expect VALUES ('B21','days','210'),('B21','amount','42000');
-- B22 Lanzhou unemployed: base = allowance.unemployed_base 3000; months on benefit count (LZ-AEL reading): 3000*180/30 = 18000
INSERT INTO got SELECT 'B22', to_jsonb(matins_allowance(matins.make_event(person_id => 22, region => '620100',
  event => 'birth', event_date => '2025-09-15', person_type => 'unemployed',
  contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 2500, 'unemployed'))));
INSERT INTO expect VALUES ('B22','eligible','true'),('B22','base','3000'),('B22','amount','18000'),('B22','grant_amount','1000');
-- B23 LZ-GAP bridged: 2025-01 and 2025-02 back-paid on 2025-03-05 (month contributions resumed): 12 continuous -> 36000
INSERT INTO got SELECT 'B23', to_jsonb(matins_allowance(matins.make_event(person_id => 23, region => '620100',
  event => 'birth', event_date => '2025-09-15',
  contributions => matins.contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
   || ARRAY[ROW('2025-01-01','620100',true,'2025-03-05',6000,'enterprise')::matins.contribution,
            ROW('2025-02-01','620100',true,'2025-03-05',6000,'enterprise')::matins.contribution]
   || matins.contribution_series('620100', '2025-03-01', '2025-08-01', 6000))));
INSERT INTO expect VALUES ('B23','eligible','true'),('B23','amount','36000'),('B23','note','gap_back_paid');
-- B24 LZ-GAP not bridged: 2025-01/02 unpaid -> continuity restarts 2025-03: 6 months; medical yes, allowance no
INSERT INTO got SELECT 'B24', to_jsonb(matins_eligibility(matins.make_event(person_id => 24, region => '620100',
  event => 'birth', event_date => '2025-09-15',
  contributions => matins.contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
   || ARRAY[ROW('2025-01-01','620100',false,NULL,6000,'enterprise')::matins.contribution,
            ROW('2025-02-01','620100',false,NULL,6000,'enterprise')::matins.contribution]
   || matins.contribution_series('620100', '2025-03-01', '2025-08-01', 6000))));
INSERT INTO expect VALUES ('B24','medical','true'),('B24','allowance','false'),('B24','continuous_months','6');
-- B25 Lanzhou termination, month 5: 42 days, 4500*42/30 = 6300; apply_by one year after: 2026-11-20
INSERT INTO got SELECT 'B25', to_jsonb(matins_allowance(matins.make_event(person_id => 25, region => '620100',
  event => 'termination', event_date => '2025-11-20', gestation_months => 5,
  contributions => matins.contribution_series('620100', '2024-11-01', '2025-10-01', 4500))));
INSERT INTO expect VALUES ('B25','days','42'),('B25','amount','6300'),('B25','apply_by','2026-11-20');
-- B26 Wenzhou draft (named), second child: ZJ-ML 188 days; base unit avg wage 9000: 9000*188/30 = 56400
INSERT INTO got SELECT 'B26', to_jsonb(matins_allowance(matins.make_event(person_id => 26, region => '330300',
  event => 'birth', event_date => '2026-03-01', birth_order => 2, unit_avg_wage => 9000,
  contributions => matins.contribution_series('330300', '2025-03-01', '2026-02-01', 6000)), 'WZ-DRAFT-MAT'));
INSERT INTO expect VALUES ('B26','days','188'),('B26','amount','56400');
-- B27 Wenzhou first child twins: 158 + 15 = 173; 9000*173/30 = 51900
INSERT INTO got SELECT 'B27', to_jsonb(matins_allowance(matins.make_event(person_id => 27, region => '330300',
  event => 'birth', event_date => '2026-03-01', birth_order => 1, infants => 2, unit_avg_wage => 9000,
  contributions => matins.contribution_series('330300', '2025-03-01', '2026-02-01', 6000)), 'WZ-DRAFT-MAT'));
INSERT INTO expect VALUES ('B27','days','173'),('B27','amount','51900');
-- B28 Jilin public-unit eligibility: medical yes, allowance no (JL24-AL)
INSERT INTO got SELECT 'B28', to_jsonb(matins_eligibility(matins.make_event(person_id => 28, region => '220000',
  event => 'birth', event_date => '2025-03-01', person_type => 'public', unit_avg_wage => 8000,
  contributions => matins.contribution_series('220000', '2024-03-01', '2025-02-01', 8000, 'public'))));
INSERT INTO expect VALUES ('B28','medical','true'),('B28','allowance','false');
-- B29 moved in from another province (LZ-AEL): 330300 2024-09..2025-02 + Lanzhou 2025-03..2026-02 (6 months from the
--     event month 2025-09 to 2026-02): eligible; payable from the month after: 2026-03-01
INSERT INTO got SELECT 'B29', to_jsonb(matins_allowance(matins.make_event(person_id => 29, region => '620100',
  event => 'birth', event_date => '2025-09-15',
  contributions => matins.contribution_series('330300', '2024-09-01', '2025-02-01', 6000)
                || matins.contribution_series('620100', '2025-03-01', '2026-02-01', 6000))));
INSERT INTO expect VALUES ('B29','eligible','true'),('B29','first_payable','2026-03-01');

-- matins_contribution (LZ-CON, NM-CON)
INSERT INTO got VALUES
 ('C01', jsonb_build_object('v', matins_contribution('620100','public',6000,'2025-08-01'))),      -- 8.35% = 501.00
 ('C02', jsonb_build_object('v', matins_contribution('620100','enterprise',6000,'2025-08-01'))),  -- 9% = 540.00
 ('C03', jsonb_build_object('v', matins_contribution('620100','unemployed',6000,'2025-08-01'))),  -- 11% = 660.00
 ('C04', jsonb_build_object('v', matins_contribution('620100','flexible',6000,'2025-08-01'))),    -- 5.4% = 324.00
 ('C05', jsonb_build_object('v', matins_contribution('620100','enterprise',5555.55,'2025-08-01'))),-- 499.9995 -> 500.00
 ('C06', jsonb_build_object('v', matins_contribution('150200','enterprise',10000,'2026-04-01')));  -- 0.8% = 80.00
INSERT INTO expect VALUES ('C01','v','501'),('C02','v','540'),('C03','v','660'),('C04','v','324'),('C05','v','500'),('C06','v','80');

SELECT ok(r.ok, r.case_id || ' ' || (to_jsonb(r) - 'ok' - 'case_id')::text) FROM (
SELECT e.case_id, e.field, e.expected,
       CASE WHEN e.field = 'note' THEN g.a ->> 'notes' ELSE g.a ->> e.field END AS got,
       CASE WHEN e.field = 'note' THEN (g.a -> 'notes') ? e.expected
            WHEN e.field IN ('amount','base','grant_amount','daily','v') THEN (g.a ->> e.field)::numeric = e.expected::numeric
            ELSE (g.a ->> e.field) = e.expected END AS ok
FROM expect e LEFT JOIN got g USING (case_id)
ORDER BY 1, 2
) r;
SELECT * FROM finish();
ROLLBACK;

-- pgTAP: matins_allowance and matins_contribution, rule by rule.  Every number is computed by
-- hand in the comment beside it (amount = base × days ÷ 30, rounded once, half away from zero).
BEGIN;
SET search_path = matins, public;
SELECT plan(171);

-- A Baotou enterprise employee with 12 months before a birth on 2026-06-01, wage 7500
CREATE FUNCTION pg_temp.nm(event text DEFAULT 'birth', infants int DEFAULT 1,
                           dystocia boolean DEFAULT false, gestation int DEFAULT NULL,
                           wage numeric DEFAULT 7500, arrears boolean DEFAULT false,
                           region text DEFAULT '150200') RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => region,
        event => event, event_date => '2026-06-01', infants => infants, dystocia => dystocia,
        gestation_months => gestation, unit_avg_wage => wage, employer_arrears => arrears,
        contributions => matins.contribution_series('150200', '2025-06-01', '2026-05-01', 5000))) $$;
-- A Lanzhou employee with 12 months at 6000 before a birth on 2025-09-15
CREATE FUNCTION pg_temp.lz(event text DEFAULT 'birth', infants int DEFAULT 1,
                           dystocia boolean DEFAULT false, gestation int DEFAULT NULL,
                           person_type text DEFAULT 'enterprise', claim_date date DEFAULT NULL,
                           arrears boolean DEFAULT false) RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => '620100',
        event => event, event_date => '2025-09-15', infants => infants, dystocia => dystocia,
        gestation_months => gestation, person_type => person_type, claim_date => claim_date,
        employer_arrears => arrears,
        contributions => matins.contribution_series('620100', '2024-09-01', '2025-08-01', 6000,
                                                    person_type))) $$;
-- A Wenzhou employee under the draft (named), wage 9000, birth on 2026-06-01
CREATE FUNCTION pg_temp.wz(birth_order int, infants int DEFAULT 1, dystocia boolean DEFAULT false)
    RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => '330300',
        event_date => '2026-06-01', birth_order => birth_order, infants => infants,
        dystocia => dystocia, unit_avg_wage => 9000), 'WZ-DRAFT-MAT') $$;
-- A Jilin enterprise employee, wage 8000, event on 2025-03-01
CREATE FUNCTION pg_temp.jl(event text DEFAULT 'birth', infants int DEFAULT 1,
                           dystocia boolean DEFAULT false, gestation int DEFAULT NULL,
                           person_type text DEFAULT 'enterprise') RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => '220000',
        event => event, event_date => '2025-03-01', infants => infants, dystocia => dystocia,
        gestation_months => gestation, person_type => person_type, unit_avg_wage => 8000)) $$;

-- ================================================================ CN-ML in Inner Mongolia (NM-AL)
SELECT is((pg_temp.nm()).days, 98, 'CN-ML, NM-AL: a birth in Inner Mongolia pays 98 days');
SELECT is((pg_temp.nm()).amount, 24500.00, 'NM-AL: 7500 × 98 ÷ 30 = 24500.00');
SELECT is((pg_temp.nm()).daily, 250.00, 'NM-AL: daily 7500 ÷ 30 = 250.00');
SELECT is((pg_temp.nm()).base, 7500.00, 'NM-AL: base = the employer''s average monthly wage');
SELECT is((pg_temp.nm(dystocia => true)).days, 113, 'CN-ML: dystocia adds 15 (113)');
SELECT is((pg_temp.nm(dystocia => true)).amount, 28250.00, 'CN-ML: 7500 × 113 ÷ 30 = 28250.00');
SELECT is((pg_temp.nm(infants => 2)).days, 113, 'CN-ML: twins add 15 (113)');
SELECT is((pg_temp.nm(infants => 2, dystocia => true)).days, 128, 'CN-ML: twins with dystocia: 98 + 15 + 15 = 128');
SELECT is((pg_temp.nm(infants => 3, dystocia => true)).days, 143, 'CN-ML: triplets with dystocia: 98 + 15 + 2 × 15 = 143');
SELECT is((pg_temp.nm(infants => 3, dystocia => true)).amount, 35750.00, 'CN-ML: 7500 × 143 ÷ 30 = 35750.00');
SELECT ok((pg_temp.nm(infants => 2, dystocia => true)).notes @> ARRAY['CN-ML', 'dystocia', 'extra_infants', 'NM-AL'],
          'CN-ML: the notes name the leave rule and the additions');
SELECT is((pg_temp.nm('termination', gestation => 3)).days, 15, 'CN-ML: a termination at 3 completed months: 15 days');
SELECT is((pg_temp.nm('termination', gestation => 3)).amount, 3750.00, 'CN-ML: 7500 × 15 ÷ 30 = 3750.00');
SELECT is((pg_temp.nm('termination', gestation => 4)).days, 42, 'CN-ML: at 4 completed months: 42 days');
SELECT is((pg_temp.nm('termination', gestation => 4)).amount, 10500.00, 'CN-ML: 7500 × 42 ÷ 30 = 10500.00');
SELECT is((pg_temp.nm('termination', gestation => 0)).days, 15, 'CN-ML: at 0 months: 15 days');
SELECT is((pg_temp.nm('termination', infants => 1, dystocia => true, gestation => 2)).days, 15,
          'CN-ML: dystocia and infants do not add to a termination');
SELECT is((pg_temp.nm(region => '150100')).policy, 'NM-2025-MAT', 'Hohhot has no notice of its own: NM-2025-MAT');
SELECT is((pg_temp.nm()).policy, 'BT-2026-MAT', 'Baotou: its own forwarding notice');
SELECT throws_ok($$SELECT pg_temp.nm('paternity')$$, '22023',
                 'no rule gives allowance days for event "paternity" (base) in region 150200',
                 'NM-AL: no nursing leave in the national rule: no rule, not 0');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '150200', event => 'family_planning', event_date => '2026-06-01'))$$,
                 '22023', 'no rule gives allowance days for event "family_planning" in region 150200',
                 'NM-AL: family-planning leave has no days in the national rule');
-- NM-AL: rounded once
SELECT is((pg_temp.nm(wage => 7777.77)).amount, 25407.38, 'NM-AL: 7777.77 × 98 ÷ 30 = 25407.382 -> 25407.38 (once)');
SELECT is((pg_temp.nm(wage => 7777.77)).daily, 259.26, 'NM-AL: daily 7777.77 ÷ 30 = 259.259 -> 259.26');
SELECT throws_ok($$SELECT pg_temp.nm(wage => NULL)$$, '22004',
                 'event field unit_avg_wage must not be null for the allowance of person_type "enterprise" under policy BT-2026-MAT',
                 'NM-AL: the employer''s average wage is needed');

-- NM-AL: a flexible worker on the own contribution base (of the month before the event)
SELECT is((matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'flexible',
           contributions => contribution_series('150200', '2025-06-01', '2026-04-01', 4000, 'flexible')
                         || contribution_series('150200', '2026-05-01', '2026-05-01', 4500, 'flexible')))).base,
          4500.00, 'NM-AL: a flexible worker''s base is the own contribution base, 4500');
SELECT is((matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'flexible',
           contributions => contribution_series('150200', '2025-06-01', '2026-04-01', 4000, 'flexible')
                         || contribution_series('150200', '2026-05-01', '2026-05-01', 4500, 'flexible')))).amount,
          14700.00, 'NM-AL: 4500 × 98 ÷ 30 = 14700.00');
SELECT is((matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'flexible',
           maternity_insured => false,
           contributions => contribution_series('150200', '2025-06-01', '2026-05-01', 4000, 'flexible')))).amount,
          0.00, 'NM-NOMI: a flexible worker outside maternity insurance gets nothing');

-- NM-AL: the unemployed on a region parameter
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'unemployed'))$$,
                 '22023', 'region parameter "allowance.unemployed_base" is not set for region 150200 on 2026-06-01',
                 'NM-AL: the unemployed base unset is an error naming it');
SELECT lives_ok($$SELECT set_param('150000', 'allowance.unemployed_base', 1980, '2026-01-01')$$,
                'NM-AL: Inner Mongolia sets the unemployed base at 1980');
SELECT is((matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'unemployed'))).amount,
          6468.00, 'NM-AL, NM-EL: the unemployed, no 12 months needed: 1980 × 98 ÷ 30 = 6468.00');

-- NM-ARR: an employer in arrears pays
SELECT is((pg_temp.nm(arrears => true)).payer, 'employer', 'NM-ARR: arrears -> the employer pays');
SELECT is((pg_temp.nm(arrears => true)).payee, 'person', 'NM-ARR: ... to the person');
SELECT is((pg_temp.nm(arrears => true)).amount, 24500.00, 'NM-ARR: at the same standard');
SELECT ok((pg_temp.nm(arrears => true)).notes @> ARRAY['NM-ARR', 'employer_arrears', 'employer_pays_pre_leave_wage'],
          'NM-ARR: the notes say the employer pays, the allowance at the pre-leave wage');
SELECT is((pg_temp.nm()).payer, 'fund', 'NM-AL: otherwise the fund pays');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'flexible',
                   employer_arrears => true))$$,
                 '22023', 'event field employer_arrears is true for person_type "flexible", who has no employer',
                 'NM-ARR: a flexible worker has no employer in arrears');
-- the arrears change which months count, so eligibility refuses the same event (0.5.0)
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '150200', event_date => '2026-06-01', person_type => 'flexible',
                   employer_arrears => true))$$,
                 '22023', 'event field employer_arrears is true for person_type "flexible", who has no employer',
                 'NM-ARR: eligibility refuses a flexible worker''s employer in arrears too');
SELECT is((pg_temp.nm()).grant_amount, 0.00, 'Inner Mongolia has no prenatal grant');
SELECT is((pg_temp.nm()).apply_by, NULL::date, 'Inner Mongolia has no application deadline in the seeds');
SELECT is((pg_temp.nm()).first_payable, '2026-06-01'::date, '§6: first payable on the event date');

-- allowance.divisor: a region that divides by 31
SELECT lives_ok($$SELECT set_param('150000', 'allowance.divisor', 31, '2026-03-31')$$,
                'allowance.divisor: Inner Mongolia divides by 31');
SELECT is((pg_temp.nm(infants => 2, dystocia => true)).amount, 30967.74,
          'allowance.divisor: 7500 × 128 ÷ 31 = 30967.7419 -> 30967.74');
SELECT is((pg_temp.nm(infants => 2, dystocia => true)).daily, 241.94,
          'allowance.divisor: daily 7500 ÷ 31 = 241.935 -> 241.94');

-- ================================================================ ZJ-ML under the Wenzhou draft
SELECT is((pg_temp.wz(1)).days, 158, 'ZJ-ML: first child 98 + 60 = 158');
SELECT is((pg_temp.wz(1)).amount, 47400.00, 'ZJ-ML: 9000 × 158 ÷ 30 = 47400.00');
SELECT is((pg_temp.wz(2)).days, 188, 'ZJ-ML: second child 98 + 90 = 188');
SELECT is((pg_temp.wz(2)).amount, 56400.00, 'ZJ-ML: 9000 × 188 ÷ 30 = 56400.00');
SELECT is((pg_temp.wz(3)).days, 188, 'ZJ-ML: third child 188');
SELECT is((pg_temp.wz(4)).days, 98, 'ZJ-ML Reading: a fourth child has no Zhejiang row: the national 98 days');
-- the open range of birth orders includes the largest (0.5.0: 2147483647 found no row)
SELECT is((pg_temp.wz(2147483647)).days, 98, 'ZJ-ML Reading: the largest birth order gets the national 98 days too');
SELECT is((pg_temp.wz(1, 2, true)).days, 188, 'ZJ-ML: first child, twins with dystocia: 158 + 15 + 15');
SELECT is((pg_temp.wz(1)).policy, 'WZ-DRAFT-MAT', 'the draft applies when named');
SELECT ok((pg_temp.wz(1)).notes @> ARRAY['draft_policy', 'ZJ-ML'], 'the notes say the draft decided, with ZJ-ML');
SELECT is((pg_temp.wz(1)).payee, 'person', 'Wenzhou draft Reading: paid to the person');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '330300', event_date => '2026-06-01', unit_avg_wage => 9000))$$,
                 '22023', 'no maternity policy is in force for region 330300 on event_date 2026-06-01',
                 'WZ-DRAFT-MAT: not by date');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '330300', event => 'paternity', event_date => '2026-06-01', unit_avg_wage => 9000), 'WZ-DRAFT-MAT')$$,
                 '22023', 'no rule gives allowance days for event "paternity" (base) in region 330300',
                 'ZJ-ML: no nursing-leave row in Zhejiang: no rule');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '330300', event_date => '2026-06-01', unit_avg_wage => 9000,
                   employer_arrears => true), 'WZ-DRAFT-MAT')$$,
                 '22023', 'no rule says who pays when the employer is in arrears under policy WZ-DRAFT-MAT',
                 'the Wenzhou draft has no arrears rule');

-- ================================================================ GS-ML and LZ-AL in Lanzhou
SELECT is((pg_temp.lz()).days, 180, 'GS-ML: 180 days in Gansu');
SELECT is((pg_temp.lz(infants => 2, dystocia => true)).days, 210, 'GS-ML, §6: twins with dystocia on top of 180: 210');
SELECT is((pg_temp.lz(infants => 2, dystocia => true)).amount, 42000.00, 'LZ-AL: 6000 × 210 ÷ 30 = 42000.00');
SELECT is((pg_temp.lz('paternity')).days, 30, 'GS-ML: male nursing leave 30 days');
SELECT is((pg_temp.lz('paternity')).amount, 6000.00, 'LZ-AL: nursing-leave allowance 6000 × 30 ÷ 30 = 6000.00');
SELECT is((pg_temp.lz('paternity')).grant_amount, 0.00, 'LZ-PN Reading: no prenatal grant on a father''s nursing leave');
SELECT is((pg_temp.lz('termination', gestation => 3)).days, 15, 'CN-ML in Lanzhou: termination at 3 months, 15 days');
SELECT is((pg_temp.lz('termination', gestation => 4)).days, 42, 'CN-ML in Lanzhou: termination at 4 months, 42 days');
SELECT is((pg_temp.lz('termination', gestation => 4)).amount, 8400.00, 'LZ-AL: 6000 × 42 ÷ 30 = 8400.00');
SELECT is((pg_temp.lz('termination', gestation => 4)).grant_amount, 1000.00, 'LZ-PN Reading: the grant is per pregnancy, terminations too');
-- LZ-AL: the average of the 12 bases, rounded to the fen first
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
           contributions => contribution_series('620100', '2024-09-01', '2025-02-01', 5000)
                         || contribution_series('620100', '2025-03-01', '2025-08-01', 6001.01)))).base,
          5500.51, 'LZ-AL: (6 × 5000 + 6 × 6001.01) ÷ 12 = 5500.505 -> 5500.51');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
           contributions => contribution_series('620100', '2024-09-01', '2025-02-01', 5000)
                         || contribution_series('620100', '2025-03-01', '2025-08-01', 6001.01)))).amount,
          33003.06, 'LZ-AL: 5500.51 × 180 ÷ 30 = 33003.06 (not 5500.505 × 6 = 33003.03)');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
           contributions => contribution_series('620100', '2024-09-01', '2025-02-01', 5000)
                         || contribution_series('620100', '2025-03-01', '2025-08-01', 6001.01)))).daily,
          183.35, 'LZ-AL: daily 5500.51 ÷ 30 = 183.3503 -> 183.35');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
           contributions => contribution_series('620100', '2024-03-01', '2024-08-01', 9000)
                         || contribution_series('620100', '2024-09-01', '2025-08-01', 6000)))).base,
          6000.00, 'LZ-AL: only the 12 months before the event are averaged (not the 9000 before them)');
SELECT is((matins_allowance(make_event(region => '620100', event => 'termination', gestation_months => 3,
           event_date => '2025-09-15',
           contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000.01)))).amount,
          3000.01, 'rounding half away from zero: 6000.01 × 15 ÷ 30 = 3000.005 -> 3000.01');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2024-09-01', '2025-07-01', 6000)
                                 || ROW('2025-08-01', '620100', true, NULL, NULL, 'enterprise')::contribution))$$,
                 '22004', 'contributions[12].base must not be null', 'LZ-AL: every averaged month needs its base');
-- LZ-AL: the unemployed on a region parameter
SELECT throws_ok($$SELECT pg_temp.lz(person_type => 'unemployed')$$, '22023',
                 'region parameter "allowance.unemployed_base" is not set for region 620100 on 2025-09-15',
                 'LZ-AL: the unemployed base unset is an error naming it');
SELECT lives_ok($$SELECT set_param('620000', 'allowance.unemployed_base', 2100, '2025-01-01')$$,
                'LZ-AL: Gansu sets the unemployed base at 2100');
SELECT is((pg_temp.lz(person_type => 'unemployed')).amount, 12600.00,
          'LZ-AL: the unemployed with 12 months: 2100 × 180 ÷ 30 = 12600.00');
-- LZ-WHO, LZ-PN, LZ-SPO
SELECT is((pg_temp.lz(person_type => 'public')).grant_amount, 1000.00, 'LZ-PN: a public-unit employee gets the grant');
SELECT is((pg_temp.lz(person_type => 'public')).payee, 'person', 'LZ-PN: the grant goes to the person');
SELECT is((pg_temp.lz(person_type => 'public')).base, NULL::numeric, 'LZ-WHO: no allowance base without an allowance');
SELECT is((pg_temp.lz(person_type => 'public')).days, 180, 'LZ-WHO: the leave days are reported all the same');
SELECT is((pg_temp.lz(person_type => 'flexible')).grant_amount, 1000.00, 'LZ-PN: a flexible worker gets the grant');
SELECT is((pg_temp.lz(person_type => 'flexible')).eligible, false, 'LZ-WHO: a flexible worker gets no allowance');
SELECT is((pg_temp.lz(person_type => 'retiree')).grant_amount, 1000.00, 'LZ-PN: a retiree gets the grant');
SELECT is((pg_temp.lz(person_type => 'spouse')).grant_amount, 500.00, 'LZ-SPO: the uninsured spouse: 1000 × 0.5 = 500.00');
SELECT is((pg_temp.lz(person_type => 'spouse')).eligible, false, 'LZ-WHO: the spouse gets no allowance');
SELECT ok((pg_temp.lz(person_type => 'spouse')).notes @> ARRAY['LZ-PN', 'LZ-SPO'], 'LZ-SPO: the notes say so');
SELECT is((pg_temp.lz(person_type => 'resident')).grant_amount, 0.00, 'LZ-COV: a resident gets no grant');
SELECT is((pg_temp.lz(person_type => 'resident')).payee, NULL, 'nothing paid: no payee');
-- LZ-AL, LZ-DIR: the last day to apply and the day after
SELECT is((pg_temp.lz(claim_date => '2026-09-15')).amount, 36000.00, 'LZ-AL: applied on the last day: 36000.00');
SELECT is((pg_temp.lz(claim_date => '2026-09-15')).grant_amount, 1000.00, 'LZ-PN: ... with the grant');
SELECT is((pg_temp.lz(claim_date => '2026-09-16')).eligible, false, 'LZ-AL: applied the day after: not eligible');
SELECT is((pg_temp.lz(claim_date => '2026-09-16')).amount, 0.00, 'LZ-AL: ... amount 0.00');
SELECT is((pg_temp.lz(claim_date => '2026-09-16')).grant_amount, 1000.00,
          'LZ-PN Reading: ... but the grant is no reimbursement and has no deadline: 1000.00');
SELECT ok((pg_temp.lz(claim_date => '2026-09-16')).notes @> ARRAY['LZ-AL', 'LZ-DIR', 'apply_by_passed'],
          'LZ-AL, LZ-DIR: the notes say the deadline passed');
-- a unit wage of 0 is no wage (0.2.0 paid an allowance of 0.00)
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '220000', event_date => '2025-03-01',
        unit_avg_wage => 0, contributions => contribution_series('220000', '2024-03-01', '2025-02-01', 6000)))$$,
    '22023', 'event field unit_avg_wage = 0.00 is not an average wage',
    'JL24-AL: a unit wage of 0 is an error, not an allowance of 0');
-- applied for on the day of the birth (2025-09-15): in time; the day before it: an error
SELECT is((pg_temp.lz(claim_date => '2025-09-15')).amount, 36000.00, 'LZ-AL: applied on the day of the birth: 36000.00');
SELECT throws_ok($$SELECT pg_temp.lz(claim_date => '2025-09-14')$$, '22023',
    'event field claim_date = 2025-09-14 is before event_date 2025-09-15',
    'LZ-AL: an application dated before the birth is an error naming both dates');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2028-02-29'))).apply_by,
          '2029-02-28'::date, 'LZ-AL: a year after 29 February is 28 February');
-- LZ-ARR
SELECT is((pg_temp.lz(arrears => true)).payer, 'employer', 'LZ-ARR: arrears -> the employer pays');
SELECT is((pg_temp.lz(arrears => true)).amount, 36000.00, 'LZ-ARR: at the same standard');
SELECT ok((pg_temp.lz(arrears => true)).notes @> ARRAY['LZ-ARR', 'employer_arrears'], 'LZ-ARR: the notes say so');
SELECT is((pg_temp.lz(person_type => 'public', arrears => true)).payer, 'employer',
          'LZ-ARR: the employer also pays a medical-only person''s grant');
-- allowance.divisor may be fractional (0.4.0): a district dividing by the 21.75 working days of
-- an average month: 6000 × 180 ÷ 21.75 = 49655.1724 -> 49655.17; daily 6000 ÷ 21.75 = 275.862 -> 275.86
SELECT lives_ok($$SELECT set_param('620103', 'allowance.divisor', 21.75, '2025-06-27')$$,
                'allowance.divisor: 21.75 working days is accepted');
SELECT is((matins_allowance(make_event(region => '620103', event_date => '2025-09-15',
          contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)))).amount,
          49655.17, 'GS-ML, LZ-AL: 6000 × 180 ÷ 21.75 = 49655.17');
SELECT is((matins_allowance(make_event(region => '620103', event_date => '2025-09-15',
          contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)))).daily,
          275.86, 'LZ-AL: daily 6000 ÷ 21.75 = 275.86');
-- LZ-ARR (0.4.0): the months the employer left unpaid cannot cost the worker her benefits.
-- 2024-09..2025-02 paid, 2025-03..2025-08 unpaid (base 6000 listed): with arrears the employer
-- answers for them: 12 continuous months, base 6000, 6000 × 180 ÷ 30 = 36000.00, grant 1000.00
CREATE FUNCTION pg_temp.lz_unpaid(arrears boolean, claim_date date DEFAULT NULL,
                                  unpaid_type text DEFAULT 'enterprise') RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => '620100',
        event_date => '2025-09-15', employer_arrears => arrears, claim_date => claim_date,
        contributions => matins.contribution_series('620100', '2024-09-01', '2025-02-01', 6000)
            || ARRAY(SELECT ROW(m::date, '620100', false, NULL, 6000, unpaid_type)::matins.contribution
                     FROM generate_series('2025-03-01'::date, '2025-08-01', '1 month') AS m))) $$;
SELECT is((pg_temp.lz_unpaid(true)).eligible, true, 'LZ-ARR: six unpaid months of the employer still count');
SELECT is((pg_temp.lz_unpaid(true)).amount, 36000.00, 'LZ-ARR: 6000 × 180 ÷ 30 = 36000.00, at the standard');
SELECT is((pg_temp.lz_unpaid(true)).grant_amount, 1000.00, 'LZ-ARR, LZ-PN: ... and the grant 1000.00');
SELECT is((pg_temp.lz_unpaid(true)).payer, 'employer', 'LZ-ARR: ... paid by the employer');
SELECT is((pg_temp.lz_unpaid(false)).eligible, false, 'LZ-GAP: the same history without arrears breaks continuity');
SELECT is((pg_temp.lz_unpaid(false)).amount, 0.00, 'LZ-GAP: ... amount 0.00');
-- a month of the worker's own (flexible) is no employer's month to answer for
SELECT is((pg_temp.lz_unpaid(true, unpaid_type => 'flexible')).eligible, false,
          'LZ-ARR: unpaid months of her own are not the employer''s');
-- NM-ARR: Baotou, 2025-06..2026-02 paid, 2026-03..2026-05 unpaid, birth 2026-06-15, wage 6000:
-- 12 continuous months; 6000 × 98 ÷ 31 (the divisor set above) = 18967.7419 -> 18967.74 by the employer
CREATE FUNCTION pg_temp.bt_unpaid(arrears boolean, claim_date date DEFAULT NULL) RETURNS allowance
    LANGUAGE sql AS $$ SELECT matins.matins_allowance(matins.make_event(region => '150200',
        event_date => '2026-06-15', unit_avg_wage => 6000, employer_arrears => arrears,
        claim_date => claim_date,
        contributions => matins.contribution_series('150200', '2025-06-01', '2026-02-01', 6000)
            || ARRAY(SELECT ROW(m::date, '150200', false, NULL, 6000, 'enterprise')::matins.contribution
                     FROM generate_series('2026-03-01'::date, '2026-05-01', '1 month') AS m))) $$;
SELECT is((pg_temp.bt_unpaid(true)).amount, 18967.74, 'NM-ARR: 6000 × 98 ÷ 31 = 18967.74 despite three unpaid months');
SELECT is((pg_temp.bt_unpaid(true)).payer, 'employer', 'NM-ARR: ... paid by the employer');
SELECT is((pg_temp.bt_unpaid(false)).eligible, false, 'NM-EL: without arrears the 12 continuous months are not there');
SELECT is((matins_eligibility(make_event(region => '150200', event_date => '2026-06-15', unit_avg_wage => 6000,
           employer_arrears => true,
           contributions => matins.contribution_series('150200', '2025-06-01', '2026-02-01', 6000)
               || ARRAY(SELECT ROW(m::date, '150200', false, NULL, 6000, 'enterprise')::matins.contribution
                        FROM generate_series('2026-03-01'::date, '2026-05-01', '1 month') AS m)))).continuous_months,
          12, 'NM-ARR: matins_eligibility counts the employer''s unpaid months: 12');

-- ================================================================ JL-ML and JL24-AL in Jilin
SELECT is((pg_temp.jl()).days, 180, 'JL-ML: 180 days in Jilin');
SELECT is((pg_temp.jl()).amount, 48000.00, 'JL24-AL: 8000 × 180 ÷ 30 = 48000.00');
SELECT is((pg_temp.jl()).daily, 266.67, 'JL24-AL: daily 8000 ÷ 30 = 266.667 -> 266.67');
SELECT is((pg_temp.jl()).payee, 'employer', 'JL24-AL: paid to the employer');
SELECT ok((pg_temp.jl()).notes @> ARRAY['JL24-AL', 'paid_monthly_to_employer', 'JL-ML'], 'JL24-AL: monthly, to the employer');
SELECT is((pg_temp.jl(infants => 2, dystocia => true)).days, 210, 'JL-ML, §6: twins with dystocia on top of 180: 210');
SELECT is((pg_temp.jl(infants => 2, dystocia => true)).amount, 56000.00, 'JL24-AL: 8000 × 210 ÷ 30 = 56000.00');
SELECT is((pg_temp.jl('termination', gestation => 3)).amount, 4000.00, 'CN-ML in Jilin: 8000 × 15 ÷ 30 = 4000.00');
SELECT is((pg_temp.jl('paternity')).eligible, false, 'JL24-AL Reading: no nursing-leave allowance');
SELECT is((pg_temp.jl('paternity')).days, 25, 'JL-ML: the 25 days of nursing leave are reported');
SELECT is((pg_temp.jl('paternity')).amount, 0.00, 'JL24-AL Reading: amount 0.00');
SELECT is((pg_temp.jl(person_type => 'public')).eligible, false, 'JL24-AL: a public unit gets no allowance');
SELECT is((pg_temp.jl(person_type => 'public')).amount, 0.00, 'JL24-AL: amount 0.00');
SELECT is((pg_temp.jl(person_type => 'public')).payee, NULL, 'JL24-AL: nothing paid, no payee');
SELECT throws_ok($$SELECT matins_allowance(make_event(region => '220000', event_date => '2025-03-01', unit_avg_wage => 8000,
                   employer_arrears => true))$$,
                 '22023', 'no rule says who pays when the employer is in arrears under policy JL-2024-MAT',
                 'Jilin has no arrears rule in the seeds');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2025-03-01', unit_avg_wage => 8000,
                   employer_arrears => true))$$,
                 '22023', 'no rule says who pays when the employer is in arrears under policy JL-2024-MAT',
                 'Jilin has no arrears rule: eligibility refuses the event too');

-- ================================================================ matins_contribution (LZ-CON, NM-CON)
SELECT is(matins_contribution('620100', 'enterprise', 6000, '2025-07-01'), 540.00, 'LZ-CON: enterprise 9%: 6000 × 0.09 = 540.00');
SELECT is(matins_contribution('620100', 'enterprise', 6000.50, '2025-07-01'), 540.05, 'LZ-CON: 6000.50 × 0.09 = 540.045 -> 540.05');
SELECT is(matins_contribution('620100', 'public', 6000, '2025-07-01'), 501.00, 'LZ-CON: public 8.35%: 6000 × 0.0835 = 501.00');
SELECT is(matins_contribution('620100', 'public', 6010, '2025-07-01'), 501.84, 'LZ-CON: 6010 × 0.0835 = 501.835 -> 501.84');
SELECT is(matins_contribution('620100', 'unemployed', 3000, '2025-07-01'), 330.00, 'LZ-CON: unemployed 11%: 3000 × 0.11 = 330.00');
SELECT is(matins_contribution('620100', 'flexible', 4321.11, '2025-07-01'), 233.34, 'LZ-CON: flexible 5.4%: 4321.11 × 0.054 = 233.33994 -> 233.34');
SELECT is(matins_contribution('620100', 'flexible', 4002.50, '2025-07-01'), 216.14, 'LZ-CON: 4002.50 × 0.054 = 216.135 -> 216.14');
SELECT is(matins_contribution('620100', 'flexible', NULL, '2025-07-01'), NULL, 'a NULL argument gives NULL');
SELECT throws_ok($$SELECT matins_contribution('620100', 'retiree', 3000, '2025-07-01')$$, '22023',
                 'no rule gives the contribution of person_type "retiree" in region 620100 under policy LZ-2025-MAT',
                 'LZ-CON: retirees pay no contribution the document states');
SELECT throws_ok($$SELECT matins_contribution('620100', 'enterprise', 6000, '2025-06-01')$$, '22023',
                 'no maternity policy is in force for region 620100 on 2025-06-01',
                 'LZ-CON: before LZ-2025-MAT came into force');
SELECT throws_ok($$SELECT matins_contribution('150200', 'enterprise', 1000000, '2026-07-01')$$, '22023',
                 'region parameter "employer.maternity_rate" is not set for region 150200 on 2026-07-01',
                 'NM-CON: the employer rate unset is an error naming it');
SELECT lives_ok($$SELECT set_param('150000', 'employer.maternity_rate', 0.008, '2026-03-31')$$,
                'NM-CON: Inner Mongolia sets 0.8%');
SELECT is(matins_contribution('150200', 'enterprise', 1000000, '2026-07-01'), 8000.00,
          'NM-CON: 1000000 of last year''s wages × 0.008 = 8000.00');
SELECT is(matins_contribution('150200', 'flexible', 5000, '2026-07-01'), 40.00,
          'NM-CON: a flexible worker at the enterprise rate: 5000 × 0.008 = 40.00');
SELECT is(matins_contribution('150200', 'public', 1234567.89, '2026-07-01'), 9876.54,
          'NM-CON: a public unit pays the employer rate too: 1234567.89 × 0.008 = 9876.54312 -> 9876.54');
SELECT throws_ok($$SELECT matins_contribution('150200', 'unemployed', 3000, '2026-07-01')$$, '22023',
                 'no rule gives the contribution of person_type "unemployed" in region 150200 under policy BT-2026-MAT',
                 'NM-CON: the unemployment fund''s rate is not in the notice');
SELECT throws_ok($$SELECT matins_contribution('220000', 'enterprise', 6000, '2025-07-01')$$, '22023',
                 'no rule gives the contribution of person_type "enterprise" in region 220000 under policy JL-2024-MAT',
                 'Jilin''s documents give no contribution rate');
SELECT throws_ok($$SELECT matins_contribution('620100', 'boss', 6000, '2025-07-01')$$, '22023',
                 'unknown person_type "boss"', 'an unknown person type');
SELECT throws_ok($$SELECT matins_contribution('620100', 'enterprise', -1, '2025-07-01')$$, '22023',
                 'base = -1.00 is negative', 'a negative base');
SELECT throws_ok($$SELECT matins_contribution('620100', 'enterprise', 1000000000000.01, '2025-07-01')$$, '22003',
                 'base = 1000000000000.01 is out of range', 'LZ-CON: a base above 1e12 yuan is out of range, not inexact');
SELECT is(matins_contribution('620100', 'enterprise', 1000000000000, '2025-07-01'), 90000000000.00,
          'LZ-CON: the largest base, 1e12 yuan: 1e12 x 9% = 90000000000.00');
SELECT is(matins_contribution('620100', 'enterprise', 999999999999.94, '2025-07-01'), 89999999999.99,
          'LZ-CON: 999999999999.94 x 9% = 89999999999.9946, rounded once to 89999999999.99 (no float on the way)');
SELECT throws_ok($$SELECT matins_contribution('620100', 'enterprise', -100000000000000000000, '2025-07-01')$$, '22023',
                 'base = -100000000000000000000 is negative', 'a base far below zero is said to be negative');
SELECT throws_ok($$SELECT matins_contribution('620100', 'enterprise', 6000.001, '2025-07-01')$$, '22023',
                 'base = 6000.001 is not an amount in yuan exact to the fen', 'a base finer than the fen');
SELECT throws_ok($$SELECT matins_contribution('6201', 'enterprise', 6000, '2025-07-01')$$, '22023',
                 'invalid region code "6201"', 'a region that is not a code');

-- ================================================================ a DBA corrects the leave catalog
SELECT lives_ok($$INSERT INTO leave_rule (region, event, component, days, document, source)
                  VALUES ('620000', 'birth', 'base', 158, 'a corrected Gansu rule (test)', 'GS-ML')$$,
                'GS-ML: a DBA''s own row for Gansu births');
SELECT is((pg_temp.lz()).days, 158, 'GS-ML: the local row comes before the shipped 180');
SELECT is((pg_temp.lz()).amount, 31600.00, 'LZ-AL: 6000 × 158 ÷ 30 = 31600.00');
SELECT lives_ok($$INSERT INTO leave_rule (region, event, component, days, document, source)
                  VALUES ('150000', 'paternity', 'base', 10, 'a regional nursing leave (test)', 'NM-AL')$$,
                'a DBA adds nursing leave for Inner Mongolia');
SELECT is((pg_temp.nm('paternity')).amount, 2419.35,
          'NM-AL: then paternity computes (divisor 31 set above): 7500 × 10 ÷ 31 = 2419.3548 -> 2419.35');
-- a DBA's own allowance.min_continuous_months: 0 leaves the LZ-AL average no months to take
INSERT INTO policy_constant (policy, name, value, unit, description, source)
VALUES ('LZ-2025-MAT', 'allowance.min_continuous_months', 0, 'months', 'a local correction (test)', 'LZ-AEL');
SELECT throws_ok($$SELECT pg_temp.lz()$$, '22023',
                 'policy constant allowance.min_continuous_months = 0 of LZ-2025-MAT leaves no months to average the allowance base over',
                 'LZ-AL: a required month count of 0 is an error naming the constant, not an internal error');
UPDATE policy_constant SET value = 1
 WHERE policy = 'LZ-2025-MAT' AND name = 'allowance.min_continuous_months' AND description = 'a local correction (test)';
SELECT is((pg_temp.lz()).amount, 31600.00, 'LZ-AL: with 1 month required the base is that month''s 6000: 6000 × 158 ÷ 30 = 31600.00');
DELETE FROM policy_constant WHERE description = 'a local correction (test)';
INSERT INTO policy_constant (policy, name, value, unit, description, source)
VALUES ('LZ-2025-MAT', 'allowance.apply_within_months', 1300, 'months', 'a local correction (test)', 'LZ-AL');
SELECT throws_ok($$SELECT pg_temp.lz()$$, '22023',
                 '"allowance.apply_within_months" = 1300 is not a whole number of months from 0 to 1200',
                 'LZ-AL: a month count above 1200 in the catalog is an error saying the range');
DELETE FROM policy_constant WHERE description = 'a local correction (test)';

-- ================================================================ declarations
SELECT volatility_is('matins', 'matins_allowance', ARRAY['event', 'text'], 'stable',
                     'matins_allowance reads catalogs: STABLE');
SELECT volatility_is('matins', 'matins_eligibility', ARRAY['event', 'text'], 'stable',
                     'matins_eligibility reads catalogs: STABLE');
SELECT volatility_is('matins', 'matins_contribution', ARRAY['text', 'text', 'numeric', 'date'], 'stable',
                     'matins_contribution reads catalogs: STABLE');
SELECT is_strict('matins', 'matins_contribution', ARRAY['text', 'text', 'numeric', 'date'],
                 'matins_contribution: NULL in, NULL out');
SELECT throws_ok($$SELECT matins_allowance(NULL::event)$$, '22004', 'matins_allowance got a null event',
                 'matins_allowance refuses a null event, as matins_settle a null claim (no NULL that passes for no allowance)');
SELECT throws_ok($$SELECT matins_eligibility(NULL::event)$$, '22004', 'matins_eligibility got a null event',
                 'matins_eligibility refuses a null event');

SELECT * FROM finish();
ROLLBACK;

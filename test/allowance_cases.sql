-- pgTAP: the shared acceptance cases of ../shared/cases/allowance_cases.sql, in the project's
-- own words.  Each value is computed by hand from rules.md; the rule ids say where it comes from.
BEGIN;
SET search_path = matins, public;
SELECT plan(25);

-- A1  Lanzhou enterprise employee, one child on 2025-09-15, 12 months paid at 6000 from
--     2024-09 to 2025-08 (the 12 months before the event month).
--     LZ-AEL: 12 continuous months -> eligible; GS-ML: 180 days; LZ-AL: base = average of the
--     12 bases = 6000.00, amount = 6000 × 180 ÷ 30 = 36000.00, paid to the person;
--     LZ-PN: grant 1000; LZ-AL/LZ-DIR: apply within a year, by 2026-09-15.
CREATE TEMP TABLE a1 AS
SELECT (matins_allowance(make_event(person_id => 1, region => '620100', event => 'birth',
        event_date => '2025-09-15', person_type => 'enterprise', infants => 1,
        contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)))).*;
SELECT is((SELECT eligible FROM a1), true, 'A1 LZ-AEL: 12 continuous months before the event make the allowance payable');
SELECT is((SELECT days FROM a1), 180, 'A1 GS-ML: a birth in Lanzhou pays 180 days');
SELECT is((SELECT base FROM a1), 6000.00, 'A1 LZ-AL: base = average of the 12 monthly bases, 6000.00');
SELECT is((SELECT amount FROM a1), 36000.00, 'A1 LZ-AL: 6000 × 180 ÷ 30 = 36000.00');
SELECT is((SELECT grant_amount FROM a1), 1000.00, 'A1 LZ-PN: prenatal grant 1000.00');
SELECT is((SELECT payee FROM a1), 'person', 'A1 LZ-AL: paid once to the person');
SELECT is((SELECT apply_by FROM a1), '2026-09-15'::date, 'A1 LZ-AL, LZ-DIR: apply by one year after the birth');

-- A2  Baotou enterprise employee, twins with dystocia on 2026-06-01, employer's average wage 7500.
--     NM-AL / CN-ML: 98 + 15 (dystocia) + 15 (second infant) = 128 days;
--     amount = 7500 × 128 ÷ 30 = 32000.00; paid to the person.
CREATE TEMP TABLE a2 AS
SELECT (matins_allowance(make_event(person_id => 2, region => '150200', event => 'birth',
        event_date => '2026-06-01', person_type => 'enterprise', infants => 2, dystocia => true,
        unit_avg_wage => 7500,
        contributions => contribution_series('150200', '2025-06-01', '2026-05-01', 5000)))).*;
SELECT is((SELECT eligible FROM a2), true, 'A2 NM-EL: 12 continuous months in Baotou');
SELECT is((SELECT days FROM a2), 128, 'A2 CN-ML: 98 + 15 dystocia + 15 for the second infant');
SELECT is((SELECT base FROM a2), 7500.00, 'A2 NM-AL: base = the employer''s average monthly wage of last year');
SELECT is((SELECT amount FROM a2), 32000.00, 'A2 NM-AL: 7500 × 128 ÷ 30 = 32000.00');
SELECT is((SELECT payee FROM a2), 'person', 'A2 NM-AL: paid to the person');
SELECT is((SELECT policy FROM a2), 'BT-2026-MAT', 'A2: Baotou''s own notice is in force (based on NM-2025-MAT)');

-- A3  Lanzhou public-unit employee: medical benefits only (LZ-WHO), but the prenatal grant is a
--     medical benefit (LZ-PN): 1000.
CREATE TEMP TABLE a3 AS
SELECT (matins_allowance(make_event(person_id => 3, region => '620100', event => 'birth',
        event_date => '2025-09-15', person_type => 'public', infants => 1,
        contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'public')))).*;
SELECT is((SELECT eligible FROM a3), false, 'A3 LZ-WHO: a public-unit employee gets no allowance');
SELECT is((SELECT amount FROM a3), 0.00, 'A3 LZ-WHO: amount 0.00');
SELECT is((SELECT grant_amount FROM a3), 1000.00, 'A3 LZ-PN: the prenatal grant is owed to everyone with medical benefits');

-- A4  Jilin public-unit employee: no allowance (JL24-AL)
CREATE TEMP TABLE a4 AS
SELECT (matins_allowance(make_event(person_id => 4, region => '220000', event => 'birth',
        event_date => '2025-03-01', person_type => 'public', infants => 1, unit_avg_wage => 8000,
        contributions => contribution_series('220000', '2024-01-01', '2025-02-01', 8000, 'public')))).*;
SELECT is((SELECT eligible FROM a4), false, 'A4 JL24-AL: units paying at the public-sector rate get no allowance');
SELECT is((SELECT amount FROM a4), 0.00, 'A4 JL24-AL: amount 0.00');

-- A5  Lanzhou enterprise employee, termination in the 3rd completed month: CN-ML 15 days;
--     amount = 4500 × 15 ÷ 30 = 2250.00
CREATE TEMP TABLE a5 AS
SELECT (matins_allowance(make_event(person_id => 5, region => '620100', event => 'termination',
        event_date => '2025-11-20', person_type => 'enterprise', gestation_months => 3,
        contributions => contribution_series('620100', '2024-11-01', '2025-10-01', 4500)))).*;
SELECT is((SELECT eligible FROM a5), true, 'A5 LZ-AEL: 12 months before the termination');
SELECT is((SELECT days FROM a5), 15, 'A5 CN-ML: a termination before 4 months pays 15 days');
SELECT is((SELECT amount FROM a5), 2250.00, 'A5 LZ-AL: 4500 × 15 ÷ 30 = 2250.00');

-- A6  Lanzhou eligibility with 11 months (2024-10 to 2025-08) before a September event:
--     medical benefits yes, allowance no (LZ-AEL needs 12)
CREATE TEMP TABLE a6 AS
SELECT (matins_eligibility(make_event(person_id => 6, region => '620100', event => 'birth',
        event_date => '2025-09-15', person_type => 'enterprise',
        contributions => contribution_series('620100', '2024-10-01', '2025-08-01', 6000)))).*;
SELECT is((SELECT medical FROM a6), true, 'A6 LZ-WHO: an enterprise employee has medical benefits');
SELECT is((SELECT allowance FROM a6), false, 'A6 LZ-AEL: 11 months are not enough for the allowance');
SELECT is((SELECT continuous_months FROM a6), 11, 'A6: 11 continuous months counted back from August');
SELECT ok((SELECT notes @> ARRAY['LZ-AEL', 'continuous_months_short'] FROM a6),
          'A6: the notes say why (LZ-AEL, continuous_months_short)');

SELECT * FROM finish();
ROLLBACK;

-- Maternity allowances, eligibility and contributions as an analyst reads them: one row an
-- event, then the errors a wrong input gets.
SET search_path = "$user", public, matins;
SET datestyle = ISO;
\set SHOW_CONTEXT never
\pset null '-'

CREATE TEMP TABLE events (seq int, label text, e matins.event, policy text);
INSERT INTO events VALUES
    (1, 'Lanzhou birth, 12 months at 6000',
     make_event(region => '620100', event_date => '2025-09-15',
                contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)), NULL),
    (2, 'Lanzhou twins with dystocia',
     make_event(region => '620100', event_date => '2025-09-15', infants => 2, dystocia => true,
                contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)), NULL),
    (3, 'Lanzhou public unit',
     make_event(region => '620100', event_date => '2025-09-15', person_type => 'public',
                contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'public')), NULL),
    (4, 'Lanzhou uninsured spouse',
     make_event(region => '620100', event_date => '2025-09-15', person_type => 'spouse'), NULL),
    (5, 'Lanzhou father, nursing leave',
     make_event(region => '620100', event => 'paternity', event_date => '2025-09-15',
                contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)), NULL),
    (6, 'Lanzhou termination, 3 months',
     make_event(region => '620100', event => 'termination', gestation_months => 3, event_date => '2025-11-20',
                contributions => contribution_series('620100', '2024-11-01', '2025-10-01', 4500)), NULL),
    (7, 'Lanzhou, moved in from Beijing',
     make_event(region => '620100', event_date => '2025-09-15',
                contributions => contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                              || contribution_series('620100', '2025-03-01', '2026-02-01', 6000)), NULL),
    (8, 'Lanzhou, applied a day late',
     make_event(region => '620100', event_date => '2025-09-15', claim_date => '2026-09-16',
                contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)), NULL),
    (9, 'Baotou twins with dystocia',
     make_event(region => '150200', event_date => '2026-06-01', infants => 2, dystocia => true,
                unit_avg_wage => 7500,
                contributions => contribution_series('150200', '2025-06-01', '2026-05-01', 5000)), NULL),
    (10, 'Baotou, employer in arrears',
     make_event(region => '150200', event_date => '2026-06-01', unit_avg_wage => 7500,
                employer_arrears => true,
                contributions => contribution_series('150200', '2025-06-01', '2026-05-01', 5000)), NULL),
    (11, 'Jilin birth, wage 8000',
     make_event(region => '220000', event_date => '2025-03-01', unit_avg_wage => 8000), NULL),
    (12, 'Jilin public unit',
     make_event(region => '220000', event_date => '2025-03-01', person_type => 'public',
                unit_avg_wage => 8000), NULL),
    (13, 'Wenzhou draft, second child',
     make_event(region => '330300', event_date => '2026-06-01', birth_order => 2, unit_avg_wage => 9000),
     'WZ-DRAFT-MAT');

-- the allowances
SELECT seq, label, a.eligible AS ok, a.policy, a.days, a.base, a.daily, a.amount,
       a.grant_amount AS grant, a.payee, a.payer, a.first_payable, a.apply_by
FROM events, LATERAL matins_allowance(e, policy) a
ORDER BY seq;

-- why: the rule ids and reasons of each
SELECT seq, a.notes
FROM events, LATERAL matins_allowance(e, policy) a
ORDER BY seq;

-- eligibility around Lanzhou's gap rule (LZ-GAP) and the 12 months (LZ-AEL), birth on 2025-09-15
CREATE TEMP TABLE histories (seq int, label text, c matins.contribution[]);
INSERT INTO histories VALUES
    (1, '12 months', contribution_series('620100', '2024-09-01', '2025-08-01', 6000)),
    (2, '11 months', contribution_series('620100', '2024-10-01', '2025-08-01', 6000)),
    (3, '3-month break back-paid when resuming',
     contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
     || ARRAY[ROW('2025-01-01', '620100', true, '2025-04-10', 6000, 'enterprise')::matins.contribution,
              ROW('2025-02-01', '620100', true, '2025-04-10', 6000, 'enterprise')::matins.contribution,
              ROW('2025-03-01', '620100', true, '2025-04-10', 6000, 'enterprise')::matins.contribution]
     || contribution_series('620100', '2025-04-01', '2025-08-01', 6000)),
    (4, '3-month break back-paid a month later',
     contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
     || ARRAY[ROW('2025-01-01', '620100', true, '2025-05-10', 6000, 'enterprise')::matins.contribution,
              ROW('2025-02-01', '620100', true, '2025-05-10', 6000, 'enterprise')::matins.contribution,
              ROW('2025-03-01', '620100', true, '2025-05-10', 6000, 'enterprise')::matins.contribution]
     || contribution_series('620100', '2025-04-01', '2025-08-01', 6000)),
    (5, 'unpaid in August, nothing after',
     contribution_series('620100', '2024-01-01', '2025-07-01', 6000)
     || ROW('2025-08-01', '620100', false, NULL, 6000, 'enterprise')::matins.contribution);
SELECT seq, label, el.medical, el.allowance, el.continuous_months AS months, el.first_payable, el.notes
FROM histories, LATERAL matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                                                      contributions => c)) el
ORDER BY seq;

-- contributions (LZ-CON) on a base of 6000 in July 2025
SELECT t AS person_type, matins_contribution('620100', t, 6000, '2025-07-01') AS contribution
FROM unnest(ARRAY['enterprise', 'public', 'unemployed', 'flexible']) t;

-- errors
SELECT matins_allowance(make_event(region => '6201', event_date => '2025-09-15'));
SELECT matins_allowance(make_event(region => '110000', event_date => '2025-09-15'));
SELECT matins_allowance(make_event(region => '620100', event => 'adoption', event_date => '2025-09-15'));
SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15', person_type => 'student'));
SELECT matins_allowance(make_event(region => '620100', event_date => '2025-06-26'));
SELECT matins_allowance(make_event(region => '330300', event_date => '2026-06-01', unit_avg_wage => 9000));
SELECT matins_allowance(make_event(region => '620100', event => 'termination', event_date => '2025-09-15'));
SELECT matins_allowance(make_event(region => '620100', infants => 0, event_date => '2025-09-15'));
SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
    contributions => ARRAY[ROW('2025-02-15', '620100', true, NULL, 6000, 'enterprise')::matins.contribution]));
SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
    contributions => contribution_series('620100', '2025-01-01', '2025-02-01', 6000)
                  || ROW('2025-02-01', '620100', true, NULL, 6000, 'enterprise')::matins.contribution));
SELECT matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
    contributions => ARRAY[ROW('2025-01-01', '620100', true, NULL, -100, 'enterprise')::matins.contribution]));
SELECT matins_allowance(make_event(region => '150200', event => 'paternity', event_date => '2026-06-01',
                                   unit_avg_wage => 7500));
SELECT matins_allowance(make_event(region => '150200', event_date => '2026-06-01', person_type => 'unemployed'));
SELECT matins_allowance(make_event(region => '150200', event_date => '2026-06-01',
    contributions => contribution_series('150200', '2025-06-01', '2026-05-01', 5000)));
SELECT matins_allowance(make_event(region => '220000', event_date => '2025-03-01', person_type => 'spouse'));
SELECT matins_allowance(make_event(region => '220000', event_date => '2025-03-01', unit_avg_wage => 8000,
                                   employer_arrears => true));
SELECT matins_contribution('220000', 'enterprise', 6000, '2025-07-01');
SELECT matins_contribution('150200', 'enterprise', 1000000, '2026-07-01');

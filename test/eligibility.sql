-- pgTAP: matins_eligibility, and every bad input of a maternity event.  Continuous months are
-- counted back from the month before the event; every expected value is counted by hand.
BEGIN;
SET search_path = matins, public;
SELECT plan(153);

-- a back-paid month: paid, but on paid_on (a later month)
CREATE FUNCTION pg_temp.back(month date, paid_on date, region text DEFAULT '620100',
                             person_type text DEFAULT 'enterprise') RETURNS contribution
    LANGUAGE sql AS $$ SELECT ROW(month, region, true, paid_on, 6000, person_type)::matins.contribution $$;
-- an unpaid month
CREATE FUNCTION pg_temp.unpaid(month date, region text) RETURNS contribution
    LANGUAGE sql AS $$ SELECT ROW(month, region, false, NULL, 6000, 'enterprise')::matins.contribution $$;
-- eligibility of a Lanzhou enterprise employee's birth on 2025-09-15 (month before: 2025-08)
CREATE FUNCTION pg_temp.lz(c contribution[], person_type text DEFAULT 'enterprise',
                           claim_date date DEFAULT NULL) RETURNS eligibility
    LANGUAGE sql AS $$ SELECT matins.matins_eligibility(matins.make_event(region => '620100',
        event_date => '2025-09-15', person_type => person_type, claim_date => claim_date,
        contributions => c)) $$;

-- ================================================================ Lanzhou: LZ-AEL, 12 months
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000))).allowance,
          true, 'LZ-AEL: exactly 12 months (2024-09 to 2025-08) before a September birth: allowance');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000))).continuous_months,
          12, 'LZ-AEL: 12 continuous months counted back from the month before the event');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000))).first_payable,
          '2025-09-15'::date, 'LZ-AEL: payable from the event date for Lanzhou months');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-10-01', '2025-08-01', 6000))).allowance,
          false, 'LZ-AEL: 11 months (2024-10 to 2025-08): no allowance');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-10-01', '2025-08-01', 6000))).first_payable,
          NULL::date, 'LZ-AEL: no first payable day without the allowance');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-10-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-AEL', 'continuous_months_short'], 'LZ-AEL: the notes say the months are short');
SELECT is((pg_temp.lz(contribution_series('620100', '2023-01-01', '2025-08-01', 6000))).continuous_months,
          32, 'LZ-AEL: every continuous month is counted (2023-01 to 2025-08: 32)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-09-01', 6000))).continuous_months,
          12, 'the event month itself is not counted before the event');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'unemployed'), 'unemployed')).allowance,
          true, 'LZ-AEL Reading: months on unemployment benefit count for the unemployed');

-- LZ-AEL: at the enterprise standard
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-02-01', 6000, 'flexible')
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).continuous_months,
          12, 'LZ-AEL: 6 flexible + 6 enterprise months are 12 continuous months');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-02-01', 6000, 'flexible')
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).allowance,
          false, 'LZ-AEL: ... but only 6 of them at the enterprise standard: no allowance');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-02-01', 6000, 'flexible')
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-AEL', 'not_enterprise_standard'], 'LZ-AEL: the notes say not_enterprise_standard');

-- ================================================================ LZ-GAP
-- 4 months (2024-09..12) + a 3-month break (2025-01..03) + 5 months (2025-04..08): bridged, 12
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-04-10'), pg_temp.back('2025-02-01', '2025-04-10'),
                     pg_temp.back('2025-03-01', '2025-04-10')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).continuous_months,
          12, 'LZ-GAP: a 3-month break back-paid in the resumption month stays continuous (4 + 3 + 5 = 12)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-04-30'), pg_temp.back('2025-02-01', '2025-04-30'),
                     pg_temp.back('2025-03-01', '2025-04-30')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).allowance,
          true, 'LZ-GAP: back-paid on the last day of the resumption month: continuous, allowance');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-04-10'), pg_temp.back('2025-02-01', '2025-04-10'),
                     pg_temp.back('2025-03-01', '2025-04-10')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-GAP', 'gap_back_paid'], 'LZ-GAP: the notes say a break was bridged');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-05-01'), pg_temp.back('2025-02-01', '2025-05-01'),
                     pg_temp.back('2025-03-01', '2025-05-01')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).continuous_months,
          5, 'LZ-GAP: back-paid a month after the resumption month: continuity restarts in 2025-04 (5)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-05-01'), pg_temp.back('2025-02-01', '2025-05-01'),
                     pg_temp.back('2025-03-01', '2025-05-01')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).allowance,
          false, 'LZ-GAP: ... and no allowance');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || ARRAY[pg_temp.back('2025-01-01', '2025-05-01'), pg_temp.back('2025-02-01', '2025-05-01'),
                     pg_temp.back('2025-03-01', '2025-05-01')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-GAP', 'gap_not_bridged'], 'LZ-GAP: the notes say the break was not bridged');
-- 3 months (2024-09..11) + a 4-month break (2024-12..2025-03) back-paid in 2025-04 + 5 months
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-11-01', 6000)
            || ARRAY[pg_temp.back('2024-12-01', '2025-04-10'), pg_temp.back('2025-01-01', '2025-04-10'),
                     pg_temp.back('2025-02-01', '2025-04-10'), pg_temp.back('2025-03-01', '2025-04-10')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).continuous_months,
          5, 'LZ-GAP: a 4-month break is never bridged, even back-paid in time (5 months from 2025-04)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-11-01', 6000)
            || ARRAY[pg_temp.back('2024-12-01', '2025-04-10'), pg_temp.back('2025-01-01', '2025-04-10'),
                     pg_temp.back('2025-02-01', '2025-04-10'), pg_temp.back('2025-03-01', '2025-04-10')]
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).medical,
          true, 'LZ-GAP: a break before the event does not touch the event''s medical benefits');
-- a 3-month break never back-paid
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2024-12-01', 6000)
            || contribution_series('620100', '2025-04-01', '2025-08-01', 6000))).continuous_months,
          5, 'LZ-GAP: a 3-month break not back-paid: continuity restarts (5)');
-- an unpaid month right before the event, nothing after: the event falls in the break
SELECT is((pg_temp.lz(contribution_series('620100', '2024-01-01', '2025-07-01', 6000)
            || ARRAY[pg_temp.unpaid('2025-08-01', '620100')])).medical,
          false, 'LZ-GAP: an event during an unbridged break: no medical benefits');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-01-01', '2025-07-01', 6000)
            || ARRAY[pg_temp.unpaid('2025-08-01', '620100')])).continuous_months,
          0, 'LZ-GAP: ... and no continuous months before it');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-01-01', '2025-07-01', 6000)
            || ARRAY[pg_temp.unpaid('2025-08-01', '620100')])).notes
          @> ARRAY['LZ-GAP', 'event_in_break'], 'LZ-GAP: the notes say the event is in a break');
-- a break 2025-06..08 back-paid in 2025-09, the event month, when payment resumed
SELECT is((pg_temp.lz(contribution_series('620100', '2024-06-01', '2025-05-01', 6000)
            || ARRAY[pg_temp.back('2025-06-01', '2025-09-20'), pg_temp.back('2025-07-01', '2025-09-20'),
                     pg_temp.back('2025-08-01', '2025-09-20')]
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).continuous_months,
          15, 'LZ-GAP: a break up to the event, back-paid in the event month when payment resumes (12 + 3)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-06-01', '2025-05-01', 6000)
            || ARRAY[pg_temp.back('2025-06-01', '2025-10-02'), pg_temp.back('2025-07-01', '2025-10-02'),
                     pg_temp.back('2025-08-01', '2025-10-02')]
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).continuous_months,
          0, 'LZ-GAP: ... back-paid a month after payment resumed (2025-09, the event month): continuity restarts there');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-06-01', '2025-05-01', 6000)
            || ARRAY[pg_temp.back('2025-06-01', '2025-10-02'), pg_temp.back('2025-07-01', '2025-10-02'),
                     pg_temp.back('2025-08-01', '2025-10-02')]
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).medical,
          true, 'LZ-GAP: ... and the event, in the month payment resumed, is not in the break');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-07-01', 6000)
            || ARRAY[pg_temp.back('2025-08-01', '2025-08-31')])).continuous_months,
          12, 'a month paid within the month itself is on time');
-- 2025-08 missing, 2025-09 (the event month) paid on time: the break is August alone and
-- contributions resumed in the event month, so the event is not in the break: medical benefits
-- (and the LZ-PN grant); continuity restarts in September: 0 months before the event, no allowance
SELECT is((pg_temp.lz(contribution_series('620100', '2024-07-01', '2025-07-01', 6000)
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).medical,
          true, 'LZ-GAP: contributions resumed in the event month: the event is not in the break');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-07-01', '2025-07-01', 6000)
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).allowance,
          false, 'LZ-GAP: ... but continuity restarts in the event month: no allowance');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-07-01', '2025-07-01', 6000)
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000))).notes,
          ARRAY['LZ-GAP', 'gap_not_bridged', 'LZ-AEL', 'continuous_months_short', 'GS-ML'],
          'LZ-GAP: ... the notes say the break was not bridged, and not that the event is in it');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15', person_type => 'public',
            contributions => contribution_series('620100', '2024-07-01', '2025-07-01', 6000, 'public')
            || contribution_series('620100', '2025-09-01', '2025-09-01', 6000, 'public')))).grant_amount,
          1000.00, 'LZ-PN: a public-unit employee whose contributions resumed in the event month gets the grant');
-- the month before the event paid on time, the event month itself recorded as not paid on time
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || ARRAY[pg_temp.unpaid('2025-09-01', '620100')])).medical,
          false, 'LZ-GAP: the event month recorded unpaid, nothing after: the event is in a break');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || ARRAY[pg_temp.unpaid('2025-09-01', '620100')])).continuous_months,
          12, 'LZ-GAP: ... its 12 months before it, 2024-09 to 2025-08, are still counted (0.8.0; was 0)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).medical,
          false, 'LZ-GAP: the event month missing from a history that goes on after it: the event is in a break');
-- a history never paid on time up to the event (0.8.0): 2025-06, 2025-07 and 2025-09, the event
-- month, recorded unpaid: the person is in a break that was never bridged, as one who paid once
-- and then stopped: no medical benefits, no allowance and no LZ-PN grant (was: medical, 1000)
SELECT is((pg_temp.lz(ARRAY[pg_temp.unpaid('2025-06-01', '620100'), pg_temp.unpaid('2025-07-01', '620100'),
                            pg_temp.unpaid('2025-09-01', '620100')])).medical,
          false, 'LZ-GAP: a history unpaid up to the event month: the event is in a break');
SELECT is((pg_temp.lz(ARRAY[pg_temp.unpaid('2025-06-01', '620100'), pg_temp.unpaid('2025-07-01', '620100'),
                            pg_temp.unpaid('2025-09-01', '620100')])).notes,
          ARRAY['LZ-GAP', 'gap_not_bridged', 'event_in_break', 'GS-ML'],
          'LZ-GAP: ... the notes say the break was not bridged and the event is in it');
SELECT is((matins_allowance(make_event(region => '620100', event_date => '2025-09-15',
            contributions => ARRAY[pg_temp.unpaid('2025-09-01', '620100')]))).grant_amount,
          0.00, 'LZ-PN: the event month alone, recorded unpaid: no grant (LZ-GAP)');
-- the history's first months back-paid in the month contributions began (2025-10), the event
-- month among them: bridged (LZ-GAP), so medical benefits; continuity starts at 2025-10: 0 months
SELECT is((pg_temp.lz(ARRAY[pg_temp.back('2025-08-01', '2025-10-08'), pg_temp.back('2025-09-01', '2025-10-08')]
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).medical,
          true, 'LZ-GAP: the first months back-paid in the month payment began, the event among them: medical benefits');
SELECT is((pg_temp.lz(ARRAY[pg_temp.back('2025-08-01', '2025-10-08'), pg_temp.back('2025-09-01', '2025-10-08')]
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).continuous_months,
          0, 'LZ-GAP: ... and continuity starts at the first month paid on time (0 before the event)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000))).medical,
          true, 'LZ-GAP: a history that ends with the month before the event: not a break');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || ARRAY[pg_temp.back('2025-09-01', '2025-11-05')]
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).medical,
          false, 'LZ-GAP: the event month back-paid after the month payment resumed (2025-10): in a break');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || ARRAY[pg_temp.back('2025-09-01', '2025-10-05')]
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).allowance,
          true, 'LZ-GAP: the event month back-paid in the month payment resumed: bridged, allowance (12 months)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
            || ARRAY[pg_temp.back('2025-09-01', '2025-10-05')]
            || contribution_series('620100', '2025-10-01', '2025-10-01', 6000))).notes,
          ARRAY['LZ-GAP', 'gap_back_paid', 'LZ-AEL', 'LZ-AL', 'GS-ML'],
          'LZ-GAP: ... the notes say the event month''s break was bridged');

-- ================================================================ LZ-AEL: moving in
SELECT is((pg_temp.lz(contribution_series('620200', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).allowance,
          true, 'LZ-AEL: 6 months in Jiayuguan (Gansu) + 6 in Lanzhou count together');
SELECT is((pg_temp.lz(contribution_series('620200', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).first_payable,
          '2025-09-15'::date, 'LZ-AEL: from within Gansu, payable from the event');
SELECT ok((pg_temp.lz(contribution_series('620200', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-AEL', 'months_elsewhere_in_province'], 'LZ-AEL: the notes say months elsewhere in Gansu counted');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).continuous_months,
          12, 'LZ-AEL: months in another province (Beijing) count toward the 12');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).allowance,
          false, 'LZ-AEL: from another province, without 6 months in Lanzhou from the event month: not yet');
SELECT ok((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-08-01', 6000))).notes
          @> ARRAY['LZ-AEL', 'moved_in_from_other_province', 'local_months_short'],
          'LZ-AEL: the notes say the local months are short');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2026-02-01', 6000))).allowance,
          true, 'LZ-AEL: from another province with 2025-09 to 2026-02 in Lanzhou (6 months): allowance');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2026-02-01', 6000))).first_payable,
          '2026-03-01'::date, 'LZ-AEL: payable from the month after the 6th month (2026-03-01)');
-- the six Lanzhou months from the event month must be continuous (LZ-GAP): 2025-11 paid only on
-- 2026-01-05 while 2025-12 was paid on time is a break not bridged; back-paid in 2025-12, the
-- month payment resumed, it is bridged
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-10-01', 6000)
                   || ARRAY[pg_temp.back('2025-11-01', '2026-01-05')]
                   || contribution_series('620100', '2025-12-01', '2026-03-01', 6000))).allowance,
          false, 'LZ-AEL: a local month paid late and not bridged breaks the 6 months from the event');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2025-10-01', 6000)
                   || ARRAY[pg_temp.back('2025-11-01', '2025-12-10')]
                   || contribution_series('620100', '2025-12-01', '2026-03-01', 6000))).first_payable,
          '2026-03-01'::date, 'LZ-AEL: a local month back-paid in the month payment resumed keeps the 6 months');
SELECT is((pg_temp.lz(contribution_series('110000', '2024-09-01', '2025-02-01', 6000)
                   || contribution_series('620100', '2025-03-01', '2026-01-01', 6000))).allowance,
          false, 'LZ-AEL: only 5 months in Lanzhou from the event month: no allowance');
-- LZ-ARR (0.8.0): a month of the six that the employer in arrears left unpaid counts, as it does
-- before the event: base 6000 (the 12 months 2024-09 to 2025-08), 180 days (GS-ML): 6000 x 180 /
-- 30 = 36000, paid by the employer, payable from 2026-03-01
SELECT is((SELECT (a.eligible, a.amount, a.payer, a.first_payable)::text FROM matins_allowance(make_event(
            region => '620100', event_date => '2025-09-15', employer_arrears => true,
            contributions => contribution_series('610100', '2024-09-01', '2025-02-01', 6000)
                          || contribution_series('620100', '2025-03-01', '2025-09-01', 6000)
                          || ARRAY[pg_temp.unpaid('2025-10-01', '620100')]
                          || contribution_series('620100', '2025-11-01', '2026-02-01', 6000))) a),
          '(t,36000.00,employer,2026-03-01)',
          'LZ-ARR, LZ-AEL: a local month the employer in arrears left unpaid counts toward the six from the event');
SELECT is((SELECT a.eligible FROM matins_allowance(make_event(
            region => '620100', event_date => '2025-09-15',
            contributions => contribution_series('610100', '2024-09-01', '2025-02-01', 6000)
                          || contribution_series('620100', '2025-03-01', '2025-09-01', 6000)
                          || ARRAY[pg_temp.unpaid('2025-10-01', '620100')]
                          || contribution_series('620100', '2025-11-01', '2026-02-01', 6000))) a),
          false, 'LZ-AEL: ... without arrears the unpaid month breaks the six months');
SELECT is((matins_eligibility(make_event(
            region => '620100', event_date => '2025-09-15', employer_arrears => true,
            contributions => contribution_series('610100', '2024-09-01', '2025-02-01', 6000)
                          || contribution_series('620100', '2025-03-01', '2025-09-01', 6000)
                          || ARRAY[pg_temp.unpaid('2025-10-01', '620100')]
                          || contribution_series('620100', '2025-11-01', '2026-02-01', 6000)))).notes,
          ARRAY['LZ-AEL', 'moved_in_from_other_province', 'LZ-AL', 'GS-ML', 'LZ-ARR', 'employer_arrears'],
          'LZ-ARR: matins_eligibility''s notes say the employer in arrears answers for its months, as matins_allowance''s do');
SELECT is((pg_temp.lz(contribution_series('110000', '2023-09-01', '2024-08-01', 6000)
                   || contribution_series('620100', '2024-09-01', '2025-08-01', 6000))).allowance,
          true, 'LZ-AEL Reading: 12 months in Lanzhou before the event: the 6-month rule does not apply');

-- ================================================================ LZ-WHO
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'public'), 'public')).medical,
          true, 'LZ-WHO: a public-unit employee has medical benefits');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'public'), 'public')).allowance,
          false, 'LZ-WHO: ... but no allowance');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'flexible'), 'flexible')).allowance,
          false, 'LZ-WHO: a flexible worker: medical benefits only');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000, 'retiree'), 'retiree')).medical,
          true, 'LZ-WHO: a retiree: medical benefits');
SELECT ok((pg_temp.lz(NULL, 'spouse')).notes @> ARRAY['LZ-WHO', 'medical_only'],
          'LZ-WHO: a spouse: medical benefits only, and the notes say so');
SELECT is((pg_temp.lz(NULL, 'resident')).medical, false, 'LZ-COV: a resident is not in maternity insurance');
SELECT is((pg_temp.lz(NULL)).medical, true, 'no contribution history: no break to find, medical benefits');
SELECT ok((pg_temp.lz(NULL)).notes @> ARRAY['no_contributions', 'continuous_months_short'],
          'no contribution history: the notes say so, and no allowance');

-- ================================================================ LZ-AL: apply within a year
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000), 'enterprise', '2026-09-15')).allowance,
          true, 'LZ-AL: applied on the last day (2026-09-15)');
SELECT is((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000), 'enterprise', '2026-09-16')).allowance,
          false, 'LZ-AL: applied the day after: not payable');
SELECT ok((pg_temp.lz(contribution_series('620100', '2024-09-01', '2025-08-01', 6000), 'enterprise', '2026-09-16')).notes
          @> ARRAY['LZ-AL', 'LZ-DIR', 'apply_by_passed'], 'LZ-AL, LZ-DIR: the notes say the deadline passed');

-- ================================================================ Inner Mongolia (Baotou, event 2026-06-01)
CREATE FUNCTION pg_temp.nm(c contribution[], person_type text DEFAULT 'enterprise',
                           insured boolean DEFAULT true, claim_date date DEFAULT NULL) RETURNS eligibility
    LANGUAGE sql AS $$ SELECT matins.matins_eligibility(matins.make_event(region => '150200',
        event_date => '2026-06-01', person_type => person_type, maternity_insured => insured,
        claim_date => claim_date, unit_avg_wage => 7000, contributions => c)) $$;

SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-05-01', 5000))).allowance,
          true, 'NM-EL: exactly 12 continuous months: allowance');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-07-01', '2026-05-01', 5000))).allowance,
          false, 'NM-EL: 11 months: no allowance');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-07-01', '2026-05-01', 5000))).medical,
          true, 'NM-EL: 11 months still give medical benefits (waiting period unset)');
SELECT ok((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-05-01', 5000))).notes
          @> ARRAY['NM-WAIT', 'waiting_period_not_applied'], 'NM-WAIT: the unset waiting period is not applied, and noted');
SELECT is((pg_temp.nm(contribution_series('150100', '2025-06-01', '2025-11-01', 5000)
                   || contribution_series('150200', '2025-12-01', '2026-05-01', 5000))).allowance,
          true, 'NM-ACC: 6 months in Hohhot + 6 in Baotou count together');
SELECT ok((pg_temp.nm(contribution_series('150100', '2025-06-01', '2025-11-01', 5000)
                   || contribution_series('150200', '2025-12-01', '2026-05-01', 5000))).notes
          @> ARRAY['NM-ACC', 'months_elsewhere_in_province'], 'NM-ACC: the notes say so');
SELECT is((pg_temp.nm(contribution_series('620100', '2025-06-01', '2025-08-01', 5000)
                   || contribution_series('150200', '2025-09-01', '2026-05-01', 5000))).continuous_months,
          9, 'NM-ACC: months in another province do not count (9 in Baotou)');
SELECT ok((pg_temp.nm(contribution_series('620100', '2025-06-01', '2025-08-01', 5000)
                   || contribution_series('150200', '2025-09-01', '2026-05-01', 5000))).notes
          @> ARRAY['NM-ACC', 'months_in_other_province_not_counted'], 'NM-ACC: the notes say so');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-04-01', 5000)
                   || ARRAY[ROW('2026-05-01', '150200', true, '2026-06-01', 5000, 'enterprise')::contribution])).continuous_months,
          12, 'NM-EL Reading: a month back-paid by the event day counts');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-04-01', 5000)
                   || ARRAY[ROW('2026-05-01', '150200', true, '2026-06-02', 5000, 'enterprise')::contribution])).continuous_months,
          0, 'NM-EL Reading: a month back-paid after the event does not (12 months "when the costs occur")');
SELECT is((pg_temp.nm(NULL, 'unemployed')).allowance, true,
          'NM-EL: the unemployed on benefit need no 12 months');
SELECT ok((pg_temp.nm(NULL, 'unemployed')).notes
          @> ARRAY['unemployed_no_waiting_period', 'unemployed_no_month_condition'],
          'NM-EL: neither waiting period nor month condition for the unemployed');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-05-01', 5000, 'flexible'), 'flexible')).allowance,
          true, 'NM-COV: a flexible worker in maternity insurance gets the allowance');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-05-01', 5000, 'flexible'), 'flexible', false)).medical,
          false, 'NM-NOMI: a flexible worker outside maternity insurance: no maternity benefits');
SELECT ok((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-05-01', 5000, 'flexible'), 'flexible', false)).notes
          @> ARRAY['NM-NOMI', 'not_maternity_insured'], 'NM-NOMI: the notes say so');
SELECT is((pg_temp.nm(NULL, 'spouse')).medical, true, 'NM-IP: a male employee''s non-working spouse: medical');
SELECT is((pg_temp.nm(NULL, 'spouse')).allowance, false, 'NM-IP: ... but no allowance');
SELECT is((pg_temp.nm(NULL, 'retiree')).medical, false, 'NM-COV: a retiree is not in maternity insurance');
-- NM-EL: a normal contribution status when the allowance is claimed
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-07-01', 5000)
                   || ARRAY[pg_temp.unpaid('2026-08-01', '150200')], 'enterprise', true, '2026-08-10')).allowance,
          false, 'NM-EL: not contributing in the month of the claim: no allowance');
SELECT ok((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-07-01', 5000)
                   || ARRAY[pg_temp.unpaid('2026-08-01', '150200')], 'enterprise', true, '2026-08-10')).notes
          @> ARRAY['NM-EL', 'not_contributing_when_claimed'], 'NM-EL: the notes say so');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-06-01', '2026-08-01', 5000),
                      'enterprise', true, '2026-08-10')).allowance,
          true, 'NM-EL: contributing in the month of the claim: allowance');

-- NM-WAIT: a waiting period of 6 months set for the whole region
SELECT lives_ok($$SELECT set_param('150000', 'employee.waiting_months', 6, '2026-03-31')$$,
                'NM-WAIT: the region sets a waiting period of 6 months');
SELECT is((pg_temp.nm(contribution_series('150200', '2025-12-01', '2026-05-01', 5000))).medical,
          true, 'NM-WAIT: 6 months meet a 6-month waiting period');
SELECT is((pg_temp.nm(contribution_series('150200', '2026-01-01', '2026-05-01', 5000))).medical,
          false, 'NM-WAIT: 5 months do not');
SELECT ok((pg_temp.nm(contribution_series('150200', '2026-01-01', '2026-05-01', 5000))).notes
          @> ARRAY['NM-WAIT', 'waiting_period_not_met'], 'NM-WAIT: the notes say so');
SELECT is((pg_temp.nm(NULL, 'unemployed')).medical, true,
          'NM-EL: the unemployed have no waiting period even when the region sets one');

-- ================================================================ Jilin (event 2025-03-01)
CREATE FUNCTION pg_temp.jl(c contribution[], person_type text DEFAULT 'enterprise',
                           event text DEFAULT 'birth') RETURNS eligibility
    LANGUAGE sql AS $$ SELECT matins.matins_eligibility(matins.make_event(region => '220000',
        event => event, event_date => '2025-03-01', person_type => person_type, unit_avg_wage => 8000,
        contributions => c)) $$;

SELECT is((pg_temp.jl(contribution_series('220000', '2024-12-01', '2025-02-01', 8000))).allowance,
          true, 'JL24-EL: no waiting period while the region leaves it unset');
SELECT ok((pg_temp.jl(contribution_series('220000', '2024-12-01', '2025-02-01', 8000))).notes
          @> ARRAY['JL24-EL', 'waiting_period_not_applied'], 'JL24-EL: the notes say the waiting period is unset');
SELECT is((pg_temp.jl(NULL, 'public')).allowance, false, 'JL24-AL: public units: no allowance');
SELECT is((pg_temp.jl(NULL, 'public')).medical, true, 'JL24-AL: public units: medical benefits');
SELECT is((pg_temp.jl(NULL, 'flexible')).medical, false,
          'JL24-PN, JL24-DL: flexible workers are not in maternity insurance');
SELECT is((pg_temp.jl(NULL, 'enterprise', 'paternity')).allowance, false,
          'JL24-AL Reading: no allowance for male nursing leave in Jilin');
SELECT ok((pg_temp.jl(NULL, 'enterprise', 'paternity')).notes @> ARRAY['JL24-AL', 'no_nursing_leave_allowance'],
          'JL24-AL: the notes say so');
SELECT lives_ok($$SELECT set_param('220000', 'employee.waiting_months', 6, '2024-07-01')$$,
                'JL24-EL: Jilin sets a waiting period of 6 months');
SELECT is((pg_temp.jl(contribution_series('220000', '2024-09-01', '2025-02-01', 8000))).allowance,
          true, 'JL24-EL: 6 months meet it');
SELECT is((pg_temp.jl(contribution_series('220000', '2024-10-01', '2025-02-01', 8000))).medical,
          false, 'JL24-EL: 5 months: no medical benefits');
SELECT is((pg_temp.jl(contribution_series('220000', '2024-10-01', '2025-02-01', 8000))).allowance,
          false, 'JL24-EL: ... and no allowance (the same conditions)');

-- ================================================================ policies in force
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2024-06-30'))$$,
                 '22023', 'no maternity policy is in force for region 220000 on event_date 2024-06-30',
                 'JL-2024-MAT: the day before it came into force');
SELECT is((matins_eligibility(make_event(region => '220000', event_date => '2024-07-01', unit_avg_wage => 8000,
           contributions => contribution_series('220000', '2024-01-01', '2024-06-01', 8000)))).allowance,
          true, 'JL-2024-MAT: its first day in force (6 months meet the waiting period)');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-06-26'))$$,
                 '22023', 'no maternity policy is in force for region 620100 on event_date 2025-06-26',
                 'LZ-2025-MAT: the day before it came into force');
SELECT is((matins_eligibility(make_event(region => '620100', event_date => '2030-06-26'))).medical,
          true, 'LZ-2025-MAT: its last day');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2030-06-27'))$$,
                 '22023', 'no maternity policy is in force for region 620100 on event_date 2030-06-27',
                 'LZ-2025-MAT: the day after its five years');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '150200', event_date => '2026-03-30'))$$,
                 '22023', 'no maternity policy is in force for region 150200 on event_date 2026-03-30',
                 'BT-2026-MAT: the day before 2026-03-31');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '330300', event_date => '2026-03-30', unit_avg_wage => 8000))$$,
                 '22023', 'no maternity policy is in force for region 330300 on event_date 2026-03-30',
                 'WZ-DRAFT-MAT: a draft is never in force by date');
SELECT is((matins_eligibility(make_event(region => '330300', event_date => '2026-03-30'), 'WZ-DRAFT-MAT')).allowance,
          true, 'WZ-DRAFT-MAT: applied when named');
SELECT is((matins_eligibility(make_event(region => '620100', event_date => '2025-03-01',
           contributions => contribution_series('620100', '2024-03-01', '2025-02-01', 6000)), 'LZ-2025-MAT')).allowance,
          true, 'a named policy applies outside its dates (what-if)');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15'), 'XX-1')$$,
                 '22023', 'unknown policy "XX-1"', 'an unknown policy id');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2025-09-15'), 'JL-2019-RES')$$,
                 '22023', 'policy "JL-2019-RES" is not a maternity policy', 'a resident-insurance policy');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2025-09-15'), 'LZ-2025-MAT')$$,
                 '22023', 'policy "LZ-2025-MAT" governs region 620100, not the event''s region 220000',
                 'a policy of another region');

-- ================================================================ people without a rule
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2025-03-01', person_type => 'spouse'))$$,
                 '22023', 'no rule covers person_type "spouse" for a maternity event under policy JL-2024-MAT',
                 'rules.md §0: a spouse in Jilin has no rule');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '220000', event_date => '2025-03-01', person_type => 'unemployed'))$$,
                 '22023', 'no rule covers person_type "unemployed" for a maternity event under policy JL-2024-MAT',
                 'the unemployed in Jilin have no rule');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '330300', event_date => '2026-06-01', person_type => 'flexible'), 'WZ-DRAFT-MAT')$$,
                 '22023', 'no rule covers person_type "flexible" for a maternity event under policy WZ-DRAFT-MAT',
                 'flexible workers under the Wenzhou draft have no rule');

-- ================================================================ bad input
SELECT throws_ok($$SELECT matins_eligibility(make_event(event_date => '2025-09-15'))$$,
                 '22004', 'event field region must not be null', 'region missing');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '6201', event_date => '2025-09-15'))$$,
                 '22023', 'invalid region code "6201"', 'region not six digits');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '110000', event_date => '2025-09-15'))$$,
                 '22023', 'region "110000" is not covered by matins', 'region outside the covered provinces');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event => 'adoption', event_date => '2025-09-15'))$$,
                 '22023', 'unknown event "adoption"', 'an unknown event');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => NULL))$$,
                 '22004', 'event field event_date must not be null', 'event date missing');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15', person_type => 'student'))$$,
                 '22023', 'unknown person_type "student"', 'an unknown person type');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event => 'termination', event_date => '2025-09-15'))$$,
                 '22004', 'event field gestation_months must not be null for a termination',
                 'CN-ML: a termination needs its completed months');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event => 'termination', gestation_months => -1, event_date => '2025-09-15'))$$,
                 '22023', 'event field gestation_months = -1 is not a number of completed months of pregnancy',
                 'negative gestation months');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', infants => 0, event_date => '2025-09-15'))$$,
                 '22023', 'event field infants = 0 is not a number of infants born', 'a birth of no infants');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', infants => 10, event_date => '2025-09-15'))$$,
                 '22023', 'event field infants = 10 is not a number of infants born', 'a birth of ten infants (above 9)');
SELECT is((matins_allowance(make_event(region => '620100', event => 'termination', gestation_months => 3,
            infants => 0, event_date => '2025-09-15',
            contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)))).days,
          15, 'CN-ML: a termination''s infants is not read (0 is no error): 15 days before 4 months');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', birth_order => 0, event_date => '2025-09-15'))$$,
                 '22023', 'event field birth_order = 0 is not a birth order', 'birth order 0');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', unit_avg_wage => -1, event_date => '2025-09-15'))$$,
                 '22023', 'event field unit_avg_wage = -1.00 is negative', 'a negative average wage');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2025-01-01', '2025-01-01', 6000)
                                 || ROW('2025-02-15', '620100', true, NULL, 6000, 'enterprise')::contribution))$$,
                 '22007', 'contributions[2].month = 2025-02-15 is not the first day of a month',
                 'a contribution month that is not a first day');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2025-01-01', '2025-02-01', 6000)
                                 || ROW('2025-01-01', '620100', true, NULL, 6000, 'enterprise')::contribution))$$,
                 '23505', 'contributions[3].month = 2025-01-01 duplicates contributions[1].month',
                 'a contribution month given twice');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2024-09-01', '2025-08-01', 6000)
                                    || ROW('2205-08-01', '620100', true, NULL, 6000, NULL)::contribution))$$,
                 '22008', 'contributions[13].month = 2205-08-01 is outside the years matins covers',
                 'LZ-GAP: a month typed 2205 is an error, not a month that puts the history in a break');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2024-09-01', '2025-07-01', 6000)
                                    || ROW('2025-08-01', '999999', true, NULL, 6000, NULL)::contribution))$$,
                 '22023', 'contributions[12].region = 999999 is not in any province',
                 'LZ-AEL: a contribution region of no province is an error, not a month in another province');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => '[0:0]={"(2025-01-01,620100,t,,6000,)"}'::contribution[]))$$,
                 '2202E', 'event field contributions is numbered from 0',
                 'contributions numbered from 0 are an error (messages name months by their subscript)');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-08-01', '000000', true, NULL, 6000, NULL)::contribution]))$$,
                 '22023', 'contributions[1].region = 000000 is not in any province',
                 'a contribution region 000000 (the nation) is an error');
SELECT is((matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => contribution_series('620100', '2024-09-01', '2025-07-01', 6000)
                                    || ROW('2025-08-01', '820000', true, NULL, 6000, NULL)::contribution))).notes
          @> ARRAY['moved_in_from_other_province'], true,
          'LZ-AEL: a month paid in Macao (820000) is a month in another province');
SELECT lives_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2199-12-01', '620100', true, NULL, 6000, NULL)::contribution]))$$,
                 'a contribution month of 2199-12, the last the years cover, is read');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('1899-12-01', '620100', true, NULL, 6000, NULL)::contribution]))$$,
                 '22008', 'contributions[1].month = 1899-12-01 is outside the years matins covers',
                 'a contribution month before 1900 is an error');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2200-01-01'))$$,
                 '22008', 'event_date = 2200-01-01 is outside the years matins covers',
                 'an event date after 2199-12-31 is an error');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '620100', true, NULL, -0.01, 'enterprise')::contribution]))$$,
                 '22023', 'contributions[1].base = -0.01 is negative', 'a negative contribution base');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '620100', true, NULL, 6000.001, 'enterprise')::contribution]))$$,
                 '22023', 'contributions[1].base = 6000.001 is not an amount in yuan exact to the fen',
                 'a contribution base finer than the fen');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '620100', NULL, NULL, 6000, 'enterprise')::contribution]))$$,
                 '22004', 'contributions[1].paid must not be null', 'paid unknown');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW(NULL, '620100', true, NULL, 6000, 'enterprise')::contribution]))$$,
                 '22004', 'contributions[1].month must not be null', 'a contribution without its month');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[NULL::contribution]))$$,
                 '22004', 'contributions[1] is null', 'an empty contribution element');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '62', true, NULL, 6000, 'enterprise')::contribution]))$$,
                 '22023', 'invalid region code "62"', 'a contribution region that is not a code');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '620100', true, NULL, 6000, 'boss')::contribution]))$$,
                 '22023', 'unknown contributions[1].person_type "boss"', 'a contribution person type unknown');
SELECT throws_ok($$SELECT matins_eligibility(make_event(region => '620100', event_date => '2025-09-15',
                   contributions => ARRAY[ROW('2025-01-01', '620100', false, '2025-03-01', 6000, 'enterprise')::contribution]))$$,
                 '22023', 'contributions[1].paid_on = 2025-03-01 but the month is not paid', 'paid_on for an unpaid month');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: the fund database path (issue 5, contract: The fund database).  A claims table attached
-- with matins.attach() settles each inserted row the way matins_settle_run settles the person's
-- claims in date order, keeps the per-person counters in matins.ledger, gives a claim's
-- increments back on DELETE, re-settles on UPDATE, leaves nothing behind on a rollback or an
-- engine error, and stops at detach.  Every expected amount is worked out by hand in a comment.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(84);

-- helpers (temporary, this session only)
-- a claim with the defaults these tests use (scheme from the person type)
CREATE FUNCTION pg_temp.c(claim_id bigint, person_id bigint, region text, service_date date,
    benefit text, total numeric DEFAULT NULL, person_type text DEFAULT 'enterprise',
    pregnancy_id bigint DEFAULT NULL, setting text DEFAULT NULL, procedure text DEFAULT NULL,
    hospital_level integer DEFAULT NULL, hospital text DEFAULT NULL,
    lines matins.claim_line[] DEFAULT NULL)
    RETURNS matins.claim LANGUAGE sql IMMUTABLE AS $$
    SELECT matins.make_claim(claim_id => claim_id, person_id => person_id,
        pregnancy_id => pregnancy_id, region => region, service_date => service_date,
        scheme => CASE person_type WHEN 'resident' THEN 'resident' ELSE 'employee' END,
        person_type => person_type, benefit => benefit, setting => setting,
        procedure => procedure, hospital_level => hospital_level, hospital => hospital,
        total => total, lines => lines)
$$;
-- an ART item line
CREATE FUNCTION pg_temp.l(item_code text, quantity numeric, amount numeric)
    RETURNS matins.claim_line LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(item_code, NULL, quantity, amount, 0, NULL)::matins.claim_line
$$;

-- the DBA's claims table: every field of matins.claim, in its order, and the settlement
CREATE TABLE public.tap_claims (LIKE matins.claim, settlement matins.settlement);
-- insert claims, in the order given, through the trigger
CREATE FUNCTION pg_temp.ins(VARIADIC claims matins.claim[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO public.tap_claims SELECT * FROM unnest(claims)
$$;
-- a stored row as a claim again
CREATE FUNCTION pg_temp.claim_of(t public.tap_claims) RETURNS matins.claim LANGUAGE sql AS $$
    SELECT ROW(t.claim_id, t.person_id, t.pregnancy_id, t.region, t.service_date, t.scheme,
        t.person_type, t.maternity_insured, t.benefit, t.setting, t.procedure, t.disease,
        t.hospital_level, t.hospital, t.location, t.referral, t.total, t.self_pay,
        t.over_limit, t.class_b, t.lines)::matins.claim
$$;
-- the stored settlements of a person, in date order, as text
CREATE FUNCTION pg_temp.stored(p bigint) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT settlement::text FROM public.tap_claims WHERE person_id = p ORDER BY service_date, claim_id
$$;
-- what matins_settle_run gives over the same stored claims
CREATE FUNCTION pg_temp.run(p bigint) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT s::text FROM (
        SELECT matins_settle_run(pg_temp.claim_of(t)) OVER w AS s, service_date, claim_id
        FROM public.tap_claims t WHERE person_id = p
        WINDOW w AS (PARTITION BY person_id ORDER BY service_date, claim_id)) r
    ORDER BY service_date, claim_id
$$;
-- one stored settlement field of a claim
CREATE FUNCTION pg_temp.f(id bigint, field text) RETURNS text LANGUAGE sql AS $$
    SELECT to_jsonb(settlement) ->> field FROM public.tap_claims WHERE claim_id = id
$$;
-- a ledger counter: a path under the person's usage
CREATE FUNCTION pg_temp.u(p bigint, VARIADIC path text[]) RETURNS jsonb LANGUAGE sql AS $$
    SELECT usage #> path FROM matins.ledger WHERE person_id = p
$$;
-- the whole ledger and its entries, as text, to compare before and after
CREATE FUNCTION pg_temp.ledger_now() RETURNS SETOF text LANGUAGE sql AS $$
    SELECT person_id || ' ' || usage::text FROM matins.ledger
    UNION ALL
    SELECT 'entry ' || rel::text || ' ' || claim_id || ' ' || delta::text FROM matins.ledger_entry
$$;

-- region parameters the routes below need (left to the regions by the documents)
DO $$
BEGIN
    -- JL19-IP: the resident inpatient deductibles by level
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l1', 200, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l2', 500, '2020-01-01');
    PERFORM matins.set_param('220000', 'resident.inpatient.deductible.l3', 800, '2020-01-01');
    -- JL24-ART-2: the ART deductibles and resident ratios by level
    PERFORM matins.set_param('220000', 'art.deductible.l1', 300, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l2', 600, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l1', 0.65, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l2', 0.60, '2024-07-01');
    PERFORM matins.set_param('220000', 'art.ratio.resident.l3', 0.55, '2024-07-01');
    -- NM-IP: the Inner Mongolia employee annual cap
    PERFORM matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
END $$;

-- the ledger is one per database, shared by every attached table: the people of these tests
-- start from nothing (in a fresh database they have no counters anyway; rolled back at the end)
DELETE FROM matins.ledger_entry WHERE person_id BETWEEN 1 AND 6;
DELETE FROM matins.ledger WHERE person_id BETWEEN 1 AND 6;

SELECT lives_ok($$SELECT matins.attach('public.tap_claims')$$,
    'contract: matins.attach() takes a table with every claim field and a settlement column');
SELECT throws_ok($$SELECT matins.attach(NULL)$$, '22004', 'matins.attach needs a table, got NULL',
    'contract: matins.attach(NULL) is an error saying so');
SELECT throws_ok($$SELECT matins.attach(0::regclass)$$, '42P01', 'no table has OID 0',
    'contract: matins.attach of a table that does not exist is an error saying so');
SELECT trigger_is('public', 'tap_claims', 'zz_matins_settle', 'matins', 'settle_trigger',
    'contract: the table has the trigger zz_matins_settle calling matins.settle_trigger()');
SELECT is((SELECT tgtype::int FROM pg_trigger WHERE tgrelid = 'public.tap_claims'::regclass),
    1 | 2 | 4 | 8 | 16,
    'contract: BEFORE INSERT OR UPDATE OR DELETE, FOR EACH ROW (tgtype ROW|BEFORE|INSERT|DELETE|UPDATE)');

------------------------------------------------------------------ settled in date order
-- the claims of five people, inserted in date order across them (one statement), then more
-- claims in statements of their own
SELECT pg_temp.ins(
    -- JL24-PN, person 1 (Changchun employee), pregnancy 11, cap 1000
    pg_temp.c(101, 1, '220100', '2025-02-10', 'prenatal', 600, pregnancy_id => 11),
    -- JL19-IP, person 3 (Jilin resident), level 3
    pg_temp.c(301, 3, '220000', '2025-03-01', 'inpatient', 20000, 'resident', hospital_level => 3),
    -- JL24-ART-4, person 4 (Jilin resident), level 3
    pg_temp.c(401, 4, '220000', '2025-03-01', 'art', person_type => 'resident', hospital_level => 3,
              lines => ARRAY[pg_temp.l('311600009', 1, 600)]),
    pg_temp.c(302, 3, '220000', '2025-04-01', 'inpatient', 20000, 'resident', hospital_level => 3),
    pg_temp.c(102, 1, '220100', '2025-04-12', 'prenatal', 700, pregnancy_id => 11),
    pg_temp.c(103, 1, '220100', '2025-05-20', 'prenatal', 200, pregnancy_id => 11),
    pg_temp.c(303, 3, '220000', '2025-06-01', 'inpatient', 30000, 'resident', hospital_level => 2),
    pg_temp.c(402, 4, '220000', '2025-06-01', 'art', person_type => 'resident', hospital_level => 3,
              lines => ARRAY[pg_temp.l('311600009', 1, 600), pg_temp.l('311600010', 1, 900)]),
    -- LZ-SCR, person 2 (Lanzhou employee), pregnancy 21
    pg_temp.c(201, 2, '620100', '2025-09-01', 'screening', 200, pregnancy_id => 21, hospital => '某县人民医院'),
    pg_temp.c(202, 2, '620100', '2025-09-02', 'screening', 180, pregnancy_id => 21, hospital => '兰州大学第二医院'),
    pg_temp.c(203, 2, '620100', '2025-10-02', 'screening', 120, pregnancy_id => 21, hospital => '兰州大学第二医院'));
SELECT pg_temp.ins(
    pg_temp.c(403, 4, '220000', '2026-02-01', 'art', person_type => 'resident', hospital_level => 3,
              lines => ARRAY[pg_temp.l('311600010', 1, 900)]),
    pg_temp.c(104, 1, '220100', '2026-03-01', 'prenatal', 300, pregnancy_id => 12));
-- NM-IP, person 5 (Inner Mongolia employee), level 3, one statement each
SELECT pg_temp.ins(pg_temp.c(501, 5, '150000', '2026-04-15', 'delivery', 250000, pregnancy_id => 51, hospital_level => 3));
SELECT pg_temp.ins(pg_temp.c(502, 5, '150000', '2026-07-01', 'family_planning', 40000, pregnancy_id => 51,
                             setting => 'inpatient', procedure => 'abortion', hospital_level => 3));
SELECT pg_temp.ins(pg_temp.c(503, 5, '150000', '2026-09-01', 'family_planning', 30000, pregnancy_id => 52,
                             setting => 'inpatient', procedure => 'abortion', hospital_level => 3));
SELECT pg_temp.ins(pg_temp.c(504, 5, '150000', '2027-01-10', 'family_planning', 5000, pregnancy_id => 52,
                             setting => 'inpatient', procedure => 'abortion', hospital_level => 3));
SELECT pg_temp.ins(pg_temp.c(204, 2, '620100', '2026-05-01', 'screening', 100, pregnancy_id => 22, hospital => '兰州大学第二医院'));

-- the stored settlements are matins_settle_run's, to the whole text of each settlement
SELECT results_eq('SELECT * FROM pg_temp.stored(1)', 'SELECT * FROM pg_temp.run(1)',
    'JL24-PN: the stored prenatal settlements are matins_settle_run''s over the same claims');
SELECT results_eq('SELECT * FROM pg_temp.stored(2)', 'SELECT * FROM pg_temp.run(2)',
    'LZ-SCR: the stored screening settlements are matins_settle_run''s over the same claims');
SELECT results_eq('SELECT * FROM pg_temp.stored(3)', 'SELECT * FROM pg_temp.run(3)',
    'JL19-IP: the stored inpatient settlements are matins_settle_run''s over the same claims');
SELECT results_eq('SELECT * FROM pg_temp.stored(4)', 'SELECT * FROM pg_temp.run(4)',
    'JL24-ART-4: the stored ART settlements are matins_settle_run''s over the same claims');
SELECT results_eq('SELECT * FROM pg_temp.stored(5)', 'SELECT * FROM pg_temp.run(5)',
    'NM-IP: the stored settlements under the annual cap are matins_settle_run''s over the same claims');

-- JL24-PN by hand: 600 (1000 left); 700 -> 1000 - 600 = 400; 200 -> 0; a new pregnancy 300 -> 300
SELECT is(ARRAY[pg_temp.f(101, 'maternity_fund'), pg_temp.f(102, 'maternity_fund'),
                pg_temp.f(103, 'maternity_fund'), pg_temp.f(104, 'maternity_fund')],
    ARRAY['600.00', '400.00', '0.00', '300.00'],
    'JL24-PN: 600, then 400 of 700 (the cap), then 0 of 200; a new pregnancy has its own 1000');
SELECT is(pg_temp.u(1, 'pregnancies', '11', 'prenatal_paid'), '1000.00'::jsonb,
    'JL24-PN: the ledger holds prenatal_paid 600 + 400 = 1000 for pregnancy 11');
SELECT is(pg_temp.u(1, 'pregnancies', '12', 'prenatal_paid'), '300.00'::jsonb,
    'JL24-PN: and 300 for pregnancy 12');
-- LZ-SCR by hand: not designated 0 (the once unused); designated 180 -> quota 160; again 0;
-- a new pregnancy's 100 -> 100
SELECT is(ARRAY[pg_temp.f(201, 'maternity_fund'), pg_temp.f(202, 'maternity_fund'),
                pg_temp.f(203, 'maternity_fund'), pg_temp.f(204, 'maternity_fund')],
    ARRAY['0.00', '160.00', '0.00', '100.00'],
    'LZ-SCR: not designated 0; designated 160 (the quota); a second one 0; a new pregnancy 100');
SELECT is(pg_temp.u(2, 'pregnancies'),
    '{"21": {"screening_used": true}, "22": {"screening_used": true}}'::jsonb,
    'LZ-SCR: the ledger marks the screening of both pregnancies used');
-- JL19-IP by hand (position = the year's cumulative in-scope amount):
--   301 level 3: deductible 800 (0..800); 19200 x 55% = 10560
--   302 level 3: deductible 800 (20000..20800); 9200 x 55% = 5060; 10000 x 60% = 6000 -> 11060
--   303 level 2: deductible 500 (40000..40500); 19500 x 75% = 14625; 10000 x 80% = 8000 -> 22625
SELECT is(ARRAY[pg_temp.f(301, 'pooled_fund'), pg_temp.f(302, 'pooled_fund'), pg_temp.f(303, 'pooled_fund')],
    ARRAY['10560.00', '11060.00', '22625.00'],
    'JL19-IP: the bands carry across the year''s claims: 10560, 11060, 22625');
-- 20000 + 20000 + 30000 = 70000; fund 10560 + 11060 + 22625 = 44245; the last stay's deductible 500
-- (the last stay's deductible is the person's, beside the years: a referral counts it across them)
SELECT is(ARRAY[pg_temp.u(3, 'years', '2025'), pg_temp.u(3, 'last_stay_deductible')],
    ARRAY['{"inpatient_position": 70000.00, "resident_fund_paid": 44245.00}', '500.00']::jsonb[],
    'JL19-IP: the ledger holds the year''s position 70000, fund 44245 and the last deductible 500');
-- JL24-ART-4 by hand (level 3: deductible 1000, 55%, class B 10%):
--   401 311600009 600: pre 60; in_scope 540, all deductible; fund 0, but the item is used
--   402 311600009 again: self_pay 600; 311600010 900: pre 90, in_scope 810; deductible
--       1000 - 540 = 460; (810 - 460) x 55% = 192.50
--   403 (2026) 311600010 again: used for life -> self_pay 900, fund 0
SELECT is(ARRAY[pg_temp.f(401, 'pooled_fund'), pg_temp.f(402, 'pooled_fund'), pg_temp.f(403, 'pooled_fund')],
    ARRAY['0.00', '192.50', '0.00'],
    'JL24-ART-4: 0 (the deductible), 192.50 (311600010 only), 0 (311600010 used for life)');
SELECT is(ARRAY[pg_temp.f(402, 'self_pay'), pg_temp.f(403, 'self_pay')], ARRAY['600.00', '900.00'],
    'JL24-ART-4: the items paid before are self-paid: 311600009 600 in 2025, 311600010 900 in 2026');
SELECT is(pg_temp.u(4, 'art_items_used'), '["311600009", "311600010"]'::jsonb,
    'JL24-ART-4: the ledger lists both items as used once per person');
SELECT is(pg_temp.u(4, 'years', '2025', 'art_deductible_paid'), '1000.00'::jsonb,
    'JL24-ART-2: the ledger holds the 2025 ART deductible 540 + 460 = 1000');
-- NM-IP by hand (annual cap 300000): 250000 in full; 40000 in full (250000 + 40000 = 290000);
-- 30000 -> 10000 left, 20000 over -> personal; 2027: a new year, 5000 in full
SELECT is(ARRAY[pg_temp.f(501, 'maternity_fund'), pg_temp.f(502, 'maternity_fund'),
                pg_temp.f(503, 'maternity_fund'), pg_temp.f(504, 'maternity_fund')],
    ARRAY['250000.00', '40000.00', '10000.00', '5000.00'],
    'NM-IP: 250000, 40000, then 10000 of 30000 (the annual cap), then 5000 in a new year');
SELECT is(ARRAY[pg_temp.f(503, 'over_cap'), pg_temp.f(503, 'transfer_to')], ARRAY['20000.00', 'personal'],
    'NM-IP: over the employee annual cap, 20000 is personal');
SELECT is(ARRAY[pg_temp.u(5, 'years', '2026', 'employee_fund_paid'), pg_temp.u(5, 'years', '2027', 'employee_fund_paid')],
    ARRAY['300000.00'::jsonb, '5000.00'],
    'NM-IP: the ledger holds employee_fund_paid 300000 for 2026 and 5000 for 2027');
SELECT is_empty('SELECT * FROM matins.ledger_check()',
    'contract: ledger_check() is empty after the inserts (JL24-PN, LZ-SCR, JL19-IP, JL24-ART-4, NM-IP)');
SELECT is((SELECT count(*)::int FROM matins.ledger_entry WHERE rel = 'public.tap_claims'::regclass), 18,
    'contract: one ledger entry per settled claim (18 claims of JL24-PN, LZ-SCR, JL19-IP, JL24-ART-4, NM-IP)');

------------------------------------------------------------------ rollback
CREATE TEMP TABLE before_rollback AS SELECT * FROM pg_temp.ledger_now();
SAVEPOINT inserting;
-- JL24-PN: a new pregnancy 13 for person 1, 500 paid; NM-IP: 2027 grows to 5000 + 3000
SELECT pg_temp.ins(pg_temp.c(105, 1, '220100', '2025-07-01', 'prenatal', 500, pregnancy_id => 13),
                   pg_temp.c(505, 5, '150000', '2027-02-01', 'family_planning', 3000, pregnancy_id => 52,
                             setting => 'inpatient', procedure => 'abortion', hospital_level => 3));
SELECT is(ARRAY[pg_temp.u(1, 'pregnancies', '13', 'prenatal_paid'), pg_temp.u(5, 'years', '2027', 'employee_fund_paid')],
    ARRAY['500.00'::jsonb, '8000.00'],
    'JL24-PN, NM-IP: inside the transaction the ledger has the new claims (500; 5000 + 3000 = 8000)');
ROLLBACK TO SAVEPOINT inserting;
SELECT set_eq('SELECT * FROM pg_temp.ledger_now()', 'SELECT * FROM before_rollback',
    'JL24-PN, NM-IP: after a rollback the ledger and its entries are as before');
SELECT is((SELECT count(*)::int FROM public.tap_claims WHERE claim_id IN (105, 505)), 0,
    'JL24-PN, NM-IP: and the rolled-back claims are not stored');

------------------------------------------------------------------ rows the engine rejects
-- each aborts the insert with the engine's error; no row is stored and no counter moves
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(106, 1, '220100', '2025-07-01', 'prenatal', -300, pregnancy_id => 11))$$,
    '22023', 'claim field total = -300.00 is negative',
    'JL24-PN: a negative amount aborts the insert with the engine''s error');
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(106, 1, '220100', '2025-07-01', 'prenatal', 300.005, pregnancy_id => 11))$$,
    '22023', 'claim field total = 300.005 is not an amount in yuan exact to the fen',
    'JL24-PN: an amount finer than the fen aborts the insert');
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(106, 1, '220100', '2025-07-01', 'prenatal', 300, 'spouse', pregnancy_id => 11))$$,
    '22023', 'no rule settles benefit prenatal for person type spouse, scheme employee (outpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
    'JL24-PN: a claim no route settles (a spouse in Jilin) aborts the insert');
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(506, 5, '150000', '2026-05-01', 'family_planning', 9000,
        procedure => 'tubal_reversal', hospital_level => 3))$$,
    '22023', 'region parameter "employee.inpatient.deductible.l3" is not set for region 150000 on 2026-05-01',
    'NM-IP: a claim needing an unset region parameter aborts the insert, naming the parameter');
-- a good row for person 1 then a rejected one in the same statement: neither is kept
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(106, 1, '220100', '2025-07-01', 'prenatal', 300, pregnancy_id => 14),
                                      pg_temp.c(107, 1, '220100', '2025-07-02', 'prenatal', -1, pregnancy_id => 14))$$,
    '22023', 'claim field total = -1.00 is negative',
    'JL24-PN: a rejected second row aborts the whole statement');
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(NULL, 1, '220100', '2025-07-01', 'prenatal', 300, pregnancy_id => 14))$$,
    '22004', 'claim field claim_id must not be null in an attached table',
    'JL24-PN: a claim without claim_id cannot be kept in the ledger');
SELECT throws_ok($$SELECT pg_temp.ins(pg_temp.c(101, 1, '220100', '2025-07-01', 'prenatal', 300, pregnancy_id => 14))$$,
    '23505', 'claim_id 101 of table "tap_claims" is settled already',
    'JL24-PN: a second row with a settled claim_id is refused');
SELECT set_eq('SELECT * FROM pg_temp.ledger_now()', 'SELECT * FROM before_rollback',
    'JL24-PN, NM-IP: after the rejected rows the ledger and its entries are unchanged');
SELECT is((SELECT count(*)::int FROM public.tap_claims), 18,
    'JL24-PN, NM-IP: no rejected row is stored (still the 18 claims)');

------------------------------------------------------------------ DELETE gives back
-- JL24-PN: deleting 101 gives its 600 back: 1000 - 600 = 400
DELETE FROM public.tap_claims WHERE claim_id = 101;
SELECT is(pg_temp.u(1, 'pregnancies', '11', 'prenatal_paid'), '400.00'::jsonb,
    'JL24-PN: DELETE gives the claim''s 600 back (1000 - 600 = 400)');
SELECT is((SELECT count(*)::int FROM matins.ledger_entry WHERE claim_id = 101), 0,
    'JL24-PN: the deleted claim''s ledger entry is gone');
SELECT is(ARRAY[pg_temp.f(102, 'maternity_fund'), pg_temp.f(103, 'maternity_fund')], ARRAY['400.00', '0.00'],
    'JL24-PN: the later claims are not re-settled (400 and 0 stay)');
-- a later claim gets the freed cap: 1000 - 400 = 600 left of 700 -> 600, 100 over
SELECT pg_temp.ins(pg_temp.c(108, 1, '220100', '2025-07-01', 'prenatal', 700, pregnancy_id => 11));
SELECT is(ARRAY[pg_temp.f(108, 'maternity_fund'), pg_temp.f(108, 'over_cap')], ARRAY['600.00', '100.00'],
    'JL24-PN: a later claim gets the freed cap (600 of 700)');
SELECT is(pg_temp.u(1, 'pregnancies', '11', 'prenatal_paid'), '1000.00'::jsonb,
    'JL24-PN: and the pregnancy is at its cap again (400 + 600)');
-- LZ-SCR: deleting the paid screening frees it; a later designated one (150) is paid in full
DELETE FROM public.tap_claims WHERE claim_id = 202;
SELECT is(pg_temp.u(2, 'pregnancies', '21'), '{}'::jsonb,
    'LZ-SCR: DELETE of the paid screening frees the pregnancy''s once');
SELECT pg_temp.ins(pg_temp.c(205, 2, '620100', '2025-11-01', 'screening', 150, pregnancy_id => 21, hospital => '甘肃省人民医院'));
SELECT is(pg_temp.f(205, 'maternity_fund'), '150.00',
    'LZ-SCR: a later screening of the pregnancy is paid (150 within the 160 quota)');
-- JL24-ART-4: deleting 402 releases 311600010 and gives its 460 of deductible back (1000 - 460
-- = 540); 403 keeps its self-paid 900 (not re-settled)
DELETE FROM public.tap_claims WHERE claim_id = 402;
SELECT is(pg_temp.u(4, 'art_items_used'), '["311600009"]'::jsonb,
    'JL24-ART-4: DELETE releases the once-per-person item the claim used');
SELECT is(pg_temp.u(4, 'years', '2025', 'art_deductible_paid'), '540.00'::jsonb,
    'JL24-ART-2: DELETE gives the claim''s 460 of deductible back (1000 - 460 = 540)');
-- 404 (2026) 311600010 900 again: pre 90, in_scope 810, a new year's deductible 1000 takes it
-- all: fund 0, but the item is in scope (not self-paid) and used again
SELECT pg_temp.ins(pg_temp.c(404, 4, '220000', '2026-03-01', 'art', person_type => 'resident', hospital_level => 3,
                             lines => ARRAY[pg_temp.l('311600010', 1, 900)]));
SELECT is(ARRAY[pg_temp.f(404, 'self_pay'), pg_temp.f(404, 'in_scope'), pg_temp.f(404, 'deductible')],
    ARRAY['0.00', '810.00', '810.00'],
    'JL24-ART-4: a later claim gets the released item in scope (810, all 2026 deductible)');
SELECT is(pg_temp.u(4, 'art_items_used'), '["311600009", "311600010"]'::jsonb,
    'JL24-ART-4: and the item is used again');
-- NM-IP: deleting the 250000 delivery frees 250000 of the 2026 cap: 300000 - 250000 = 50000
-- used; a later 60000 is paid in full (50000 + 60000 = 110000)
DELETE FROM public.tap_claims WHERE claim_id = 501;
SELECT is(pg_temp.u(5, 'years', '2026', 'employee_fund_paid'), '50000.00'::jsonb,
    'NM-IP: DELETE gives 250000 back to the annual cap (300000 - 250000 = 50000)');
SELECT pg_temp.ins(pg_temp.c(505, 5, '150000', '2026-10-01', 'family_planning', 60000, pregnancy_id => 52,
                             setting => 'inpatient', procedure => 'abortion', hospital_level => 3));
SELECT is(ARRAY[pg_temp.f(505, 'maternity_fund'), pg_temp.f(505, 'over_cap')], ARRAY['60000.00', '0.00'],
    'NM-IP: a later claim is paid in full from the freed cap');
SELECT is_empty('SELECT * FROM matins.ledger_check()',
    'contract: ledger_check() is empty after the deletes (JL24-PN, LZ-SCR, JL24-ART-4, NM-IP)');

------------------------------------------------------------------ UPDATE re-settles
-- JL24-PN: 104 (pregnancy 12) 300 -> 1500: 300 given back, then 1000 paid, 500 over
UPDATE public.tap_claims SET total = 1500 WHERE claim_id = 104;
SELECT is(ARRAY[pg_temp.f(104, 'total'), pg_temp.f(104, 'maternity_fund'), pg_temp.f(104, 'over_cap')],
    ARRAY['1500.00', '1000.00', '500.00'],
    'JL24-PN: UPDATE re-settles the claim (1500: 1000 paid, 500 over the cap)');
SELECT is(pg_temp.u(1, 'pregnancies', '12', 'prenatal_paid'), '1000.00'::jsonb,
    'JL24-PN: the ledger has the new amount, not both (1000, not 300 + 1000)');
-- JL24-PN: 103 (200, paid 0 in pregnancy 11) moved to pregnancy 15: 0 back, 200 paid there
UPDATE public.tap_claims SET pregnancy_id = 15 WHERE claim_id = 103;
SELECT is(ARRAY[pg_temp.f(103, 'maternity_fund'), pg_temp.u(1, 'pregnancies', '15', 'prenatal_paid')::text,
                pg_temp.u(1, 'pregnancies', '11', 'prenatal_paid')::text],
    ARRAY['200.00', '200.00', '1000.00'],
    'JL24-PN: a claim moved to another pregnancy is paid from that pregnancy''s cap (200)');
-- JL24-PN: 104 moved to person 6: person 1's pregnancy 12 back to 0, person 6's at 1000
UPDATE public.tap_claims SET person_id = 6 WHERE claim_id = 104;
SELECT is(ARRAY[pg_temp.u(1, 'pregnancies', '12'), pg_temp.u(6, 'pregnancies', '12')],
    ARRAY['{}'::jsonb, '{"prenatal_paid": 1000.00}'],
    'JL24-PN: a claim moved to another person takes its counters with it');
-- JL19-IP: 303 level 2 -> level 3: 22625 given back (44245 - 22625 = 21620), position 70000 -
-- 30000 = 40000; re-settled: deductible 800 (40000..40800); 19200 x 60% = 11520; 10000 x 65% =
-- 6500 -> 18020; fund 21620 + 18020 = 39640
UPDATE public.tap_claims SET hospital_level = 3 WHERE claim_id = 303;
SELECT is(pg_temp.f(303, 'pooled_fund'), '18020.00',
    'JL19-IP: an UPDATE of the level re-settles the stay in the bands (18020)');
SELECT is(ARRAY[pg_temp.u(3, 'years', '2025'), pg_temp.u(3, 'last_stay_deductible')],
    ARRAY['{"inpatient_position": 70000.00, "resident_fund_paid": 39640.00}', '800.00']::jsonb[],
    'JL19-IP: the ledger has the re-settled stay (position 70000, fund 21620 + 18020 = 39640, deductible 800)');
-- JL19-IP across 1 January: an upward referral to level 3 on 2026-01-05 after the 2025 level-3
-- stay (deductible 800) pays 800 - 800 = 0; the new year's position 0 .. 10000 at 55% = 5500
-- (0.2.0 kept the last deductible in the year and charged 800 again: 5060)
SELECT pg_temp.ins(matins.make_claim(claim_id => 304, person_id => 3, region => '220000',
    service_date => '2026-01-05', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
    hospital_level => 3, referral => 'up', total => 10000));
SELECT is(ARRAY[pg_temp.f(304, 'deductible'), pg_temp.f(304, 'pooled_fund')], ARRAY['0.00', '5500.00'],
    'JL19-IP: through the trigger, a referral in January counts the December stay''s deductible');
SELECT is(ARRAY[pg_temp.u(3, 'years', '2026'), pg_temp.u(3, 'last_stay_deductible')],
    ARRAY['{"inpatient_position": 10000.00, "resident_fund_paid": 5500.00}', '800.00']::jsonb[],
    'JL19-IP: the new year''s counters start from 0 and the last deductible stays the person''s');
-- an UPDATE the engine rejects changes nothing
SELECT throws_ok($$UPDATE public.tap_claims SET total = -1 WHERE claim_id = 108$$,
    '22023', 'claim field total = -1.00 is negative',
    'JL24-PN: an UPDATE to a rejected row aborts with the engine''s error');
SELECT is(ARRAY[pg_temp.f(108, 'maternity_fund'), pg_temp.u(1, 'pregnancies', '11', 'prenatal_paid')::text],
    ARRAY['600.00', '1000.00'],
    'JL24-PN: and the claim and its counters stay as they were');
SELECT is_empty('SELECT * FROM matins.ledger_check()',
    'contract: ledger_check() is empty after the updates (JL24-PN, JL19-IP)');

------------------------------------------------------------------ the ledger against the stored settlements
-- order-independent sums: each counter equals the sum of what the stored claims paid
SELECT is_empty($$
    SELECT * FROM
        (SELECT l.person_id, p.key, (p.value ->> 'prenatal_paid')::numeric AS counter
         FROM matins.ledger l, jsonb_each(l.usage -> 'pregnancies') p
         WHERE l.person_id IN (SELECT person_id FROM public.tap_claims)) c
    FULL JOIN
        (SELECT person_id, pregnancy_id::text AS key, sum((settlement).maternity_fund) AS paid
         FROM public.tap_claims WHERE region LIKE '22%' AND benefit = 'prenatal'
         GROUP BY 1, 2) s USING (person_id, key)
    WHERE coalesce(c.counter, 0) <> coalesce(s.paid, 0)$$,
    'JL24-PN: every pregnancy''s prenatal_paid is the sum of its stored prenatal funds');
SELECT is(pg_temp.u(2, 'pregnancies'),
    (SELECT jsonb_object_agg(pregnancy_id::text, '{"screening_used": true}'::jsonb)
     FROM public.tap_claims WHERE benefit = 'screening' AND (settlement).maternity_fund > 0),
    'LZ-SCR: the screenings used are those of the pregnancies with a paid screening');
SELECT is((pg_temp.u(5, 'years', '2026', 'employee_fund_paid') #>> '{}')::numeric,
    (SELECT sum((settlement).fund_total) FROM public.tap_claims WHERE person_id = 5 AND service_date < '2027-01-01'),
    'NM-IP: employee_fund_paid 2026 is the sum of the stored 2026 funds');
SELECT is((pg_temp.u(3, 'years', '2025', 'resident_fund_paid') #>> '{}')::numeric,
    (SELECT sum((settlement).pooled_fund) FROM public.tap_claims WHERE person_id = 3 AND service_date < '2026-01-01'),
    'JL19-IP: resident_fund_paid 2025 is the sum of the stored 2025 pooled funds');

------------------------------------------------------------------ ledger_check finds a wrong counter
SAVEPOINT tampering;
UPDATE matins.ledger SET usage = jsonb_set(usage, '{pregnancies,11,prenatal_paid}', '999') WHERE person_id = 1;
SELECT results_eq('SELECT person_id, scope, key, counter, ledger, entries FROM matins.ledger_check()',
    $$VALUES (1::bigint, 'pregnancy'::text, '11'::text, 'prenatal_paid'::text, 999::numeric, 1000.00::numeric)$$,
    'JL24-PN: ledger_check() lists a counter that differs from its claims'' increments');
ROLLBACK TO SAVEPOINT tampering;

------------------------------------------------------------------ detach
CREATE TEMP TABLE before_detach AS SELECT * FROM pg_temp.ledger_now();
SELECT lives_ok($$SELECT matins.detach('public.tap_claims')$$,
    'contract: matins.detach() removes the settlement trigger');
SELECT hasnt_trigger('public', 'tap_claims', 'zz_matins_settle',
    'contract: the detached table has no zz_matins_settle trigger');
SELECT is_empty($$SELECT * FROM matins.attached WHERE rel = 'public.tap_claims'::regclass$$,
    'contract: the detached table is no longer listed in matins.attached');
-- JL24-PN: inserted after detach: not settled; deleted after detach: nothing given back
SELECT pg_temp.ins(pg_temp.c(109, 1, '220100', '2025-08-01', 'prenatal', 100, pregnancy_id => 16));
DELETE FROM public.tap_claims WHERE claim_id = 108;
SELECT is((SELECT settlement FROM public.tap_claims WHERE claim_id = 109), NULL,
    'JL24-PN: a claim inserted after detach is not settled');
SELECT set_eq('SELECT * FROM pg_temp.ledger_now()', 'SELECT * FROM before_detach',
    'JL24-PN: after detach neither an insert nor a delete moves the ledger');
SELECT is_empty('SELECT * FROM matins.ledger_check()',
    'contract: ledger_check() is empty after all of it (JL24-PN, LZ-SCR, JL19-IP, JL24-ART-4, NM-IP)');

-- JL24-PN: a row that came in while the table was detached was never settled, even when it
-- carries the claim_id of a settled row (104, now person 6's: 1000 of pregnancy 12's cap).
-- Deleting it after the table is attached again gives nothing back: the 1000 stays.
SELECT pg_temp.ins(pg_temp.c(104, 6, '220100', '2026-03-02', 'prenatal', 900, pregnancy_id => 12));
SELECT matins.attach('public.tap_claims');
DELETE FROM public.tap_claims WHERE claim_id = 104 AND settlement IS NULL;
SELECT is(pg_temp.u(6, 'pregnancies', '12', 'prenatal_paid'), '1000.00'::jsonb,
    'JL24-PN: deleting a row that was never settled gives back nothing, whatever its claim_id');
SELECT is_empty('SELECT * FROM matins.ledger_check()',
    'contract: ledger_check() is still empty after the table is attached again');

-- JL19-IP referral after a back-dated stay (0.5.0): the referring stay is the last by date, not the
-- last settled.  Person 950: level 3 on 05-01 (deductible 800), then a level-1 stay of 03-01
-- inserted late, then an upward referral to level 3 on 06-01: it counts the 05-01 stay's 800, so
-- 800 - 800 = 0 deductible; position 10000 + 5000 = 15000, all of 10000 at 55%: 5500
-- (counting the back-dated level-1 stay's 200 would give 600 and (10000 - 600) x 55% = 5170)
INSERT INTO public.tap_claims
SELECT * FROM unnest(ARRAY[
    matins.make_claim(claim_id => 9501, person_id => 950, region => '220000', service_date => '2025-05-01',
        scheme => 'resident', person_type => 'resident', benefit => 'inpatient', hospital_level => 3, total => 10000),
    matins.make_claim(claim_id => 9502, person_id => 950, region => '220000', service_date => '2025-03-01',
        scheme => 'resident', person_type => 'resident', benefit => 'inpatient', hospital_level => 1, total => 5000)]);
INSERT INTO public.tap_claims
SELECT * FROM unnest(ARRAY[matins.make_claim(claim_id => 9503, person_id => 950, region => '220000',
    service_date => '2025-06-01', scheme => 'resident', person_type => 'resident', benefit => 'inpatient',
    hospital_level => 3, referral => 'up', total => 10000)]);
SELECT is(ARRAY[pg_temp.f(9503, 'deductible'), pg_temp.f(9503, 'pooled_fund')], ARRAY['0.00', '5500.00'],
    'JL19-IP: a referral counts the last stay by date, not a back-dated stay settled after it');
SELECT is(ARRAY[pg_temp.u(950, 'last_stay_deductible'), pg_temp.u(950, 'last_stay_date')],
    ARRAY['800.00', '"2025-06-01"']::jsonb[],
    'JL19-IP: the ledger keeps the last stay''s deductible standard and its date');

-- a table dropped while attached stays listed as a bare OID; matins.detach removes it (0.5.0)
CREATE TABLE public.dropped_claims (LIKE matins.claim, settlement matins.settlement);
SELECT matins.attach('public.dropped_claims');
CREATE TEMP TABLE dropped AS SELECT 'public.dropped_claims'::regclass::oid AS rel;
DROP TABLE public.dropped_claims;
SELECT lives_ok($$SELECT matins.detach((SELECT rel FROM dropped)::regclass)$$,
    'contract: matins.detach of a table dropped while attached works');
SELECT is_empty($$SELECT FROM matins.attached WHERE rel::oid = (SELECT rel FROM dropped)$$,
    'contract: the dropped table is no longer listed in matins.attached');
-- a partitioned table: its partitions, also one created after attach, carry the trigger and are
-- settled as the attached table's (JL24-PN: 600 of the pregnancy's 1000, then the 400 left)
CREATE TABLE public.part_claims (LIKE matins.claim, settlement matins.settlement) PARTITION BY RANGE (service_date);
CREATE TABLE public.part_claims_2025 PARTITION OF public.part_claims FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
SELECT matins.attach('public.part_claims');
CREATE TABLE public.part_claims_2026 PARTITION OF public.part_claims FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO public.part_claims SELECT * FROM unnest(ARRAY[
    pg_temp.c(9601, 960, '220100', '2025-12-10', 'prenatal', 600),
    pg_temp.c(9602, 960, '220100', '2026-01-10', 'prenatal', 600)]);
SELECT results_eq($$SELECT (settlement).maternity_fund FROM public.part_claims ORDER BY claim_id$$,
    $$VALUES (600.00::numeric), (400.00)$$,
    'JL24-PN: the partitions of an attached partitioned table are settled, one pregnancy across them');
SELECT throws_ok($$SELECT matins.detach(NULL)$$, '22004', 'matins.detach needs a table, got NULL',
    'contract: matins.detach(NULL) is an error saying so, as attach(NULL) is');
-- a table without a total column (0.8.0): a missing total is the sum of the claim's lines, as
-- make_claim takes it (JL24-PN: 600 + 500 = 1100, 1000 paid under the cap, 100 over it); a row
-- with neither is refused, naming the field
CREATE TABLE public.lines_claims (claim_id bigint PRIMARY KEY, person_id bigint NOT NULL, region text,
    service_date date, scheme text, person_type text, benefit text, hospital_level smallint,
    lines matins.claim_line[], settlement matins.settlement);
SELECT matins.attach('public.lines_claims');
INSERT INTO public.lines_claims VALUES (9701, 970, '220000', '2025-03-03', 'employee', 'enterprise', 'prenatal', 2,
    ARRAY[ROW('X1', 'A', 1, 600, 0, NULL)::matins.claim_line, ROW('X2', 'A', 1, 500, 0, NULL)::matins.claim_line]);
SELECT results_eq($$SELECT (settlement).total, (settlement).maternity_fund, (settlement).over_cap FROM public.lines_claims$$,
    $$VALUES (1100.00::numeric, 1000.00::numeric, 100.00::numeric)$$,
    'JL24-PN: a table without total: the total is the sum of the lines, as for make_claim');
SELECT throws_ok($$INSERT INTO public.lines_claims VALUES (9702, 970, '220000', '2025-03-04', 'employee', 'enterprise',
        'prenatal', 2, NULL)$$,
    '22004', 'claim field total must not be null',
    'JL24-PN: a row with neither a total nor lines is refused, naming total');

SELECT * FROM finish();
ROLLBACK;

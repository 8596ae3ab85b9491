-- pgTAP: matins_settle in FROM runs in matins' own scan (src/settle_scan.c, 0.9.0) in place of
-- PostgreSQL's function scan.  The plan must show it where it applies and leave the function scan
-- where it does not (the whole row used, WITH ORDINALITY, matins.settle_scan off), and every
-- use must give exactly what the function scan gives: every field, NULLs, conditions on the
-- fields, outer joins, a correlated subquery (rescans), a scroll cursor read backward, prepared
-- statements, parallel workers, prior usage and a what-if policy, and the same errors.
-- Claims: Lanzhou delivery (LZ-IP), an uninsured spouse's delivery without a claim id (LZ-SPO),
-- Lanzhou prenatal and screening (LZ-PN, LZ-SCR), Jilin prenatal (JL24-PN, its cap of 1000).
-- matins.settle_scan set before the library is loaded in this session is a placeholder, which the
-- library takes over when it loads: the setting must be kept and the nodes registered all the same
SET matins.settle_scan = off;
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(36);

\ir lib/mixed_claims.sql
ANALYZE g;

\ir lib/plan_of.sql

SELECT is(current_setting('matins.settle_scan'), 'off', 'a SET before the library was loaded is kept when it loads');
SELECT matches(pg_temp.plan_of('SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s'),
               'Function Scan on matins\.matins_settle s', 'and it holds: the function scan');
RESET matins.settle_scan;
SELECT matches(pg_temp.plan_of('SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s'),
               'Custom Scan \(MatinsSettle\)', 'the scan was registered all the same: reset, it is used');

-- where the scan applies, and where the function scan stays
SELECT matches(pg_temp.plan_of('SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s'),
               'Custom Scan \(MatinsSettle\).*Function Call: matins_settle\(g\.c, NULL::text\)',
               'LATERAL matins_settle(c): matins'' scan, which shows the call it makes');
SELECT matches(pg_temp.plan_of('SELECT s.fund_total FROM g, LATERAL matins_settle(g.c, ''{"prenatal_paid": 600}''::jsonb) s'),
               'Custom Scan \(MatinsSettle\)', 'the form with prior usage too');
SELECT matches(pg_temp.plan_of('SELECT * FROM matins_settle(matins.make_claim(claim_id => 1, person_id => 1))'),
               'Custom Scan \(MatinsSettle\)', 'a call in FROM without LATERAL');
SELECT doesnt_match(pg_temp.plan_of('SELECT s FROM g, LATERAL matins_settle(g.c) s'),
                    'MatinsSettle', 'the whole row s used: PostgreSQL''s function scan');
SELECT doesnt_match(pg_temp.plan_of('SELECT s.claim_id FROM g, LATERAL matins_settle(g.c) s WHERE s IS NOT NULL'),
                    'MatinsSettle', 'the whole row in a condition: the function scan');
SELECT doesnt_match(pg_temp.plan_of('SELECT s.fund_total, n FROM g, LATERAL matins_settle(g.c) WITH ORDINALITY s(claim_id, policy, route, total, self_pay, over_limit, pre_self_pay, in_scope, deductible, copay, over_cap, transfer_to, maternity_fund, pooled_fund, fund_total, personal, notes, n)'),
                    'MatinsSettle', 'WITH ORDINALITY: the function scan');
SET LOCAL matins.settle_scan = off;
SELECT matches(pg_temp.plan_of('SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s'),
               'Function Scan on matins\.matins_settle s', 'matins.settle_scan = off: the function scan');
RESET matins.settle_scan;

-- the reference: the function scan's rows, every field
SET LOCAL matins.settle_scan = off;
CREATE TEMP TABLE ref AS SELECT g.i, s.* FROM g, LATERAL matins_settle(g.c) s;
CREATE TEMP TABLE ref_prior AS
  SELECT g.i, s.* FROM g, LATERAL matins_settle(g.c, jsonb_build_object('prenatal_paid', g.i % 1200)) s;
RESET matins.settle_scan;
SELECT is((SELECT count(DISTINCT route) FROM ref), 4::bigint,
          'the reference claims take four routes (LZ-IP, LZ-PN, LZ-SCR, JL24-PN)');
SELECT ok((SELECT count(*) FILTER (WHERE transfer_to IS NULL) > 0 AND count(*) FILTER (WHERE transfer_to IS NOT NULL) > 0
                  AND count(*) FILTER (WHERE claim_id IS NULL) > 0 FROM ref),
          'some have transfer_to and some not, some have no claim_id (NULL fields)');

CREATE TEMP TABLE got AS SELECT g.i, s.* FROM g, LATERAL matins_settle(g.c) s;
SELECT is((SELECT count(*) FROM got), 2000::bigint, 'one row a claim');
SELECT is((SELECT count(*) FROM (SELECT * FROM got EXCEPT ALL SELECT * FROM ref) x) +
          (SELECT count(*) FROM (SELECT * FROM ref EXCEPT ALL SELECT * FROM got) x), 0::bigint,
          'every field of every claim is the function scan''s');
SELECT is((SELECT count(*) FROM got JOIN ref USING (i)
           WHERE got.notes IS DISTINCT FROM ref.notes OR got.claim_id IS DISTINCT FROM ref.claim_id
              OR got.transfer_to IS DISTINCT FROM ref.transfer_to),
          0::bigint, 'notes, a NULL claim_id and transfer_to alike');
SELECT is((SELECT sum(s.fund_total) FROM g, LATERAL matins_settle(g.c) s),
          (SELECT sum(fund_total) FROM ref), 'sum(s.fund_total), the reports'' form');
SELECT is((SELECT count(*) FROM (
             SELECT g.i, s.* FROM g, LATERAL matins_settle(g.c, jsonb_build_object('prenatal_paid', g.i % 1200)) s
             EXCEPT ALL SELECT * FROM ref_prior) x), 0::bigint,
          'with prior usage: every field is the function scan''s');
SELECT ok((SELECT count(*) FROM ref_prior JOIN ref USING (i) WHERE ref_prior.fund_total <> ref.fund_total) > 0,
          'and the prior usage changed some of them (JL24-PN cap, LZ-PN grant)');

-- conditions on the fields, evaluated in the scan
SELECT is((SELECT count(*) FROM g, LATERAL matins_settle(g.c) s WHERE s.fund_total > 1000 AND s.route <> 'maternity.prenatal'),
          (SELECT count(*) FROM ref WHERE fund_total > 1000 AND route <> 'maternity.prenatal'),
          'a condition on the fields keeps the same rows');
-- an outer join: claims whose settlement fails the condition keep NULLs
SELECT is((SELECT count(*) FILTER (WHERE s.claim_id IS NULL AND s.route IS NULL) FROM g LEFT JOIN LATERAL matins_settle(g.c) s ON s.fund_total > 5000),
          (SELECT count(*) FROM ref WHERE NOT fund_total > 5000), 'LEFT JOIN LATERAL ... ON a field: NULLs where it fails');
-- a correlated subquery: the scan is rescanned for each outer row
SELECT is((SELECT count(*) FROM g JOIN ref USING (i)
           WHERE (SELECT s.personal FROM matins_settle(g.c) s) IS DISTINCT FROM ref.personal),
          0::bigint, 'a correlated subquery rescans the scan with each claim');

-- a scroll cursor read backward (the planner puts a Material above the scan)
DECLARE back SCROLL CURSOR FOR
  SELECT g.i, s.fund_total FROM g, LATERAL matins_settle(g.c) s WHERE g.i <= 5 ORDER BY g.i;
MOVE FORWARD ALL IN back;
SELECT results_eq('FETCH BACKWARD 5 FROM back',
                  $$SELECT i, fund_total FROM ref WHERE i <= 5 ORDER BY i DESC$$,
                  'a scroll cursor read backward gives the rows in reverse');
CLOSE back;

-- a cursor declared without SCROLL over a call in FROM may move back, as over the function scan
DECLARE plain_cursor CURSOR FOR SELECT s.claim_id, s.fund_total FROM matins_settle((SELECT c FROM g WHERE i = 7)) s;
SELECT results_eq('FETCH 1 FROM plain_cursor', $$SELECT claim_id, fund_total FROM ref WHERE i = 7$$, 'a cursor: the row');
MOVE FORWARD ALL IN plain_cursor;
SELECT results_eq('FETCH BACKWARD 1 FROM plain_cursor', $$SELECT claim_id, fund_total FROM ref WHERE i = 7$$,
                  'and, past its end, FETCH BACKWARD gives it again (no "can only scan forward")');
CLOSE plain_cursor;

-- a prepared statement, its generic plan reused
PREPARE one(bigint) AS SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s WHERE g.i = $1;
SET LOCAL plan_cache_mode = force_generic_plan;
SELECT results_eq('EXECUTE one(3)', $$SELECT fund_total FROM ref WHERE i = 3$$, 'a prepared statement, first run');
SELECT results_eq('EXECUTE one(7)', $$SELECT fund_total FROM ref WHERE i = 7$$, 'a prepared statement''s generic plan, run twice');
RESET plan_cache_mode;
DEALLOCATE one;

-- parallel workers: each loads the library and finds the scan by its name
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TABLE public.settle_scan_claims AS SELECT * FROM g;  -- workers cannot read a temporary table
ANALYZE public.settle_scan_claims;
SELECT matches(pg_temp.plan_of('SELECT sum(s.fund_total) FROM public.settle_scan_claims g, LATERAL matins_settle(g.c) s'),
               'Gather.*Custom Scan \(MatinsSettle\)', 'a parallel plan holds the scan under Gather');
SELECT is((SELECT sum(s.fund_total) FROM public.settle_scan_claims g, LATERAL matins_settle(g.c) s), (SELECT sum(fund_total) FROM ref),
          'the same sum with parallel workers');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- a what-if policy: WZ-PN under the Wenzhou draft, 3000 a pregnancy, 2800 paid before: 200
SELECT is((SELECT s.maternity_fund FROM matins_settle(
             matins.make_claim(claim_id => 9, person_id => 9, region => '330300', service_date => '2026-02-01',
                               scheme => 'employee', person_type => 'enterprise', benefit => 'prenatal', total => 500),
             '{"prenatal_paid": 2800}'::jsonb, 'WZ-DRAFT-MAT') s), 200.00,
          'WZ-PN: the prior and policy arguments reach the engine (3000 - 2800 = 200)');
-- LZ-IP (settle_cases V1): 8000 - 500 self-paid = 7500 paid at 100%, the rest the person's
SELECT results_eq($$SELECT s.policy, s.in_scope, s.fund_total, s.personal FROM matins_settle(matins.make_claim(
                      claim_id => 1, person_id => 1, region => '620100', service_date => '2025-09-20', scheme => 'employee',
                      person_type => 'enterprise', benefit => 'delivery', hospital_level => 3, total => 8000,
                      self_pay => 500, class_b => 1200)) s$$,
                  $$VALUES ('LZ-2025-MAT'::text, 7500.00::numeric, 7500.00::numeric, 500.00::numeric)$$,
                  'LZ-IP: a call in FROM settles the claim (7500 paid, 500 personal)');

-- errors are the function's own, from the scan
SELECT throws_ok($$SELECT s.fund_total FROM matins_settle(NULL::matins.claim) s$$,
                 '22004', 'matins_settle got a null claim', 'a null claim: the same error (22004)');
SELECT throws_ok($$SELECT s.fund_total FROM g, LATERAL matins_settle(g.c, 'NO-SUCH-POLICY') s$$,
                 '22023', NULL, 'an unknown what-if policy: 22023, as the function scan gives');
SET LOCAL matins.settle_scan = off;
SELECT throws_ok($$SELECT s.fund_total FROM g, LATERAL matins_settle(g.c, 'NO-SUCH-POLICY') s$$,
                 '22023', NULL, 'the same error with the function scan');
RESET matins.settle_scan;
SELECT lives_ok($$SELECT s.fund_total FROM g, LATERAL matins_settle(g.c) s$$,
                'a scan after an error in the same transaction''s savepoint works');

-- the support function only loads the library: the planner calls it, it answers no request
SELECT is((SELECT count(*) FROM pg_proc WHERE proname = 'matins_settle' AND prosupport = 'matins.settle_support'::regproc),
          2::bigint, 'both matins_settle forms name matins.settle_support as their planner support');
SELECT is(current_setting('matins.settle_scan'), 'on', 'matins.settle_scan is on by default');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: security and hygiene of the extension's objects: who may read and change the catalogs,
-- fixed search_path on every SQL function, honest volatility, dump registration and triggers.
BEGIN;
SET search_path = matins, public;
SELECT plan(32);

CREATE ROLE matins_test_analyst NOLOGIN;
CREATE ROLE matins_test_admin NOLOGIN IN ROLE matins_admin;

-- everyone reads, nobody but the owner and matins_admin writes
SET LOCAL ROLE matins_test_analyst;
SELECT is((SELECT count(*)::int FROM matins.policy), 6, 'an analyst reads the policy catalog');
SELECT is(matins.param('220000', 'prenatal.cap', '2025-01-01'), 1000::numeric, 'an analyst reads parameters');
SELECT throws_ok($$SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01')$$,
    '42501', NULL, 'an analyst may not call set_param');
SELECT throws_ok($$INSERT INTO matins.param_value (region, name, value, valid_from, source)
                   VALUES ('220000', 'art.deductible.l3', 1000, '2024-07-01', 'x')$$,
    '42501', NULL, 'an analyst may not insert parameter rows');
SELECT throws_ok($$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
                   VALUES ('JL-2024-MAT', '311600099', 'x', 'procedure', 1, 'JL24-ART-4')$$,
    '42501', NULL, 'an analyst may not insert items');
RESET ROLE;

SET LOCAL ROLE matins_test_admin;
SELECT lives_ok($$SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01')$$,
    'a member of matins_admin sets a parameter');
SELECT lives_ok($$SELECT matins.end_param('220000', 'art.deductible.l3', '2025-12-31')$$,
    'a member of matins_admin ends a parameter');
SELECT lives_ok($$INSERT INTO matins.art_item (policy, code, name, unit, price, source)
                   VALUES ('JL-2024-MAT', '311600009', '人工授精', 'procedure', 650, 'JL24-ART-4')$$,
    'JL24-ART-4: a member of matins_admin adds a local row for a shipped item');
SELECT is((SELECT count(*)::int FROM matins.art_item WHERE code = '311600009'), 2,
    'JL24-ART-4: the shipped row and the local row stand side by side');
SELECT throws_ok($$UPDATE matins.art_item SET price = 1 WHERE code = '311600001'$$,
    '42501', 'cannot update a shipped row of art_item', 'a member of matins_admin cannot change a shipped row');
SELECT throws_ok($$DELETE FROM matins.chronic_disease WHERE code = 'CH01'$$,
    '42501', 'cannot delete a shipped row of chronic_disease', 'nor delete one');
SELECT throws_ok($$UPDATE matins.region SET name = 'x' WHERE code = '220000'$$,
    '42501', NULL, 'regions and policies are changed by the owner only');
RESET ROLE;

-- a local row can be changed and deleted, and stays local
SELECT lives_ok($$UPDATE matins.art_item SET price = 660, shipped = true WHERE code = '311600009' AND NOT shipped$$,
    'a local row can be updated');
SELECT is((SELECT count(*)::int FROM matins.art_item WHERE code = '311600009' AND shipped), 1,
    'an UPDATE cannot turn a local row into a shipped one');
SELECT lives_ok($$DELETE FROM matins.art_item WHERE code = '311600009' AND NOT shipped$$,
    'a local row can be deleted');

-- functions
SELECT is_empty($$
    SELECT p.proname FROM pg_proc p
    WHERE p.pronamespace = 'matins'::regnamespace AND p.prolang IN
          (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
      AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')$$,
    'every SQL and PL/pgSQL function has a fixed search_path');
SELECT results_eq($$SELECT proname::text, EXISTS (SELECT FROM unnest(proconfig) c WHERE c COLLATE "C" LIKE 'search_path=%')
                     FROM pg_proc WHERE pronamespace = 'matins'::regnamespace AND prosecdef$$,
    $$VALUES ('settle_trigger'::text COLLATE "C", true)$$,
    'only the claims trigger is SECURITY DEFINER (it alone writes the ledger), with a fixed search_path');
SELECT volatility_is('matins', 'region_chain', ARRAY['text'], 'immutable', 'region_chain is IMMUTABLE');
SELECT volatility_is('matins', 'param', ARRAY['text', 'text', 'date'], 'stable', 'param is STABLE');
SELECT volatility_is('matins', 'policy_in_force', ARRAY['text', 'date'], 'stable', 'policy_in_force is STABLE');
SELECT volatility_is('matins', 'contribution_series', ARRAY['text', 'date', 'date', 'numeric', 'text'],
    'immutable', 'contribution_series is IMMUTABLE');
SELECT is_empty($$
    SELECT proname FROM pg_proc WHERE pronamespace = 'matins'::regnamespace
      AND provolatile IN ('i', 's') AND proparallel <> 's'$$,
    'every IMMUTABLE or STABLE function is PARALLEL SAFE');
SELECT function_privs_are('matins', 'set_param', ARRAY['text', 'text', 'numeric', 'date', 'date'],
    'public', ARRAY[]::text[], 'PUBLIC cannot execute set_param');
SELECT function_privs_are('matins', 'set_param', ARRAY['text', 'text', 'numeric', 'date', 'date'],
    'matins_admin', ARRAY['EXECUTE'], 'matins_admin executes set_param');

-- the claims trigger writes the ledger with the owner's rights: only matins_admin may create it
-- (0.5.0), and it works only on tables matins.attach attached
SELECT function_privs_are('matins', 'settle_trigger', ARRAY[]::text[],
    'public', ARRAY[]::text[], 'PUBLIC cannot execute settle_trigger (so cannot create it on a table)');
SELECT function_privs_are('matins', 'settle_trigger', ARRAY[]::text[],
    'matins_admin', ARRAY['EXECUTE'], 'matins_admin executes settle_trigger (matins.attach creates it)');
CREATE TABLE public.rogue_claims (LIKE matins.claim, settlement matins.settlement);
ALTER TABLE public.rogue_claims OWNER TO matins_test_analyst;
SET LOCAL ROLE matins_test_analyst;
SELECT throws_ok($$CREATE TRIGGER zz BEFORE INSERT ON public.rogue_claims FOR EACH ROW
                   EXECUTE FUNCTION matins.settle_trigger()$$,
    '42501', NULL, 'an analyst may not put the claims trigger on a table of their own');
RESET ROLE;
CREATE TRIGGER zz BEFORE INSERT ON public.rogue_claims FOR EACH ROW EXECUTE FUNCTION matins.settle_trigger();
SELECT throws_ok($$INSERT INTO public.rogue_claims (claim_id, person_id, region, service_date, scheme,
                     person_type, benefit, total)
                   VALUES (1, 900001, '220000', '2025-03-01', 'employee', 'enterprise', 'prenatal', 5000)$$,
    '39P01', 'table rogue_claims is not attached to matins',
    'a claims trigger created by hand, not by matins.attach, settles nothing and moves no counter');
SELECT is((SELECT count(*)::int FROM matins.ledger WHERE person_id = 900001), 0,
    'the refused insert left the ledger alone');

-- tables: every catalog table is dumped without its shipped rows, guarded, and announces changes
SELECT set_eq(
    $$SELECT c.relname::text, x.cond FROM pg_extension e,
             unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
      WHERE e.extname = 'matins'$$,
    $$SELECT c.relname::text, CASE WHEN c.relname IN ('ledger', 'ledger_entry', 'attached') THEN ''
                                   ELSE 'WHERE NOT shipped' END
      FROM pg_class c
      WHERE c.relnamespace = 'matins'::regnamespace AND c.relkind = 'r'$$,
    'every catalog table is registered with pg_extension_config_dump, WHERE NOT shipped; the ledger whole');
SELECT is_empty($$
    SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'matins'::regnamespace AND c.relkind = 'r'
      AND c.relname NOT IN ('ledger', 'ledger_entry', 'attached')
      AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid
           AND t.tgname IN ('guard_catalog_row', 'guard_catalog_truncate', 'catalog_changed')) <> 3$$,
    'every catalog table has the guard, truncate guard and change triggers');
SELECT is_empty($$
    SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'matins'::regnamespace AND c.relkind = 'r'
      AND NOT has_table_privilege('public', c.oid, 'SELECT')$$,
    'every catalog table is readable by everyone');

SELECT * FROM finish();
ROLLBACK;

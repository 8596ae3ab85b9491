-- pgTAP: matins_settle_run over ROWS UNBOUNDED PRECEDING runs in matins' own node
-- (src/settle_run_scan.c, 0.9.0) in place of WindowAgg.  The plan must show it where it applies
-- and keep WindowAgg elsewhere (the default RANGE frame, another window function in the window,
-- a FILTER, two windows, matins.settle_scan off); its rows must be WindowAgg's, read from an
-- index or sorted, as a whole row or field by field, rescanned in a LATERAL subquery; and its
-- errors must be the aggregate's.  test/settle_properties.sql compares the two on 4000 claims.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(45);

\ir lib/plan_of.sql
-- the error a query raises (SQLSTATE, message, detail), with matins' nodes or PostgreSQL's
CREATE FUNCTION pg_temp.window_error(q text, scan boolean) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('matins.settle_scan', CASE WHEN scan THEN 'on' ELSE 'off' END, true);
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  DECLARE detail text;
  BEGIN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || ' / ' || coalesce(detail, '');
  END;
END $$;

-- Jilin prenatal claims (JL24-PN: 1000 a pregnancy, the excess to general outpatient) and Lanzhou
-- deliveries (LZ-IP), ten people with claims in two years
CREATE TEMP TABLE rc AS
SELECT i, matins.make_claim(claim_id => i, person_id => i % 10, pregnancy_id => i % 10 * 10 + i / 60,
        region => CASE WHEN i % 10 < 6 THEN '220100' ELSE '620100' END,
        service_date => date '2025-07-01' + i * 3, scheme => 'employee', person_type => 'enterprise',
        benefit => CASE WHEN i % 10 < 6 THEN 'prenatal' ELSE 'delivery' END, hospital_level => 2,
        total => 100 + i * 37 % 900) AS c
FROM generate_series(1, 200) i;

-- the node where it applies
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
               'Custom Scan \(MatinsSettleRun\).*Running Settlement: matins_settle_run\(rc\.c\).*Sort',
               'ROWS UNBOUNDED PRECEDING: matins'' node over the sorted claims, showing its call');
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c, 'WZ-DRAFT-MAT') OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM rc$$),
               'MatinsSettleRun.*matins_settle_run\(rc\.c, ''WZ-DRAFT-MAT''::text\)',
               'the form with a policy, and BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
-- WindowAgg elsewhere
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id) FROM rc$$),
               'MatinsSettleRun', 'the default RANGE frame, the contract''s window: the node too (it checks for peers)');
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date GROUPS UNBOUNDED PRECEDING) FROM rc$$),
                    'MatinsSettleRun', 'a GROUPS frame: WindowAgg');
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER w, row_number() OVER w FROM rc WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)$$),
                    'MatinsSettleRun', 'another window function in the window: WindowAgg');
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) FILTER (WHERE (c).total > 0) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
                    'MatinsSettleRun', 'a FILTER: WindowAgg, where the aggregate refuses it');
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING), count(*) OVER (ORDER BY (c).claim_id) FROM rc$$),
                    'MatinsSettleRun', 'two windows: WindowAgg');
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM rc$$),
                    'MatinsSettleRun', 'a sliding frame: WindowAgg, where the aggregate refuses it');
SET LOCAL matins.settle_scan = off;
SELECT doesnt_match(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
                    'MatinsSettleRun', 'matins.settle_scan = off: WindowAgg');
RESET matins.settle_scan;

-- the same rows as WindowAgg
SET LOCAL matins.settle_scan = off;
CREATE TEMP TABLE ref AS
SELECT i, matins_settle_run(c) OVER w AS s,
       matins_settle_run(c, CASE WHEN (c).region = '620100' THEN 'LZ-2025-MAT' END) OVER w AS what_if
FROM rc WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING);
RESET matins.settle_scan;
SELECT ok((SELECT count(*) FILTER (WHERE (s).over_cap > 0) > 0 AND count(*) FILTER (WHERE extract(year FROM (c).service_date) = 2026) > 0
           FROM ref JOIN rc USING (i)), 'the reference reaches the JL24-PN cap, and runs into 2026');
SELECT is((SELECT count(*) FROM (
             SELECT i, matins_settle_run(c) OVER w AS s FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text), 0::bigint,
          'every settlement from the node is WindowAgg''s (sorted input)');
SELECT is((SELECT count(*) FROM (
             SELECT i, (matins_settle_run(c) OVER w).fund_total AS f, (matins_settle_run(c) OVER w).notes AS n FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN ref USING (i) WHERE x.f IS DISTINCT FROM (ref.s).fund_total OR x.n IS DISTINCT FROM (ref.s).notes), 0::bigint,
          'fields selected from the window function itself');
SELECT is((SELECT count(*) FROM (
             SELECT i, matins_settle_run(c) OVER w AS s,
                    matins_settle_run(c, CASE WHEN (c).region = '620100' THEN 'LZ-2025-MAT' END) OVER w AS what_if FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text OR x.what_if::text IS DISTINCT FROM ref.what_if::text), 0::bigint,
          'two calls in one window, without and with a policy (named on some rows), each with its own counters');
SELECT is((SELECT count(*) FROM (
             SELECT i, (c).service_date AS d, (c).person_id AS p, matins_settle_run(c) OVER w AS s FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN ref USING (i) JOIN rc USING (i)
           WHERE x.s::text IS DISTINCT FROM ref.s::text OR x.d <> (rc.c).service_date OR x.p <> (rc.c).person_id), 0::bigint,
          'the window''s keys in the select list beside the settlement');
SELECT is((SELECT count(*) FROM (
             SELECT i, matins_settle_run(c) OVER w AS s FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id)) x
           JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text), 0::bigint,
          'the default RANGE frame over claims with no peers: the same settlements');
-- read through an index, as a fund's claims table is
CREATE TEMP TABLE rci AS SELECT * FROM rc;
CREATE INDEX ON rci (((c).person_id), ((c).service_date), ((c).claim_id));
ANALYZE rci;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rci$$),
               'MatinsSettleRun.*Index Scan', 'the node over the claims read in order from an index');
SELECT is((SELECT count(*) FROM (
             SELECT i, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s FROM rci) x
           JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text), 0::bigint,
          'and its settlements are WindowAgg''s');
-- from an index scan under ROWS, the node takes the window's keys from the claim it decodes:
-- the scan reads only the claims, and the keys the query shows are the claim's own fields
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rci$$),
               E'MatinsSettleRun\\)\\s+Output: \\(matins_settle_run\\(c\\) OVER \\(\\?\\)\\), \\(\\(c\\)\\.service_date\\), \\(\\(c\\)\\.claim_id\\), \\(\\(c\\)\\.person_id\\)\\s+Running Settlement: matins_settle_run\\(rci\\.c\\)\\s+->  Index Scan \\S+ \\S+ on pg_temp\\.rci\\s+Output: c\\s*$',
               'under ROWS the index scan reads the claims only: the node gives the keys from the claims');
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id) FROM rci$$),
               E'Index Scan \\S+ \\S+ on pg_temp\\.rci\\s+Output: \\(c\\)\\.service_date, \\(c\\)\\.claim_id, \\(c\\)\\.person_id, c\\s*$',
               'under RANGE the scan computes the keys (the node compares the row after the peers before it settles it)');
SELECT is((SELECT count(*) FROM (
             SELECT i, (c).person_id AS p, (c).service_date AS d, (c).claim_id AS k,
                    matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s FROM rci) x
           JOIN ref USING (i) JOIN rc USING (i)
           WHERE x.s::text IS DISTINCT FROM ref.s::text OR x.p IS DISTINCT FROM (rc.c).person_id
              OR x.d IS DISTINCT FROM (rc.c).service_date OR x.k IS DISTINCT FROM (rc.c).claim_id), 0::bigint,
          'the keys in the query''s output, given by the node, are the claims'' own');
-- claims without a claim id (NULL, last in the index's order): the node's settlements are WindowAgg's
CREATE TEMP TABLE rcn AS
SELECT i, CASE WHEN i % 7 = 0 THEN jsonb_populate_record(c, '{"claim_id": null}') ELSE c END AS c FROM rc;
CREATE INDEX ON rcn (((c).person_id), ((c).service_date), ((c).claim_id));
ANALYZE rcn;
SELECT ok((SELECT count(*) FROM rcn WHERE (c).claim_id IS NULL) > 0, 'some claims have no claim id');
SELECT is((SELECT count(*) FROM (
             SELECT i, (c).claim_id AS k, matins_settle_run(c) OVER w AS s FROM rcn
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN (SELECT i, s FROM ref) r USING (i) JOIN rcn USING (i)
           WHERE x.k IS DISTINCT FROM (rcn.c).claim_id
              OR (x.s).fund_total IS DISTINCT FROM (r.s).fund_total OR (x.s).claim_id IS DISTINCT FROM (rcn.c).claim_id), 0::bigint,
          'claims without a claim id, read from the index: NULL keys, the same amounts');
-- the aggregate's errors when the node reads the claims from an index
CREATE TEMP TABLE rcb AS
SELECT c FROM rc UNION ALL
SELECT matins.make_claim(claim_id => 900, person_id => NULL, region => '620100', service_date => '2025-09-20',
                         scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', total => 800);
CREATE INDEX ON rcb (((c).person_id), ((c).service_date), ((c).claim_id));
CREATE INDEX ON rcb (((c).person_id), ((c).total), ((c).claim_id));
ANALYZE rcb;
SELECT matches(pg_temp.plan_of($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).total, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rcb WHERE (c).person_id IS NOT NULL$$),
               'MatinsSettleRun.*Index Scan', 'the query out of date order reads the index');
SELECT is(pg_temp.window_error(q, true), pg_temp.window_error(q, false), 'read from an index, the node''s error is WindowAgg''s: ' || label)
FROM (VALUES ('a null person', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rcb$$),
             ('claims out of date order', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).total, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rcb WHERE (c).person_id IS NOT NULL$$)) v(label, q);
RESET matins.settle_scan;
RESET enable_sort;
-- a LATERAL subquery: the node is rescanned for each person, and counts from the start again
SELECT is((SELECT count(*) FROM generate_series(0, 9) p, LATERAL (
             SELECT i, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
             FROM rc WHERE (c).person_id = p) x JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text), 0::bigint,
          'rescanned once a person in a LATERAL subquery: the same settlements');
SELECT is((SELECT count(*) FROM generate_series(1, 3) k, LATERAL (
             SELECT i, matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) AS s
             FROM rc WHERE (c).person_id = 3 AND k > 0) x JOIN ref USING (i) WHERE x.s::text IS DISTINCT FROM ref.s::text), 0::bigint,
          'the same person three times over rescans: not taken for a person split in two partitions');

-- the result handed to PL/pgSQL, which takes over a read-write expanded argument and frees it:
-- the node leaves its results read-only in the row, as a projection does, so a second use of
-- the same result after such a call still reads it
CREATE FUNCTION pg_temp.route_paid(s matins.settlement) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RETURN s.route || ' ' || s.fund_total; END $$;
CREATE FUNCTION pg_temp.paid_plus_one(s matins.settlement) RETURNS numeric LANGUAGE plpgsql AS
  $$ BEGIN s.fund_total := s.fund_total + 1; RETURN s.fund_total; END $$;
SELECT is((SELECT count(*) FROM (
             SELECT i, pg_temp.route_paid(matins_settle_run(c) OVER w) AS r, (matins_settle_run(c) OVER w).fund_total AS f FROM rc
             WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) x
           JOIN ref USING (i) WHERE x.r IS DISTINCT FROM (ref.s).route || ' ' || (ref.s).fund_total OR x.f IS DISTINCT FROM (ref.s).fund_total),
          0::bigint, 'a PL/pgSQL function given the result, and the same result read again after it');
SELECT is((SELECT count(*) FROM (
             SELECT i, pg_temp.paid_plus_one(s) AS a, pg_temp.paid_plus_one(s) AS b, (s).fund_total AS f FROM (
               SELECT i, matins_settle_run(c) OVER w AS s FROM rc
               WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)) y) x
           JOIN ref USING (i) WHERE x.a <> (ref.s).fund_total + 1 OR x.b <> (ref.s).fund_total + 1 OR x.f <> (ref.s).fund_total),
          0::bigint, 'a PL/pgSQL function that changes its argument, twice on one result: the result is unchanged');

-- JL24-PN by hand (settle_cases V5): two prenatal claims of one pregnancy, 600 then 700, cap
-- 1000: the first paid 600, the second 400 with 300 over the cap to general outpatient
SELECT results_eq($$SELECT (s).claim_id, (s).fund_total, (s).over_cap, (s).transfer_to FROM (
                      SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) s
                      FROM (VALUES (matins.make_claim(claim_id => 51, person_id => 5, pregnancy_id => 500, region => '220100',
                                      service_date => '2025-02-10', scheme => 'employee', person_type => 'enterprise',
                                      benefit => 'prenatal', hospital_level => 2, total => 600)),
                                   (matins.make_claim(claim_id => 52, person_id => 5, pregnancy_id => 500, region => '220100',
                                      service_date => '2025-04-12', scheme => 'employee', person_type => 'enterprise',
                                      benefit => 'prenatal', hospital_level => 2, total => 700))) v(c)) x ORDER BY 1$$,
                  $$VALUES (51::bigint, 600.00::numeric, 0.00::numeric, NULL::text), (52, 400.00, 300.00, 'general_outpatient')$$,
                  'JL24-PN: 600, then 400 with 300 over the 1000 cap to general outpatient');

-- the aggregate's errors, from the node (and the same from WindowAgg)
CREATE TEMP TABLE bad (label text, q text);
INSERT INTO bad VALUES
  ('a null claim', $$SELECT matins_settle_run(c) OVER (PARTITION BY 1 ORDER BY 1 ROWS UNBOUNDED PRECEDING) FROM (VALUES (NULL::matins.claim)) v(c)$$),
  ('a null person', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date ROWS UNBOUNDED PRECEDING)
                      FROM (VALUES (matins.make_claim(claim_id => 1, person_id => NULL, region => '620100', service_date => '2025-09-20',
                            scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', total => 800))) v(c)$$),
  ('two persons in a partition', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).region ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
  ('claims out of date order', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).total, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
  ('a person in two partitions', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id, extract(year FROM (c).service_date) ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$),
  ('two claims of one day, peers under the default frame', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date)
                      FROM (SELECT c FROM rc UNION ALL SELECT (c)::text::matins.claim FROM rc WHERE (c).claim_id = 55) v$$),
  ('three peers, the frame of the first going on to the third', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date)
                      FROM (SELECT c FROM rc UNION ALL SELECT (c)::text::matins.claim FROM rc WHERE (c).claim_id = 55
                            UNION ALL SELECT (c)::text::matins.claim FROM rc WHERE (c).claim_id = 55) v$$),
  ('a RANGE frame without ORDER BY', $$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id) FROM rc$$),
  ('a person in two partitions, for the second of two calls', $$SELECT matins_settle_run(c) OVER w, matins_settle_run(jsonb_populate_record(c, '{"person_id": 999}')) OVER w
                      FROM rc WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING)$$);
SELECT is(pg_temp.window_error(q, true), pg_temp.window_error(q, false), 'the node''s error is WindowAgg''s: ' || label)
FROM bad ORDER BY label;
SELECT is((SELECT count(*) FROM bad WHERE pg_temp.window_error(q, true) LIKE '%no error%'), 0::bigint, 'each bad window is an error');
SELECT is(pg_temp.window_error((SELECT q FROM bad WHERE label LIKE 'three peers%'), true),
          '42P20: matins_settle_run''s window frame of row 6 of the partition does not end at that row''s claim / The frame goes on to row 8, and the row would get that claim''s settlement: the frame ends after CURRENT ROW, or a RANGE or GROUPS frame takes the claims equal to the row in the window''s ORDER BY (all of them without one).',
          'three claims of one day (person 5''s sixth, seventh and eighth): the sixth''s frame goes on to the eighth');
SELECT throws_ok($$SELECT matins_settle_run(c) OVER (PARTITION BY 1 ORDER BY 1 ROWS UNBOUNDED PRECEDING) FROM (VALUES (NULL::matins.claim)) v(c)$$,
                 '22004', 'matins_settle_run got a null claim', 'a null claim: 22004');
SELECT throws_ok($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).region ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$,
                 '22023', NULL, 'two persons in one partition: 22023');
SELECT throws_ok($$SELECT matins_settle_run(c) OVER (PARTITION BY (c).person_id, extract(year FROM (c).service_date) ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING) FROM rc$$,
                 '42P20', NULL, 'a window partitioned by the person and the year: 42P20');

-- the aggregate row of matins_settle_run names the support function that loads the library
SELECT is((SELECT count(*) FROM pg_proc WHERE proname = 'matins_settle_run' AND prokind = 'a'
           AND prosupport = 'matins.settle_support'::regproc), 2::bigint,
          'both matins_settle_run aggregates name matins.settle_support as their planner support');

SELECT * FROM finish();
ROLLBACK;

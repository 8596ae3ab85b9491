-- pgTAP: matins_settle's result in an expression is an expanded record lent from a pool
-- (src/settlement_record.c); in FROM it is a flat row.  Every use of the expanded result must see
-- exactly the settlement the FROM form gives: each field, the whole row, stored, sorted, hashed,
-- many results alive in one row (more than the pool holds), taken over and changed by PL/pgSQL,
-- read through a cursor, and after an error.  Claims: Lanzhou delivery (LZ-IP), an uninsured
-- spouse's delivery without a claim id (LZ-SPO), Lanzhou prenatal and screening (LZ-PN, LZ-SCR:
-- transfer_to set), Jilin prenatal (JL24-PN cap), with totals that vary row by row.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(22);

\ir lib/mixed_claims.sql
-- the FROM form: flat rows, the reference
CREATE TEMP TABLE ref AS SELECT g.i, s FROM g, LATERAL matins_settle(g.c) s;

SELECT is((SELECT count(DISTINCT (s).route) FROM ref), 4::bigint,
          'the claims take four routes (LZ-IP, LZ-PN, LZ-SCR, JL24-PN)');
SELECT ok((SELECT count(*) FILTER (WHERE (s).transfer_to IS NULL) > 0 AND count(*) FILTER (WHERE (s).transfer_to IS NOT NULL) > 0
                  AND count(*) FILTER (WHERE (s).claim_id IS NULL) > 0 FROM ref),
          'some settlements have transfer_to and some not, some have no claim_id');

-- each field read from the expanded result: (matins_settle(c)).* reads every field
SELECT is((SELECT count(*) FROM g JOIN ref USING (i)
           WHERE ROW((matins_settle(g.c)).*) IS DISTINCT FROM ref.s),
          0::bigint, 'every field of (matins_settle(c)).* is the FROM form''s');
SELECT is((SELECT sum((matins_settle(c)).fund_total) FROM g), (SELECT sum((s).fund_total) FROM ref),
          'sum((matins_settle(c)).fund_total) is the FROM form''s');
SELECT is((SELECT count(*) FROM g JOIN ref USING (i)
           WHERE (matins_settle(g.c)).notes IS DISTINCT FROM (ref.s).notes
              OR (matins_settle(g.c)).transfer_to IS DISTINCT FROM (ref.s).transfer_to
              OR (matins_settle(g.c)).claim_id IS DISTINCT FROM (ref.s).claim_id),
          0::bigint, 'notes, transfer_to and a null claim_id read singly');

-- the whole row: output, stored, compared, sorted, hashed
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE matins_settle(g.c)::text <> (ref.s)::text),
          0::bigint, 'the whole result as text is the FROM form''s');
CREATE TEMP TABLE stored AS SELECT i, matins_settle(c) AS s FROM g;
SELECT is((SELECT count(*) FROM stored JOIN ref USING (i) WHERE stored.s IS DISTINCT FROM ref.s),
          0::bigint, 'results stored in a table are the FROM form''s');
SELECT is((SELECT array_agg(s::text ORDER BY s::text) FROM (SELECT matins_settle(c) s FROM g ORDER BY 1) x),
          (SELECT array_agg(s::text ORDER BY s::text) FROM ref),
          'ORDER BY matins_settle(c) sorts the FROM form''s rows');
SET LOCAL enable_sort = off;
SELECT is((SELECT count(*) FROM (SELECT matins_settle(c) FROM g GROUP BY 1) x),
          (SELECT count(DISTINCT s) FROM ref), 'GROUP BY matins_settle(c), hashed');
RESET enable_sort;
SELECT is((SELECT array_agg(matins_settle(c) ORDER BY i)::text FROM g),
          (SELECT array_agg(s ORDER BY i)::text FROM ref), 'array_agg(matins_settle(c))');
SELECT is((SELECT count(*) FROM (SELECT i, lag((matins_settle(c)).fund_total) OVER (ORDER BY i) f FROM g) x
           JOIN ref ON ref.i = x.i - 1 WHERE x.f IS DISTINCT FROM (ref.s).fund_total),
          0::bigint, 'lag() over the field of the row before');
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE matins.to_nhsa(matins_settle(g.c)) IS DISTINCT FROM matins.to_nhsa(ref.s)),
          0::bigint, 'matins.to_nhsa reads the expanded result');

-- twelve results alive in one row, more than the pool's eight: the rest are made in the row's
-- context, and none overwrites another
SELECT is((SELECT ARRAY[matins_settle(a[1]), matins_settle(a[2]), matins_settle(a[3]), matins_settle(a[4]),
                        matins_settle(a[5]), matins_settle(a[6]), matins_settle(a[7]), matins_settle(a[8]),
                        matins_settle(a[9]), matins_settle(a[10]), matins_settle(a[11]), matins_settle(a[12])]::text
           FROM (SELECT array_agg(c ORDER BY i) a FROM g WHERE i <= 12) x),
          (SELECT array_agg(s ORDER BY i)::text FROM ref WHERE i <= 12),
          'twelve results in one expression are twelve settlements');
SELECT is((SELECT count(*) FROM g JOIN ref USING (i)
           WHERE ROW((matins_settle(g.c)).fund_total, (matins_settle(g.c)).personal, (matins_settle(g.c)).route)
                 IS DISTINCT FROM ROW((ref.s).fund_total, (ref.s).personal, (ref.s).route)),
          0::bigint, 'three calls in one row, each read once');

-- PL/pgSQL takes the result over (a variable, a function's result) and may change it in place
CREATE FUNCTION pg_temp.kept(c matins.claim) RETURNS matins.settlement LANGUAGE plpgsql AS $$
DECLARE r matins.settlement;
BEGIN
    r := matins_settle(c);
    RETURN r;
END $$;
CREATE FUNCTION pg_temp.returned(c matins.claim) RETURNS matins.settlement LANGUAGE plpgsql AS $$
BEGIN
    RETURN matins_settle(c);
END $$;
CREATE FUNCTION pg_temp.changed(c matins.claim) RETURNS matins.settlement LANGUAGE plpgsql AS $$
DECLARE r matins.settlement;
BEGIN
    r := matins_settle(c);
    r.personal := -1;
    r.notes := r.notes || 'changed'::text;
    RETURN r;
END $$;
CREATE FUNCTION pg_temp.both(c matins.claim, d matins.claim) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r matins.settlement; q matins.settlement;
BEGIN
    r := matins_settle(c);
    q := matins_settle(d);
    RETURN r::text || ' / ' || q::text;
END $$;
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE pg_temp.kept(g.c) IS DISTINCT FROM ref.s),
          0::bigint, 'a PL/pgSQL variable keeps the settlement');
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE pg_temp.returned(g.c) IS DISTINCT FROM ref.s),
          0::bigint, 'a PL/pgSQL function returns it');
SELECT is((SELECT count(*) FROM g WHERE (pg_temp.changed(c)).personal <> -1
                                     OR NOT 'changed' = ANY ((pg_temp.changed(c)).notes)),
          0::bigint, 'PL/pgSQL changes its copy of the record');
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE matins_settle(g.c)::text <> (ref.s)::text),
          0::bigint, 'and later results are still the FROM form''s');
SELECT is((SELECT count(*) FROM g JOIN g h ON h.i = g.i % 2000 + 1 JOIN ref r1 ON r1.i = g.i JOIN ref r2 ON r2.i = h.i
           WHERE pg_temp.both(g.c, h.c) <> (r1.s)::text || ' / ' || (r2.s)::text),
          0::bigint, 'two results kept in one PL/pgSQL call are both whole');

-- a cursor reads the results row by row; an error in the middle of a scan gives every record back
CREATE TEMP TABLE fetched (i int, f numeric);
DO $$
DECLARE
    cur refcursor;
    r record;
BEGIN
    OPEN cur FOR SELECT i, (matins_settle(c)).fund_total AS f FROM g ORDER BY i;
    MOVE FORWARD 5 IN cur;
    FOR k IN 1 .. 20 LOOP
        FETCH cur INTO r;
        INSERT INTO fetched VALUES (r.i, r.f);
    END LOOP;
    CLOSE cur;
END $$;
SELECT is((SELECT count(*) FROM fetched JOIN ref USING (i) WHERE f IS NOT DISTINCT FROM (ref.s).fund_total AND i BETWEEN 6 AND 25),
          20::bigint, 'rows fetched from a cursor');
SAVEPOINT before_error;
SELECT throws_ok($$SELECT count((matins_settle(c)).fund_total) FROM
                     (SELECT c FROM g WHERE i <= 100 UNION ALL
                      SELECT matins.make_claim(claim_id => 1, person_id => 1, region => '620100', service_date => '2025-08-01',
                                               scheme => 'employee', person_type => 'enterprise', benefit => 'delivery', total => -5)) x$$,
                 '22023', NULL, 'a bad claim after good ones in one scan is an error');
ROLLBACK TO before_error;
SELECT is((SELECT count(*) FROM g JOIN ref USING (i) WHERE ROW((matins_settle(g.c)).*) IS DISTINCT FROM ref.s),
          0::bigint, 'after the error, every result is still the FROM form''s');

SELECT * FROM finish();
ROLLBACK;

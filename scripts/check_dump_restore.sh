#!/usr/bin/env bash
# Dump a database that uses matins, with a DBA's own parameter values and catalog rows, and
# restore it into new databases (custom and plain format): the restore must raise no error,
# must not duplicate the shipped rows, and must bring the DBA's rows back intact.
# Expects PGHOST/PGPORT/PGUSER of a running cluster (scripts/test sets them).
set -euo pipefail
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# One line per catalog table: name, row count, and a digest of its rows in key order.
fingerprint() {
    q -d "$1" <<'SQL'
SELECT string_agg(format('%s %s %s', c.relname, x.n, x.h), E'\n' ORDER BY c.relname)
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'matins'
CROSS JOIN LATERAL (
    SELECT (xpath('//n/text()', t))[1]::text AS n, (xpath('//h/text()', t))[1]::text AS h
    FROM query_to_xml(format(
        'SELECT count(*) AS n, md5(coalesce(string_agg((to_jsonb(r) - ''set_at'')::text, '','' ORDER BY (to_jsonb(r) - ''set_at'')::text), '''')) AS h FROM %s r',
        c.oid::regclass), false, false, '') AS t) x
WHERE c.relkind = 'r';
SQL
}

for db in dump_src dump_custom dump_plain; do dropdb --if-exists "$db" 2>/dev/null; done
createdb dump_src
q -d dump_src <<'SQL'
CREATE EXTENSION matins CASCADE;
-- a parameter the seeds leave to the region
SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
-- an override of a shipped value (JL24-PN: Jilin ships 1000; the region raises it)
SELECT matins.set_param('220000', 'prenatal.cap', 1500, '2025-01-01', NULL, 'regional notice 2025');
-- a city's own value below its province
SELECT matins.set_param('220100', 'resident.outpatient.limit', 1000, '2025-01-01');
-- a DBA's own correction of a leave rule, taking precedence over the shipped row
INSERT INTO matins.leave_rule (region, event, component, days, document, source)
VALUES ('620000', 'paternity', 'base', 15, 'a corrected regional rule', 'GS-ML');
-- an attached claims table with settled claims and their ledger (JL24-PN under the region's
-- raised cap of 1500: 600, then 700)
CREATE TABLE public.claims (claim_id bigint, person_id bigint, pregnancy_id bigint, region text,
    service_date date, scheme text, person_type text, benefit text, hospital_level smallint,
    total numeric, settlement matins.settlement);
SELECT matins.attach('public.claims');
INSERT INTO public.claims VALUES
    (1, 5, 500, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 2, 600),
    (2, 5, 500, '220100', '2025-04-12', 'employee', 'enterprise', 'prenatal', 2, 700);
SQL
fingerprint dump_src >"$MATINS_RUN/fp_src"

pg_dump -Fc -f "$MATINS_RUN/src.dump" dump_src
createdb dump_custom
pg_restore --exit-on-error -d dump_custom "$MATINS_RUN/src.dump"
fingerprint dump_custom >"$MATINS_RUN/fp_custom"

pg_dump -Fp -f "$MATINS_RUN/src.sql" dump_src
createdb dump_plain
q -d dump_plain -f "$MATINS_RUN/src.sql" >/dev/null
fingerprint dump_plain >"$MATINS_RUN/fp_plain"

fail=0
check() {  # check DESCRIPTION COMMAND...
    if "${@:2}"; then echo "ok - $1"; else echo "not ok - $1"; fail=1; fi
}
check "custom-format restore has the same catalog rows" cmp -s "$MATINS_RUN/fp_src" "$MATINS_RUN/fp_custom"
check "plain-format restore has the same catalog rows" cmp -s "$MATINS_RUN/fp_src" "$MATINS_RUN/fp_plain"
for db in dump_custom dump_plain; do
    got=$(q -d "$db" -c "SELECT concat_ws(' ',
        matins.param('220000', 'art.deductible.l3', '2025-03-01'),
        matins.param('220000', 'prenatal.cap', '2024-12-31'),
        matins.param('220000', 'prenatal.cap', '2025-01-01'),
        matins.param('220100', 'resident.outpatient.limit', '2025-06-01'),
        (SELECT count(*) FROM matins.param_value WHERE NOT shipped),
        (SELECT count(*) FROM matins.leave_rule WHERE region = '620000' AND event = 'paternity'))")
    check "$db: DBA values restored (1000, shipped 1000 then local 1500, city 1000, 3 local rows, 2 paternity rows)" \
        test "$got" = "1000 1000 1500 1000 3 2"
    # the claims keep their settlements, the ledger its counters, and the trigger goes on:
    # a third prenatal claim of 200 takes the last 200 of the 1500 cap (JL24-PN)
    got=$(q -d "$db" -c "INSERT INTO public.claims VALUES
            (3, 5, 500, '220100', '2025-05-12', 'employee', 'enterprise', 'prenatal', 2, 200);
        SELECT concat_ws(' ', (SELECT string_agg((settlement).fund_total::text, ',' ORDER BY claim_id) FROM public.claims),
            (SELECT usage -> 'pregnancies' -> '500' ->> 'prenatal_paid' FROM matins.ledger WHERE person_id = 5),
            (SELECT count(*) FROM matins.ledger_check()), (SELECT count(*) FROM matins.attached))")
    check "$db: settled claims, ledger and trigger restored (600.00,700.00,200.00; 1500.00; consistent; attached)" \
        test "$got" = "600.00,700.00,200.00 1500.00 0 1"
done
if [ $fail -ne 0 ]; then
    echo "catalog fingerprints (source, custom, plain):"
    paste "$MATINS_RUN/fp_src" "$MATINS_RUN/fp_custom" "$MATINS_RUN/fp_plain"
fi
for db in dump_src dump_custom dump_plain; do dropdb "$db"; done
exit $fail

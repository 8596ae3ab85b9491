#!/usr/bin/env bash
# The claims trigger under real concurrency (issue 5): pgbench, 8 clients at once, inserting the
# claims of a few people into an attached table, so that they contend for the same counters.
#
#   phase 1 (~10 s): inserts only.  Then: no pregnancy's JL24-PN prenatal fund exceeds its cap,
#     no LZ-SCR screening is paid twice in a pregnancy, no NM-IP person-year exceeds the
#     employee annual cap; the ledger equals the sums of the stored settlements; and those sums,
#     which do not depend on the order the claims came in, equal what matins_settle_run gives
#     over the stored claims in date order; matins.ledger_check() is empty.
#   phase 2 (~5 s): inserts, deletes and updates of random claims of the same people.  Then the
#     same caps, the ledger against the stored settlements, and ledger_check() again (the sums
#     of matins_settle_run no longer apply: corrections do not re-settle later claims).
#
# Run by scripts/test on the cluster it started (PGHOST, PGPORT, PGUSER; MATINS_RUN is a scratch
# directory).  Prints ok / not ok lines; exits non-zero on any failure.
set -euo pipefail

: "${PGHOST:?run from scripts/test (PGHOST, PGPORT, PGUSER, MATINS_RUN)}" "${MATINS_RUN:?}"
DB=matins_concurrency
CLIENTS=${CONCURRENCY_CLIENTS:-8}
SECONDS1=${CONCURRENCY_SECONDS:-10}
SECONDS2=${CONCURRENCY_SECONDS2:-5}
WORK=$MATINS_RUN/concurrency
mkdir -p "$WORK"
q() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

fail=0
n=0
# check <description> <SQL giving a number of violations (0 = ok)> : prints the offending count
check() {
    local got
    n=$((n + 1))
    got=$(q -c "$2" 2>&1) || got="error: $got"
    if [ "$got" = "0" ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1 (got: $got)"
        fail=1
    fi
}
# pgbench_run <label> <seconds> <script>...: runs pgbench, checks that no client aborted
pgbench_run() {
    local label=$1 secs=$2 out=$WORK/pgbench.$1.out
    shift 2
    n=$((n + 1))
    if pgbench -n -c "$CLIENTS" -j "$CLIENTS" -T "$secs" "$@" "$DB" >"$out" 2>&1; then
        echo "ok $n - $label: pgbench, $CLIENTS clients, ${secs} s: $(grep -E '^number of transactions actually processed' "$out" | sed 's/.*: //') transactions, $(grep -E '^number of failed transactions' "$out" | sed 's/.*: //' || echo '0') failed, $(grep -E '^tps' "$out" | sed 's/ (.*//')"
    else
        echo "not ok $n - $label: pgbench failed"
        sed 's/^/# /' "$out"
        fail=1
    fi
}

dropdb --if-exists "$DB"
createdb "$DB"
q >/dev/null <<'SQL'
CREATE EXTENSION matins CASCADE;
-- NM-IP: Inner Mongolia's employee annual cap, which the documents leave to the region
SELECT matins.set_param('150000', 'employee.annual_cap', 300000, '2026-01-01');
CREATE TABLE claims (
    claim_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id      bigint NOT NULL,
    pregnancy_id   bigint,
    region         text,
    service_date   date,
    scheme         text,
    person_type    text,
    benefit        text,
    setting        text,
    procedure      text,
    hospital_level smallint,
    hospital       text,
    total          numeric,
    settlement     matins.settlement
);
CREATE INDEX ON claims (person_id);
SELECT matins.attach('claims');
-- the claims as matins.claim, to compare with matins_settle_run
CREATE VIEW claim_rows AS
SELECT t.*, ROW(claim_id, person_id, pregnancy_id, region, service_date, scheme, person_type, NULL,
           benefit, setting, procedure, NULL, hospital_level, hospital, NULL, NULL, total, NULL,
           NULL, NULL, NULL)::matins.claim AS c
FROM claims t;
SQL

# 12 people, three of each kind by person_id % 3: 0 Changchun employees with prenatal claims
# (JL24-PN, cap 1000 per pregnancy), 1 Lanzhou employees with screenings at a designated hospital
# or not (LZ-SCR, once per pregnancy), 2 Inner Mongolia employees with inpatient abortions of
# 5000 to 40000 (NM-IP, annual cap 300000); two pregnancies each; service dates over 2026-2027
cat >"$WORK/insert.sql" <<'SQL'
\set p random(1, 12)
\set kind :p % 3
\set preg :p * 10 + random(1, 2)
\set day random(0, 600)
\set amt random(50, 400)
\set designated random(0, 2)
INSERT INTO claims (person_id, pregnancy_id, region, service_date, scheme, person_type, benefit,
                    setting, procedure, hospital_level, hospital, total)
VALUES (:p, :preg, (ARRAY['220100', '620100', '150000'])[:kind + 1], DATE '2026-04-01' + :day,
        'employee', 'enterprise', (ARRAY['prenatal', 'screening', 'family_planning'])[:kind + 1],
        CASE :kind WHEN 2 THEN 'inpatient' END, CASE :kind WHEN 2 THEN 'abortion' END, 3,
        CASE WHEN :kind = 1 THEN CASE WHEN :designated > 0 THEN '兰州大学第二医院' ELSE '某县人民医院' END END,
        CASE :kind WHEN 2 THEN :amt * 100 ELSE :amt END);
SQL
cat >"$WORK/delete.sql" <<'SQL'
\set p random(1, 12)
DELETE FROM claims WHERE claim_id = (SELECT claim_id FROM claims WHERE person_id = :p ORDER BY random() LIMIT 1);
SQL
cat >"$WORK/update.sql" <<'SQL'
\set p random(1, 12)
\set amt random(50, 400)
UPDATE claims SET total = CASE region WHEN '150000' THEN :amt * 100 ELSE :amt END
WHERE claim_id = (SELECT claim_id FROM claims WHERE person_id = :p ORDER BY random() LIMIT 1);
SQL

# the checks that hold after any mix of inserts, deletes and updates
invariants() {
    local phase=$1
    check "$phase: JL24-PN: no pregnancy's stored prenatal fund exceeds the 1000 cap" \
        "SELECT count(*) FROM (SELECT 1 FROM claims WHERE benefit = 'prenatal'
             GROUP BY person_id, pregnancy_id HAVING sum((settlement).maternity_fund) > 1000) x"
    check "$phase: LZ-SCR: no pregnancy has its screening paid twice" \
        "SELECT count(*) FROM (SELECT 1 FROM claims WHERE benefit = 'screening' AND (settlement).maternity_fund > 0
             GROUP BY person_id, pregnancy_id HAVING count(*) > 1) x"
    check "$phase: NM-IP: no person's yearly fund exceeds the 300000 employee annual cap" \
        "SELECT count(*) FROM (SELECT 1 FROM claims WHERE region = '150000'
             GROUP BY person_id, extract(year FROM service_date) HAVING sum((settlement).fund_total) > 300000) x"
    check "$phase: JL24-PN: each pregnancy's ledger prenatal_paid is the sum of its stored prenatal funds" \
        "SELECT count(*) FROM
            (SELECT l.person_id, p.key AS preg, (p.value ->> 'prenatal_paid')::numeric AS counter
             FROM matins.ledger l, jsonb_each(l.usage -> 'pregnancies') p WHERE l.person_id % 3 = 0) c
         FULL JOIN
            (SELECT person_id, pregnancy_id::text AS preg, sum((settlement).maternity_fund) AS paid
             FROM claims WHERE benefit = 'prenatal' GROUP BY 1, 2) s USING (person_id, preg)
         WHERE coalesce(c.counter, 0) <> coalesce(s.paid, 0)"
    check "$phase: LZ-SCR: the ledger marks a pregnancy's screening used exactly when a stored one was paid" \
        "SELECT count(*) FROM
            (SELECT l.person_id, p.key AS preg, coalesce((p.value ->> 'screening_used')::boolean, false) AS used
             FROM matins.ledger l, jsonb_each(l.usage -> 'pregnancies') p WHERE l.person_id % 3 = 1) c
         FULL JOIN
            (SELECT person_id, pregnancy_id::text AS preg, bool_or((settlement).maternity_fund > 0) AS paid
             FROM claims WHERE benefit = 'screening' GROUP BY 1, 2) s USING (person_id, preg)
         WHERE coalesce(c.used, false) <> coalesce(s.paid, false)"
    check "$phase: NM-IP: each person-year's ledger employee_fund_paid is the sum of the stored funds" \
        "SELECT count(*) FROM
            (SELECT l.person_id, y.key AS year, (y.value ->> 'employee_fund_paid')::numeric AS counter
             FROM matins.ledger l, jsonb_each(l.usage -> 'years') y WHERE l.person_id % 3 = 2) c
         FULL JOIN
            (SELECT person_id, extract(year FROM service_date)::text AS year, sum((settlement).fund_total) AS paid
             FROM claims WHERE region = '150000' GROUP BY 1, 2) s USING (person_id, year)
         WHERE coalesce(c.counter, 0) <> coalesce(s.paid, 0)"
    check "$phase: matins.ledger_check() is empty (every counter is the sum of its claims' increments)" \
        "SELECT count(*) FROM matins.ledger_check()"
    check "$phase: one ledger entry per stored claim, and none for a claim not stored" \
        "SELECT count(*) FROM claims c FULL JOIN (SELECT * FROM matins.ledger_entry WHERE rel = 'claims'::regclass) e
             USING (claim_id) WHERE c.claim_id IS NULL OR e.claim_id IS NULL OR c.person_id <> e.person_id"
}

echo "# phase 1: inserts only, $CLIENTS clients, ${SECONDS1} s"
pgbench_run "phase 1 (inserts)" "$SECONDS1" -f "$WORK/insert.sql"
invariants "phase 1"
# the sums that do not depend on the order of arrival, against matins_settle_run in date order
check "phase 1: JL24-PN: each pregnancy's stored prenatal funds sum to what matins_settle_run pays (min(1000, in-scope))" \
    "SELECT count(*) FROM
        (SELECT person_id, pregnancy_id, sum((settlement).maternity_fund) AS stored,
                sum((s).maternity_fund) AS run, least(1000, sum((settlement).in_scope)) AS expected
         FROM (SELECT *, matins.matins_settle_run(c) OVER (PARTITION BY person_id ORDER BY service_date, claim_id) AS s
               FROM claim_rows) r
         WHERE benefit = 'prenatal' GROUP BY 1, 2) x
     WHERE stored <> run OR stored <> expected"
check "phase 1: LZ-SCR: as many screenings paid per pregnancy (0 or 1) as matins_settle_run pays" \
    "SELECT count(*) FROM
        (SELECT person_id, pregnancy_id, count(*) FILTER (WHERE (settlement).maternity_fund > 0) AS stored,
                count(*) FILTER (WHERE (s).maternity_fund > 0) AS run
         FROM (SELECT *, matins.matins_settle_run(c) OVER (PARTITION BY person_id ORDER BY service_date, claim_id) AS s
               FROM claim_rows) r
         WHERE benefit = 'screening' GROUP BY 1, 2) x
     WHERE stored <> run OR stored > 1"
check "phase 1: NM-IP: each person-year's stored funds sum to what matins_settle_run pays (min(300000, in-scope))" \
    "SELECT count(*) FROM
        (SELECT person_id, extract(year FROM service_date), sum((settlement).fund_total) AS stored,
                sum((s).fund_total) AS run, least(300000, sum((settlement).in_scope)) AS expected
         FROM (SELECT *, matins.matins_settle_run(c) OVER (PARTITION BY person_id ORDER BY service_date, claim_id) AS s
               FROM claim_rows) r
         WHERE region = '150000' GROUP BY 1, 2) x
     WHERE stored <> run OR stored <> expected"
# the run did contend: every pregnancy and person-year reached its cap
check "phase 1: the caps were reached, so the clients raced for them (JL24-PN, NM-IP)" \
    "SELECT (SELECT count(*) FROM (SELECT 1 FROM claims WHERE benefit = 'prenatal' GROUP BY person_id, pregnancy_id
                                   HAVING sum((settlement).maternity_fund) < 1000) a)
          + (SELECT count(*) FROM (SELECT 1 FROM claims WHERE region = '150000' GROUP BY person_id, extract(year FROM service_date)
                                   HAVING sum((settlement).fund_total) < 300000) b)"
echo "# $(q -c "SELECT count(*) || ' claims of ' || count(DISTINCT person_id) || ' people: ' || count(*) FILTER (WHERE benefit = 'prenatal') || ' prenatal, ' || count(*) FILTER (WHERE benefit = 'screening') || ' screenings, ' || count(*) FILTER (WHERE region = '150000') || ' NM inpatient' FROM claims")"

echo "# phase 2: inserts, deletes and updates, $CLIENTS clients, ${SECONDS2} s"
pgbench_run "phase 2 (corrections)" "$SECONDS2" -f "$WORK/insert.sql@6" -f "$WORK/delete.sql@2" -f "$WORK/update.sql@2"
invariants "phase 2"
echo "# $(q -c "SELECT count(*) || ' claims stored, ' || (SELECT count(*) FROM matins.ledger) || ' ledger rows' FROM claims")"

dropdb "$DB"
if [ $fail -ne 0 ]; then
    echo "# the pgbench logs are in $WORK"
fi
exit $fail

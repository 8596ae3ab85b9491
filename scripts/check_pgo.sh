#!/usr/bin/env bash
# The profile-guided build (scripts/pgo) against the plain one: scripts/pgo builds it, after a
# short training, beside the installed library; both then settle the same generated claims, in
# an expression, in FROM and in the window, and every settlement must be the same.
# Run by scripts/test on its cluster (PGHOST, PGPORT); scripts/pgo's own cluster takes the next
# port.  Environment: PGO_ROWS (training claims, default 20000), CHECK_ROWS (default 20000).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIB=matins_pgo_check
DB=matins_pgo_check
LIBDIR=$(pg_config --pkglibdir)
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")

cleanup() { dropdb --if-exists "$DB" 2>/dev/null || true; rm -f "$LIBDIR/$LIB.so"; }
trap cleanup EXIT

MATINS_PORT=$((PGPORT + 1)) PGO_ROWS=${PGO_ROWS:-20000} bash "$ROOT/scripts/pgo" --as "$LIB" >/dev/null

createdb "$DB"
"${PSQL[@]}" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION matins CASCADE' \
    -c "ALTER DATABASE $DB SET search_path = \"\$user\", public, matins"
"${PSQL[@]}" -v rows="${CHECK_ROWS:-20000}" -f "$ROOT/bench/generate.sql" >/dev/null
"${PSQL[@]}" -v lib="$LIB" -f "$ROOT/scripts/pgo_functions.sql"
result=$("${PSQL[@]}" -A -t <<'SQL'
SET max_parallel_workers_per_gather = 0;
SELECT format('%s claims; settlements that differ: %s in an expression, %s in FROM, %s in the window',
    (SELECT count(*) FROM t),
    (SELECT count(*) FROM t WHERE matins_settle(c)::text IS DISTINCT FROM pgo_settle(c)::text),
    (SELECT count(*) FROM t, LATERAL matins_settle(t.c) a, LATERAL pgo_settle(t.c) b
      WHERE a::text IS DISTINCT FROM b::text),
    (SELECT count(*) FROM (SELECT matins_settle_run(c) OVER w AS a, pgo_settle_run(c) OVER w AS b
        FROM t WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id
                            ROWS UNBOUNDED PRECEDING)) x
      WHERE a::text IS DISTINCT FROM b::text));
SQL
)
echo "$result"
case "$result" in
    *"differ: 0 in an expression, 0 in FROM, 0 in the window") ;;
    *) echo "the profile-guided build settles differently from the plain one" >&2; exit 1 ;;
esac

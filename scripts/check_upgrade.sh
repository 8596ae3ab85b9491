#!/usr/bin/env bash
# Upgrade path: install 0.1.0, set a DBA's parameter, ALTER EXTENSION matins UPDATE to the
# current version, and check that the functions work after the step, the DBA's row survived,
# and the upgraded database has the same objects and shipped rows as a fresh install.
# Expects PGHOST/PGPORT/PGUSER of a running cluster (scripts/test sets them).
set -euo pipefail
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# The extension's objects (identity and definition) and its shipped catalog rows.
objects() {
    q -d "$1" <<'SQL'
SELECT pg_describe_object(d.classid, d.objid, 0) ||
       coalesce(' = ' || CASE WHEN p.oid IS NOT NULL THEN md5(pg_get_functiondef(p.oid)) END, '')
FROM pg_depend d
LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid AND p.prokind <> 'a'
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'matins') AND d.deptype = 'e'
ORDER BY 1;
SELECT c.relname || ' ' || x.n
FROM (SELECT c.oid, c.relname FROM pg_class c
      WHERE c.relnamespace = 'matins'::regnamespace AND c.relkind = 'r'
        AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'shipped')
      OFFSET 0) c,
     LATERAL (SELECT (xpath('//n/text()', query_to_xml(
        format('SELECT count(*) AS n FROM %s WHERE shipped', c.oid::regclass), false, false, '')))[1]::text AS n) x
ORDER BY 1;
SQL
}

current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$(dirname "$0")/../matins.control")
for db in upgrade_old upgrade_new; do dropdb --if-exists "$db" 2>/dev/null; createdb "$db"; done

fail=0
check() {  # check DESCRIPTION COMMAND...
    if "${@:2}"; then echo "ok - $1"; else echo "not ok - $1"; fail=1; fi
}

q -d upgrade_old -c "CREATE EXTENSION matins VERSION '0.1.0' CASCADE" 2>/dev/null
q -d upgrade_old -c "SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01')" >/dev/null
check "0.1.0 installs" test "$(q -d upgrade_old -c "SELECT extversion FROM pg_extension WHERE extname = 'matins'")" = "0.1.0"
check "0.1.0: param works" test "$(q -d upgrade_old -c "SELECT matins.param('220000', 'art.deductible.l3', '2025-01-01')")" = "1000"

# one step short of the current version, the library (which reads the current catalogs) refuses
# the database with its own error, not a failed catalog query
previous=$(cd "$(dirname "$0")/.." && ls matins--*--"$current".sql | sed -n 's/^matins--\(.*\)--.*\.sql$/\1/p')
q -d upgrade_old -c "ALTER EXTENSION matins UPDATE TO '$previous'"
check "at $previous the library $current asks for ALTER EXTENSION matins UPDATE (55000)" \
    test "$(q -d upgrade_old -c "DO \$\$ BEGIN PERFORM matins.matins_settle(matins.make_claim(claim_id => 1,
        person_id => 1, region => '620100', service_date => '2025-09-20', scheme => 'employee',
        person_type => 'enterprise', benefit => 'delivery', hospital_level => 3, total => 8000));
        RAISE EXCEPTION 'settled'; EXCEPTION WHEN object_not_in_prerequisite_state THEN
        RAISE NOTICE '%', SQLERRM; END \$\$" 2>&1 | sed -n 's/^NOTICE:  //p')" \
    = "the matins library $current cannot read the catalogs of extension version $previous"

q -d upgrade_old -c "ALTER EXTENSION matins UPDATE"
check "ALTER EXTENSION matins UPDATE reaches $current" \
    test "$(q -d upgrade_old -c "SELECT extversion FROM pg_extension WHERE extname = 'matins'")" = "$current"
check "the DBA's parameter survives the upgrade" \
    test "$(q -d upgrade_old -c "SELECT matins.param('220000', 'art.deductible.l3', '2025-01-01')")" = "1000"
check "matins_settle works after the upgrade (LZ-IP: 7500.00)" \
    test "$(q -d upgrade_old -c "SELECT (matins.matins_settle(matins.make_claim(claim_id => 1, person_id => 1,
        region => '620100', service_date => '2025-09-20', scheme => 'employee', person_type => 'enterprise',
        benefit => 'delivery', hospital_level => 3, total => 8000, self_pay => 500))).fund_total")" = "7500.00"

# 0.6.0 -> 0.7.0 with a DBA's route named outside maternity., resident. and employee. (the
# insurance type matins.to_nhsa reports): the upgrade stops and names it; renamed, it goes on
dropdb --if-exists upgrade_route 2>/dev/null; createdb upgrade_route
q -d upgrade_route -c "CREATE EXTENSION matins VERSION '0.6.0' CASCADE" 2>/dev/null
q -d upgrade_route -c "INSERT INTO matins.route (policy, seq, benefit, setting, scheme, person_types, handler,
    route, fund, ratio, source) VALUES ('JL-2019-RES', 99, 'delivery', 'inpatient', 'resident', '{resident}',
    'full', 'basic.inpatient', 'pooled', 0.5, 'JL19-IP')"
check "0.6.0 -> 0.7.0 stops at a local route named basic.inpatient, naming it" \
    test "$(q -d upgrade_route -c "ALTER EXTENSION matins UPDATE TO '0.7.0'" 2>&1 | sed -n 's/^ERROR:  //p')" \
    = 'route "basic.inpatient" (policy JL-2019-RES, seq 99) does not begin with maternity., resident. or employee.'
q -d upgrade_route -c "UPDATE matins.route SET route = 'resident.inpatient' WHERE policy = 'JL-2019-RES' AND seq = 99"
# a pooled route of any scheme has no one insurance type: the hint asks for the one that pays it
q -d upgrade_route -c "INSERT INTO matins.route (policy, seq, benefit, setting, handler, route, fund, ratio, source)
    VALUES ('JL-2019-RES', 98, 'delivery', 'inpatient', 'full', 'basic.stay', 'pooled', 0.5, 'JL19-IP')"
check "a route of any scheme named basic.stay stops the upgrade with a hint to name its insurance" \
    test "$(q -d upgrade_route -c "ALTER EXTENSION matins UPDATE TO '0.7.0'" 2>&1 | sed -n 's/^HINT:  //p')" \
    = "matins.to_nhsa reports the insurance type from the route's first word: rename the route to begin with resident. or employee., after the insurance that pays it, e.g. UPDATE matins.route SET route = 'employee.stay' WHERE policy = 'JL-2019-RES' AND seq = 98, then update again."
q -d upgrade_route -c "UPDATE matins.route SET route = 'employee.stay' WHERE policy = 'JL-2019-RES' AND seq = 98"
q -d upgrade_route -c "ALTER EXTENSION matins UPDATE TO '0.7.0'"
check "renamed, the routes let the upgrade reach 0.7.0" \
    test "$(q -d upgrade_route -c "SELECT extversion FROM pg_extension WHERE extname = 'matins'")" = "0.7.0"
dropdb upgrade_route

# a row that breaks a check added NOT VALID (here 0.5.0's: a route condition given as an empty
# array, stored under 0.4.0) stops the upgrade to 0.7.0, which validates the checks so that a
# dump restores every local row; fixed, it upgrades, and its dump restores the row
dropdb --if-exists upgrade_check 2>/dev/null; createdb upgrade_check
dropdb --if-exists upgrade_restored 2>/dev/null; createdb upgrade_restored
q -d upgrade_check -c "CREATE EXTENSION matins VERSION '0.4.0' CASCADE" 2>/dev/null
q -d upgrade_check -c "INSERT INTO matins.route (policy, seq, benefit, setting, scheme, person_types, handler,
    route, fund, ratio, source) VALUES ('JL-2019-RES', 99, 'delivery', 'inpatient', 'resident', '{}',
    'full', 'resident.inpatient', 'pooled', 0.5, 'JL19-IP')"
check "a route condition stored as an empty array under 0.4.0 stops the upgrade to $current, naming it" \
    test "$(q -d upgrade_check -c "ALTER EXTENSION matins UPDATE" 2>&1 | sed -n 's/^ERROR:  //p')" \
    = 'route resident.inpatient (policy JL-2019-RES, seq 99) has a condition that is an empty array'
q -d upgrade_check -c "UPDATE matins.route SET person_types = NULL WHERE policy = 'JL-2019-RES' AND seq = 99"
# the hint names the condition that is empty, here the second one
q -d upgrade_check -c "UPDATE matins.route SET procedures = '{}' WHERE policy = 'JL-2019-RES' AND seq = 99"
check "an empty procedures condition: the detail and the hint name procedures" \
    test "$(q -d upgrade_check -c "ALTER EXTENSION matins UPDATE" 2>&1 | sed -n 's/^\(DETAIL\|HINT\):  //p')" \
    = "Its condition procedures is {}.
An empty array matched every claim before 0.5.0; write NULL for \"any\": UPDATE matins.route SET procedures = NULL WHERE policy = 'JL-2019-RES' AND seq = 99 AND procedures = '{}', then update again."
q -d upgrade_check -c "UPDATE matins.route SET procedures = NULL WHERE policy = 'JL-2019-RES' AND seq = 99"
q -d upgrade_check -c "ALTER EXTENSION matins UPDATE"
pg_dump -Fc -d upgrade_check -f "$MATINS_RUN/upgrade_check.dump"
pg_restore -d upgrade_restored "$MATINS_RUN/upgrade_check.dump" 2>"$MATINS_RUN/upgrade_check.restore" || true
check "fixed, it upgrades to $current, and its dump restores the local route" \
    test "$(q -d upgrade_restored -c "SELECT count(*) FROM matins.route WHERE NOT shipped")" = "1"
dropdb upgrade_check; dropdb upgrade_restored

# the same for a region parameter stored before the check its trigger makes now (0.3.0 kept a
# seventh decimal; a restore would store the row again through the trigger and fail)
dropdb --if-exists upgrade_param 2>/dev/null; createdb upgrade_param
q -d upgrade_param -c "CREATE EXTENSION matins VERSION '0.3.0' CASCADE" 2>/dev/null
q -d upgrade_param -c "SELECT matins.set_param('150000', 'employer.maternity_rate', 0.0083337, '2026-01-01')" >/dev/null
check "a parameter of seven decimals stored under 0.3.0 stops the upgrade to $current, naming its row" \
    test "$(q -d upgrade_param -c "ALTER EXTENSION matins UPDATE" 2>&1 | sed -n 's/^ERROR:  //p')" \
    = 'local parameter employer.maternity_rate of region 150000 from 2026-01-01 fails a check of this version: value 0.0083337 of parameter "employer.maternity_rate" has more than six decimal places'
q -d upgrade_param -c "UPDATE matins.param_value SET value = round(value, 6) WHERE region = '150000'
    AND name = 'employer.maternity_rate' AND valid_from = '2026-01-01' AND NOT shipped"
q -d upgrade_param -c "ALTER EXTENSION matins UPDATE"
check "corrected as the hint says, the parameter lets the upgrade reach $current" \
    test "$(q -d upgrade_param -c "SELECT extversion || ' ' || matins.param('150000', 'employer.maternity_rate', '2026-06-01')
        FROM pg_extension WHERE extname = 'matins'")" = "$current 0.008334"
dropdb upgrade_param

q -d upgrade_new -c "CREATE EXTENSION matins CASCADE" 2>/dev/null
objects upgrade_old >"$MATINS_RUN/objects_upgraded"
objects upgrade_new >"$MATINS_RUN/objects_fresh"
check "an upgraded database has the objects and shipped rows of a fresh install" \
    cmp -s "$MATINS_RUN/objects_upgraded" "$MATINS_RUN/objects_fresh"
[ $fail -eq 0 ] || diff "$MATINS_RUN/objects_upgraded" "$MATINS_RUN/objects_fresh" || true
for db in upgrade_old upgrade_new; do dropdb "$db"; done
exit $fail

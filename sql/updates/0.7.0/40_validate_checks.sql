
-- Three checks of 0.4.0 and 0.5.0 were added NOT VALID, so that a database holding a row that
-- breaks one still upgraded (and the region parameters' triggers, below, were never run on the
-- rows stored before them).  But a dump of such a database does not restore: the restored
-- table has the check from the start, and loading its rows fails, so the table's local rows
-- are lost.  From 0.7.0 every row satisfies them: the upgrade stops at the first row that does
-- not, naming it, and then validates the checks.
DO $$
DECLARE
    r record;
BEGIN
    SELECT policy, seq, route,
           CASE WHEN cardinality(person_types) = 0 THEN 'person_types'
                WHEN cardinality(procedures) = 0 THEN 'procedures' ELSE 'locations' END AS col
    INTO r FROM @extschema@.route
    WHERE (cardinality(person_types) > 0 AND cardinality(procedures) > 0
           AND cardinality(locations) > 0) IS FALSE
    ORDER BY policy, seq LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'route % (policy %, seq %) has a condition that is an empty array', r.route, r.policy, r.seq
            USING ERRCODE = 'check_violation',
                  DETAIL = format('Its condition %s is {}.', r.col),
                  HINT = format('An empty array matched every claim before 0.5.0; write NULL for "any": UPDATE matins.route SET %1$s = NULL WHERE policy = %2$L AND seq = %3$s AND %1$s = ''{}'', then update again.',
                                r.col, r.policy, r.seq);
    END IF;
    SELECT code, name INTO r FROM @extschema@.chronic_disease
    WHERE (code BETWEEN 'CH01' AND 'CH23') IS FALSE ORDER BY code LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'chronic disease % (%) is outside CH01..CH23', r.code, r.name
            USING ERRCODE = 'check_violation',
                  HINT = 'A region adds at most 5 diseases of its own, CH19..CH23 (JL19-CH): renumber it or delete it, then update again.';
    END IF;
    SELECT policy, name, value INTO r FROM @extschema@.policy_constant
    WHERE (value = round(value, 6)) IS FALSE ORDER BY policy, name LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'policy constant % of % = % has more than six decimals', r.name, r.policy, r.value
            USING ERRCODE = 'check_violation',
                  HINT = 'Values are held in millionths: write it with at most six decimals, then update again.';
    END IF;
END
$$;
-- The region parameters' triggers (finite values below 1e9 from 0.3.0, six decimals from 0.4.0,
-- days for the first and last day from 0.5.0) check rows as they are stored, and a restore
-- stores the local rows again: a row stored before its check would fail there too.  Each local
-- row is stored again here, and one that fails stops the upgrade with the trigger's error,
-- naming the row (region, name, first day) and how to correct it.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT region, name, valid_from FROM @extschema@.param_value
             WHERE NOT shipped ORDER BY region, name, valid_from LOOP
        BEGIN
            UPDATE @extschema@.param_value SET value = value
            WHERE NOT shipped AND region = r.region AND name = r.name AND valid_from = r.valid_from;
        EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION 'local parameter % of region % from % fails a check of this version: %',
                            r.name, r.region, r.valid_from, SQLERRM
                USING ERRCODE = SQLSTATE,
                      HINT = format('A restore would fail on it too.  Correct what the error names, e.g. UPDATE matins.param_value SET value = round(value, 6) WHERE region = %L AND name = %L AND valid_from = %L AND NOT shipped, then update again.',
                                    r.region, r.name, r.valid_from);
        END;
    END LOOP;
END
$$;

ALTER TABLE @extschema@.route VALIDATE CONSTRAINT route_conditions_not_empty;
ALTER TABLE @extschema@.chronic_disease VALIDATE CONSTRAINT chronic_disease_code_range;
ALTER TABLE @extschema@.policy_constant VALIDATE CONSTRAINT policy_constant_value_precision;

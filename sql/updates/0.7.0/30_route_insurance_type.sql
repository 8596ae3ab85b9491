
-- A route's name begins with its insurance type, maternity (510), resident (390) or employee
-- (310): matins.to_nhsa reports insutype from it, and gave NULL for a DBA's route named e.g.
-- 'basic.inpatient'.  A local route named otherwise stops the upgrade with a message naming
-- it, so that every row satisfies the check (a restored dump loads its rows under it).
DO $$
DECLARE
    bad record;
BEGIN
    -- the name to suggest: by the fund and the scheme; a pooled route of any scheme (NULL) has
    -- no one insurance type, and the hint then asks for the one that pays it
    SELECT policy, seq, route, CASE WHEN fund = 'maternity' THEN 'maternity' ELSE scheme END AS kind,
           coalesce(nullif(split_part(route, '.', 2), ''), route) AS rest
    INTO bad FROM @extschema@.route
    WHERE route !~ '^(maternity|resident|employee)\.' ORDER BY policy, seq LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'route "%" (policy %, seq %) does not begin with maternity., resident. or employee.',
                        bad.route, bad.policy, bad.seq
            USING ERRCODE = 'check_violation',
                  HINT = format('matins.to_nhsa reports the insurance type from the route''s first word: rename the route%s, e.g. UPDATE matins.route SET route = %L WHERE policy = %L AND seq = %s, then update again.',
                                CASE WHEN bad.kind IS NULL THEN ' to begin with resident. or employee., after the insurance that pays it' ELSE '' END,
                                coalesce(bad.kind, 'employee') || '.' || bad.rest, bad.policy, bad.seq);
    END IF;
END
$$;
ALTER TABLE @extschema@.route ADD CONSTRAINT route_insurance_type
    CHECK (route ~ '^(maternity|resident|employee)\.');

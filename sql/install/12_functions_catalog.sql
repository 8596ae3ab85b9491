-- matins 0.1.0: functions over the catalogs: regions, parameters, policies in force.

-- The codes to look a region up under, most specific first: the code itself, its city, its
-- province and the nation ('000000').  Rejects a code that is not six digits.
CREATE FUNCTION @extschema@.region_chain(region text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    chain text[] := ARRAY[region];
BEGIN
    IF region !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION 'invalid region code "%"', region
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A region is a six-digit GB/T 2260 code.',
                  HINT = 'Write e.g. ''220000'' for Jilin province or ''620100'' for Lanzhou.';
    END IF;
    IF region = '000000' THEN
        RETURN chain;
    END IF;
    IF substr(region, 5, 2) <> '00' AND substr(region, 3, 2) <> '00' THEN
        chain := chain || (substr(region, 1, 4) || '00');
    END IF;
    IF substr(region, 3, 4) <> '0000' THEN
        chain := chain || (substr(region, 1, 2) || '0000');
    END IF;
    RETURN chain || '000000'::text;
END
$fn$;
COMMENT ON FUNCTION @extschema@.region_chain(text) IS
    'Codes a region''s rules are looked up under: itself, its city, its province, the nation';

-- Rejects a region whose province matins has no rows for.
CREATE FUNCTION @extschema@.check_region(region text) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    chain text[];
BEGIN
    IF region IS NULL THEN
        RAISE EXCEPTION 'region must not be null'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Give a six-digit GB/T 2260 code such as ''220000''.';
    END IF;
    chain := @extschema@.region_chain(region);
    IF region <> '000000' AND NOT EXISTS (
            SELECT FROM @extschema@.region r
            WHERE r.code = chain[pg_catalog.array_length(chain, 1) - 1]) THEN
        RAISE EXCEPTION 'region "%" is not covered by matins', region
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = pg_catalog.format('No catalog rows exist for its province %s.',
                                             chain[pg_catalog.array_length(chain, 1) - 1]),
                  HINT = 'Covered provinces: ' || (SELECT pg_catalog.string_agg(code || ' ' || name, ', ' ORDER BY code)
                                                   FROM @extschema@.region WHERE level = 'province') || '.';
    END IF;
    RETURN region;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_region(text) IS
    'Returns the region when its province has catalog rows, else raises a clear error';

-- BEFORE INSERT OR UPDATE trigger of region and policy: a region's parent and a policy's
-- based_on must name an existing row of the same table.
CREATE FUNCTION @extschema@.check_catalog_parent() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    -- (PL/pgSQL resolves every field of an expression, so each table gets its own branch)
    IF TG_TABLE_NAME = 'region' THEN
        IF NEW.parent IS NOT NULL
           AND NOT EXISTS (SELECT FROM @extschema@.region r WHERE r.code = NEW.parent) THEN
            RAISE EXCEPTION 'parent region "%" of region "%" does not exist', NEW.parent, NEW.code
                USING ERRCODE = 'foreign_key_violation', HINT = 'Insert the parent region first.';
        END IF;
    ELSIF NEW.based_on IS NOT NULL
          AND NOT EXISTS (SELECT FROM @extschema@.policy p WHERE p.id = NEW.based_on) THEN
        RAISE EXCEPTION 'policy "%" is based on "%", which does not exist', NEW.id, NEW.based_on
            USING ERRCODE = 'foreign_key_violation', HINT = 'Insert the policy it is based on first.';
    END IF;
    RETURN NEW;
END
$fn$;

CREATE TRIGGER check_catalog_parent BEFORE INSERT OR UPDATE ON @extschema@.region
    FOR EACH ROW EXECUTE FUNCTION @extschema@.check_catalog_parent();
CREATE TRIGGER check_catalog_parent BEFORE INSERT OR UPDATE ON @extschema@.policy
    FOR EACH ROW EXECUTE FUNCTION @extschema@.check_catalog_parent();

-- BEFORE INSERT OR UPDATE trigger of param_value: the name must exist, the value must respect the
-- bounds of param_def and of any param_limit on the region chain, and a region's local values
-- must not overlap in time.  Named to fire after guard_catalog_row, so NEW.shipped is settled.
CREATE FUNCTION @extschema@.validate_param_value() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    def   @extschema@.param_def;
    lim   record;
    other record;
BEGIN
    PERFORM @extschema@.check_region(NEW.region);
    SELECT * INTO def FROM @extschema@.param_def d WHERE d.name = NEW.name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown parameter name "%"', NEW.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The names matins knows are listed in matins.param_def.';
    END IF;
    IF NEW.value IS NULL THEN
        RAISE EXCEPTION 'value of parameter "%" must not be null', NEW.name
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'A parameter that is not set simply has no row.';
    END IF;
    IF NEW.valid_from IS NULL THEN
        RAISE EXCEPTION 'valid_from of parameter "%" must not be null', NEW.name
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Give the first day the value applies.';
    END IF;
    IF NEW.valid_to < NEW.valid_from THEN
        RAISE EXCEPTION 'valid_to % of parameter "%" is before valid_from %', NEW.valid_to, NEW.name, NEW.valid_from
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'valid_to is the last day the value applies; leave it NULL for an open end.';
    END IF;
    IF def.unit IN ('months', 'days') AND NEW.value <> pg_catalog.trunc(NEW.value) THEN
        RAISE EXCEPTION 'value % of parameter "%" must be a whole number of %', NEW.value, NEW.name, def.unit
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Round it to whole ' || def.unit || '.';
    END IF;
    IF def.unit = 'yuan' AND NEW.value <> pg_catalog.round(NEW.value, 2) THEN
        RAISE EXCEPTION 'value % of parameter "%" has more than two decimals', NEW.value, NEW.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Amounts are in yuan, exact to the fen (0.01).';
    END IF;
    IF NEW.value < def.min_value OR NEW.value > def.max_value THEN
        RAISE EXCEPTION 'value % of parameter "%" is out of range', NEW.value, NEW.name
            USING ERRCODE = 'numeric_value_out_of_range',
                  DETAIL = pg_catalog.format('A %s must lie between %s and %s (%s).', def.unit,
                                             def.min_value, coalesce(def.max_value::text, 'no maximum'), def.source),
                  HINT = 'Check the unit: ratios are fractions (0.9 for 90%), amounts are yuan.';
    END IF;
    FOR lim IN
        SELECT l.* FROM @extschema@.param_limit l
        WHERE l.name = NEW.name AND l.region = ANY (@extschema@.region_chain(NEW.region))
    LOOP
        IF NEW.value < lim.min_value OR NEW.value > lim.max_value
           OR NOT (NEW.value = ANY (coalesce(lim.allowed, ARRAY[NEW.value]))) THEN
            RAISE EXCEPTION 'value % of parameter "%" is not allowed for region %', NEW.value, NEW.name, NEW.region
                USING ERRCODE = 'numeric_value_out_of_range',
                      DETAIL = pg_catalog.format('Rule %s for region %s allows %s.', lim.source, lim.region,
                               CASE WHEN lim.allowed IS NOT NULL THEN 'one of ' || lim.allowed::text
                                    WHEN lim.max_value IS NULL THEN 'at least ' || lim.min_value
                                    WHEN lim.min_value IS NULL THEN 'at most ' || lim.max_value
                                    ELSE pg_catalog.format('%s to %s', lim.min_value, lim.max_value) END),
                      HINT = 'Choose a value within the document''s bounds.';
        END IF;
    END LOOP;
    SELECT v.valid_from, v.valid_to INTO other
    FROM @extschema@.param_value v
    WHERE v.region = NEW.region AND v.name = NEW.name AND v.shipped = NEW.shipped
      AND pg_catalog.daterange(v.valid_from, v.valid_to, '[]') OPERATOR(pg_catalog.&&)
          pg_catalog.daterange(NEW.valid_from, NEW.valid_to, '[]')
      AND (TG_OP = 'INSERT' OR v.valid_from <> OLD.valid_from OR v.region <> OLD.region OR v.name <> OLD.name)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'parameter "%" of region % already has a value from % to %',
                        NEW.name, NEW.region, other.valid_from, coalesce(other.valid_to::text, 'open end')
            USING ERRCODE = 'exclusion_violation',
                  DETAIL = pg_catalog.format('The new period runs from %s to %s.', NEW.valid_from,
                                             coalesce(NEW.valid_to::text, 'open end')),
                  HINT = 'End the existing period first with matins.end_param(region, name, last_day), or start the new value after it.';
    END IF;
    RETURN NEW;
END
$fn$;

CREATE TRIGGER validate_param_value BEFORE INSERT OR UPDATE ON @extschema@.param_value
    FOR EACH ROW EXECUTE FUNCTION @extschema@.validate_param_value();

-- contract: set a region parameter from valid_from to valid_to (inclusive; NULL = open end)
CREATE FUNCTION @extschema@.set_param(region text, name text, value numeric, valid_from date,
                                      valid_to date DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO @extschema@.param_value (region, name, value, valid_from, valid_to, source)
    VALUES (set_param.region, set_param.name, set_param.value, set_param.valid_from,
            set_param.valid_to, 'set_param');
END;
COMMENT ON FUNCTION @extschema@.set_param(text, text, numeric, date, date) IS
    'Sets a region parameter for a validity period (valid_to is the last day; NULL for an open end)';

-- The same with the reason or document the region's value comes from recorded in source.
CREATE FUNCTION @extschema@.set_param(region text, name text, value numeric, valid_from date,
                                      valid_to date, source text) RETURNS void
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO @extschema@.param_value (region, name, value, valid_from, valid_to, source)
    VALUES (set_param.region, set_param.name, set_param.value, set_param.valid_from,
            set_param.valid_to, set_param.source);
END;
COMMENT ON FUNCTION @extschema@.set_param(text, text, numeric, date, date, text) IS
    'Sets a region parameter for a validity period and records its source (e.g. the regional document number)';

-- Ends the local value of a parameter that is open or runs past last_day.
CREATE FUNCTION @extschema@.end_param(region text, name text, last_day date) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    UPDATE @extschema@.param_value v SET valid_to = end_param.last_day
    WHERE v.region = end_param.region AND v.name = end_param.name AND NOT v.shipped
      AND v.valid_from <= end_param.last_day
      AND (v.valid_to IS NULL OR v.valid_to > end_param.last_day);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no local value of parameter "%" for region % runs past %', end_param.name,
                        end_param.region, end_param.last_day
            USING ERRCODE = 'no_data_found',
                  HINT = 'Shipped values cannot be ended; set a local value instead, which takes precedence.';
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.end_param(text, text, date) IS
    'Ends a region''s own value of a parameter on last_day';

-- contract: the value of a parameter for a region on a date, NULL when unset.  The region's own
-- rows come first, then its city's, province's and the nation's; on each level a local row
-- takes precedence over a shipped one.
CREATE FUNCTION @extschema@.param(region text, name text, on_date date) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    result numeric;
BEGIN
    IF NOT EXISTS (SELECT FROM @extschema@.param_def d WHERE d.name = param.name) THEN
        RAISE EXCEPTION 'unknown parameter name "%"', param.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The names matins knows are listed in matins.param_def.';
    END IF;
    IF on_date IS NULL THEN
        RAISE EXCEPTION 'on_date must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Give the date the value is wanted for.';
    END IF;
    SELECT v.value INTO result
    FROM @extschema@.param_value v
    JOIN pg_catalog.unnest(@extschema@.region_chain(@extschema@.check_region(param.region)))
         WITH ORDINALITY AS c(code, depth) ON v.region = c.code
    WHERE v.name = param.name
      AND param.on_date >= v.valid_from
      AND (v.valid_to IS NULL OR param.on_date <= v.valid_to)
    ORDER BY c.depth, v.shipped
    LIMIT 1;
    RETURN result;
END
$fn$;
COMMENT ON FUNCTION @extschema@.param(text, text, date) IS
    'The value of a region parameter on a date (falling back to city, province, nation), NULL when unset';

-- Every parameter for a region on a date, with the row that decides it (NULL value: unset).
CREATE FUNCTION @extschema@.param_report(region text, on_date date)
    RETURNS TABLE (name text, value numeric, unit text, from_region text, valid_from date,
                   valid_to date, origin text, source text)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT d.name, v.value, d.unit, v.region, v.valid_from, v.valid_to,
           CASE WHEN v.region IS NULL THEN 'unset' WHEN v.shipped THEN 'shipped' ELSE 'local' END,
           coalesce(v.source, d.source)
    FROM @extschema@.param_def d
    LEFT JOIN LATERAL (
        SELECT p.value, p.region, p.valid_from, p.valid_to, p.shipped, p.source
        FROM @extschema@.param_value p
        JOIN unnest(@extschema@.region_chain(@extschema@.check_region(param_report.region)))
             WITH ORDINALITY AS c(code, depth) ON p.region = c.code
        WHERE p.name = d.name
          AND param_report.on_date >= p.valid_from
          AND (p.valid_to IS NULL OR param_report.on_date <= p.valid_to)
        ORDER BY c.depth, p.shipped
        LIMIT 1) v ON true
    ORDER BY d.name;
END;
COMMENT ON FUNCTION @extschema@.param_report(text, date) IS
    'Every region parameter on a date with its value, where it comes from, or unset';

-- The policies in force for a region on a date, one per scope, found along the region chain.
CREATE FUNCTION @extschema@.policy_in_force(region text, on_date date)
    RETURNS TABLE (scope text, policy text, from_region text, valid_from date, valid_to date)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT DISTINCT ON (p.scope) p.scope, p.id, p.region, p.valid_from, p.valid_to
    FROM @extschema@.policy p
    JOIN unnest(@extschema@.region_chain(@extschema@.check_region(policy_in_force.region)))
         WITH ORDINALITY AS c(code, depth) ON p.region = c.code
    WHERE p.status = 'in_force'
      AND policy_in_force.on_date >= p.valid_from
      AND (p.valid_to IS NULL OR policy_in_force.on_date <= p.valid_to)
    ORDER BY p.scope, c.depth, p.shipped;
END;
COMMENT ON FUNCTION @extschema@.policy_in_force(text, date) IS
    'The policy documents in force for a region on a date, one per scope (drafts never)';


-- Region parameters: inputs 0.4.0 took or reported wrongly.
--
-- A period must start on a day: valid_from 'infinity' was stored, and every later open value of
-- the name then overlapped it.  ('-infinity' stays allowed: the shipped divisor applies always.)
-- A NULL name was reported as an unknown name "<NULL>"; it is a missing value (22004).
CREATE FUNCTION @extschema@.check_param_dates() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NEW.name IS NULL THEN
        RAISE EXCEPTION 'the name of a region parameter must not be null'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'The names matins knows are listed in matins.param_def.';
    END IF;
    IF NEW.valid_from = 'infinity' THEN
        RAISE EXCEPTION 'valid_from infinity of parameter "%" is not a day', NEW.name
            USING ERRCODE = 'datetime_field_overflow',
                  HINT = 'Give the first day the value applies.';
    END IF;
    IF NEW.valid_to = 'infinity' OR NEW.valid_to = '-infinity' THEN
        RAISE EXCEPTION 'valid_to % of parameter "%" is not a day', NEW.valid_to, NEW.name
            USING ERRCODE = 'datetime_field_overflow',
                  HINT = 'Give the last day the value applies, or NULL for an open end.';
    END IF;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_param_dates() IS
    'Refuses a region parameter row without a name or with an infinite first or last day';
REVOKE ALL ON FUNCTION @extschema@.check_param_dates() FROM PUBLIC;
-- BEFORE ROW triggers fire in name order: this one before check_param_finite and the others
CREATE TRIGGER check_param_dates BEFORE INSERT OR UPDATE ON @extschema@.param_value
    FOR EACH ROW EXECUTE FUNCTION @extschema@.check_param_dates();

-- end_param: a NULL argument, an unknown name or a bad region code said "no local value ...
-- runs past" (P0002); they are errors of their own now, as param() gives them.
CREATE OR REPLACE FUNCTION @extschema@.end_param(region text, name text, last_day date) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF end_param.region IS NULL OR end_param.name IS NULL OR end_param.last_day IS NULL THEN
        RAISE EXCEPTION 'end_param needs a region, a name and a last day, got %, %, %',
                        coalesce(quote_literal(end_param.region), 'NULL'),
                        coalesce(quote_literal(end_param.name), 'NULL'),
                        coalesce(quote_literal(end_param.last_day), 'NULL')
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'matins.end_param(region, name, last_day) ends a local value on last_day.';
    END IF;
    PERFORM @extschema@.check_region(end_param.region);
    IF NOT EXISTS (SELECT FROM @extschema@.param_def d WHERE d.name = end_param.name) THEN
        RAISE EXCEPTION 'unknown parameter name "%"', end_param.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The names matins knows are listed in matins.param_def.';
    END IF;
    UPDATE @extschema@.param_value v SET valid_to = end_param.last_day
    WHERE v.region = end_param.region AND v.name = end_param.name AND NOT v.shipped
      AND v.valid_from <= end_param.last_day
      AND (v.valid_to IS NULL OR v.valid_to > end_param.last_day);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no local value of parameter "%" for region % is in force on % and lasts past it',
                        end_param.name, end_param.region, end_param.last_day
            USING ERRCODE = 'no_data_found',
                  HINT = 'Shipped values cannot be ended; set a local value instead, which takes precedence.';
    END IF;
END
$fn$;

-- param_report(region, NULL) listed every parameter as unset, the shipped ones included; a NULL
-- date is an error, as for param().
CREATE OR REPLACE FUNCTION @extschema@.param_report(region text, on_date date)
    RETURNS TABLE (name text, value numeric, unit text, from_region text, valid_from date,
                   valid_to date, origin text, source text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF param_report.on_date IS NULL THEN
        RAISE EXCEPTION 'on_date must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Give the date the values are wanted for.';
    END IF;
    RETURN QUERY
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
END
$fn$;

-- A route condition given as an empty array ('{}') matched every claim, like NULL; it is refused.
ALTER TABLE @extschema@.route
    ADD CONSTRAINT route_conditions_not_empty
    CHECK (cardinality(person_types) > 0 AND cardinality(procedures) > 0
           AND cardinality(locations) > 0) NOT VALID;

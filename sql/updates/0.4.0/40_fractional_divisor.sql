
-- allowance.divisor may be fractional: a region that computes the daily allowance on the average
-- month of working days (21.75, the 月计薪天数 of national wage practice) sets that value; 0.3.0
-- refused anything but whole days.  Months (employee.waiting_months) stay whole.
CREATE OR REPLACE FUNCTION @extschema@.validate_param_value() RETURNS trigger
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
    IF def.unit = 'months' AND NEW.value <> pg_catalog.trunc(NEW.value) THEN
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

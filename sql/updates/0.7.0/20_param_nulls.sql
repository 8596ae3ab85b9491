
-- param: a null name is a missing value (22004), as a null region or date is, not the unknown
-- name "<NULL>".
CREATE OR REPLACE FUNCTION @extschema@.param(region text, name text, on_date date) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    result numeric;
BEGIN
    IF param.name IS NULL THEN
        RAISE EXCEPTION 'name must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'The names matins knows are listed in matins.param_def.';
    END IF;
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

-- set_param with a source: a null source records 'set_param', as the form without one does,
-- where it was a bare not-null violation of param_value.source.
CREATE OR REPLACE FUNCTION @extschema@.set_param(region text, name text, value numeric, valid_from date,
                                                 valid_to date, source text) RETURNS void
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO @extschema@.param_value (region, name, value, valid_from, valid_to, source)
    VALUES (set_param.region, set_param.name, set_param.value, set_param.valid_from,
            set_param.valid_to, coalesce(set_param.source, 'set_param'));
END;

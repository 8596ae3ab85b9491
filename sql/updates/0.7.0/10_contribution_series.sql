
-- matins 0.6.0 -> 0.7.0
-- contribution_series: a null person_type is a missing value (22004), not the unknown code
-- "NULL"; months outside 1900-01-01 .. 2199-12-31, the years events and claims may carry, are
-- an error naming them (22008) instead of a bare "timestamp out of range" or a series of
-- thousands of years.
CREATE OR REPLACE FUNCTION @extschema@.contribution_series(region text, first_month date, last_month date,
                                                           base numeric, person_type text DEFAULT 'enterprise')
    RETURNS @extschema@.contribution[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF region IS NULL THEN
        RAISE EXCEPTION 'region must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Give the GB/T 2260 code of the region, e.g. ''620100''.';
    END IF;
    PERFORM @extschema@.region_chain(region);
    IF person_type IS NULL THEN
        RAISE EXCEPTION 'person_type must not be null'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Leave it out for ''enterprise'', or give one of ''enterprise'', ''public'', ''flexible'', ''unemployed'', ''retiree'', ''resident'', ''spouse''.';
    END IF;
    IF person_type NOT IN ('enterprise', 'public', 'flexible', 'unemployed', 'retiree', 'resident', 'spouse') THEN
        RAISE EXCEPTION 'unknown person_type "%"', person_type
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use one of ''enterprise'', ''public'', ''flexible'', ''unemployed'', ''retiree'', ''resident'', ''spouse''.';
    END IF;
    IF first_month IS NULL OR last_month IS NULL THEN
        RAISE EXCEPTION 'first_month and last_month must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Give the first days of two months.';
    END IF;
    IF NOT isfinite(first_month) OR NOT isfinite(last_month) THEN
        RAISE EXCEPTION 'contribution months must be finite dates, got % and %', first_month, last_month
            USING ERRCODE = 'invalid_datetime_format',
                  HINT = 'Write the month as its first day, e.g. ''2025-01-01''.';
    END IF;
    IF first_month < DATE '1900-01-01' OR last_month > DATE '2199-12-31' THEN
        RAISE EXCEPTION 'contribution months % and % are outside the years matins covers', first_month, last_month
            USING ERRCODE = 'datetime_field_overflow',
                  HINT = 'Months lie between 1900-01-01 and 2199-12-01.';
    END IF;
    IF extract(day FROM first_month) <> 1 OR extract(day FROM last_month) <> 1 THEN
        RAISE EXCEPTION 'contribution months must be first days of months, got % and %', first_month, last_month
            USING ERRCODE = 'invalid_datetime_format',
                  HINT = 'Write the month as its first day, e.g. ''2025-01-01''.';
    END IF;
    IF last_month < first_month THEN
        RAISE EXCEPTION 'last_month % is before first_month %', last_month, first_month
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Swap the two months.';
    END IF;
    IF base IS NULL OR base < 0 OR NOT (base < 1000000000) OR base <> round(base, 2) THEN
        RAISE EXCEPTION 'contribution base % is not a non-negative amount in yuan below 1e9, exact to the fen', coalesce(base::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Give the monthly contribution base in yuan.';
    END IF;
    RETURN ARRAY(
        SELECT ROW(m::date, region, true, NULL::date, base, person_type)::@extschema@.contribution
        FROM generate_series(first_month, last_month, interval '1 month') AS m
        ORDER BY m);
END
$fn$;


-- Region parameters and policy constants are held in millionths by the engine.  0.3.0 accepted a
-- value with more digits and rounded it when the catalog was loaded, silently: an employer rate
-- of 0.0083337 was applied as 0.008334.  Such a value is now refused where it is set, and one
-- stored before the upgrade is reported, naming the parameter, by each computation that needs it.
CREATE OR REPLACE FUNCTION @extschema@.check_param_finite() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NEW.value IS NOT NULL AND NOT (abs(NEW.value) < 1000000000) THEN
        RAISE EXCEPTION 'value % of parameter "%" is not a finite number smaller than 1e9 in magnitude',
                        NEW.value, NEW.name
            USING ERRCODE = 'numeric_value_out_of_range',
                  HINT = 'Give the value in its unit: amounts in yuan, ratios as fractions (0.9 for 90%).';
    END IF;
    IF NEW.value IS NOT NULL AND NEW.value <> round(NEW.value, 6) THEN
        RAISE EXCEPTION 'value % of parameter "%" has more than six decimal places', NEW.value, NEW.name
            USING ERRCODE = 'numeric_value_out_of_range',
                  HINT = 'matins holds parameters to the millionth (0.000001): give the value with at most six decimal places.';
    END IF;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_param_finite() IS
    'Refuses a region parameter value the engine cannot compute with (NaN, infinite, 1e9 or more, more than six decimal places)';

ALTER TABLE @extschema@.policy_constant
    ADD CONSTRAINT policy_constant_value_precision CHECK (value = round(value, 6)) NOT VALID;


-- A region parameter is held in millionths by the engine: NaN, an infinite value or one of a
-- magnitude of 1e9 or more cannot be computed with.  0.2.0 accepted them for parameters without
-- a maximum (caps, deductibles), and then no claim of any region could be settled (the catalog
-- failed to load, with an error that did not name the parameter).  Such a value is now refused
-- where it is set.  (One stored before the upgrade is reported, naming the parameter, by each
-- settlement that needs it; the others settle.)
CREATE FUNCTION @extschema@.check_param_finite() RETURNS trigger
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
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_param_finite() IS
    'Refuses a region parameter value the engine cannot compute with (NaN, infinite, 1e9 or more)';

-- fires before validate_param_value (triggers fire in name order)
CREATE TRIGGER check_param_finite BEFORE INSERT OR UPDATE ON @extschema@.param_value
    FOR EACH ROW EXECUTE FUNCTION @extschema@.check_param_finite();
REVOKE ALL ON FUNCTION @extschema@.check_param_finite() FROM PUBLIC;

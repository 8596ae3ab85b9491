-- matins 0.1.0: who may change what.  Everyone reads the catalogs (granted in
-- 15_catalog_triggers.sql); the owner and the role matins_admin change them.  Shipped rows stay
-- protected by guard_catalog_row whoever writes.
DO $do$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'matins_admin') THEN
        CREATE ROLE matins_admin NOLOGIN;
    END IF;
END
$do$;

GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

REVOKE ALL ON FUNCTION @extschema@.set_param(text, text, numeric, date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.set_param(text, text, numeric, date, date, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.end_param(text, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.set_param(text, text, numeric, date, date) TO matins_admin;
GRANT EXECUTE ON FUNCTION @extschema@.set_param(text, text, numeric, date, date, text) TO matins_admin;
GRANT EXECUTE ON FUNCTION @extschema@.end_param(text, text, date) TO matins_admin;

-- the trigger functions run as triggers only
REVOKE ALL ON FUNCTION @extschema@.guard_catalog_row() FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.catalog_changed() FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.validate_param_value() FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.check_catalog_parent() FROM PUBLIC;

GRANT INSERT, UPDATE, DELETE ON
    @extschema@.param_value, @extschema@.param_limit, @extschema@.policy_constant,
    @extschema@.art_item, @extschema@.prenatal_package_item, @extschema@.prenatal_list_item,
    @extschema@.designated_hospital, @extschema@.benefit_quota, @extschema@.band_schedule,
    @extschema@.chronic_disease, @extschema@.special_disease, @extschema@.contribution_rate,
    @extschema@.leave_rule
    TO matins_admin;

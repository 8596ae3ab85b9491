-- matins 0.1.0: every catalog table gets the guard (shipped/local) and the change trigger, and is
-- readable by everyone.  Created before the shipped rows are inserted, so the guard marks them.
DO $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['region', 'policy', 'param_def', 'param_limit', 'param_value',
        'policy_constant', 'art_item', 'prenatal_package_item', 'prenatal_list_item',
        'designated_hospital', 'benefit_quota', 'band_schedule', 'chronic_disease',
        'special_disease', 'contribution_rate', 'leave_rule']
    LOOP
        EXECUTE format('CREATE TRIGGER guard_catalog_row BEFORE INSERT OR UPDATE OR DELETE ON %I.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION %I.guard_catalog_row()',
                       '@extschema@', t, '@extschema@');
        EXECUTE format('CREATE TRIGGER guard_catalog_truncate BEFORE TRUNCATE ON %I.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %I.guard_catalog_row()',
                       '@extschema@', t, '@extschema@');
        EXECUTE format('CREATE TRIGGER catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE'
                       ' ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION %I.catalog_changed()',
                       '@extschema@', t, '@extschema@');
        EXECUTE format('SELECT pg_catalog.pg_extension_config_dump(%L, %L)',
                       '@extschema@.' || t, 'WHERE NOT shipped');
        EXECUTE format('GRANT SELECT ON %I.%I TO PUBLIC', '@extschema@', t);
    END LOOP;
END
$do$;

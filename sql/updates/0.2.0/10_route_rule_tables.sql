-- matins 0.1.0 -> 0.2.0: the route catalog (which handler settles which claims under which
-- policy) and the rule catalog (where each rule id comes from, for matins_explain).

\echo Use "ALTER EXTENSION matins UPDATE TO '0.2.0'" to load this file. \quit

-- One row per benefit route of a policy.  A claim takes the first row (lowest seq) of its policy
-- whose conditions it meets; NULL conditions match anything.  A policy with no rows of its own
-- uses the rows of the policy it is based on.
CREATE TABLE @extschema@.route (
    policy       text NOT NULL REFERENCES @extschema@.policy (id),
    seq          int  NOT NULL CHECK (seq > 0),
    benefit      text NOT NULL CHECK (benefit IN ('prenatal', 'screening', 'delivery',
                     'family_planning', 'art', 'outpatient', 'chronic', 'special',
                     'day_surgery', 'inpatient')),
    setting      text CHECK (setting IN ('outpatient', 'inpatient')),
    scheme       text CHECK (scheme IN ('employee', 'resident')),
    person_types text[] CHECK (person_types <@ ARRAY['enterprise', 'public', 'flexible',
                     'unemployed', 'retiree', 'resident', 'spouse']),
    insured      boolean,
    procedures   text[] CHECK (procedures <@ ARRAY['iud_insert', 'iud_remove', 'abortion',
                     'medical_abortion', 'induced_labour', 'tubal_ligation', 'vas_ligation',
                     'tubal_reversal', 'vas_reversal', 'implant']),
    locations    text[] CHECK (locations <@ ARRAY['local', 'province', 'national']),
    -- the C function that computes the amounts (src/rules/*.c)
    handler      text NOT NULL CHECK (handler IN ('full', 'transfer',
                     'prenatal_cap', 'prenatal_package', 'prenatal_list', 'quota',
                     'employee_inpatient', 'resident_inpatient', 'resident_special',
                     'resident_outpatient', 'resident_chronic', 'art')),
    -- the route name reported in the settlement
    route        text NOT NULL CHECK (route ~ '^[a-z_]+(\.[a-z_]+)+$'),
    -- which fund pays: the maternity fund or the basic insurance pooled fund
    fund         text NOT NULL CHECK (fund IN ('maternity', 'pooled')),
    -- a share of the standard the route pays (LZ-SPO: 0.5), or the region parameter that holds it
    ratio        numeric(7,6) NOT NULL DEFAULT 1 CHECK (ratio > 0 AND ratio <= 1),
    ratio_param  text REFERENCES @extschema@.param_def (name),
    -- the yearly fund cap the payments count toward: a region parameter or a policy constant
    cap_param    text REFERENCES @extschema@.param_def (name),
    cap_constant text,
    -- where cost over that cap goes
    cap_transfer text CHECK (cap_transfer IN ('critical_illness', 'personal')),
    -- settle under the policy of this scope in force on the date (Jilin residents' delivery
    -- under the resident policy, JL24-DL)
    delegate_scope text CHECK (delegate_scope IN ('resident_medical')),
    source       text NOT NULL CHECK (source <> ''),
    shipped      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, seq, shipped),
    CHECK (cap_param IS NULL OR cap_constant IS NULL),
    CHECK ((cap_param IS NULL AND cap_constant IS NULL) = (cap_transfer IS NULL))
);
COMMENT ON TABLE @extschema@.route IS
    'Benefit routes of each policy: conditions on the claim, the handler that settles it, the fund, ratio and cap';

-- Every rule id with the document and article it comes from.
CREATE TABLE @extschema@.rule (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Z]{2}[0-9]{0,2}-[A-Z]+(-[0-9]+)?$'),
    policy      text REFERENCES @extschema@.policy (id),
    document    text NOT NULL CHECK (document <> ''),
    article     text NOT NULL CHECK (article <> ''),
    summary     text NOT NULL CHECK (summary <> ''),
    shipped     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.rule IS
    'Rule ids with the document and article each comes from (cited by notes and matins_explain)';

DO $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['route', 'rule']
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
GRANT INSERT, UPDATE, DELETE ON @extschema@.route TO matins_admin;

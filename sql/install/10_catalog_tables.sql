-- matins 0.1.0: the catalog tables.
--
-- Every table carries `source` (the rule id of ../shared/policy/rules.md that the row implements)
-- and `shipped`.  `shipped` is set by matins.guard_catalog_row(): true for rows written by the
-- extension's own scripts, false for every row a DBA adds.  Shipped rows cannot be changed outside
-- an extension script.  In the item, schedule, rate, constant, limit and leave catalogs (whose
-- keys include `shipped`) a DBA corrects a shipped row by adding a local row with the same key,
-- which takes precedence in every lookup; parameters are overridden by dated local values.
-- Regions, policies and parameter names are maintained by the extension's owner only.  pg_dump saves only the local rows (WHERE NOT shipped), so a restore
-- recreates the shipped rows through CREATE EXTENSION and then adds the local ones on top.

-- Regions by GB/T 2260 code.  '000000' stands for national rules (CN-*), the last step of every
-- fallback chain: county -> city -> province -> nation.
CREATE TABLE @extschema@.region (
    code      text PRIMARY KEY
              CONSTRAINT region_code_format CHECK (code ~ '^[0-9]{6}$'),
    name      text NOT NULL CHECK (name <> ''),
    level     text NOT NULL CHECK (level IN ('nation', 'province', 'city', 'county')),
    -- the region one level up; its existence is checked by matins.check_catalog_parent() (a
    -- self-referencing foreign key would make pg_dump warn about every dump)
    parent    text,
    source    text NOT NULL CHECK (source <> ''),
    shipped   boolean NOT NULL DEFAULT false,
    CONSTRAINT region_parent_shape CHECK (
        (level = 'nation'   AND code = '000000' AND parent IS NULL) OR
        (level = 'province' AND code ~ '^[1-9][0-9]0000$' AND parent = '000000') OR
        (level = 'city'     AND code ~ '^[1-9][0-9]{3}00$' AND code !~ '0000$'
                            AND parent = substr(code, 1, 2) || '0000') OR
        (level = 'county'   AND code !~ '00$' AND parent = substr(code, 1, 4) || '00'))
);
COMMENT ON TABLE @extschema@.region IS
    'GB/T 2260 regions the catalogs name; a code not listed falls back to its city, province and the nation by the structure of the code';

-- Policy documents (contract: Policies and parameters).
CREATE TABLE @extschema@.policy (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Z]{2}-([0-9]{4}|DRAFT)-[A-Z]{3}$'),
    region      text NOT NULL REFERENCES @extschema@.region (code),
    scope       text NOT NULL CHECK (scope IN ('maternity', 'resident_medical')),
    title       text NOT NULL CHECK (title <> ''),
    doc_number  text,
    issuer      text NOT NULL CHECK (issuer <> ''),
    status      text NOT NULL CHECK (status IN ('in_force', 'draft')),
    based_on    text,           -- another policy's id, checked by matins.check_catalog_parent()
    valid_from  date,
    valid_to    date,
    seed_file   text NOT NULL,
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    -- a draft has no dates (used only when named); a policy in force has a first day
    CONSTRAINT policy_dates CHECK (
        (status = 'draft' AND valid_from IS NULL AND valid_to IS NULL) OR
        (status = 'in_force' AND valid_from IS NOT NULL
                             AND (valid_to IS NULL OR valid_to >= valid_from))),
    -- two policies of one scope are never in force for one region on the same day
    CONSTRAINT policy_no_overlap EXCLUDE USING gist (
        region WITH =, scope WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&) WHERE (status = 'in_force')
);
COMMENT ON TABLE @extschema@.policy IS
    'Policy documents: the region they govern, their scope, status and validity (valid_to is the last day in force)';

-- Names of the region parameters (contract: Policies and parameters) and their general bounds.
CREATE TABLE @extschema@.param_def (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z_]+(\.[a-z_0-9]+)+$'),
    unit        text NOT NULL CHECK (unit IN ('yuan', 'ratio', 'months', 'days')),
    min_value   numeric NOT NULL,
    max_value   numeric,
    description text NOT NULL CHECK (description <> ''),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    CHECK (max_value IS NULL OR max_value >= min_value)
);
COMMENT ON TABLE @extschema@.param_def IS
    'Every region parameter name matins knows, with its unit and the bounds any value must respect';

-- Narrower bounds a document imposes on a parameter for its region (e.g. JL24-PN: at least 1000).
CREATE TABLE @extschema@.param_limit (
    region      text NOT NULL REFERENCES @extschema@.region (code),
    name        text NOT NULL REFERENCES @extschema@.param_def (name),
    min_value   numeric,
    max_value   numeric,
    allowed     numeric[],
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (region, name, shipped),
    CHECK (min_value IS NOT NULL OR max_value IS NOT NULL OR allowed IS NOT NULL),
    CHECK (max_value IS NULL OR min_value IS NULL OR max_value >= min_value)
);
COMMENT ON TABLE @extschema@.param_limit IS
    'Bounds a policy document sets on a region parameter for its region and the regions below it';

-- Dated values of region parameters, written by matins.set_param.
CREATE TABLE @extschema@.param_value (
    -- any GB/T 2260 code whose province matins knows (checked by matins.check_param_value)
    region      text NOT NULL
                CONSTRAINT param_value_region_format CHECK (region ~ '^[0-9]{6}$'),
    name        text NOT NULL REFERENCES @extschema@.param_def (name),
    value       numeric NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date,
    source      text NOT NULL CHECK (source <> ''),
    set_by      name NOT NULL DEFAULT current_user,
    set_at      timestamptz NOT NULL DEFAULT now(),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (region, name, valid_from, shipped),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    -- one value per region, name and day among the shipped rows, and one among the local rows
    CONSTRAINT param_value_no_overlap EXCLUDE USING gist (
        region WITH =, name WITH =, shipped WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&)
);
COMMENT ON TABLE @extschema@.param_value IS
    'Region parameters by validity period; a local row overrides a shipped row of the same region and day';

-- Numbers a policy document fixes for all its regions (caps, ratios, grants, periods).
CREATE TABLE @extschema@.policy_constant (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    name        text NOT NULL CHECK (name ~ '^[a-z_]+(\.[a-z_0-9]+)+$'),
    value       numeric NOT NULL CHECK (value >= 0),
    unit        text NOT NULL CHECK (unit IN ('yuan', 'ratio', 'months', 'days', 'count')),
    description text NOT NULL CHECK (description <> ''),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, name, shipped),
    CHECK (unit <> 'ratio' OR value <= 1)
);
COMMENT ON TABLE @extschema@.policy_constant IS
    'Numbers a policy document fixes itself (not left to the region): caps, ratios, grants, limits';

-- JL24-ART-4: the assisted-reproduction items and their maximum payment standards.
CREATE TABLE @extschema@.art_item (
    policy            text NOT NULL REFERENCES @extschema@.policy (id),
    code              text NOT NULL CHECK (code ~ '^[0-9]{9}$'),
    name              text NOT NULL CHECK (name <> ''),
    unit              text NOT NULL CHECK (unit IN ('procedure', 'embryo', 'egg')),
    price             numeric(12,2) NOT NULL CHECK (price > 0),
    surcharge_name    text,
    -- 'amount': a fixed sum; 'percent': a share of the price; 'per_extra_unit': a share of the
    -- price for each unit after the first
    surcharge_kind    text CHECK (surcharge_kind IN ('amount', 'percent', 'per_extra_unit')),
    surcharge_value   numeric(12,4) CHECK (surcharge_value > 0),
    surcharge_payable boolean,
    price_cap         numeric(12,2) CHECK (price_cap >= price),
    item_class        text NOT NULL DEFAULT 'B' CHECK (item_class IN ('A', 'B')),
    outpatient_only   boolean NOT NULL DEFAULT true,
    once_per_person   boolean NOT NULL DEFAULT true,
    indications       text[] CHECK (indications <@ ARRAY['monogenic', 'chromosomal']),
    note              text,
    source            text NOT NULL CHECK (source <> ''),
    shipped           boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, code, shipped),
    CHECK ((surcharge_kind IS NULL) = (surcharge_value IS NULL)
       AND (surcharge_kind IS NULL) = (surcharge_payable IS NULL)
       AND (surcharge_kind IS NULL) = (surcharge_name IS NULL)),
    CHECK (surcharge_kind IS DISTINCT FROM 'percent' OR surcharge_value <= 1),
    CHECK (surcharge_kind IS DISTINCT FROM 'per_extra_unit' OR surcharge_value <= 1)
);
COMMENT ON TABLE @extschema@.art_item IS
    'Assisted-reproduction service items in the basic medical insurance catalog, with price, surcharge and payment limits';

-- NM-PN: the prenatal basic service package with base counts per pregnancy.
CREATE TABLE @extschema@.prenatal_package_item (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    code        text NOT NULL CHECK (code ~ '^NMPN[0-9]{2}$'),
    seq         int  NOT NULL CHECK (seq BETWEEN 1 AND 99),
    name        text NOT NULL CHECK (name <> ''),
    base_count  int  NOT NULL CHECK (base_count > 0),
    -- items that are alternatives share one count: the pair's code and the pair's count
    alt_group   text CHECK (alt_group ~ '^NMPN[0-9]{2}/[0-9]{2}$'),
    group_count int  CHECK (group_count > 0),
    note        text,
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, code, shipped),
    CHECK ((alt_group IS NULL) = (group_count IS NULL))
);
COMMENT ON TABLE @extschema@.prenatal_package_item IS
    'Items of a prenatal service package with their base count per pregnancy and alternative pairs';

-- WZ-LIST: the prenatal item list by visit (1-12) and the optional items (visit NULL).
CREATE TABLE @extschema@.prenatal_list_item (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    visit       int  CHECK (visit BETWEEN 1 AND 12),
    seq         int  NOT NULL CHECK (seq > 0),
    name        text NOT NULL CHECK (name <> ''),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, seq, shipped)
);
CREATE UNIQUE INDEX prenatal_list_item_visit_name
    ON @extschema@.prenatal_list_item (policy, coalesce(visit, 0), name, shipped);
COMMENT ON TABLE @extschema@.prenatal_list_item IS
    'Prenatal items a policy covers, by visit (NULL: optional items of any visit)';

-- LZ-SCR and similar: institutions a benefit is limited to.
CREATE TABLE @extschema@.designated_hospital (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    benefit     text NOT NULL CHECK (benefit IN ('prenatal', 'screening', 'delivery',
                    'family_planning', 'art', 'outpatient', 'chronic', 'special',
                    'day_surgery', 'inpatient')),
    hospital    text NOT NULL CHECK (hospital <> ''),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, benefit, hospital, shipped)
);
COMMENT ON TABLE @extschema@.designated_hospital IS
    'Institutions where a benefit of a policy is paid (matched on the claim''s hospital)';

-- LZ-FPO, LZ-SCR: fixed reimbursement amounts per procedure or benefit.
CREATE TABLE @extschema@.benefit_quota (
    policy       text NOT NULL REFERENCES @extschema@.policy (id),
    benefit      text NOT NULL CHECK (benefit IN ('screening', 'family_planning')),
    setting      text NOT NULL CHECK (setting IN ('outpatient', 'inpatient')),
    procedure    text NOT NULL DEFAULT '' CHECK (procedure IN ('', 'iud_insert', 'iud_remove',
                     'abortion', 'medical_abortion', 'induced_labour', 'tubal_ligation',
                     'vas_ligation', 'tubal_reversal', 'vas_reversal', 'implant')),
    quota        numeric(12,2) NOT NULL CHECK (quota > 0),
    min_level    smallint CHECK (min_level BETWEEN 1 AND 3),
    designated_only boolean NOT NULL DEFAULT false,
    per          text NOT NULL CHECK (per IN ('claim', 'pregnancy')),
    source       text NOT NULL CHECK (source <> ''),
    shipped      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, benefit, setting, procedure, shipped)
);
COMMENT ON TABLE @extschema@.benefit_quota IS
    'Fixed amounts a policy pays for a benefit or procedure: min(in-scope cost, quota)';

-- JL19-IP: ratio bands on the year's cumulative in-scope position, by hospital level.
CREATE TABLE @extschema@.band_schedule (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    scheme      text NOT NULL CHECK (scheme IN ('employee', 'resident')),
    level       smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
    lower_bound numeric(12,2) NOT NULL CHECK (lower_bound >= 0),
    upper_bound numeric(12,2) CHECK (upper_bound > lower_bound),
    ratio       numeric(5,4) NOT NULL CHECK (ratio > 0 AND ratio <= 1),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, scheme, level, lower_bound, shipped),
    CONSTRAINT band_schedule_no_overlap EXCLUDE USING gist (
        policy WITH =, scheme WITH =, level WITH =, shipped WITH =,
        numrange(lower_bound, upper_bound, '(]') WITH &&)
);
COMMENT ON TABLE @extschema@.band_schedule IS
    'Fund ratio by band of the calendar year''s cumulative in-scope amount (bounds in yuan, lower exclusive)';

-- JL19-CH: chronic outpatient diseases with the yearly policy-scope quota and fund maximum.
CREATE TABLE @extschema@.chronic_disease (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    code        text NOT NULL CHECK (code ~ '^CH[0-9]{2}$'),
    name        text NOT NULL CHECK (name <> ''),
    quota       numeric(12,2) NOT NULL CHECK (quota > 0),
    fund_max    numeric(12,2) NOT NULL CHECK (fund_max > 0 AND fund_max <= quota),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, code, shipped)
);
COMMENT ON TABLE @extschema@.chronic_disease IS
    'Chronic outpatient diseases: yearly policy-scope cost quota and fund maximum per disease';

-- JL19-SP: special outpatient diseases.
CREATE TABLE @extschema@.special_disease (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    code        text NOT NULL CHECK (code ~ '^SP[0-9]{2}$'),
    name        text NOT NULL CHECK (name <> ''),
    -- 'bands': paid as inpatient (JL19-IP bands); 'no_rule': governed by a document matins does
    -- not implement, so a claim is an error
    treatment   text NOT NULL CHECK (treatment IN ('bands', 'no_rule')),
    note        text,
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, code, shipped)
);
COMMENT ON TABLE @extschema@.special_disease IS
    'Special outpatient diseases and how a claim for each is paid';

-- LZ-CON, NM-CON: contribution rates by person type.
CREATE TABLE @extschema@.contribution_rate (
    policy      text NOT NULL REFERENCES @extschema@.policy (id),
    person_type text NOT NULL CHECK (person_type IN ('enterprise', 'public', 'flexible',
                    'unemployed', 'retiree', 'resident', 'spouse')),
    payer       text NOT NULL CHECK (payer IN ('employer', 'person', 'unemployment_fund')),
    -- 'medical_maternity': combined medical + maternity rate; 'maternity': maternity only
    covers      text NOT NULL CHECK (covers IN ('medical_maternity', 'maternity')),
    -- of what the rate is taken
    basis       text NOT NULL CHECK (basis IN ('contribution_base', 'last_year_total_wages')),
    rate        numeric(7,6) CHECK (rate >= 0 AND rate < 1),
    min_rate    numeric(7,6) CHECK (min_rate >= 0 AND min_rate < 1),
    max_rate    numeric(7,6) CHECK (max_rate >= 0 AND max_rate < 1),
    -- a region parameter that holds the rate when the document gives only a range
    param_name  text REFERENCES @extschema@.param_def (name),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (policy, person_type, shipped),
    CHECK (rate IS NOT NULL OR (min_rate IS NOT NULL AND max_rate IS NOT NULL AND param_name IS NOT NULL)),
    CHECK (min_rate IS NULL OR max_rate IS NULL OR min_rate <= max_rate)
);
COMMENT ON TABLE @extschema@.contribution_rate IS
    'Contribution rates by person type: a fixed rate, or a range whose value is a region parameter';

-- CN-ML, ZJ-ML, GS-ML, JL-ML: leave days that the allowance pays for.
CREATE TABLE @extschema@.leave_rule (
    region      text NOT NULL REFERENCES @extschema@.region (code),
    event       text NOT NULL CHECK (event IN ('birth', 'termination', 'paternity')),
    -- 'base': the leave of the event; 'dystocia': added for a difficult birth;
    -- 'per_extra_infant': added for each infant after the first
    component   text NOT NULL CHECK (component IN ('base', 'dystocia', 'per_extra_infant')),
    birth_order int4range NOT NULL DEFAULT '[1,)',
    gestation_months int4range NOT NULL DEFAULT '[0,)',
    days        int NOT NULL CHECK (days > 0 AND days <= 366),
    document    text NOT NULL CHECK (document <> ''),
    source      text NOT NULL CHECK (source <> ''),
    shipped     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (region, event, component, birth_order, gestation_months, shipped),
    CHECK (lower(birth_order) >= 1 AND lower(gestation_months) >= 0),
    CHECK (event = 'termination' OR gestation_months = '[0,)'),
    CHECK (event = 'birth' OR component = 'base'),
    CONSTRAINT leave_rule_no_overlap EXCLUDE USING gist (
        region WITH =, event WITH =, component WITH =, shipped WITH =,
        birth_order WITH &&, gestation_months WITH &&)
);
COMMENT ON TABLE @extschema@.leave_rule IS
    'Leave days by jurisdiction, event and component; a region without a row for a component uses the next region up';

-- matins 0.1.0: constructors of the contract's composite types (pure: IMMUTABLE).

-- contract: a claim from named arguments; amounts default to 0, location to 'local',
-- maternity_insured to true, pregnancy_id to person_id, and total to the sum of the lines' amounts
CREATE FUNCTION @extschema@.make_claim(
    claim_id bigint DEFAULT NULL, person_id bigint DEFAULT NULL, pregnancy_id bigint DEFAULT NULL,
    region text DEFAULT NULL, service_date date DEFAULT NULL,
    scheme text DEFAULT NULL, person_type text DEFAULT NULL, maternity_insured boolean DEFAULT true,
    benefit text DEFAULT NULL, setting text DEFAULT NULL, procedure text DEFAULT NULL,
    disease text DEFAULT NULL, hospital_level integer DEFAULT NULL, hospital text DEFAULT NULL,
    location text DEFAULT 'local', referral text DEFAULT NULL,
    total numeric DEFAULT NULL, self_pay numeric DEFAULT 0, over_limit numeric DEFAULT 0,
    class_b numeric DEFAULT 0, lines @extschema@.claim_line[] DEFAULT NULL)
    RETURNS @extschema@.claim
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    c @extschema@.claim;
BEGIN
    IF hospital_level IS NOT NULL AND hospital_level NOT BETWEEN 0 AND 9 THEN
        RAISE EXCEPTION 'hospital_level % is not a hospital level', hospital_level
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use 1, 2 or 3: the level the fund settles the institution at.';
    END IF;
    c.claim_id := claim_id;
    c.person_id := person_id;
    c.pregnancy_id := coalesce(pregnancy_id, person_id);
    c.region := region;
    c.service_date := service_date;
    c.scheme := scheme;
    c.person_type := person_type;
    c.maternity_insured := maternity_insured;
    c.benefit := benefit;
    c.setting := setting;
    c.procedure := procedure;
    c.disease := disease;
    c.hospital_level := hospital_level::smallint;
    c.hospital := hospital;
    c.location := location;
    c.referral := referral;
    c.total := coalesce(total, (SELECT sum(l.amount) FROM unnest(lines) l), 0);
    c.self_pay := self_pay;
    c.over_limit := over_limit;
    c.class_b := class_b;
    c.lines := lines;
    RETURN c;
END
$fn$;
COMMENT ON FUNCTION @extschema@.make_claim(bigint, bigint, bigint, text, date, text, text, boolean,
    text, text, text, text, integer, text, text, text, numeric, numeric, numeric, numeric,
    @extschema@.claim_line[]) IS
    'Builds a matins.claim from named arguments with sensible defaults';

-- contract: a maternity event from named arguments
CREATE FUNCTION @extschema@.make_event(
    person_id bigint DEFAULT NULL, region text DEFAULT NULL, event text DEFAULT 'birth',
    event_date date DEFAULT NULL, person_type text DEFAULT 'enterprise',
    maternity_insured boolean DEFAULT true, gestation_months integer DEFAULT NULL,
    infants integer DEFAULT 1, dystocia boolean DEFAULT false, birth_order integer DEFAULT 1,
    unit_avg_wage numeric DEFAULT NULL, claim_date date DEFAULT NULL,
    employer_arrears boolean DEFAULT false,
    contributions @extschema@.contribution[] DEFAULT NULL)
    RETURNS @extschema@.event
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
RETURN ROW(person_id, region, event, event_date, person_type, maternity_insured, gestation_months,
           infants, dystocia, birth_order, unit_avg_wage, claim_date, employer_arrears,
           contributions)::@extschema@.event;
COMMENT ON FUNCTION @extschema@.make_event(bigint, text, text, date, text, boolean, integer,
    integer, boolean, integer, numeric, date, boolean, @extschema@.contribution[]) IS
    'Builds a matins.event from named arguments with sensible defaults';

-- contract: every month from first_month to last_month paid on time at one base
CREATE FUNCTION @extschema@.contribution_series(region text, first_month date, last_month date,
                                                base numeric, person_type text DEFAULT 'enterprise')
    RETURNS @extschema@.contribution[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    PERFORM @extschema@.region_chain(region);
    IF first_month IS NULL OR last_month IS NULL THEN
        RAISE EXCEPTION 'first_month and last_month must not be null'
            USING ERRCODE = 'null_value_not_allowed', HINT = 'Give the first days of two months.';
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
    IF base IS NULL OR base < 0 THEN
        RAISE EXCEPTION 'contribution base % is not a non-negative amount', coalesce(base::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Give the monthly contribution base in yuan.';
    END IF;
    RETURN ARRAY(
        SELECT ROW(m::date, region, true, NULL::date, base, person_type)::@extschema@.contribution
        FROM generate_series(first_month, last_month, interval '1 month') AS m
        ORDER BY m);
END
$fn$;
COMMENT ON FUNCTION @extschema@.contribution_series(text, date, date, numeric, text) IS
    'Contribution months from first_month to last_month, all paid on time at one base';

-- Helpers shared by the settlement tests (temporary functions of the test session), included
-- with \ir by test/settle_*.sql and test/explain_nhsa.sql.

-- helpers (temporary, this session only)
-- the fields of a settlement named in `e`, plus "identities": the contract's three identities and
-- fund_total = maternity_fund + pooled_fund; "has_notes": the notes contain these (any order)
CREATE FUNCTION pg_temp.got(s matins.settlement, e jsonb) RETURNS jsonb LANGUAGE sql AS $$
    SELECT jsonb_object_agg(k, CASE
        WHEN k = 'identities' THEN to_jsonb(
                 s.total = s.self_pay + s.over_limit + s.pre_self_pay + s.in_scope
             AND s.in_scope = s.deductible + s.copay + s.over_cap + s.fund_total
             AND s.personal = s.total - s.fund_total
             AND s.fund_total = s.maternity_fund + s.pooled_fund)
        WHEN k = 'has_notes' THEN CASE WHEN to_jsonb(s.notes) @> (e -> 'has_notes')
                                       THEN e -> 'has_notes' ELSE to_jsonb(s.notes) END
        ELSE to_jsonb(s) -> k END)
    FROM jsonb_object_keys(e || '{"identities": true}') AS k
$$;
-- one test: the settlement has the expected fields (and its identities hold)
CREATE FUNCTION pg_temp.settles(s matins.settlement, e jsonb, description text) RETURNS text
    LANGUAGE sql AS $$
    SELECT is(pg_temp.got(s, e), e || '{"identities": true}', description)
$$;
-- a person's claims settled in one window, as matins_settle_run is meant to be used
CREATE FUNCTION pg_temp.run(claims matins.claim[], policy text DEFAULT NULL)
    RETURNS SETOF matins.settlement LANGUAGE sql AS $$
    SELECT s FROM (
        SELECT matins_settle_run(c) OVER w AS s, c
        FROM (SELECT unnest(claims) AS c) AS u
        WHERE policy IS NULL
        WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id)
        UNION ALL
        SELECT matins_settle_run(c, policy) OVER w AS s, c
        FROM (SELECT unnest(claims) AS c) AS u
        WHERE policy IS NOT NULL
        WINDOW w AS (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id)) AS r
    ORDER BY (c).person_id, (c).service_date, (c).claim_id
$$;
-- the settlement of one claim of such a run
CREATE FUNCTION pg_temp.run_one(claims matins.claim[], id bigint, policy text DEFAULT NULL)
    RETURNS matins.settlement LANGUAGE sql AS $$
    SELECT s FROM pg_temp.run(claims, policy) AS s WHERE s.claim_id = id
$$;
-- a claim with the defaults these tests use (scheme from the person type); IMMUTABLE so that it
-- is inlined and folded like matins.make_claim itself
CREATE FUNCTION pg_temp.c(claim_id bigint, region text, service_date date, benefit text,
    total numeric DEFAULT NULL, person_type text DEFAULT 'enterprise', scheme text DEFAULT NULL,
    person_id bigint DEFAULT 1, pregnancy_id bigint DEFAULT NULL,
    maternity_insured boolean DEFAULT true, setting text DEFAULT NULL,
    procedure text DEFAULT NULL, disease text DEFAULT NULL, hospital_level integer DEFAULT NULL,
    hospital text DEFAULT NULL, location text DEFAULT 'local', referral text DEFAULT NULL,
    self_pay numeric DEFAULT 0, over_limit numeric DEFAULT 0, class_b numeric DEFAULT 0,
    lines matins.claim_line[] DEFAULT NULL)
    RETURNS matins.claim LANGUAGE sql IMMUTABLE AS $$
    SELECT matins.make_claim(claim_id => claim_id, person_id => person_id,
        pregnancy_id => pregnancy_id, region => region, service_date => service_date,
        scheme => coalesce(scheme, CASE person_type WHEN 'resident' THEN 'resident' ELSE 'employee' END),
        person_type => person_type, maternity_insured => maternity_insured, benefit => benefit,
        setting => setting, procedure => procedure, disease => disease,
        hospital_level => hospital_level, hospital => hospital, location => location,
        referral => referral, total => total, self_pay => self_pay, over_limit => over_limit,
        class_b => class_b, lines => lines)
$$;
-- an item line
CREATE FUNCTION pg_temp.l(item_code text, quantity numeric, amount numeric,
    surcharge numeric DEFAULT 0, indication text DEFAULT NULL, item_class text DEFAULT NULL)
    RETURNS matins.claim_line LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(item_code, item_class, quantity, amount, surcharge, indication)::matins.claim_line
$$;

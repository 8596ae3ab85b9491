-- pgTAP: bad input.  Every case is an error with SQLSTATE class 22 (22023 invalid_parameter_value,
-- 22004 null_value_not_allowed, 22003 for bounds) and the exact message, which names the field
-- and value; every error also carries a hint.  Never a silent 0.  Descriptions start with the
-- rule id of the route the claim is meant for.
BEGIN;
SET search_path = "$user", public, matins;
SELECT plan(82);

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

-- the bad inputs: the statement, the SQLSTATE and the exact message
CREATE TEMP TABLE bad (n int PRIMARY KEY, q text, state text, message text, description text);
INSERT INTO bad VALUES
 (1, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, scheme => 'worker'))$$,
  '22023', 'unknown scheme "worker"',
  'JL24-DL: an unknown scheme is an error naming it'),
 (2, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, person_type => 'student', scheme => 'employee'))$$,
  '22023', 'unknown person_type "student"',
  'JL24-DL: an unknown person_type is an error naming it'),
 (3, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'dental', 100))$$,
  '22023', 'unknown benefit "dental"',
  'JL24-SC: an unknown benefit is an error naming it'),
 (4, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, setting => 'home'))$$,
  '22023', 'unknown setting "home"',
  'JL24-DL: an unknown setting is an error naming it'),
 (5, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'family_planning', 100, procedure => 'vasectomy'))$$,
  '22023', 'unknown procedure "vasectomy"',
  'JL24-FP: an unknown procedure is an error naming it'),
 (6, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, location => 'abroad'))$$,
  '22023', 'unknown location "abroad"',
  'JL24-DL: an unknown location is an error naming it'),
 (7, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'inpatient', 100, person_type => 'resident', hospital_level => 2, referral => 'sideways'))$$,
  '22023', 'unknown referral "sideways"',
  'JL19-IP: an unknown referral is an error naming it'),
 (8, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'inpatient', NULL, person_type => 'resident', hospital_level => 2, lines => ARRAY[pg_temp.l('X', 1, 100, item_class => 'C')]))$$,
  '22023', 'unknown lines[1].item_class "C"',
  'JL19-B: an unknown item_class is an error naming the line'),
 (9, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600008', 1, 1500, 0, 'mitochondrial')]))$$,
  '22023', 'unknown lines[1].indication "mitochondrial"',
  'JL24-ART-4: an unknown indication is an error naming the line'),
 (10, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', -1))$$,
  '22023', 'claim field total = -1.00 is negative',
  'JL24-DL: a negative total is an error'),
 (11, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, self_pay => -5))$$,
  '22023', 'claim field self_pay = -5.00 is negative',
  'JL24-DL: a negative self_pay is an error'),
 (12, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, over_limit => -0.01))$$,
  '22023', 'claim field over_limit = -0.01 is negative',
  'JL24-DL: a negative over_limit is an error'),
 (13, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, class_b => -20))$$,
  '22023', 'claim field class_b = -20.00 is negative',
  'JL24-DL: a negative class_b is an error'),
 (14, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 90, lines => ARRAY[pg_temp.l('X', 1, -10, item_class => 'A'), pg_temp.l('Y', 1, 100, item_class => 'A')]))$$,
  '22023', 'claim field lines[1].amount = -10.00 is negative',
  'JL24-DL: a negative line amount is an error naming the line'),
 (15, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600002', 1, 4050, -1)]))$$,
  '22023', 'claim field lines[1].surcharge = -1.00 is negative',
  'JL24-ART-4: a negative surcharge is an error naming the line'),
 (16, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100.005))$$,
  '22023', 'claim field total = 100.005 is not an amount in yuan exact to the fen',
  'JL24-DL: a total with a third decimal is an error, never rounded'),
 (17, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, self_pay => 1.001))$$,
  '22023', 'claim field self_pay = 1.001 is not an amount in yuan exact to the fen',
  'JL24-DL: a self_pay with a third decimal is an error'),
 (18, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 20, lines => ARRAY[pg_temp.l('X', 1, 10.125, item_class => 'A'), pg_temp.l('Y', 1, 9.875, item_class => 'A')]))$$,
  '22023', 'claim field lines[1].amount = 10.125 is not an amount in yuan exact to the fen',
  'JL24-DL: a line amount with a third decimal is an error'),
 (19, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 'NaN'))$$,
  '22023', 'claim field total = NaN is not an amount in yuan exact to the fen',
  'JL24-DL: a NaN total is an error'),
 (20, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, self_pay => 60, over_limit => 30, class_b => 20))$$,
  '22023', 'claim parts self_pay 60.00 + over_limit 30.00 + class_b 20.00 are larger than total 100.00',
  'JL24-DL: parts larger than the total are an error'),
 (21, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 310, lines => ARRAY[pg_temp.l('X', 1, 100, item_class => 'A'), pg_temp.l('Y', 1, 200, item_class => 'B')]))$$,
  '22023', 'claim lines add up to 300.00 but total = 310.00',
  'JL24-DL: lines that do not add up to the total are an error'),
 (22, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600002', 1, 1000, 1300)]))$$,
  '22023', 'claim field lines[1].surcharge = 1300.00 is larger than the line amount 1000.00',
  'JL24-ART-4: a surcharge larger than its line is an error'),
 (23, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600009', 0, 600)]))$$,
  '22023', 'claim field lines[1].quantity = 0 is not a whole quantity of at least 1',
  'JL24-ART-4: a quantity of 0 is an error'),
 (24, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600012', 1.5, 4500)]))$$,
  '22023', 'claim field lines[1].quantity = 1.5 is not a whole quantity of at least 1',
  'JL24-ART-4: a fractional quantity is an error'),
 (25, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', 600, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600009', 1, 600), NULL]))$$,
  '22004', 'claim line 2 is null',
  'JL24-ART-4: a null line is an error naming it'),
 (26, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l(NULL, 1, 600)]))$$,
  '22004', 'claim field lines[1].item_code must not be null',
  'JL24-ART-4: a line without item_code is an error'),
 (27, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', 600, person_type => 'resident', hospital_level => 3))$$,
  '22004', 'claim field lines must not be empty for an ART claim',
  'JL24-ART-3: an ART claim without lines is an error'),
 (28, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', 600, person_type => 'resident', hospital_level => 3, lines => '{}'))$$,
  '22004', 'claim field lines must not be empty for an ART claim',
  'JL24-ART-3: an ART claim with an empty lines array is an error'),
 (29, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'chronic', 600, person_type => 'resident'))$$,
  '22004', 'claim field disease must not be null for a chronic outpatient claim',
  'JL19-CH: a chronic claim without disease is an error'),
 (30, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600009', 1, 600), pg_temp.l('311699999', 1, 600)]))$$,
  '22023', 'unknown item code "311699999" in claim line 2',
  'JL24-ART-4: an unknown ART item code is an error naming it and its line'),
 (31, $$SELECT matins_settle(pg_temp.c(1, '150000', '2026-04-15', 'prenatal', NULL, lines => ARRAY[pg_temp.l('NMPN38', 1, 60)]))$$,
  '22023', 'unknown item code "NMPN38" in claim line 1',
  'NM-PN: an unknown package item code is an error naming it'),
 (32, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'inpatient', 1000, person_type => 'resident', hospital_level => 3))$$,
  '22023', 'region parameter "resident.inpatient.deductible.l3" is not set for region 220000 on 2025-03-01',
  'JL19-IP: an unset deductible is an error naming the parameter, region and date'),
 (33, $$SELECT matins_settle(pg_temp.c(1, '220102', '2025-03-01', 'chronic', 1000, person_type => 'resident', disease => 'CH01'))$$,
  '22023', 'region parameter "resident.chronic.deductible" is not set for region 220102 on 2025-03-01',
  'JL19-CH: an unset parameter is an error naming the claim''s own region'),
 (34, $$SELECT matins_settle(pg_temp.c(1, '330300', '2026-02-01', 'delivery', 1000))$$,
  '22023', 'no policy is in force for region 330300 on 2026-02-01',
  'WZ-PN: no policy is in force in Wenzhou (the draft only when named)'),
 (35, $$SELECT matins_settle(pg_temp.c(1, '220000', '2019-12-31', 'inpatient', 1000, person_type => 'resident', hospital_level => 2))$$,
  '22023', 'no policy is in force for region 220000 on 2019-12-31',
  'JL19-IP: no Jilin policy before 2020-01-01'),
 (36, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 1000), 'XX-2020')$$,
  '22023', 'unknown policy "XX-2020"',
  'JL24-DL: an unknown policy name is an error naming it'),
 (37, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 1000), 'LZ-2025-MAT')$$,
  '22023', 'policy "LZ-2025-MAT" governs region 620100, not the claim''s region 220000',
  'LZ-IP: a named policy of another region is an error'),
 (38, $$SELECT matins_settle(pg_temp.c(1, '150000', '2026-05-01', 'delivery', 1000), 'BT-2026-MAT')$$,
  '22023', 'policy "BT-2026-MAT" governs region 150200, not the claim''s region 150000',
  'NM-IP: a city''s policy cannot be named for its province'),
 (39, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 1000, person_type => 'spouse'))$$,
  '22023', 'no rule settles benefit delivery for a employee spouse (inpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL24-DL: a spouse in Jilin has no rule (no seed covers it)'),
 (40, $$SELECT matins_settle(pg_temp.c(1, '620100', '2025-09-01', 'inpatient', 1000, person_type => 'resident', hospital_level => 2))$$,
  '22023', 'no rule settles benefit inpatient for a resident resident (inpatient, procedure none, location local) under LZ-2025-MAT',
  'LZ-IP: a resident''s inpatient stay in Lanzhou has no rule'),
 (41, $$SELECT matins_settle(pg_temp.c(1, '620100', '2025-09-01', 'art', NULL, hospital_level => 3, lines => ARRAY[pg_temp.l('311600009', 1, 600)]))$$,
  '22023', 'no rule settles benefit art for a employee enterprise (outpatient, procedure none, location local) under LZ-2025-MAT',
  'JL24-ART-1: ART in Lanzhou has no rule'),
 (42, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, setting => 'inpatient', person_type => 'resident', hospital_level => 3, lines => ARRAY[pg_temp.l('311600009', 1, 600)]))$$,
  '22023', 'no rule settles benefit art for a resident resident (inpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL24-ART-4: ART items are outpatient only'),
 (43, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'outpatient', 1000, hospital_level => 1))$$,
  '22023', 'no rule settles benefit outpatient for a employee enterprise (outpatient, procedure none, location local) under JL-2024-MAT or JL-2019-RES',
  'JL19-OP: an employee''s general outpatient care in Jilin has no rule'),
 (44, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'inpatient', 1000, person_type => 'resident'))$$,
  '22004', 'claim field hospital_level must not be null for route resident.inpatient',
  'JL19-IP: an inpatient claim without hospital_level is an error'),
 (45, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'art', NULL, person_type => 'resident', lines => ARRAY[pg_temp.l('311600009', 1, 600)]))$$,
  '22004', 'claim field hospital_level must not be null for route basic.art',
  'JL24-ART-2: an ART claim without hospital_level is an error'),
 (46, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'outpatient', 1000, person_type => 'resident'))$$,
  '22004', 'claim field hospital_level must not be null for route resident.outpatient',
  'JL19-OP: a general outpatient claim without hospital_level is an error'),
 (47, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 1000, hospital_level => 4))$$,
  '22023', 'claim field hospital_level = 4 is not a hospital level',
  'JL19-IP: hospital_level 4 is an error'),
 (48, $$SELECT matins.make_claim(claim_id => 1, hospital_level => 10)$$,
  '22023', 'hospital_level 10 is not a hospital level',
  'JL19-IP: make_claim refuses hospital_level 10'),
 (49, $$SELECT matins_settle_run(c) OVER (ORDER BY (c).claim_id) FROM unnest(ARRAY[pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100, person_id => 1), pg_temp.c(2, '220000', '2025-03-02', 'delivery', 100, person_id => 2)]) AS c$$,
  '22023', 'matins_settle_run got claims of persons 1 and 2 in one window',
  'JL19-IP: matins_settle_run with two persons in one window is an error'),
 (50, $$SELECT matins_settle_run(c) OVER (ORDER BY (c).claim_id) FROM unnest(ARRAY[pg_temp.c(1, '220000', '2026-03-01', 'delivery', 100), pg_temp.c(2, '220000', '2025-03-02', 'delivery', 100)]) AS c$$,
  '22023', 'claim of year 2025 comes after a claim of year 2026',
  'JL19-IP: matins_settle_run over claims not in date order is an error'),
 (51, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"prenatal_used": 100}'::jsonb)$$,
  '22023', 'prior key "prenatal_used" is not a known key',
  'JL24-PN: an unknown prior key is an error naming it'),
 (52, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '[1, 2]'::jsonb)$$,
  '22023', 'prior must be a jsonb object',
  'JL24-PN: a prior that is not an object is an error'),
 (53, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"prenatal_paid": "600"}'::jsonb)$$,
  '22023', 'prior key "prenatal_paid" must be a number',
  'JL24-PN: a prior amount that is not a number is an error'),
 (54, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"prenatal_paid": -1}'::jsonb)$$,
  '22023', 'prior key "prenatal_paid" must be a non-negative amount exact to the fen',
  'JL24-PN: a negative prior amount is an error'),
 (55, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"inpatient_position": 1.005}'::jsonb)$$,
  '22023', 'prior key "inpatient_position" must be a non-negative amount exact to the fen',
  'JL19-IP: a prior amount with a third decimal is an error'),
 (56, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"chronic": {"CH99": {"in_scope": 1}}}'::jsonb)$$,
  '22023', 'prior key "chronic" has an unknown disease "CH99" (expected CH01..CH23)',
  'JL19-CH: an unknown disease in prior chronic is an error'),
 (57, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"chronic": {"CH01": {"quota": 1}}}'::jsonb)$$,
  '22023', 'prior key "chronic" has an unknown field "quota" (expected in_scope, fund_paid, deductible_paid)',
  'JL19-CH: an unknown field in prior chronic is an error'),
 (58, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"package_counts": {"NMPN99": 1}}'::jsonb)$$,
  '22023', 'prior key "package_counts" has an unknown item "NMPN99"',
  'NM-PN: an unknown item in prior package_counts is an error'),
 (59, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"package_counts": {"NMPN01": 1.5}}'::jsonb)$$,
  '22023', 'prior key "package_counts" must hold whole counts',
  'NM-PN: a fractional prior package count is an error'),
 (60, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"screening_used": 1}'::jsonb)$$,
  '22023', 'prior key "screening_used" must be true or false',
  'LZ-SCR: a prior screening_used that is not boolean is an error'),
 (61, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"art_items_used": "311600001"}'::jsonb)$$,
  '22023', 'prior key "art_items_used" must be an array of item codes',
  'JL24-ART-4: a prior art_items_used that is not an array is an error'),
 (62, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"art_items_used": [311600001]}'::jsonb)$$,
  '22023', 'prior key "art_items_used" must hold item codes as strings',
  'JL24-ART-4: prior art_items_used holding numbers is an error'),
 (63, $$SELECT matins_settle(pg_temp.c(1, '22', '2025-03-01', 'delivery', 100))$$,
  '22023', 'invalid region code "22"',
  'JL24-DL: an invalid region code is an error naming it'),
 (64, $$SELECT matins_settle(pg_temp.c(1, '110000', '2025-03-01', 'delivery', 100))$$,
  '22023', 'region "110000" is not covered by matins',
  'JL24-DL: a region no seed covers is an error naming it'),
 (65, $$SELECT matins_settle(pg_temp.c(1, NULL, '2025-03-01', 'delivery', 100))$$,
  '22004', 'claim field region must not be null',
  'JL24-DL: a claim without region is an error'),
 (66, $$SELECT matins_settle(pg_temp.c(1, '220000', NULL, 'delivery', 100))$$,
  '22004', 'claim field service_date must not be null',
  'JL24-DL: a claim without service_date is an error'),
 (67, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', NULL, 100))$$,
  '22004', 'claim field benefit must not be null',
  'JL24-DL: a claim without benefit is an error'),
 (68, $$SELECT matins_settle(ROW(1, 1, 1, '220000', '2025-03-01', NULL, 'enterprise', true, 'delivery', NULL, NULL, NULL, 3, NULL, 'local', NULL, 100, 0, 0, 0, NULL)::matins.claim)$$,
  '22004', 'claim field scheme must not be null',
  'JL24-DL: a claim without scheme is an error'),
 (69, $$SELECT matins_settle(ROW(1, 1, 1, '220000', '2025-03-01', 'employee', 'enterprise', true, 'delivery', NULL, NULL, NULL, 3, NULL, 'local', NULL, NULL, 0, 0, 0, NULL)::matins.claim)$$,
  '22004', 'claim field total must not be null',
  'JL24-DL: a claim without total is an error'),
 (70, $$SELECT matins_settle(pg_temp.c(1, '220000', 'infinity', 'delivery', 100))$$,
  '22023', 'claim field service_date must be a finite date',
  'JL24-DL: an infinite service_date is an error'),
 (71, $$SELECT matins_settle_run(c) OVER () FROM (VALUES (NULL::matins.claim)) v(c)$$,
  '22004', 'matins_settle_run got a null claim',
  'JL24-DL: matins_settle_run with a null claim is an error'),
 (72, $$SELECT * FROM matins_explain(pg_temp.c(1, '220000', '2025-03-01', 'delivery', -1))$$,
  '22023', 'claim field total = -1.00 is negative',
  'JL24-DL: matins_explain refuses bad input like matins_settle'),
 (73, $$SELECT matins_settle_run(c, 'WZ-DRAFT-MAT') OVER () FROM unnest(ARRAY[pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100)]) AS c$$,
  '22023', 'policy "WZ-DRAFT-MAT" governs region 330300, not the claim''s region 220000',
  'WZ-PN: matins_settle_run refuses a policy of another region'),
 (74, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'prenatal', 100), '{"chronic": {"CH01": 5}}'::jsonb)$$,
  '22023', 'prior key "chronic" must map disease codes to objects',
  'JL19-CH: prior chronic values must be objects'),
 (75, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'special', 100, person_type => 'resident', hospital_level => 3, disease => 'SP41'))$$,
  '22023', 'no rule settles special disease SP41',
  'JL19-SP: phenylketonuria (SP41) has no rule'),
 (76, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'chronic', 100, person_type => 'resident', disease => 'HTN'))$$,
  '22023', 'unknown chronic disease "HTN"',
  'JL19-CH: a code that is not a chronic disease is an error'),
 (77, $$SELECT matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'special', 100, person_type => 'resident', hospital_level => 3, disease => 'CH01'))$$,
  '22023', 'unknown special disease "CH01"',
  'JL19-SP: a code that is not a special disease is an error');

SELECT throws_ok(q, state, message, description) FROM bad ORDER BY n;

-- the hint of the error a statement raises (NULL when it raises none, or has no hint)
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    h text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
    RETURN nullif(h, '');
END
$$;
SELECT is_empty($$SELECT n, message FROM bad WHERE pg_temp.hint_of(q) IS NULL$$,
  'JL24-DL: every error above carries a hint');
SELECT is_empty($$SELECT n FROM bad WHERE left(state, 2) NOT IN ('22', '23')$$,
  'JL24-DL: every error above is of SQLSTATE class 22 or 23');

-- not errors: an amount written with three decimals but exact to the fen is that amount
--   total 100.010 = 100.01, self_pay 0.500 = 0.50: delivery in_scope 99.51, paid 100%
SELECT pg_temp.settles(matins_settle(pg_temp.c(1, '220000', '2025-03-01', 'delivery', 100.010, self_pay => 0.500)),
  '{"total": 100.01, "self_pay": 0.50, "in_scope": 99.51, "maternity_fund": 99.51}',
  'JL24-DL: 100.010 is exactly 100.01 and is accepted');
-- a zero claim settles to zeros (no error, nothing paid)
SELECT pg_temp.settles(matins_settle(pg_temp.c(2, '220000', '2025-03-01', 'delivery', 0)),
  '{"total": 0, "in_scope": 0, "fund_total": 0, "over_cap": 0, "transfer_to": null, "personal": 0}',
  'JL24-DL: a zero claim settles to zeros');
-- the untyped prior literal: matins_settle(c, '{...}') resolves to the policy overload, and the
-- error names the would-be policy, never settling silently
SELECT throws_ok($$SELECT matins_settle(pg_temp.c(3, '220000', '2025-03-01', 'prenatal', 100), '{"prenatal_paid": 600}')$$,
  '22023', 'unknown policy "{"prenatal_paid": 600}"',
  'JL24-PN: prior must be passed as jsonb; an untyped literal is taken as a policy name and refused');

SELECT * FROM finish();
ROLLBACK;

-- bench only: the region parameters the generated claims need, and :rows mixed claims in
-- t(c matins.claim), ten claims per person in date order (psql -v rows=N).
--
-- Persons (by a hash of person_id, so each person keeps one profile):
--   30% Lanzhou 620100 employees    prenatal (LZ-PN), screening (LZ-SCR), outpatient family
--                                   planning (LZ-FPO), inpatient family planning and delivery (LZ-IP)
--    5% Lanzhou uninsured spouses   the same at 50% (LZ-SPO)
--   20% Jilin employees             prenatal cap (JL24-PN), delivery (JL24-DL), ART with lines (JL24-ART)
--   20% Jilin residents             inpatient with class B (JL19-IP, JL19-B), delivery (JL24-DL ->
--                                   JL19-IP), general outpatient (JL19-OP), chronic (JL19-CH),
--                                   special diseases (JL19-SP), prenatal (to outpatient), ART
--   20% Baotou 150200 employees     delivery (NM-IP, employee annual cap), prenatal package (NM-PN)
--    5% Baotou spouses              delivery and inpatient family planning (NM-IP; in resident insurance)
-- Dates lie in 2025-2026, from the day each region's policy is in force (Lanzhou 2025-06-27,
-- Baotou 2026-03-31).  The data are deterministic (setseed and hashes of ids).

\set ON_ERROR_STOP 1
SET max_parallel_workers_per_gather = 0;

-- Jilin (220000; its cities inherit): what JL24-ART-2, JL19-IP/OP/CH/SP leave to the region
SELECT matins.set_param('220000', n, v, '2024-01-01') FROM (VALUES
    ('art.deductible.l1', 300), ('art.deductible.l2', 500), ('art.deductible.l3', 800),
    ('art.ratio.resident.l1', 0.65), ('art.ratio.resident.l2', 0.60), ('art.ratio.resident.l3', 0.55),
    ('art.ratio.employee.l1', 0.85), ('art.ratio.employee.l2', 0.80), ('art.ratio.employee.l3', 0.75),
    ('employee.class_b_rate', 0.10),
    ('resident.inpatient.deductible.l1', 200), ('resident.inpatient.deductible.l2', 500),
    ('resident.inpatient.deductible.l3', 900),
    ('resident.special.deductible', 400),
    ('resident.outpatient.deductible', 50), ('resident.outpatient.limit', 700),
    ('resident.chronic.deductible', 100),
    ('employee.annual_cap', 250000)) p(n, v);
-- Inner Mongolia (150000; Baotou 150200 inherits): the employee fund's yearly maximum
SELECT matins.set_param('150000', 'employee.annual_cap', 80000, '2024-01-01');

SELECT setseed(0.4242);

CREATE TABLE t (c matins.claim);

INSERT INTO t
WITH raw AS (
    SELECT i, (i - 1) / 10 + 1 AS person,
           random() AS u_date, random() AS u_kind, random() AS u_amt, random() AS u_a,
           random() AS u_b, random() AS u_c, random() AS u_lvl, random() AS u_x
    FROM generate_series(1, :rows) AS i
), prof AS (
    SELECT r.*,
           abs(hashint8(person::bigint)) % 100 AS pr,     -- profile
           abs(hashint8(person::bigint * 7 + 1)) % 100 AS pt  -- person type, region, ...
    FROM raw r
), kinds AS (
    SELECT p.*,
           CASE WHEN pr < 30 THEN 'LZ' WHEN pr < 35 THEN 'LZS' WHEN pr < 55 THEN 'JE'
                WHEN pr < 75 THEN 'JR' WHEN pr < 95 THEN 'BT' ELSE 'BTS' END AS profile
    FROM prof p
), dated AS (
    SELECT k.*,
           CASE WHEN profile IN ('LZ', 'LZS') THEN date '2025-07-01' + (u_date * 549)::int
                WHEN profile IN ('JE', 'JR') THEN date '2025-01-01' + (u_date * 729)::int
                ELSE date '2026-04-01' + (u_date * 274)::int END AS service_date,
           CASE profile
               WHEN 'LZ' THEN CASE WHEN u_kind < 0.30 THEN 'prenatal' WHEN u_kind < 0.45 THEN 'screening'
                                   WHEN u_kind < 0.68 THEN 'fp_out' WHEN u_kind < 0.78 THEN 'fp_in'
                                   ELSE 'delivery' END
               WHEN 'LZS' THEN CASE WHEN u_kind < 0.10 THEN 'prenatal' WHEN u_kind < 0.40 THEN 'screening'
                                    WHEN u_kind < 0.70 THEN 'fp_out' ELSE 'delivery' END
               WHEN 'JE' THEN CASE WHEN u_kind < 0.62 THEN 'prenatal' WHEN u_kind < 0.92 THEN 'delivery'
                                   ELSE 'art' END
               WHEN 'JR' THEN CASE WHEN u_kind < 0.25 THEN 'inpatient' WHEN u_kind < 0.35 THEN 'delivery'
                                   WHEN u_kind < 0.60 THEN 'outpatient' WHEN u_kind < 0.80 THEN 'chronic'
                                   WHEN u_kind < 0.88 THEN 'special' WHEN u_kind < 0.95 THEN 'prenatal'
                                   ELSE 'art' END
               WHEN 'BT' THEN CASE WHEN u_kind < 0.40 THEN 'delivery' ELSE 'prenatal' END
               ELSE CASE WHEN u_kind < 0.70 THEN 'delivery' ELSE 'fp_in' END
           END AS kind
    FROM kinds k
), claims AS (
    SELECT d.*,
           (person - 1) * 10 + row_number() OVER (PARTITION BY person ORDER BY service_date, i) AS claim_id,
           round((CASE kind
                WHEN 'prenatal' THEN 100 + u_amt * 1400
                WHEN 'screening' THEN 80 + u_amt * 320
                WHEN 'fp_out' THEN 150 + u_amt * 450
                WHEN 'fp_in' THEN 1500 + u_amt * 4500
                WHEN 'delivery' THEN CASE WHEN profile = 'BT' AND u_x < 0.01 THEN 60000 + u_amt * 60000
                                          ELSE 3000 + u_amt * 12000 END
                WHEN 'inpatient' THEN 2000 + u_amt * u_amt * 78000
                WHEN 'outpatient' THEN 20 + u_amt * 280
                WHEN 'chronic' THEN 100 + u_amt * 1400
                WHEN 'special' THEN 500 + u_amt * 7500
                ELSE 0 END)::numeric, 2) AS total
    FROM dated d
)
SELECT matins.make_claim(
    claim_id => claim_id,
    person_id => person,
    region => CASE WHEN profile IN ('LZ', 'LZS') THEN '620100'
                   WHEN profile IN ('JE', 'JR') THEN (ARRAY['220000', '220100', '220200'])[1 + pt % 3]
                   ELSE '150200' END,
    service_date => service_date,
    scheme => CASE WHEN profile IN ('JR', 'BTS') THEN 'resident' ELSE 'employee' END,
    person_type => CASE
        WHEN profile IN ('LZS', 'BTS') THEN 'spouse'
        WHEN profile = 'JR' THEN 'resident'
        WHEN profile = 'JE' THEN CASE WHEN pt < 75 THEN 'enterprise' ELSE 'public' END
        ELSE CASE WHEN pt < 60 THEN 'enterprise' WHEN pt < 75 THEN 'public'
                  WHEN pt < 90 THEN 'flexible' ELSE 'unemployed' END END,
    benefit => CASE kind WHEN 'fp_out' THEN 'family_planning' WHEN 'fp_in' THEN 'family_planning'
                         ELSE kind END,
    setting => CASE kind WHEN 'fp_out' THEN 'outpatient' WHEN 'fp_in' THEN 'inpatient' END,
    procedure => CASE
        WHEN kind = 'fp_out' THEN CASE WHEN u_a < 0.40 THEN 'abortion' WHEN u_a < 0.65 THEN 'iud_insert'
                                       WHEN u_a < 0.90 THEN 'iud_remove' ELSE 'medical_abortion' END
        WHEN kind = 'fp_in' AND profile = 'BTS' THEN 'abortion'
        WHEN kind = 'fp_in' THEN CASE WHEN u_a < 0.5 THEN 'induced_labour' ELSE 'tubal_ligation' END END,
    disease => CASE
        WHEN kind = 'chronic' THEN 'CH' || lpad((1 + floor(u_a * 18))::int::text, 2, '0')
        WHEN kind = 'special' THEN 'SP' || lpad((1 + floor(u_a * 40))::int::text, 2, '0')
        WHEN kind = 'outpatient' AND u_a < 0.5 THEN (ARRAY['HTN', 'DM'])[1 + (u_a < 0.25)::int] END,
    hospital_level => CASE WHEN kind = 'outpatient' THEN 1 + floor(u_lvl * 2.3)::int
                           ELSE 1 + floor(u_lvl * 3)::int END,
    hospital => CASE
        WHEN kind = 'screening' AND u_b < 0.85
            THEN (ARRAY['甘肃省人民医院', '兰州大学第一医院', '兰州大学第二医院', '甘肃省妇幼保健院',
                        '兰州市妇幼保健院'])[1 + floor(u_c * 5)::int]
        ELSE 'H' || (person % 97) END,
    location => CASE WHEN profile IN ('LZ', 'LZS') AND u_x < 0.05 THEN 'national'
                     WHEN u_x < 0.10 THEN 'province' ELSE 'local' END,
    referral => CASE WHEN kind = 'inpatient' AND u_x > 0.95 THEN 'up'
                     WHEN kind = 'inpatient' AND u_x > 0.90 THEN 'down' END,
    total => CASE WHEN kind = 'art' THEN NULL ELSE total END,
    self_pay => CASE WHEN kind = 'art' THEN 0 ELSE round((total * u_a * 0.10)::numeric, 2) END,
    over_limit => CASE WHEN kind = 'art' THEN 0 ELSE round((total * u_b * 0.05)::numeric, 2) END,
    class_b => CASE WHEN kind = 'art' THEN 0 ELSE round((total * u_c * 0.30)::numeric, 2) END,
    lines => CASE WHEN kind = 'art' THEN CASE floor(u_a * 4)::int
        WHEN 0 THEN ARRAY[   -- egg retrieval (endoscopic surcharge not paid) + embryo culture
            ROW('311600001', NULL, 1, round((2500 * (0.9 + 0.3 * u_b) + CASE WHEN u_c < 0.3 THEN 250 ELSE 0 END)::numeric, 2),
                CASE WHEN u_c < 0.3 THEN 250 ELSE 0 END, NULL)::matins.claim_line,
            ROW('311600002', NULL, 1, round((4050 * (0.9 + 0.3 * u_c) + CASE WHEN u_b < 0.5 THEN 1300 ELSE 0 END)::numeric, 2),
                CASE WHEN u_b < 0.5 THEN 1300 ELSE 0 END, NULL)::matins.claim_line,
            ROW('250101001', 'A', 1, round((200 + 300 * u_amt)::numeric, 2), 0, NULL)::matins.claim_line,
            ROW('SELF-01', 'self', 1, round((100 + 200 * u_x)::numeric, 2), 0, NULL)::matins.claim_line]
        WHEN 1 THEN ARRAY[   -- frozen embryo transfer + biopsy of 1-3 embryos (PGT indication)
            ROW('311600005', NULL, 1, round((2800 * (0.9 + 0.3 * u_b) + 1500)::numeric, 2), 1500, NULL)::matins.claim_line,
            ROW('311600008', NULL, 1 + floor(u_c * 3)::int,
                round((1500 * (1 + floor(u_c * 3)) * (0.9 + 0.3 * u_amt))::numeric, 2), 0,
                CASE WHEN u_x < 0.7 THEN 'monogenic' END)::matins.claim_line,
            ROW('SELF-02', 'self', 1, round((50 + 150 * u_x)::numeric, 2), 0, NULL)::matins.claim_line]
        WHEN 2 THEN ARRAY[   -- insemination, sperm preparation and retrieval (microscope surcharge)
            ROW('311600009', NULL, 1, round((600 * (0.9 + 0.3 * u_b))::numeric, 2), 0, NULL)::matins.claim_line,
            ROW('311600010', NULL, 1, round((900 * (0.9 + 0.3 * u_c))::numeric, 2), 0, NULL)::matins.claim_line,
            ROW('311600011', NULL, 1, round((900 * (0.9 + 0.3 * u_amt) + CASE WHEN u_x < 0.4 THEN 2000 ELSE 0 END)::numeric, 2),
                CASE WHEN u_x < 0.4 THEN 2000 ELSE 0 END, NULL)::matins.claim_line]
        ELSE ARRAY[          -- ICSI on 1-4 eggs (activation surcharge) + class-B drugs
            ROW('311600012', NULL, 1 + floor(u_c * 4)::int,
                round((3000 * (1 + floor(u_c * 4)) * (0.9 + 0.3 * u_b) * CASE WHEN u_x < 0.3 THEN 1.25 ELSE 1 END)::numeric, 2),
                CASE WHEN u_x < 0.3 THEN round((3000 * (1 + floor(u_c * 4)) * 0.25)::numeric, 2) ELSE 0 END,
                NULL)::matins.claim_line,
            ROW('DRUG-B-01', 'B', 1, round((300 + 500 * u_amt)::numeric, 2), 0, NULL)::matins.claim_line]
        END END)
FROM claims
ORDER BY person, service_date, claim_id;

-- the index a fund's claims table has for reading a person's claims in order: the window (d)
-- reads them through it instead of sorting a million claims
CREATE INDEX t_person ON t (((c).person_id), ((c).service_date), ((c).claim_id));

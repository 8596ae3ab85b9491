-- What an analyst sees of the shipped catalogs: policies in force per region and date, the
-- parameters a region has, and the item lists (regression output reviewed by hand).
SET search_path = "$user", public, matins;
SET datestyle = ISO;

-- the policy documents
SELECT id, region, scope, status, valid_from, valid_to, based_on, doc_number
FROM matins.policy ORDER BY region, id;

-- policies in force on the first day of each policy and the day before
SELECT r.region, d.on_date, p.scope, p.policy, p.from_region
FROM (VALUES ('220100'), ('150200'), ('150100'), ('330300'), ('620100')) r(region)
CROSS JOIN (VALUES (date '2024-06-30'), ('2024-07-01'), ('2025-06-26'), ('2025-06-27'),
                   ('2026-03-30'), ('2026-03-31')) d(on_date)
LEFT JOIN LATERAL matins.policy_in_force(r.region, d.on_date) p ON true
ORDER BY r.region, d.on_date, p.scope;

-- the parameters Changchun has on 2025-01-01 (falling back to Jilin and the nation)
SELECT name, value, unit, from_region, valid_from, origin, source
FROM matins.param_report('220100', '2025-01-01');

-- JL24-ART-4: the ART items and the standards their surcharges reach
SELECT code, name, unit, price, surcharge_kind, surcharge_value, surcharge_payable, price_cap,
       indications
FROM matins.art_item ORDER BY code;

-- LZ-SCR, LZ-FPO: Lanzhou's fixed amounts
SELECT benefit, setting, procedure, quota, min_level, designated_only, per, source
FROM matins.benefit_quota ORDER BY benefit, procedure;

-- leave days by jurisdiction (CN-ML, ZJ-ML, GS-ML, JL-ML)
SELECT region, event, component, birth_order, gestation_months, days, source
FROM matins.leave_rule ORDER BY region, event, component, birth_order, gestation_months;

-- contribution rates (LZ-CON, NM-CON)
SELECT policy, person_type, payer, covers, basis, rate, min_rate, max_rate, param_name
FROM matins.contribution_rate ORDER BY policy, person_type;

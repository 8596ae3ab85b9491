-- A DBA configures region parameters: set, override a shipped value, end a period, and the
-- errors a mistake gets (message, detail and hint as a DBA reads them).
SET search_path = "$user", public, matins;
SET datestyle = ISO;
\set SHOW_CONTEXT never

-- JL24-ART-2: the ART deductible is left to the region
SELECT matins.param('220000', 'art.deductible.l3', '2025-03-01') AS before_set;
SELECT matins.set_param('220000', 'art.deductible.l3', 1000, '2024-07-01');
SELECT matins.param('220000', 'art.deductible.l3', '2024-06-30') AS day_before,
       matins.param('220000', 'art.deductible.l3', '2024-07-01') AS first_day,
       matins.param('220104', 'art.deductible.l3', '2025-03-01') AS county_of_changchun;

-- JL24-PN: the shipped 1000 is raised by the region from 2025
SELECT matins.set_param('220000', 'prenatal.cap', 1500, '2025-01-01', NULL, 'regional notice');
SELECT d AS on_date, matins.param('220000', 'prenatal.cap', d) AS prenatal_cap
FROM unnest(ARRAY['2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01']::date[]) d;

-- a period is ended and a new value follows it
SELECT matins.end_param('220000', 'art.deductible.l3', '2025-12-31');
SELECT matins.set_param('220000', 'art.deductible.l3', 1200, '2026-01-01');
SELECT region, name, value, valid_from, valid_to, source, shipped
FROM matins.param_value ORDER BY region, name, valid_from;

-- mistakes
SELECT matins.set_param('220000', 'art.deductible.l3', 1300, '2026-06-01');
SELECT matins.set_param('220000', 'art.ratio.resident.l3', 55, '2024-07-01');
SELECT matins.set_param('220000', 'prenatal.cap', 800, '2026-01-01');
SELECT matins.set_param('220000', 'resident.outpatient.limit', 800, '2026-01-01');
SELECT matins.set_param('150200', 'employer.maternity_rate', 0.02, '2026-03-31');
SELECT matins.set_param('220000', 'art.deductable.l3', 1000, '2024-07-01');
SELECT matins.set_param('440000', 'prenatal.cap', 1000, '2024-07-01');
SELECT matins.set_param('22000', 'prenatal.cap', 1000, '2024-07-01');
UPDATE matins.param_value SET value = 1 WHERE name = 'prenatal.cap' AND shipped;
DELETE FROM matins.param_value WHERE shipped;
TRUNCATE matins.param_value;

-- leave the database as it was for the next test
DELETE FROM matins.param_value WHERE NOT shipped;

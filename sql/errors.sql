-- Errors of the constructors and lookups, as a user reads them.
SET search_path = "$user", public, matins;
SET datestyle = ISO;
\set SHOW_CONTEXT never

SELECT matins.region_chain('2201');
SELECT matins.region_chain('22010a');
SELECT matins.check_region('110000');
SELECT matins.param('220000', 'prenatal.cap', NULL);
SELECT matins.param('220000', 'no.such.name', '2025-01-01');
SELECT matins.policy_in_force('abc', '2025-01-01');
SELECT matins.make_claim(hospital_level => 10);
SELECT matins.contribution_series('620100', '2024-09-02', '2025-08-01', 6000);
SELECT matins.contribution_series('620100', '2025-09-01', '2025-08-01', 6000);
SELECT matins.contribution_series('620100', '2024-09-01', '2025-08-01', NULL);
-- the trigger functions refuse to run outside their triggers
SELECT matins.guard_catalog_row();
CREATE TABLE wrong_use (shipped boolean);
CREATE TRIGGER wrong AFTER INSERT ON wrong_use FOR EACH ROW EXECUTE FUNCTION matins.guard_catalog_row();
INSERT INTO wrong_use VALUES (true);
DROP TABLE wrong_use;
CREATE TABLE no_shipped (a int);
CREATE TRIGGER wrong BEFORE INSERT ON no_shipped FOR EACH ROW EXECUTE FUNCTION matins.guard_catalog_row();
INSERT INTO no_shipped VALUES (1);
DROP TABLE no_shipped;
-- a region's parent and a policy's base must exist
INSERT INTO matins.region (code, name, level, parent, source) VALUES ('440100', '广州市', 'city', '440000', 'test');
INSERT INTO matins.policy (id, region, scope, title, issuer, status, based_on, valid_from, seed_file, source)
VALUES ('BT-2030-MAT', '150200', 'maternity', 't', 'i', 'in_force', 'NM-2029-MAT', '2030-01-01', 'f', 'test');

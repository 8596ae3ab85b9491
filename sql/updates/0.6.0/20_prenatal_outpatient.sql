-- matins 0.5.0 -> 0.6.0: prenatal routes are for outpatient checks.
--
-- Every prenatal rule is about outpatient prenatal checks (门诊产前检查): JL24-PN, NM-PN (the
-- outpatient package), WZ-PN (visits of the prenatal list) and LZ-PN (the cost goes to ordinary
-- outpatient pooling). The prenatal route rows had no setting condition, so a prenatal claim
-- given setting 'inpatient' was settled as an outpatient check. It is now an error saying there
-- is no rule for it, as an outpatient delivery is (rules.md §0). A prenatal claim without a
-- setting is outpatient, as before.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.6.0'" to load this file. \quit

UPDATE @extschema@.route SET setting = 'outpatient'
WHERE shipped AND benefit = 'prenatal' AND setting IS NULL;

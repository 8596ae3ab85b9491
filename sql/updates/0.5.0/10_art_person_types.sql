-- matins 0.4.0 -> 0.5.0: corrections after a rule-by-rule audit.
--
-- ART in Jilin (JL24-ART-1, JL24-ART-2) is paid by the claimant's own basic medical insurance,
-- employee or resident.  A spouse of a male employee is covered through him for maternity
-- benefits only, and Jilin gives her no route at all (rules.md §0): her ART claim is "no rule",
-- like her delivery.  The two ART rows named no person types, so in 0.4.0 they took a spouse
-- too and paid her at the employee or resident ratio.  They now list every other type; the
-- scheme still has to go with the type (an enterprise or public-unit employee is in employee
-- insurance, a resident in resident insurance).

\echo Use "ALTER EXTENSION matins UPDATE TO '0.5.0'" to load this file. \quit

UPDATE @extschema@.route SET person_types = '{enterprise,public,flexible,unemployed,retiree}'
WHERE shipped AND policy = 'JL-2024-MAT' AND benefit = 'art' AND scheme = 'employee'
  AND person_types IS NULL;

UPDATE @extschema@.route SET person_types = '{resident,flexible,unemployed,retiree}'
WHERE shipped AND policy = 'JL-2024-MAT' AND benefit = 'art' AND scheme = 'resident'
  AND person_types IS NULL;

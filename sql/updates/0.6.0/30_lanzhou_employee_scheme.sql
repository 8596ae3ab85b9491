-- matins 0.5.0 -> 0.6.0: Lanzhou's maternity routes are for people in employee insurance.
--
-- LZ-WHO lists who has maternity benefits: enterprise and public-unit employees, flexible
-- workers, the unemployed and retirees in employee medical insurance (whose contribution
-- includes maternity, LZ-CON), and the spouses of male employees who are not in basic medical
-- insurance (LZ-SPO, scheme 'employee' since 0.3.0). A person in resident insurance has no
-- Lanzhou maternity route: her claim is an error saying no rule settles it (rules.md §0). The
-- prenatal, screening, delivery and family-planning rows had no scheme condition, so a spouse or
-- a flexible worker in resident insurance reached them; a spouse's prenatal claim in resident
-- insurance was sent to general outpatient with the grant note.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.6.0'" to load this file. \quit

UPDATE @extschema@.route SET scheme = 'employee'
WHERE shipped AND policy = 'LZ-2025-MAT' AND scheme IS NULL;

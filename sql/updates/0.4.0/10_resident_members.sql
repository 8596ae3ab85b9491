-- matins 0.3.0 -> 0.4.0: Jilin's resident rules follow the scheme, not the person type.
--
-- JL19 applies to the members of resident insurance (scheme 390, rules.md §2), and JL24-DL sends
-- a female resident-insurance member's delivery to JL19-IP.  A flexible worker may join resident
-- insurance instead of employee insurance; in 0.3.0 the JL19 routes took person type 'resident'
-- only, so her stays were "no rule" while her ART claim was settled as resident.art.  A spouse
-- stays without a rule in Jilin (rules.md §0).
-- The resident delivery route of JL-2019-RES, used before JL-2024-MAT is in force, cites JL19-IP,
-- the rule that settles it then; from 2024-07-01 JL-2024-MAT's route cites JL24-DL.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.4.0'" to load this file. \quit

UPDATE @extschema@.route SET person_types = '{resident,flexible}'
WHERE shipped AND (policy = 'JL-2019-RES' OR (policy = 'JL-2024-MAT' AND seq = 22));

UPDATE @extschema@.route SET source = 'JL19-IP'
WHERE shipped AND policy = 'JL-2019-RES' AND seq = 11;

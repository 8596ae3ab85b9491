-- matins 0.2.0 -> 0.3.0: the spouse routes say which insurance the spouse must be in.
--
-- A claim of a male employee's spouse carries the spouse's own standing in `scheme`: 'employee'
-- when she has no basic medical insurance of her own and is covered through him, 'resident'
-- when she is in resident medical insurance.
--   NM-IP:  the spouse's delivery and family-planning stays are covered when she is in resident
--           insurance; in 0.2.0 any scheme matched.
--   LZ-SPO: the spouse's benefits are for a spouse not in basic medical insurance (LZ-WHO); in
--           0.2.0 a spouse in resident insurance was paid half the standard too.  Her prenatal
--           cost still goes to general outpatient (LZ-PN, route seq 10), as anyone's does.
-- A claim no route takes is an error saying there is no rule for it.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.3.0'" to load this file. \quit

UPDATE @extschema@.route SET scheme = 'resident'
WHERE shipped AND policy = 'NM-2025-MAT' AND seq IN (21, 32);

UPDATE @extschema@.route SET scheme = 'employee'
WHERE shipped AND policy = 'LZ-2025-MAT' AND seq IN (21, 31, 41, 43);


-- maternity_insured matters only where a region lets a person type join maternity insurance or
-- stay out of it: Inner Mongolia's flexible workers (NM-COV; rules.md §0 binds this reading).
-- Unit employees and the unemployed are in maternity insurance whatever the flag says, as the
-- allowance and eligibility functions already read it.  0.2.0 settled a Jilin, Inner Mongolia or
-- Wenzhou unit employee flagged false as uninsured (prenatal to general outpatient, delivery: no
-- rule) while granting her allowance.

-- Jilin 2024 (JL24-PN, JL24-DL, JL24-FP): the unit employees' rows no longer ask for the flag
UPDATE @extschema@.route SET insured = NULL
WHERE shipped AND policy = 'JL-2024-MAT' AND seq IN (10, 20, 30, 31);

-- Wenzhou draft (WZ-PN, WZ-IP): the same; its row for employees outside maternity insurance can
-- no longer be reached and goes
UPDATE @extschema@.route SET insured = NULL
WHERE shipped AND policy = 'WZ-DRAFT-MAT' AND seq IN (10, 20, 21);
DELETE FROM @extschema@.route WHERE shipped AND policy = 'WZ-DRAFT-MAT' AND seq = 11;

-- Inner Mongolia (NM-PN, NM-IP, NM-OP): each row for "enterprise, public, flexible, unemployed,
-- insured" becomes a row for unit employees and the unemployed (whatever the flag), placed just
-- before it, and the row itself keeps the insured flexible workers
INSERT INTO @extschema@.route (policy, seq, benefit, setting, scheme, person_types, insured,
    procedures, locations, handler, route, fund, ratio, ratio_param, cap_param, cap_constant,
    cap_transfer, delegate_scope, source)
SELECT r.policy, m.new_seq, r.benefit, r.setting, r.scheme, '{enterprise,public,unemployed}', NULL,
       r.procedures, r.locations, r.handler, r.route, r.fund, r.ratio, r.ratio_param, r.cap_param,
       r.cap_constant, r.cap_transfer, r.delegate_scope, r.source
FROM @extschema@.route r
JOIN (VALUES (10, 9), (20, 19), (30, 28), (31, 29), (34, 35)) AS m(old_seq, new_seq) ON r.seq = m.old_seq
WHERE r.shipped AND r.policy = 'NM-2025-MAT';
UPDATE @extschema@.route SET person_types = '{flexible}'
WHERE shipped AND policy = 'NM-2025-MAT' AND seq IN (10, 11, 20, 30, 31, 34);

-- ART (JL24-ART-2) is paid by the basic insurance of the claim's scheme: the route names say
-- which, as the other basic-insurance routes' do, so matins.to_nhsa reports insutype 390 or 310
-- (0.2.0 named both 'basic.art' and reported no insutype)
UPDATE @extschema@.route SET route = 'resident.art'
WHERE shipped AND policy = 'JL-2024-MAT' AND seq = 40;
UPDATE @extschema@.route SET route = 'employee.art'
WHERE shipped AND policy = 'JL-2024-MAT' AND seq = 41;

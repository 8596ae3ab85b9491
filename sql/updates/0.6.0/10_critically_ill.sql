-- matins 0.5.0 -> 0.6.0: a critically ill pregnant woman's delivery in Inner Mongolia.
--
-- NM-IP: 危急重症孕产妇分娩期间政策范围内医疗费用由基本医保按规定支付. A claim is marked as a
-- critically ill pregnant woman's as for JL19-MP: obstetric haemorrhage (disease 'OBH') on any
-- claim, or pregnancy-induced hypertension ('HTN') on a delivery. Her delivery stay is settled
-- by the employee inpatient rules (deductible, ratio and class-B share by level: region
-- parameters), paid by the pooled fund and counted toward the employee annual cap, not at the
-- maternity route's 100%. A male employee's spouse in resident insurance would be paid by her
-- resident insurance, whose rules for Inner Mongolia are in no seed: her critically ill
-- delivery is an error saying there is no rule for it (rules.md §0).
--
-- route.critical is a new route condition: true, only claims so marked; false, only claims not
-- so marked; NULL, any claim (every row before this version, and a local row that does not set
-- it).

\echo Use "ALTER EXTENSION matins UPDATE TO '0.6.0'" to load this file. \quit

ALTER TABLE @extschema@.route ADD COLUMN critical boolean;
COMMENT ON COLUMN @extschema@.route.critical IS
    'true: only claims of a critically ill pregnant woman (disease OBH, or HTN on a delivery); false: only other claims; NULL: any';

-- NM-IP: before the maternity delivery rows 19 (unit employees, the unemployed) and 20 (insured
-- flexible workers), the same people's critically ill deliveries go to employee inpatient rules
INSERT INTO @extschema@.route (policy, seq, benefit, setting, scheme, person_types, insured,
                               procedures, locations, handler, route, fund, ratio, ratio_param,
                               cap_param, cap_constant, cap_transfer, delegate_scope, source,
                               shipped, critical)
SELECT policy, m.new_seq, benefit, setting, scheme, person_types, insured, procedures, locations,
       'employee_inpatient', 'employee.inpatient', 'pooled', ratio, ratio_param, cap_param,
       cap_constant, cap_transfer, delegate_scope, source, shipped, true
FROM @extschema@.route
JOIN (VALUES (19, 17), (20, 18)) AS m(old_seq, new_seq) ON seq = m.old_seq
WHERE shipped AND policy = 'NM-2025-MAT';

-- the spouse's delivery row takes only claims not so marked
UPDATE @extschema@.route SET critical = false
WHERE shipped AND policy = 'NM-2025-MAT' AND seq = 21;

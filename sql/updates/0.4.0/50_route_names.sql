
-- Route names follow the contract's own example, 'maternity.inpatient': a route of the maternity
-- fund is named by its setting.  Deliveries and inpatient family-planning surgery (JL24-DL, NM-IP,
-- WZ-IP, LZ-IP, LZ-SPO) are 'maternity.inpatient' (0.3.0: 'maternity.delivery' and
-- 'maternity.family_planning'); outpatient family-planning surgery (NM-OP, LZ-FPO) is
-- 'maternity.outpatient'.  Jilin's family-planning rows (JL24-FP) applied to either setting; each
-- is now two rows, one per setting, with the same conditions and payment.  The prenatal and
-- screening routes keep their names; no amount changes.
UPDATE @extschema@.route SET route = 'maternity.inpatient'
WHERE shipped AND route = 'maternity.delivery';

UPDATE @extschema@.route SET route = 'maternity.inpatient'
WHERE shipped AND route = 'maternity.family_planning' AND setting = 'inpatient';

UPDATE @extschema@.route SET route = 'maternity.outpatient'
WHERE shipped AND route = 'maternity.family_planning' AND setting = 'outpatient';

INSERT INTO @extschema@.route (policy, seq, benefit, setting, scheme, person_types, insured,
                               procedures, locations, handler, route, fund, ratio, ratio_param,
                               cap_param, cap_constant, cap_transfer, delegate_scope, source, shipped)
SELECT policy, seq + 2, benefit, 'outpatient', scheme, person_types, insured, procedures, locations,
       handler, 'maternity.outpatient', fund, ratio, ratio_param, cap_param, cap_constant,
       cap_transfer, delegate_scope, source, shipped
FROM @extschema@.route
WHERE shipped AND policy = 'JL-2024-MAT' AND seq IN (30, 31) AND setting IS NULL;

UPDATE @extschema@.route SET setting = 'inpatient', route = 'maternity.inpatient'
WHERE shipped AND policy = 'JL-2024-MAT' AND seq IN (30, 31) AND setting IS NULL;

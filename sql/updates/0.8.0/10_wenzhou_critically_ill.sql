-- matins 0.7.0 -> 0.8.0: a critically ill pregnant woman's delivery under the Wenzhou draft.
--
-- WZ-IP: 治疗因生育引发的疾病(病理妊娠、分娩期并发症及异常产褥类等)…按职工基本医疗保险规定支付.
-- The delivery of a woman marked critically ill as for JL19-MP and NM-IP (obstetric haemorrhage,
-- disease 'OBH', or pregnancy-induced hypertension, 'HTN', on a delivery) is settled by the
-- employee inpatient rules (deductible, ratio and class-B share by level: region parameters),
-- paid by the pooled fund and counted toward the city's annual maximum, above which it goes to
-- critical-illness insurance as the maternity route's does.  Until 0.8.0 the mark was ignored and
-- the stay paid at the maternity route's 100%.  As in Inner Mongolia, a family-planning stay
-- keeps its maternity route.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.8.0'" to load this file. \quit

-- before the delivery row 20, for the same people and in-city institutions
INSERT INTO @extschema@.route (policy, seq, benefit, setting, scheme, person_types, insured,
                               procedures, locations, handler, route, fund, ratio, ratio_param,
                               cap_param, cap_constant, cap_transfer, delegate_scope, source,
                               shipped, critical)
SELECT policy, 19, benefit, setting, scheme, person_types, insured, procedures, locations,
       'employee_inpatient', 'employee.inpatient', 'pooled', ratio, ratio_param, cap_param,
       cap_constant, cap_transfer, delegate_scope, source, shipped, true
FROM @extschema@.route
WHERE shipped AND policy = 'WZ-DRAFT-MAT' AND seq = 20;

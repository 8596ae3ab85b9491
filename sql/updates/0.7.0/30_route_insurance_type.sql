
-- A route's name begins with its insurance type, maternity (510), resident (390) or employee
-- (310): matins.to_nhsa reports insutype from it, and gave NULL for a DBA's route named e.g.
-- 'basic.inpatient'.  New and changed rows are checked; rows a DBA added before 0.7.0 stay
-- (NOT VALID) and can be renamed.
ALTER TABLE @extschema@.route ADD CONSTRAINT route_insurance_type
    CHECK (route ~ '^(maternity|resident|employee)\.') NOT VALID;

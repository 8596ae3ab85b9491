
-- NM-CON: every employer pays the region's maternity rate on last year's total wages, a public
-- unit as an enterprise does (0.2.0 knew only 'enterprise' and refused 'public', while granting
-- a public unit's employee the allowance as a unit employee)
INSERT INTO @extschema@.contribution_rate
    (policy, person_type, payer, covers, basis, rate, min_rate, max_rate, param_name, source)
SELECT policy, 'public', payer, covers, basis, rate, min_rate, max_rate, param_name, source
FROM @extschema@.contribution_rate
WHERE shipped AND policy = 'NM-2025-MAT' AND person_type = 'enterprise';

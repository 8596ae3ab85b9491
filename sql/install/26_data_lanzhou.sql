-- matins 0.1.0: Lanzhou 2025 (LZ-*), policy LZ-2025-MAT.

-- LZ-SCR, annex 1: the five institutions designated for prenatal disease screening
INSERT INTO @extschema@.designated_hospital (policy, benefit, hospital, source) VALUES
    ('LZ-2025-MAT', 'screening', '甘肃省人民医院',   'LZ-SCR'),
    ('LZ-2025-MAT', 'screening', '兰州大学第一医院', 'LZ-SCR'),
    ('LZ-2025-MAT', 'screening', '兰州大学第二医院', 'LZ-SCR'),
    ('LZ-2025-MAT', 'screening', '甘肃省妇幼保健院', 'LZ-SCR'),
    ('LZ-2025-MAT', 'screening', '兰州市妇幼保健院', 'LZ-SCR');

-- LZ-SCR: 160 yuan once per pregnancy at a designated institution;
-- LZ-FPO, annex 2: outpatient family-planning amounts at level-2+ (or specialist) institutions
INSERT INTO @extschema@.benefit_quota
    (policy, benefit, setting, procedure, quota, min_level, designated_only, per, source)
VALUES
    ('LZ-2025-MAT', 'screening',       'outpatient', '',           160, NULL, true,  'pregnancy', 'LZ-SCR'),
    ('LZ-2025-MAT', 'family_planning', 'outpatient', 'abortion',   260, 2,    false, 'claim',     'LZ-FPO'),
    ('LZ-2025-MAT', 'family_planning', 'outpatient', 'iud_insert', 200, 2,    false, 'claim',     'LZ-FPO'),
    ('LZ-2025-MAT', 'family_planning', 'outpatient', 'iud_remove', 200, 2,    false, 'claim',     'LZ-FPO');

-- LZ-CON: combined medical + maternity contribution rates on the contribution base
INSERT INTO @extschema@.contribution_rate
    (policy, person_type, payer, covers, basis, rate, source)
VALUES
    ('LZ-2025-MAT', 'public',     'employer',          'medical_maternity', 'contribution_base', 0.0835, 'LZ-CON'),
    ('LZ-2025-MAT', 'enterprise', 'employer',          'medical_maternity', 'contribution_base', 0.09,   'LZ-CON'),
    ('LZ-2025-MAT', 'unemployed', 'unemployment_fund', 'medical_maternity', 'contribution_base', 0.11,   'LZ-CON'),
    ('LZ-2025-MAT', 'flexible',   'person',            'medical_maternity', 'contribution_base', 0.054,  'LZ-CON');

INSERT INTO @extschema@.policy_constant (policy, name, value, unit, description, source) VALUES
    ('LZ-2025-MAT', 'prenatal.grant',                    1000, 'yuan',   'Prenatal grant per pregnancy, paid as a fixed sum',                      'LZ-PN'),
    ('LZ-2025-MAT', 'spouse.ratio',                      0.5,  'ratio',  'Share of the female employee''s standard paid for an uninsured spouse', 'LZ-SPO'),
    ('LZ-2025-MAT', 'inpatient.ratio',                   1,    'ratio',  'Fund ratio of in-scope inpatient maternity and family-planning costs', 'LZ-IP'),
    ('LZ-2025-MAT', 'manual_claim.months',               12,   'months', 'Months after the birth or termination to apply for a manual reimbursement', 'LZ-DIR'),
    ('LZ-2025-MAT', 'allowance.apply_within_months',     12,   'months', 'Months after the event to apply for the allowance',                   'LZ-AL'),
    ('LZ-2025-MAT', 'allowance.min_continuous_months',   12,   'months', 'Continuous contribution months before the event the allowance needs', 'LZ-AEL'),
    ('LZ-2025-MAT', 'allowance.moved_in_local_months',   6,    'months', 'Continuous months in Lanzhou from the event month for people from another province', 'LZ-AEL'),
    ('LZ-2025-MAT', 'gap.max_months',                    3,    'months', 'Longest break that stays continuous when back-paid in the resumption month', 'LZ-GAP');

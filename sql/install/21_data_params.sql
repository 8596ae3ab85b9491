-- matins 0.1.0: region parameter names, the bounds documents set on them, and the values the
-- documents fix (contract: Policies and parameters).  Everything else ships unset.

INSERT INTO @extschema@.param_def (name, unit, min_value, max_value, description, source) VALUES
    ('prenatal.cap',                     'yuan',   0, NULL, 'Prenatal-check fund cap per pregnancy',                                  'JL24-PN'),
    ('family_planning.other_ratio',      'ratio',  0, 1,    'Maternity fund ratio for family-planning costs other than IUD removal and reversals', 'JL24-FP'),
    ('employee.waiting_months',          'months', 0, 36,   'Months of contributions before maternity medical benefits start (not applied while unset)', 'JL24-EL'),
    ('art.deductible.l1',                'yuan',   0, NULL, 'Yearly ART deductible at a level-1 institution',                         'JL24-ART-2'),
    ('art.deductible.l2',                'yuan',   0, NULL, 'Yearly ART deductible at a level-2 institution',                         'JL24-ART-2'),
    ('art.deductible.l3',                'yuan',   0, NULL, 'Yearly ART deductible at a level-3 institution',                         'JL24-ART-2'),
    ('art.ratio.employee.l1',            'ratio',  0, 1,    'ART fund ratio for employees at a level-1 institution',                  'JL24-ART-2'),
    ('art.ratio.employee.l2',            'ratio',  0, 1,    'ART fund ratio for employees at a level-2 institution',                  'JL24-ART-2'),
    ('art.ratio.employee.l3',            'ratio',  0, 1,    'ART fund ratio for employees at a level-3 institution',                  'JL24-ART-2'),
    ('art.ratio.resident.l1',            'ratio',  0, 1,    'ART fund ratio for residents at a level-1 institution',                  'JL24-ART-2'),
    ('art.ratio.resident.l2',            'ratio',  0, 1,    'ART fund ratio for residents at a level-2 institution',                  'JL24-ART-2'),
    ('art.ratio.resident.l3',            'ratio',  0, 1,    'ART fund ratio for residents at a level-3 institution',                  'JL24-ART-2'),
    ('employee.class_b_rate',            'ratio',  0, 1,    'Share of class-B amounts an employee pays first (pre-self-pay)',         'JL24-ART-2'),
    ('resident.class_b_rate',            'ratio',  0, 1,    'Share of class-B amounts a resident pays first (pre-self-pay)',          'JL19-B'),
    ('resident.inpatient.deductible.l1', 'yuan',   0, NULL, 'Resident inpatient deductible per admission at level 1 and below',       'JL19-IP'),
    ('resident.inpatient.deductible.l2', 'yuan',   0, NULL, 'Resident inpatient deductible per admission at level 2',                 'JL19-IP'),
    ('resident.inpatient.deductible.l3', 'yuan',   0, NULL, 'Resident inpatient deductible per admission at level 3',                 'JL19-IP'),
    ('resident.outpatient.deductible',   'yuan',   0, NULL, 'Resident general-outpatient deductible per year',                        'JL19-OP'),
    ('resident.outpatient.limit',        'yuan',   0, NULL, 'Resident general-outpatient fund limit per year',                        'JL19-OP'),
    ('resident.chronic.deductible',      'yuan',   0, NULL, 'Resident chronic-outpatient deductible per disease per year',            'JL19-CH'),
    ('resident.special.deductible',      'yuan',   0, NULL, 'Resident special-outpatient deductible per year',                        'JL19-SP'),
    ('employee.annual_cap',              'yuan',   0, NULL, 'Employee basic-insurance fund maximum per year',                         'NM-PN'),
    ('employee.inpatient.deductible.l1', 'yuan',   0, NULL, 'Employee inpatient deductible per admission at level 1',                 'JL24-DL'),
    ('employee.inpatient.deductible.l2', 'yuan',   0, NULL, 'Employee inpatient deductible per admission at level 2',                 'JL24-DL'),
    ('employee.inpatient.deductible.l3', 'yuan',   0, NULL, 'Employee inpatient deductible per admission at level 3',                 'JL24-DL'),
    ('employee.inpatient.ratio.l1',      'ratio',  0, 1,    'Employee inpatient fund ratio at level 1',                               'JL24-DL'),
    ('employee.inpatient.ratio.l2',      'ratio',  0, 1,    'Employee inpatient fund ratio at level 2',                               'JL24-DL'),
    ('employee.inpatient.ratio.l3',      'ratio',  0, 1,    'Employee inpatient fund ratio at level 3',                               'JL24-DL'),
    ('employer.maternity_rate',          'ratio',  0, 1,    'Employer maternity contribution rate on last year''s total wages',       'NM-CON'),
    ('allowance.divisor',                'days',   1, 31,   'Days a monthly base is divided by for the daily allowance',              'CN-ML'),
    ('allowance.unemployed_base',        'yuan',   0, NULL, 'Monthly allowance base of a person on unemployment benefit',             'NM-AL');

INSERT INTO @extschema@.param_limit (region, name, min_value, max_value, allowed, source) VALUES
    -- the prenatal cap is set by the region, at least 1000 yuan
    ('220000', 'prenatal.cap',                1000,  NULL, NULL,              'JL24-PN'),
    -- other family planning is never paid above the delivery level (100%)
    ('220000', 'family_planning.other_ratio', 0,     1,    NULL,              'JL24-FP'),
    -- the general-outpatient limit is 700 or 1000 yuan, the region choosing
    ('220000', 'resident.outpatient.limit',   NULL,  NULL, '{700,1000}',      'JL19-OP'),
    -- employers pay 0.5% to 1% of last year's total wages
    ('150000', 'employer.maternity_rate',     0.005, 0.01, NULL,              'NM-CON');

INSERT INTO @extschema@.param_value (region, name, value, valid_from, valid_to, source) VALUES
    ('220000', 'prenatal.cap',          1000, '2024-07-01', NULL, 'JL24-PN'),
    ('220000', 'resident.class_b_rate', 0.10, '2020-01-01', NULL, 'JL19-B'),
    -- a monthly base is divided by 30 everywhere unless a region says otherwise
    ('000000', 'allowance.divisor',     30,   '-infinity',  NULL, 'CN-ML');

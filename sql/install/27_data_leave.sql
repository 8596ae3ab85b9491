-- matins 0.1.0: leave days that the allowance pays for (CN-ML, ZJ-ML, GS-ML, JL-ML).  A region
-- with no row for an event and component uses the row of the next region up (city, province,
-- nation), so terminations, dystocia and extra infants follow the national rule everywhere
-- unless a province says otherwise.

INSERT INTO @extschema@.leave_rule
    (region, event, component, birth_order, gestation_months, days, document, source)
VALUES
    ('000000', 'birth',       'base',             '[1,)', '[0,)', 98, '女职工劳动保护特别规定（国务院令第619号）第七条', 'CN-ML'),
    ('000000', 'birth',       'dystocia',         '[1,)', '[0,)', 15, '女职工劳动保护特别规定（国务院令第619号）第七条', 'CN-ML'),
    ('000000', 'birth',       'per_extra_infant', '[1,)', '[0,)', 15, '女职工劳动保护特别规定（国务院令第619号）第七条', 'CN-ML'),
    -- a miscarriage before 4 completed months: 15 days; at or after 4 months: 42 days
    ('000000', 'termination', 'base',             '[1,)', '[0,4)', 15, '女职工劳动保护特别规定（国务院令第619号）第七条', 'CN-ML'),
    ('000000', 'termination', 'base',             '[1,)', '[4,)',  42, '女职工劳动保护特别规定（国务院令第619号）第七条', 'CN-ML'),
    -- Zhejiang: first child 98 + 60, second and third child 98 + 90
    ('330000', 'birth',       'base',             '[1,2)', '[0,)', 158, '浙江省生育保险办法（浙政发〔2024〕15号）', 'ZJ-ML'),
    ('330000', 'birth',       'base',             '[2,4)', '[0,)', 188, '浙江省生育保险办法（浙政发〔2024〕15号）', 'ZJ-ML'),
    -- Gansu: 180 days of maternity leave in all, 30 days of nursing leave for the father
    ('620000', 'birth',       'base',             '[1,)', '[0,)', 180, '甘肃省人口与计划生育条例（据二手资料引述，待核实）', 'GS-ML'),
    ('620000', 'paternity',   'base',             '[1,)', '[0,)', 30,  '甘肃省人口与计划生育条例（据二手资料引述，待核实）', 'GS-ML'),
    -- Jilin: 180 days of maternity leave in all, 25 days of nursing leave
    ('220000', 'birth',       'base',             '[1,)', '[0,)', 180, '吉林省实施方案（据二手资料引述，待核实）', 'JL-ML'),
    ('220000', 'paternity',   'base',             '[1,)', '[0,)', 25,  '吉林省实施方案（据二手资料引述，待核实）', 'JL-ML');

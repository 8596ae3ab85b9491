-- matins 0.1.0: regions and policy documents (contract: Codes; Policies and parameters).

INSERT INTO @extschema@.region (code, name, level, parent, source) VALUES
    ('000000', '全国',           'nation',   NULL,     'CN-ML'),
    ('150000', '内蒙古自治区',   'province', '000000', 'NM-COV'),
    ('150200', '包头市',         'city',     '150000', 'NM-COV'),
    ('220000', '吉林省',         'province', '000000', 'JL24-SC'),
    ('330000', '浙江省',         'province', '000000', 'ZJ-ML'),
    ('330300', '温州市',         'city',     '330000', 'WZ-PN'),
    ('620000', '甘肃省',         'province', '000000', 'GS-ML'),
    ('620100', '兰州市',         'city',     '620000', 'LZ-COV');

INSERT INTO @extschema@.policy
    (id, region, scope, title, doc_number, issuer, status, based_on, valid_from, valid_to, seed_file, source)
VALUES
    ('JL-2019-RES', '220000', 'resident_medical',
     '关于印发进一步推进城乡居民基本医疗保险保障待遇统一的指导意见的通知',
     '吉医保联〔2019〕21号', '吉林省医疗保障局等', 'in_force', NULL, '2020-01-01', NULL,
     'jilin-2019-resident-insurance.txt', 'JL19-IP'),
    ('JL-2024-MAT', '220000', 'maternity',
     '关于优化生育医疗保障有关政策的通知',
     NULL, '吉林省医疗保障局、财政厅、卫生健康委、人力资源和社会保障厅', 'in_force', NULL, '2024-07-01', NULL,
     'jilin-2024-maternity.txt', 'JL24-SC'),
    ('NM-2025-MAT', '150000', 'maternity',
     '关于做好生育保险有关工作的通知',
     '内医保发〔2025〕22号', '内蒙古自治区医疗保障局等四部门', 'in_force', NULL, '2026-03-31', NULL,
     'inner-mongolia-baotou-2026-maternity.txt', 'NM-COV'),
    ('BT-2026-MAT', '150200', 'maternity',
     '转发自治区医保局等四部门关于做好生育保险有关工作的通知',
     '包医保发〔2026〕4号', '包头市医疗保障局等四部门', 'in_force', 'NM-2025-MAT', '2026-03-31', NULL,
     'inner-mongolia-baotou-2026-maternity.txt', 'NM-COV'),
    ('WZ-DRAFT-MAT', '330300', 'maternity',
     '温州市职工生育全额保障实施方案（征求意见稿）',
     NULL, '温州市医疗保障局', 'draft', NULL, NULL, NULL,
     'wenzhou-draft-maternity.txt', 'WZ-PN'),
    ('LZ-2025-MAT', '620100', 'maternity',
     '兰州市生育保险实施细则',
     '兰医保〔2025〕37号', '兰州市医疗保障局、兰州市财政局、国家税务总局兰州市税务局', 'in_force', NULL, '2025-06-27', '2030-06-26',
     'lanzhou-2025-maternity.txt', 'LZ-COV');

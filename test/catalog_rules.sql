-- pgTAP: the rule catalog (matins.rule, sql/updates/0.2.0/30_data_rules.sql) against the bold
-- rule ids of rules.md and the five seed documents in ../shared/seeds/.
-- Every expected value is typed from the digest or the seed, never read back from the tables
-- (only the document number / title of each policy is taken from matins.policy, whose rows
-- test/regions_policies.sql checks by hand).
BEGIN;
SET search_path = matins, public;
SELECT plan(145);

-- ---------------------------------------------------------------- the set of rule ids

SELECT set_eq(
    $$SELECT id FROM matins.rule$$,
    $$VALUES ('JL24-ART-1'::text), ('JL24-ART-2'), ('JL24-ART-3'), ('JL24-ART-4'), ('JL24-PN'),
             ('JL24-DL'), ('JL24-FP'), ('JL24-EL'), ('JL24-AL'), ('JL24-SC'),
             ('JL19-OP'), ('JL19-CH'), ('JL19-SP'), ('JL19-IP'), ('JL19-B'), ('JL19-MP'), ('JL19-CO'),
             ('NM-COV'), ('NM-CON'), ('NM-EL'), ('NM-PN'), ('NM-IP'), ('NM-OP'), ('NM-NOMI'),
             ('NM-AL'), ('NM-ARR'), ('NM-ACC'), ('NM-WAIT'),
             ('WZ-PN'), ('WZ-IP'), ('WZ-LIST'),
             ('LZ-COV'), ('LZ-CON'), ('LZ-GAP'), ('LZ-WHO'), ('LZ-PN'), ('LZ-SCR'), ('LZ-FPO'),
             ('LZ-IP'), ('LZ-SPO'), ('LZ-DIR'), ('LZ-AL'), ('LZ-AEL'), ('LZ-ARR'),
             ('CN-ML'), ('ZJ-ML'), ('GS-ML'), ('JL-ML')$$,
    'JL24-ART-1 … JL-ML: the catalog holds exactly the 48 bold rule ids of rules.md, no other');

-- ---------------------------------------------------------------- expected rows, typed by hand
-- policy: the policy id of rules.md §1-§5 (NULL for the leave rules of §6);
-- article: where the seed puts the rule, as the document numbers it.

CREATE TEMP TABLE expected_rule (ord int PRIMARY KEY, id text NOT NULL, policy text, article text NOT NULL);
INSERT INTO expected_rule VALUES
    ( 1, 'JL24-ART-1', 'JL-2024-MAT',  '一、'),
    ( 2, 'JL24-ART-2', 'JL-2024-MAT',  '一、'),
    ( 3, 'JL24-ART-3', 'JL-2024-MAT',  '一、'),
    ( 4, 'JL24-ART-4', 'JL-2024-MAT',  '附件'),
    ( 5, 'JL24-PN',    'JL-2024-MAT',  '二、（一）'),
    ( 6, 'JL24-DL',    'JL-2024-MAT',  '三、'),
    ( 7, 'JL24-FP',    'JL-2024-MAT',  '四、'),
    ( 8, 'JL24-EL',    'JL-2024-MAT',  '五、（一）'),
    ( 9, 'JL24-AL',    'JL-2024-MAT',  '五、（二）'),
    (10, 'JL24-SC',    'JL-2024-MAT',  '六、'),
    (11, 'JL19-OP',    'JL-2019-RES',  '二、（一）1.'),
    (12, 'JL19-CH',    'JL-2019-RES',  '二、（一）2.'),
    (13, 'JL19-SP',    'JL-2019-RES',  '二、（一）3.'),
    (14, 'JL19-IP',    'JL-2019-RES',  '二、（二）1.'),
    (15, 'JL19-B',     'JL-2019-RES',  '三、（三）'),
    (16, 'JL19-MP',    'JL-2019-RES',  '二、（二）2.'),
    (17, 'JL19-CO',    'JL-2019-RES',  '四、（三）'),
    (18, 'NM-COV',     'NM-2025-MAT',  '一、（一）'),
    (19, 'NM-CON',     'NM-2025-MAT',  '一、（二）'),
    (20, 'NM-EL',      'NM-2025-MAT',  '二、'),
    (21, 'NM-PN',      'NM-2025-MAT',  '二、（一）1.'),
    (22, 'NM-IP',      'NM-2025-MAT',  '二、（一）2.'),
    (23, 'NM-OP',      'NM-2025-MAT',  '二、（一）3.'),
    (24, 'NM-NOMI',    'NM-2025-MAT',  '二、（三）'),
    (25, 'NM-AL',      'NM-2025-MAT',  '二、（二）'),
    (26, 'NM-ARR',     'NM-2025-MAT',  '二、（三）'),
    (27, 'NM-ACC',     'NM-2025-MAT',  '三、（四）'),
    (28, 'NM-WAIT',    'NM-2025-MAT',  '二、'),
    (29, 'WZ-PN',      'WZ-DRAFT-MAT', '二、（一）'),
    (30, 'WZ-IP',      'WZ-DRAFT-MAT', '二、（二）'),
    (31, 'WZ-LIST',    'WZ-DRAFT-MAT', '附件'),
    (32, 'LZ-COV',     'LZ-2025-MAT',  '第二条'),
    (33, 'LZ-CON',     'LZ-2025-MAT',  '第四条'),
    (34, 'LZ-GAP',     'LZ-2025-MAT',  '第五条'),
    (35, 'LZ-WHO',     'LZ-2025-MAT',  '第六条'),
    (36, 'LZ-PN',      'LZ-2025-MAT',  '第八条'),
    (37, 'LZ-SCR',     'LZ-2025-MAT',  '第八条'),
    (38, 'LZ-FPO',     'LZ-2025-MAT',  '第八条'),
    (39, 'LZ-IP',      'LZ-2025-MAT',  '第九条'),
    (40, 'LZ-SPO',     'LZ-2025-MAT',  '第九条'),
    (41, 'LZ-DIR',     'LZ-2025-MAT',  '第十条'),
    (42, 'LZ-AL',      'LZ-2025-MAT',  '第十一条、第十二条、第十四条'),
    (43, 'LZ-AEL',     'LZ-2025-MAT',  '第十三条'),
    (44, 'LZ-ARR',     'LZ-2025-MAT',  '第十七条'),
    (45, 'CN-ML',      NULL,           '第七条'),
    (46, 'ZJ-ML',      NULL,           '（未收录于种子文件）'),
    (47, 'GS-ML',      NULL,           '（未收录于种子文件）'),
    (48, 'JL-ML',      NULL,           '（未收录于种子文件）');

-- ---------------------------------------------------------------- the policy of each rule (48)

SELECT is(
    CASE WHEN r.id IS NULL THEN '(no such rule)' ELSE coalesce(r.policy, '(none)') END,
    coalesce(e.policy, '(none)'),
    e.id || ': belongs to ' || coalesce('policy ' || e.policy, 'no policy (a leave rule from outside the seeds)'))
  FROM expected_rule e LEFT JOIN matins.rule r ON r.id = e.id
 ORDER BY e.ord;

-- ---------------------------------------------------------------- the article of each rule (48)

SELECT is(
    CASE WHEN r.id IS NULL THEN '(no such rule)' ELSE r.article END,
    e.article,
    e.id || ': stands at ' || e.article || ' of its document')
  FROM expected_rule e LEFT JOIN matins.rule r ON r.id = e.id
 ORDER BY e.ord;

-- ------------------------------------- the document cites the policy's number, else its title (44)

SELECT ok(
    r.id IS NOT NULL AND strpos(r.document, coalesce(p.doc_number, p.title)) > 0,
    e.id || ': the document cites ' || coalesce(p.doc_number, p.title || ' (the policy has no document number)'))
  FROM expected_rule e
  JOIN matins.policy p ON p.id = e.policy
  LEFT JOIN matins.rule r ON r.id = e.id
 ORDER BY e.ord;

-- ---------------------------------------------------------------- the leave rules' documents

SELECT is(
    (SELECT document FROM matins.rule WHERE id = 'CN-ML'),
    '女职工劳动保护特别规定（国务院令第619号）',
    'CN-ML: cites 女职工劳动保护特别规定（国务院令第619号）');

-- ---------------------------------------------------------------- summaries

SELECT is(
    (SELECT array_agg(id ORDER BY id) FROM matins.rule
      WHERE summary ~ '[\n\r]' OR summary ~ '[\u3000-\u9fff\uff00-\uffef]' OR summary <> btrim(summary)),
    NULL,
    'JL24-ART-1 … JL-ML: every summary is a single trimmed line of English (no Chinese characters)');

-- ---------------------------------------------------------------- constraints

SELECT throws_ok(
    $$INSERT INTO matins.rule (id, policy, document, article, summary)
      VALUES ('lz-spo', 'LZ-2025-MAT', '兰医保〔2025〕37号 兰州市生育保险实施细则', '第九条',
              'A lower-case copy of the spouse rule')$$,
    '23514',
    NULL,
    'LZ-SPO: a lower-case id (lz-spo) is rejected by the id format check');

SELECT throws_ok(
    $$INSERT INTO matins.rule (id, policy, document, article, summary)
      VALUES ('LZ-SPO', 'LZ-2025-MAT', '兰医保〔2025〕37号 兰州市生育保险实施细则', '第九条',
              'A second row for the spouse rule')$$,
    '23505',
    NULL,
    'LZ-SPO: a second row with an existing id is rejected (rule ids are unique)');

SELECT * FROM finish();
ROLLBACK;

-- pgTAP: the catalog generation that C caches are keyed on moves on after every change to a
-- catalog table (the catalog_changed trigger queues a relcache invalidation), and only then.
BEGIN;
SET search_path = matins, public;
SELECT plan(4);

CREATE TEMP TABLE gen (label text PRIMARY KEY, g bigint);
INSERT INTO gen VALUES ('start', matins.catalog_generation());

CREATE TEMP TABLE unrelated (a int);
ALTER TABLE unrelated ADD COLUMN b int;
SELECT is(matins.catalog_generation(), (SELECT g FROM gen WHERE label = 'start'),
    'a change to a table that is not a catalog leaves the generation alone');

SELECT matins.set_param('220000', 'art.deductible.l2', 500, '2024-07-01');
SELECT cmp_ok(matins.catalog_generation(), '>', (SELECT g FROM gen WHERE label = 'start'),
    'set_param moves the generation on within the same transaction');

INSERT INTO gen VALUES ('after_set', matins.catalog_generation());
UPDATE matins.leave_rule SET days = days WHERE NOT shipped;
SELECT cmp_ok(matins.catalog_generation(), '>', (SELECT g FROM gen WHERE label = 'after_set'),
    'any statement on a catalog table moves it on, even one that changes no row');

INSERT INTO gen VALUES ('after_update', matins.catalog_generation());
SELECT matins.param('220000', 'art.deductible.l2', '2025-01-01');
SELECT is(matins.catalog_generation(), (SELECT g FROM gen WHERE label = 'after_update'),
    'reading the catalogs does not move it');

SELECT * FROM finish();
ROLLBACK;

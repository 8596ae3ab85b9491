-- matins 0.1.0: C functions behind the catalog triggers (src/catalog_guard.c, src/catalog_cache.c).

CREATE FUNCTION @extschema@.guard_catalog_row() RETURNS trigger
    LANGUAGE c AS 'MODULE_PATHNAME', 'matins_guard_catalog_row';
COMMENT ON FUNCTION @extschema@.guard_catalog_row() IS
    'BEFORE ROW trigger of the catalogs: marks rows shipped or local and protects shipped rows';

CREATE FUNCTION @extschema@.catalog_changed() RETURNS trigger
    LANGUAGE c AS 'MODULE_PATHNAME', 'matins_catalog_changed';
COMMENT ON FUNCTION @extschema@.catalog_changed() IS
    'AFTER STATEMENT trigger of the catalogs: invalidates what backends cached from them';

CREATE FUNCTION @extschema@.catalog_generation() RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'matins_catalog_generation';
COMMENT ON FUNCTION @extschema@.catalog_generation() IS
    'This backend''s catalog generation: it moves on after every change to a matins catalog table';

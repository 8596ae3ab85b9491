/*
 * catalog_cache.c
 *      The backend-local generation of the matins catalogs.
 *
 * Anything a backend derives from the catalog tables (parameters, schedules, items) is valid
 * for one generation.  The generation moves on whenever a relcache invalidation arrives for a
 * catalog table (queued by matins.catalog_changed() after every write) or for all relations, so a
 * cache that remembers the generation it was built in knows when to rebuild.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"

#include "matins.h"

PG_FUNCTION_INFO_V1(matins_catalog_generation);

/* the catalog tables whose changes move the generation */
static const char *const catalog_table_names[] = {
	"region", "policy", "param_def", "param_limit", "param_value", "policy_constant",
	"art_item", "prenatal_package_item", "prenatal_list_item", "designated_hospital",
	"benefit_quota", "band_schedule", "chronic_disease", "special_disease",
	"contribution_rate", "leave_rule", "route", "rule"
};
#define N_CATALOG_TABLES lengthof(catalog_table_names)

static Oid	catalog_relids[N_CATALOG_TABLES];
static bool catalog_relids_known = false;
static uint64 catalog_generation = 1;

/*
 * catalog_relcache_callback
 *      Move the generation on when a catalog table (or every relation) is invalidated.  While the
 *      table OIDs are not known yet, every invalidation counts: that only costs a rebuild.
 */
static void
catalog_relcache_callback(Datum arg, Oid relid)
{
	int			i;

	if (relid == InvalidOid || !catalog_relids_known)
	{
		catalog_generation++;
		catalog_relids_known = false;
		return;
	}
	for (i = 0; i < (int) N_CATALOG_TABLES; i++)
	{
		if (catalog_relids[i] == relid)
		{
			catalog_generation++;
			/* a dropped and recreated table gets a new OID: look them up again */
			catalog_relids_known = false;
			return;
		}
	}
}

/*
 * lookup_catalog_relids
 *      Find the OIDs of the catalog tables in the extension's schema (needs a transaction).
 */
static void
lookup_catalog_relids(void)
{
	Oid			nsp = get_namespace_oid("matins", false);
	int			i;

	for (i = 0; i < (int) N_CATALOG_TABLES; i++)
		catalog_relids[i] = get_relname_relid(catalog_table_names[i], nsp);
	catalog_relids_known = true;
}

/*
 * matins_catalog_cache_init
 *      Register the relcache callback; called once from _PG_init.
 */
void
matins_catalog_cache_init(void)
{
	CacheRegisterRelcacheCallback(catalog_relcache_callback, (Datum) 0);
}

/*
 * matins_catalog_generation_now
 *      The current generation.  Invalidations are processed at transaction start, at every lock
 *      a statement takes on its tables, and after each command of this backend, so within a
 *      statement the value is current without polling the invalidation queue.
 */
uint64
matins_catalog_generation_now(void)
{
	if (!catalog_relids_known)
		lookup_catalog_relids();
	return catalog_generation;
}

/*
 * matins_catalog_generation
 *      SQL: matins.catalog_generation() -> bigint, for tests and diagnostics.
 */
Datum
matins_catalog_generation(PG_FUNCTION_ARGS)
{
	AcceptInvalidationMessages();
	PG_RETURN_INT64((int64) matins_catalog_generation_now());
}

/*
 * matins.c
 *      Module entry: the module magic block and _PG_init.
 *
 * Each concern of the extension lives in a file of its own:
 *   catalog_guard.c  triggers that keep shipped catalog rows intact and announce changes
 *   catalog_cache.c  the backend-local view of when the catalogs last changed
 *   settle_scan.c    matins' own scan for matins_settle in FROM (LATERAL)
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "matins.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * _PG_init
 *      Register the catalog invalidation callback and the scan of matins_settle in FROM (its
 *      GUC, methods and planner hook), and reserve the matins.* GUC prefix.
 */
void
_PG_init(void)
{
	matins_catalog_cache_init();
	matins_settle_scan_init();
	MarkGUCPrefixReserved("matins");
}

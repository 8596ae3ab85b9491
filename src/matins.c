/*
 * matins.c
 *      Module entry: the module magic block and _PG_init.
 *
 * Each concern of the extension lives in a file of its own:
 *   catalog_guard.c  triggers that keep shipped catalog rows intact and announce changes
 *   catalog_cache.c  the backend-local view of when the catalogs last changed
 *   settle_scan.c    matins' own scan for matins_settle in FROM (LATERAL)
 *   settle_run_scan.c  matins' own node for matins_settle_run in a window
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "matins.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * _PG_init
 *      Register the catalog invalidation callback and matins' plan nodes for matins_settle in
 *      FROM and matins_settle_run in a window (their GUC, methods and planner hooks), and
 *      reserve the matins.* GUC prefix.
 */
void
_PG_init(void)
{
	matins_catalog_cache_init();
	if (matins_settle_scan_init())
		matins_settle_run_scan_init();
	MarkGUCPrefixReserved("matins");
}

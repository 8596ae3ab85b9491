/*
 * matins.h
 *      Declarations shared by the C files of the matins extension.
 */
#ifndef MATINS_H
#define MATINS_H

#include "postgres.h"

/* catalog_cache.c: the per-backend generation of the catalogs */
extern void matins_catalog_cache_init(void);
extern uint64 matins_catalog_generation_now(void);

/* settle_scan.c: matins' own scan for matins_settle in FROM */
extern bool matins_settle_scan_enabled;
extern bool matins_settle_scan_init(void);
extern char *matins_c_library(Oid funcid, const char *symbol);

/* settle_run_scan.c: matins' own node for matins_settle_run in a window */
extern void matins_settle_run_scan_init(void);

#endif							/* MATINS_H */

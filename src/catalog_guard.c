/*
 * catalog_guard.c
 *      Row and statement triggers on the catalog tables.
 *
 * A catalog row is "shipped" when the extension's own install or upgrade script wrote it, and
 * "local" when a DBA added it.  pg_dump saves only local rows (pg_extension_config_dump with
 * WHERE NOT shipped), so shipped rows must never change outside an extension script: a restore
 * would otherwise bring back the original row.  A DBA overrides a shipped row by adding a local
 * row with the same key; lookups prefer local rows.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "matins.h"

PG_FUNCTION_INFO_V1(matins_guard_catalog_row);
PG_FUNCTION_INFO_V1(matins_catalog_changed);

/*
 * check_trigger_context
 *      Fail clearly unless the function runs as a trigger fired at the given level and timing.
 */
static TriggerData *
check_trigger_context(FunctionCallInfo fcinfo, const char *fname, bool row_level)
{
	TriggerData *trigdata;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s can only be called as a trigger", fname)));
	trigdata = (TriggerData *) fcinfo->context;
	if (row_level)
	{
		/* BEFORE ... FOR EACH ROW, or BEFORE TRUNCATE (statement level) */
		bool		truncating = TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event);

		if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
			TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) == truncating)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("%s must be fired BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW, or BEFORE TRUNCATE",
							fname)));
	}
	else
	{
		if (!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event) ||
			!TRIGGER_FIRED_AFTER(trigdata->tg_event))
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("%s must be fired AFTER, FOR EACH STATEMENT", fname)));
	}
	return trigdata;
}

/*
 * shipped_attnum
 *      The attribute number of the boolean column "shipped", or an error naming the table.
 */
static int
shipped_attnum(Relation rel)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), "shipped");

	if (attnum <= 0 ||
		TupleDescAttr(RelationGetDescr(rel), attnum - 1)->atttypid != BOOLOID)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("table \"%s\" has no boolean column \"shipped\"",
						RelationGetRelationName(rel))));
	return attnum;
}

/*
 * tuple_is_shipped
 *      Whether a stored catalog row was written by the extension's scripts.
 */
static bool
tuple_is_shipped(HeapTuple tuple, TupleDesc desc, int attnum)
{
	bool		isnull;
	Datum		d = heap_getattr(tuple, attnum, desc, &isnull);

	return !isnull && DatumGetBool(d);
}

/*
 * matins_guard_catalog_row
 *      BEFORE ROW (and BEFORE TRUNCATE) trigger of every catalog table: marks new rows shipped
 *      or local, and refuses to change, delete or truncate shipped rows outside CREATE/ALTER
 *      EXTENSION.
 */
Datum
matins_guard_catalog_row(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_context(fcinfo, "matins.guard_catalog_row()", true);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	int			attnum = shipped_attnum(rel);
	HeapTuple	newtuple;
	Datum		value;
	bool		isnull = false;

	/* TRUNCATE would take the shipped rows with it */
	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		if (!creating_extension)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("cannot truncate %s: it holds shipped rows",
							RelationGetRelationName(rel)),
					 errhint("Delete your own rows with DELETE ... WHERE NOT shipped.")));
		return PointerGetDatum(NULL);
	}

	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
	{
		/* the row is shipped exactly when an extension script writes it */
		value = BoolGetDatum(creating_extension);
		newtuple = heap_modify_tuple_by_cols(trigdata->tg_trigtuple, desc,
											 1, &attnum, &value, &isnull);
		return PointerGetDatum(newtuple);
	}

	if (!creating_extension &&
		tuple_is_shipped(trigdata->tg_trigtuple, desc, attnum))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("cannot %s a shipped row of %s",
						TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) ? "delete" : "update",
						RelationGetRelationName(rel)),
				 errdetail("Rows written by the matins extension scripts change only with a new extension version."),
				 errhint("Insert a row of your own with the same key: it takes precedence over the shipped row and survives pg_dump.")));

	if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		return PointerGetDatum(trigdata->tg_trigtuple);

	/* an update keeps the row's origin, whatever the statement set */
	value = BoolGetDatum(tuple_is_shipped(trigdata->tg_trigtuple, desc, attnum));
	newtuple = heap_modify_tuple_by_cols(trigdata->tg_newtuple, desc,
										 1, &attnum, &value, &isnull);
	return PointerGetDatum(newtuple);
}

/*
 * matins_catalog_changed
 *      AFTER STATEMENT trigger of every catalog table: queues a relcache invalidation of the
 *      table, so that every backend drops what it cached from the catalogs when the change
 *      commits (and this backend at the end of the statement).
 */
Datum
matins_catalog_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_context(fcinfo, "matins.catalog_changed()", false);

	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/*
 * ledger.c
 *      The fund database path: the trigger matins.attach() puts on a claims table.  Each
 *      inserted row is settled by the same core as matins_settle_run, after the person's
 *      counters kept in matins.ledger (one row per person, locked FOR UPDATE for the rest of
 *      the transaction, so two transactions settling the same person serialize and people
 *      never wait for each other).  What each claim added to the counters is kept in
 *      matins.ledger_entry, so a DELETE gives it back and an UPDATE gives it back and settles
 *      the new row.  Everything happens in the inserting transaction: a rollback leaves nothing.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "settle.h"

PG_FUNCTION_INFO_V1(matins_settle_trigger);

/* what the trigger keeps per call site: the table's layout against matins.claim */
typedef struct TriggerCache
{
	Oid			relid;
	int			natts;
	int			claim_attnum[N_CLAIM_FIELDS];	/* 0: the table lacks the field */
	int			settlement_attnum;
	TupleDesc	claim_desc;
	SettlementShape settlement;
	ClaimTypeCache claim_type;
	MemoryContext cxt;			/* the call site's context: where claim_type keeps its descriptors */
	bool		attached_checked;	/* the table was found in matins.attached */
} TriggerCache;

/* the kept plans of the ledger statements */
static SPIPlanPtr plan_attached = NULL;
static SPIPlanPtr plan_lock = NULL;
static SPIPlanPtr plan_create = NULL;
static SPIPlanPtr plan_update = NULL;
static SPIPlanPtr plan_entry_add = NULL;
static SPIPlanPtr plan_entry_take = NULL;

/*
 * keep_plan
 *      Prepare and keep a statement once per backend.
 */
static SPIPlanPtr
keep_plan(SPIPlanPtr *plan, const char *sql, int nargs, Oid *types)
{
	if (*plan == NULL)
	{
		SPIPlanPtr	p = SPI_prepare(sql, nargs, types);

		if (p == NULL || SPI_keepplan(p) != 0)
			elog(ERROR, "matins: could not prepare ledger statement: %s",
				 SPI_result_code_string(SPI_result));
		*plan = p;
	}
	return *plan;
}

/*
 * trigger_error
 *      The trigger function was attached in a way it cannot work with.
 */
static void
trigger_error(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("matins.settle_trigger() %s", what),
			 errhint("Attach it with SELECT matins.attach('your_table'), which creates the trigger correctly.")));
}

/*
 * trigger_cache
 *      Map the table's columns onto matins.claim's fields by name, checking their types, once
 *      per call site (again when the table's layout changes).
 */
static TriggerCache *
trigger_cache(FunctionCallInfo fcinfo, Relation rel)
{
	TriggerCache *tc = (TriggerCache *) fcinfo->flinfo->fn_extra;
	TupleDesc	rdesc = RelationGetDescr(rel);
	MemoryContext old;
	Oid			claim_type,
				settlement_type;

	if (tc != NULL && tc->relid == RelationGetRelid(rel) && tc->natts == rdesc->natts)
		return tc;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	tc = palloc0(sizeof(TriggerCache));
	claim_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("claim"),
								 ObjectIdGetDatum(get_namespace_oid("matins", false)));
	settlement_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("settlement"),
									  ObjectIdGetDatum(get_namespace_oid("matins", false)));
	tc->claim_desc = lookup_rowtype_tupdesc_copy(claim_type, -1);
	settlement_shape_init(&tc->settlement,
						  BlessTupleDesc(lookup_rowtype_tupdesc_copy(settlement_type, -1)));
	tc->relid = RelationGetRelid(rel);
	tc->natts = rdesc->natts;
	tc->cxt = fcinfo->flinfo->fn_mcxt;
	for (int i = 0; i < N_CLAIM_FIELDS; i++)
	{
		Form_pg_attribute f = TupleDescAttr(tc->claim_desc, i);
		int			attnum = SPI_fnumber(rdesc, NameStr(f->attname));

		if (attnum <= 0)
			continue;
		if (TupleDescAttr(rdesc, attnum - 1)->atttypid != f->atttypid)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of table \"%s\" has type %s, matins.claim's field has type %s",
							NameStr(f->attname), RelationGetRelationName(rel),
							format_type_be(TupleDescAttr(rdesc, attnum - 1)->atttypid),
							format_type_be(f->atttypid)),
					 errhint("Give the column the type of the matins.claim field of the same name.")));
		tc->claim_attnum[i] = attnum;
	}
	tc->settlement_attnum = SPI_fnumber(rdesc, "settlement");
	if (tc->settlement_attnum <= 0 ||
		TupleDescAttr(rdesc, tc->settlement_attnum - 1)->atttypid != settlement_type)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("table \"%s\" has no column settlement of type matins.settlement",
						RelationGetRelationName(rel)),
				 errhint("ALTER TABLE %s ADD COLUMN settlement matins.settlement;",
						 RelationGetRelationName(rel))));
	if (tc->claim_attnum[CLAIM_CLAIM_ID] == 0 || tc->claim_attnum[CLAIM_PERSON_ID] == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("table \"%s\" needs the columns claim_id and person_id",
						RelationGetRelationName(rel)),
				 errhint("The ledger keeps counters per person and takes back a claim's by its claim_id.")));
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = tc;
	return tc;
}

/*
 * row_claim
 *      The claim of a table row, decoded like any other (missing columns are NULL).
 */
static void
row_claim(TriggerCache *tc, HeapTuple row, TupleDesc rdesc, Claim *claim)
{
	Datum		v[N_CLAIM_FIELDS];
	bool		n[N_CLAIM_FIELDS];
	HeapTuple	t;

	for (int i = 0; i < N_CLAIM_FIELDS; i++)
	{
		if (tc->claim_attnum[i] == 0)
		{
			v[i] = (Datum) 0;
			n[i] = true;
		}
		else
			v[i] = heap_getattr(row, tc->claim_attnum[i], rdesc, &n[i]);
	}
	if (n[CLAIM_CLAIM_ID] || n[CLAIM_PERSON_ID])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field %s must not be null in an attached table",
						n[CLAIM_CLAIM_ID] ? "claim_id" : "person_id"),
				 errhint("The ledger keeps counters per person and a claim's increments by its claim_id.")));
	t = heap_form_tuple(tc->claim_desc, v, n);
	claim_decode(HeapTupleGetDatum(t), &tc->claim_type, tc->cxt, claim);
}

/*
 * claim_year_of
 *      The calendar year of a claim's service date.
 */
static int
claim_year_of(const Claim *claim)
{
	int			y,
				m,
				d;

	j2date(claim->service_date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return y;
}

/*
 * lock_usage
 *      Lock the person's ledger row (creating it on first use) and read the counters of one
 *      year and one pregnancy, the items used and the last stay's deductible (kept beside the
 *      years: a referral counts it across them; a ledger of 0.2.0 has it in the year), in the
 *      keys of `prior`, into u.
 */
static void
lock_usage(int64 person_id, int year, int64 pregnancy_id, const Claim *claim, Usage *u)
{
	Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};
	Datum		args[3];
	bool		isnull;
	Datum		prior;

	args[0] = Int64GetDatum(person_id);
	args[1] = CStringGetTextDatum(psprintf("%d", year));
	args[2] = CStringGetTextDatum(psprintf(INT64_FORMAT, pregnancy_id));
	keep_plan(&plan_lock,
			  "SELECT coalesce(usage -> 'years' -> $2, '{}') || coalesce(usage -> 'pregnancies' -> $3, '{}')"
			  " || jsonb_build_object('art_items_used', coalesce(usage -> 'art_items_used', '[]'))"
			  " || jsonb_strip_nulls(jsonb_build_object('last_stay_deductible', usage -> 'last_stay_deductible',"
			  " 'last_stay_date', usage -> 'last_stay_date'))"
			  " FROM matins.ledger WHERE person_id = $1 FOR UPDATE", 3, types);
	if (SPI_execute_plan(plan_lock, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "matins: ledger lock failed");
	if (SPI_processed == 0)
	{
		keep_plan(&plan_create,
				  "INSERT INTO matins.ledger (person_id) VALUES ($1) ON CONFLICT DO NOTHING", 1, types);
		if (SPI_execute_plan(plan_create, args, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "matins: ledger insert failed");
		if (SPI_execute_plan(plan_lock, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "matins: ledger row of person " INT64_FORMAT " not found", person_id);
	}
	prior = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	usage_enter_year(u, year);
	usage_from_jsonb(u, prior, claim);
}

/*
 * store_usage
 *      Write one year's and one pregnancy's counters, the items used and the last stay's
 *      deductible back to the ledger.
 */
static void
store_usage(const MatinsCatalog *cat, int64 person_id, int year, const Usage *u,
			const PregnancyUsage *p)
{
	Oid			types[8] = {INT8OID, TEXTOID, TEXTOID, JSONBOID, JSONBOID, JSONBOID, NUMERICOID, DATEOID};
	Datum		args[8];
	char		nulls[8];

	args[0] = Int64GetDatum(person_id);
	args[1] = CStringGetTextDatum(psprintf("%d", year));
	args[2] = CStringGetTextDatum(psprintf(INT64_FORMAT, p->pregnancy_id));
	args[3] = usage_year_jsonb(&u->year);
	args[4] = usage_pregnancy_jsonb(cat, p);
	args[5] = usage_art_jsonb(u, 0);
	args[6] = fen_to_numeric(u->last_stay_deductible);
	args[7] = DateADTGetDatum(u->last_stay_date);
	memset(nulls, ' ', sizeof(nulls));
	if (DATE_NOT_FINITE(u->last_stay_date))
		nulls[7] = 'n';
	/* the last stay's deductible is kept only when there is one, its date when it is known */
	keep_plan(&plan_update,
			  "UPDATE matins.ledger SET usage = (jsonb_set(jsonb_set(jsonb_set(usage,"
			  " ARRAY['years', $2], $4), ARRAY['pregnancies', $3], $5), '{art_items_used}', $6)"
			  " - 'last_stay_deductible' - 'last_stay_date')"
			  " || jsonb_strip_nulls(jsonb_build_object('last_stay_deductible', nullif($7, 0),"
			  " 'last_stay_date', $8)),"
			  " updated_at = now() WHERE person_id = $1", 8, types);
	if (SPI_execute_plan(plan_update, args, nulls, false, 0) != SPI_OK_UPDATE || SPI_processed != 1)
		elog(ERROR, "matins: ledger update failed");
}

/*
 * settle_row
 *      Settle a new row after the person's counters, record its increments, and return the
 *      row with its settlement.
 */
static HeapTuple
settle_row(TriggerCache *tc, Relation rel, HeapTuple row)
{
	const MatinsCatalog *cat = catalog_get();
	TupleDesc	rdesc = RelationGetDescr(rel);
	Claim		claim;
	Usage		usage,
				before,
				delta;
	PregnancyUsage pbefore,
				dp,
			   *pafter;
	Settlement	s;
	int			year;
	Datum		value;
	bool		isnull = false;
	Oid			types[8] = {REGCLASSOID, INT8OID, INT8OID, INT4OID, INT8OID, JSONBOID, JSONBOID, JSONBOID};
	Datum		args[8];

	row_claim(tc, row, rdesc, &claim);
	year = claim_year_of(&claim);
	usage_init(&usage, CurrentMemoryContext);
	lock_usage(claim.person_id, year, claim.pregnancy_id, &claim, &usage);
	before = usage;
	pbefore = *usage_pregnancy(&usage, claim.pregnancy_id);

	settlement_reset(&s);
	settle(cat, &claim, NULL, &usage, &s);
	pafter = usage_pregnancy(&usage, claim.pregnancy_id);
	store_usage(cat, claim.person_id, year, &usage, pafter);

	usage_init(&delta, CurrentMemoryContext);
	usage_difference(&before, &pbefore, &usage, pafter, &delta, &dp);
	args[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	args[1] = Int64GetDatum(claim.claim_id);
	args[2] = Int64GetDatum(claim.person_id);
	args[3] = Int32GetDatum(year);
	args[4] = Int64GetDatum(claim.pregnancy_id);
	args[5] = usage_year_jsonb(&delta.year);
	args[6] = usage_pregnancy_jsonb(cat, &dp);
	args[7] = usage_art_jsonb(&delta, 0);
	keep_plan(&plan_entry_add,
			  "INSERT INTO matins.ledger_entry (rel, claim_id, person_id, year, pregnancy_id, delta)"
			  " VALUES ($1, $2, $3, $4, $5, $6 || $7 || jsonb_build_object('art_items_used', $8))"
			  " ON CONFLICT DO NOTHING", 8, types);
	if (SPI_execute_plan(plan_entry_add, args, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "matins: ledger entry insert failed");
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_UNIQUE_VIOLATION),
				 errmsg("claim_id " INT64_FORMAT " of table \"%s\" is settled already",
						claim.claim_id, RelationGetRelationName(rel)),
				 errhint("Give each claim its own claim_id; to correct a claim, UPDATE its row.")));

	value = settlement_datum(cat, &claim, &s, &tc->settlement);
	return heap_modify_tuple_by_cols(row, rdesc, 1, &tc->settlement_attnum, &value, &isnull);
}

/*
 * give_back
 *      Take a settled claim's increments back out of its person's counters (DELETE, and the
 *      old row of an UPDATE).  A row settled before the table was attached has none, and a row
 *      without a settlement was never settled (it came in while the table was detached): its
 *      claim_id may even be that of a settled row, whose increments stay.
 */
static void
give_back(TriggerCache *tc, Relation rel, HeapTuple row)
{
	const MatinsCatalog *cat = catalog_get();
	bool		isnull;
	Datum		claim_id = heap_getattr(row, tc->claim_attnum[CLAIM_CLAIM_ID], RelationGetDescr(rel), &isnull);
	Oid			types[2] = {REGCLASSOID, INT8OID};
	Datum		args[2];
	int64		person_id;
	int			year;
	Claim		claim;
	Usage		usage,
				delta;
	PregnancyUsage *p,
			   *dp;

	if (isnull)
		return;
	(void) heap_getattr(row, tc->settlement_attnum, RelationGetDescr(rel), &isnull);
	if (isnull)
		return;
	args[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	args[1] = claim_id;
	keep_plan(&plan_entry_take,
			  "DELETE FROM matins.ledger_entry WHERE rel = $1 AND claim_id = $2"
			  " RETURNING person_id, year, pregnancy_id, delta", 2, types);
	if (SPI_execute_plan(plan_entry_take, args, NULL, false, 0) != SPI_OK_DELETE_RETURNING)
		elog(ERROR, "matins: ledger entry delete failed");
	if (SPI_processed == 0)
		return;
	person_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	year = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	memset(&claim, 0, sizeof(claim));
	claim.person_id = person_id;
	claim.pregnancy_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));

	/* the increments, read with the same reader as the counters */
	usage_init(&delta, CurrentMemoryContext);
	usage_enter_year(&delta, year);
	usage_from_jsonb(&delta, SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull), &claim);
	dp = usage_pregnancy(&delta, claim.pregnancy_id);

	usage_init(&usage, CurrentMemoryContext);
	lock_usage(person_id, year, claim.pregnancy_id, &claim, &usage);
	p = usage_pregnancy(&usage, claim.pregnancy_id);
	usage_subtract(&usage, p, &delta, dp);
	store_usage(cat, person_id, year, &usage, p);
}

/*
 * check_attached
 *      The trigger writes the ledger with the extension owner's rights, so it works only on a
 *      table matins.attach attached (listed in matins.attached, itself or a partitioned table it
 *      is a partition of): a trigger someone created by hand on a table of their own must not
 *      move anybody's counters.  Checked once per call site (statement).
 */
static void
check_attached(TriggerCache *tc, Relation rel)
{
	Oid			types[1] = {OIDOID};
	Datum		args[1];

	if (tc->attached_checked)
		return;
	args[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	/* a partition of an attached partitioned table carries the trigger matins.attach created */
	keep_plan(&plan_attached,
			  "SELECT FROM matins.attached"
			  " WHERE rel = $1 OR rel IN (SELECT relid FROM pg_partition_ancestors($1))",
			  1, types);
	if (SPI_execute_plan(plan_attached, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "matins: reading matins.attached failed");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("table %s is not attached to matins", RelationGetRelationName(rel)),
				 errdetail("matins.settle_trigger() settles claims only on tables listed in matins.attached."),
				 errhint("Attach it with SELECT matins.attach('%s') (its owner, a member of matins_admin).",
						 RelationGetRelationName(rel))));
	tc->attached_checked = true;
}

/*
 * matins_settle_trigger
 *      BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW on an attached claims table.
 */
Datum
matins_settle_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	TriggerCache *tc;
	HeapTuple	result;

	if (!CALLED_AS_TRIGGER(fcinfo))
		trigger_error("can only be called as a trigger");
	td = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		trigger_error("must be fired FOR EACH ROW");
	if (!TRIGGER_FIRED_BEFORE(td->tg_event))
		trigger_error("must be fired BEFORE INSERT OR UPDATE OR DELETE");
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		trigger_error("cannot handle TRUNCATE");
	if (td->tg_trigger->tgnargs != 0)
		trigger_error("takes no arguments");

	tc = trigger_cache(fcinfo, td->tg_relation);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "matins: SPI_connect failed");
	check_attached(tc, td->tg_relation);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		result = settle_row(tc, td->tg_relation, td->tg_trigtuple);
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		give_back(tc, td->tg_relation, td->tg_trigtuple);
		result = settle_row(tc, td->tg_relation, td->tg_newtuple);
	}
	else
	{
		give_back(tc, td->tg_relation, td->tg_trigtuple);
		result = td->tg_trigtuple;
	}
	result = SPI_copytuple(result);
	SPI_finish();
	return PointerGetDatum(result);
}

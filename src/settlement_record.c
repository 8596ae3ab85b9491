/*
 * settlement_record.c
 *      Expanded matins.settlement records for matins_settle's results, lent from a small pool.
 *
 *      Called in an expression, matins_settle returns its settlement as an expanded record
 *      (utils/expandedrecord.h) that holds every field's value as a datum, the values written
 *      into one buffer of the record (settlement_tuple.c, write_values), and no flat row.  A
 *      field selected from the result, as in (matins_settle(c)).fund_total, is then read at
 *      once; from a flat row the server walks the fields before it, every row.  Anything that
 *      needs the row (output, a stored tuple, a sort) has the server form it from the values.
 *
 *      An expanded record lives in a memory context of its own.  Making one and deleting it for
 *      each row costs about what the walk it saves does, so records are lent from a pool, and
 *      each keeps its context and its value buffer from row to row:
 *
 *      - a record is handed out read-write, as a function returns a new expanded object, and
 *        lent for as long as the context the call ran in, the row's: a callback on that context
 *        gives it back when the context is reset or deleted, when the row's values stop being
 *        valid in any case;
 *      - a record the caller took over (moved its context under another, as PL/pgSQL does with
 *        a function's result) or whose context was reset or deleted is no longer the pool's:
 *        the pool forgets it (its new owner deletes it) and makes another;
 *      - a record whose context grew (someone changed it in place) is deleted, not reused;
 *      - when every record is lent (a context not reset between calls), the call makes a record
 *        of its own in its context, deleted with it, as any expanded result is.
 */
#include "postgres.h"

#include "nodes/memnodes.h"
#include "utils/expandedrecord.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "settle.h"

#define RECORD_POOL_SIZE 8
#define RECORD_VALUES_MIN 512	/* the first value buffer of a record, in bytes */

typedef struct PooledRecord
{
	ExpandedRecordHeader *erh;	/* NULL: the slot holds no record */
	char	   *values;			/* the value buffer, in the record's context */
	Size		room;			/* its bytes */
	Size		allocated;		/* the context's allocated bytes when set up */
	uint64		tupdesc_id;		/* the typcache's identifier of the record's descriptor */
	uint32		making;			/* counts the records the slot held, to tell a stale callback */
	bool		lent;			/* handed out, and returned registered: until it runs, the slot
								 * is not lent again, whatever became of its record */
	MemoryContextCallback returned; /* on the context lent for (record_returned), linked in
									 * that context's list of callbacks while lent */
} PooledRecord;

static PooledRecord pool[RECORD_POOL_SIZE];
static MemoryContext pool_cxt = NULL;

/* record_gone's argument: the slot and the record it was registered for */
#define CALLBACK_ARG(i, count)	((void *) ((uintptr_t) (count) << 8 | (uintptr_t) (i)))
#define CALLBACK_SLOT(arg)		((int) ((uintptr_t) (arg) & 0xFF))
#define CALLBACK_COUNT(arg)		((uint32) ((uintptr_t) (arg) >> 8))

/*
 * forget
 *      The slot's record is not the pool's any more: drop it without touching it.
 */
static void
forget(PooledRecord *r)
{
	r->erh = NULL;
	r->making++;
}

/*
 * record_gone
 *      Callback on a pooled record's own context: someone else reset or deleted it.
 */
static void
record_gone(void *arg)
{
	PooledRecord *r = &pool[CALLBACK_SLOT(arg)];

	if (r->making == CALLBACK_COUNT(arg))
		forget(r);
}

/*
 * record_returned
 *      Callback on the context a record was lent for: it was reset or deleted, so the row's
 *      values are dead and the record comes back, unless it was taken over or changed.
 */
static void
record_returned(void *arg)
{
	PooledRecord *r = &pool[(uintptr_t) arg];
	MemoryContext cxt;

	r->lent = false;			/* the callback is off the context's list */
	if (r->erh == NULL)
		return;					/* forgotten while lent */
	cxt = r->erh->hdr.eoh_context;
	if (cxt->parent != pool_cxt)
		forget(r);				/* taken over: its new owner deletes it */
	else if (cxt->mem_allocated != r->allocated || cxt->firstchild != NULL)
		MemoryContextDelete(cxt);	/* changed in place; record_gone forgets it */
}

/*
 * record_make
 *      A new record of the settlement type in slot r, with a value buffer of at least room
 *      bytes.
 */
static void
record_make(PooledRecord *r, int i, const SettlementShape *shape, Size room)
{
	ExpandedRecordHeader *erh;
	MemoryContextCallback *gone;

	erh = make_expanded_record_from_typeid(shape->desc->tdtypeid, shape->desc->tdtypmod, pool_cxt);
	r->making++;
	gone = MemoryContextAlloc(erh->hdr.eoh_context, sizeof(MemoryContextCallback));
	gone->func = record_gone;
	gone->arg = CALLBACK_ARG(i, r->making);
	MemoryContextRegisterResetCallback(erh->hdr.eoh_context, gone);
	r->room = Max(room, RECORD_VALUES_MIN);
	r->values = MemoryContextAlloc(erh->hdr.eoh_context, r->room);
	r->allocated = erh->hdr.eoh_context->mem_allocated;
	r->tupdesc_id = erh->er_tupdesc_id;
	r->erh = erh;
}

/*
 * settlement_record_lend
 *      A read-write expanded settlement record for this call's result, and a buffer of room
 *      bytes for its values, in the record's context: lent from the pool until the current
 *      memory context is reset, or, when every record is lent, made in that context.
 *      tupdesc_id: the typcache's identifier of the settlement type's descriptor now.
 */
ExpandedRecordHeader *
settlement_record_lend(const SettlementShape *shape, uint64 tupdesc_id, Size room,
					   char **values)
{
	PooledRecord *r = NULL;
	int			i;

	if (unlikely(pool_cxt == NULL))
		pool_cxt = AllocSetContextCreate(TopMemoryContext, "matins settlement records",
										 ALLOCSET_SMALL_SIZES);
	for (i = 0; i < RECORD_POOL_SIZE; i++)
	{
		r = &pool[i];
		if (r->lent)
			continue;
		if (r->erh != NULL && (r->tupdesc_id != tupdesc_id || r->room < room))
			MemoryContextDelete(r->erh->hdr.eoh_context);	/* record_gone forgets it */
		if (r->erh == NULL)
			record_make(r, i, shape, room);
		break;
	}
	if (i == RECORD_POOL_SIZE)
	{
		/* a record of the call's own, deleted with its context */
		ExpandedRecordHeader *erh = make_expanded_record_from_typeid(shape->desc->tdtypeid,
																	 shape->desc->tdtypmod,
																	 CurrentMemoryContext);

		*values = MemoryContextAlloc(erh->hdr.eoh_context, room);
		return erh;
	}

	/*
	 * The slot's own callback structure, not one allocated in the context: the slot is not
	 * lent again before the callback has run, so the structure is never in two lists.
	 */
	r->returned.func = record_returned;
	r->returned.arg = (void *) (uintptr_t) i;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &r->returned);
	r->lent = true;
	*values = r->values;
	return r->erh;
}

/*
 * settlement_record_fill
 *      Make erh hold the field values the caller wrote in erh->dvalues and erh->dnulls, those
 *      passed by reference in the len bytes at values (the buffer settlement_record_lend gave,
 *      or one in erh's context).
 */
void
settlement_record_fill(ExpandedRecordHeader *erh, char *values, Size len)
{
	/*
	 * The state expanded_record_set_field leaves, without copying a value into the record's
	 * context one by one: field values, no flat row (flat_size 0: the server measures the
	 * row when it forms it).  The buffer is given as the range of the record's original
	 * values, which the server does not free when a field is replaced (expandedrecord.c
	 * frees a replaced value only outside fstartptr .. fendptr).
	 */
	erh->fvalue = NULL;
	erh->fstartptr = values;
	erh->fendptr = values + len;
	erh->flat_size = 0;
	erh->flags = (erh->flags & ER_FLAGS_NON_DATA) | ER_FLAG_DVALUES_VALID;
}

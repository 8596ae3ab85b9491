/*
 * const_settlement.c
 *      bench_const_settlement(matins.claim) RETURNS matins.settlement: the floor of
 *      PostgreSQL's own cost of calling a C function that takes a claim and returns a
 *      settlement.  It ignores its argument (not even detoasted) and returns the same constant
 *      composite every call: the blessed TupleDesc and the formed tuple are built on the first
 *      call and kept in fn_extra (fn_mcxt), so a call is one pointer load.
 *
 *      Benchmark only (bench/run); not part of the matins extension.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(bench_const_settlement);

#define N_SETTLEMENT_FIELDS 17

/* what the call site keeps between calls */
typedef struct ConstCache
{
	TupleDesc	desc;			/* blessed matins.settlement */
	Datum		result;			/* the constant settlement */
} ConstCache;

static Datum
amount(const char *yuan)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(yuan),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * build_cache
 *      The result type and the constant settlement, built once in fn_mcxt:
 *      a claim of 1.00 paid in full by the maternity fund (the identities hold).
 */
static ConstCache *
build_cache(FunctionCallInfo fcinfo)
{
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	ConstCache *cc = palloc0(sizeof(ConstCache));
	TupleDesc	desc;
	Datum		v[N_SETTLEMENT_FIELDS];
	bool		n[N_SETTLEMENT_FIELDS];
	Datum		note = CStringGetTextDatum("BENCH-CONST");

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "bench_const_settlement must return a composite type");
	if (desc->natts != N_SETTLEMENT_FIELDS)
		elog(ERROR, "bench_const_settlement: the result type has %d fields, matins.settlement has %d",
			 desc->natts, N_SETTLEMENT_FIELDS);
	cc->desc = BlessTupleDesc(CreateTupleDescCopy(desc));

	memset(n, 0, sizeof(n));
	v[0] = Int64GetDatum(0);	/* claim_id */
	v[1] = CStringGetTextDatum("BENCH-CONST");	/* policy */
	v[2] = CStringGetTextDatum("bench.const");	/* route */
	v[3] = amount("1.00");		/* total */
	v[4] = amount("0.00");		/* self_pay */
	v[5] = amount("0.00");		/* over_limit */
	v[6] = amount("0.00");		/* pre_self_pay */
	v[7] = amount("1.00");		/* in_scope */
	v[8] = amount("0.00");		/* deductible */
	v[9] = amount("0.00");		/* copay */
	v[10] = amount("0.00");		/* over_cap */
	v[11] = (Datum) 0;			/* transfer_to */
	n[11] = true;
	v[12] = amount("1.00");		/* maternity_fund */
	v[13] = amount("0.00");		/* pooled_fund */
	v[14] = amount("1.00");		/* fund_total */
	v[15] = amount("0.00");		/* personal */
	v[16] = PointerGetDatum(construct_array(&note, 1, TEXTOID, -1, false, TYPALIGN_INT));	/* notes */
	cc->result = HeapTupleGetDatum(heap_form_tuple(cc->desc, v, n));

	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = cc;
	return cc;
}

Datum
bench_const_settlement(PG_FUNCTION_ARGS)
{
	ConstCache *cc = (ConstCache *) fcinfo->flinfo->fn_extra;

	if (unlikely(cc == NULL))
		cc = build_cache(fcinfo);
	PG_RETURN_DATUM(cc->result);
}

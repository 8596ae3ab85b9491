/*
 * settle_sql.c
 *      The SQL-callable shells around the settlement core: matins_settle (with and without
 *      prior usage), the window aggregate matins_settle_run, and matins_explain.  Each decodes
 *      the claim once, calls settle() and builds the matins.settlement composite.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "nodes/execnodes.h"
#include "nodes/nodeFuncs.h"
#include "nodes/plannodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "settle.h"

PG_FUNCTION_INFO_V1(matins_settle);
PG_FUNCTION_INFO_V1(matins_settle_prior);
PG_FUNCTION_INFO_V1(matins_settle_run_transfn);
PG_FUNCTION_INFO_V1(matins_settle_run_finalfn);
PG_FUNCTION_INFO_V1(matins_explain);
PG_FUNCTION_INFO_V1(matins_explain_prior);
PG_FUNCTION_INFO_V1(matins_to_fen);

/* what a call site keeps between calls (fn_extra) */
typedef struct CallCache
{
	ClaimTypeCache claim_type;
	SettlementShape result;		/* desc NULL until the first result */
	uint64		tupdesc_id;		/* the typcache's identifier of its descriptor */
	char	   *policy;			/* the what-if policy argument last seen, as a C string */
	const void *window_checked;	/* matins_settle_run: the window whose frame was checked */
	/* matins_settle_run's transition: the previous partition of the window, to find a person split over two */
	const void *window_before;	/* the window (WindowAggState) of the partition */
	Datum		window_before_result;	/* the result its last row got from the final function */
	int64		window_before_person;	/* its person */
} CallCache;

/*
 * call_cache
 *      The call site's cache, created on first use in fn_mcxt.
 */
static CallCache *
call_cache(FunctionCallInfo fcinfo)
{
	CallCache  *cc = (CallCache *) fcinfo->flinfo->fn_extra;

	if (cc == NULL)
	{
		cc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CallCache));
		fcinfo->flinfo->fn_extra = cc;
	}
	return cc;
}

/*
 * result_shape
 *      The blessed matins.settlement row type of the call site, prepared once.
 */
static const SettlementShape *
result_shape(FunctionCallInfo fcinfo, CallCache *cc)
{
	if (cc->result.desc == NULL)
	{
		TupleDesc	desc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "matins: settlement functions must return matins.settlement");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		settlement_shape_init(&cc->result, BlessTupleDesc(CreateTupleDescCopy(desc)));
		MemoryContextSwitchTo(old);
		cc->tupdesc_id = lookup_type_cache(desc->tdtypeid, TYPECACHE_TUPDESC)->tupDesc_identifier;
	}
	return &cc->result;
}

/*
 * policy_cstring
 *      A what-if policy argument as a C string kept in *cache (allocated in cxt).  The argument
 *      is nearly always the same on every row: the string is made anew only when it changes.
 */
const char *
policy_cstring(char **cache, MemoryContext cxt, text *policy)
{
	int			len = VARSIZE_ANY_EXHDR(policy);

	if (*cache == NULL || strlen(*cache) != (size_t) len ||
		memcmp(*cache, VARDATA_ANY(policy), len) != 0)
	{
		if (*cache != NULL)
			pfree(*cache);
		*cache = MemoryContextAlloc(cxt, len + 1);
		memcpy(*cache, VARDATA_ANY(policy), len);
		(*cache)[len] = '\0';
	}
	return *cache;
}

/*
 * policy_arg
 *      The optional what-if policy argument (NULL: the policy in force), kept in the call
 *      site's cache.
 */
static const char *
policy_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return policy_cstring(&call_cache(fcinfo)->policy, fcinfo->flinfo->fn_mcxt,
						  PG_GETARG_TEXT_PP(argno));
}

/*
 * call_inputs
 *      What matins_settle and matins_explain (fname) settle: the claim (argument 0, never null)
 *      and the earlier usage (prior: a jsonb argument number, or -1 for none).
 */
static pg_attribute_always_inline void
call_inputs(FunctionCallInfo fcinfo, CallCache *cc, int prior_arg, const char *fname,
			Claim *claim, Usage *usage)
{
	if (unlikely(PG_ARGISNULL(0)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s got a null claim", fname),
				 errhint("Filter out null claims (WHERE c IS NOT NULL), or build the claim with matins.make_claim.")));
	claim_decode(PG_GETARG_DATUM(0), &cc->claim_type, fcinfo->flinfo->fn_mcxt, claim);
	usage_init(usage, CurrentMemoryContext);
	if (prior_arg >= 0)
	{
		usage_enter_year(usage, date_year(claim->service_date));
		if (!PG_ARGISNULL(prior_arg))
			usage_from_jsonb(usage, PG_GETARG_DATUM(prior_arg), claim);
	}
}

/*
 * settle_call
 *      The body of both matins_settle forms: decode, read the earlier usage (prior: a jsonb
 *      argument number, or -1), settle, build the result.
 */
static Datum
settle_call(FunctionCallInfo fcinfo, int prior_arg, int policy_argno)
{
	CallCache  *cc = call_cache(fcinfo);
	const MatinsCatalog *cat = catalog_get();
	Claim		claim;
	Usage		usage;
	Settlement	s;

	call_inputs(fcinfo, cc, prior_arg, "matins_settle", &claim, &usage);
	settlement_reset(&s);
	settle(cat, &claim, policy_arg(fcinfo, policy_argno), &usage, &s);
	/* in an expression, an expanded record; in FROM, whose tuplestore copies it, the row */
	if (fcinfo->resultinfo == NULL)
		return settlement_expanded(cat, &claim, &s, result_shape(fcinfo, cc), cc->tupdesc_id);
	return settlement_datum(cat, &claim, &s, result_shape(fcinfo, cc));
}

/*
 * matins_settle
 *      SQL: matins_settle(claim matins.claim, policy text DEFAULT NULL) -> matins.settlement;
 *      the claim as the person's first of its year, pregnancy and lifetime.
 */
Datum
matins_settle(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(settle_call(fcinfo, -1, 1));
}

/*
 * matins_settle_prior
 *      SQL: matins_settle(claim, prior jsonb, policy text DEFAULT NULL): the same after the
 *      earlier usage given in prior (keys in the README).
 */
Datum
matins_settle_prior(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(settle_call(fcinfo, 1, 2));
}

/* the window aggregate's state (settle.h): the person's usage so far and the last claim's settlement */
struct RunState
{
	Usage		usage;
	Claim		last_claim;
	Settlement	last;
	bool		has_last;
	int64		person_id;
	DateADT		last_date;		/* the last claim's service date */
	int64		last_pos;		/* in a window: the last claim's row in the partition (from 0) */
	CallCache  *run_cc;			/* in a window: the transition's call cache (window_before) */
	MemoryContext cxt;
};

#define WINDOW_HINT "Use OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING), without FILTER."

/*
 * window_frame_error
 *      A window whose frame cannot give each row its own claim's running settlement.
 */
static void
window_frame_error(const char *message)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("%s", message),
			 errdetail("Each row gets the settlement of its own claim after all the person's earlier claims: the frame starts at the partition's first row, ends at the row, and leaves no row out."),
			 errhint(WINDOW_HINT)));
}

/* window_filter_walker's search: a WindowFunc of this window and this aggregate with a FILTER */
typedef struct FilterSearch
{
	Index		winref;
	Oid			fn;				/* the aggregate's transition or final function */
} FilterSearch;

/*
 * window_filter_walker
 *      Whether an expression holds a call of matins_settle_run (found by its transition or
 *      final function) in the window searched for, with a FILTER.
 */
static bool
window_filter_walker(Node *node, FilterSearch *search)
{
	if (node == NULL)
		return false;
	if (IsA(node, WindowFunc))
	{
		WindowFunc *wf = (WindowFunc *) node;

		if (wf->winref == search->winref && wf->aggfilter != NULL)
		{
			HeapTuple	tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(wf->winfnoid));
			bool		ours = false;

			if (HeapTupleIsValid(tup))
			{
				Form_pg_aggregate agg = (Form_pg_aggregate) GETSTRUCT(tup);

				ours = agg->aggtransfn == search->fn || agg->aggfinalfn == search->fn;
				ReleaseSysCache(tup);
			}
			if (ours)
				return true;
		}
	}
	return expression_tree_walker(node, window_filter_walker, (void *) search);
}

/*
 * window_check_frame
 *      Once per window and call site (the transition or the final function, whichever runs
 *      first: an empty frame calls no transition): the frame must start at UNBOUNDED PRECEDING
 *      with no EXCLUDE, and the call must have no FILTER.  Else the counters would start
 *      part-way (a sliding frame, refused whatever the partition's size), or a row would get
 *      another claim's settlement (EXCLUDE and FILTER skip claims; PostgreSQL reuses the
 *      previous row's result when the frame did not move, and restarts the aggregate on every
 *      row under EXCLUDE, so these cannot be seen row by row).  Where the frame ends is checked
 *      at each row (window_check_end): a frame without ORDER BY or ending after CURRENT ROW is
 *      right for a partition of one claim, and wrong, and refused, for more.
 */
static void
window_check_frame(FunctionCallInfo fcinfo, CallCache *cc, WindowAggState *winstate)
{
	WindowAgg  *plan = (WindowAgg *) winstate->ss.ps.plan;
	int			options = winstate->frameOptions;
	FilterSearch search;

	if (cc->window_checked == winstate)
		return;

	if (!(options & FRAMEOPTION_START_UNBOUNDED_PRECEDING))
		window_frame_error("matins_settle_run's window frame does not start at UNBOUNDED PRECEDING: the counters would start part-way through the person's claims");
	if (options & FRAMEOPTION_EXCLUSION)
		window_frame_error("matins_settle_run's window frame has an EXCLUDE clause: a row would get the settlement of another claim, or claims would be skipped");
	search.winref = plan->winref;
	search.fn = fcinfo->flinfo->fn_oid;
	if (window_filter_walker((Node *) plan->plan.targetlist, &search))
		window_frame_error("matins_settle_run has a FILTER: a row it skips would get the settlement of the claim before it");
	cc->window_checked = winstate;
}

/*
 * window_check_start
 *      A new state (the partition's first claim): the frame checks once per window, then the
 *      claim must be the partition's first row.
 */
static void
window_check_start(FunctionCallInfo fcinfo, CallCache *cc, WindowAggState *winstate)
{
	window_check_frame(fcinfo, cc, winstate);
	if (winstate->aggregatedupto != 0)
		ereport(ERROR,
				(errcode(ERRCODE_WINDOWING_ERROR),
				 errmsg("matins_settle_run's window frame starts at row " INT64_FORMAT " of the partition, not at its first claim",
						winstate->aggregatedupto + 1),
				 errdetail("Each claim is settled after all the person's earlier claims, so every frame starts at the partition's first row and takes every row up to the current one."),
				 errhint(WINDOW_HINT)));
}

/*
 * settle_run_frame_past_row_error
 *      The frame of a window's row (from 1 in its partition) goes on to a later row, whose claim
 *      it would settle for it.
 */
void
settle_run_frame_past_row_error(int64 row, int64 last)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("matins_settle_run's window frame of row " INT64_FORMAT " of the partition does not end at that row's claim",
					row),
			 errdetail("The frame goes on to row " INT64_FORMAT ", and the row would get that claim's settlement: the frame ends after CURRENT ROW, or a RANGE or GROUPS frame takes the claims equal to the row in the window's ORDER BY (all of them without one).",
					   last),
			 errhint(WINDOW_HINT)));
}

/*
 * window_check_end
 *      A window row's result is the settlement of the last claim its frame fed the aggregate:
 *      it must be the row's own claim.  Not so for a frame that ends after the row, or a RANGE
 *      or GROUPS frame over claims equal in the ORDER BY (all of them without ORDER BY): the
 *      frame of the first of them takes them all.
 */
static void
window_check_end(const RunState *st, WindowAggState *winstate)
{
	if (st != NULL && st->last_pos > winstate->currentpos)
		settle_run_frame_past_row_error(winstate->currentpos + 1, st->last_pos + 1);
	if (st == NULL || st->last_pos != winstate->currentpos)
		ereport(ERROR,
				(errcode(ERRCODE_WINDOWING_ERROR),
				 errmsg("matins_settle_run's window frame of row " INT64_FORMAT " of the partition does not end at that row's claim",
						winstate->currentpos + 1),
				 errdetail("The frame has not given the aggregate the row's own claim."),
				 errhint(WINDOW_HINT)));
}

/*
 * settle_run_split_error
 *      The claims of one person in two partitions of a window, one after the other: the window
 *      is partitioned by more than the person, and the counters would start again part-way
 *      through the person's claims.
 */
void
settle_run_split_error(int64 person_id)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("matins_settle_run got the claims of person " INT64_FORMAT " in two window partitions, one after the other",
					person_id),
			 errdetail("The counters start again in each partition, so the claims of the second would be settled without the person's claims in the first: the window is partitioned by more than the person."),
			 errhint(WINDOW_HINT)));
}

/*
 * window_check_person_split
 *      A partition's first claim: its person must not be the previous partition's, as happens
 *      when the window is partitioned by more than the person (the person and the year, say).
 *      The previous partition is one of this scan only if its last result is still in the
 *      window's result slots: a rescan of the window (a LATERAL subquery run again) clears
 *      them, and then the same person may come again.
 */
static void
window_check_person_split(const CallCache *cc, WindowAggState *winstate, int64 person_id)
{
	ExprContext *econtext = winstate->ss.ps.ps_ExprContext;

	if (cc->window_before != winstate || cc->window_before_person != person_id ||
		cc->window_before_result == (Datum) 0)
		return;
	for (int i = 0; i < winstate->numfuncs; i++)
		if (econtext->ecxt_aggvalues[i] == cc->window_before_result && !econtext->ecxt_aggnulls[i])
			settle_run_split_error(person_id);
}

/*
 * settle_run_begin
 *      A running settlement in cxt (one person's, a window partition's): empty usage (the
 *      large arrays are cleared as they come into use), no claim yet.
 */
RunState *
settle_run_begin(MemoryContext cxt)
{
	RunState   *st = MemoryContextAlloc(cxt, sizeof(RunState));

	st->cxt = cxt;
	st->has_last = false;
	st->person_id = 0;
	st->last_pos = -1;
	st->run_cc = NULL;
	usage_init(&st->usage, cxt);
	return st;
}

/*
 * settle_run_refuse_null
 *      A null claim given to a running settlement.
 */
void
settle_run_refuse_null(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("matins_settle_run got a null claim"),
			 errhint("Filter out null claims before the window.")));
}

/*
 * settle_run_decode
 *      The next claim of a running settlement (not null), decoded (claim_type and its memory
 *      cache_cxt: the call site's); a claim without its person is refused.
 */
void
settle_run_decode(Datum datum, ClaimTypeCache *claim_type, MemoryContext cache_cxt, Claim *claim)
{
	claim_decode(datum, claim_type, cache_cxt, claim);
	if (unlikely(claim->person_id_null))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("matins_settle_run got a claim (claim_id %s) with a null person_id",
						claim->claim_id_null ? "null" : psprintf(INT64_FORMAT, claim->claim_id)),
				 errdetail("The counters are kept per person: a claim without one cannot be settled after the person's earlier claims."),
				 errhint("Give every claim its person_id, or filter out claims without one.")));
}

/*
 * settle_run_add
 *      Settle a claim after the running settlement's earlier claims (the same person's, not
 *      later in date) under policy (NULL: the policy in force), and keep it as the last.
 */
void
settle_run_add(RunState *st, const Claim *claim, const char *policy)
{
	if (st->has_last && claim->person_id != st->person_id)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("matins_settle_run got claims of persons " INT64_FORMAT " and " INT64_FORMAT " in one window",
						st->person_id, claim->person_id),
				 errhint("Use it as a window function: OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING).")));
	if (st->has_last && claim->service_date < st->last_date)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("matins_settle_run got a claim of %s after a claim of %s",
						date_text(claim->service_date), date_text(st->last_date)),
				 errdetail("Each claim is settled after the claims before it in the window, so they must come in date order."),
				 errhint("Order the window by service_date: OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING).")));
	settlement_reset(&st->last);
	settle(catalog_get(), claim, policy, &st->usage, &st->last);
	/* keep what the result reads: ids (the rest of the claim is not needed) */
	st->last_claim.claim_id = claim->claim_id;
	st->last_claim.claim_id_null = claim->claim_id_null;
	st->person_id = claim->person_id;
	st->last_date = claim->service_date;
	st->has_last = true;
}

/*
 * settle_run_person
 *      The person of the running settlement's claims (after its first).
 */
int64
settle_run_person(const RunState *st)
{
	return st->person_id;
}

/*
 * settle_run_expanded
 *      The settlement of the running settlement's last claim, as an expanded record (lent
 *      until the current memory context is reset; see settlement_record.c).
 */
Datum
settle_run_expanded(const RunState *st, const SettlementShape *shape, uint64 tupdesc_id)
{
	return settlement_expanded(catalog_get(), &st->last_claim, &st->last, shape, tupdesc_id);
}

/*
 * matins_settle_run_api
 *      The running settlement's functions, for the window node (settle_run_scan.c), which
 *      finds this by name in the library of the aggregate it runs.
 */
const SettleRunApi *
matins_settle_run_api(void)
{
	static const SettleRunApi api = {
		.begin = settle_run_begin,
		.refuse_null = settle_run_refuse_null,
		.decode = settle_run_decode,
		.add = settle_run_add,
		.person = settle_run_person,
		.expanded = settle_run_expanded,
		.split_error = settle_run_split_error,
		.frame_past_row_error = settle_run_frame_past_row_error,
		.shape_init = settlement_shape_init,
	};

	return &api;
}

/*
 * matins_settle_run_transfn
 *      Transition of matins_settle_run(claim [, policy]): settle the next claim of the window
 *      after everything before it.
 */
Datum
matins_settle_run_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	RunState   *st;
	Claim		claim;
	int			agg_kind = AggCheckCallContext(fcinfo, &aggcxt);

	if (agg_kind == 0)
		elog(ERROR, "matins_settle_run_transfn called in non-aggregate context");
	if (PG_ARGISNULL(1))
		settle_run_refuse_null();
	st = PG_ARGISNULL(0) ? NULL : (RunState *) PG_GETARG_POINTER(0);
	if (st == NULL)
	{
		/* a new person */
		st = settle_run_begin(aggcxt);
		if (agg_kind == AGG_CONTEXT_WINDOW)
		{
			st->run_cc = call_cache(fcinfo);
			window_check_start(fcinfo, st->run_cc, (WindowAggState *) fcinfo->context);
		}
	}
	/* the claim type is the call site's: it holds over every person of the window */
	settle_run_decode(PG_GETARG_DATUM(1), &call_cache(fcinfo)->claim_type, fcinfo->flinfo->fn_mcxt,
					  &claim);
	if (!st->has_last && st->run_cc != NULL)
		window_check_person_split(st->run_cc, (WindowAggState *) fcinfo->context, claim.person_id);
	settle_run_add(st, &claim, policy_arg(fcinfo, 2));
	if (agg_kind == AGG_CONTEXT_WINDOW)
		st->last_pos = ((WindowAggState *) fcinfo->context)->aggregatedupto;
	PG_RETURN_POINTER(st);
}

/*
 * matins_settle_run_finalfn
 *      The settlement of the last claim added to the window frame: in a window, the row's own.
 */
Datum
matins_settle_run_finalfn(PG_FUNCTION_ARGS)
{
	RunState   *st = PG_ARGISNULL(0) ? NULL : (RunState *) PG_GETARG_POINTER(0);
	CallCache  *cc = call_cache(fcinfo);
	Datum		result;

	if (AggCheckCallContext(fcinfo, NULL) == AGG_CONTEXT_WINDOW)
	{
		window_check_frame(fcinfo, cc, (WindowAggState *) fcinfo->context);
		window_check_end(st, (WindowAggState *) fcinfo->context);
	}
	if (st == NULL || !st->has_last)
		PG_RETURN_NULL();
	result = settlement_datum(catalog_get(), &st->last_claim, &st->last, result_shape(fcinfo, cc));
	if (st->run_cc != NULL)
	{
		/* for the next partition's window_check_person_split */
		st->run_cc->window_before = fcinfo->context;
		st->run_cc->window_before_result = result;
		st->run_cc->window_before_person = st->person_id;
	}
	PG_RETURN_DATUM(result);
}

/*
 * step_source
 *      "document article" of a rule id, from the rule catalog.
 */
static Datum
step_source(const MatinsCatalog *cat, const char *rule, bool *isnull)
{
	const RuleRow *r = catalog_rule(cat, rule);

	*isnull = (r == NULL);
	return r ? CStringGetTextDatum(psprintf("%s %s", r->document, r->article)) : (Datum) 0;
}

/*
 * explain_call
 *      The body of both matins_explain forms: the same settlement as settle_call (prior: a jsonb
 *      argument number, or -1), with each step recorded as it is computed, returned as rows.
 */
static Datum
explain_call(FunctionCallInfo fcinfo, int prior_arg, int policy_argno)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CallCache  *cc = call_cache(fcinfo);
	const MatinsCatalog *cat = catalog_get();
	Claim		claim;
	Usage		usage;
	Settlement *s = palloc(sizeof(Settlement));
	int			step = 0;

	InitMaterializedSRF(fcinfo, 0);
	call_inputs(fcinfo, cc, prior_arg, "matins_explain", &claim, &usage);
	settlement_reset(s);
	settlement_record_steps(s);
	settle(cat, &claim, policy_arg(fcinfo, policy_argno), &usage, s);

	for (int i = 0; i <= s->n_steps; i++)
	{
		Datum		v[7];
		bool		n[7] = {false, false, false, false, false, false, false};
		bool		last = (i == s->n_steps);
		const Step *st = last ? NULL : &s->steps[i];

		v[0] = Int32GetDatum(++step);
		v[1] = CStringGetTextDatum(last ? s->notes[0] : st->rule);
		v[2] = step_source(cat, last ? s->notes[0] : st->rule, &n[2]);
		if (last)
		{
			v[3] = fen_to_numeric(s->in_scope);
			n[4] = true;
			v[5] = fen_to_numeric(s->fund_total);
			v[6] = CStringGetTextDatum(psprintf("%s under %s: fund %s (maternity %s, pooled %s), personal %s",
												s->route, s->policy, fen_to_cstring(s->fund_total),
												fen_to_cstring(s->maternity_fund),
												fen_to_cstring(s->pooled_fund),
												fen_to_cstring(s->personal)));
		}
		else
		{
			if (st->basis < 0)
				n[3] = true;
			else
				v[3] = fen_to_numeric(st->basis);
			if (st->rate < 0)
				n[4] = true;
			else
				v[4] = micro_to_numeric(st->rate);
			v[5] = fen_to_numeric(st->amount);
			v[6] = CStringGetTextDatum(st->note);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

/*
 * matins_explain
 *      SQL: matins_explain(claim, policy) -> TABLE(step, rule, source, basis, rate, amount,
 *      note): the steps of matins_settle(claim, policy).
 */
Datum
matins_explain(PG_FUNCTION_ARGS)
{
	return explain_call(fcinfo, -1, 1);
}

/*
 * matins_explain_prior
 *      SQL: matins_explain(claim, prior jsonb, policy): the steps of matins_settle(claim, prior,
 *      policy), for a claim settled after earlier usage (a window's later claims, the ledger's).
 */
Datum
matins_explain_prior(PG_FUNCTION_ARGS)
{
	return explain_call(fcinfo, 1, 2);
}

/*
 * matins_to_fen
 *      SQL: matins.to_fen(numeric) -> bigint: the exact amount in fen, as the engine reads it
 *      (NULL when it is not exact to the fen); for tests of the decoder.
 */
Datum
matins_to_fen(PG_FUNCTION_ARGS)
{
	Fen			fen;

	if (!numeric_to_fen(PG_GETARG_DATUM(0), &fen))
		PG_RETURN_NULL();
	PG_RETURN_INT64(fen);
}

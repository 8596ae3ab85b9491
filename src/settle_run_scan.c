/*
 * settle_run_scan.c
 *      matins' own node for matins_settle_run as a window function, in place of PostgreSQL's
 *      WindowAgg, for the window the README recommends and the contract's (the default frame):
 *
 *          matins_settle_run(c) OVER (PARTITION BY (c).person_id
 *                                     ORDER BY (c).service_date, (c).claim_id
 *                                     [ROWS UNBOUNDED PRECEDING])
 *
 *      With those frames a row's result is the settlement of its own claim after the
 *      partition's earlier claims (under RANGE, when no two claims are equal in the window's
 *      order; peers are the aggregate's error): a running settlement needs neither the frame
 *      nor the aggregate machinery.  WindowAgg keeps each partition's rows in a tuplestore and
 *      reads them back, calls the transition and the final function for every row, and copies
 *      each result twice.  This node reads its sorted input row by row, starts a running
 *      settlement at each partition (the same one the aggregate's transition keeps: settle_run_*
 *      in settle_sql.c, taken from the aggregate's own library through matins_settle_run_api),
 *      and hands each row's settlement to the plan as a read-only expanded record
 *      (settlement_record.c), from which a field is read at once.  The errors are the
 *      aggregate's: a null claim or person, two persons in a partition, claims out of date
 *      order, the claims of one person in two partitions one after the other, and peers under
 *      RANGE.
 *
 *      The planner's window path is replaced only when every window function of its level is
 *      matins_settle_run (either form, without FILTER), all over the one window, whose frame is
 *      ROWS or RANGE from UNBOUNDED PRECEDING to CURRENT ROW without EXCLUDE.  Any other
 *      window (GROUPS, a sliding frame, ...) stays with WindowAgg, where the aggregate checks
 *      its frame row by row.  matins.settle_scan = off keeps WindowAgg always.
 */
#include "postgres.h"

#include "catalog/pg_aggregate.h"
#include "catalog/pg_proc.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "nodes/extensible.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/planner.h"
#include "optimizer/restrictinfo.h"
#include "optimizer/tlist.h"
#include "parser/parsetree.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "matins.h"
#include "settle.h"

#define SETTLE_RUN_NAME "MatinsSettleRun"

static create_upper_paths_hook_type prev_create_upper_paths_hook = NULL;

/* one matins_settle_run call of the window */
typedef struct RunCall
{
	const SettleRunApi *api;	/* of the aggregate's library */
	ExprState  *claim_arg;
	ExprState  *policy_arg;		/* NULL: the one-argument form */
	int			resultno;		/* its result's column in the scan row (from 0) */
	ClaimTypeCache claim_type;
	SettlementShape shape;
	uint64		tupdesc_id;		/* the typcache's identifier of the result type's descriptor */
	char	   *policy;			/* the policy argument last seen, as a C string */
	RunState   *run;			/* the partition's running settlement */
	int64		person_before;	/* the person of the partition before it, if has_before */
	Claim		claim;			/* the claim of the row in the scan slot, once decoded */
	bool		decoded;
} RunCall;

/*
 * A field of the first call's claim that the input row would carry as a key of the window
 * ((c).person_id, ...): under a ROWS frame the node takes it from the decoded claim instead,
 * and the input plan does not compute it (claim_key_columns).
 */
typedef enum ClaimKey
{
	CLAIM_KEY_NONE,
	CLAIM_KEY_CLAIM_ID,
	CLAIM_KEY_PERSON_ID,
	CLAIM_KEY_SERVICE_DATE
} ClaimKey;

/* key columns of the input row (partition or order) and the values last kept */
typedef struct KeySet
{
	int			n;
	AttrNumber *cols;			/* (from 1) */
	FmgrInfo   *eq;				/* equality functions */
	Oid		   *coll;
	Datum	   *values;			/* kept by keys_keep, copied into cxt */
	bool	   *nulls;
	MemoryContext cxt;
} KeySet;

/* the node's state */
typedef struct SettleRunState
{
	CustomScanState css;
	int			ninput;			/* columns of the input row, first in the scan row */
	int			nclaim_keys;	/* claim keys, after them in the scan row */
	ClaimKey   *claim_keys;
	int			ncalls;
	RunCall    *calls;
	KeySet		partition;		/* the partition key, as of the partition's first row */
	bool		range;			/* a RANGE frame: a row's peers end its frame */
	KeySet		order;			/* for RANGE: the order key, as of the row before */
	int64		pos;			/* the row's place in its partition (from 0) */
	bool		in_partition;	/* false before the first row, and after a rescan */
	bool		has_before;		/* a partition before the current one, of this scan */
	MemoryContext query_cxt;	/* the node's: caches of the calls */
	MemoryContext partition_cxt;	/* the running settlements of the partition */
} SettleRunState;

static void keys_init(KeySet *keys, List *columns, MemoryContext parent);
static const char *call_policy(SettleRunState *state, RunCall *call, ExprContext *econtext);
static Plan *settle_run_plan(PlannerInfo *root, RelOptInfo *rel, CustomPath *best_path,
							 List *tlist, List *clauses, List *custom_plans);
static Node *settle_run_create_state(CustomScan *cscan);
static void settle_run_begin_scan(CustomScanState *node, EState *estate, int eflags);
static TupleTableSlot *settle_run_exec(CustomScanState *node);
static void settle_run_end(CustomScanState *node);
static void settle_run_rescan(CustomScanState *node);
static void settle_run_explain(CustomScanState *node, List *ancestors, ExplainState *es);

static const CustomPathMethods settle_run_path_methods = {
	.CustomName = SETTLE_RUN_NAME,
	.PlanCustomPath = settle_run_plan,
};

static const CustomScanMethods settle_run_scan_methods = {
	.CustomName = SETTLE_RUN_NAME,
	.CreateCustomScanState = settle_run_create_state,
};

static const CustomExecMethods settle_run_exec_methods = {
	.CustomName = SETTLE_RUN_NAME,
	.BeginCustomScan = settle_run_begin_scan,
	.ExecCustomScan = settle_run_exec,
	.EndCustomScan = settle_run_end,
	.ReScanCustomScan = settle_run_rescan,
	.ExplainCustomScan = settle_run_explain,
};

/*
 * settle_run_library
 *      When an aggregate is matins_settle_run (either form, by its transition and final
 *      functions), the library of its transition function, else NULL.
 */
static char *
settle_run_library(Oid aggfnoid)
{
	HeapTuple	tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggfnoid));
	char	   *library = NULL;

	if (!HeapTupleIsValid(tup))
		return NULL;
	if (matins_c_library(((Form_pg_aggregate) GETSTRUCT(tup))->aggfinalfn,
						 "matins_settle_run_finalfn"))
		library = matins_c_library(((Form_pg_aggregate) GETSTRUCT(tup))->aggtransfn,
								   "matins_settle_run_transfn");
	ReleaseSysCache(tup);
	return library;
}

/*
 * window_funcs_walker
 *      Collect the distinct window functions of an expression.
 */
static bool
window_funcs_walker(Node *node, List **found)
{
	if (node == NULL)
		return false;
	if (IsA(node, WindowFunc))
	{
		*found = list_append_unique(*found, node);
		return false;
	}
	return expression_tree_walker(node, window_funcs_walker, (void *) found);
}

/*
 * window_funcs
 *      The distinct window functions of a target list (of TargetEntry or bare expressions).
 */
static List *
window_funcs(List *exprs)
{
	List	   *found = NIL;

	window_funcs_walker((Node *) exprs, &found);
	return found;
}

/*
 * has_window_below
 *      Whether a path holds another WindowAgg under it (a query with several windows).
 */
static bool
has_window_below(Path *path)
{
	for (;;)
	{
		if (IsA(path, WindowAggPath))
			return true;
		if (IsA(path, SortPath) || IsA(path, IncrementalSortPath))
			path = ((SortPath *) path)->subpath;
		else if (IsA(path, ProjectionPath))
			path = ((ProjectionPath *) path)->subpath;
		else
			return false;
	}
}

/*
 * settle_run_path
 *      The node's path in place of a WindowAgg path, or NULL where it does not apply: every
 *      window function is matins_settle_run without FILTER, over this one window, whose frame
 *      is ROWS or RANGE from UNBOUNDED PRECEDING to CURRENT ROW (the default frame), without
 *      EXCLUDE.
 */
static CustomPath *
settle_run_path(WindowAggPath *wpath)
{
	WindowClause *wc = wpath->winclause;
	int			options = wc->frameOptions;
	List	   *wfuncs;
	ListCell   *lc;
	CustomPath *path;

	if (!wpath->topwindow || wpath->qual != NIL || has_window_below(wpath->subpath))
		return NULL;
	if (!(options & (FRAMEOPTION_ROWS | FRAMEOPTION_RANGE)) ||
		!(options & FRAMEOPTION_START_UNBOUNDED_PRECEDING) ||
		!(options & FRAMEOPTION_END_CURRENT_ROW) || (options & FRAMEOPTION_EXCLUSION))
		return NULL;
	wfuncs = window_funcs(wpath->path.pathtarget->exprs);
	if (wfuncs == NIL)
		return NULL;
	foreach(lc, wfuncs)
	{
		WindowFunc *wf = (WindowFunc *) lfirst(lc);

		if (wf->winref != wc->winref || wf->aggfilter != NULL || !wf->winagg ||
			list_length(wf->args) < 1 || list_length(wf->args) > 2 ||
			settle_run_library(wf->winfnoid) == NULL)
			return NULL;
	}

	path = makeNode(CustomPath);
	path->path.pathtype = T_CustomScan;
	path->path.parent = wpath->path.parent;
	path->path.pathtarget = wpath->path.pathtarget;
	path->path.param_info = NULL;
	path->path.parallel_aware = false;
	path->path.parallel_safe = wpath->path.parallel_safe;
	path->path.parallel_workers = wpath->path.parallel_workers;
	path->path.rows = wpath->path.rows;
	path->path.startup_cost = wpath->path.startup_cost;
	path->path.total_cost = wpath->path.total_cost;
	path->path.pathkeys = wpath->path.pathkeys;
	path->flags = 0;
	path->custom_paths = list_make1(wpath->subpath);
	path->custom_private = list_make1(wc);
	path->methods = &settle_run_path_methods;
	return path;
}

/*
 * settle_run_upper_paths
 *      create_upper_paths_hook: at the window stage, this node in place of each WindowAgg path
 *      it applies to (with the same input, costs and order, so the plan is otherwise the same).
 */
static void
settle_run_upper_paths(PlannerInfo *root, UpperRelationKind stage, RelOptInfo *input_rel,
					   RelOptInfo *output_rel, void *extra)
{
	ListCell   *lc;

	if (prev_create_upper_paths_hook)
		prev_create_upper_paths_hook(root, stage, input_rel, output_rel, extra);
	if (stage != UPPERREL_WINDOW || !matins_settle_scan_enabled)
		return;
	foreach(lc, output_rel->pathlist)
	{
		Path	   *path = (Path *) lfirst(lc);
		CustomPath *ours;

		if (IsA(path, WindowAggPath) && (ours = settle_run_path((WindowAggPath *) path)) != NULL)
			lfirst(lc) = ours;
	}
}

/*
 * key_columns
 *      The window's partition or order keys (clauses) as three lists: the column of the input
 *      plan's row that holds each, its equality operator and its collation.
 */
static List *
key_columns(PlannerInfo *root, List *clauses, List *input_tlist)
{
	List	   *cols = NIL;
	List	   *ops = NIL;
	List	   *colls = NIL;
	ListCell   *lc;

	foreach(lc, clauses)
	{
		SortGroupClause *sgc = (SortGroupClause *) lfirst(lc);
		TargetEntry *tle = get_sortgroupclause_tle(sgc, input_tlist);

		if (tle == NULL)
			tle = tlist_member((Expr *) get_sortgroupclause_expr(sgc, root->processed_tlist),
							   input_tlist);
		if (tle == NULL)
			elog(ERROR, "matins_settle_run: a key of the window is not in its input");
		cols = lappend_int(cols, tle->resno);
		ops = lappend_oid(ops, sgc->eqop);
		colls = lappend_oid(colls, exprCollation((Node *) tle->expr));
	}
	return list_make3(cols, ops, colls);
}

/*
 * claim_key
 *      Which field of the claim expression claim_arg an input column's expression is, when it
 *      is one the node can take from the decoded claim: claim_id, person_id or service_date of
 *      the same (non-volatile) expression.
 */
static ClaimKey
claim_key(Expr *expr, Expr *claim_arg)
{
	FieldSelect *fs = (FieldSelect *) expr;
	Oid			relid;
	char	   *name;

	if (!IsA(expr, FieldSelect) || !equal(fs->arg, claim_arg) ||
		contain_volatile_functions((Node *) claim_arg))
		return CLAIM_KEY_NONE;
	relid = get_typ_typrelid(exprType((Node *) claim_arg));
	name = OidIsValid(relid) ? get_attname(relid, fs->fieldnum, true) : NULL;
	if (name == NULL || get_atttype(relid, fs->fieldnum) != fs->resulttype)
		return CLAIM_KEY_NONE;
	if (strcmp(name, "claim_id") == 0 && fs->resulttype == INT8OID)
		return CLAIM_KEY_CLAIM_ID;
	if (strcmp(name, "person_id") == 0 && fs->resulttype == INT8OID)
		return CLAIM_KEY_PERSON_ID;
	if (strcmp(name, "service_date") == 0 && fs->resulttype == DATEOID)
		return CLAIM_KEY_SERVICE_DATE;
	return CLAIM_KEY_NONE;
}

/*
 * claim_key_columns
 *      Under a ROWS frame, take the claim keys out of a scan's target list (input): the fields
 *      of the first call's claim that the window's keys read, such as (c).person_id, which
 *      the node then takes from the claim it decodes anyway, so the scan neither computes nor
 *      projects them.  Returns the keys as target entries in their order, with *fields their
 *      ClaimKeys (an integer list), and sets *kept to the input columns left (the scan's list,
 *      renumbered).  Other inputs (a sort, a
 *      join, ...) keep their columns: a sort's keys are columns of its own row.  Under RANGE
 *      the node compares the row after a row's peers before it settles that row's claim (as
 *      WindowAgg does, whose error for the peers comes first), so it keeps the columns too.
 */
static List *
claim_key_columns(Plan *input, Expr *claim_arg, bool range, List **kept, List **fields)
{
	List	   *keys = NIL;
	ListCell   *lc;
	AttrNumber	resno = 0;

	*kept = input->targetlist;
	*fields = NIL;
	if (range || !(IsA(input, SeqScan) || IsA(input, IndexScan) || IsA(input, BitmapHeapScan)))
		return NIL;
	*kept = NIL;
	foreach(lc, input->targetlist)
	{
		TargetEntry *tle = (TargetEntry *) lfirst(lc);
		ClaimKey	field = claim_key(tle->expr, claim_arg);

		if (field != CLAIM_KEY_NONE)
		{
			keys = lappend(keys, tle);
			*fields = lappend_int(*fields, (int) field);
		}
		else
		{
			TargetEntry *copy = flatCopyTargetEntry(tle);

			copy->resno = ++resno;
			*kept = lappend(*kept, copy);
		}
	}
	if (keys != NIL)
		input->targetlist = *kept;
	return keys;
}

/*
 * settle_run_plan
 *      PlanCustomPath: the CustomScan.  Its scan row is the input row, then the claim keys
 *      taken out of it (claim_key_columns), then the result of each matins_settle_run call
 *      (custom_scan_tlist); its custom expressions are the calls' arguments; custom_private
 *      holds the partition keys and, for a RANGE frame, the order keys (key_columns), the
 *      library of each call's aggregate, whether the frame is RANGE, and the claim keys'
 *      fields.
 */
static Plan *
settle_run_plan(PlannerInfo *root, RelOptInfo *rel, CustomPath *best_path,
				List *tlist, List *clauses, List *custom_plans)
{
	WindowClause *wc = (WindowClause *) linitial(best_path->custom_private);
	Plan	   *input = (Plan *) linitial(custom_plans);
	CustomScan *cscan = makeNode(CustomScan);
	List	   *wfuncs = window_funcs(tlist);
	Expr	   *claim_arg = (Expr *) linitial(((WindowFunc *) linitial(wfuncs))->args);
	List	   *row_tlist = NIL;	/* the input columns and claim keys, as the scan row has them */
	List	   *scan_tlist;
	List	   *kept;
	List	   *keys;
	List	   *key_fields;
	List	   *args = NIL;
	List	   *libraries = NIL;
	bool		range = (wc->frameOptions & FRAMEOPTION_RANGE) != 0;
	ListCell   *lc;
	AttrNumber	resno = 0;

	keys = claim_key_columns(input, claim_arg, range, &kept, &key_fields);
	foreach(lc, list_concat_copy(kept, keys))
	{
		TargetEntry *tle = flatCopyTargetEntry((TargetEntry *) lfirst(lc));

		tle->resno = ++resno;
		tle->resjunk = false;
		row_tlist = lappend(row_tlist, tle);
	}
	scan_tlist = list_copy(row_tlist);
	foreach(lc, wfuncs)
	{
		WindowFunc *wf = (WindowFunc *) lfirst(lc);

		scan_tlist = lappend(scan_tlist, makeTargetEntry((Expr *) copyObject(wf), ++resno, NULL, false));
		args = lappend(args, copyObject(wf->args));
		libraries = lappend(libraries, makeString(settle_run_library(wf->winfnoid)));
	}

	cscan->scan.plan.targetlist = tlist;
	cscan->scan.plan.qual = extract_actual_clauses(clauses, false);
	cscan->scan.scanrelid = 0;
	cscan->flags = best_path->flags;
	cscan->custom_plans = custom_plans;
	cscan->custom_exprs = args;
	/* a RANGE frame ends at the row's last peer: the order keys tell peers */
	cscan->custom_private = list_make5(key_columns(root, wc->partitionClause, row_tlist),
									   key_columns(root, range ? wc->orderClause : NIL, row_tlist),
									   libraries, makeInteger(range), key_fields);
	cscan->custom_scan_tlist = scan_tlist;
	cscan->methods = &settle_run_scan_methods;
	return &cscan->scan.plan;
}

/*
 * settle_run_create_state
 *      CreateCustomScanState: the executor's node.
 */
static Node *
settle_run_create_state(CustomScan *cscan)
{
	SettleRunState *state = (SettleRunState *) palloc0(sizeof(SettleRunState));

	NodeSetTag(state, T_CustomScanState);
	state->css.methods = &settle_run_exec_methods;
	return (Node *) state;
}

/*
 * settle_run_begin_scan
 *      BeginCustomScan: the input plan, the calls (arguments, result type, caches) and the
 *      partition and order keys' equality functions.
 */
static void
settle_run_begin_scan(CustomScanState *node, EState *estate, int eflags)
{
	SettleRunState *state = (SettleRunState *) node;
	CustomScan *cscan = (CustomScan *) node->ss.ps.plan;
	Plan	   *input = (Plan *) linitial(cscan->custom_plans);
	TupleDesc	scan_desc = node->ss.ss_ScanTupleSlot->tts_tupleDescriptor;
	List	   *libraries = (List *) lthird(cscan->custom_private);
	ListCell   *lc;
	int			i;

	node->custom_ps = list_make1(ExecInitNode(input, estate,
											  eflags & ~(EXEC_FLAG_BACKWARD | EXEC_FLAG_MARK)));
	state->query_cxt = CurrentMemoryContext;
	state->ninput = list_length(input->targetlist);
	state->nclaim_keys = list_length((List *) list_nth(cscan->custom_private, 4));
	state->claim_keys = palloc(Max(state->nclaim_keys, 1) * sizeof(ClaimKey));
	foreach(lc, (List *) list_nth(cscan->custom_private, 4))
		state->claim_keys[foreach_current_index(lc)] = (ClaimKey) lfirst_int(lc);
	state->ncalls = list_length(cscan->custom_exprs);
	state->calls = palloc0(state->ncalls * sizeof(RunCall));
	i = 0;
	foreach(lc, cscan->custom_exprs)
	{
		List	   *args = (List *) lfirst(lc);
		RunCall    *call = &state->calls[i];
		Oid			type;

		call->api = ((const SettleRunApi *(*) (void))
					 load_external_function(strVal(list_nth(libraries, i)), "matins_settle_run_api",
											true, NULL)) ();
		call->claim_arg = ExecInitExpr((Expr *) linitial(args), &node->ss.ps);
		call->policy_arg = list_length(args) > 1 ? ExecInitExpr((Expr *) lsecond(args), &node->ss.ps) : NULL;
		call->resultno = state->ninput + state->nclaim_keys + i;
		type = TupleDescAttr(scan_desc, call->resultno)->atttypid;
		call->api->shape_init(&call->shape, BlessTupleDesc(lookup_rowtype_tupdesc_copy(type, -1)));
		call->tupdesc_id = lookup_type_cache(type, TYPECACHE_TUPDESC)->tupDesc_identifier;
		i++;
	}

	keys_init(&state->partition, (List *) linitial(cscan->custom_private), state->query_cxt);
	keys_init(&state->order, (List *) lsecond(cscan->custom_private), state->query_cxt);
	state->range = intVal(lfourth(cscan->custom_private)) != 0;
	state->partition_cxt = AllocSetContextCreate(state->query_cxt, "matins_settle_run partition",
												 ALLOCSET_DEFAULT_SIZES);
	state->in_partition = false;
	state->has_before = false;
}

/*
 * keys_init
 *      Key columns (key_columns' three lists), their values kept in a context of their own
 *      under parent.
 */
static void
keys_init(KeySet *keys, List *columns, MemoryContext parent)
{
	List	   *cols = (List *) linitial(columns);
	List	   *ops = (List *) lsecond(columns);
	List	   *colls = (List *) lthird(columns);

	keys->n = list_length(cols);
	keys->cols = palloc(keys->n * sizeof(AttrNumber));
	keys->eq = palloc(keys->n * sizeof(FmgrInfo));
	keys->coll = palloc(keys->n * sizeof(Oid));
	keys->values = palloc(keys->n * sizeof(Datum));
	keys->nulls = palloc(keys->n * sizeof(bool));
	for (int i = 0; i < keys->n; i++)
	{
		keys->cols[i] = (AttrNumber) list_nth_int(cols, i);
		fmgr_info(get_opcode(list_nth_oid(ops, i)), &keys->eq[i]);
		keys->coll[i] = list_nth_oid(colls, i);
	}
	keys->cxt = AllocSetContextCreate(parent, "matins_settle_run keys", ALLOCSET_SMALL_SIZES);
}

/*
 * keys_equal
 *      Whether the row in the slot has the kept values of the keys (NULL equal to NULL, as
 *      for a window's partitions and peers).
 */
static bool
keys_equal(KeySet *keys, TupleTableSlot *slot)
{
	for (int i = 0; i < keys->n; i++)
	{
		int			col = keys->cols[i] - 1;
		bool		isnull = slot->tts_isnull[col];

		if (isnull != keys->nulls[i])
			return false;
		if (!isnull &&
			!DatumGetBool(FunctionCall2Coll(&keys->eq[i], keys->coll[i],
											slot->tts_values[col], keys->values[i])))
			return false;
	}
	return true;
}

/*
 * keys_keep
 *      Keep the keys' values of the row in the slot (by-reference values copied; the copies
 *      of the values kept before are freed).
 */
static void
keys_keep(KeySet *keys, TupleTableSlot *slot)
{
	TupleDesc	desc = slot->tts_tupleDescriptor;
	MemoryContext old;

	MemoryContextReset(keys->cxt);
	old = MemoryContextSwitchTo(keys->cxt);
	for (int i = 0; i < keys->n; i++)
	{
		int			col = keys->cols[i] - 1;
		Form_pg_attribute att = TupleDescAttr(desc, col);

		keys->nulls[i] = slot->tts_isnull[col];
		keys->values[i] = keys->nulls[i] ? (Datum) 0 :
			datumCopy(slot->tts_values[col], att->attbyval, att->attlen);
	}
	MemoryContextSwitchTo(old);
}

/*
 * start_partition
 *      The row in the scan slot begins a partition: keep its key, and start each call's
 *      running settlement afresh.
 */
static void
start_partition(SettleRunState *state, TupleTableSlot *slot)
{
	MemoryContextReset(state->partition_cxt);
	keys_keep(&state->partition, slot);
	for (int i = 0; i < state->ncalls; i++)
		state->calls[i].run = state->calls[i].api->begin(state->partition_cxt);
	state->in_partition = true;
	state->pos = 0;
}

/*
 * decode_claim
 *      Decode the call's claim on the row in the econtext's scan slot, in the current memory
 *      context (the per-row one), unless it was.
 */
static void
decode_claim(SettleRunState *state, RunCall *call, ExprContext *econtext)
{
	bool		isnull;
	Datum		claim_datum;

	if (call->decoded)
		return;
	claim_datum = ExecEvalExpr(call->claim_arg, econtext, &isnull);
	if (isnull)
		call->api->refuse_null();
	call->api->decode(claim_datum, &call->claim_type, state->query_cxt, &call->claim);
	call->decoded = true;
}

/*
 * take_input_row
 *      The input row in, as the scan row's first columns (the values stay the input slot's),
 *      then the claim keys, from the first call's claim, decoded for them; the calls' results,
 *      last, are NULL until settle_row puts them in.  Without claim keys the claims are
 *      decoded as each is settled, as the aggregate's transition decodes them.
 */
static void
take_input_row(SettleRunState *state, TupleTableSlot *in, TupleTableSlot *slot)
{
	ExprContext *econtext = state->css.ss.ps.ps_ExprContext;
	int			natts = slot->tts_tupleDescriptor->natts;
	const Claim *claim = &state->calls[0].claim;
	MemoryContext old;

	ExecClearTuple(slot);
	slot_getallattrs(in);
	memcpy(slot->tts_values, in->tts_values, state->ninput * sizeof(Datum));
	memcpy(slot->tts_isnull, in->tts_isnull, state->ninput * sizeof(bool));
	memset(slot->tts_isnull + state->ninput, true, (natts - state->ninput) * sizeof(bool));
	ExecStoreVirtualTuple(slot);
	for (int i = 0; i < state->ncalls; i++)
		state->calls[i].decoded = false;
	if (state->nclaim_keys == 0)
		return;

	old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	econtext->ecxt_scantuple = slot;
	decode_claim(state, &state->calls[0], econtext);
	MemoryContextSwitchTo(old);
	for (int k = 0; k < state->nclaim_keys; k++)
	{
		int			col = state->ninput + k;

		slot->tts_isnull[col] = false;
		switch (state->claim_keys[k])
		{
			case CLAIM_KEY_CLAIM_ID:
				slot->tts_values[col] = Int64GetDatum(claim->claim_id);
				slot->tts_isnull[col] = claim->claim_id_null;
				break;
			case CLAIM_KEY_PERSON_ID:
				slot->tts_values[col] = Int64GetDatum(claim->person_id);
				break;
			case CLAIM_KEY_SERVICE_DATE:
				slot->tts_values[col] = DateADTGetDatum(claim->service_date);
				break;
			case CLAIM_KEY_NONE:
				elog(ERROR, "matins_settle_run: a claim key without a field");
		}
	}
}

/*
 * settle_row
 *      Settle the claim of each call on the input row in the scan slot (row) after the
 *      partition's earlier claims; first: the row is the partition's first.  With results,
 *      each call's settlement goes into its column there, read-only (as a projection leaves a
 *      value: no consumer may take it over), in the per-row memory, which ExecScan resets
 *      before the next row.
 */
static void
settle_row(SettleRunState *state, TupleTableSlot *row, bool first, TupleTableSlot *results)
{
	ExprContext *econtext = state->css.ss.ps.ps_ExprContext;
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

	econtext->ecxt_scantuple = row;
	for (int i = 0; i < state->ncalls; i++)
	{
		RunCall    *call = &state->calls[i];
		const char *policy;

		decode_claim(state, call, econtext);
		policy = call_policy(state, call, econtext);
		if (first && state->has_before && call->claim.person_id == call->person_before)
			call->api->split_error(call->claim.person_id);
		call->api->add(call->run, &call->claim, policy);
		call->person_before = call->api->person(call->run);
		if (results != NULL)
		{
			results->tts_values[call->resultno] =
				MakeExpandedObjectReadOnly(call->api->expanded(call->run, &call->shape,
															   call->tupdesc_id),
										   false, -1);
			results->tts_isnull[call->resultno] = false;
		}
	}
	MemoryContextSwitchTo(old);
}

/*
 * peers_error
 *      Under a RANGE frame, the row in the scan slot is a peer of the row before it (equal in
 *      the window's order, or any row without ORDER BY): the frame of that row goes on to its
 *      last peer, whose settlement it would get.  As WindowAgg does, the claims of the peers are
 *      given to the running settlement first (their own errors, such as claims out of date
 *      order, come first), and then the aggregate's error is raised, for the first of them,
 *      naming the last.
 */
static void
peers_error(SettleRunState *state, TupleTableSlot *slot)
{
	PlanState  *input = (PlanState *) linitial(state->css.custom_ps);
	int64		first = state->pos;		/* the row before, from 1 */
	int64		last = state->pos + 1;	/* this one, from 1 */

	for (;;)
	{
		TupleTableSlot *in;

		settle_row(state, slot, false, NULL);
		keys_keep(&state->order, slot);
		in = ExecProcNode(input);
		if (TupIsNull(in))
			break;
		take_input_row(state, in, slot);
		if (!keys_equal(&state->partition, slot) || !keys_equal(&state->order, slot))
			break;
		last++;
	}
	state->calls[0].api->frame_past_row_error(first, last);
}

/*
 * call_policy
 *      The call's what-if policy on this row (NULL: the policy in force), kept as a C string
 *      in the node's memory (policy_cstring).
 */
static const char *
call_policy(SettleRunState *state, RunCall *call, ExprContext *econtext)
{
	bool		isnull;
	Datum		value;

	if (call->policy_arg == NULL)
		return NULL;
	value = ExecEvalExpr(call->policy_arg, econtext, &isnull);
	if (isnull)
		return NULL;
	return policy_cstring(&call->policy, state->query_cxt, DatumGetTextPP(value));
}

/*
 * settle_run_next
 *      The node's access method: the next input row, with each call's settlement of its claim
 *      after the partition's earlier claims.  Memory: the per-row context (reset by ExecScan
 *      before each row) holds the results, lent until then.
 */
static TupleTableSlot *
settle_run_next(ScanState *ss)
{
	SettleRunState *state = (SettleRunState *) ss;
	TupleTableSlot *slot = ss->ss_ScanTupleSlot;
	TupleTableSlot *in = ExecProcNode((PlanState *) linitial(state->css.custom_ps));
	bool		first;

	ExecClearTuple(slot);
	if (TupIsNull(in))
		return slot;
	take_input_row(state, in, slot);

	first = !state->in_partition || !keys_equal(&state->partition, slot);
	if (first)
		start_partition(state, slot);
	else
	{
		state->pos++;
		if (state->range && keys_equal(&state->order, slot))
			peers_error(state, slot);
	}
	if (state->range && state->order.n > 0)
		keys_keep(&state->order, slot);

	settle_row(state, slot, first, slot);
	state->has_before = true;
	return slot;
}

/*
 * settle_run_recheck
 *      EvalPlanQual recheck: the rows are computed, nothing to recheck.
 */
static bool
settle_run_recheck(ScanState *ss, TupleTableSlot *slot)
{
	return true;
}

/*
 * settle_run_exec
 *      ExecCustomScan: the next row, through the executor's scan loop (projection).
 */
static TupleTableSlot *
settle_run_exec(CustomScanState *node)
{
	return ExecScan(&node->ss, settle_run_next, settle_run_recheck);
}

/*
 * settle_run_end
 *      EndCustomScan: the input plan, and the node's memory.
 */
static void
settle_run_end(CustomScanState *node)
{
	SettleRunState *state = (SettleRunState *) node;

	ExecEndNode((PlanState *) linitial(node->custom_ps));
	MemoryContextDelete(state->partition_cxt);
	MemoryContextDelete(state->partition.cxt);
	MemoryContextDelete(state->order.cxt);
}

/*
 * settle_run_rescan
 *      ReScanCustomScan: the input is read again from its start; the next row begins a
 *      partition, and the person of the last one read before no longer counts.
 */
static void
settle_run_rescan(CustomScanState *node)
{
	SettleRunState *state = (SettleRunState *) node;
	PlanState  *input = (PlanState *) linitial(node->custom_ps);

	state->in_partition = false;
	state->has_before = false;
	ExecScanReScan(&node->ss);
	if (node->ss.ps.chgParam != NULL)
		UpdateChangedParamSet(input, node->ss.ps.chgParam);
	if (input->chgParam == NULL)
		ExecReScan(input);
}

/*
 * settle_run_explain
 *      ExplainCustomScan: the calls the node makes.
 */
static void
settle_run_explain(CustomScanState *node, List *ancestors, ExplainState *es)
{
	CustomScan *cscan = (CustomScan *) node->ss.ps.plan;
	List	   *context = set_deparse_context_plan(es->deparse_cxt, &cscan->scan.plan, ancestors);
	List	   *calls = NIL;
	ListCell   *lc;

	foreach(lc, cscan->custom_exprs)
	{
		List	   *args = (List *) lfirst(lc);
		StringInfoData buf;
		ListCell   *la;

		initStringInfo(&buf);
		appendStringInfoString(&buf, "matins_settle_run(");
		foreach(la, args)
			appendStringInfo(&buf, "%s%s", foreach_current_index(la) > 0 ? ", " : "",
							 deparse_expression(lfirst(la), context, es->verbose, false));
		appendStringInfoChar(&buf, ')');
		calls = lappend(calls, buf.data);
	}
	ExplainPropertyList("Running Settlement", calls, es);
}

/*
 * matins_settle_run_scan_init
 *      Called once from _PG_init (after matins_settle_scan_init, whose GUC it shares): the
 *      node's methods (a parallel worker finds them by name) and the planner hook.
 */
void
matins_settle_run_scan_init(void)
{
	RegisterCustomScanMethods(&settle_run_scan_methods);
	prev_create_upper_paths_hook = create_upper_paths_hook;
	create_upper_paths_hook = settle_run_upper_paths;
}

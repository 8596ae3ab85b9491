/*
 * settle_scan.c
 *      matins' own scan for matins_settle called in FROM, as analysts' reports call it:
 *      SELECT ... FROM claims c, LATERAL matins_settle(c.c) s.
 *
 *      PostgreSQL runs a function in FROM through its function scan, which for every outer row
 *      makes a tuplestore, checks the result's row type against the expected one, copies the
 *      row into the store and reads it back: for a function that returns one row, that is
 *      about three times the cost of calling it in an expression (bench/run, (a') against
 *      (a'')), and with the engine's code it no longer fits the processor's instruction cache.
 *
 *      When the planner has made a function scan of matins_settle (either form) as the only
 *      path of a FROM item, this file puts its own scan in its place, with the same costs,
 *      rows and parameterization, so the plan is otherwise unchanged.  The scan evaluates the
 *      same call expression once per rescan, in the scan's per-row memory, and hands the
 *      settlement's fields to the plan as they are: the expanded record matins_settle returns
 *      in an expression already holds every field's value (settlement_record.c).  A NULL
 *      result gives one row of NULLs, as the function scan does; errors are the function's.
 *
 *      Left to the function scan: WITH ORDINALITY, ROWS FROM with several functions, and a
 *      query that uses the FROM item's whole row (SELECT s, or s in a condition), since this
 *      scan returns the fields only.  The GUC matins.settle_scan = off turns the scan off.
 *
 *      The planner reaches this file only once the library is loaded: matins_settle's planner
 *      support function (matins_settle_support) is what loads it, when the planner simplifies
 *      the call, before it makes paths.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/sysattr.h"
#include "catalog/pg_language.h"
#include "catalog/pg_proc.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "nodes/extensible.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "optimizer/paths.h"
#include "optimizer/restrictinfo.h"
#include "parser/parsetree.h"
#include "utils/builtins.h"
#include "utils/expandedrecord.h"
#include "utils/guc.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "matins.h"

PG_FUNCTION_INFO_V1(matins_settle_support);

#define SETTLE_SCAN_NAME "MatinsSettle"

/* matins.settle_scan: whether the planner may use matins' scans (this one and the window's) */
bool		matins_settle_scan_enabled = true;
static set_rel_pathlist_hook_type prev_set_rel_pathlist_hook = NULL;

/* where the scan stands on its one row, as a cursor moves it */
typedef enum SettleScanPosition
{
	BEFORE_ROW,
	ON_ROW,
	AFTER_ROW
} SettleScanPosition;

/* the scan's state: the call expression and where it stands */
typedef struct SettleScanState
{
	CustomScanState css;
	ExprState  *call;
	SettleScanPosition position;
} SettleScanState;

static Plan *settle_scan_plan(PlannerInfo *root, RelOptInfo *rel, CustomPath *best_path,
							  List *tlist, List *clauses, List *custom_plans);
static Node *settle_scan_create_state(CustomScan *cscan);
static void settle_scan_begin(CustomScanState *node, EState *estate, int eflags);
static TupleTableSlot *settle_scan_exec(CustomScanState *node);
static void settle_scan_end(CustomScanState *node);
static void settle_scan_rescan(CustomScanState *node);
static void settle_scan_explain(CustomScanState *node, List *ancestors, ExplainState *es);

static const CustomPathMethods settle_path_methods = {
	.CustomName = SETTLE_SCAN_NAME,
	.PlanCustomPath = settle_scan_plan,
};

static const CustomScanMethods settle_scan_methods = {
	.CustomName = SETTLE_SCAN_NAME,
	.CreateCustomScanState = settle_scan_create_state,
};

static const CustomExecMethods settle_exec_methods = {
	.CustomName = SETTLE_SCAN_NAME,
	.BeginCustomScan = settle_scan_begin,
	.ExecCustomScan = settle_scan_exec,
	.EndCustomScan = settle_scan_end,
	.ReScanCustomScan = settle_scan_rescan,
	.ExplainCustomScan = settle_scan_explain,
};

/*
 * matins_c_library
 *      When a function is the C function symbol of the library matins, that library (its
 *      probin, palloc'd), else NULL.  Found by symbol and library, whatever the schema and the
 *      SQL name: scripts/pgo's pgo_settle is the matins_settle of its copy, matins_pgo.
 */
char *
matins_c_library(Oid funcid, const char *symbol)
{
	HeapTuple	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	char	   *ours = NULL;

	if (!HeapTupleIsValid(tup))
		return NULL;
	if (((Form_pg_proc) GETSTRUCT(tup))->prolang == ClanguageId)
	{
		bool		srcnull,
					binnull;
		Datum		src = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosrc, &srcnull);
		Datum		bin = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_probin, &binnull);

		if (!srcnull && !binnull && strcmp(TextDatumGetCString(src), symbol) == 0)
		{
			char	   *library = TextDatumGetCString(bin);
			const char *base = strrchr(library, '/');

			/* $libdir/matins, or a copy built beside it */
			base = base ? base + 1 : library;
			if (strncmp(base, "matins", 6) == 0)
				ours = library;
		}
	}
	ReleaseSysCache(tup);
	return ours;
}

/*
 * settle_scan_applies
 *      Whether the FROM item is a plain call of matins_settle whose only path is a function
 *      scan, and the query reads its fields only (not its whole row, nor a system column).
 */
static bool
settle_scan_applies(RelOptInfo *rel, RangeTblEntry *rte)
{
	RangeTblFunction *rtfunc;
	FuncExpr   *call;
	Path	   *only;
	TupleDesc	desc;
	bool		plain;
	Bitmapset  *attrs = NULL;
	ListCell   *lc;
	int			i;

	if (rte->funcordinality || list_length(rte->functions) != 1 ||
		list_length(rel->pathlist) != 1 || rel->partial_pathlist != NIL)
		return false;
	only = (Path *) linitial(rel->pathlist);
	if (only->pathtype != T_FunctionScan)
		return false;
	rtfunc = (RangeTblFunction *) linitial(rte->functions);
	if (!IsA(rtfunc->funcexpr, FuncExpr))
		return false;
	call = (FuncExpr *) rtfunc->funcexpr;
	if (call->funcretset || !(matins_c_library(call->funcid, "matins_settle") ||
							   matins_c_library(call->funcid, "matins_settle_prior")))
		return false;

	/* the columns of the FROM item are the row type's, none dropped */
	desc = lookup_rowtype_tupdesc(call->funcresulttype, -1);
	plain = desc->natts == rtfunc->funccolcount;
	for (i = 0; plain && i < desc->natts; i++)
		plain = !TupleDescAttr(desc, i)->attisdropped;
	ReleaseTupleDesc(desc);
	if (!plain)
		return false;

	/* fields only: the whole row (attribute 0) or a system column is the function scan's */
	for (i = rel->min_attr; i <= 0; i++)
		if (!bms_is_empty(rel->attr_needed[i - rel->min_attr]))
			return false;
	foreach(lc, rel->reltarget->exprs)
	{
		Var		   *var = (Var *) lfirst(lc);

		if (!IsA(var, Var) || var->varno != rel->relid || var->varattno <= 0)
			return false;
	}
	foreach(lc, rel->baserestrictinfo)
		pull_varattnos((Node *) ((RestrictInfo *) lfirst(lc))->clause, rel->relid, &attrs);
	i = -1;
	while ((i = bms_next_member(attrs, i)) >= 0)
		if (i + FirstLowInvalidHeapAttributeNumber <= 0)
			return false;
	return true;
}

/*
 * settle_scan_pathlist
 *      set_rel_pathlist_hook: in place of the function scan of matins_settle, this scan, with
 *      the function scan's costs, rows and parameterization.
 */
static void
settle_scan_pathlist(PlannerInfo *root, RelOptInfo *rel, Index rti, RangeTblEntry *rte)
{
	CustomPath *path;
	Path	   *fscan;

	if (prev_set_rel_pathlist_hook)
		prev_set_rel_pathlist_hook(root, rel, rti, rte);
	if (!matins_settle_scan_enabled || rte->rtekind != RTE_FUNCTION ||
		rel->reloptkind != RELOPT_BASEREL || !settle_scan_applies(rel, rte))
		return;

	fscan = (Path *) linitial(rel->pathlist);
	path = makeNode(CustomPath);
	path->path.pathtype = T_CustomScan;
	path->path.parent = rel;
	path->path.pathtarget = fscan->pathtarget;
	path->path.param_info = fscan->param_info;
	path->path.parallel_aware = false;
	path->path.parallel_safe = fscan->parallel_safe;
	path->path.parallel_workers = 0;
	path->path.rows = fscan->rows;
	path->path.startup_cost = fscan->startup_cost;
	path->path.total_cost = fscan->total_cost;
	path->path.pathkeys = fscan->pathkeys;
	path->flags = CUSTOMPATH_SUPPORT_BACKWARD_SCAN;	/* as the function scan */
	path->methods = &settle_path_methods;
	rel->pathlist = list_make1(path);
}

/*
 * settle_scan_plan
 *      PlanCustomPath: the CustomScan.  It has no relation of its own (scanrelid 0): its scan
 *      row is the settlement's fields, described by custom_scan_tlist, and the call is its
 *      one custom expression (the planner then puts the outer row's values in as parameters).
 */
static Plan *
settle_scan_plan(PlannerInfo *root, RelOptInfo *rel, CustomPath *best_path,
				 List *tlist, List *clauses, List *custom_plans)
{
	RangeTblEntry *rte = planner_rt_fetch(rel->relid, root);
	RangeTblFunction *rtfunc = (RangeTblFunction *) linitial(rte->functions);
	CustomScan *cscan = makeNode(CustomScan);
	TupleDesc	desc = lookup_rowtype_tupdesc(exprType(rtfunc->funcexpr), -1);
	List	   *scan_tlist = NIL;
	int			i;

	for (i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		Var		   *var = makeVar(rel->relid, i + 1, att->atttypid, att->atttypmod,
								  att->attcollation, 0);

		scan_tlist = lappend(scan_tlist,
							 makeTargetEntry((Expr *) var, i + 1,
											 pstrdup(NameStr(att->attname)), false));
	}
	ReleaseTupleDesc(desc);

	cscan->scan.plan.targetlist = tlist;
	cscan->scan.plan.qual = extract_actual_clauses(clauses, false);
	cscan->scan.scanrelid = 0;
	cscan->flags = best_path->flags;
	cscan->custom_exprs = list_make1(copyObject(rtfunc->funcexpr));
	cscan->custom_scan_tlist = scan_tlist;
	cscan->methods = &settle_scan_methods;
	return &cscan->scan.plan;
}

/*
 * settle_scan_create_state
 *      CreateCustomScanState: the executor's node.
 */
static Node *
settle_scan_create_state(CustomScan *cscan)
{
	SettleScanState *state = (SettleScanState *) palloc0(sizeof(SettleScanState));

	NodeSetTag(state, T_CustomScanState);
	state->css.methods = &settle_exec_methods;
	return (Node *) state;
}

/*
 * settle_scan_begin
 *      BeginCustomScan: prepare the call expression.
 */
static void
settle_scan_begin(CustomScanState *node, EState *estate, int eflags)
{
	SettleScanState *state = (SettleScanState *) node;
	CustomScan *cscan = (CustomScan *) node->ss.ps.plan;

	state->call = ExecInitExpr((Expr *) linitial(cscan->custom_exprs), &node->ss.ps);
	state->position = BEFORE_ROW;
}

/*
 * settlement_fields
 *      Put the fields of a settlement (an expanded record, or a flat row) into the scan slot.
 *      They stay valid until the scan's per-row memory is reset, at its next row.
 */
static void
settlement_fields(Datum result, TupleTableSlot *slot)
{
	int			natts = slot->tts_tupleDescriptor->natts;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(result)))
	{
		ExpandedRecordHeader *erh = (ExpandedRecordHeader *) DatumGetEOHP(result);

		if (erh->er_magic != ER_MAGIC)
			elog(ERROR, "matins_settle returned an expanded object that is not a record");
		deconstruct_expanded_record(erh);
		if (erh->nfields != natts)
			elog(ERROR, "matins_settle returned %d fields where %d were expected",
				 erh->nfields, natts);
		memcpy(slot->tts_values, erh->dvalues, natts * sizeof(Datum));
		memcpy(slot->tts_isnull, erh->dnulls, natts * sizeof(bool));
	}
	else
	{
		HeapTupleHeader row = DatumGetHeapTupleHeader(result);
		HeapTupleData tuple;

		if (HeapTupleHeaderGetNatts(row) != natts)
			elog(ERROR, "matins_settle returned %d fields where %d were expected",
				 (int) HeapTupleHeaderGetNatts(row), natts);
		tuple.t_len = HeapTupleHeaderGetDatumLength(row);
		ItemPointerSetInvalid(&tuple.t_self);
		tuple.t_tableOid = InvalidOid;
		tuple.t_data = row;
		heap_deform_tuple(&tuple, slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
	}
}

/*
 * settle_scan_next
 *      The scan's access method: one row per rescan, the call's settlement (all NULLs when
 *      the call returns NULL, as PostgreSQL's function scan gives).  A cursor may move
 *      backward over it, as over the function scan: coming back onto the row makes the call
 *      again (the function is STABLE, and its arguments are those of the same outer row).
 */
static TupleTableSlot *
settle_scan_next(ScanState *ss)
{
	SettleScanState *state = (SettleScanState *) ss;
	TupleTableSlot *slot = ss->ss_ScanTupleSlot;
	Datum		result;
	bool		isnull;

	ExecClearTuple(slot);
	if (ScanDirectionIsBackward(ss->ps.state->es_direction))
	{
		if (state->position != AFTER_ROW)
		{
			state->position = BEFORE_ROW;
			return slot;
		}
	}
	else if (state->position != BEFORE_ROW)
	{
		state->position = AFTER_ROW;
		return slot;
	}
	state->position = ON_ROW;
	result = ExecEvalExprSwitchContext(state->call, ss->ps.ps_ExprContext, &isnull);
	if (isnull)
		memset(slot->tts_isnull, true, slot->tts_tupleDescriptor->natts * sizeof(bool));
	else
		settlement_fields(result, slot);
	return ExecStoreVirtualTuple(slot);
}

/*
 * settle_scan_recheck
 *      EvalPlanQual recheck: the row is computed, nothing to recheck.
 */
static bool
settle_scan_recheck(ScanState *ss, TupleTableSlot *slot)
{
	return true;
}

/*
 * settle_scan_exec
 *      ExecCustomScan: the next row, through the executor's scan loop (condition, projection).
 */
static TupleTableSlot *
settle_scan_exec(CustomScanState *node)
{
	return ExecScan(&node->ss, settle_scan_next, settle_scan_recheck);
}

/*
 * settle_scan_end
 *      EndCustomScan: nothing of its own to release (the executor frees the node's memory).
 */
static void
settle_scan_end(CustomScanState *node)
{
}

/*
 * settle_scan_rescan
 *      ReScanCustomScan: a new outer row (or a rescan): the call is made again.
 */
static void
settle_scan_rescan(CustomScanState *node)
{
	((SettleScanState *) node)->position = BEFORE_ROW;
	ExecScanReScan(&node->ss);
}

/*
 * settle_scan_explain
 *      ExplainCustomScan: the call the scan makes.
 */
static void
settle_scan_explain(CustomScanState *node, List *ancestors, ExplainState *es)
{
	CustomScan *cscan = (CustomScan *) node->ss.ps.plan;
	List	   *context = set_deparse_context_plan(es->deparse_cxt, &cscan->scan.plan, ancestors);

	ExplainPropertyText("Function Call",
						deparse_expression(linitial(cscan->custom_exprs), context,
										   es->verbose, false),
						es);
}

/*
 * matins_settle_support
 *      SQL: matins.settle_support(internal), the planner support function of both
 *      matins_settle forms and of the aggregate matins_settle_run.  It answers no request; the
 *      planner calling it (when it simplifies matins_settle, or costs the window function)
 *      loads this library, and so its planner hooks, before it makes the query's paths.
 */
Datum
matins_settle_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(NULL);
}

/*
 * matins_settle_scan_init
 *      Called once from _PG_init: the GUC, the scan's methods (a parallel worker finds them by
 *      name) and the path hook; false when another copy of the library provides them.  A copy of the library loaded under another name, as scripts/pgo
 *      loads its build beside the installed one, adds nothing: the first copy's scan serves the
 *      functions of both (matins_c_library).
 */
bool
matins_settle_scan_init(void)
{
	/*
	 * A second copy of the library in the backend (scripts/pgo's) leaves the nodes to the first,
	 * which serves the functions of both: the copies find each other through a rendezvous
	 * variable (a GUC placeholder would not tell: a SET before the library is loaded makes one).
	 */
	void	  **first = find_rendezvous_variable("matins plan nodes");

	if (*first != NULL)
		return false;
	*first = (void *) &settle_scan_methods;
	DefineCustomBoolVariable("matins.settle_scan",
							 "Runs matins_settle in FROM (LATERAL) and matins_settle_run in a window by matins' own plan nodes.",
							 "Off: PostgreSQL's function scan and WindowAgg.",
							 &matins_settle_scan_enabled, true, PGC_USERSET, 0, NULL, NULL, NULL);
	RegisterCustomScanMethods(&settle_scan_methods);
	prev_set_rel_pathlist_hook = set_rel_pathlist_hook;
	set_rel_pathlist_hook = settle_scan_pathlist;
	return true;
}

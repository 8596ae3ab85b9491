/*
 * settle.c
 *      The settlement core: one straight path for every caller (matins_settle, the window
 *      aggregate, matins_explain and, later, the trigger):
 *
 *        resolve the route -> split the total into scope parts -> class-B pre-self-pay ->
 *        the route's handler (deductible, ratio, caps, quotas) -> fund and personal shares
 *
 *      Amounts are fen; each computed amount is rounded once, half away from zero.
 */
#include "postgres.h"

#include "port/pg_bitutils.h"

#include "utils/builtins.h"
#include "utils/datetime.h"

#include "settle.h"

extern void resolve_route(SettleContext *ctx, const char *policy_name);

typedef void (*HandlerFn) (SettleContext *ctx);

static const HandlerFn handlers[N_HANDLERS] = {
	[H_FULL] = handle_full,
	[H_TRANSFER] = handle_transfer,
	[H_PRENATAL_CAP] = handle_prenatal_cap,
	[H_PRENATAL_PACKAGE] = handle_prenatal_package,
	[H_PRENATAL_LIST] = handle_prenatal_list,
	[H_QUOTA] = handle_quota,
	[H_EMPLOYEE_INPATIENT] = handle_employee_inpatient,
	[H_RESIDENT_INPATIENT] = handle_resident_inpatient,
	[H_RESIDENT_SPECIAL] = handle_resident_special,
	[H_RESIDENT_OUTPATIENT] = handle_resident_outpatient,
	[H_RESIDENT_CHRONIC] = handle_resident_chronic,
	[H_ART] = handle_art,
};

/*
 * add_note
 *      Append a rule id or reason code to the settlement's notes (once).
 */
void
add_note(Settlement *s, const char *note)
{
	for (int i = 0; i < s->n_notes; i++)
	{
		/* the same string, or the same text at another address (compared in line: notes are
		 * short and mostly differ early, so a call to strcmp would cost more) */
		const char *a = s->notes[i];
		const char *b = note;

		if (a == b)
			return;
		while (*a != '\0' && *a == *b)
			a++, b++;
		if (*a == *b)
			return;
	}
	/* no route writes more than about ten: more would be a defect, said, not a note dropped */
	if (unlikely(s->n_notes == MAX_NOTES))
		elog(ERROR, "matins: more than %d notes on one settlement (adding \"%s\")", MAX_NOTES, note);
	s->notes[s->n_notes++] = note;
}

/*
 * settlement_record_steps
 *      Start recording the steps of the computation, with room that grows as steps come.
 */
void
settlement_record_steps(Settlement *s)
{
	s->max_steps = STEPS_FIRST;
	s->steps = palloc(STEPS_FIRST * sizeof(Step));
	s->n_steps = 0;
}

/*
 * add_step
 *      Record one step of the computation for matins_explain (nothing when not explaining):
 *      every step, however many item lines a claim has (the room doubles when full).
 */
void
add_step_impl(Settlement *s, const char *rule, Fen basis, Micro rate, Fen amount, const char *note)
{
	Step	   *st;

	Assert(s->steps != NULL);
	if (s->n_steps == s->max_steps)
	{
		s->max_steps *= 2;
		s->steps = repalloc(s->steps, s->max_steps * sizeof(Step));
	}
	st = &s->steps[s->n_steps++];
	st->rule = rule;
	st->basis = basis;
	st->rate = rate;
	st->amount = amount;
	st->note = note;
}

/*
 * A memo of route_param look-ups keyed by the region and the address of the name: the names
 * handlers pass are literals, interned level names (level_name) or strings of the catalog
 * (route rows), so within one catalog generation an address stands for one name.  Each entry
 * holds over the dates its answer holds for.  As in the route memo, four ways a set, found by
 * their tags (2 kB in all) before an entry is read.
 */
#define PARAM_MEMO_SETS 128
#define PARAM_MEMO_WAYS 4
#define PARAM_UNSET		PG_INT64_MIN	/* the value of an entry for a parameter not set */

typedef struct RouteParamMemo
{
	uint64		region;
	const char *name;
	Micro		value;			/* PARAM_UNSET: not set for these dates */
	DateADT		from;
	DateADT		to;
} RouteParamMemo;

static uint32 param_memo_tags[PARAM_MEMO_SETS * PARAM_MEMO_WAYS];
static RouteParamMemo param_memo[PARAM_MEMO_SETS * PARAM_MEMO_WAYS];
static uint64 param_memo_generation = 0;	/* the catalog generation of the entries */
static uint32 param_memo_victim = 0;

/*
 * route_param_fill
 *      Look a parameter up in the catalog and keep the answer in a way of the set.
 */
static pg_noinline Micro
route_param_fill(SettleContext *ctx, const char *name, uint64 region, int set, uint32 tag)
{
	const Claim *c = ctx->claim;
	int			i = set + param_memo_victim++ % PARAM_MEMO_WAYS;
	RouteParamMemo *m = &param_memo[i];
	Micro		value;

	if (param_memo_generation != ctx->cat->generation)
	{
		memset(param_memo_tags, 0, sizeof(param_memo_tags));
		param_memo_generation = ctx->cat->generation;
	}
	param_memo_tags[i] = 0;		/* untagged until complete (a look-up may fail) */
	if (!catalog_param_stretch(ctx->cat, c->region, name, c->service_date, &value, &m->from,
							   &m->to))
		value = PARAM_UNSET;
	m->value = value;
	m->region = region;
	m->name = name;
	param_memo_tags[i] = tag;
	return value;
}

/*
 * route_param_lookup
 *      A region parameter for the claim's region and date; false when unset.  name must be a
 *      literal, a level_name() or a catalog string (see the memo above).
 */
static bool
route_param_lookup(SettleContext *ctx, const char *name, Micro *value)
{
	const Claim *c = ctx->claim;
	uint64		region = region_key(c->region);
	uint64		key = (uint64) (uintptr_t) name * UINT64CONST(0xC2B2AE3D27D4EB4F) ^
		region * UINT64CONST(0x9E3779B97F4A7C15);
	int			set = (int) (key >> 57) * PARAM_MEMO_WAYS;
	uint32		tag = (uint32) (key >> 24) | 1;
	const uint32 *tags = &param_memo_tags[set];
	uint32		match;
	Micro		v = PARAM_UNSET;
	bool		hit = false;

	StaticAssertStmt(PARAM_MEMO_SETS == 128 && PARAM_MEMO_WAYS == 4, "the set is the top 7 bits");
	/* entries of an earlier generation have no tags */
	match = param_memo_generation != ctx->cat->generation ? 0 :
		(uint32) (tags[0] == tag) | (uint32) (tags[1] == tag) << 1 |
		(uint32) (tags[2] == tag) << 2 | (uint32) (tags[3] == tag) << 3;
	while (match != 0)
	{
		const RouteParamMemo *m = &param_memo[set + pg_rightmost_one_pos32(match)];

		match &= match - 1;
		if (m->name == name && m->region == region && c->service_date >= m->from &&
			c->service_date <= m->to)
		{
			v = m->value;
			hit = true;
			break;
		}
	}
	if (!hit)
		v = route_param_fill(ctx, name, region, set, tag);
	*value = v;
	return v != PARAM_UNSET;
}

/*
 * route_param
 *      A region parameter the route needs, for the claim's region and date (error when unset).
 */
Micro
route_param(SettleContext *ctx, const char *name)
{
	Micro		value;

	if (!route_param_lookup(ctx, name, &value))
		return catalog_param_required(ctx->cat, ctx->claim->region, name,
									  ctx->claim->service_date);	/* the error */
	return value;
}

/*
 * required_constant
 *      A number fixed by the deciding policy, the policy whose rows apply, or the resident policy
 *      in force (e.g. the resident yearly maximum that ART payments count toward, JL24-ART-2).
 */
Micro
required_constant(SettleContext *ctx, const char *name)
{
	Micro		value;

	if (catalog_constant(ctx->cat, ctx->rows_policy, name, &value) ||
		catalog_constant(ctx->cat, ctx->policy, name, &value) ||
		(ctx->resident_policy && catalog_constant(ctx->cat, ctx->resident_policy, name, &value)))
		return value;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("policy %s has no constant \"%s\"", ctx->policy->id, name),
			 errhint("Add it to matins.policy_constant.")));
	return 0;
}

/* level names made so far: "<prefix>.l1" .. ".l3" for each prefix (a literal) */
#define MAX_LEVEL_PREFIXES 32

static struct
{
	const char *prefix;
	char		name[3][LEVEL_NAME_LEN];
}			level_names[MAX_LEVEL_PREFIXES];
static int	n_level_prefixes = 0;

/*
 * level_name
 *      "<prefix>.l<level>", the name of a parameter by hospital level (prefix: a literal); the
 *      claim must carry its level.  The names are made once, so route_param can memoize them.
 */
const char *
level_name(SettleContext *ctx, const char *prefix, const char *rule)
{
	int			level = ctx->claim->hospital_level;
	int			i;

	if (level == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field hospital_level must not be null for route %s", ctx->route->route),
				 errdetail("Rule %s depends on the institution's level.", rule),
				 errhint("Give the level the fund settles the institution at (an unrated institution's agreed level).")));
	for (i = 0; i < n_level_prefixes; i++)
		if (level_names[i].prefix == prefix)
			return level_names[i].name[level - 1];
	if (n_level_prefixes == MAX_LEVEL_PREFIXES || strlen(prefix) + 4 > LEVEL_NAME_LEN)
		elog(ERROR, "matins: too many or too long level parameter names");
	level_names[i].prefix = prefix;
	for (int l = 0; l < 3; l++)
		snprintf(level_names[i].name[l], LEVEL_NAME_LEN, "%s.l%d", prefix, l + 1);
	n_level_prefixes++;
	return level_names[i].name[level - 1];
}

/*
 * cap_remaining
 *      What the route's yearly fund cap still allows, and the counter that tracks it; -1 (and
 *      *paid NULL) when the route counts toward no cap.
 */
Fen
cap_remaining(SettleContext *ctx, Fen **paid)
{
	const RouteRow *r = ctx->route;
	const char *name = r->cap_param ? r->cap_param : r->cap_constant;
	Fen			cap;

	*paid = NULL;
	if (name == NULL)
		return -1;
	cap = micro_to_fen(r->cap_param ? route_param(ctx, name) : required_constant(ctx, name));
	*paid = r->cap_resident ? &ctx->usage->year.resident_fund_paid
		: &ctx->usage->year.employee_fund_paid;
	return fen_max(0, cap - **paid);
}

/*
 * pay
 *      Pay what the route computed, within its yearly cap: the excess is over_cap and goes where
 *      the route sends it.  The payment lands in the route's fund.
 */
void
pay(SettleContext *ctx, Fen fund_calc)
{
	Settlement *s = ctx->s;
	Fen		   *paid;
	Fen			remaining = cap_remaining(ctx, &paid);
	Fen			fund = fund_calc;

	if (paid != NULL)
	{
		fund = fen_min(fund_calc, remaining);
		if (fund < fund_calc)
		{
			/*
			 * A claim has one destination: when cost the route did not take already goes
			 * elsewhere, the larger part decides (the first on a tie); notes say both.
			 */
			if (s->transfer_to == TRANSFER_NONE || fund_calc - fund > s->over_cap)
				s->transfer_to = ctx->route->cap_transfer;
			s->over_cap += fund_calc - fund;
			add_note(s, "annual_cap");
			add_step(s, ctx->route->source, remaining, -1, fund_calc - fund,
					 psprintf("over the yearly cap %s", ctx->route->cap_param ? ctx->route->cap_param : ctx->route->cap_constant));
		}
		*paid += fund;
	}
	if (ctx->route->maternity_fund)
		s->maternity_fund += fund;
	else
		s->pooled_fund += fund;
}

/*
 * pay_nothing
 *      The route pays nothing for this claim: the whole in-scope cost is over_cap and goes to
 *      `to` (general outpatient pooling, or the person), with the reason in the notes.
 */
void
pay_nothing(SettleContext *ctx, const char *rule, const char *reason, TransferTo to)
{
	Settlement *s = ctx->s;

	s->over_cap = s->in_scope;
	if (s->in_scope > 0)
		s->transfer_to = to;
	add_note(s, reason);
	/* the step's amount is what the route leaves unpaid, and the note says where it goes */
	add_step(s, rule, s->in_scope, -1, s->in_scope,
			 s->in_scope == 0 ? reason
			 : strcmp(reason, transfer_names[to]) == 0
			 ? psprintf("not paid by this route: to %s", transfer_names[to])
			 : psprintf("not paid by this route (%s): to %s", reason, transfer_names[to]));
}

/*
 * charge_class_b
 *      The class-B pre-self-pay of a basic-insurance route: a resident's at the resident rate
 *      (JL19-B), an employee's at the region's employee.class_b_rate under the employee rules
 *      the route follows (its own rule is cited).  Sets pre_self_pay, records the step and
 *      returns the rule.
 */
const char *
charge_class_b(SettleContext *ctx, Fen class_b)
{
	bool		resident = ctx->claim->scheme == SCHEME_RESIDENT;
	const char *rule = resident ? "JL19-B" : ctx->route->source;
	Micro		rate = route_param(ctx, resident ? "resident.class_b_rate" : "employee.class_b_rate");

	ctx->s->pre_self_pay = fen_mul_ratio(class_b, rate);
	add_step(ctx->s, rule, class_b, rate, ctx->s->pre_self_pay, "class-B pre-self-pay");
	return rule;
}

/*
 * split_lines
 *      For routes other than ART: the lines' classes give the scope parts (self lines are
 *      self_pay, class-B lines the class-B amount).  A line without a class is looked up in the
 *      policy's prenatal catalog: the prenatal package (NM-PN) and the prenatal list (WZ-LIST)
 *      are the only item catalogs besides ART's, and their items are in scope; a route that
 *      sends prenatal cost elsewhere (an uninsured flexible worker's, NM-NOMI) takes them so
 *      too.  Elsewhere such a line names an item matins cannot know.
 */
static void
split_lines(SettleContext *ctx, Fen *class_b)
{
	const RouteRow *route = ctx->route;
	const Claim *claim = ctx->claim;
	Settlement *s = ctx->s;
	bool		has_items = route->handler == H_PRENATAL_PACKAGE || route->handler == H_PRENATAL_LIST;

	*class_b = 0;
	for (int i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *l = &claim->lines[i];

		if (l->item_class == CLASS_CATALOG && !has_items &&
			!prenatal_item_known(ctx->cat, ctx->rows_policy, l->item_code))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown item code \"%s\" in claim line %d", value_for_message(l->item_code), i + 1),
					 errdetail("Route %s (%s) has no item catalog, and the item is in no prenatal catalog of policy %s.",
							   route->route, route->source, ctx->rows_policy->id),
					 errhint("Give the line an item_class: 'A', 'B' or 'self'.")));
		if (l->item_class == CLASS_SELF)
			s->self_pay += l->amount;
		else if (l->item_class == CLASS_B)
			*class_b += l->amount;
	}
}

/*
 * note_policy_conditions
 *      Conditions a settlement cannot check itself, said in its notes:
 *      JL24-EL / NM-WAIT: a waiting period the region has not set is not applied (NM-EL: the
 *      unemployed, whose waiting period the policy fixes, have none to apply; a route that
 *      sends the whole claim elsewhere pays nothing a waiting period could hold back);
 *      LZ-DIR: care outside the province is reimbursed on application within a year.
 */
static void
note_policy_conditions(SettleContext *ctx)
{
	Micro		v;

	if (ctx->route->maternity_fund && ctx->route->handler != H_TRANSFER &&
		catalog_constant(ctx->cat, ctx->rows_policy, "waiting_period.regional", &v) &&
		!(ctx->claim->person_type == PT_UNEMPLOYED &&
		  catalog_constant(ctx->cat, ctx->rows_policy, "unemployed.waiting_months", &v)) &&
		!route_param_lookup(ctx, "employee.waiting_months", &v))
		add_note(ctx->s, "waiting_period_not_applied");
	if (ctx->claim->location == LOC_NATIONAL &&
		catalog_constant(ctx->cat, ctx->rows_policy, "manual_claim.months", &v))
		add_note(ctx->s, "LZ-DIR:apply_within_one_year");
}

/*
 * check_disease_code
 *      A disease on a claim whose route does not read it (inpatient, delivery, ART ...) must
 *      still be a disease code of the contract: a chronic or special disease of a catalog, or
 *      'HTN' or 'DM'.  (The chronic, special and outpatient routes look their disease up
 *      themselves, with their own errors.)
 */
static void
check_disease_code(const MatinsCatalog *cat, const char *code)
{
	if (strcmp(code, "HTN") == 0 || strcmp(code, "DM") == 0 || strcmp(code, "OBH") == 0 ||
		catalog_disease_row(cat->chronic, cat->n_chronic, NULL, code) != NULL ||
		catalog_disease_row(cat->special, cat->n_special, NULL, code) != NULL)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown disease \"%s\"", value_for_message(code)),
			 errhint("Use a chronic disease CH01..CH18, a special disease SP01..SP41 (matins.chronic_disease, matins.special_disease), 'HTN', 'DM' or 'OBH' (obstetric haemorrhage); or leave disease null.")));
}

/*
 * check_scheme
 *      A resident is in resident insurance, and a unit's employee (enterprise or public) in
 *      employee insurance; the other person types may be in either (a flexible worker may join
 *      resident insurance, a spouse's scheme says which insurance she has of her own).
 */
static void
check_scheme(const Claim *claim)
{
	bool		want_resident;

	if (claim->person_type == PT_RESIDENT)
		want_resident = true;
	else if (claim->person_type == PT_ENTERPRISE || claim->person_type == PT_PUBLIC)
		want_resident = false;
	else
		return;
	if ((claim->scheme == SCHEME_RESIDENT) != want_resident)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claim field scheme = %s does not go with person_type = %s",
						scheme_names[claim->scheme], person_type_names[claim->person_type]),
				 errhint("A resident (城乡居民) is in resident insurance: scheme 'resident'; an enterprise or public-unit employee is in employee insurance: scheme 'employee'.")));
}

/*
 * settle
 *      Settle one claim after `usage` (which it advances).  policy_name: NULL for the policy in
 *      force, else a what-if policy id.
 */
void
settle(const MatinsCatalog *cat, const Claim *claim, const char *policy_name, Usage *usage,
	   Settlement *s)
{
	SettleContext ctx;
	int			year;
	Fen			class_b;

	memset(&ctx, 0, sizeof(ctx));
	ctx.cat = cat;
	ctx.claim = claim;
	ctx.usage = usage;
	ctx.s = s;
	check_scheme(claim);
	resolve_route(&ctx, policy_name);
	year = date_year(claim->service_date);
	usage_enter_year(usage, year);
	ctx.pregnancy = usage_pregnancy(usage, claim->pregnancy_id);

	s->policy = ctx.policy->id;
	s->route = ctx.route->route;
	s->policy_row = ctx.policy;
	s->route_row = ctx.route;
	s->total = claim->total;
	add_note(s, ctx.route->source);
	/* NM-IP, WZ-IP: a critically ill woman's delivery is paid by the basic insurance rules */
	if (ctx.route->critical == 1)
	{
		add_note(s, "critically_ill");
		add_step(s, ctx.route->source, 0, -1, 0,
				 "critically ill pregnant woman: settled by the basic medical insurance rules");
	}
	note_policy_conditions(&ctx);

	/* the handlers of chronic, special and general outpatient claims check their own diseases;
	 * day surgery, settled by the special handler, has none of its own */
	if (claim->disease != NULL && ctx.route->handler != H_RESIDENT_CHRONIC &&
		!(ctx.route->handler == H_RESIDENT_SPECIAL && claim->benefit == BEN_SPECIAL) &&
		ctx.route->handler != H_RESIDENT_OUTPATIENT)
		check_disease_code(cat, claim->disease);
	if (ctx.route->handler == H_ART)
		handle_art(&ctx);		/* ART splits its own lines (JL24-ART-3, JL24-ART-4) */
	else
	{
		if (claim->nlines > 0)
			split_lines(&ctx, &class_b);
		else
		{
			s->self_pay = claim->self_pay;
			s->over_limit = claim->over_limit;
			class_b = claim->class_b;
		}
		/* class-B pre-self-pay on basic-insurance routes only (JL24-SC for maternity) */
		if (!ctx.route->maternity_fund && class_b > 0)
			add_note(s, charge_class_b(&ctx, class_b));
		s->in_scope = s->total - s->self_pay - s->over_limit - s->pre_self_pay;
		add_step(s, ctx.route->source, s->total, -1, s->in_scope,
				 "in scope = total - self_pay - over_limit - pre_self_pay");
		handlers[ctx.route->handler] (&ctx);
	}

	/* the settlement identities hold by construction: copay is what remains */
	s->fund_total = s->maternity_fund + s->pooled_fund;
	s->copay = s->in_scope - s->deductible - s->over_cap - s->fund_total;
	s->personal = s->total - s->fund_total;
	if (s->copay < 0 || s->in_scope < 0)
		elog(ERROR, "matins: settlement of claim " INT64_FORMAT " breaks its identities (copay %s, in_scope %s)",
			 claim->claim_id, fen_to_cstring(s->copay), fen_to_cstring(s->in_scope));
	if (s->transfer_to == TRANSFER_NONE && s->over_cap > 0)
		elog(ERROR, "matins: over_cap without a destination on route %s", s->route);
}

/*
 * rules/maternity.c
 *      Handlers of the maternity routes: full payment (JL24-DL, JL24-FP, NM-IP, NM-OP, WZ-IP,
 *      LZ-IP, LZ-SPO), transfer to general outpatient (JL24-PN flexible, LZ-PN), the prenatal cap
 *      per pregnancy (JL24-PN), the prenatal package (NM-PN), the prenatal list (WZ-PN) and
 *      fixed quotas (LZ-SCR, LZ-FPO).
 */
#include "postgres.h"

#include "settle.h"

/*
 * handle_full
 *      The in-scope cost at the route's ratio (1, or LZ-SPO's 0.5, or a region parameter such as
 *      JL24-FP's family_planning.other_ratio), no deductible, within the route's yearly cap.
 */
void
handle_full(SettleContext *ctx)
{
	Settlement *s = ctx->s;
	const RouteRow *r = ctx->route;
	Micro		ratio = r->ratio_param ? route_param(ctx, r->ratio_param) : r->ratio;
	Fen			fund = fen_mul_ratio(s->in_scope, ratio);

	if (ratio != MICRO_ONE)
		add_note(s, r->ratio_param ? r->ratio_param : "ratio");
	add_step(s, r->source, s->in_scope, ratio, fund, "no deductible; in-scope cost at the route's ratio");
	pay(ctx, fund);
}

/*
 * handle_transfer
 *      The maternity route pays nothing: the in-scope cost goes to general outpatient pooling
 *      (a person without a maternity route for prenatal checks; Lanzhou's grant model, LZ-PN).
 */
void
handle_transfer(SettleContext *ctx)
{
	pay_nothing(ctx, ctx->route->source, "general_outpatient", TRANSFER_GENERAL_OUTPATIENT);
	if (strcmp(ctx->route->source, "LZ-PN") == 0)
		add_note(ctx->s, "prenatal_grant_with_event");
}

/*
 * pay_within_pregnancy_cap
 *      Pay `eligible` (the part the route covers) within what is left of a per-pregnancy cap;
 *      the rest of the in-scope cost goes to general outpatient pooling.
 */
static void
pay_within_pregnancy_cap(SettleContext *ctx, Fen eligible, Fen cap, const char *cap_name)
{
	Settlement *s = ctx->s;
	Fen			left = fen_max(0, cap - ctx->pregnancy->prenatal_paid);
	Fen			fund = fen_min(eligible, left);

	add_step(s, ctx->route->source, cap, -1, left, psprintf("%s left in this pregnancy", cap_name));
	if (fund < eligible)
		add_note(s, "pregnancy_cap");
	s->over_cap = s->in_scope - fund;
	if (s->over_cap > 0)
		s->transfer_to = TRANSFER_GENERAL_OUTPATIENT;
	ctx->pregnancy->prenatal_paid += fund;
	add_step(s, ctx->route->source, eligible, MICRO_ONE, fund, "paid in full within the cap");
	if (fund < eligible)
		add_step(s, ctx->route->source, left, -1, eligible - fund,
				 psprintf("over what %s leaves in this pregnancy: to general_outpatient", cap_name));
	pay(ctx, fund);
}

/*
 * handle_prenatal_cap
 *      JL24-PN: prenatal checks at 100%, no deductible, up to the region's cap per pregnancy
 *      (region parameter prenatal.cap, at least 1000); the excess goes to general outpatient.
 */
void
handle_prenatal_cap(SettleContext *ctx)
{
	Fen			cap = micro_to_fen(route_param(ctx, "prenatal.cap"));

	pay_within_pregnancy_cap(ctx, ctx->s->in_scope, cap, "prenatal.cap");
}

/*
 * package_item
 *      The package row of an item code under a policy (whose rows apply), with its slot; NULL
 *      if none.
 */
static const PackageItemRow *
package_item(const MatinsCatalog *cat, const PolicyRow *rows_policy, const char *code, int *slot)
{
	for (int i = 0; i < cat->n_package_items && i < MAX_PACKAGE; i++)
	{
		const PackageItemRow *p = &cat->package_items[i];

		if (p->policy == rows_policy->id && strcmp(p->code, code) == 0)
		{
			*slot = i;
			return p;
		}
	}
	return NULL;
}

/*
 * list_item_listed
 *      Whether an item code names an item of a policy's prenatal list (WZ-LIST).
 */
static bool
list_item_listed(const MatinsCatalog *cat, const PolicyRow *rows_policy, const char *code)
{
	for (int j = 0; j < cat->n_list_items; j++)
		if (cat->list_items[j].policy == rows_policy->id &&
			strcmp(cat->list_items[j].name, code) == 0)
			return true;
	return false;
}

/*
 * prenatal_item_known
 *      Whether an item code is in a policy's prenatal catalog (NM-PN's package, WZ-LIST's list):
 *      a route that sends prenatal cost elsewhere knows such a line is in scope.
 */
bool
prenatal_item_known(const MatinsCatalog *cat, const PolicyRow *rows_policy, const char *code)
{
	int			slot;

	return package_item(cat, rows_policy, code, &slot) != NULL ||
		list_item_listed(cat, rows_policy, code);
}

/*
 * handle_prenatal_list
 *      WZ-PN: items of the prenatal list at 100% up to the draft's cap per pregnancy; items off
 *      the list (lines whose item_code names no list item) and the excess go to general
 *      outpatient.  Without lines the whole in-scope cost is taken as list items.
 */
void
handle_prenatal_list(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	Fen			outside = 0;
	Fen			cap = micro_to_fen(required_constant(ctx, "prenatal.cap_per_pregnancy"));

	if (c->nlines == 0)
		add_note(s, "WZ-PN:no_lines");
	for (int i = 0; i < c->nlines; i++)
	{
		const ClaimLine *l = &c->lines[i];

		if (l->item_class == CLASS_SELF)
			continue;
		if (!list_item_listed(ctx->cat, ctx->rows_policy, l->item_code))
		{
			/* off the list: in scope only if the line says so (as for NM-PN's package) */
			if (l->item_class == CLASS_CATALOG)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown item code \"%s\" in claim line %d", value_for_message(l->item_code), i + 1),
						 errdetail("It is not on the prenatal list of policy %s (WZ-LIST).",
								   ctx->rows_policy->id),
						 errhint("List items are named as in matins.prenatal_list_item; give other items an item_class.")));
			outside += l->amount;
			add_note(s, "WZ-LIST:outside_list");
			add_step(s, "WZ-LIST", l->amount, 0, 0, psprintf("%s is not on the prenatal list", l->item_code));
		}
	}
	pay_within_pregnancy_cap(ctx, s->in_scope - outside, cap, "prenatal.cap_per_pregnancy");
}

/*
 * package_units_left
 *      How many more units of an item the package pays in this pregnancy: its base count, and for
 *      an alternative pair the pair's count, where the first item of the pair used decides
 *      (NM-PN Reading); none when the other item of the pair was used.
 */
static int
package_units_left(SettleContext *ctx, const PackageItemRow *item, int slot)
{
	const PregnancyUsage *p = ctx->pregnancy;
	int			limit = item->base_count;

	if (item->alt_group != NULL)
	{
		for (int i = 0; i < ctx->cat->n_package_items && i < MAX_PACKAGE; i++)
		{
			const PackageItemRow *other = &ctx->cat->package_items[i];

			if (i != slot && other->alt_group && other->policy == item->policy &&
				strcmp(other->alt_group, item->alt_group) == 0 && PREG_PACKAGE(p, i) > 0)
				return 0;
		}
		limit = Min(limit, item->group_count);
	}
	return Max(0, limit - PREG_PACKAGE(p, slot));
}

/*
 * handle_prenatal_package
 *      NM-PN: items of the prenatal package at 100%, no deductible, within their base counts per
 *      pregnancy, counted toward the employee yearly cap; other in-scope prenatal cost goes to
 *      general outpatient.  Without lines the in-scope cost is taken as package items.
 */
void
handle_prenatal_package(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	Fen			outside = 0;
	Fen			over_amounts = 0;	/* the lines that go past their counts */
	FenSum		over_shares = FEN_SUM_ZERO; /* their parts within the counts, exactly */

	if (c->nlines == 0)
	{
		add_note(s, "NM-PN:no_lines");
		add_step(s, "NM-PN", s->in_scope, MICRO_ONE, s->in_scope, "no item lines: taken as package items");
	}
	for (int i = 0; i < c->nlines; i++)
	{
		const ClaimLine *l = &c->lines[i];
		const PackageItemRow *item;
		int			slot,
					units;

		if (l->item_class == CLASS_SELF)
			continue;
		item = package_item(ctx->cat, ctx->rows_policy, l->item_code, &slot);
		if (item == NULL)
		{
			if (l->item_class == CLASS_CATALOG)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown item code \"%s\" in claim line %d", value_for_message(l->item_code), i + 1),
						 errhint("Package items are NMPN01..NMPN37 (matins.prenatal_package_item); give other items an item_class.")));
			outside += l->amount;
			add_note(s, "NM-PN:outside_package");
			add_step(s, "NM-PN", l->amount, 0, 0, psprintf("%s is not a package item", l->item_code));
			continue;
		}
		units = Min(l->quantity, package_units_left(ctx, item, slot));
		pregnancy_package_touch(ctx->pregnancy, slot);
		ctx->pregnancy->package_counts[slot] += units;
		if (units < l->quantity)
		{
			/* pro rata; the parts of all such lines are one amount, rounded once (0.8.0) */
			over_amounts += l->amount;
			fen_sum_add(&over_shares, l->amount, units, l->quantity);
			add_note(s, "NM-PN:over_count");
		}
		add_step(s, "NM-PN", l->amount, -1, fen_mul_div(l->amount, units, l->quantity),
				 psprintf("%s: %d of %d units within the package count", item->code, units, l->quantity));
	}
	if (over_amounts > 0)
	{
		Fen			within = fen_sum_round(&over_shares);

		outside += over_amounts - within;
		add_step(s, "NM-PN", over_amounts, -1, within,
				 "the lines past their counts: their parts within the counts, summed and rounded once");
	}
	s->over_cap = outside;
	if (outside > 0)
		s->transfer_to = TRANSFER_GENERAL_OUTPATIENT;
	pay(ctx, s->in_scope - outside);
}

/*
 * designated
 *      Whether the claim's institution is on the policy's list for the benefit.
 */
static bool
designated(SettleContext *ctx)
{
	if (ctx->claim->hospital == NULL)
		return false;
	for (int i = 0; i < ctx->cat->n_hospitals; i++)
	{
		const HospitalRow *h = &ctx->cat->hospitals[i];

		if (h->benefit == ctx->claim->benefit && h->policy == ctx->rows_policy->id &&
			strcmp(h->hospital, ctx->claim->hospital) == 0)
			return true;
	}
	return false;
}

/*
 * handle_quota
 *      LZ-SCR, LZ-FPO: a fixed amount per procedure or pregnancy, min(in-scope cost, quota).
 *      The spouse's half (LZ-SPO) halves the screening payment (50% of min(cost, 160)) and the
 *      family-planning quotas themselves (130/100/100).  The part above a quota is personal; a
 *      claim the quota does not cover (not designated, level too low, no quota for the
 *      procedure, used already) goes to general outpatient.  A family-planning claim must name
 *      its procedure: the quota is the procedure's.
 */
void
handle_quota(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	const QuotaRow *q = NULL;
	const char *list_rule = ctx->route->source;	/* the rule whose quotas these are */
	Procedure	proc = c->benefit == BEN_SCREENING ? PROC_NONE : c->procedure;
	Fen			base,
				fund;

	if (c->benefit == BEN_FAMILY_PLANNING && c->procedure == PROC_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field procedure must not be null for route %s", ctx->route->route),
				 errdetail("Rule %s pays a quota per procedure.", ctx->route->source),
				 errhint("Give the family-planning procedure of the claim (abortion, iud_insert, iud_remove, ...).")));
	for (int i = 0; i < ctx->cat->n_quotas; i++)
	{
		const QuotaRow *r = &ctx->cat->quotas[i];

		/* a screening's amount is per pregnancy whatever the setting; a procedure's per setting */
		if (r->policy == ctx->rows_policy->id && r->benefit == c->benefit &&
			(r->setting == c->setting || c->benefit == BEN_SCREENING))
		{
			list_rule = r->source;
			if (r->procedure == proc)
				q = r;
		}
	}
	/* no quota for the procedure: the quota list's rule decides (LZ-FPO, also for a spouse) */
	if (q == NULL)
	{
		add_note(s, list_rule);
		return pay_nothing(ctx, list_rule, "no_quota", TRANSFER_GENERAL_OUTPATIENT);
	}
	add_note(s, q->source);
	if (q->designated_only && !designated(ctx))
		return pay_nothing(ctx, q->source, "not_designated", TRANSFER_GENERAL_OUTPATIENT);
	if (q->min_level > 0 && c->hospital_level < q->min_level)
		return pay_nothing(ctx, q->source, "hospital_level", TRANSFER_GENERAL_OUTPATIENT);
	if (q->per_pregnancy && ctx->pregnancy->screening_used)
		return pay_nothing(ctx, q->source, "used_in_pregnancy", TRANSFER_GENERAL_OUTPATIENT);

	if (c->benefit == BEN_SCREENING)
	{
		base = fen_min(s->in_scope, q->quota);
		fund = fen_mul_ratio(base, ctx->route->ratio);
		add_step(s, q->source, s->in_scope, -1, base, psprintf("min(in-scope cost, %s)", fen_to_cstring(q->quota)));
		if (ctx->route->ratio != MICRO_ONE)
			add_step(s, ctx->route->source, base, ctx->route->ratio, fund, "spouse: half the standard");
		/* once per pregnancy: a screening the fund paid nothing for (no in-scope cost) leaves it */
		if (base > 0)
			ctx->pregnancy->screening_used = true;
	}
	else
	{
		/* LZ-SPO: the spouse's quotas themselves are halved (130/100/100) */
		Fen			quota = fen_mul_ratio(q->quota, ctx->route->ratio);

		if (ctx->route->ratio != MICRO_ONE)
			add_step(s, ctx->route->source, q->quota, ctx->route->ratio, quota, "spouse: half the quota");
		base = fund = fen_min(s->in_scope, quota);
		add_step(s, q->source, s->in_scope, -1, base, psprintf("min(in-scope cost, %s)", fen_to_cstring(quota)));
	}
	s->over_cap = s->in_scope - base;
	if (s->over_cap > 0)
	{
		s->transfer_to = TRANSFER_PERSONAL;
		add_note(s, "over_quota");
	}
	pay(ctx, fund);
}

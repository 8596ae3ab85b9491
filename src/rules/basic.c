/*
 * rules/basic.c
 *      Handlers of the basic medical insurance routes: employee inpatient rules (JL24-DL for
 *      flexible employees, NM-NOMI), and Jilin resident insurance: inpatient bands (JL19-IP),
 *      special outpatient diseases and day surgery (JL19-SP), general outpatient (JL19-OP) and
 *      chronic outpatient diseases (JL19-CH).
 */
#include "postgres.h"

#include "settle.h"

/*
 * handle_employee_inpatient
 *      A deductible per admission and a ratio by hospital level (region parameters), within the
 *      employee yearly cap.
 */
void
handle_employee_inpatient(SettleContext *ctx)
{
	Settlement *s = ctx->s;
	const char *rule = ctx->route->source;
	Fen			deductible = micro_to_fen(route_param(ctx, level_name(ctx, "employee.inpatient.deductible", rule)));
	Micro		ratio = route_param(ctx, level_name(ctx, "employee.inpatient.ratio", rule));
	Fen			fund;

	s->deductible = fen_min(s->in_scope, deductible);
	add_step(s, rule, deductible, -1, s->deductible, "deductible per admission");
	fund = fen_mul_ratio(s->in_scope - s->deductible, ratio);
	add_step(s, rule, s->in_scope - s->deductible, ratio, fund, "employee inpatient ratio");
	pay(ctx, fund);
}

/*
 * band_fund
 *      JL19-IP: the fund's share of the stretch [from, to) of the year's cumulative in-scope
 *      position, band by band at the claim's level; rounded once over all bands.
 */
static Fen
band_fund(SettleContext *ctx, Fen from, Fen to)
{
	const MatinsCatalog *cat = ctx->cat;
	int			level = ctx->claim->hospital_level;
	int128		exact = 0;
	bool		found = false;
	Fen			covered = 0;
	Fen			fund;

	for (int i = 0; i < cat->n_bands; i++)
	{
		const BandRow *b = &cat->bands[i];
		Fen			lo,
					hi;

		if (b->policy != ctx->rows_policy->id || b->scheme != SCHEME_RESIDENT ||
			b->level != level)
			continue;
		found = true;
		lo = fen_max(from, b->lower);
		hi = b->upper < 0 ? to : fen_min(to, b->upper);
		if (hi <= lo)
			continue;
		covered += hi - lo;
		exact += (int128) (hi - lo) * b->ratio;
		add_step(ctx->s, "JL19-IP", hi - lo, b->ratio, fen_mul_ratio(hi - lo, b->ratio),
				 psprintf("band %s-%s of the year's in-scope position", fen_to_cstring(b->lower),
						  b->upper < 0 ? "" : fen_to_cstring(b->upper)));
	}
	if (!found)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("policy %s has no ratio bands for hospital level %d", ctx->rows_policy->id, level),
				 errhint("Add the bands to matins.band_schedule.")));
	/* the bands do not overlap (an exclusion constraint), so a shortfall is a gap: no silent 0% */
	if (covered < to - from)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the ratio bands of policy %s for hospital level %d leave part of the position %s to %s without a ratio",
						ctx->rows_policy->id, level, fen_to_cstring(from), fen_to_cstring(to)),
				 errhint("The bands of a level in matins.band_schedule must cover every position from 0 up, without gaps.")));
	/* round once: the sum of exact band shares, half away from zero */
	fund = (Fen) ((exact + MICRO_ONE / 2) / MICRO_ONE);
	return fund;
}

/*
 * pay_by_bands
 *      Advance the year's position by the whole in-scope amount (the deductible counts toward it
 *      but is never paid) and pay the bands above the deductible, within the yearly maximum.
 */
static void
pay_by_bands(SettleContext *ctx)
{
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	Fen			from = y->inpatient_position + s->deductible;
	Fen			to = y->inpatient_position + s->in_scope;

	y->inpatient_position = to;
	pay(ctx, band_fund(ctx, from, to));
}

/*
 * handle_resident_inpatient
 *      JL19-IP: a deductible per admission by level (region parameter), counted continuously on
 *      referral (only what this level's deductible exceeds the referring stay's, whatever year
 *      that stay fell in; none on a downward referral to level 1), then the bands on the year's
 *      cumulative position, within the resident yearly maximum (200000).
 *
 *      Reading: a downward referral to level 1 has no deductible at all, so the region's level-1
 *      standard is not needed for it, and a later referral from that stay counts 0.
 */
void
handle_resident_inpatient(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	Usage	   *u = ctx->usage;
	Fen			standard = 0;
	Fen			applied = 0;

	/* cited also where a maternity route sends the stay here (JL24-DL) */
	add_note(s, "JL19-IP");
	/*
	 * JL19-MP: a critically ill pregnant woman (obstetric haemorrhage 'OBH' on any stay, or
	 * pregnancy-induced hypertension: 'HTN' on a delivery) is flagged for the 42-major-diseases
	 * policy, which is not in the seeds; her stay is settled by JL19-IP.
	 */
	if (claim_critically_ill(c))
	{
		add_note(s, "JL19-MP");
		add_step(s, "JL19-MP", 0, -1, 0,
				 "critically ill pregnant woman: flagged, settled by the inpatient rules");
	}
	if (c->referral == REF_DOWN && c->hospital_level == 1)
	{
		add_note(s, "JL19-IP:down_referral");
		add_step(s, "JL19-IP", 0, -1, 0, "downward referral to a level-1 hospital: no deductible");
	}
	else
	{
		const char *pname = level_name(ctx, "resident.inpatient.deductible", "JL19-IP");

		standard = applied = micro_to_fen(route_param(ctx, pname));
		if (c->referral != REF_NONE)
		{
			applied = fen_max(0, standard - u->last_stay_deductible);
			add_note(s, "JL19-IP:referral");
			add_step(s, "JL19-IP", standard, -1, applied, "referral: deductible counted continuously");
		}
	}
	s->deductible = fen_min(s->in_scope, applied);
	add_step(s, "JL19-IP", applied, -1, s->deductible, "deductible of this stay");
	/* the last stay is the latest by date: a stay settled late (a back-dated claim in the
	 * ledger) is not the one a later referral comes from */
	if (c->service_date >= u->last_stay_date)
	{
		u->last_stay_deductible = standard;
		u->last_stay_date = c->service_date;
	}
	pay_by_bands(ctx);
}

/*
 * disease_row
 *      The row of a disease code among the chronic or special diseases (rows) of the policy
 *      whose rows apply, or NULL.
 */
static const DiseaseRow *
disease_row(const SettleContext *ctx, const DiseaseRow *rows, int n, const char *code)
{
	return catalog_disease_row(rows, n, ctx->rows_policy->id, code);
}

/*
 * refuse_special_without_rule
 *      A special disease governed by a document matins lacks (JL19-SP: phenylketonuria, SP41)
 *      has no rule, on a special outpatient claim and on a day surgery for it alike (day
 *      surgery is managed as a special outpatient disease).
 */
static void
refuse_special_without_rule(const DiseaseRow *d, const char *code)
{
	if (d != NULL && d->no_rule)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no rule settles special disease %s", code),
				 errdetail("It is governed by a document matins does not implement."),
				 errhint("See matins.special_disease.")));
}

/*
 * check_special_disease
 *      The special disease a claim is for (JL19-SP); unknown codes and diseases governed by a
 *      document matins lacks are errors.
 */
static void
check_special_disease(SettleContext *ctx)
{
	const char *code = ctx->claim->disease;
	const DiseaseRow *d;

	if (code == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field disease must not be null for a special outpatient claim"),
				 errhint("Give the special disease code SP01..SP41 (JL19-SP).")));
	d = disease_row(ctx, ctx->cat->special, ctx->cat->n_special, code);
	refuse_special_without_rule(d, code);
	if (d == NULL)
		ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown special disease \"%s\"", value_for_message(code)),
			 errhint("The special diseases are SP01..SP41 in matins.special_disease.")));
}

/*
 * handle_resident_special
 *      JL19-SP: special outpatient diseases (and day surgery) at level-2+ institutions: a yearly
 *      deductible (region parameter), then the inpatient bands on the shared position and the
 *      shared yearly maximum.
 */
void
handle_resident_special(SettleContext *ctx)
{
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	Fen			standard;

	if (ctx->claim->benefit == BEN_SPECIAL)
		check_special_disease(ctx);
	else if (ctx->claim->disease != NULL)
		refuse_special_without_rule(disease_row(ctx, ctx->cat->special, ctx->cat->n_special,
												ctx->claim->disease), ctx->claim->disease);
	(void) level_name(ctx, "resident.special", "JL19-SP");
	if (ctx->claim->hospital_level < 2)
		return pay_nothing(ctx, "JL19-SP", "JL19-SP:level_2_and_above", TRANSFER_PERSONAL);
	standard = micro_to_fen(route_param(ctx, "resident.special.deductible"));
	s->deductible = fen_min(s->in_scope, fen_max(0, standard - y->special_deductible_paid));
	y->special_deductible_paid += s->deductible;
	add_step(s, "JL19-SP", standard, -1, s->deductible, "yearly deductible still to pay");
	pay_by_bands(ctx);
}

/*
 * pay_outpatient
 *      Pay `calc` within the room a yearly limit leaves (`room`: the general outpatient limit,
 *      JL19-OP, or with `disease` that disease's fund maximum, JL19-CH) and then within the 6500
 *      general + chronic ceiling (JL19-CH).  What either cuts off is over_cap (personal), and its
 *      step cites the rule that cut it.  Returns what was paid.
 */
static Fen
pay_outpatient(SettleContext *ctx, Fen calc, Fen room, const DiseaseRow *disease)
{
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	Fen			ceiling = micro_to_fen(required_constant(ctx, "outpatient.ceiling"));
	Fen			within_limit = fen_min(calc, room);
	Fen			fund = fen_min(within_limit, fen_max(0, ceiling - y->outpatient_chronic_fund_paid));

	if (within_limit < calc)
	{
		s->over_cap += calc - within_limit;
		s->transfer_to = TRANSFER_PERSONAL;
		if (disease == NULL)
		{
			add_note(s, "outpatient_limit");
			add_step(s, "JL19-OP", calc, -1, calc - within_limit,
					 "over the yearly general outpatient limit");
		}
		else
		{
			add_note(s, "chronic_fund_max");
			add_step(s, "JL19-CH", calc, -1, calc - within_limit,
					 psprintf("%s: over its yearly fund maximum %s", disease->code,
							  fen_to_cstring(disease->fund_max)));
		}
	}
	if (fund < within_limit)
	{
		s->over_cap += within_limit - fund;
		s->transfer_to = TRANSFER_PERSONAL;
		add_note(s, "JL19-CH");
		add_note(s, "outpatient_limit");
		add_step(s, "JL19-CH", within_limit, -1, within_limit - fund,
				 "over the 6500 general + chronic outpatient ceiling");
	}
	y->outpatient_chronic_fund_paid += fund;
	pay(ctx, fund);
	return fund;
}

/*
 * check_outpatient_disease
 *      The disease of a general outpatient claim, when it has one, is a code of the contract:
 *      'HTN' or 'DM' (level-2 medication, JL19-OP), or a chronic or special disease of the policy.
 */
static void
check_outpatient_disease(SettleContext *ctx)
{
	const char *code = ctx->claim->disease;
	const MatinsCatalog *cat = ctx->cat;

	if (code == NULL || strcmp(code, "HTN") == 0 || strcmp(code, "DM") == 0 ||
		disease_row(ctx, cat->chronic, cat->n_chronic, code) != NULL ||
		disease_row(ctx, cat->special, cat->n_special, code) != NULL)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown disease \"%s\"", value_for_message(code)),
			 errhint("A general outpatient claim's disease is 'HTN' or 'DM' (level-2 medication, JL19-OP), a chronic disease CH.. or a special disease SP.., or NULL.")));
}

/*
 * handle_resident_outpatient
 *      JL19-OP: general outpatient at 50% after a yearly deductible, at level 1 and below, and at
 *      level 2 only for hypertension and diabetes medication; a yearly limit (700 or 1000) and
 *      the 6500 general + chronic ceiling.
 */
void
handle_resident_outpatient(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	Fen			standard,
				limit,
				calc,
				fund;
	Micro		ratio;

	check_outpatient_disease(ctx);
	(void) level_name(ctx, "resident.outpatient", "JL19-OP");
	if (c->hospital_level == 3)
		return pay_nothing(ctx, "JL19-OP", "JL19-OP:level_3_not_covered", TRANSFER_PERSONAL);
	if (c->hospital_level == 2 &&
		(c->disease == NULL || (strcmp(c->disease, "HTN") != 0 && strcmp(c->disease, "DM") != 0)))
		return pay_nothing(ctx, "JL19-OP", "JL19-OP:level_2_htn_dm_only", TRANSFER_PERSONAL);
	standard = micro_to_fen(route_param(ctx, "resident.outpatient.deductible"));
	limit = micro_to_fen(route_param(ctx, "resident.outpatient.limit"));
	ratio = required_constant(ctx, "outpatient.ratio");
	s->deductible = fen_min(s->in_scope, fen_max(0, standard - y->outpatient_deductible_paid));
	y->outpatient_deductible_paid += s->deductible;
	add_step(s, "JL19-OP", standard, -1, s->deductible, "yearly deductible still to pay");
	calc = fen_mul_ratio(s->in_scope - s->deductible, ratio);
	add_step(s, "JL19-OP", s->in_scope - s->deductible, ratio, calc, "general outpatient ratio");
	fund = pay_outpatient(ctx, calc, fen_max(0, limit - y->outpatient_fund_paid), NULL);
	y->outpatient_fund_paid += fund;
}

/*
 * handle_resident_chronic
 *      JL19-CH: 60% of in-scope cost after a deductible per disease and year, within the
 *      disease's yearly quota (and so its fund maximum), at in-province institutions, and within
 *      the 6500 general + chronic ceiling.
 */
void
handle_resident_chronic(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	const DiseaseRow *d;
	int			i;
	Fen			standard,
				after,
				eligible,
				calc;
	Micro		ratio;

	if (c->disease == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field disease must not be null for a chronic outpatient claim"),
				 errhint("Give the chronic disease code CH01..CH18 (JL19-CH).")));
	d = disease_row(ctx, ctx->cat->chronic, ctx->cat->n_chronic, c->disease);
	if (d == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown chronic disease \"%s\"", value_for_message(c->disease)),
				 errhint("The chronic diseases are listed in matins.chronic_disease (CH01..CH18 and a region's own).")));
	if (c->location == LOC_NATIONAL)
		return pay_nothing(ctx, "JL19-CH", "JL19-CH:in_province_only", TRANSFER_PERSONAL);
	i = (d->code[2] - '0') * 10 + (d->code[3] - '0');
	if (i >= MAX_DISEASES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("chronic disease code %s is beyond CH%02d", d->code, MAX_DISEASES - 1),
				 errhint("JL19-CH allows the 18 province-wide diseases and at most 5 of a region's own.")));

	standard = micro_to_fen(route_param(ctx, "resident.chronic.deductible"));
	year_chronic_touch(y, i);
	s->deductible = fen_min(s->in_scope, fen_max(0, standard - y->chronic_deductible_paid[i]));
	y->chronic_deductible_paid[i] += s->deductible;
	add_step(s, "JL19-CH", standard, -1, s->deductible, psprintf("%s: yearly deductible still to pay", d->code));

	after = s->in_scope - s->deductible;
	eligible = fen_min(after, fen_max(0, d->quota - y->chronic_in_scope[i]));
	y->chronic_in_scope[i] += eligible;
	if (eligible < after)
	{
		s->over_cap += after - eligible;
		s->transfer_to = TRANSFER_PERSONAL;
		add_note(s, "chronic_quota");
		add_step(s, "JL19-CH", after, -1, after - eligible, psprintf("%s: above the yearly quota %s", d->code, fen_to_cstring(d->quota)));
	}
	ratio = required_constant(ctx, "chronic.ratio");
	calc = fen_mul_ratio(eligible, ratio);
	add_step(s, "JL19-CH", eligible, ratio, calc, psprintf("%s: chronic ratio", d->code));
	/* the disease's fund maximum is a cap: what it cuts off is over_cap, not the ratio's copay */
	y->chronic_fund_paid[i] += pay_outpatient(ctx, calc,
											  fen_max(0, d->fund_max - y->chronic_fund_paid[i]), d);
}

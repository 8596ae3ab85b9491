/*
 * rules/art.c
 *      Assisted reproduction (JL24-ART-1..4): item lines against the catalog's maximum payment
 *      standards, payable and non-payable surcharges, price caps, quantity rules, items paid once
 *      per person, the PGT indication; class-B pre-self-pay; a yearly deductible with top-up at a
 *      higher level; a ratio by scheme and level; the yearly fund cap.
 */
#include "postgres.h"

#include "settle.h"

/*
 * art_standard
 *      JL24-ART-3/4 Reading: the maximum payment standard of a line,
 *      min(price cap, price × quantity rule + payable surcharge):
 *        per procedure: the price, plus the listed surcharge when one is billed;
 *        per embryo (311600008): the price plus the per-extra-embryo share for each further one;
 *        per egg (311600012): the price per egg, raised by the listed share when billed with it.
 */
static Fen
art_standard(const ArtItemRow *item, int units, bool surcharge_billed)
{
	Fen			standard;

	switch (item->unit)
	{
		case ART_UNIT_EMBRYO:
			standard = item->price;
			if (item->surcharge_kind == SURCHARGE_PER_EXTRA_UNIT && units > 1)
				standard += fen_mul_ratio(item->price * (units - 1), item->surcharge_value);
			else
				standard = item->price * units;
			break;
		case ART_UNIT_EGG:
			standard = item->price * units;
			if (surcharge_billed && item->surcharge_kind == SURCHARGE_PERCENT && item->surcharge_payable)
				standard += fen_mul_ratio(standard, item->surcharge_value);
			break;
		default:
			standard = item->price;
			if (surcharge_billed && item->surcharge_payable)
			{
				if (item->surcharge_kind == SURCHARGE_AMOUNT)
					standard += micro_to_fen(item->surcharge_value);
				else if (item->surcharge_kind == SURCHARGE_PERCENT)
					standard += fen_mul_ratio(item->price, item->surcharge_value);
			}
			break;
	}
	if (item->price_cap >= 0)
		standard = fen_min(standard, item->price_cap);
	return standard;
}

/*
 * art_line
 *      Split one ART catalog line (line number i + 1) into self_pay, over_limit and the class-B
 *      catalog amount.  An item priced per embryo or egg needs its quantity.
 */
static void
art_line(SettleContext *ctx, int i, const ClaimLine *l, const ArtItemRow *item, Fen *class_b)
{
	Settlement *s = ctx->s;
	Fen			charged = l->amount;
	int			units = l->quantity;
	Fen			standard,
				in_catalog;

	if (item->unit != ART_UNIT_PROCEDURE && !l->quantity_given)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field lines[%d].quantity must not be null for item %s", i + 1, item->code),
				 errdetail("Rule JL24-ART-4 prices %s per %s.", item->code,
						   item->unit == ART_UNIT_EMBRYO ? "embryo" : "egg"),
				 errhint("Give the number of %s the line charges for.",
						 item->unit == ART_UNIT_EMBRYO ? "embryos" : "eggs")));

	if (item->once_per_person && usage_art_used(ctx->usage, item->code))
	{
		s->self_pay += l->amount;
		add_note(s, "JL24-ART-4:once_per_person");
		add_step(s, "JL24-ART-4", l->amount, 0, 0, psprintf("%s was paid once already", item->code));
		return;
	}
	if (item->indications != 0 && (l->indication & item->indications) == 0)
	{
		s->self_pay += l->amount;
		add_note(s, "JL24-ART-4:indication");
		add_step(s, "JL24-ART-4", l->amount, 0, 0, psprintf("%s without its indication", item->code));
		return;
	}
	/*
	 * A surcharge the item lists but the fund excludes (311600001's endoscopic one) is self-paid
	 * (JL24-ART-4).  A surcharge the item does not list is no part of its standard: it stays in
	 * the charge and ends above the standard, as over_limit (JL24-ART-3).
	 */
	if (l->surcharge > 0 && item->surcharge_kind != SURCHARGE_NONE && !item->surcharge_payable)
	{
		s->self_pay += l->surcharge;
		charged -= l->surcharge;
		add_step(s, "JL24-ART-4", l->surcharge, 0, 0, psprintf("%s: surcharge not paid by the fund", item->code));
	}
	if (item->unit == ART_UNIT_PROCEDURE && units > 1)
	{
		/* a per-procedure item is paid for one unit; the others are self-paid */
		Fen			one = fen_mul_div(charged, 1, units);

		s->self_pay += charged - one;
		add_step(s, "JL24-ART-4", charged, -1, charged - one, psprintf("%s: paid for one procedure", item->code));
		charged = one;
		units = 1;
	}
	standard = art_standard(item, units, l->surcharge > 0);
	in_catalog = fen_min(charged, standard);
	s->over_limit += charged - in_catalog;
	*class_b += in_catalog;
	usage_mark_art(ctx->usage, item->code);
	add_step(s, "JL24-ART-3", charged, -1, in_catalog,
			 psprintf("%s: standard %s, above it over_limit %s", item->code, fen_to_cstring(standard),
					  fen_to_cstring(charged - in_catalog)));
}

/*
 * handle_art
 *      JL24-ART-2: the lines give self_pay, over_limit and the class-B amount; the scheme's
 *      class-B rate is paid first; the deductible by level once a calendar year (a higher level
 *      later in the year pays only the difference); the ratio by scheme and level; the payment
 *      counts toward the yearly cap, and the personal share does not count toward
 *      critical-illness insurance.
 */
void
handle_art(SettleContext *ctx)
{
	const Claim *c = ctx->claim;
	Settlement *s = ctx->s;
	YearUsage  *y = &ctx->usage->year;
	bool		resident = c->scheme == SCHEME_RESIDENT;
	Fen			class_b = 0,
				standard,
				fund;
	Micro		ratio;
	bool		listed = false; /* a line is an item of the list (JL24-ART-3/4 applied) */

	if (c->nlines == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claim field lines must not be empty for an ART claim"),
				 errdetail("ART claims settle item by item (JL24-ART-3, JL24-ART-4)."),
				 errhint("Give the items as matins.claim_line values.")));
	for (int i = 0; i < c->nlines; i++)
	{
		const ClaimLine *l = &c->lines[i];
		const ArtItemRow *item = l->item_class == CLASS_SELF ? NULL
			: catalog_art_item(ctx->cat, ctx->rows_policy->id, l->item_code);

		if (l->item_class == CLASS_SELF)
			s->self_pay += l->amount;
		else if (item != NULL)
		{
			art_line(ctx, i, l, item, &class_b);
			listed = true;
		}
		else if (l->item_class == CLASS_B)
			class_b += l->amount;
		else if (l->item_class == CLASS_A)
			continue;			/* class A: in scope, nothing paid first */
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown item code \"%s\" in claim line %d", value_for_message(l->item_code), i + 1),
					 errhint("ART items are listed in matins.art_item; give other items an item_class ('A', 'B' or 'self').")));
	}
	/* the item standards (JL24-ART-3) and the list's rules (JL24-ART-4) are cited when a line
	 * is a listed item: a claim of class A, class B and self-paid lines only applies neither */
	if (listed)
	{
		add_note(s, "JL24-ART-3");
		add_note(s, "JL24-ART-4");
	}

	/* ART items are class B (JL24-ART-2): the scheme's class-B share is paid first, and its
	 * rule is cited (JL19-B for a resident); a claim with no class-B line needs no rate */
	if (class_b > 0)
		add_note(s, charge_class_b(ctx, class_b));
	s->in_scope = s->total - s->self_pay - s->over_limit - s->pre_self_pay;
	add_step(s, "JL24-ART-2", s->total, -1, s->in_scope, "in scope = total - self_pay - over_limit - pre_self_pay");

	standard = micro_to_fen(route_param(ctx, level_name(ctx, "art.deductible", "JL24-ART-2")));
	s->deductible = fen_min(s->in_scope, fen_max(0, standard - y->art_deductible_paid));
	y->art_deductible_paid += s->deductible;
	add_step(s, "JL24-ART-2", standard, -1, s->deductible, "yearly deductible still to pay at this level");

	ratio = route_param(ctx, level_name(ctx, resident ? "art.ratio.resident" : "art.ratio.employee",
										"JL24-ART-2"));
	fund = fen_mul_ratio(s->in_scope - s->deductible, ratio);
	add_step(s, "JL24-ART-2", s->in_scope - s->deductible, ratio, fund, "ART ratio");
	add_note(s, "no_critical_illness");
	pay(ctx, fund);
}

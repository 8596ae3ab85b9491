/*
 * contribution.c
 *      matins_contribution: the contribution a region's documents define for a person type on
 *      a base, from matins.contribution_rate: Lanzhou's combined medical + maternity rates
 *      (LZ-CON), Inner Mongolia's employer maternity rate, a region parameter within the
 *      document's range (NM-CON).  Anything else has no rule: an error, never a zero.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "allowance.h"

PG_FUNCTION_INFO_V1(matins_contribution);

/*
 * find_rate
 *      The rate row of a person type under a policy, looking through to the policy it is based
 *      on when it has no rows of its own (Baotou on Inner Mongolia).
 */
static const RateRow *
find_rate(const MatinsCatalog *cat, const PolicyRow *policy, PersonType person_type)
{
	for (const PolicyRow *p = policy; p != NULL;
		 p = p->based_on ? catalog_policy(cat, p->based_on) : NULL)
	{
		bool		has_rows = false;

		for (int i = 0; i < cat->n_rates; i++)
		{
			const RateRow *r = &cat->rates[i];

			if (r->policy != p->id)
				continue;
			has_rows = true;
			if (r->person_type == person_type)
				return r;
		}
		if (has_rows)
			return NULL;
	}
	return NULL;
}

/*
 * matins_contribution
 *      matins_contribution(region text, person_type text, base numeric, month date)
 *      RETURNS numeric: base × rate, rounded once, half away from zero, to the fen.
 */
Datum
matins_contribution(PG_FUNCTION_ARGS)
{
	char	   *region = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *type_name = text_to_cstring(PG_GETARG_TEXT_PP(1));
	Datum		base_datum = PG_GETARG_DATUM(2);
	DateADT		month = PG_GETARG_DATEADT(3);
	PersonType	person_type;
	Fen			base;
	const MatinsCatalog *cat;
	const PolicyRow *policy;
	const RateRow *rate_row;
	Micro		rate;

	person_type = code_lookup("person_type", type_name, person_type_names, 0, N_PERSON_TYPES);
	base = fen_from_field_wide(base_datum, "base",
							   "Give the contribution base (or, for an employer in Inner Mongolia, last year's total wages) in yuan.");
	if (DATE_NOT_FINITE(month))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("month = %s is not a day", date_text(month)),
				 errhint("Give the contribution month as its first day, e.g. '2025-07-01'.")));

	cat = catalog_get();
	check_region_covered(cat, region);
	policy = catalog_policy_in_force(cat, region, true, month);
	if (policy == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no maternity policy is in force for region %s on %s", region,
						date_text(month)),
				 errhint("Check the month against matins.policy.")));
	rate_row = find_rate(cat, policy, person_type);
	if (rate_row == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no rule gives the contribution of person_type \"%s\" in region %s under policy %s",
						type_name, region, policy->id),
				 errdetail("matins knows contribution rates for Lanzhou (LZ-CON) and for Inner Mongolia's employers and flexible workers (NM-CON)."),
				 errhint("See matins.contribution_rate.")));

	if (rate_row->has_rate)
		rate = rate_row->rate;
	else
	{
		/* NM-CON: the region sets the rate within the document's range */
		rate = catalog_param_required(cat, region, rate_row->param_name, month);
		if (rate < rate_row->min_rate || rate > rate_row->max_rate)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("region parameter \"%s\" = %s for region %s is outside %s to %s",
							rate_row->param_name,
							DatumGetCString(DirectFunctionCall1(numeric_out, micro_to_numeric(rate))),
							region,
							DatumGetCString(DirectFunctionCall1(numeric_out, micro_to_numeric(rate_row->min_rate))),
							DatumGetCString(DirectFunctionCall1(numeric_out, micro_to_numeric(rate_row->max_rate)))),
					 errdetail("Rule %s sets the range.", rate_row->source),
					 errhint("Correct it with matins.set_param.")));
	}
	PG_RETURN_DATUM(fen_to_numeric(fen_mul_ratio(base, rate)));
}

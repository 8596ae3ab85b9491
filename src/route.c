/*
 * route.c
 *      Route resolution: region -> policy in force (or the one named) -> the first route row of
 *      that policy (or of the policy it is based on) whose conditions the claim meets.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "settle.h"

/*
 * route_matches
 *      Whether a claim meets a route row's conditions (NULL conditions match anything).
 */
static bool
route_matches(const RouteRow *r, const Claim *c)
{
	if (r->benefit != c->benefit)
		return false;
	if (r->setting >= 0 && r->setting != (int) c->setting)
		return false;
	if (r->scheme >= 0 && r->scheme != (int) c->scheme)
		return false;
	if (r->person_types != 0 && (r->person_types & (1u << c->person_type)) == 0)
		return false;
	if (r->insured >= 0 && r->insured != (c->maternity_insured ? 1 : 0))
		return false;
	if (r->procedures != 0 && (r->procedures & (1u << c->procedure)) == 0)
		return false;
	if (r->locations != 0 && (r->locations & (1u << c->location)) == 0)
		return false;
	return true;
}

/*
 * find_route
 *      The first matching route row of a policy, looking through to its base policy.
 */
static const RouteRow *
find_route(const MatinsCatalog *cat, const PolicyRow *policy, const Claim *claim)
{
	const PolicyRow *rows = policy_base(cat, policy);

	for (int i = 0; rows && i < cat->n_routes; i++)
		if (strcmp(cat->routes[i].policy, rows->id) == 0 &&
			route_matches(&cat->routes[i], claim))
			return &cat->routes[i];
	return NULL;
}

static const char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/*
 * resolve_route
 *      Fill ctx->policy, ctx->rows_policy, ctx->resident_policy and ctx->route for the claim, or
 *      fail with an error that says why no rule applies.
 */
void		resolve_route(SettleContext *ctx, const char *policy_name);

void
resolve_route(SettleContext *ctx, const char *policy_name)
{
	const MatinsCatalog *cat = ctx->cat;
	const Claim *claim = ctx->claim;
	const PolicyRow *candidates[2] = {NULL, NULL};
	const PolicyRow *maternity = catalog_policy_in_force(cat, claim->region, true, claim->service_date);
	const PolicyRow *resident = catalog_policy_in_force(cat, claim->region, false, claim->service_date);

	check_region_covered(cat, claim->region);
	if (policy_name != NULL)
	{
		const PolicyRow *named = catalog_policy(cat, policy_name);
		char		chain[4][7];
		int			n = region_chain(claim->region, chain);
		bool		governs = false;

		if (named == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown policy \"%s\"", policy_name),
					 errhint("The policy ids are listed in matins.policy.")));
		for (int i = 0; i < n; i++)
			if (strcmp(chain[i], named->region) == 0)
				governs = true;
		if (!governs)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("policy \"%s\" governs region %s, not the claim's region %s",
							named->id, named->region, claim->region),
					 errhint("Name a policy of the claim's region, its city or its province.")));
		candidates[0] = named;
		/* the other scope stays as in force on the date */
		candidates[1] = named->maternity ? resident : maternity;
		if (!named->maternity)
			resident = named;
	}
	else
	{
		candidates[0] = maternity;
		candidates[1] = resident;
		if (maternity == NULL && resident == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no policy is in force for region %s on %s", claim->region,
							date_text(claim->service_date)),
					 errdetail("Drafts are never applied by date."),
					 errhint("Name a policy for a what-if settlement, e.g. matins_settle(c, 'WZ-DRAFT-MAT').")));
	}

	ctx->resident_policy = resident;
	for (int i = 0; i < 2; i++)
	{
		const RouteRow *route;

		if (candidates[i] == NULL)
			continue;
		route = find_route(cat, candidates[i], claim);
		if (route == NULL)
			continue;
		ctx->route = route;
		ctx->policy = candidates[i];
		if (route->delegate_resident)
		{
			if (resident == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("no resident insurance policy is in force for region %s on %s",
								claim->region, date_text(claim->service_date)),
						 errhint("Route %s (%s) settles under the resident policy.", route->route,
								 route->source)));
			ctx->policy = resident;
		}
		ctx->rows_policy = policy_base(cat, ctx->policy);
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("no rule settles benefit %s for a %s %s (%s, procedure %s, location %s) under %s%s%s",
					benefit_names[claim->benefit], scheme_names[claim->scheme],
					person_type_names[claim->person_type], setting_names[claim->setting],
					claim->procedure == PROC_NONE ? "none" : procedure_names[claim->procedure],
					location_names[claim->location],
					candidates[0] ? candidates[0]->id : "",
					candidates[0] && candidates[1] ? " or " : "",
					candidates[1] ? candidates[1]->id : ""),
			 errdetail("The policy documents matins implements do not cover this claim%s.",
					   claim->maternity_insured ? "" : " (maternity_insured is false)"),
			 errhint("See matins.route for the routes of each policy.")));
}

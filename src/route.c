/*
 * route.c
 *      Route resolution: region -> policy in force (or the one named) -> the first route row of
 *      that policy (or of the policy it is based on) whose conditions the claim meets.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "settle.h"

/*
 * route_matches
 *      Whether a claim meets a route row's conditions (NULL conditions match anything); with
 *      any_procedure, whatever the row says of the procedure.
 */
static bool
route_matches(const RouteRow *r, const Claim *c, bool any_procedure)
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
	if (!any_procedure && r->procedures != 0 && (r->procedures & (1u << c->procedure)) == 0)
		return false;
	if (r->locations != 0 && (r->locations & (1u << c->location)) == 0)
		return false;
	return true;
}

/*
 * procedure_error
 *      A claim without a procedure reached a route row that applies to some procedures only:
 *      which row settles it, and how, depends on the procedure it does not give.
 */
static pg_noinline void
procedure_error(const PolicyRow *policy, const RouteRow *r)
{
	StringInfoData list;

	initStringInfo(&list);
	for (int p = PROC_NONE + 1; p < N_PROCEDURES; p++)
		if (r->procedures & (1u << p))
			appendStringInfo(&list, "%s%s", list.len > 0 ? ", " : "", procedure_names[p]);
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("claim field procedure must not be null for benefit %s under policy %s",
					benefit_names[r->benefit], policy->id),
			 errdetail("Route %s (%s) applies to the procedures %s only, so the settlement depends on the procedure.",
					   r->route, r->source, list.data),
			 errhint("Give the family-planning procedure of the claim (iud_insert, iud_remove, abortion, medical_abortion, induced_labour, tubal_ligation, vas_ligation, tubal_reversal, vas_reversal or implant).")));
}

/*
 * find_route
 *      The first matching route row of a policy, looking through to its base policy.  A claim
 *      without a procedure that would match a row for some procedures is an error: the row
 *      after it is no answer when the procedure might have been one of them.
 */
static const RouteRow *
find_route(const MatinsCatalog *cat, const PolicyRow *policy, const Claim *claim)
{
	const PolicyRow *rows = policy_base(cat, policy);

	for (int i = 0; rows && i < cat->n_routes; i++)
	{
		const RouteRow *r = &cat->routes[i];

		if (r->policy != rows->id)
			continue;
		if (route_matches(r, claim, false))
			return r;
		if (claim->procedure == PROC_NONE && r->procedures != 0 && route_matches(r, claim, true))
			procedure_error(policy, r);
	}
	return NULL;
}

/*
 * resolve_route_uncached
 *      Fill ctx->policy, ctx->rows_policy, ctx->resident_policy and ctx->route for the claim, or
 *      fail with an error that says why no rule applies.
 */
static pg_noinline void
resolve_route_uncached(SettleContext *ctx, const char *policy_name)
{
	const MatinsCatalog *cat = ctx->cat;
	const Claim *claim = ctx->claim;
	const PolicyRow *candidates[2] = {NULL, NULL};
	const PolicyRow *maternity = catalog_policy_in_force(cat, claim->region, true, claim->service_date);
	const PolicyRow *resident = catalog_policy_in_force(cat, claim->region, false, claim->service_date);

	check_region_covered(cat, claim->region);
	if (policy_name != NULL)
	{
		const PolicyRow *named = catalog_named_policy(cat, policy_name, claim->region, "claim");

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
			 errmsg("no rule settles benefit %s for person type %s, scheme %s (%s, procedure %s, location %s) under %s%s%s",
					benefit_names[claim->benefit], person_type_names[claim->person_type],
					scheme_names[claim->scheme], setting_names[claim->setting],
					claim->procedure == PROC_NONE ? "none" : procedure_names[claim->procedure],
					location_names[claim->location],
					candidates[0] ? candidates[0]->id : "",
					candidates[0] && candidates[1] ? " or " : "",
					candidates[1] ? candidates[1]->id : ""),
			 maternity == NULL && policy_name == NULL ?
			 errdetail("No maternity policy is in force for region %s on %s, and the resident policy does not cover this claim.",
					   claim->region, date_text(claim->service_date)) :
			 errdetail("The policy documents matins implements do not cover this claim%s.",
					   claim->maternity_insured ? "" : " (maternity_insured is false)"),
			 errhint("See matins.route for the routes of each policy.")));
}

/*
 * A memo of resolutions: the claim's region, routing attributes and named policy -> the
 * policies and the route, with the stretch of dates over which they hold (between the
 * validity boundaries of the policies of the region chain), for one catalog generation.
 * Four ways a set: claims of one kind on both sides of a policy boundary keep both entries.
 */
#define ROUTE_MEMO_SETS 256
#define ROUTE_MEMO_WAYS 4

typedef struct RouteMemo
{
	uint64		generation;
	uint64		region;			/* region_key() */
	char		policy_name[24];	/* "" when none was named */
	uint32		attrs;			/* scheme, person type, insured, benefit, setting, procedure, location */
	DateADT		from;
	DateADT		to;
	const PolicyRow *policy;
	const PolicyRow *rows_policy;
	const PolicyRow *resident_policy;
	const RouteRow *route;
} RouteMemo;

static RouteMemo *route_memo = NULL;
static uint32 route_memo_victim = 0;

/*
 * routing_attrs
 *      The coded attributes that decide a claim's route, packed in one word.
 */
static uint32
routing_attrs(const Claim *c)
{
	return (uint32) c->scheme | (uint32) c->person_type << 2 | (uint32) c->maternity_insured << 5 |
		(uint32) c->benefit << 6 | (uint32) c->setting << 10 | (uint32) c->procedure << 11 |
		(uint32) c->location << 15;
}

/*
 * policy_stretch
 *      The dates around `on` over which no policy of the region chain starts or ends, so the
 *      policies in force, and so the route, stay the same.
 */
static void
policy_stretch(const MatinsCatalog *cat, const char *region, DateADT on, DateADT *from,
			   DateADT *to)
{
	char		chain[4][7];
	int			n = region_chain(region, chain);

	*from = DATE_NO_BEGIN;
	*to = DATE_NO_END;
	for (int i = 0; i < cat->n_policies; i++)
	{
		const PolicyRow *p = &cat->policies[i];

		if (p->draft)
			continue;
		for (int c = 0; c < n; c++)
			if (strcmp(p->region, chain[c]) == 0)
			{
				if (p->valid_from <= on)
					*from = Max(*from, p->valid_from);
				else
					*to = Min(*to, p->valid_from - 1);
				if (p->valid_to >= on)
					*to = Min(*to, p->valid_to);
				else
					*from = Max(*from, p->valid_to + 1);
			}
	}
}

/*
 * route_memo_fill
 *      Keep a resolution just made in a way of its set.
 */
static pg_noinline void
route_memo_fill(SettleContext *ctx, RouteMemo *set, uint32 attrs, uint64 region,
				const char *pname)
{
	const Claim *c = ctx->claim;
	RouteMemo  *m;

	if (strlen(pname) >= sizeof(m->policy_name))
		return;
	m = &set[route_memo_victim++ % ROUTE_MEMO_WAYS];
	m->generation = ctx->cat->generation;
	m->attrs = attrs;
	policy_stretch(ctx->cat, c->region, c->service_date, &m->from, &m->to);
	m->region = region;
	strlcpy(m->policy_name, pname, sizeof(m->policy_name));
	m->policy = ctx->policy;
	m->rows_policy = ctx->rows_policy;
	m->resident_policy = ctx->resident_policy;
	m->route = ctx->route;
}

/*
 * resolve_route
 *      Route resolution, memoized per catalog generation: claims of the same region, routing
 *      attributes and policy stretch share it.  Errors are never memoized.
 */
void		resolve_route(SettleContext *ctx, const char *policy_name);

void
resolve_route(SettleContext *ctx, const char *policy_name)
{
	const Claim *c = ctx->claim;
	uint32		attrs = routing_attrs(c);
	uint64		region = region_key(c->region);
	const char *pname = policy_name ? policy_name : "";
	uint32		h;
	RouteMemo  *set;
	RouteMemo  *m;

	if (route_memo == NULL)
		route_memo = MemoryContextAllocZero(TopMemoryContext,
											sizeof(RouteMemo) * ROUTE_MEMO_SETS * ROUTE_MEMO_WAYS);
	h = 2166136261u;
	for (const char *p = pname; *p; p++)
		h = (h ^ (uint8) *p) * 16777619u;
	/* every bit of the key moves the top bits of the product, which choose the set */
	h = (uint32) ((region * UINT64CONST(0x9E3779B97F4A7C15) ^
				   (uint64) attrs * UINT64CONST(0xC2B2AE3D27D4EB4F) ^
				   (uint64) h * UINT64CONST(0x165667B19E3779F9)) >> 40);
	set = &route_memo[(h % ROUTE_MEMO_SETS) * ROUTE_MEMO_WAYS];
	for (int w = 0; w < ROUTE_MEMO_WAYS; w++)
	{
		m = &set[w];
		if (m->generation == ctx->cat->generation && m->attrs == attrs && m->region == region &&
			c->service_date >= m->from && c->service_date <= m->to &&
			m->policy_name[0] == pname[0] && (pname[0] == '\0' || strcmp(m->policy_name, pname) == 0))
		{
			ctx->policy = m->policy;
			ctx->rows_policy = m->rows_policy;
			ctx->resident_policy = m->resident_policy;
			ctx->route = m->route;
			return;
		}
	}
	resolve_route_uncached(ctx, policy_name);
	route_memo_fill(ctx, set, attrs, region, pname);
}

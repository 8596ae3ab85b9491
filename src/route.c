/*
 * route.c
 *      Route resolution: region -> policy in force (or the one named) -> the first route row of
 *      that policy (or of the policy it is based on) whose conditions the claim meets.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "port/pg_bitutils.h"
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
	if (r->critical >= 0 && r->critical != (claim_critically_ill(c) ? 1 : 0))
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
					 errhint("%s", catalog_policies_hint(cat, claim->region, "matins_settle(c"))));
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
			 errmsg("no rule settles benefit %s for person type %s, scheme %s (%s, procedure %s, location %s%s) under %s%s%s",
					benefit_names[claim->benefit], person_type_names[claim->person_type],
					scheme_names[claim->scheme], setting_names[claim->setting],
					claim->procedure == PROC_NONE ? "none" : procedure_names[claim->procedure],
					location_names[claim->location],
					claim_critically_ill(claim) ? ", critically ill" : "",
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
 *
 * A look-up reads the set's four tags (one word each, a hash of the key; 0 when empty), which
 * for all sets take 4 kB and so stay in the first-level cache, and then only the entry whose
 * tag matches: 32 bytes, with the policies and route it resolves to kept once for all the keys
 * that share them.  The memo's working set is then a fraction of what a set of whole entries
 * (88 bytes each, 90 kB in all) took, which did not stay in that cache.
 */
#define ROUTE_MEMO_SETS 256
#define ROUTE_MEMO_WAYS 4
#define ROUTE_MEMO_NAME 24		/* the longest policy name kept, with its terminator */
#define MAX_RESOLUTIONS 1024	/* distinct resolutions kept in one generation */

/* what a resolution decides; many keys share one, kept once */
typedef struct Resolution
{
	const PolicyRow *policy;
	const PolicyRow *rows_policy;
	const PolicyRow *resident_policy;
	const RouteRow *route;
} Resolution;

/* an entry: 32 bytes, so the entries a scan uses take little of the first-level cache */
typedef struct RouteMemo
{
	uint64		region;			/* region_key() */
	uint32		attrs;			/* routing_attrs() */
	DateADT		from;
	DateADT		to;
	bool		named;			/* a policy was named (its name in route_memo_names) */
	const Resolution *resolution;
} RouteMemo;

static uint32 *route_memo_tags = NULL;	/* ROUTE_MEMO_WAYS a set */
static RouteMemo *route_memo = NULL;	/* the entries, in the same order */
static char (*route_memo_names)[ROUTE_MEMO_NAME] = NULL;
static Resolution *resolutions = NULL;
static int	n_resolutions = 0;
static uint64 route_memo_generation = 0;	/* the catalog generation of the entries */
static uint32 route_memo_victim = 0;

/*
 * routing_attrs
 *      The coded attributes that decide a claim's route, packed in one word: scheme, person
 *      type, insured, benefit, setting, procedure, location and the critically-ill mark.
 */
static uint32
routing_attrs(const Claim *c)
{
	return (uint32) c->scheme | (uint32) c->person_type << 2 | (uint32) c->maternity_insured << 5 |
		(uint32) c->benefit << 6 | (uint32) c->setting << 10 | (uint32) c->procedure << 11 |
		(uint32) c->location << 15 | (uint32) claim_critically_ill(c) << 17;
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
 *      Keep a resolution just made in a way of the set (first its tags), under tag.
 */
static pg_noinline void
route_memo_fill(SettleContext *ctx, int set, uint32 tag, uint32 attrs, uint64 region,
				const char *pname)
{
	const Claim *c = ctx->claim;
	const Resolution *r = NULL;
	int			i;
	RouteMemo  *m;

	if (strlen(pname) >= ROUTE_MEMO_NAME)
		return;
	for (int k = 0; k < n_resolutions && r == NULL; k++)
		if (resolutions[k].policy == ctx->policy && resolutions[k].rows_policy == ctx->rows_policy &&
			resolutions[k].resident_policy == ctx->resident_policy &&
			resolutions[k].route == ctx->route)
			r = &resolutions[k];
	if (r == NULL)
	{
		if (n_resolutions == MAX_RESOLUTIONS)
			return;
		resolutions[n_resolutions].policy = ctx->policy;
		resolutions[n_resolutions].rows_policy = ctx->rows_policy;
		resolutions[n_resolutions].resident_policy = ctx->resident_policy;
		resolutions[n_resolutions].route = ctx->route;
		r = &resolutions[n_resolutions++];
	}
	i = set + route_memo_victim++ % ROUTE_MEMO_WAYS;
	m = &route_memo[i];
	route_memo_tags[i] = 0;		/* untagged while it is overwritten */
	m->attrs = attrs;
	policy_stretch(ctx->cat, c->region, c->service_date, &m->from, &m->to);
	m->region = region;
	m->named = pname[0] != '\0';
	strlcpy(route_memo_names[i], pname, ROUTE_MEMO_NAME);
	m->resolution = r;
	route_memo_tags[i] = tag;
}

/*
 * route_memo_init
 *      Allocate the memo (the entries aligned to cache lines), or empty it for a new catalog
 *      generation.
 */
static pg_noinline void
route_memo_init(uint64 generation)
{
	if (route_memo == NULL)
	{
		char	   *raw = MemoryContextAlloc(TopMemoryContext,
											 sizeof(RouteMemo) * ROUTE_MEMO_SETS * ROUTE_MEMO_WAYS +
											 PG_CACHE_LINE_SIZE);

		route_memo = (RouteMemo *) TYPEALIGN(PG_CACHE_LINE_SIZE, raw);
		route_memo_tags = MemoryContextAlloc(TopMemoryContext,
											 sizeof(uint32) * ROUTE_MEMO_SETS * ROUTE_MEMO_WAYS);
		route_memo_names = MemoryContextAlloc(TopMemoryContext,
											  ROUTE_MEMO_NAME * ROUTE_MEMO_SETS * ROUTE_MEMO_WAYS);
		resolutions = MemoryContextAlloc(TopMemoryContext, sizeof(Resolution) * MAX_RESOLUTIONS);
	}
	memset(route_memo_tags, 0, sizeof(uint32) * ROUTE_MEMO_SETS * ROUTE_MEMO_WAYS);
	n_resolutions = 0;
	route_memo_generation = generation;
}

/*
 * route_memo_key
 *      The memo's hash of a key: every bit of the key moves the top bits of the product, which
 *      give the set and then the tag.
 */
static pg_attribute_always_inline uint64
route_memo_key(uint64 region, uint32 attrs, const char *pname)
{
	uint32		h = 2166136261u;

	for (const char *p = pname; *p; p++)
		h = (h ^ (uint8) *p) * 16777619u;
	return region * UINT64CONST(0x9E3779B97F4A7C15) ^
		(uint64) attrs * UINT64CONST(0xC2B2AE3D27D4EB4F) ^
		(uint64) h * UINT64CONST(0x165667B19E3779F9);
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
	uint64		key = route_memo_key(region, attrs, pname);
	int			set;
	uint32		tag;
	const uint32 *tags;
	uint32		match;

	StaticAssertStmt(sizeof(RouteMemo) == 32, "two memo entries a cache line");
	/* an empty policy name is a named policy (unknown: an error), not the policy in force */
	if (unlikely(policy_name != NULL && policy_name[0] == '\0'))
	{
		resolve_route_uncached(ctx, policy_name);
		return;
	}
	if (unlikely(route_memo_generation != ctx->cat->generation))
		route_memo_init(ctx->cat->generation);
	set = (int) (key >> 56) * ROUTE_MEMO_WAYS;
	tag = (uint32) (key >> 24) | 1;
	tags = &route_memo_tags[set];
	/* the ways whose tag matches, as bits, so finding the way takes no guess */
	match = (uint32) (tags[0] == tag) | (uint32) (tags[1] == tag) << 1 |
		(uint32) (tags[2] == tag) << 2 | (uint32) (tags[3] == tag) << 3;
	StaticAssertStmt(ROUTE_MEMO_WAYS == 4 && ROUTE_MEMO_SETS == 256, "the set is the top byte");
	while (match != 0)
	{
		int			i = set + pg_rightmost_one_pos32(match);
		const RouteMemo *m = &route_memo[i];

		match &= match - 1;
		if (m->region == region && m->attrs == attrs &&
			c->service_date >= m->from && c->service_date <= m->to &&
			m->named == (pname[0] != '\0') &&
			(!m->named || strcmp(route_memo_names[i], pname) == 0))
		{
			ctx->policy = m->resolution->policy;
			ctx->rows_policy = m->resolution->rows_policy;
			ctx->resident_policy = m->resolution->resident_policy;
			ctx->route = m->resolution->route;
			return;
		}
	}
	resolve_route_uncached(ctx, policy_name);
	route_memo_fill(ctx, set, tag, attrs, region, pname);
}

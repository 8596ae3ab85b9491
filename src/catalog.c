/*
 * catalog.c
 *      The per-backend cache of the catalogs: loaded through kept SPI plans into a memory
 *      context of its own, and rebuilt when the catalog generation (catalog_cache.c) moves on,
 *      i.e. after any write to a catalog table, in this backend or a committed one elsewhere.
 *
 * Where a DBA's local row shares the key of a shipped row, the queries keep the local row
 * (DISTINCT ON ... ORDER BY ..., shipped), so the C code never sees the overridden row.
 */
#include "postgres.h"

#include <limits.h>

#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "catalog.h"
#include "matins.h"

const char *const handler_names[] = {
	"full", "transfer", "prenatal_cap", "prenatal_package", "prenatal_list", "quota",
	"employee_inpatient", "resident_inpatient", "resident_special", "resident_outpatient",
	"resident_chronic", "art"
};

static MatinsCatalog *current_catalog = NULL;

/* one catalog query: its text and its kept plan */
typedef struct CatalogQuery
{
	const char *sql;
	SPIPlanPtr	plan;
} CatalogQuery;

enum
{
	Q_POLICY, Q_PARAM, Q_CONSTANT, Q_ART, Q_PACKAGE, Q_LIST, Q_HOSPITAL, Q_QUOTA, Q_BAND,
	Q_CHRONIC, Q_SPECIAL, Q_ROUTE, Q_RULE, Q_LEAVE, Q_RATE, Q_PROVINCE, Q_VERSION, N_QUERIES
};

static CatalogQuery queries[N_QUERIES] = {
	[Q_VERSION] = {"SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'matins'"},
	[Q_POLICY] = {"SELECT id, region, scope = 'maternity', status = 'draft',"
		" coalesce(valid_from, '-infinity'::date), coalesce(valid_to, 'infinity'::date), based_on"
	" FROM matins.policy ORDER BY id"},
	/* a value the engine cannot hold in millionths (NaN, infinite, huge, finer than a
	 * millionth) is loaded as NULL */
	[Q_PARAM] = {"SELECT region, name,"
		" CASE WHEN abs(value) < " CppAsString2(PARAM_VALUE_LIMIT) " AND value = round(value, 6)"
		" THEN (value * 1000000)::int8 END,"
		" valid_from, coalesce(valid_to, 'infinity'::date), shipped, value::text"
	" FROM matins.param_value ORDER BY name, region, shipped, valid_from"},
	[Q_CONSTANT] = {"SELECT DISTINCT ON (policy, name) policy, name, (value * 1000000)::int8"
	" FROM matins.policy_constant ORDER BY policy, name, shipped"},
	[Q_ART] = {"SELECT DISTINCT ON (policy, code) policy, code, unit, (price * 100)::int8,"
		" coalesce(surcharge_kind, ''), coalesce((surcharge_value * 1000000)::int8, 0),"
		" coalesce(surcharge_payable, false), coalesce((price_cap * 100)::int8, -1), item_class,"
		" once_per_person, coalesce('monogenic' = ANY (indications), false)::int"
		" + 2 * coalesce('chromosomal' = ANY (indications), false)::int"
	" FROM matins.art_item ORDER BY policy, code, shipped"},
	[Q_PACKAGE] = {"SELECT DISTINCT ON (policy, code) policy, code, base_count, alt_group,"
		" coalesce(group_count, 0)"
	" FROM matins.prenatal_package_item ORDER BY policy, code, shipped"},
	[Q_LIST] = {"SELECT DISTINCT policy, coalesce(visit, 0), name"
	" FROM matins.prenatal_list_item ORDER BY 1, 2, 3"},
	[Q_HOSPITAL] = {"SELECT DISTINCT policy, benefit, hospital FROM matins.designated_hospital"
	" ORDER BY 1, 2, 3"},
	[Q_QUOTA] = {"SELECT DISTINCT ON (policy, benefit, setting, procedure) policy, benefit, setting,"
		" procedure, (quota * 100)::int8, coalesce(min_level, 0)::int, designated_only,"
		" per = 'pregnancy', source"
	" FROM matins.benefit_quota ORDER BY policy, benefit, setting, procedure, shipped"},
	[Q_BAND] = {"SELECT b.policy, b.scheme, b.level::int, (b.lower_bound * 100)::int8,"
		" coalesce((b.upper_bound * 100)::int8, -1), (b.ratio * 1000000)::int8"
		" FROM matins.band_schedule b"
		" WHERE NOT b.shipped OR NOT EXISTS (SELECT FROM matins.band_schedule l WHERE NOT l.shipped"
		"   AND l.policy = b.policy AND l.scheme = b.scheme AND l.level = b.level)"
	" ORDER BY b.policy, b.scheme, b.level, b.lower_bound"},
	[Q_CHRONIC] = {"SELECT DISTINCT ON (policy, code) policy, code, (quota * 100)::int8,"
		" (fund_max * 100)::int8, false"
	" FROM matins.chronic_disease ORDER BY policy, code, shipped"},
	[Q_SPECIAL] = {"SELECT DISTINCT ON (policy, code) policy, code, 0::int8, 0::int8,"
		" treatment = 'no_rule'"
	" FROM matins.special_disease ORDER BY policy, code, shipped"},
	[Q_ROUTE] = {"SELECT DISTINCT ON (policy, seq) policy, seq, benefit, setting, scheme,"
		" person_types::text, insured, procedures::text, locations::text, handler, route, fund = 'maternity',"
		" (ratio * 1000000)::int8, ratio_param, cap_param, cap_constant, cap_transfer,"
		" delegate_scope IS NOT NULL, source, critical"
	" FROM matins.route ORDER BY policy, seq, shipped"},
	[Q_RULE] = {"SELECT id, document, article FROM matins.rule ORDER BY id"},
	[Q_LEAVE] = {"SELECT region, event, component, lower(birth_order),"
		" coalesce(upper(birth_order), 2147483647), lower(gestation_months),"
		" coalesce(upper(gestation_months), 2147483647), days, source"
	" FROM matins.leave_rule ORDER BY region, event, component, shipped, lower(birth_order),"
	" lower(gestation_months)"},
	[Q_RATE] = {"SELECT DISTINCT ON (policy, person_type) policy, person_type, payer,"
		" rate IS NOT NULL, coalesce((rate * 1000000)::int8, 0),"
		" coalesce((min_rate * 1000000)::int8, 0), coalesce((max_rate * 1000000)::int8, 0),"
		" param_name, source"
	" FROM matins.contribution_rate ORDER BY policy, person_type, shipped"},
	[Q_PROVINCE] = {"SELECT code FROM matins.region WHERE level = 'province' ORDER BY code"},
};

/* the row being read by the fill functions, and the context the rows are copied into */
static HeapTuple cur_tuple;
static TupleDesc cur_desc;
static MemoryContext load_cxt;

/* column getters over cur_tuple; text is copied into the current (cache) context */
static char *
col_text(int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(cur_tuple, cur_desc, col, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

/*
 * col_policy
 *      A policy id column, as the id string of the policy row itself (policies are loaded
 *      first), so that rows are matched to a policy by comparing pointers; an id without a
 *      policy row keeps a copy of its own.
 */
static char *
col_policy(const MatinsCatalog *cat, int col)
{
	char	   *id = col_text(col);

	for (int i = 0; id != NULL && i < cat->n_policies; i++)
		if (strcmp(cat->policies[i].id, id) == 0)
		{
			pfree(id);
			return cat->policies[i].id;
		}
	return id;
}

static int64
col_int8(int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(cur_tuple, cur_desc, col, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

static int32
col_int4(int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(cur_tuple, cur_desc, col, &isnull);

	return isnull ? 0 : DatumGetInt32(d);
}

static bool
col_isnull(int col)
{
	bool		isnull;

	(void) SPI_getbinval(cur_tuple, cur_desc, col, &isnull);
	return isnull;
}

static bool
col_bool(int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(cur_tuple, cur_desc, col, &isnull);

	return !isnull && DatumGetBool(d);
}

static DateADT
col_date(int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(cur_tuple, cur_desc, col, &isnull);

	return isnull ? DATE_NO_END : DatumGetDateADT(d);
}

/* a text[] column of codes as a bitmask over names[first..n-1]; 0 when NULL */
static uint32
col_code_mask(int col, const char *const *names, int first, int n)
{
	char	   *s = col_text(col);	/* "{a,b}" */
	uint32		mask = 0;
	char	   *tok;
	char	   *save;

	if (s == NULL)
		return 0;
	s[strlen(s) - 1] = '\0';
	for (tok = strtok_r(s + 1, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		mask |= (uint32) 1 << code_lookup("catalog code", tok, names, first, n);
	return mask;
}

/*
 * run_query
 *      Execute one catalog query; returns the number of rows (in SPI_tuptable).
 */
static uint64
run_query(int q)
{
	int			rc;

	if (queries[q].plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(queries[q].sql, 0, NULL);

		if (plan == NULL)
			elog(ERROR, "matins: SPI_prepare failed for catalog query %d: %s", q,
				 SPI_result_code_string(SPI_result));
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "matins: SPI_keepplan failed");
		queries[q].plan = plan;
	}
	rc = SPI_execute_plan(queries[q].plan, NULL, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "matins: catalog query %d failed: %s", q, SPI_result_code_string(rc));
	cur_desc = SPI_tuptable->tupdesc;
	/* SPI calls leave the SPI procedure context current: copy rows into the cache's own */
	MemoryContextSwitchTo(load_cxt);
	return SPI_processed;
}

#define FOR_EACH_ROW(q, arr, count) \
	for (uint64 n_ = run_query(q), i_ = ((arr) = palloc0(sizeof(*(arr)) * (n_ + 1)), (count) = (int) n_, 0); \
		 i_ < n_ && (cur_tuple = SPI_tuptable->vals[i_]) != NULL; i_++)
#define ROW(arr) (&(arr)[i_])

/*
 * check_catalog_version
 *      The library reads the catalogs of its own version: a database whose extension is at
 *      another version (the library was installed, ALTER EXTENSION matins UPDATE not yet run)
 *      is an error that says so, not a failed catalog query.
 */
static void
check_catalog_version(void)
{
	char	   *version = run_query(Q_VERSION) == 1 ?
		SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1) : NULL;

	if (version == NULL || strcmp(version, MATINS_LIBRARY_VERSION) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the matins library %s cannot read the catalogs of extension version %s",
						MATINS_LIBRARY_VERSION, version ? version : "(none)"),
				 errhint("Run ALTER EXTENSION matins UPDATE TO '%s' in this database.",
						 MATINS_LIBRARY_VERSION)));
}

/*
 * load_catalog
 *      Read every catalog table into a new context; runs inside SPI_connect/SPI_finish.
 */
static void
load_catalog(MatinsCatalog *cat)
{
	check_catalog_version();
	FOR_EACH_ROW(Q_POLICY, cat->policies, cat->n_policies)
	{
		PolicyRow  *r = ROW(cat->policies);

		r->id = col_text(1);
		r->id_text = packed_text(r->id);
		r->region = col_text(2);
		r->maternity = col_bool(3);
		r->draft = col_bool(4);
		r->valid_from = col_date(5);
		r->valid_to = col_date(6);
		r->based_on = col_text(7);
	}
	FOR_EACH_ROW(Q_PARAM, cat->params, cat->n_params)
	{
		ParamRow   *r = ROW(cat->params);

		r->region = col_text(1);
		r->name = col_text(2);
		r->unusable = col_isnull(3);
		r->value = r->unusable ? 0 : col_int8(3);
		r->valid_from = col_date(4);
		r->valid_to = col_date(5);
		r->shipped = col_bool(6);
		r->value_text = r->unusable ? col_text(7) : NULL;
	}
	FOR_EACH_ROW(Q_CONSTANT, cat->constants, cat->n_constants)
	{
		ConstantRow *r = ROW(cat->constants);

		r->policy = col_policy(cat, 1);
		r->name = col_text(2);
		r->value = col_int8(3);
	}
	FOR_EACH_ROW(Q_ART, cat->art_items, cat->n_art_items)
	{
		ArtItemRow *r = ROW(cat->art_items);
		char	   *unit,
				   *kind,
				   *cls;

		r->policy = col_policy(cat, 1);
		r->code = col_text(2);
		unit = col_text(3);
		r->unit = strcmp(unit, "embryo") == 0 ? ART_UNIT_EMBRYO :
			strcmp(unit, "egg") == 0 ? ART_UNIT_EGG : ART_UNIT_PROCEDURE;
		r->price = col_int8(4);
		kind = col_text(5);
		r->surcharge_kind = strcmp(kind, "amount") == 0 ? SURCHARGE_AMOUNT :
			strcmp(kind, "percent") == 0 ? SURCHARGE_PERCENT :
			strcmp(kind, "per_extra_unit") == 0 ? SURCHARGE_PER_EXTRA_UNIT : SURCHARGE_NONE;
		r->surcharge_value = col_int8(6);
		r->surcharge_payable = col_bool(7);
		r->price_cap = col_int8(8);
		cls = col_text(9);
		r->item_class = strcmp(cls, "A") == 0 ? CLASS_A : CLASS_B;
		r->once_per_person = col_bool(10);
		r->indications = col_int4(11);
	}
	FOR_EACH_ROW(Q_PACKAGE, cat->package_items, cat->n_package_items)
	{
		PackageItemRow *r = ROW(cat->package_items);

		r->policy = col_policy(cat, 1);
		r->code = col_text(2);
		r->base_count = col_int4(3);
		r->alt_group = col_text(4);
		r->group_count = col_int4(5);
	}
	FOR_EACH_ROW(Q_LIST, cat->list_items, cat->n_list_items)
	{
		ListItemRow *r = ROW(cat->list_items);

		r->policy = col_policy(cat, 1);
		r->visit = col_int4(2);
		r->name = col_text(3);
	}
	FOR_EACH_ROW(Q_HOSPITAL, cat->hospitals, cat->n_hospitals)
	{
		HospitalRow *r = ROW(cat->hospitals);

		r->policy = col_policy(cat, 1);
		r->benefit = code_lookup("benefit", col_text(2), benefit_names, 0, N_BENEFITS);
		r->hospital = col_text(3);
	}
	FOR_EACH_ROW(Q_QUOTA, cat->quotas, cat->n_quotas)
	{
		QuotaRow   *r = ROW(cat->quotas);
		char	   *proc;

		r->policy = col_policy(cat, 1);
		r->benefit = code_lookup("benefit", col_text(2), benefit_names, 0, N_BENEFITS);
		r->setting = code_lookup("setting", col_text(3), setting_names, 0, N_SETTINGS);
		proc = col_text(4);
		r->procedure = code_lookup("procedure", proc, procedure_names, 0, N_PROCEDURES);
		r->quota = col_int8(5);
		r->min_level = col_int4(6);
		r->designated_only = col_bool(7);
		r->per_pregnancy = col_bool(8);
		r->source = col_text(9);
	}
	FOR_EACH_ROW(Q_BAND, cat->bands, cat->n_bands)
	{
		BandRow    *r = ROW(cat->bands);

		r->policy = col_policy(cat, 1);
		r->scheme = code_lookup("scheme", col_text(2), scheme_names, 0, N_SCHEMES);
		r->level = col_int4(3);
		r->lower = col_int8(4);
		r->upper = col_int8(5);
		r->ratio = col_int8(6);
	}
	FOR_EACH_ROW(Q_CHRONIC, cat->chronic, cat->n_chronic)
	{
		DiseaseRow *r = ROW(cat->chronic);

		r->policy = col_policy(cat, 1);
		r->code = col_text(2);
		r->code_key = string_key(r->code);
		r->quota = col_int8(3);
		r->fund_max = col_int8(4);
		r->no_rule = col_bool(5);
	}
	FOR_EACH_ROW(Q_SPECIAL, cat->special, cat->n_special)
	{
		DiseaseRow *r = ROW(cat->special);

		r->policy = col_policy(cat, 1);
		r->code = col_text(2);
		r->code_key = string_key(r->code);
		r->no_rule = col_bool(5);
	}
	FOR_EACH_ROW(Q_ROUTE, cat->routes, cat->n_routes)
	{
		RouteRow   *r = ROW(cat->routes);

		r->policy = col_policy(cat, 1);
		r->seq = col_int4(2);
		r->benefit = code_lookup("benefit", col_text(3), benefit_names, 0, N_BENEFITS);
		r->setting = col_isnull(4) ? -1 :
			code_lookup("setting", col_text(4), setting_names, 0, N_SETTINGS);
		r->scheme = col_isnull(5) ? -1 :
			code_lookup("scheme", col_text(5), scheme_names, 0, N_SCHEMES);
		r->person_types = col_code_mask(6, person_type_names, 0, N_PERSON_TYPES);
		r->insured = col_isnull(7) ? -1 : (col_bool(7) ? 1 : 0);
		r->procedures = col_code_mask(8, procedure_names, 1, N_PROCEDURES);
		r->locations = col_code_mask(9, location_names, 0, N_LOCATIONS);
		r->handler = code_lookup("handler", col_text(10), handler_names, 0, N_HANDLERS);
		r->route = col_text(11);
		r->route_text = packed_text(r->route);
		r->maternity_fund = col_bool(12);
		r->ratio = col_int8(13);
		r->ratio_param = col_text(14);
		r->cap_param = col_text(15);
		r->cap_constant = col_text(16);
		{
			const char *cap = r->cap_param ? r->cap_param : r->cap_constant;

			r->cap_resident = cap != NULL && strncmp(cap, "resident.", 9) == 0;
		}
		r->cap_transfer = col_isnull(17) ? TRANSFER_NONE :
			code_lookup("transfer", col_text(17), transfer_names, 1, N_TRANSFERS);
		r->delegate_resident = col_bool(18);
		r->source = col_text(19);
		r->critical = col_isnull(20) ? -1 : (col_bool(20) ? 1 : 0);
	}
	FOR_EACH_ROW(Q_RULE, cat->rules, cat->n_rules)
	{
		RuleRow    *r = ROW(cat->rules);

		r->id = col_text(1);
		r->document = col_text(2);
		r->article = col_text(3);
	}
	FOR_EACH_ROW(Q_LEAVE, cat->leave, cat->n_leave)
	{
		LeaveRow   *r = ROW(cat->leave);

		r->region = col_text(1);
		r->event = col_text(2);
		r->component = col_text(3);
		r->order_lo = col_int4(4);
		r->order_hi = col_int4(5);
		r->gest_lo = col_int4(6);
		r->gest_hi = col_int4(7);
		r->days = col_int4(8);
		r->source = col_text(9);
	}
	FOR_EACH_ROW(Q_RATE, cat->rates, cat->n_rates)
	{
		RateRow    *r = ROW(cat->rates);

		r->policy = col_policy(cat, 1);
		r->person_type = code_lookup("person_type", col_text(2), person_type_names, 0,
									 N_PERSON_TYPES);
		r->payer = col_text(3);
		r->has_rate = col_bool(4);
		r->rate = col_int8(5);
		r->min_rate = col_int8(6);
		r->max_rate = col_int8(7);
		r->param_name = col_text(8);
		r->source = col_text(9);
	}
	{
		uint64		n = run_query(Q_PROVINCE);

		cat->known_provinces = palloc(sizeof(char *) * (n + 1));
		cat->n_known_provinces = (int) n;
		for (uint64 i = 0; i < n; i++)
		{
			cur_tuple = SPI_tuptable->vals[i];
			cat->known_provinces[i] = col_text(1);
		}
	}
}

/*
 * catalog_get
 *      The current catalogs; reloads them when a catalog table changed since the last load.
 */
const MatinsCatalog *
catalog_get(void)
{
	uint64		generation = matins_catalog_generation_now();
	MemoryContext cxt;
	MemoryContext old;
	MatinsCatalog *cat;

	if (current_catalog != NULL && current_catalog->generation == generation)
		return current_catalog;

	cxt = AllocSetContextCreate(CacheMemoryContext, "matins catalog", ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "matins: SPI_connect failed");
	PG_TRY();
	{
		load_cxt = cxt;
		old = MemoryContextSwitchTo(cxt);
		cat = palloc0(sizeof(MatinsCatalog));
		cat->cxt = cxt;
		load_catalog(cat);
		MemoryContextSwitchTo(old);
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	SPI_finish();

	/* loading may itself have moved the generation (relation OIDs now known): take it now */
	cat->generation = matins_catalog_generation_now();
	if (current_catalog != NULL)
		MemoryContextDelete(current_catalog->cxt);
	current_catalog = cat;
	return cat;
}

/*
 * region_chain
 *      The codes a region is looked up under, most specific first (county, city, province,
 *      nation); returns how many.  A code that is not six digits is an error.
 */
int
region_chain(const char *region, char chain[4][7])
{
	int			n = 0;
	int			i;

	for (i = 0; i < 6; i++)
		if (region[i] < '0' || region[i] > '9')
			break;
	if (i != 6 || region[6] != '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid region code \"%s\"", value_for_message(region)),
				 errdetail("A region is a six-digit GB/T 2260 code."),
				 errhint("Write e.g. '220000' for Jilin province or '620100' for Lanzhou.")));
	memcpy(chain[n++], region, 7);
	if (strcmp(region, "000000") == 0)
		return n;
	if (strncmp(region + 4, "00", 2) != 0 && strncmp(region + 2, "00", 2) != 0)
	{
		memcpy(chain[n], region, 4);	/* the city: the first four digits */
		memcpy(chain[n++] + 4, "00", 3);
	}
	if (strncmp(region + 2, "0000", 4) != 0)
	{
		memcpy(chain[n], region, 2);	/* the province: the first two digits */
		memcpy(chain[n++] + 2, "0000", 5);
	}
	memcpy(chain[n++], "000000", 7);
	return n;
}

/*
 * region_province_exists
 *      Whether a six-digit code begins with a province of GB/T 2260 (11 Beijing to 65 Xinjiang,
 *      71 Taiwan, 81 Hong Kong, 82 Macao).
 */
bool
region_province_exists(const char *region)
{
	static const char provinces[][3] = {
		"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
		"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
		"65", "71", "81", "82"
	};

	for (int i = 0; i < lengthof(provinces); i++)
		if (provinces[i][0] == region[0] && provinces[i][1] == region[1])
			return true;
	return false;
}

/*
 * check_region_covered
 *      An error unless the region's province has catalog rows.
 */
void
check_region_covered(const MatinsCatalog *cat, const char *region)
{
	char		chain[4][7];
	int			n = region_chain(region, chain);
	int			i;

	if (n == 1)
		return;					/* the nation */
	for (i = 0; i < cat->n_known_provinces; i++)
		if (strcmp(cat->known_provinces[i], chain[n - 2]) == 0)
			return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("region \"%s\" is not covered by matins", region),
			 errdetail("No catalog rows exist for its province %s.", chain[n - 2]),
			 errhint("See matins.region for the covered provinces.")));
}

/*
 * catalog_policy
 *      The policy with the given id, or NULL.
 */
const PolicyRow *
catalog_policy(const MatinsCatalog *cat, const char *id)
{
	for (int i = 0; i < cat->n_policies; i++)
		if (strcmp(cat->policies[i].id, id) == 0)
			return &cat->policies[i];
	return NULL;
}

/*
 * catalog_policy_in_force
 *      The policy of a scope in force for a region on a date, searching up the region chain; a
 *      draft never is.  NULL when none.
 */
const PolicyRow *
catalog_policy_in_force(const MatinsCatalog *cat, const char *region, bool maternity,
						DateADT on)
{
	char		chain[4][7];
	int			n = region_chain(region, chain);

	for (int c = 0; c < n; c++)
		for (int i = 0; i < cat->n_policies; i++)
		{
			const PolicyRow *p = &cat->policies[i];

			if (!p->draft && p->maternity == maternity && strcmp(p->region, chain[c]) == 0 &&
				on >= p->valid_from && on <= p->valid_to)
				return p;
		}
	return NULL;
}

/*
 * catalog_policies_hint
 *      The hint of a "no policy is in force" error: the policies of the region (and of the
 *      regions it falls back to), each with its dates or as a draft to name, or a note that the
 *      region has none.  call: how a call names a policy, e.g. "matins_settle(c".  Made only
 *      when the error is raised.
 */
char *
catalog_policies_hint(const MatinsCatalog *cat, const char *region, const char *call)
{
	char		chain[4][7];
	int			n = region_chain(region, chain);
	StringInfoData buf;
	int			found = 0;

	initStringInfo(&buf);
	for (int c = 0; c < n; c++)
		for (int i = 0; i < cat->n_policies; i++)
		{
			const PolicyRow *p = &cat->policies[i];

			if (strcmp(p->region, chain[c]) != 0)
				continue;
			appendStringInfoString(&buf, found++ == 0 ? "Policies for this region: " : "; ");
			if (p->draft)
				appendStringInfo(&buf, "%s (draft: applied only when named, e.g. %s, '%s'))",
								 p->id, call, p->id);
			else if (p->valid_to == DATE_NO_END)
				appendStringInfo(&buf, "%s from %s", p->id, date_text(p->valid_from));
			else
				appendStringInfo(&buf, "%s from %s to %s", p->id, date_text(p->valid_from),
								 date_text(p->valid_to));
		}
	if (found == 0)
		appendStringInfoString(&buf, "matins has no policy for this region (see matins.policy).");
	else
		appendStringInfoChar(&buf, '.');
	return buf.data;
}

/*
 * A memo of parameter look-ups: (region, name) -> the answer and the stretch of dates over
 * which it holds (between the validity boundaries of the rows that could answer), valid for
 * one catalog generation.  Claims of many dates share one entry.
 */
#define PARAM_MEMO_SIZE 1024

typedef struct ParamMemo
{
	uint64		generation;
	char		region[7];
	char		name[48];
	DateADT		from;			/* the answer holds from this day ... */
	DateADT		to;				/* ... to this one */
	bool		found;
	Micro		value;
} ParamMemo;

static ParamMemo *param_memo = NULL;

/*
 * param_memo_slot
 *      The memo slot of a (region, name) look-up, direct-mapped by a hash of its key.
 */
static ParamMemo *
param_memo_slot(const char *region, const char *name)
{
	uint32		h = 2166136261u;

	if (param_memo == NULL)
		param_memo = MemoryContextAllocZero(TopMemoryContext, sizeof(ParamMemo) * PARAM_MEMO_SIZE);
	for (const char *p = region; *p; p++)
		h = (h ^ (uint8) *p) * 16777619u;
	for (const char *p = name; *p; p++)
		h = (h ^ (uint8) *p) * 16777619u;
	return &param_memo[h % PARAM_MEMO_SIZE];
}

/*
 * narrow_stretch
 *      Shrink [*from, *to] around `on` so that it crosses no boundary of a row valid over
 *      [valid_from, valid_to].
 */
static void
narrow_stretch(DateADT on, DateADT valid_from, DateADT valid_to, DateADT *from, DateADT *to)
{
	if (valid_from <= on)
		*from = Max(*from, valid_from);
	else
		*to = Min(*to, valid_from - 1);
	if (valid_to >= on)
		*to = Min(*to, valid_to);
	else if (valid_to != DATE_NO_END)
		*from = Max(*from, valid_to + 1);
}

/*
 * catalog_param
 *      A region parameter on a date: the most specific region first, a local row before a
 *      shipped one.  False when unset.  Answers are memoized with the dates they hold for.
 */
bool
catalog_param(const MatinsCatalog *cat, const char *region, const char *name, DateADT on,
			  Micro *value)
{
	DateADT		from,
				to;

	return catalog_param_stretch(cat, region, name, on, value, &from, &to);
}

/*
 * catalog_param_stretch
 *      catalog_param, also giving the dates [*from, *to] around `on` over which the answer
 *      holds.
 */
bool
catalog_param_stretch(const MatinsCatalog *cat, const char *region, const char *name,
					  DateADT on, Micro *value, DateADT *stretch_from, DateADT *stretch_to)
{
	char		chain[4][7];
	int			n;
	ParamMemo  *memo = param_memo_slot(region, name);
	const ParamRow *hit = NULL;
	DateADT		from = DATE_NO_BEGIN,
				to = DATE_NO_END;

	if (memo->generation == cat->generation && on >= memo->from && on <= memo->to &&
		strcmp(memo->region, region) == 0 && strcmp(memo->name, name) == 0)
	{
		*value = memo->value;
		*stretch_from = memo->from;
		*stretch_to = memo->to;
		return memo->found;
	}
	n = region_chain(region, chain);
	for (int c = 0; c < n; c++)
		for (int i = 0; i < cat->n_params; i++)	/* ordered: local rows first */
		{
			const ParamRow *p = &cat->params[i];

			if (strcmp(p->name, name) != 0 || strcmp(p->region, chain[c]) != 0)
				continue;
			/* every row of the chain can change the answer at its boundaries */
			narrow_stretch(on, p->valid_from, p->valid_to, &from, &to);
			if (hit == NULL && on >= p->valid_from && on <= p->valid_to)
				hit = p;
		}
	if (hit && hit->unusable)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("region parameter \"%s\" of region %s holds %s, which matins cannot compute with",
						name, hit->region, hit->value_text),
				 errdetail("It applies from %s.", date_text(hit->valid_from)),
				 errhint("A value must be a finite number smaller than %s in magnitude, with at most six decimal places; replace it (matins.end_param, then matins.set_param).",
						 CppAsString2(PARAM_VALUE_LIMIT))));
	if (hit)
		*value = hit->value;
	*stretch_from = from;
	*stretch_to = to;
	if (strlen(name) < sizeof(memo->name))
	{
		memo->generation = cat->generation;
		strlcpy(memo->region, region, sizeof(memo->region));
		strlcpy(memo->name, name, sizeof(memo->name));
		memo->from = from;
		memo->to = to;
		memo->found = hit != NULL;
		memo->value = hit ? hit->value : 0;
	}
	return hit != NULL;
}

/*
 * catalog_param_required
 *      A parameter the computation cannot do without: unset is an error naming it.
 */
Micro
catalog_param_required(const MatinsCatalog *cat, const char *region, const char *name,
					   DateADT on)
{
	Micro		value;

	if (!catalog_param(cat, region, name, on, &value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("region parameter \"%s\" is not set for region %s on %s", name, region,
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(on)))),
				 errdetail("The policy leaves this number to the pooling region."),
				 errhint("Set it with matins.set_param('%s', '%s', value, valid_from).",
						 region, name)));
	return value;
}

/*
 * policy_base
 *      The policy whose rows stand for this one: a policy forwarding another (based_on) without
 *      rows of its own uses the other's.
 */
const PolicyRow *
policy_base(const MatinsCatalog *cat, const PolicyRow *policy)
{
	if (policy->based_on != NULL)
	{
		for (int i = 0; i < cat->n_routes; i++)
			if (cat->routes[i].policy == policy->id)	/* interned (col_policy) */
				return policy;
		return catalog_policy(cat, policy->based_on);
	}
	return policy;
}

/*
 * catalog_constant
 *      A number the policy (or the policy it is based on) fixes; false when it has none.
 */
bool
catalog_constant(const MatinsCatalog *cat, const PolicyRow *policy, const char *name,
				 Micro *value)
{
	/* a memo keyed by the policy row and the name's address (names are mostly literals) */
	static struct
	{
		uint64		generation;
		const PolicyRow *policy;
		const char *name;
		bool		found;
		Micro		value;
	}			memo[512];
	uint32		slot = (uint32) ((((uint64) (uintptr_t) policy * UINT64CONST(0x9E3779B97F4A7C15)) ^
								  (uint64) (uintptr_t) name * UINT64CONST(0xC2B2AE3D27D4EB4F)) >> 40) %
		lengthof(memo);
	const PolicyRow *start = policy;

	if (memo[slot].generation == cat->generation && memo[slot].policy == policy &&
		memo[slot].name == name)
	{
		*value = memo[slot].value;
		return memo[slot].found;
	}
	memo[slot].generation = cat->generation;
	memo[slot].policy = start;
	memo[slot].name = name;
	memo[slot].found = false;
	while (policy != NULL)
	{
		for (int i = 0; i < cat->n_constants; i++)
			if (cat->constants[i].policy == policy->id &&	/* interned (col_policy) */
				strcmp(cat->constants[i].name, name) == 0)
			{
				*value = cat->constants[i].value;
				memo[slot].found = true;
				memo[slot].value = *value;
				return true;
			}
		policy = policy->based_on ? catalog_policy(cat, policy->based_on) : NULL;
	}
	return false;
}

/*
 * catalog_rule
 *      The rule with the given id, or NULL.
 */
const RuleRow *
catalog_rule(const MatinsCatalog *cat, const char *id)
{
	for (int i = 0; i < cat->n_rules; i++)
		if (strcmp(cat->rules[i].id, id) == 0)
			return &cat->rules[i];
	return NULL;
}

/*
 * catalog_disease_row
 *      The row of a disease code among chronic or special disease rows (rows, n) under a policy
 *      (an interned id; NULL: under any), or NULL.  Codes are compared as a word first.
 */
const DiseaseRow *
catalog_disease_row(const DiseaseRow *rows, int n, const char *policy, const char *code)
{
	uint64		key = string_key(code);

	for (int i = 0; i < n; i++)
		if (rows[i].code_key == key && (policy == NULL || rows[i].policy == policy) &&
			strcmp(rows[i].code, code) == 0)
			return &rows[i];
	return NULL;
}

/*
 * catalog_art_item
 *      The ART item with the given code under a policy (an interned id; NULL: under any), or
 *      NULL.
 */
const ArtItemRow *
catalog_art_item(const MatinsCatalog *cat, const char *policy, const char *code)
{
	for (int i = 0; i < cat->n_art_items; i++)
		if ((policy == NULL || cat->art_items[i].policy == policy) &&
			strcmp(cat->art_items[i].code, code) == 0)
			return &cat->art_items[i];
	return NULL;
}

/*
 * catalog_constant_required
 *      A number the policy document fixes (matins.policy_constant); missing is an error.
 */
Micro
catalog_constant_required(const MatinsCatalog *cat, const PolicyRow *policy, const char *name,
						  const char *rule)
{
	Micro		value;

	if (!catalog_constant(cat, policy, name, &value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("policy %s has no constant \"%s\"", policy->id, name),
				 errdetail("Rule %s needs it.", rule),
				 errhint("Add it to matins.policy_constant.")));
	return value;
}

/*
 * catalog_named_policy
 *      The policy a caller named for a what-if computation; it must exist and govern the
 *      region (itself, its city or its province).  what: "claim" or "event", for the message.
 */
const PolicyRow *
catalog_named_policy(const MatinsCatalog *cat, const char *name, const char *region,
					 const char *what)
{
	const PolicyRow *p = catalog_policy(cat, name);
	char		chain[4][7];
	int			n = region_chain(region, chain);

	if (p == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown policy \"%s\"", value_for_message(name)),
				 errhint("The policy ids are listed in matins.policy.")));
	for (int i = 0; i < n; i++)
		if (strcmp(chain[i], p->region) == 0)
			return p;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("policy \"%s\" governs region %s, not the %s's region %s",
					p->id, p->region, what, region),
			 errhint("Name a policy of the %s's region, its city or its province.", what)));
	return NULL;				/* not reached */
}

/*
 * date_text
 *      A date as ISO text for messages.
 */
const char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/*
 * date_year
 *      The calendar year of a date: from the first days of the years 1900-2199, kept once
 *      (claims are all but always within them), else from the calendar.
 */
int
date_year(DateADT d)
{
#define FIRST_TABLE_YEAR 1900
#define N_TABLE_YEARS 300
	static DateADT year_start[N_TABLE_YEARS + 1];
	static bool built = false;
	int			guess;

	if (unlikely(!built))
	{
		for (int i = 0; i <= N_TABLE_YEARS; i++)
			year_start[i] = date2j(FIRST_TABLE_YEAR + i, 1, 1) - POSTGRES_EPOCH_JDATE;
		built = true;
	}
	if (d >= year_start[0] && d < year_start[N_TABLE_YEARS])
	{
		/* days since 1900 over the mean year length: the year or the one after */
		guess = (int) ((int64) (d - year_start[0]) * 400 / 146097);
		if (guess > 0 && d < year_start[guess])
			guess--;
		else if (guess + 1 < N_TABLE_YEARS && d >= year_start[guess + 1])
			guess++;
		return FIRST_TABLE_YEAR + guess;
	}
	{
		int			y,
					m,
					day;

		j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
		return y;
	}
}

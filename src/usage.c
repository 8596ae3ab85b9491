/*
 * usage.c
 *      What a person has used before a claim: yearly, per-pregnancy and lifetime counters, and
 *      their reading from the documented `prior` jsonb.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "settle.h"

/*
 * usage_init
 *      Empty usage; pregnancies are allocated in cxt.
 */
void
usage_init(Usage *u, MemoryContext cxt)
{
	/* the yearly counters are cleared by usage_enter_year, when the first claim's year is known */
	u->year.year = 0;
	u->pregnancies = NULL;
	u->n_pregnancies = u->max_pregnancies = 0;
	u->n_art_used = 0;
	u->last_stay_deductible = 0;
	DATE_NOBEGIN(u->last_stay_date);
	u->cxt = cxt;
}

/*
 * usage_enter_year
 *      Make the yearly counters those of `year`: a later year starts from zero.  Claims must come
 *      in date order (the window's ORDER BY service_date).
 */
void
usage_enter_year(Usage *u, int year)
{
	if (u->year.year == year)
		return;
	if (u->year.year > year)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claim of year %d comes after a claim of year %d", year, u->year.year),
				 errhint("Order the window by service_date: matins_settle_run(c) OVER (PARTITION BY (c).person_id ORDER BY (c).service_date, (c).claim_id ROWS UNBOUNDED PRECEDING).")));
	/* the per-disease arrays are left: chronic_set (cleared here) says none holds values */
	memset(&u->year, 0, offsetof(YearUsage, chronic_in_scope));
	u->year.year = year;
}

/*
 * usage_pregnancy
 *      The counters of a pregnancy, created empty on first use.
 */
PregnancyUsage *
usage_pregnancy(Usage *u, int64 pregnancy_id)
{
	for (int i = 0; i < u->n_pregnancies; i++)
		if (u->pregnancies[i].pregnancy_id == pregnancy_id)
			return &u->pregnancies[i];
	if (u->n_pregnancies == u->max_pregnancies)
	{
		if (u->max_pregnancies == 0)
		{
			/* most people have one pregnancy in view: no allocation for it */
			u->pregnancies = &u->first_pregnancy;
			u->max_pregnancies = 1;
		}
		else
		{
			int			n = u->max_pregnancies * 4;
			PregnancyUsage *grown = MemoryContextAlloc(u->cxt, sizeof(PregnancyUsage) * n);

			memcpy(grown, u->pregnancies, sizeof(PregnancyUsage) * u->n_pregnancies);
			if (u->pregnancies != &u->first_pregnancy)
				pfree(u->pregnancies);
			u->pregnancies = grown;
			u->max_pregnancies = n;
		}
	}
	/* the counts are left: package_set (cleared here) says none holds a value */
	memset(&u->pregnancies[u->n_pregnancies], 0, offsetof(PregnancyUsage, package_counts));
	u->pregnancies[u->n_pregnancies].pregnancy_id = pregnancy_id;
	return &u->pregnancies[u->n_pregnancies++];
}

/*
 * usage_art_used / usage_mark_art
 *      The once-per-person ART items a person has had paid (JL24-ART-4).
 */
bool
usage_art_used(const Usage *u, const char *code)
{
	for (int i = 0; i < u->n_art_used; i++)
		if (strcmp(u->art_used[i], code) == 0)
			return true;
	return false;
}

void
usage_mark_art(Usage *u, const char *code)
{
	if (usage_art_used(u, code))
		return;
	if (u->n_art_used == MAX_ART_USED)
		elog(ERROR, "matins: too many ART items used");
	strlcpy(u->art_used[u->n_art_used++], code, sizeof(u->art_used[0]));
}

/* the keys of `prior` and the yearly field each sets */
typedef struct PriorKey
{
	const char *key;
	size_t		offset;			/* in YearUsage; 0 for keys handled apart */
} PriorKey;

static const PriorKey prior_keys[] = {
	{"inpatient_position", offsetof(YearUsage, inpatient_position)},
	{"last_stay_deductible", 0},
	{"last_stay_date", 0},
	{"resident_fund_paid", offsetof(YearUsage, resident_fund_paid)},
	{"employee_fund_paid", offsetof(YearUsage, employee_fund_paid)},
	{"art_deductible_paid", offsetof(YearUsage, art_deductible_paid)},
	{"special_deductible_paid", offsetof(YearUsage, special_deductible_paid)},
	{"outpatient_deductible_paid", offsetof(YearUsage, outpatient_deductible_paid)},
	{"outpatient_fund_paid", offsetof(YearUsage, outpatient_fund_paid)},
	{"outpatient_chronic_fund_paid", offsetof(YearUsage, outpatient_chronic_fund_paid)},
	{"chronic", 0},
	{"prenatal_paid", 0},
	{"screening_used", 0},
	{"package_counts", 0},
	{"art_items_used", 0},
};

/*
 * prior_error
 *      A bad `prior` value: name the key.
 */
static void
prior_error(const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("prior key \"%s\" %s", value_for_message(key), what),
			 errhint("See the README, section \"Earlier usage: prior\", for the keys and their values.")));
}

/*
 * jsonb_fen
 *      A jsonb number as a non-negative amount in fen.
 */
static Fen
jsonb_fen(JsonbValue *v, const char *key)
{
	Fen			fen;

	if (v->type != jbvNumeric)
		prior_error(key, "must be a number");
	if (!numeric_to_fen(NumericGetDatum(v->val.numeric), &fen))
		prior_error(key, numeric_beyond_fen_max(NumericGetDatum(v->val.numeric)) &&
					!numeric_negative(NumericGetDatum(v->val.numeric))
					? "must be an amount of at most " CppAsString2(FEN_MAX_YUAN) " yuan"
					: "must be a non-negative amount exact to the fen");
	if (fen < 0)
		prior_error(key, "must be a non-negative amount exact to the fen");
	return fen;
}

/*
 * jsonb_date
 *      A date of `prior` ('YYYY-MM-DD').
 */
static DateADT
jsonb_date(JsonbValue *v, const char *key)
{
	char	   *text;
	int			year,
				month,
				day;

	if (v->type != jbvString || v->val.string.len != 10)
		prior_error(key, "must be a date ('YYYY-MM-DD')");
	text = pnstrdup(v->val.string.val, v->val.string.len);
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? text[i] != '-' : !isdigit((unsigned char) text[i]))
			prior_error(key, "must be a date ('YYYY-MM-DD')");
	year = atoi(text);
	month = atoi(text + 5);
	day = atoi(text + 8);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > day_tab[isleap(year)][month - 1])
		prior_error(key, psprintf("has no such day: %s", text));
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/*
 * chronic_index
 *      The counter slot of a chronic disease code CH01..CH23.
 */
static int
chronic_index(const char *code, const char *key)
{
	if (strlen(code) != 4 || code[0] != 'C' || code[1] != 'H' ||
		code[2] < '0' || code[2] > '9' || code[3] < '0' || code[3] > '9' ||
		(code[2] - '0') * 10 + (code[3] - '0') >= MAX_DISEASES ||
		(code[2] - '0') * 10 + (code[3] - '0') < 1)
		prior_error(key, psprintf("has an unknown disease \"%s\" (expected CH01..CH%02d)", value_for_message(code), MAX_DISEASES - 1));
	return (code[2] - '0') * 10 + (code[3] - '0');
}

/*
 * object_pairs
 *      Calls fn for each key/value pair of a jsonb object container.
 */
static void
object_pairs(JsonbContainer *c, const char *key,
			 void (*fn) (const char *k, JsonbValue *v, void *arg), void *arg)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *k = NULL;

	tok = JsonbIteratorNext(&it, &v, true);
	if (tok != WJB_BEGIN_OBJECT)
		prior_error(key, "must be an object");
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
			k = pnstrdup(v.val.string.val, v.val.string.len);
		else if (tok == WJB_VALUE)
			fn(k, &v, arg);
	}
}

/* chronic: {"CH01": {"in_scope": x, "fund_paid": y, "deductible_paid": z}}: check the fields */
static void
chronic_field_pair(const char *k, JsonbValue *v, void *arg)
{
	if (strcmp(k, "in_scope") == 0 || strcmp(k, "fund_paid") == 0 ||
		strcmp(k, "deductible_paid") == 0)
		return;					/* read by chronic_pair */
	prior_error("chronic", psprintf("has an unknown field \"%s\" (expected in_scope, fund_paid, deductible_paid)", value_for_message(k)));
}

typedef struct ChronicArg
{
	YearUsage  *year;
} ChronicArg;

static void
chronic_pair(const char *k, JsonbValue *v, void *arg)
{
	ChronicArg *ca = (ChronicArg *) arg;
	int			i = chronic_index(k, "chronic");
	JsonbValue *f;

	if (v->type != jbvBinary)
		prior_error("chronic", "must map disease codes to objects");
	object_pairs(v->val.binary.data, "chronic", chronic_field_pair, NULL);
	year_chronic_touch(ca->year, i);
	if ((f = getKeyJsonValueFromContainer(v->val.binary.data, "in_scope", 8, NULL)) != NULL)
		ca->year->chronic_in_scope[i] = jsonb_fen(f, "chronic.in_scope");
	if ((f = getKeyJsonValueFromContainer(v->val.binary.data, "fund_paid", 9, NULL)) != NULL)
		ca->year->chronic_fund_paid[i] = jsonb_fen(f, "chronic.fund_paid");
	if ((f = getKeyJsonValueFromContainer(v->val.binary.data, "deductible_paid", 15, NULL)) != NULL)
		ca->year->chronic_deductible_paid[i] = jsonb_fen(f, "chronic.deductible_paid");
}

typedef struct PackageArg
{
	const MatinsCatalog *cat;
	PregnancyUsage *preg;
} PackageArg;

/* package_counts: {"NMPN01": 3}: slot by the item's position among the package rows */
static void
package_pair(const char *k, JsonbValue *v, void *arg)
{
	PackageArg *pa = (PackageArg *) arg;
	Fen			n;

	/* a count, read as an amount of whole yuan (100 fen a unit) */
	if (v->type != jbvNumeric || !numeric_to_fen(NumericGetDatum(v->val.numeric), &n) ||
		n < 0 || n % 100 != 0 || n / 100 > PG_INT16_MAX)
		prior_error("package_counts", psprintf("has a count for \"%s\" that is not a whole number from 0 to %d",
											   value_for_message(k), PG_INT16_MAX));
	for (int i = 0; i < pa->cat->n_package_items && i < MAX_PACKAGE; i++)
	{
		if (strcmp(pa->cat->package_items[i].code, k) == 0)
		{
			/* the slot is the item's position in the catalog, as in handle_prenatal_package */
			pregnancy_package_touch(pa->preg, i);
			pa->preg->package_counts[i] = (int16) (n / 100);
			return;
		}
	}
	prior_error("package_counts", psprintf("has an unknown item \"%s\"", value_for_message(k)));
}

/* the value of a top-level key: the yearly amounts, or the keys handled apart */
typedef struct TopArg
{
	Usage	   *u;
	PregnancyUsage *preg;
	const MatinsCatalog *cat;
} TopArg;

static void
top_pair(const char *k, JsonbValue *v, void *arg)
{
	TopArg	   *ta = (TopArg *) arg;
	int			i;

	for (i = 0; i < (int) lengthof(prior_keys); i++)
		if (strcmp(prior_keys[i].key, k) == 0)
			break;
	if (i == (int) lengthof(prior_keys))
		prior_error(k, "is not a known key");
	if (prior_keys[i].offset != 0)
	{
		*(Fen *) ((char *) &ta->u->year + prior_keys[i].offset) = jsonb_fen(v, k);
		return;
	}
	if (strcmp(k, "last_stay_deductible") == 0)
		ta->u->last_stay_deductible = jsonb_fen(v, k);
	else if (strcmp(k, "last_stay_date") == 0)
		ta->u->last_stay_date = jsonb_date(v, k);
	else if (strcmp(k, "prenatal_paid") == 0)
		ta->preg->prenatal_paid = jsonb_fen(v, k);
	else if (strcmp(k, "screening_used") == 0)
	{
		if (v->type != jbvBool)
			prior_error(k, "must be true or false");
		ta->preg->screening_used = v->val.boolean;
	}
	else if (strcmp(k, "chronic") == 0)
	{
		ChronicArg	ca = {&ta->u->year};

		if (v->type != jbvBinary)
			prior_error(k, "must be an object");
		object_pairs(v->val.binary.data, k, chronic_pair, &ca);
	}
	else if (strcmp(k, "package_counts") == 0)
	{
		PackageArg	pa = {ta->cat, ta->preg};

		if (v->type != jbvBinary)
			prior_error(k, "must be an object");
		object_pairs(v->val.binary.data, k, package_pair, &pa);
	}
	else if (strcmp(k, "art_items_used") == 0)
	{
		JsonbIterator *it;
		JsonbValue	e;
		JsonbIteratorToken tok;

		if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
			prior_error(k, "must be an array of item codes");
		it = JsonbIteratorInit(v->val.binary.data);
		while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
		{
			char	   *code;

			if (tok != WJB_ELEM)
				continue;
			if (e.type != jbvString)
				prior_error(k, "must hold item codes as strings");
			code = pnstrdup(e.val.string.val, e.val.string.len);
			/* longer than any ART code (nine digits): unknown, without a look-up */
			if (e.val.string.len > 9)
				prior_error(k, psprintf("has an unknown item \"%s\" (the ART items are in matins.art_item)", value_for_message(code)));
			if (catalog_art_item(ta->cat, NULL, code) == NULL)
				prior_error(k, psprintf("has an unknown item \"%s\" (the ART items are in matins.art_item)", value_for_message(code)));
			usage_mark_art(ta->u, code);
		}
	}
}

/*
 * usage_from_jsonb
 *      Usage before a claim from `prior`: the yearly counters are of the claim's year, the
 *      pregnancy counters of the claim's pregnancy, the lifetime ones of the person.
 */
void
usage_from_jsonb(Usage *u, Datum jsonb, const Claim *claim)
{
	Jsonb	   *jb = DatumGetJsonbP(jsonb);
	TopArg		ta;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prior must be a jsonb object"),
				 errhint("Give the earlier usage as e.g. '{\"prenatal_paid\": 600}'.")));
	ta.u = u;
	ta.preg = usage_pregnancy(u, claim->pregnancy_id);
	ta.cat = catalog_get();
	object_pairs(&jb->root, "prior", top_pair, &ta);
}

/*
 * append_fen_key
 *      "key": amount, to a JSON object under construction (amounts in yuan).
 */
static void
append_fen_key(StringInfo buf, bool *first, const char *key, Fen fen)
{
	if (fen == 0)
		return;
	appendStringInfo(buf, "%s\"%s\": %s", *first ? "" : ", ", key, fen_to_cstring(fen));
	*first = false;
}

/*
 * jsonb_from_text
 *      A JSON text as a jsonb datum.
 */
static Datum
jsonb_from_text(const char *text)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
}

/*
 * usage_year_jsonb
 *      The yearly counters in the keys of `prior` (zero counters left out).
 */
Datum
usage_year_jsonb(const YearUsage *y)
{
	StringInfoData buf;
	bool		first = true;
	bool		chronic_first = true;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < (int) lengthof(prior_keys); i++)
		if (prior_keys[i].offset != 0)
			append_fen_key(&buf, &first, prior_keys[i].key,
						   *(const Fen *) ((const char *) y + prior_keys[i].offset));
	for (int d = 0; d < MAX_DISEASES; d++)
	{
		if (YEAR_CHRONIC(y, chronic_in_scope, d) == 0 && YEAR_CHRONIC(y, chronic_fund_paid, d) == 0 &&
			YEAR_CHRONIC(y, chronic_deductible_paid, d) == 0)
			continue;
		appendStringInfo(&buf, "%s%s\"CH%02d\": {\"in_scope\": %s, \"fund_paid\": %s, \"deductible_paid\": %s}",
						 chronic_first ? (first ? "\"chronic\": {" : ", \"chronic\": {") : ", ",
						 "", d, fen_to_cstring(y->chronic_in_scope[d]),
						 fen_to_cstring(y->chronic_fund_paid[d]),
						 fen_to_cstring(y->chronic_deductible_paid[d]));
		chronic_first = false;
		first = false;
	}
	if (!chronic_first)
		appendStringInfoChar(&buf, '}');
	appendStringInfoChar(&buf, '}');
	return jsonb_from_text(buf.data);
}

/*
 * usage_pregnancy_jsonb
 *      A pregnancy's counters in the keys of `prior`.
 */
Datum
usage_pregnancy_jsonb(const MatinsCatalog *cat, const PregnancyUsage *p)
{
	StringInfoData buf;
	bool		first = true;
	bool		counts_first = true;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	append_fen_key(&buf, &first, "prenatal_paid", p->prenatal_paid);
	if (p->screening_used)
	{
		appendStringInfo(&buf, "%s\"screening_used\": true", first ? "" : ", ");
		first = false;
	}
	for (int i = 0; i < cat->n_package_items && i < MAX_PACKAGE; i++)
	{
		if (PREG_PACKAGE(p, i) == 0)
			continue;
		appendStringInfo(&buf, "%s\"%s\": %d",
						 counts_first ? (first ? "\"package_counts\": {" : ", \"package_counts\": {") : ", ",
						 cat->package_items[i].code, p->package_counts[i]);
		counts_first = false;
		first = false;
	}
	if (!counts_first)
		appendStringInfoChar(&buf, '}');
	appendStringInfoChar(&buf, '}');
	return jsonb_from_text(buf.data);
}

/*
 * usage_art_jsonb
 *      The once-per-person items used, as a jsonb array; `from` skips the first ones (to list
 *      only the items a claim added).
 */
Datum
usage_art_jsonb(const Usage *u, int from)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (int i = from; i < u->n_art_used; i++)
		appendStringInfo(&buf, "%s\"%s\"", i > from ? ", " : "", u->art_used[i]);
	appendStringInfoChar(&buf, ']');
	return jsonb_from_text(buf.data);
}

/*
 * usage_subtract
 *      Take a claim's increments (delta, read from its ledger entry) back out of the counters:
 *      amounts and counts are subtracted (never below zero), items it used are released, a
 *      screening it used is free again.
 */
void
usage_subtract(Usage *u, PregnancyUsage *p, const Usage *delta, const PregnancyUsage *dp)
{
	for (int i = 0; i < (int) lengthof(prior_keys); i++)
	{
		Fen		   *f;

		if (prior_keys[i].offset == 0)
			continue;
		f = (Fen *) ((char *) &u->year + prior_keys[i].offset);
		*f = fen_max(0, *f - *(const Fen *) ((const char *) &delta->year + prior_keys[i].offset));
	}
	for (int d = 0; d < MAX_DISEASES; d++)
	{
		year_chronic_touch(&u->year, d);
		u->year.chronic_in_scope[d] = fen_max(0, u->year.chronic_in_scope[d] - YEAR_CHRONIC(&delta->year, chronic_in_scope, d));
		u->year.chronic_fund_paid[d] = fen_max(0, u->year.chronic_fund_paid[d] - YEAR_CHRONIC(&delta->year, chronic_fund_paid, d));
		u->year.chronic_deductible_paid[d] = fen_max(0, u->year.chronic_deductible_paid[d] - YEAR_CHRONIC(&delta->year, chronic_deductible_paid, d));
	}
	p->prenatal_paid = fen_max(0, p->prenatal_paid - dp->prenatal_paid);
	if (dp->screening_used)
		p->screening_used = false;
	for (int i = 0; i < MAX_PACKAGE; i++)
	{
		pregnancy_package_touch(p, i);
		p->package_counts[i] = Max(0, p->package_counts[i] - PREG_PACKAGE(dp, i));
	}
	for (int i = 0; i < delta->n_art_used; i++)
		for (int j = 0; j < u->n_art_used; j++)
			if (strcmp(u->art_used[j], delta->art_used[i]) == 0)
			{
				memmove(u->art_used[j], u->art_used[j + 1], sizeof(u->art_used[0]) * (u->n_art_used - j - 1));
				u->n_art_used--;
				break;
			}
}

/*
 * usage_difference
 *      The increments a claim made: after - before, in a Usage of their own (the pregnancy's in
 *      *dp; the items it added listed in delta's art_used).
 */
void
usage_difference(const Usage *before, const PregnancyUsage *pbefore, const Usage *after,
				 const PregnancyUsage *pafter, Usage *delta, PregnancyUsage *dp)
{
	memset(&delta->year, 0, sizeof(YearUsage));
	delta->year.year = after->year.year;
	for (int i = 0; i < (int) lengthof(prior_keys); i++)
	{
		if (prior_keys[i].offset == 0)
			continue;
		*(Fen *) ((char *) &delta->year + prior_keys[i].offset) =
			*(const Fen *) ((const char *) &after->year + prior_keys[i].offset) -
			*(const Fen *) ((const char *) &before->year + prior_keys[i].offset);
	}
	for (int d = 0; d < MAX_DISEASES; d++)
	{
		year_chronic_touch(&delta->year, d);
		delta->year.chronic_in_scope[d] = YEAR_CHRONIC(&after->year, chronic_in_scope, d) - YEAR_CHRONIC(&before->year, chronic_in_scope, d);
		delta->year.chronic_fund_paid[d] = YEAR_CHRONIC(&after->year, chronic_fund_paid, d) - YEAR_CHRONIC(&before->year, chronic_fund_paid, d);
		delta->year.chronic_deductible_paid[d] = YEAR_CHRONIC(&after->year, chronic_deductible_paid, d) - YEAR_CHRONIC(&before->year, chronic_deductible_paid, d);
	}
	memset(dp, 0, sizeof(PregnancyUsage));
	dp->pregnancy_id = pafter->pregnancy_id;
	dp->prenatal_paid = pafter->prenatal_paid - pbefore->prenatal_paid;
	dp->screening_used = pafter->screening_used && !pbefore->screening_used;
	for (int i = 0; i < MAX_PACKAGE; i++)
	{
		pregnancy_package_touch(dp, i);
		dp->package_counts[i] = PREG_PACKAGE(pafter, i) - PREG_PACKAGE(pbefore, i);
	}
	delta->n_art_used = 0;
	for (int i = before->n_art_used; i < after->n_art_used; i++)
		strlcpy(delta->art_used[delta->n_art_used++], after->art_used[i], sizeof(delta->art_used[0]));
}

/*
 * event.c
 *      Decoding and validating a matins.event composite (with its contribution months), once
 *      per call; and the month arithmetic the eligibility rules count with.
 *
 * Every defect of the input is an error naming the field and the value, with a hint: an
 * unknown code (22023), a missing field the computation needs (22004), a contribution month
 * that is not the first day of a month (22007), a month given twice (23505), a negative or
 * inexact amount (22023).
 */
#include "postgres.h"

#include <limits.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "claim.h"

#include "allowance.h"

const char *const event_names[] = {"birth", "termination", "paternity"};

/* field numbers of matins.event (contract order) */
enum
{
	F_PERSON_ID, F_REGION, F_EVENT, F_EVENT_DATE, F_PERSON_TYPE, F_MATERNITY_INSURED,
	F_GESTATION_MONTHS, F_INFANTS, F_DYSTOCIA, F_BIRTH_ORDER, F_UNIT_AVG_WAGE, F_CLAIM_DATE,
	F_EMPLOYER_ARREARS, F_CONTRIBUTIONS, N_EVENT_FIELDS
};

/* field numbers of matins.contribution */
enum
{
	C_MONTH, C_REGION, C_PAID, C_PAID_ON, C_BASE, C_PERSON_TYPE, N_CONTRIB_FIELDS
};

/* the most infants a birth may have before the input is taken for a typing error */
#define MAX_INFANTS 9
/* the most completed months of pregnancy */
#define MAX_GESTATION_MONTHS 10

/*
 * date_month
 *      The month of a date as year × 12 + month − 1.
 */
int
date_month(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return y * 12 + m - 1;
}

/*
 * month_start
 *      The first day of a month counted as in date_month.
 */
DateADT
month_start(int month)
{
	int			y = month >= 0 ? month / 12 : -((-month + 11) / 12);
	int			m = month - y * 12 + 1;

	return date2j(y, m, 1) - POSTGRES_EPOCH_JDATE;
}

/*
 * date_add_months
 *      A date some months later, on the same day or the month's last day when the month is
 *      shorter (as date + interval 'n months' does: 2024-02-29 + 12 months = 2025-02-28).
 */
DateADT
date_add_months(DateADT d, int months)
{
	int			y,
				m,
				day,
				month;
	DateADT		result;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	month = y * 12 + m - 1 + months;
	y = month >= 0 ? month / 12 : -((-month + 11) / 12);
	m = month - y * 12 + 1;
	if (day > day_tab[isleap(y) ? 1 : 0][m - 1])
		day = day_tab[isleap(y) ? 1 : 0][m - 1];
	result = date2j(y, m, day) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range")));
	return result;
}

/*
 * null_field_error
 *      A field the computation cannot do without is NULL.
 */
static void
null_field_error(const char *field, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("event field %s must not be null%s", field, why),
			 errhint("Give it with matins.make_event(%s => ...).", field)));
}

/*
 * decode_fen
 *      An amount field in yuan as fen: exact to the fen and not negative.
 */
static Fen
decode_fen(Datum d, const char *field)
{
	return fen_from_field(d, field, "Give the monthly amount in yuan, zero or more.");
}

/*
 * decode_region
 *      A region code: six digits (region_chain checks them and says how to write one).
 */
static void
decode_region(Datum d, char *region)
{
	char	   *code = TextDatumGetCString(d);
	char		chain[4][7];

	(void) region_chain(code, chain);
	strlcpy(region, code, 7);
}

/*
 * finite_date
 *      A date field must be a real day, not ±infinity, within the years a claim's service date
 *      may lie in (1900-01-01 to 2199-12-31): a month in year 2205 is a typing error, and taken
 *      as a contribution month it would put the whole history in a break (LZ-GAP).
 */
static DateADT
finite_date(Datum d, const char *field)
{
	DateADT		date = DatumGetDateADT(d);

	if (DATE_NOT_FINITE(date))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("%s = %s is not a day", field, date_text(date)),
				 errhint("Give a calendar date such as '2025-09-15'.")));
	if (date < CLAIM_DATE_FIRST || date > CLAIM_DATE_LAST)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s = %s is outside the years matins covers", field, date_text(date)),
				 errhint("Dates lie between 1900-01-01 and 2199-12-31.")));
	return date;
}

static int
compare_months(const void *a, const void *b)
{
	const Contribution *x = a;
	const Contribution *y = b;

	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return x->position < y->position ? -1 : x->position > y->position;
}

/*
 * decode_contributions
 *      The event's contribution months, checked and sorted by month.
 */
static void
decode_contributions(Datum d, EventTypeCache *tc, Event *e)
{
	ArrayType  *arr = DatumGetArrayTypeP(d);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	check_list_array(arr, "event field contributions");
	deconstruct_array(arr, ARR_ELEMTYPE(arr), tc->contrib_typlen, tc->contrib_typbyval,
					  tc->contrib_typalign, &elems, &nulls, &n);
	e->ncontrib = n;
	e->contrib = palloc0(sizeof(Contribution) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		Contribution *c = &e->contrib[i];
		HeapTupleHeader th;
		Datum		v[N_CONTRIB_FIELDS];
		bool		isnull[N_CONTRIB_FIELDS];
		char		field[48];
		DateADT		month;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("contributions[%d] is null", i + 1),
					 errhint("Remove the empty element from contributions.")));
		th = DatumGetHeapTupleHeader(elems[i]);
		deform_composite(th, tc->contrib_desc, v, isnull);

		c->position = i + 1;
		snprintf(field, sizeof(field), "contributions[%d].month", i + 1);
		if (isnull[C_MONTH])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not be null", field),
					 errhint("Write each contribution month as its first day, e.g. '2025-03-01'.")));
		month = finite_date(v[C_MONTH], field);
		c->month = date_month(month);
		if (month != month_start(c->month))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("%s = %s is not the first day of a month", field, date_text(month)),
					 errhint("Write each contribution month as its first day, e.g. '%s'.",
							 date_text(month_start(c->month)))));

		/* where it was paid; NULL: the event's region */
		if (isnull[C_REGION])
			strlcpy(c->region, e->region, sizeof(c->region));
		else
		{
			decode_region(v[C_REGION], c->region);
			/* a month of another province counts differently (NM-ACC, LZ-AEL): a code of no
			 * province at all is a typing error, not a month elsewhere */
			if (!region_province_exists(c->region))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("contributions[%d].region = %s is not in any province", i + 1, c->region),
						 errdetail("A GB/T 2260 code begins with its province's two digits (11 to 65, 71, 81, 82)."),
						 errhint("Write the code of the region where the month was paid, e.g. '620100' for Lanzhou.")));
		}

		snprintf(field, sizeof(field), "contributions[%d].paid", i + 1);
		if (isnull[C_PAID])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not be null", field),
					 errhint("Say whether the month was paid (true) or not (false).")));
		c->paid = DatumGetBool(v[C_PAID]);

		snprintf(field, sizeof(field), "contributions[%d].paid_on", i + 1);
		if (isnull[C_PAID_ON])
		{
			c->paid_on = DATE_NO_END;
			c->paid_month = -1;
		}
		else
		{
			if (!c->paid)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s = %s but the month is not paid", field,
								date_text(DatumGetDateADT(v[C_PAID_ON]))),
						 errhint("Give paid_on only for a paid month (NULL means paid on time).")));
			c->paid_on = finite_date(v[C_PAID_ON], field);
			c->paid_month = date_month(c->paid_on);
		}

		snprintf(field, sizeof(field), "contributions[%d].base", i + 1);
		c->has_base = !isnull[C_BASE];
		c->base = c->has_base ? decode_fen(v[C_BASE], field) : 0;

		/* NULL: the event's person type */
		snprintf(field, sizeof(field), "contributions[%d].person_type", i + 1);
		c->person_type = isnull[C_PERSON_TYPE] ? e->person_type :
			code_lookup(field, TextDatumGetCString(v[C_PERSON_TYPE]), person_type_names, 0,
						N_PERSON_TYPES);
	}

	qsort(e->contrib, n, sizeof(Contribution), compare_months);
	for (int i = 1; i < n; i++)
		if (e->contrib[i].month == e->contrib[i - 1].month)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("contributions[%d].month = %s duplicates contributions[%d].month",
							e->contrib[i].position, date_text(month_start(e->contrib[i].month)),
							e->contrib[i - 1].position),
					 errdetail("Each contribution month may appear once."),
					 errhint("Merge the two entries into one month (its base, where it was paid).")));
}

/*
 * load_types
 *      Look the composite types' descriptors up once per call site (into cxt).
 */
static void
load_types(EventTypeCache *tc, HeapTupleHeader th, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	TupleDesc	desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(th),
												   HeapTupleHeaderGetTypMod(th));
	Oid			array_type;
	Oid			elem_type;

	if (desc->natts != N_EVENT_FIELDS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("event has %d fields, matins.event has %d", desc->natts, N_EVENT_FIELDS),
				 errhint("Build events with matins.make_event(...).")));
	array_type = TupleDescAttr(desc, F_CONTRIBUTIONS)->atttypid;
	elem_type = get_element_type(array_type);
	if (!OidIsValid(elem_type))
		elog(ERROR, "matins: event field contributions is not an array");
	tc->contrib_desc = lookup_rowtype_tupdesc_copy(elem_type, -1);
	if (tc->contrib_desc->natts != N_CONTRIB_FIELDS)
		elog(ERROR, "matins: matins.contribution has %d fields, expected %d",
			 tc->contrib_desc->natts, N_CONTRIB_FIELDS);
	get_typlenbyvalalign(elem_type, &tc->contrib_typlen, &tc->contrib_typbyval,
						 &tc->contrib_typalign);
	tc->event_desc = desc;
	tc->type_id = HeapTupleHeaderGetTypeId(th);
	MemoryContextSwitchTo(old);
}

/*
 * event_decode
 *      Decode an event and check everything that does not depend on the policy: codes known,
 *      dates real days, counts plausible, amounts exact and not negative, contribution months
 *      first days and unique.  Defaults as matins.make_event's: maternity_insured true, infants
 *      and birth_order 1, dystocia and employer_arrears false.
 */
void
event_decode(Datum event_datum, EventTypeCache *tc, MemoryContext cxt, Event *e)
{
	HeapTupleHeader th = DatumGetHeapTupleHeader(event_datum);
	Datum		v[N_EVENT_FIELDS];
	bool		isnull[N_EVENT_FIELDS];

	if (tc->event_desc == NULL || tc->type_id != HeapTupleHeaderGetTypeId(th))
		load_types(tc, th, cxt);

	deform_composite(th, tc->event_desc, v, isnull);

	memset(e, 0, sizeof(Event));
	if (isnull[F_REGION])
		null_field_error("region", "");
	decode_region(v[F_REGION], e->region);

	if (isnull[F_EVENT])
		null_field_error("event", "");
	{
		char	   *name = TextDatumGetCString(v[F_EVENT]);

		/* NM-AL: leave for family-planning surgery has no days in the national rule */
		if (strcmp(name, "family_planning") == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no rule gives allowance days for event \"family_planning\" in region %s",
							e->region),
					 errdetail("The leave rules matins implements (CN-ML, ZJ-ML, GS-ML, JL-ML) give no days for family-planning surgery (NM-AL)."),
					 errhint("Events are 'birth', 'termination' (with gestation_months) or 'paternity'.")));
		e->event = code_lookup("event", name, event_names, 0, N_EVENT_KINDS);
	}

	if (isnull[F_EVENT_DATE])
		null_field_error("event_date", "");
	e->event_date = finite_date(v[F_EVENT_DATE], "event_date");
	e->event_month = date_month(e->event_date);

	if (isnull[F_PERSON_TYPE])
		null_field_error("person_type", "");
	e->person_type = code_lookup("person_type", TextDatumGetCString(v[F_PERSON_TYPE]),
								 person_type_names, 0, N_PERSON_TYPES);
	e->maternity_insured = isnull[F_MATERNITY_INSURED] ? true : DatumGetBool(v[F_MATERNITY_INSURED]);

	/* CN-ML: a termination's leave depends on the completed months of pregnancy */
	e->gestation_months = isnull[F_GESTATION_MONTHS] ? -1 : DatumGetInt32(v[F_GESTATION_MONTHS]);
	if (e->event == EV_TERMINATION && isnull[F_GESTATION_MONTHS])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("event field gestation_months must not be null for a termination"),
				 errdetail("The leave for a termination depends on the completed months of pregnancy (CN-ML: 15 days before 4 months, 42 days from 4 months)."),
				 errhint("Give it with matins.make_event(event => 'termination', gestation_months => ...).")));
	if (!isnull[F_GESTATION_MONTHS] &&
		(e->gestation_months < 0 || e->gestation_months > MAX_GESTATION_MONTHS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("event field gestation_months = %d is not a number of completed months of pregnancy",
						e->gestation_months),
				 errhint("Give the completed months, 0 to %d.", MAX_GESTATION_MONTHS)));

	e->infants = isnull[F_INFANTS] ? 1 : DatumGetInt32(v[F_INFANTS]);
	if (e->event != EV_TERMINATION && (e->infants < 1 || e->infants > MAX_INFANTS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("event field infants = %d is not a number of infants born", e->infants),
				 errhint("A birth has 1 to %d infants; a pregnancy that ended without a birth is event 'termination'.",
						 MAX_INFANTS)));
	e->dystocia = isnull[F_DYSTOCIA] ? false : DatumGetBool(v[F_DYSTOCIA]);
	e->birth_order = isnull[F_BIRTH_ORDER] ? 1 : DatumGetInt32(v[F_BIRTH_ORDER]);
	if (e->birth_order < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("event field birth_order = %d is not a birth order", e->birth_order),
				 errhint("Count births from 1 (the first child).")));

	e->has_unit_avg_wage = !isnull[F_UNIT_AVG_WAGE];
	if (e->has_unit_avg_wage)
	{
		e->unit_avg_wage = decode_fen(v[F_UNIT_AVG_WAGE], "event field unit_avg_wage");
		if (e->unit_avg_wage == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("event field unit_avg_wage = 0.00 is not an average wage"),
					 errhint("Give the employer's average monthly wage of last year in yuan, or leave it NULL where the base is another.")));
	}
	e->has_claim_date = !isnull[F_CLAIM_DATE];
	if (e->has_claim_date)
	{
		e->claim_date = finite_date(v[F_CLAIM_DATE], "event field claim_date");
		if (e->claim_date < e->event_date)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("event field claim_date = %s is before event_date %s",
							date_text(e->claim_date), date_text(e->event_date)),
					 errhint("The allowance is applied for on or after the birth or termination; leave claim_date NULL when it is not known.")));
	}
	e->employer_arrears = isnull[F_EMPLOYER_ARREARS] ? false : DatumGetBool(v[F_EMPLOYER_ARREARS]);

	if (isnull[F_CONTRIBUTIONS])
	{
		e->ncontrib = 0;
		e->contrib = NULL;
	}
	else
		decode_contributions(v[F_CONTRIBUTIONS], tc, e);
}

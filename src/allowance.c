/*
 * allowance.c
 *      The maternity allowance of an event: leave days from the leave-rule catalog (CN-ML,
 *      ZJ-ML, GS-ML, JL-ML), the monthly base (JL24-AL, NM-AL, LZ-AL), the amount, the prenatal
 *      grant (LZ-PN, LZ-SPO), payee and payer (JL24-AL, NM-AL, LZ-AL, NM-ARR, LZ-ARR); and the
 *      SQL-callable shells matins_allowance and matins_eligibility.
 *
 *      amount = base × days ÷ allowance.divisor and daily = base ÷ allowance.divisor, each
 *      rounded once, half away from zero, to the fen.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "allowance.h"

PG_FUNCTION_INFO_V1(matins_allowance);
PG_FUNCTION_INFO_V1(matins_eligibility);

#define N_ALLOWANCE_FIELDS 12
#define N_ELIGIBILITY_FIELDS 5

/*
 * leave_row
 *      The leave row of a component that fits the event: the event's region first, then each
 *      region up the chain (city, province, nation); within a region a DBA's local row before a
 *      shipped one (the catalog orders them so).  Reading: the walk goes on up when the region's
 *      rows do not fit the event, so a fourth child in Zhejiang (ZJ-ML lists the first three)
 *      gets the national 98 days (CN-ML), and a termination everywhere takes CN-ML's days.
 */
static const LeaveRow *
leave_row(const MatinsCatalog *cat, const Event *e, const char *component)
{
	char		chain[4][7];
	int			n = region_chain(e->region, chain);
	const char *event = event_names[e->event];

	for (int c = 0; c < n; c++)
		for (int i = 0; i < cat->n_leave; i++)
		{
			const LeaveRow *r = &cat->leave[i];

			if (strcmp(r->region, chain[c]) != 0 || strcmp(r->event, event) != 0 ||
				strcmp(r->component, component) != 0)
				continue;
			/* order_hi is exclusive, INT_MAX when the range is open */
			if (e->birth_order < r->order_lo ||
				(e->birth_order >= r->order_hi && r->order_hi != INT_MAX))
				continue;
			if (e->event == EV_TERMINATION &&
				(e->gestation_months < r->gest_lo || e->gestation_months >= r->gest_hi))
				continue;
			return r;
		}
	return NULL;
}

/*
 * required_leave_row
 *      A leave row the event needs; none is an error saying there is no rule (e.g. nursing
 *      leave outside Gansu and Jilin).
 */
static const LeaveRow *
required_leave_row(const MatinsCatalog *cat, const Event *e, const char *component)
{
	const LeaveRow *r = leave_row(cat, e, component);

	if (r == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no rule gives allowance days for event \"%s\" (%s) in region %s",
						event_names[e->event], component, e->region),
				 errdetail("No row of matins.leave_rule for the region, its city, its province or the nation fits birth_order %d%s.",
						   e->birth_order,
						   e->event == EV_TERMINATION ? psprintf(" and gestation_months %d", e->gestation_months) : ""),
				 errhint("Nursing leave (paternity) has days only where a document gives them (GS-ML, JL-ML); a DBA adds a row to matins.leave_rule when a document provides the leave.")));
	return r;
}

/*
 * compute_leave_days
 *      The allowance days of the event (CN-ML §6): the base leave of the event, plus dystocia
 *      and each infant after the first for a birth, on top of a total like Gansu's or Jilin's.
 */
void
compute_leave_days(const MatinsCatalog *cat, const Event *e, Assessment *a)
{
	const LeaveRow *r = required_leave_row(cat, e, "base");

	a->days = r->days;
	add_event_note(a, r->source);
	if (e->event != EV_BIRTH)
		return;
	if (e->dystocia)
	{
		r = required_leave_row(cat, e, "dystocia");
		a->days += r->days;
		add_event_note(a, r->source);
		add_event_note(a, "dystocia");
	}
	if (e->infants > 1)
	{
		r = required_leave_row(cat, e, "per_extra_infant");
		a->days += r->days * (e->infants - 1);
		add_event_note(a, r->source);
		add_event_note(a, "extra_infants");
	}
}

/*
 * contribution_base
 *      The base of one contribution month; a month without one is an error naming it.
 */
static Fen
contribution_base(const Contribution *c, const char *rule)
{
	if (!c->has_base)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("contributions[%d].base must not be null", c->position),
				 errdetail("The allowance base is computed from the contribution bases (%s).", rule),
				 errhint("Give the month's contribution wage base in yuan.")));
	return c->base;
}

/*
 * allowance_base
 *      The monthly base of the allowance, by the person's rule.
 */
static Fen
allowance_base(const MatinsCatalog *cat, const Event *e, Assessment *a)
{
	const char *rule = a->regime->allowance_rule;

	switch (a->who.base)
	{
		case BASE_UNIT_WAGE:
			/* JL24-AL (Reading), NM-AL, national rule: the employer's average wage of last year */
			if (!e->has_unit_avg_wage)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("event field unit_avg_wage must not be null for the allowance of person_type \"%s\" under policy %s",
								person_type_names[e->person_type], a->policy->id),
						 errdetail("The base is the employer's average monthly wage of last year (%s).", rule),
						 errhint("Give it with matins.make_event(unit_avg_wage => ...).")));
			add_event_note(a, "unit_avg_wage");
			return e->unit_avg_wage;

		case BASE_OWN:
			/* NM-AL: a flexible worker's own contribution base (the month before the event) */
			if (a->run_len == 0)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("no contribution month before event_date %s gives the person's own base",
								date_text(e->event_date)),
						 errdetail("A flexible worker's allowance base is the own contribution base (%s).", rule),
						 errhint("Give the contribution months up to the month before the event.")));
			add_event_note(a, "own_contribution_base");
			return contribution_base(a->run[0], rule);

		case BASE_AVERAGE:
			{
				/* LZ-AL: the average base of the 12 continuous months, rounded to the fen first */
				Fen			sum = 0;

				if (a->min_months <= 0)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("policy constant allowance.min_continuous_months = %d of %s leaves no months to average the allowance base over",
									a->min_months, a->policy->id),
							 errdetail("The base is the average contribution base of the continuous months the allowance requires (%s).", rule),
							 errhint("Set the constant in matins.policy_constant to at least 1 month (the document gives 12).")));
				if (a->run_len < a->min_months)
					elog(ERROR, "matins: no %d continuous months to average", a->min_months);
				for (int i = 0; i < a->min_months; i++)
					sum += contribution_base(a->run[i], rule);
				add_event_note(a, "average_contribution_base");
				return fen_mul_div(sum, 1, a->min_months);
			}

		case BASE_UNEMPLOYED:
			/* NM-AL, LZ-AL: the province's rule for the unemployed, a region parameter */
			add_event_note(a, "unemployed_base");
			return micro_to_fen(catalog_param_required(cat, e->region, "allowance.unemployed_base",
													   e->event_date));

		case BASE_NONE:
			break;
	}
	elog(ERROR, "matins: person type %s has no allowance base under %s",
		 person_type_names[e->person_type], a->policy->id);
	return 0;					/* not reached */
}

/*
 * prenatal_grant
 *      LZ-PN: the fixed prenatal grant of everyone with maternity medical benefits (LZ-WHO),
 *      whether or not they get an allowance; LZ-SPO: the uninsured spouse gets spouse.ratio of
 *      it.  Reading: a grant per pregnancy, so births and terminations, not a father's nursing
 *      leave.  It has no deadline: the one-year limits are the allowance's (LZ-AL) and the
 *      manual reimbursement of costs (LZ-DIR), and the grant is neither.
 */
static Fen
prenatal_grant(const MatinsCatalog *cat, const Event *e, Assessment *a)
{
	const char *rule = a->regime->grant_rule;
	Micro		grant;

	if (rule == NULL || !a->medical || e->event == EV_PATERNITY)
		return 0;
	grant = catalog_constant_required(cat, a->policy, "prenatal.grant", rule);
	add_event_note(a, rule);
	if (e->person_type == PT_SPOUSE)
	{
		Micro		ratio = catalog_constant_required(cat, a->policy, "spouse.ratio", "LZ-SPO");

		add_event_note(a, "LZ-SPO");
		/* grant (millionths of a yuan) × ratio (millionths), rounded once to the fen */
		return fen_mul_div(grant, ratio, MICRO_ONE * 10000);
	}
	return micro_to_fen(grant);
}

/*
 * check_employer_arrears
 *      An event in arrears needs a rule that says who pays (NM-ARR, LZ-ARR) and a person with an
 *      employer.  Checked by matins_allowance and matins_eligibility alike: the arrears change
 *      which months count, so an event the allowance refuses is not assessed either.
 */
static void
check_employer_arrears(const Event *e, const Assessment *a)
{
	const AllowanceRegime *r = a->regime;

	if (e->employer_arrears)
	{
		if (r->arrears_rule == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no rule says who pays when the employer is in arrears under policy %s",
							a->policy->id),
					 errdetail("Only NM-ARR (Inner Mongolia) and LZ-ARR (Lanzhou) make the employer pay."),
					 errhint("Compute the event with employer_arrears => false.")));
		if (e->person_type != PT_ENTERPRISE && e->person_type != PT_PUBLIC &&
			e->person_type != PT_SPOUSE)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("event field employer_arrears is true for person_type \"%s\", who has no employer",
							person_type_names[e->person_type]),
					 errhint("employer_arrears applies to unit employees and to the spouse of a male employee.")));
	}
}

/*
 * compute_allowance
 *      Base, daily, amount, grant, payee and payer of an assessed event (days computed).
 */
void
compute_allowance(const MatinsCatalog *cat, const Event *e, Assessment *a)
{
	const AllowanceRegime *r = a->regime;

	if (a->allowance)
	{
		Micro		divisor = catalog_param_required(cat, e->region, "allowance.divisor",
													 e->event_date);

		if (divisor <= 0)
			elog(ERROR, "matins: allowance.divisor must be positive");
		a->base = allowance_base(cat, e, a);
		a->has_base = true;
		a->daily = fen_mul_div(a->base, MICRO_ONE, divisor);
		a->amount = fen_mul_div(a->base, (int64) a->days * MICRO_ONE, divisor);
	}
	a->grant = prenatal_grant(cat, e, a);

	if (a->allowance || a->grant > 0)
	{
		a->payee = a->allowance ? r->payee : "person";
		a->payer = "fund";
		if (a->allowance && r->payee_rule)
			add_event_note(a, r->payee_rule);
		if (a->allowance && strcmp(r->payee, "employer") == 0)
			add_event_note(a, "paid_monthly_to_employer");
		if (e->employer_arrears)
		{
			/* NM-ARR, LZ-ARR: the employer pays every benefit at the same standard */
			a->payer = "employer";
			add_event_note(a, r->arrears_rule);
			add_event_note(a, "employer_arrears");
			if (a->allowance && r->arrears_pre_leave_wage)
				add_event_note(a, "employer_pays_pre_leave_wage");
		}
	}
}

/*
 * call_cache
 *      The call site's cache of type descriptors, created on first use in fn_mcxt; the result
 *      descriptor blessed once.
 */
static EventTypeCache *
call_cache(FunctionCallInfo fcinfo)
{
	EventTypeCache *tc = (EventTypeCache *) fcinfo->flinfo->fn_extra;

	if (tc == NULL)
	{
		TupleDesc	desc;
		MemoryContext old;

		tc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(EventTypeCache));
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "matins: function returning a composite called in a context that cannot accept one");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		tc->result_desc = BlessTupleDesc(CreateTupleDescCopy(desc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tc;
	}
	return tc;
}

/*
 * notes_datum
 *      The notes as text[] (empty, never NULL).
 */
static Datum
notes_datum(const Assessment *a)
{
	Datum		elems[MAX_EVENT_NOTES];

	for (int i = 0; i < a->n_notes; i++)
		elems[i] = CStringGetTextDatum(a->notes[i]);
	return PointerGetDatum(construct_array(elems, a->n_notes, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * assess_call
 *      Decode the event argument and assess it under the policy argument (NULL: in force).
 */
static void
assess_call(FunctionCallInfo fcinfo, EventTypeCache *tc, Event *e, Assessment *a,
			const MatinsCatalog **cat)
{
	const char *policy = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));

	event_decode(PG_GETARG_DATUM(0), tc, fcinfo->flinfo->fn_mcxt, e);
	*cat = catalog_get();
	assess_event(*cat, e, policy, a);
	check_employer_arrears(e, a);
	compute_leave_days(*cat, e, a);
}

/*
 * null_event_error
 *      A null event: an error, as a null claim is for the settling functions (a NULL result
 *      would pass for an event without allowance in a report).
 */
static void
null_event_error(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("%s got a null event", fname),
			 errhint("Filter out null events (WHERE e IS NOT NULL), or build the event with matins.make_event.")));
}

/*
 * matins_allowance
 *      matins_allowance(e matins.event, policy text DEFAULT NULL) RETURNS matins.allowance
 */
Datum
matins_allowance(PG_FUNCTION_ARGS)
{
	EventTypeCache *tc;
	const MatinsCatalog *cat;
	Event		e;
	Assessment	a;
	Datum		values[N_ALLOWANCE_FIELDS];
	bool		nulls[N_ALLOWANCE_FIELDS];

	if (PG_ARGISNULL(0))
		null_event_error("matins_allowance");
	tc = call_cache(fcinfo);
	assess_call(fcinfo, tc, &e, &a, &cat);
	compute_allowance(cat, &e, &a);

	memset(nulls, 0, sizeof(nulls));
	values[0] = BoolGetDatum(a.allowance);
	values[1] = CStringGetTextDatum(a.policy->id);
	values[2] = Int32GetDatum(a.days);
	values[3] = a.has_base ? fen_to_numeric(a.base) : (Datum) 0;
	nulls[3] = !a.has_base;
	values[4] = a.has_base ? fen_to_numeric(a.daily) : (Datum) 0;
	nulls[4] = !a.has_base;
	values[5] = fen_to_numeric(a.allowance ? a.amount : 0);
	values[6] = fen_to_numeric(a.grant);
	values[7] = a.payee ? CStringGetTextDatum(a.payee) : (Datum) 0;
	nulls[7] = a.payee == NULL;
	values[8] = a.payer ? CStringGetTextDatum(a.payer) : (Datum) 0;
	nulls[8] = a.payer == NULL;
	values[9] = DateADTGetDatum(a.first_payable);
	nulls[9] = !a.has_first_payable;
	values[10] = DateADTGetDatum(a.apply_by);
	nulls[10] = !a.has_apply_by;
	values[11] = notes_datum(&a);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tc->result_desc, values, nulls)));
}

/*
 * matins_eligibility
 *      matins_eligibility(e matins.event, policy text DEFAULT NULL) RETURNS matins.eligibility
 */
Datum
matins_eligibility(PG_FUNCTION_ARGS)
{
	EventTypeCache *tc;
	const MatinsCatalog *cat;
	Event		e;
	Assessment	a;
	Datum		values[N_ELIGIBILITY_FIELDS];
	bool		nulls[N_ELIGIBILITY_FIELDS];

	if (PG_ARGISNULL(0))
		null_event_error("matins_eligibility");
	tc = call_cache(fcinfo);
	assess_call(fcinfo, tc, &e, &a, &cat);
	/* NM-ARR, LZ-ARR: the employer answers for its arrears, as matins_allowance's notes say */
	if (e.employer_arrears && (a.medical || a.allowance))
	{
		add_event_note(&a, a.regime->arrears_rule);
		add_event_note(&a, "employer_arrears");
	}

	memset(nulls, 0, sizeof(nulls));
	values[0] = BoolGetDatum(a.medical);
	values[1] = BoolGetDatum(a.allowance);
	values[2] = Int32GetDatum(a.continuous_months);
	values[3] = DateADTGetDatum(a.first_payable);
	nulls[3] = !a.has_first_payable;
	values[4] = notes_datum(&a);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tc->result_desc, values, nulls)));
}

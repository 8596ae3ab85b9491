/*
 * eligibility.c
 *      Who is entitled to what for a maternity event: the policy that decides, the person's
 *      class under it (LZ-WHO, JL24-AL, NM-COV), the continuous contribution months before the
 *      event (LZ-GAP, NM-ACC, LZ-AEL), the waiting period (JL24-EL, NM-WAIT), the allowance's
 *      conditions (NM-EL, LZ-AEL) and deadline (LZ-AL, LZ-DIR).
 *
 * The shape of each policy's rules is a row of the table below; the numbers are catalog data
 * (policy constants and region parameters), so a DBA corrects a number without a release.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "allowance.h"

/* a month is paid on time, back-paid later, or neither (missing, unpaid, or not counted) */
typedef enum MonthStatus
{
	MS_NONE, MS_ON, MS_BACK
} MonthStatus;

#define ALLOW(rule, base)	{PC_ALLOWANCE, rule, base}
#define MEDICAL(rule)		{PC_MEDICAL, rule, BASE_NONE}
#define NONE(rule)			{PC_NONE, rule, BASE_NONE}
#define NO_RULE(rule)		{PC_NO_RULE, rule, BASE_NONE}

static const AllowanceRegime regimes[] = {
	/*
	 * Jilin 2024.  JL24-EL: medical costs and allowance follow the employee medical insurance
	 * conditions, i.e. the waiting period (a region parameter).  JL24-AL: paid monthly to the
	 * employer; public-sector units get none; the base is the employer's average monthly wage
	 * (Reading); no allowance for male nursing leave (Reading).  Flexible workers are not in
	 * maternity insurance (JL24-PN, JL24-DL: their costs follow employee medical rules);
	 * residents follow resident insurance.  No seed covers the unemployed or a spouse in Jilin
	 * (rules.md §0: an error, never a guess).
	 */
	{
		.policy = "JL-2024-MAT",
		.who = {
			[PT_ENTERPRISE] = ALLOW("JL24-EL", BASE_UNIT_WAGE),
			[PT_PUBLIC] = MEDICAL("JL24-AL"),
			[PT_FLEXIBLE] = NONE("JL24-PN"),
			[PT_UNEMPLOYED] = NO_RULE("JL24-EL"),
			[PT_RETIREE] = NONE("JL24-EL"),
			[PT_RESIDENT] = NONE("JL24-DL"),
			[PT_SPOUSE] = NO_RULE("JL24-SC"),
		},
		.waiting_rule = "JL24-EL",
		.waiting_covers_allowance = true,
		.allowance_rule = "JL24-AL",
		.payee = "employer",
		.payee_rule = "JL24-AL",
		.nursing_allowance = false,
	},

	/*
	 * Inner Mongolia 2025 (Baotou 2026 is based on it).  NM-COV: unit employees must join;
	 * flexible workers may (maternity_insured); residents follow resident rules; NM-IP covers a
	 * male employee's non-working spouse for inpatient costs only.  NM-EL: 12 continuous months
	 * for the allowance, the unemployed on benefit without waiting period or 12-month condition
	 * (constants unemployed.*); a normal contribution status when the allowance is claimed.
	 * NM-ACC: months anywhere in Inner Mongolia count, months in other provinces do not.  NM-AL:
	 * unit employees on the employer's average wage, flexible workers on their own base, the
	 * unemployed on a region parameter; paid to the person.  NM-ARR: arrears -> the employer.
	 */
	{
		.policy = "NM-2025-MAT",
		.who = {
			[PT_ENTERPRISE] = ALLOW("NM-AL", BASE_UNIT_WAGE),
			[PT_PUBLIC] = ALLOW("NM-AL", BASE_UNIT_WAGE),
			[PT_FLEXIBLE] = {PC_ALLOWANCE_IF_INSURED, "NM-COV", BASE_OWN},
			[PT_UNEMPLOYED] = ALLOW("NM-EL", BASE_UNEMPLOYED),
			[PT_RETIREE] = NONE("NM-COV"),
			[PT_RESIDENT] = NONE("NM-COV"),
			[PT_SPOUSE] = MEDICAL("NM-IP"),
		},
		.waiting_rule = "NM-WAIT",
		.waiting_covers_allowance = false,
		.continuity_rule = "NM-EL",
		.accumulate_rule = "NM-ACC",
		.claim_status_rule = "NM-EL",
		.allowance_rule = "NM-AL",
		.payee = "person",
		.payee_rule = "NM-AL",
		.nursing_allowance = true,
		.arrears_rule = "NM-ARR",
		.arrears_pre_leave_wage = true,
	},

	/*
	 * Wenzhou draft (what-if only).  The draft covers employees' maternity costs; its allowance
	 * follows Zhejiang's leave (ZJ-ML) on the employer's average wage (national rule), paid to
	 * the person (Reading: the draft's "免申办" direct payment).  No waiting period, continuity
	 * condition or arrears rule is in the draft; flexible workers, the unemployed and spouses
	 * have no rule.
	 */
	{
		.policy = "WZ-DRAFT-MAT",
		.who = {
			[PT_ENTERPRISE] = ALLOW("WZ-IP", BASE_UNIT_WAGE),
			[PT_PUBLIC] = ALLOW("WZ-IP", BASE_UNIT_WAGE),
			[PT_FLEXIBLE] = NO_RULE("WZ-IP"),
			[PT_UNEMPLOYED] = NO_RULE("WZ-IP"),
			[PT_RETIREE] = NONE("WZ-IP"),
			[PT_RESIDENT] = NONE("WZ-IP"),
			[PT_SPOUSE] = NO_RULE("WZ-IP"),
		},
		.allowance_rule = "ZJ-ML",
		.payee = "person",
		.payee_rule = "ZJ-ML",
		.nursing_allowance = true,
	},

	/*
	 * Lanzhou 2025.  LZ-WHO: enterprise employees and the unemployed on benefit get medical
	 * benefits and the allowance; public units, flexible workers, retirees and uninsured spouses
	 * medical benefits only.  LZ-GAP: a break of at most gap.max_months, back-paid in the
	 * resumption month, stays continuous.  LZ-AEL: allowance.min_continuous_months at the
	 * enterprise standard (months on unemployment benefit count, Reading); months elsewhere in
	 * Gansu count; months in another province count only with
	 * allowance.moved_in_local_months in Lanzhou from the event month, payable from the month
	 * after.  LZ-AL: base = the average base of the 12 months before the event (the unemployed:
	 * region parameter); paid once to the person; apply within allowance.apply_within_months.
	 * LZ-PN / LZ-SPO: the prenatal grant.  LZ-ARR: arrears -> the employer.
	 */
	{
		.policy = "LZ-2025-MAT",
		.who = {
			[PT_ENTERPRISE] = ALLOW("LZ-WHO", BASE_AVERAGE),
			[PT_PUBLIC] = MEDICAL("LZ-WHO"),
			[PT_FLEXIBLE] = MEDICAL("LZ-WHO"),
			[PT_UNEMPLOYED] = ALLOW("LZ-WHO", BASE_UNEMPLOYED),
			[PT_RETIREE] = MEDICAL("LZ-WHO"),
			[PT_RESIDENT] = NONE("LZ-COV"),
			[PT_SPOUSE] = MEDICAL("LZ-WHO"),
		},
		.continuity_rule = "LZ-AEL",
		.accumulate_rule = "LZ-AEL",
		.gap_rule = "LZ-GAP",
		.other_provinces = true,
		.enterprise_standard = true,
		.allowance_rule = "LZ-AL",
		.payee = "person",
		.payee_rule = "LZ-AL",
		.nursing_allowance = true,
		.arrears_rule = "LZ-ARR",
		.apply_rule = "LZ-AL",
		.grant_rule = "LZ-PN",
	},
};

/*
 * add_event_note
 *      Append a rule id or reason code to the notes (once).
 */
void
add_event_note(Assessment *a, const char *note)
{
	for (int i = 0; i < a->n_notes; i++)
		if (strcmp(a->notes[i], note) == 0)
			return;
	if (a->n_notes == MAX_EVENT_NOTES)
		elog(ERROR, "matins: too many notes for one event");
	a->notes[a->n_notes++] = note;
}

/*
 * whole_months
 *      A constant or parameter in months (millionths) as a whole number of months.
 */
static int
whole_months(Micro value, const char *name)
{
	if (value % MICRO_ONE != 0 || value < 0 || value > 1200 * MICRO_ONE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" = %s is not a whole number of months from 0 to 1200", name,
						DatumGetCString(DirectFunctionCall1(numeric_out,
															DirectFunctionCall1(numeric_trim_scale,
																				micro_to_numeric(value))))),
				 errhint("Correct the value in the catalog.")));
	return (int) (value / MICRO_ONE);
}

/*
 * resolve_policy
 *      The maternity policy that decides: the one named (what-if; a draft only this way), or
 *      the one in force for the region on the event date.
 */
static const PolicyRow *
resolve_policy(const MatinsCatalog *cat, const Event *e, const char *name)
{
	const PolicyRow *p;

	check_region_covered(cat, e->region);
	if (name != NULL)
	{
		p = catalog_named_policy(cat, name, e->region, "event");
		if (!p->maternity)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("policy \"%s\" is not a maternity policy", name),
					 errhint("Name a maternity policy (scope 'maternity' in matins.policy).")));
		return p;
	}
	p = catalog_policy_in_force(cat, e->region, true, e->event_date);
	if (p == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no maternity policy is in force for region %s on event_date %s",
						e->region, date_text(e->event_date)),
				 errdetail("Drafts are never applied by date."),
				 errhint("%s", catalog_policies_hint(cat, e->region, "matins_allowance(e"))));
	return p;
}

/*
 * find_regime
 *      The allowance rules of a policy, or of the policy it is based on.
 */
static const AllowanceRegime *
find_regime(const MatinsCatalog *cat, const PolicyRow *policy)
{
	for (const PolicyRow *p = policy; p != NULL;
		 p = p->based_on ? catalog_policy(cat, p->based_on) : NULL)
		for (int i = 0; i < (int) lengthof(regimes); i++)
			if (strcmp(regimes[i].policy, p->id) == 0)
				return &regimes[i];
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("policy %s has no allowance rules in matins", policy->id),
			 errhint("Base the policy on one matins implements (matins.policy.based_on).")));
	return NULL;				/* not reached */
}

/*
 * find_month
 *      The contribution of a month, or NULL (contributions are sorted by month).
 */
static const Contribution *
find_month(const Event *e, int month)
{
	int			lo = 0,
				hi = e->ncontrib - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (e->contrib[mid].month == month)
			return &e->contrib[mid];
		if (e->contrib[mid].month < month)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* whether region lies within (or is) area, e.g. 620102 within 620100 */
static bool
region_within(const char *region, const char *area)
{
	char		chain[4][7];
	int			n = region_chain(region, chain);

	for (int i = 0; i < n; i++)
		if (strcmp(chain[i], area) == 0)
			return true;
	return false;
}

static bool
same_province(const char *a, const char *b)
{
	return strncmp(a, b, 2) == 0;
}

/*
 * employer_answers
 *      NM-ARR, LZ-ARR: when the employer is in arrears, it pays the benefits itself at the same
 *      standard, so the months its arrears left unpaid or paid late (a unit employee's months
 *      of the history) count as paid on time: its arrears cannot cost the person her benefits
 *      (the Lanzhou seed's 第十七条: arrears that keep a worker from her benefits make the
 *      employer pay them).  A month missing from the history is no unit's month and does not
 *      count.
 */
static bool
employer_answers(const Event *e, const AllowanceRegime *r, const Contribution *c)
{
	return e->employer_arrears && r->arrears_rule != NULL && c != NULL &&
		(c->person_type == PT_ENTERPRISE || c->person_type == PT_PUBLIC);
}

/*
 * month_status
 *      How a month counts toward continuity.  A month paid elsewhere counts when it was paid in
 *      the event's province (NM-ACC, LZ-AEL) or, under LZ-AEL, in another province.  Without a
 *      gap rule a back-paid month counts when it was paid by the event day (Reading: a payment
 *      after the event cannot make the months continuous "when the costs occur", NM-EL); with
 *      LZ-GAP it is MS_BACK and the gap rule decides.
 */
static MonthStatus
month_status(const Event *e, const AllowanceRegime *r, const Contribution *c)
{
	bool		answered = employer_answers(e, r, c);

	if (c == NULL || (!c->paid && !answered))
		return MS_NONE;
	if (!same_province(c->region, e->region) && !r->other_provinces)
		return MS_NONE;
	if (answered || c->paid_month < 0 || c->paid_month <= c->month)
		return MS_ON;
	if (r->gap_rule == NULL)
		return c->paid_on <= e->event_date ? MS_ON : MS_NONE;
	return MS_BACK;
}

/*
 * first_on_time
 *      The first month from `from` on that is paid on time; -1 when none.
 */
static int
first_on_time(const Event *e, const AllowanceRegime *r, int from)
{
	for (int i = 0; i < e->ncontrib; i++)
		if (e->contrib[i].month >= from && month_status(e, r, &e->contrib[i]) == MS_ON)
			return e->contrib[i].month;
	return -1;
}

/*
 * gap_max_months
 *      LZ-GAP: the longest break that back-payment bridges (the policy's gap.max_months); 0
 *      under a policy without a gap rule.
 */
static int
gap_max_months(const MatinsCatalog *cat, const AllowanceRegime *r, const PolicyRow *policy)
{
	if (r->gap_rule == NULL)
		return 0;
	return whole_months(catalog_constant_required(cat, policy, "gap.max_months", r->gap_rule),
						"gap.max_months");
}

/*
 * break_start
 *      The first month of the run of months not paid on time that ends at month m: the month
 *      after the last one paid on time before it, or the history's first month.
 */
static int
break_start(const Event *e, const AllowanceRegime *r, int m)
{
	while (m >= e->contrib[0].month && month_status(e, r, find_month(e, m)) != MS_ON)
		m--;
	return m + 1;
}

/*
 * break_bridged
 *      LZ-GAP: whether the break of the months b_start .. resume - 1 is continuous: at most
 *      max_gap months, every one of them back-paid in the resumption month itself.  resume < 0:
 *      contributions have not resumed, and nothing bridges the break.
 */
static bool
break_bridged(const Event *e, const AllowanceRegime *r, int b_start, int resume, int max_gap)
{
	if (resume < 0 || resume - b_start > max_gap)
		return false;
	for (int j = b_start; j < resume; j++)
	{
		const Contribution *g = find_month(e, j);

		if (month_status(e, r, g) != MS_BACK || g->paid_month != resume)
			return false;
	}
	return true;
}

/*
 * count_continuous
 *      The continuous months counted back from the month before the event (a->run, most recent
 *      first).  Returns true when the event falls in a break that the gap rule does not bridge
 *      (LZ-GAP: benefits for costs during such a break are not paid).
 *
 *      LZ-GAP, as read here: a break is a run of months not paid on time (missing, unpaid or
 *      back-paid later) between two months paid on time; the later one is the resumption month.
 *      The break stays continuous when it is at most gap.max_months long and every month of it
 *      was back-paid in the resumption month itself (paid_on in that month); its months then
 *      count.  Otherwise continuity restarts at the resumption month.  A resumption month may
 *      lie at or after the event month (back-payment after the birth, in the month
 *      contributions resume).  The event is in the break when its month is one of the break's
 *      months: not when contributions resumed in the event month itself, and, when the month
 *      before was paid on time, only if the event month is recorded as not paid on time or is
 *      missing from a history that goes on after it (a history that ends with the month before
 *      the event says nothing of the event month).
 */
static bool
count_continuous(const MatinsCatalog *cat, const Event *e, const AllowanceRegime *r,
				 Assessment *a)
{
	int			m = e->event_month - 1;
	int			earliest;
	int			max_gap;
	const Contribution *event_month;
	bool		in_break = false;

	a->run = palloc(sizeof(Contribution *) * Max(e->ncontrib, 1));
	a->run_len = 0;
	if (e->ncontrib == 0)
		return false;
	earliest = e->contrib[0].month;
	max_gap = gap_max_months(cat, r, a->policy);

	/*
	 * LZ-GAP: a break that starts in the event month, after a month paid on time or at the
	 * history's first month (a history never paid on time up to the event: 0.8.0).  The months
	 * before the event are still counted (continuous_months).
	 */
	event_month = find_month(e, e->event_month);
	if (r->gap_rule && earliest <= e->event_month && month_status(e, r, event_month) != MS_ON &&
		(event_month != NULL || e->contrib[e->ncontrib - 1].month > e->event_month))
	{
		int			b_start = break_start(e, r, e->event_month);

		if (b_start == e->event_month || b_start <= earliest)
		{
			add_event_note(a, r->gap_rule);
			if (!break_bridged(e, r, b_start, first_on_time(e, r, e->event_month), max_gap))
			{
				add_event_note(a, "gap_not_bridged");
				in_break = true;
			}
			else
				add_event_note(a, "gap_back_paid");
		}
	}

	while (m >= earliest)
	{
		const Contribution *c = find_month(e, m);
		MonthStatus s = month_status(e, r, c);
		int			b_start,
					resume;

		if (s == MS_ON)
		{
			a->run[a->run_len++] = c;
			m--;
			continue;
		}
		if (r->gap_rule == NULL)
		{
			/* NM-ACC: months in another province do not count (national rules, not in seeds) */
			if (c != NULL && c->paid && !same_province(c->region, e->region) && r->accumulate_rule)
			{
				add_event_note(a, r->accumulate_rule);
				add_event_note(a, "months_in_other_province_not_counted");
			}
			break;
		}

		/* LZ-GAP: the break ending at month m; where did it start, when did payment resume */
		b_start = break_start(e, r, m);
		if (b_start <= earliest)
			break;				/* nothing paid on time before: the history starts after it */
		resume = m + 1 < e->event_month ? m + 1 : first_on_time(e, r, e->event_month);
		add_event_note(a, r->gap_rule);
		if (!break_bridged(e, r, b_start, resume, max_gap))
		{
			add_event_note(a, "gap_not_bridged");
			/* in the break unless contributions resumed by the event month */
			return in_break || resume < 0 || resume > e->event_month;
		}
		add_event_note(a, "gap_back_paid");
		for (int j = m; j >= b_start; j--)
			a->run[a->run_len++] = find_month(e, j);
		m = b_start - 1;
	}
	return in_break;
}

/*
 * local_months_from_event
 *      LZ-AEL for people from another province: whether the `need` months from the event month
 *      on were paid in the policy's region, continuously: each paid on time, or in a break that
 *      LZ-GAP bridges (back-paid in the month contributions resumed).
 */
static bool
local_months_from_event(const Event *e, const AllowanceRegime *r, const PolicyRow *policy,
						int need, int max_gap)
{
	for (int m = e->event_month; m < e->event_month + need; m++)
	{
		const Contribution *c = find_month(e, m);
		MonthStatus status = month_status(e, r, c);

		/* unpaid: not a month in Lanzhou, unless the employer in arrears answers for it (LZ-ARR) */
		if (status == MS_NONE || !region_within(c->region, policy->region))
			return false;
		/* a month paid late: the break it is in must be bridged */
		if (status == MS_BACK &&
			!break_bridged(e, r, break_start(e, r, m), first_on_time(e, r, m), max_gap))
			return false;
	}
	return true;
}

/*
 * check_allowance_months
 *      The allowance's contribution conditions (NM-EL, LZ-AEL): enough continuous months, at
 *      the enterprise standard, and for people from another province the local months after
 *      the event, which defer first_payable.  Clears a->allowance when one fails.
 */
static void
check_allowance_months(const MatinsCatalog *cat, const Event *e, const AllowanceRegime *r,
					   Assessment *a)
{
	const char *name = "allowance.min_continuous_months";
	Micro		value;
	int			need;
	int			standard = 0;
	bool		other_province = false;
	bool		elsewhere = false;

	add_event_note(a, r->continuity_rule);
	/* NM-EL: the unemployed on benefit have their own (zero) requirement */
	if (e->person_type == PT_UNEMPLOYED &&
		catalog_constant(cat, a->policy, "unemployed.min_continuous_months", &value))
		name = "unemployed.min_continuous_months";
	else
		value = catalog_constant_required(cat, a->policy, name, r->continuity_rule);
	need = whole_months(value, name);
	a->min_months = need;
	if (need == 0 && e->person_type == PT_UNEMPLOYED)
		add_event_note(a, "unemployed_no_month_condition");

	for (int i = 0; i < a->run_len && i < need; i++)
	{
		const Contribution *c = a->run[i];

		if (!same_province(c->region, e->region))
			other_province = true;
		else if (!region_within(c->region, a->policy->region))
			elsewhere = true;
		if (standard == i &&
			(c->person_type == PT_ENTERPRISE || c->person_type == PT_UNEMPLOYED))
			standard++;
	}
	if (elsewhere && r->accumulate_rule)
	{
		add_event_note(a, r->accumulate_rule);
		add_event_note(a, "months_elsewhere_in_province");
	}

	if (a->continuous_months < need)
	{
		add_event_note(a, "continuous_months_short");
		a->allowance = false;
		return;
	}
	/* LZ-AEL: at the enterprise standard (the unemployment fund's months count, Reading) */
	if (r->enterprise_standard && standard < need)
	{
		add_event_note(a, "not_enterprise_standard");
		a->allowance = false;
		return;
	}
	/*
	 * LZ-AEL, people from another province: the months there count together with Lanzhou's,
	 * and from the event month on the person pays allowance.moved_in_local_months in Lanzhou;
	 * the allowance is payable from the month after.  Reading: the rule applies when a month of
	 * the required run was paid in another province; someone whose last 12 months were all in
	 * Gansu meets the first two clauses of the article already.
	 */
	if (other_province)
	{
		int			local = whole_months(catalog_constant_required(cat, a->policy,
																  "allowance.moved_in_local_months",
																  r->continuity_rule),
										 "allowance.moved_in_local_months");

		add_event_note(a, "moved_in_from_other_province");
		if (!local_months_from_event(e, r, a->policy, local, gap_max_months(cat, r, a->policy)))
		{
			add_event_note(a, "local_months_short");
			a->allowance = false;
			return;
		}
		a->has_first_payable = true;
		a->first_payable = month_start(e->event_month + local);
	}
}

/*
 * check_waiting
 *      The waiting period (JL24-EL, NM-WAIT): the region parameter employee.waiting_months,
 *      not applied while unset (with a note).  The unemployed on benefit use the policy's
 *      constant unemployed.waiting_months where it has one (NM-EL: none).  False when the person
 *      has fewer continuous months than the waiting period.
 */
static bool
check_waiting(const MatinsCatalog *cat, const Event *e, const AllowanceRegime *r, Assessment *a)
{
	Micro		value;
	int			months;

	if (e->person_type == PT_UNEMPLOYED &&
		catalog_constant(cat, a->policy, "unemployed.waiting_months", &value))
	{
		months = whole_months(value, "unemployed.waiting_months");
		if (months == 0)
		{
			if (r->continuity_rule)
				add_event_note(a, r->continuity_rule);
			add_event_note(a, "unemployed_no_waiting_period");
			return true;
		}
		add_event_note(a, r->waiting_rule);
	}
	else if (catalog_param(cat, e->region, "employee.waiting_months", e->event_date, &value))
	{
		months = whole_months(value, "employee.waiting_months");
		add_event_note(a, r->waiting_rule);
	}
	else
	{
		add_event_note(a, r->waiting_rule);
		add_event_note(a, "waiting_period_not_applied");
		return true;
	}
	if (a->continuous_months >= months)
		return true;
	add_event_note(a, "waiting_period_not_met");
	return false;
}

/*
 * assess_event
 *      Eligibility of an event's person: policy, class, continuous months, medical benefits,
 *      allowance and its first payable day, the application deadline.
 */
void
assess_event(const MatinsCatalog *cat, const Event *e, const char *policy_name, Assessment *a)
{
	const AllowanceRegime *r;
	bool		in_break;

	memset(a, 0, sizeof(Assessment));
	a->policy = resolve_policy(cat, e, policy_name);
	a->regime = r = find_regime(cat, a->policy);
	a->who = r->who[e->person_type];
	if (a->policy->draft)
		add_event_note(a, "draft_policy");

	if (a->who.class == PC_NO_RULE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no rule covers person_type \"%s\" for a maternity event under policy %s",
						person_type_names[e->person_type], a->policy->id),
				 errdetail("The documents matins implements give no maternity benefits for this person type in region %s (%s).",
						   e->region, a->who.rule),
				 errhint("Check person_type; rules.md §0 lists the person types each region covers.")));
	if (a->who.class == PC_ALLOWANCE_IF_INSURED)
	{
		a->who.class = e->maternity_insured ? PC_ALLOWANCE : PC_NONE;
		if (!e->maternity_insured)
			add_event_note(a, "NM-NOMI");
	}

	in_break = count_continuous(cat, e, r, a);
	a->continuous_months = a->run_len;
	if (e->ncontrib == 0)
		add_event_note(a, "no_contributions");

	/* who gets what: LZ-WHO, JL24-AL, NM-COV */
	a->medical = a->who.class == PC_MEDICAL || a->who.class == PC_ALLOWANCE;
	a->allowance = a->who.class == PC_ALLOWANCE;
	if (a->who.class == PC_MEDICAL)
	{
		add_event_note(a, a->who.rule);
		add_event_note(a, "medical_only");
	}
	else if (a->who.class == PC_NONE)
	{
		add_event_note(a, a->who.rule);
		add_event_note(a, "not_maternity_insured");
	}

	/* LZ-GAP: the event falls in a break that was not bridged */
	if (a->medical && in_break)
	{
		add_event_note(a, "event_in_break");
		a->medical = a->allowance = false;
	}

	/* JL24-EL, NM-WAIT */
	if (a->medical && r->waiting_rule && !check_waiting(cat, e, r, a))
	{
		a->medical = false;
		if (r->waiting_covers_allowance)
			a->allowance = false;
	}

	/* JL24-AL: no allowance for male nursing leave in Jilin (Reading) */
	if (a->allowance && e->event == EV_PATERNITY && !r->nursing_allowance)
	{
		add_event_note(a, r->allowance_rule);
		add_event_note(a, "no_nursing_leave_allowance");
		a->allowance = false;
	}

	if (a->allowance && r->continuity_rule)
		check_allowance_months(cat, e, r, a);

	/* NM-EL: a normal contribution status when the allowance is claimed */
	if (a->allowance && r->claim_status_rule && e->has_claim_date)
	{
		const Contribution *c = find_month(e, date_month(e->claim_date));

		if (c != NULL && !c->paid && !employer_answers(e, r, c))
		{
			add_event_note(a, r->claim_status_rule);
			add_event_note(a, "not_contributing_when_claimed");
			a->allowance = false;
		}
	}

	/* LZ-AL, LZ-DIR: apply within a year of the event; past it, nothing is payable */
	if (r->apply_rule)
	{
		int			months = whole_months(catalog_constant_required(cat, a->policy,
																   "allowance.apply_within_months",
																   r->apply_rule),
										  "allowance.apply_within_months");

		a->has_apply_by = true;
		a->apply_by = date_add_months(e->event_date, months);
		if (e->has_claim_date && e->claim_date > a->apply_by)
		{
			add_event_note(a, r->apply_rule);
			add_event_note(a, "LZ-DIR");
			add_event_note(a, "apply_by_passed");
			a->allowance = false;
		}
	}

	if (a->allowance)
	{
		add_event_note(a, r->allowance_rule);
		if (!a->has_first_payable)
		{
			a->has_first_payable = true;
			a->first_payable = e->event_date;
		}
	}
	else
		a->has_first_payable = false;
}

/*
 * allowance.h
 *      Maternity events (matins.event) decoded into C, and what the allowance functions compute
 *      from them: eligibility (eligibility.c), allowance days, base and amount (allowance.c).
 *
 * Months are counted as integers, year × 12 + (month − 1), so that "the month before the
 * event" is event_month − 1 and a gap is a difference of two integers.
 */
#ifndef MATINS_ALLOWANCE_H
#define MATINS_ALLOWANCE_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "fmgr.h"
#include "utils/date.h"

#include "catalog.h"
#include "codes.h"
#include "money.h"

typedef enum EventKind
{
	EV_BIRTH, EV_TERMINATION, EV_PATERNITY, N_EVENT_KINDS
} EventKind;

extern const char *const event_names[];

/* one month of contributions (matins.contribution) */
typedef struct Contribution
{
	int			month;			/* year × 12 + month − 1 */
	int			position;		/* 1-based position in the event's array, for messages */
	char		region[7];		/* where it was paid */
	bool		paid;
	int			paid_month;		/* month of paid_on; -1 when paid on time (paid_on NULL) */
	DateADT		paid_on;		/* DATE_NO_END when NULL */
	bool		has_base;
	Fen			base;
	PersonType	person_type;
} Contribution;

/* a maternity event (matins.event) */
typedef struct Event
{
	char		region[7];
	EventKind	event;
	DateADT		event_date;
	int			event_month;
	PersonType	person_type;
	bool		maternity_insured;
	int			gestation_months;	/* -1 when not given */
	int			infants;
	bool		dystocia;
	int			birth_order;
	bool		has_unit_avg_wage;
	Fen			unit_avg_wage;
	bool		has_claim_date;
	DateADT		claim_date;
	bool		employer_arrears;
	int			ncontrib;
	Contribution *contrib;		/* sorted by month; months unique */
} Event;

/* what a call site keeps between calls (fn_extra): the composite types' descriptors */
typedef struct EventTypeCache
{
	Oid			type_id;
	TupleDesc	event_desc;
	TupleDesc	contrib_desc;
	int16		contrib_typlen;
	bool		contrib_typbyval;
	char		contrib_typalign;
	TupleDesc	result_desc;	/* blessed matins.allowance or matins.eligibility */
} EventTypeCache;

/* who a person type is under a policy's allowance rules */
typedef enum PersonClass
{
	PC_NO_RULE,					/* no document covers the type: an error */
	PC_NONE,					/* not in maternity insurance: neither benefit */
	PC_MEDICAL,					/* maternity medical benefits only */
	PC_ALLOWANCE,				/* medical benefits and the allowance */
	PC_ALLOWANCE_IF_INSURED		/* PC_ALLOWANCE when maternity_insured, else PC_NONE (NM-COV) */
} PersonClass;

/* where the allowance's monthly base comes from */
typedef enum BaseKind
{
	BASE_NONE,
	BASE_UNIT_WAGE,				/* the employer's average monthly wage of last year */
	BASE_OWN,					/* the person's own contribution base (NM-AL) */
	BASE_AVERAGE,				/* average base of the months before the event (LZ-AL) */
	BASE_UNEMPLOYED				/* region parameter allowance.unemployed_base */
} BaseKind;

typedef struct PersonRule
{
	PersonClass class;
	const char *rule;			/* the rule id that says so */
	BaseKind	base;
} PersonRule;

/*
 * The shape of one policy's allowance and eligibility rules.  The numbers (months, grants,
 * ratios, divisor) are catalog data: policy constants and region parameters.  A policy based on
 * another (Baotou on Inner Mongolia) uses the other's regime.
 */
typedef struct AllowanceRegime
{
	const char *policy;
	PersonRule	who[N_PERSON_TYPES];
	const char *waiting_rule;	/* employee.waiting_months applies (JL24-EL, NM-WAIT) */
	bool		waiting_covers_allowance;	/* the waiting period also gates the allowance */
	const char *continuity_rule;	/* constant allowance.min_continuous_months (NM-EL, LZ-AEL) */
	const char *accumulate_rule;	/* months elsewhere in the province count (NM-ACC, LZ-AEL) */
	const char *gap_rule;		/* constant gap.max_months: back-paid breaks (LZ-GAP) */
	bool		other_provinces;	/* months in other provinces count, with the local-months
									 * rule (LZ-AEL) */
	bool		enterprise_standard;	/* the months must be at the enterprise standard (LZ-AEL) */
	const char *claim_status_rule;	/* unpaid at the claim month: no allowance (NM-EL) */
	const char *allowance_rule; /* where the allowance is defined (JL24-AL, NM-AL, LZ-AL) */
	const char *payee;			/* 'person' or 'employer' */
	const char *payee_rule;
	bool		nursing_allowance;	/* paternity (nursing leave) gets an allowance */
	const char *arrears_rule;	/* an employer in arrears pays itself (NM-ARR, LZ-ARR); NULL: no
								 * rule */
	bool		arrears_pre_leave_wage; /* ... the allowance at the pre-leave wage (NM-ARR) */
	const char *apply_rule;		/* constant allowance.apply_within_months (LZ-AL, LZ-DIR) */
	const char *grant_rule;		/* constant prenatal.grant (LZ-PN), spouse.ratio (LZ-SPO) */
} AllowanceRegime;

#define MAX_EVENT_NOTES 32

/* what the functions compute for an event */
typedef struct Assessment
{
	const PolicyRow *policy;
	const AllowanceRegime *regime;
	PersonRule	who;
	bool		medical;
	bool		allowance;
	int			continuous_months;
	int			min_months;		/* the continuous months the allowance needs (0: none) */
	const Contribution **run;	/* the continuous months, the most recent first */
	int			run_len;
	bool		has_first_payable;
	DateADT		first_payable;
	bool		has_apply_by;
	DateADT		apply_by;
	int			days;
	bool		has_base;
	Fen			base;
	Fen			daily;
	Fen			amount;
	Fen			grant;
	const char *payee;			/* NULL when nothing is paid */
	const char *payer;
	int			n_notes;
	const char *notes[MAX_EVENT_NOTES];
} Assessment;

/* event.c */
extern void event_decode(Datum event_datum, EventTypeCache *tc, MemoryContext cxt, Event *e);
extern int	date_month(DateADT d);
extern DateADT month_start(int month);
extern DateADT date_add_months(DateADT d, int months);

/* eligibility.c */
extern void add_event_note(Assessment *a, const char *note);
extern void assess_event(const MatinsCatalog *cat, const Event *e, const char *policy_name,
						 Assessment *a);

/* allowance.c */
extern void compute_leave_days(const MatinsCatalog *cat, const Event *e, Assessment *a);
extern void compute_allowance(const MatinsCatalog *cat, const Event *e, Assessment *a);

#endif							/* MATINS_ALLOWANCE_H */

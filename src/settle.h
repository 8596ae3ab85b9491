/*
 * settle.h
 *      The pure settlement core: settle(claim, usage) -> settlement (+ usage after, + steps).
 *      No SQL inside: catalogs come from the cache, usage from the caller.
 */
#ifndef MATINS_SETTLE_H
#define MATINS_SETTLE_H

#include "postgres.h"

#include "access/htup_details.h"

#include "catalog.h"
#include "claim.h"
#include "money.h"

#define MAX_DISEASES	24		/* CH01..CH23: the 18 of JL19-CH and at most 5 of a region's own */
#define MAX_ART_USED	32
#define MAX_PACKAGE		64
#define MAX_NOTES		16
#define STEPS_FIRST		64		/* steps room explain starts with; it doubles when full */

/* usage of one calendar year (JL19-IP, JL19-OP, JL19-CH, JL19-SP, JL24-ART-2, NM/WZ caps) */
typedef struct YearUsage
{
	int			year;			/* 0: not started */
	Fen			inpatient_position; /* cumulative in-scope inpatient + special (JL19-IP) */
	Fen			resident_fund_paid; /* toward the resident yearly maximum */
	Fen			employee_fund_paid; /* toward employee.annual_cap */
	Fen			art_deductible_paid;
	Fen			special_deductible_paid;
	Fen			outpatient_deductible_paid;
	Fen			outpatient_fund_paid;	/* general outpatient, toward its limit */
	Fen			outpatient_chronic_fund_paid;	/* general + chronic, toward the ceiling */
	/* per disease, toward its quota: only the diseases in chronic_set hold values (the others
	 * are zero), so a new year clears the word above and not the arrays (YEAR_CHRONIC) */
	uint32		chronic_set;
	Fen			chronic_in_scope[MAX_DISEASES];
	Fen			chronic_fund_paid[MAX_DISEASES];
	Fen			chronic_deductible_paid[MAX_DISEASES];
} YearUsage;

/* usage of one pregnancy (JL24-PN, WZ-PN, NM-PN, LZ-SCR) */
typedef struct PregnancyUsage
{
	int64		pregnancy_id;
	Fen			prenatal_paid;
	bool		screening_used;
	/* by index in the policy's package: only the items in package_set hold counts (the others
	 * are zero; PREG_PACKAGE) */
	uint64		package_set;
	int16		package_counts[MAX_PACKAGE];
} PregnancyUsage;

/* a disease's counter of the year, or a package item's count of the pregnancy (0 when unset) */
#define YEAR_CHRONIC(y, field, d) \
	((((y)->chronic_set >> (d)) & 1) ? (y)->field[d] : 0)
#define PREG_PACKAGE(p, i) \
	((((p)->package_set >> (i)) & 1) ? (p)->package_counts[i] : 0)

/*
 * year_chronic_touch / pregnancy_package_touch
 *      Make a disease's counters (an item's count) hold values, zero on first use, before they
 *      are written.
 */
static inline void
year_chronic_touch(YearUsage *y, int d)
{
	if (((y->chronic_set >> d) & 1) == 0)
	{
		y->chronic_in_scope[d] = y->chronic_fund_paid[d] = y->chronic_deductible_paid[d] = 0;
		y->chronic_set |= (uint32) 1 << d;
	}
}

static inline void
pregnancy_package_touch(PregnancyUsage *p, int i)
{
	if (((p->package_set >> i) & 1) == 0)
	{
		p->package_counts[i] = 0;
		p->package_set |= (uint64) 1 << i;
	}
}

/* everything a person has used before a claim */
typedef struct Usage
{
	YearUsage	year;
	PregnancyUsage *pregnancies;	/* first_pregnancy until a second one is needed */
	PregnancyUsage first_pregnancy;
	int			n_pregnancies;
	int			max_pregnancies;
	/*
	 * JL19-IP referral: the deductible standard of the person's last inpatient stay.  A referral
	 * counts it whatever the year the referring stay fell in, so a new year leaves it.
	 */
	Fen			last_stay_deductible;
	DateADT		last_stay_date;	/* its service date; DATEVAL_NOBEGIN: not known */
	int			n_art_used;		/* JL24-ART-4: items paid once per person */
	char		art_used[MAX_ART_USED][10];
	MemoryContext cxt;			/* where pregnancies grow */
} Usage;

typedef struct Step
{
	const char *rule;
	Fen			basis;			/* -1: none */
	Micro		rate;			/* -1: none */
	Fen			amount;
	const char *note;
} Step;

typedef struct Settlement
{
	const char *policy;
	const char *route;
	const PolicyRow *policy_row;
	const RouteRow *route_row;
	Fen			total,
				self_pay,
				over_limit,
				pre_self_pay,
				in_scope,
				deductible,
				copay,
				over_cap;
	TransferTo	transfer_to;
	Fen			maternity_fund,
				pooled_fund,
				fund_total,
				personal;
	int			n_notes;
	/* explain: the steps, in memory explain allocates (NULL: not explaining, none recorded) */
	int			max_steps;
	Step	   *steps;
	int			n_steps;
	/* the array last: settlement_reset leaves it (n_notes says what is used); a field added
	 * before it is added to settlement_reset */
	const char *notes[MAX_NOTES];
} Settlement;

/*
 * settlement_reset
 *      A settlement before settle(): amounts zero, no notes, no steps recorded (explain then
 *      calls settlement_record_steps).  Field by field, every field before the notes array: a
 *      memset of this size is compiled to `rep stos`, which takes longer to start than these
 *      stores take (once a row).
 */
static inline void
settlement_reset(Settlement *s)
{
	StaticAssertStmt(offsetof(Settlement, notes) ==
					 TYPEALIGN(sizeof(void *), offsetof(Settlement, n_steps) + sizeof(int)),
					 "n_steps is the last field before the notes array");
	s->policy = s->route = NULL;
	s->policy_row = NULL;
	s->route_row = NULL;
	s->total = s->self_pay = s->over_limit = s->pre_self_pay = s->in_scope = s->deductible = 0;
	s->copay = s->over_cap = s->maternity_fund = s->pooled_fund = s->fund_total = s->personal = 0;
	s->transfer_to = TRANSFER_NONE;
	s->n_notes = 0;
	s->max_steps = 0;
	s->steps = NULL;
	s->n_steps = 0;
}

/* what a handler works with */
typedef struct SettleContext
{
	const MatinsCatalog *cat;
	const Claim *claim;
	const PolicyRow *policy;	/* the policy that decides the payment */
	const PolicyRow *rows_policy;	/* whose catalog rows apply (based_on) */
	const PolicyRow *resident_policy;	/* resident_medical policy in force, if any */
	const RouteRow *route;
	Usage	   *usage;
	PregnancyUsage *pregnancy;
	Settlement *s;
} SettleContext;

/* the core */
extern void settle(const MatinsCatalog *cat, const Claim *claim, const char *policy_name,
				   Usage *usage, Settlement *s);

/* the matins.settlement row type as a call site writes it (settlement_tuple.c) */
typedef struct SettlementShape
{
	TupleDesc	desc;			/* blessed matins.settlement */
	char		header[SizeofHeapTupleHeader];	/* of a row heap_form_tuple formed: datum
												 * type and version */
	bool		direct;			/* the expected layout: rows are written field by field */
} SettlementShape;

extern void settlement_shape_init(SettlementShape *shape, TupleDesc desc);

/* a settlement as a matins.settlement datum */
extern Datum settlement_datum(const MatinsCatalog *cat, const Claim *claim, const Settlement *s,
							  const SettlementShape *shape);

/*
 * the same as an expanded record (utils/expandedrecord.h), for a call in an expression;
 * tupdesc_id: the typcache's identifier of the settlement type's descriptor
 */
extern Datum settlement_expanded(const MatinsCatalog *cat, const Claim *claim,
								 const Settlement *s, const SettlementShape *shape,
								 uint64 tupdesc_id);

/*
 * settle_sql.c: a running settlement, claim after claim of one person, as matins_settle_run's
 * transition keeps it and its window node (settle_run_scan.c) too
 */
typedef struct RunState RunState;
extern const char *policy_cstring(char **cache, MemoryContext cxt, text *policy);
extern RunState *settle_run_begin(MemoryContext cxt);
extern void settle_run_refuse_null(void) pg_attribute_noreturn();
extern void settle_run_decode(Datum datum, ClaimTypeCache *claim_type, MemoryContext cache_cxt,
							  Claim *claim);
extern void settle_run_add(RunState *st, const Claim *claim, const char *policy);
extern int64 settle_run_person(const RunState *st);
extern Datum settle_run_expanded(const RunState *st, const SettlementShape *shape,
								 uint64 tupdesc_id);
extern void settle_run_split_error(int64 person_id);
extern void settle_run_frame_past_row_error(int64 row, int64 last) pg_attribute_noreturn();

/*
 * the same functions as a table, which the window node takes from the library of the aggregate
 * it runs (matins_settle_run_api): a copy of the library loaded beside the installed one, as
 * scripts/pgo's, then runs its own code
 */
typedef struct SettleRunApi
{
	RunState   *(*begin) (MemoryContext cxt);
	void		(*refuse_null) (void);
	void		(*decode) (Datum datum, ClaimTypeCache *claim_type, MemoryContext cache_cxt,
						   Claim *claim);
	void		(*add) (RunState *st, const Claim *claim, const char *policy);
	int64		(*person) (const RunState *st);
	Datum		(*expanded) (const RunState *st, const SettlementShape *shape, uint64 tupdesc_id);
	void		(*split_error) (int64 person_id);
	void		(*frame_past_row_error) (int64 row, int64 last);
	void		(*shape_init) (SettlementShape *shape, TupleDesc desc);
} SettleRunApi;

extern const SettleRunApi *matins_settle_run_api(void);

/* settlement_record.c: the records settlement_expanded returns, lent from a pool */
struct ExpandedRecordHeader;
extern struct ExpandedRecordHeader *settlement_record_lend(const SettlementShape *shape,
														   uint64 tupdesc_id, Size room,
														   char **values);
extern void settlement_record_fill(struct ExpandedRecordHeader *erh, char *values, Size len);

/* usage */
extern void usage_init(Usage *u, MemoryContext cxt);
extern void usage_enter_year(Usage *u, int year);
extern PregnancyUsage *usage_pregnancy(Usage *u, int64 pregnancy_id);
extern bool usage_art_used(const Usage *u, const char *code);
extern void usage_mark_art(Usage *u, const char *code);
extern void usage_from_jsonb(Usage *u, Datum jsonb, const Claim *claim);
extern Datum usage_year_jsonb(const YearUsage *y);
extern Datum usage_pregnancy_jsonb(const MatinsCatalog *cat, const PregnancyUsage *p);
extern Datum usage_art_jsonb(const Usage *u, int from);
extern void usage_difference(const Usage *before, const PregnancyUsage *pbefore,
							 const Usage *after, const PregnancyUsage *pafter,
							 Usage *delta, PregnancyUsage *dp);
extern void usage_subtract(Usage *u, PregnancyUsage *p, const Usage *delta,
						   const PregnancyUsage *dp);

/* make a settlement record its steps for matins_explain, in the current memory context */
extern void settlement_record_steps(Settlement *s);

/* helpers for handlers (settle.c) */
extern void add_note(Settlement *s, const char *note);
extern void add_step_impl(Settlement *s, const char *rule, Fen basis, Micro rate, Fen amount,
						  const char *note);

/* record a step for matins_explain; the arguments are not even evaluated otherwise */
#define add_step(s, ...) \
	do { if ((s)->steps != NULL) add_step_impl((s), __VA_ARGS__); } while (0)
extern Micro route_param(SettleContext *ctx, const char *name);
extern const char *charge_class_b(SettleContext *ctx, Fen class_b);
extern Fen cap_remaining(SettleContext *ctx, Fen **paid);
extern void pay(SettleContext *ctx, Fen fund_calc);
extern const char *level_name(SettleContext *ctx, const char *prefix, const char *rule);
#define LEVEL_NAME_LEN 64
extern Micro required_constant(SettleContext *ctx, const char *name);
extern void pay_nothing(SettleContext *ctx, const char *rule, const char *reason, TransferTo to);

/* whether an item is in a policy's prenatal catalog (package or list; maternity.c) */
extern bool prenatal_item_known(const MatinsCatalog *cat, const PolicyRow *rows_policy,
								const char *code);

/* handlers (src/rules/: maternity.c, basic.c, art.c) */
extern void handle_full(SettleContext *ctx);
extern void handle_transfer(SettleContext *ctx);
extern void handle_prenatal_cap(SettleContext *ctx);
extern void handle_prenatal_package(SettleContext *ctx);
extern void handle_prenatal_list(SettleContext *ctx);
extern void handle_quota(SettleContext *ctx);
extern void handle_employee_inpatient(SettleContext *ctx);
extern void handle_resident_inpatient(SettleContext *ctx);
extern void handle_resident_special(SettleContext *ctx);
extern void handle_resident_outpatient(SettleContext *ctx);
extern void handle_resident_chronic(SettleContext *ctx);
extern void handle_art(SettleContext *ctx);

#endif							/* MATINS_SETTLE_H */

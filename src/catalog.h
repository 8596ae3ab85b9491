/*
 * catalog.h
 *      The per-backend cache of the matins catalogs, rebuilt when the catalog generation moves.
 */
#ifndef MATINS_CATALOG_H
#define MATINS_CATALOG_H

#include "postgres.h"

#include "utils/date.h"

#include "codes.h"
#include "money.h"

/* a region code ("220100") as one word, for quick comparison */
static inline uint64
region_key(const char *region)
{
	uint32		lo;
	uint16		hi;

	/*
	 * Two loads of the sizes the code was stored with (four bytes and two), combined in a
	 * register: six bytes copied into a zeroed word and read back as eight would wait for the
	 * stores to reach memory (no store-to-load forwarding), on every row.
	 */
	memcpy(&lo, region, sizeof(lo));
	memcpy(&hi, region + sizeof(lo), sizeof(hi));
	return (uint64) lo | (uint64) hi << 32;
}

/*
 * The first eight bytes of a string, zero-padded, as one word: two strings whose keys differ
 * differ, so a search compares keys and calls strcmp only when they are equal.
 */
static inline uint64
string_key(const char *s)
{
	uint64		key = 0;

	for (int i = 0; i < 8 && s[i] != '\0'; i++)
		key |= (uint64) (uint8) s[i] << (8 * i);
	return key;
}

/* the extension version whose catalogs this library reads (matins.control's default_version) */
#define MATINS_LIBRARY_VERSION "0.9.1"

#define DATE_NO_END		DATEVAL_NOEND
#define DATE_NO_BEGIN	DATEVAL_NOBEGIN

typedef struct PolicyRow
{
	char	   *id;
	Datum		id_text;		/* id as a text datum, for results */
	char	   *region;
	bool		maternity;		/* scope maternity (else resident_medical) */
	bool		draft;
	DateADT		valid_from;		/* DATE_NO_BEGIN for a draft */
	DateADT		valid_to;		/* inclusive; DATE_NO_END when open */
	char	   *based_on;		/* NULL when none */
} PolicyRow;

/* the magnitude a region parameter must stay below (it is held in millionths) */
#define PARAM_VALUE_LIMIT 1000000000

typedef struct ParamRow
{
	char	   *region;
	char	   *name;
	Micro		value;
	bool		unusable;		/* NaN, infinite or too large: an error when looked up */
	char	   *value_text;		/* the stored value, for that error (NULL when usable) */
	DateADT		valid_from;
	DateADT		valid_to;		/* inclusive; DATE_NO_END when open */
	bool		shipped;
} ParamRow;

typedef struct ConstantRow
{
	char	   *policy;
	char	   *name;
	Micro		value;
} ConstantRow;

typedef enum ArtUnit
{
	ART_UNIT_PROCEDURE, ART_UNIT_EMBRYO, ART_UNIT_EGG
} ArtUnit;

typedef enum SurchargeKind
{
	SURCHARGE_NONE, SURCHARGE_AMOUNT, SURCHARGE_PERCENT, SURCHARGE_PER_EXTRA_UNIT
} SurchargeKind;

#define INDICATION_MONOGENIC	0x1
#define INDICATION_CHROMOSOMAL	0x2

typedef struct ArtItemRow
{
	char	   *policy;
	char	   *code;
	ArtUnit		unit;
	Fen			price;
	SurchargeKind surcharge_kind;
	Micro		surcharge_value;	/* millionths of a yuan (amount) or of the price (percent) */
	bool		surcharge_payable;
	Fen			price_cap;		/* -1 when none */
	ItemClass	item_class;
	bool		once_per_person;
	int			indications;	/* bitmask; 0 when the item has no condition */
} ArtItemRow;

typedef struct PackageItemRow
{
	char	   *policy;
	char	   *code;
	int			base_count;
	char	   *alt_group;		/* NULL when the item stands alone */
	int			group_count;
} PackageItemRow;

typedef struct ListItemRow
{
	char	   *policy;
	int			visit;			/* 0 for the optional items */
	char	   *name;
} ListItemRow;

typedef struct HospitalRow
{
	char	   *policy;
	Benefit		benefit;
	char	   *hospital;
} HospitalRow;

typedef struct QuotaRow
{
	char	   *policy;
	Benefit		benefit;
	Setting		setting;
	Procedure	procedure;		/* PROC_NONE for a benefit-wide quota */
	Fen			quota;
	int			min_level;		/* 0 when any level */
	bool		designated_only;
	bool		per_pregnancy;
	char	   *source;
} QuotaRow;

typedef struct BandRow
{
	char	   *policy;
	Scheme		scheme;
	int			level;
	Fen			lower;
	Fen			upper;			/* -1 when open */
	Micro		ratio;
} BandRow;

typedef struct DiseaseRow
{
	char	   *policy;
	char	   *code;
	uint64		code_key;		/* string_key(code) */
	Fen			quota;			/* chronic: yearly policy-scope quota; special: 0 */
	Fen			fund_max;		/* chronic: yearly fund maximum; special: 0 */
	bool		no_rule;		/* special: governed by a document matins lacks */
} DiseaseRow;

typedef enum Handler
{
	H_FULL, H_TRANSFER, H_PRENATAL_CAP, H_PRENATAL_PACKAGE, H_PRENATAL_LIST, H_QUOTA,
	H_EMPLOYEE_INPATIENT, H_RESIDENT_INPATIENT, H_RESIDENT_SPECIAL, H_RESIDENT_OUTPATIENT,
	H_RESIDENT_CHRONIC, H_ART, N_HANDLERS
} Handler;

extern const char *const handler_names[];

typedef struct RouteRow
{
	char	   *policy;
	int			seq;
	Benefit		benefit;
	int			setting;		/* -1: any */
	int			scheme;			/* -1: any */
	uint32		person_types;	/* bitmask of PersonType; 0: any */
	int			insured;		/* -1: any; else 0/1 */
	uint32		procedures;		/* bitmask of Procedure; 0: any */
	uint32		locations;		/* bitmask of Location; 0: any */
	int			critical;		/* -1: any; else 0/1: claim_critically_ill() must be so */
	Handler		handler;
	char	   *route;
	Datum		route_text;		/* route as a text datum, for results */
	bool		maternity_fund;
	Micro		ratio;
	char	   *ratio_param;
	char	   *cap_param;
	char	   *cap_constant;
	bool		cap_resident;	/* the cap is the resident yearly maximum (a resident.* name) */
	TransferTo	cap_transfer;
	bool		delegate_resident;
	char	   *source;
} RouteRow;

typedef struct RuleRow
{
	char	   *id;
	char	   *document;
	char	   *article;
} RuleRow;

typedef struct LeaveRow
{
	char	   *region;
	char	   *event;
	char	   *component;
	int			order_lo;
	int			order_hi;		/* exclusive; INT_MAX when open */
	int			gest_lo;
	int			gest_hi;		/* exclusive; INT_MAX when open */
	int			days;
	char	   *source;
} LeaveRow;

typedef struct RateRow
{
	char	   *policy;
	PersonType	person_type;
	char	   *payer;
	bool		has_rate;
	Micro		rate;
	Micro		min_rate;
	Micro		max_rate;
	char	   *param_name;		/* NULL when the rate is fixed */
	char	   *source;
} RateRow;

/* a table of rows of one kind */
#define CATALOG_ARRAY(type, field) type *field; int n_##field

typedef struct MatinsCatalog
{
	uint64		generation;
	MemoryContext cxt;
	CATALOG_ARRAY(PolicyRow, policies);
	CATALOG_ARRAY(ParamRow, params);
	CATALOG_ARRAY(ConstantRow, constants);
	CATALOG_ARRAY(ArtItemRow, art_items);
	CATALOG_ARRAY(PackageItemRow, package_items);
	CATALOG_ARRAY(ListItemRow, list_items);
	CATALOG_ARRAY(HospitalRow, hospitals);
	CATALOG_ARRAY(QuotaRow, quotas);
	CATALOG_ARRAY(BandRow, bands);
	CATALOG_ARRAY(DiseaseRow, chronic);
	CATALOG_ARRAY(DiseaseRow, special);
	CATALOG_ARRAY(RouteRow, routes);
	CATALOG_ARRAY(RuleRow, rules);
	CATALOG_ARRAY(LeaveRow, leave);
	CATALOG_ARRAY(RateRow, rates);
	char	  **known_provinces;	/* region codes of level province */
	int			n_known_provinces;
} MatinsCatalog;

/* the catalogs as of the current generation (loaded through SPI when stale) */
extern const MatinsCatalog *catalog_get(void);

/* regions: the chain of codes to look a region up under (validates the code) */
extern int	region_chain(const char *region, char chain[4][7]);
/* whether a six-digit code's first two digits are a province of GB/T 2260 */
extern bool region_province_exists(const char *region);
extern void check_region_covered(const MatinsCatalog *cat, const char *region);

extern const PolicyRow *catalog_policy(const MatinsCatalog *cat, const char *id);
extern const PolicyRow *catalog_policy_in_force(const MatinsCatalog *cat, const char *region,
												bool maternity, DateADT on);
extern char *catalog_policies_hint(const MatinsCatalog *cat, const char *region, const char *call);
extern bool catalog_param(const MatinsCatalog *cat, const char *region, const char *name,
						  DateADT on, Micro *value);
extern bool catalog_param_stretch(const MatinsCatalog *cat, const char *region, const char *name,
								  DateADT on, Micro *value, DateADT *from, DateADT *to);
/* a parameter that must be set: an error naming it, the region and the date when unset */
extern Micro catalog_param_required(const MatinsCatalog *cat, const char *region,
									const char *name, DateADT on);
extern bool catalog_constant(const MatinsCatalog *cat, const PolicyRow *policy,
							 const char *name, Micro *value);
extern const RuleRow *catalog_rule(const MatinsCatalog *cat, const char *id);
extern const DiseaseRow *catalog_disease_row(const DiseaseRow *rows, int n, const char *policy,
											 const char *code);
extern const ArtItemRow *catalog_art_item(const MatinsCatalog *cat, const char *policy,
										  const char *code);

/* a constant the policy must fix: an error naming it and the rule that needs it when missing */
extern Micro catalog_constant_required(const MatinsCatalog *cat, const PolicyRow *policy,
									   const char *name, const char *rule);

/* a policy named for a what-if: unknown ids and policies of other regions are errors */
extern const PolicyRow *catalog_named_policy(const MatinsCatalog *cat, const char *name,
											 const char *region, const char *what);

/* a date as ISO text, for messages */
extern const char *date_text(DateADT d);
extern int	date_year(DateADT d);

/* the policy a policy's rows come from: itself if it has rows of that kind, else its base */
extern const PolicyRow *policy_base(const MatinsCatalog *cat, const PolicyRow *policy);

#endif							/* MATINS_CATALOG_H */

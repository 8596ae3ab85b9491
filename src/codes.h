/*
 * codes.h
 *      The coded values of the public surface (contract: Codes) as C enums.
 */
#ifndef MATINS_CODES_H
#define MATINS_CODES_H

#include "postgres.h"

typedef enum Scheme
{
	SCHEME_EMPLOYEE, SCHEME_RESIDENT, N_SCHEMES
} Scheme;

typedef enum PersonType
{
	PT_ENTERPRISE, PT_PUBLIC, PT_FLEXIBLE, PT_UNEMPLOYED, PT_RETIREE, PT_RESIDENT, PT_SPOUSE,
	N_PERSON_TYPES
} PersonType;

typedef enum Benefit
{
	BEN_PRENATAL, BEN_SCREENING, BEN_DELIVERY, BEN_FAMILY_PLANNING, BEN_ART, BEN_OUTPATIENT,
	BEN_CHRONIC, BEN_SPECIAL, BEN_DAY_SURGERY, BEN_INPATIENT, N_BENEFITS
} Benefit;

typedef enum Setting
{
	SETTING_OUTPATIENT, SETTING_INPATIENT, N_SETTINGS
} Setting;

typedef enum Procedure
{
	PROC_NONE, PROC_IUD_INSERT, PROC_IUD_REMOVE, PROC_ABORTION, PROC_MEDICAL_ABORTION,
	PROC_INDUCED_LABOUR, PROC_TUBAL_LIGATION, PROC_VAS_LIGATION, PROC_TUBAL_REVERSAL,
	PROC_VAS_REVERSAL, PROC_IMPLANT, N_PROCEDURES
} Procedure;

typedef enum Location
{
	LOC_LOCAL, LOC_PROVINCE, LOC_NATIONAL, N_LOCATIONS
} Location;

typedef enum Referral
{
	REF_NONE, REF_UP, REF_DOWN, N_REFERRALS
} Referral;

typedef enum ItemClass
{
	CLASS_CATALOG,				/* NULL: look the item up */
	CLASS_A, CLASS_B, CLASS_SELF, N_ITEM_CLASSES
} ItemClass;

typedef enum TransferTo
{
	TRANSFER_NONE, TRANSFER_GENERAL_OUTPATIENT, TRANSFER_CRITICAL_ILLNESS, TRANSFER_PERSONAL,
	N_TRANSFERS
} TransferTo;

extern const char *const scheme_names[];
extern const char *const person_type_names[];
extern const char *const benefit_names[];
extern const char *const setting_names[];
extern const char *const procedure_names[];
extern const char *const location_names[];
extern const char *const referral_names[];
extern const char *const item_class_names[];
extern const char *const transfer_names[];

/*
 * Look a code up in a table of names; an unknown code is an error naming the field, the value
 * and the codes allowed (SQLSTATE 22023).  first: the index of the first real code.
 */
extern int	code_lookup(const char *field, const char *value, const char *const *names,
						int first, int n);

/* the index of the code data[0..len) in names[first..n-1], or -1 (no error) */
extern int	code_find(const char *data, int len, const char *const *names, int first, int n);

/*
 * A hashed index of a code table, for decoders that look codes up on every row: one probe
 * instead of a scan.  Declare one per table with CODE_INDEX(names, first, n); it is built on
 * its first use.
 */
#define CODE_INDEX_SLOTS 64
typedef struct CodeIndex
{
	const char *const *names;
	int			first;
	int			n;
	bool		built;
	uint8		len[16];		/* strlen of each name */
	int8		slot[CODE_INDEX_SLOTS]; /* code + 1 by hash, 0 when empty */
} CodeIndex;

#define CODE_INDEX(names, first, n) {(names), (first), (n), false, {0}, {0}}

/* the index of the code data[0..len) in the indexed table, or -1 */
extern int	code_index_find(CodeIndex *ix, const char *data, int len);

/* the same for a text datum, without copying it */
extern int	code_lookup_text(const char *field, Datum value, const char *const *names,
							 int first, int n);

/* the usual setting of a benefit (and of a family-planning procedure) when the claim has none */
extern Setting usual_setting(Benefit benefit, Procedure procedure);

#endif							/* MATINS_CODES_H */

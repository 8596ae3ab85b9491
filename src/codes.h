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
/* a value as error messages show it: at most 64 bytes, then "..." */
extern const char *value_for_message(const char *value);
extern int	code_lookup(const char *field, const char *value, const char *const *names,
						int first, int n);

/* the index of the code data[0..len) in names[first..n-1], or -1 (no error) */
extern int	code_find(const char *data, int len, const char *const *names, int first, int n);

/*
 * A hashed index of a code table, for decoders that look codes up on every row: a code of up
 * to 16 bytes is taken as two words, hashed, and compared in one step with the name in its
 * slot.  Declare one per table with CODE_INDEX(names, first, n); it is built on its first use.
 */
#define CODE_INDEX_SLOTS 64
#define CODE_MAX_LEN 16
typedef struct CodeIndex
{
	const char *const *names;
	int			first;
	int			n;
	bool		built;
	uint64		seed;			/* chosen so that no two names share a slot */
	uint8		len[16];		/* strlen of each name */
	uint64		word[16][2];	/* each name, zero-padded to 16 bytes */
	int8		slot[CODE_INDEX_SLOTS]; /* code + 1 by hash, 0 when empty */
} CodeIndex;

#define CODE_INDEX(names, first, n) {(names), (first), (n), false, 0, {0}, {{0}}, {0}}

extern void code_index_build(CodeIndex *ix);

/* the bytes of a code of each length 0..16 within its two words */
static const uint64 code_mask[CODE_MAX_LEN + 1][2] = {
	{0, 0}, {0xFF, 0}, {0xFFFF, 0}, {0xFFFFFF, 0}, {0xFFFFFFFF, 0}, {0xFFFFFFFFFF, 0},
	{0xFFFFFFFFFFFF, 0}, {0xFFFFFFFFFFFFFF, 0}, {~UINT64CONST(0), 0},
	{~UINT64CONST(0), 0xFF}, {~UINT64CONST(0), 0xFFFF}, {~UINT64CONST(0), 0xFFFFFF},
	{~UINT64CONST(0), 0xFFFFFFFF}, {~UINT64CONST(0), 0xFFFFFFFFFF},
	{~UINT64CONST(0), 0xFFFFFFFFFFFF}, {~UINT64CONST(0), 0xFFFFFFFFFFFFFF},
	{~UINT64CONST(0), ~UINT64CONST(0)}
};

/*
 * code_hash
 *      The slot of a code given as its two words, under the index's seed.
 */
static inline uint32
code_hash(uint64 w0, uint64 w1, uint64 seed)
{
	StaticAssertStmt(CODE_INDEX_SLOTS == 64, "code_hash gives six bits");
	return (uint32) ((((w0 ^ seed) * UINT64CONST(0x9E3779B97F4A7C15)) ^
					  (w1 * UINT64CONST(0xC2B2AE3D27D4EB4F))) >> 58);
}

/*
 * code_index_find
 *      The index of the code data[0..len) in the indexed table, or -1.  With overread, the 16
 *      bytes from data may be read whatever len is (the caller knows they lie within its row).
 */
static pg_attribute_always_inline int
code_index_find(CodeIndex *ix, const char *data, int len, bool overread)
{
	uint64		w0 = 0,
				w1 = 0;

	if (unlikely(!ix->built))
		code_index_build(ix);
	if (len <= 0 || len > CODE_MAX_LEN)
		return -1;
	if (overread)
	{
		memcpy(&w0, data, sizeof(uint64));
		memcpy(&w1, data + sizeof(uint64), sizeof(uint64));
		w0 &= code_mask[len][0];
		w1 &= code_mask[len][1];
	}
	else if (len <= (int) sizeof(uint64))
		memcpy(&w0, data, len);
	else
	{
		memcpy(&w0, data, sizeof(uint64));
		memcpy(&w1, data + sizeof(uint64), len - sizeof(uint64));
	}
	/* each name has a slot of its own (code_index_build): one comparison decides */
	{
		int			i = ix->slot[code_hash(w0, w1, ix->seed)] - 1;

		return i >= 0 && ((ix->word[i][0] ^ w0) | (ix->word[i][1] ^ w1) |
						  (uint64) (ix->len[i] ^ len)) == 0 ? i : -1;
	}
}

/* the same for a text datum, without copying it */
extern int	code_lookup_text(const char *field, Datum value, const char *const *names,
							 int first, int n);

/* the usual setting of a benefit (and of a family-planning procedure) when the claim has none */
extern Setting usual_setting(Benefit benefit, Procedure procedure);

#endif							/* MATINS_CODES_H */

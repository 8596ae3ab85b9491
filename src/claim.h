/*
 * claim.h
 *      A claim decoded from the matins.claim composite: codes as enums, amounts as fen.
 */
#ifndef MATINS_CLAIM_H
#define MATINS_CLAIM_H

#include "postgres.h"

#include "access/htup.h"
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/date.h"

#include "codes.h"
#include "money.h"

/* field numbers of matins.claim (contract order) */
enum
{
	CLAIM_CLAIM_ID, CLAIM_PERSON_ID, CLAIM_PREGNANCY_ID, CLAIM_REGION, CLAIM_SERVICE_DATE,
	CLAIM_SCHEME, CLAIM_PERSON_TYPE, CLAIM_MATERNITY_INSURED, CLAIM_BENEFIT, CLAIM_SETTING,
	CLAIM_PROCEDURE, CLAIM_DISEASE, CLAIM_HOSPITAL_LEVEL, CLAIM_HOSPITAL, CLAIM_LOCATION,
	CLAIM_REFERRAL, CLAIM_TOTAL, CLAIM_SELF_PAY, CLAIM_OVER_LIMIT, CLAIM_CLASS_B, CLAIM_LINES,
	N_CLAIM_FIELDS
};

/* field numbers of matins.claim_line */
enum
{
	L_ITEM_CODE, L_ITEM_CLASS, L_QUANTITY, L_AMOUNT, L_SURCHARGE, L_INDICATION, N_LINE_FIELDS
};

/* whether a row header's infomask marks a composite datum (servers that mark them) */
#ifdef HEAP_IS_DATUM
#define infomask_is_datum(infomask) (((infomask) & HEAP_IS_DATUM) == HEAP_IS_DATUM)
#else
#define infomask_is_datum(infomask) true	/* servers without datum marks */
#endif

typedef struct ClaimLine
{
	char	   *item_code;
	ItemClass	item_class;
	int32		quantity;		/* 1 when not given */
	bool		quantity_given;
	Fen			amount;
	Fen			surcharge;
	int			indication;		/* INDICATION_* bitmask; 0 when none */
} ClaimLine;

typedef struct Claim
{
	int64		claim_id;
	bool		claim_id_null;
	bool		person_id_null; /* person_id is then 0 */
	int64		person_id;
	int64		pregnancy_id;
	char		region[7];
	DateADT		service_date;
	Scheme		scheme;
	PersonType	person_type;
	bool		maternity_insured;
	Benefit		benefit;
	Setting		setting;
	Procedure	procedure;
	char	   *disease;		/* NULL when none */
	int			hospital_level; /* 0 when not recorded */
	char	   *hospital;		/* NULL when none */
	Location	location;
	Referral	referral;
	Fen			total;
	Fen			self_pay;
	Fen			over_limit;
	Fen			class_b;
	int			nlines;
	ClaimLine  *lines;
} Claim;

/*
 * claim_critically_ill
 *      Whether a claim is marked as a critically ill pregnant woman's: obstetric haemorrhage
 *      ('OBH') on any claim, or pregnancy-induced hypertension ('HTN') on a delivery (JL19-MP,
 *      NM-IP).
 */
static inline bool
claim_critically_ill(const Claim *c)
{
	const char *d = c->disease;

	/* the first letter first: routing asks this of every claim */
	return d != NULL &&
		((d[0] == 'O' && strcmp(d, "OBH") == 0) ||
		 (c->benefit == BEN_DELIVERY && d[0] == 'H' && strcmp(d, "HTN") == 0));
}

/* the bytes of a composite datum's header that name its type and version (after the length) */
/*
 * The service dates a claim may carry, 1900-01-01 to 2199-12-31, as days from 2000-01-01 (the
 * years the engine's calendar tables cover; every policy lies well within them).
 */
#define CLAIM_DATE_FIRST	(-36524)
#define CLAIM_DATE_LAST		73048

#define CLAIM_STAMP_OFFSET	offsetof(HeapTupleHeaderData, t_choice.t_datum.datum_typmod)
#define CLAIM_STAMP_LEN		(offsetof(HeapTupleHeaderData, t_infomask2) - CLAIM_STAMP_OFFSET)

/* the per-call cache of the claim row type (kept in fn_extra by the callers) */
typedef struct ClaimTypeCache
{
	Oid			type_id;
	int32		typmod;
	TupleDesc	claim_desc;
	TupleDesc	line_desc;
	int16		line_typlen;
	bool		line_typbyval;
	char		line_typalign;
	char	   *buf;			/* an aligned copy of a packed claim datum */
	Size		buf_size;
	MemoryContext cxt;			/* where buf lives */
	/* the direct reader (claim_read.c) */
	bool		stamp_valid;
	char		stamp[CLAIM_STAMP_LEN];	/* type, typmod and version of a checked datum */
	char	   *strings;		/* disease and hospital of the last claim read */
	Size		strings_size;
} ClaimTypeCache;

/* the fields of a composite value (a row header) into values[] / nulls[] */
extern void deform_composite(HeapTupleHeader th, TupleDesc desc, Datum *values, bool *nulls);

/* decode and validate a matins.claim datum; every defect is an error naming the field */
extern void claim_decode(Datum claim_datum, ClaimTypeCache *tc, MemoryContext cxt, Claim *claim);

/*
 * claim_read.c: the same for a valid claim whose type the server has checked before, read in
 * place; false (and nothing said) whenever anything is unusual, so that claim_decode decides.
 */
extern bool claim_read(Datum claim_datum, ClaimTypeCache *tc, MemoryContext cxt, Claim *claim);
extern bool claim_read_layout_ok(TupleDesc desc);

/* the item lines of a claim (claim.c) */
/* a list argument must be a one-dimensional array numbered from 1 (2202E otherwise) */
extern void check_list_array(ArrayType *arr, const char *field);
extern void claim_decode_lines(Datum lines, ClaimTypeCache *tc, Claim *claim);

#endif							/* MATINS_CLAIM_H */

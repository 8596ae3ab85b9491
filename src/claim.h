/*
 * claim.h
 *      A claim decoded from the matins.claim composite: codes as enums, amounts as fen.
 */
#ifndef MATINS_CLAIM_H
#define MATINS_CLAIM_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "fmgr.h"
#include "utils/date.h"

#include "codes.h"
#include "money.h"

typedef struct ClaimLine
{
	char	   *item_code;
	ItemClass	item_class;
	int32		quantity;
	Fen			amount;
	Fen			surcharge;
	int			indication;		/* INDICATION_* bitmask; 0 when none */
} ClaimLine;

typedef struct Claim
{
	int64		claim_id;
	bool		claim_id_null;
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
} ClaimTypeCache;

/* the fields of a composite value (a row header) into values[] / nulls[] */
extern void deform_composite(HeapTupleHeader th, TupleDesc desc, Datum *values, bool *nulls);

/* decode and validate a matins.claim datum; every defect is an error naming the field */
extern void claim_decode(Datum claim_datum, ClaimTypeCache *tc, MemoryContext cxt, Claim *claim);

#endif							/* MATINS_CLAIM_H */

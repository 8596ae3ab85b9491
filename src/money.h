/*
 * money.h
 *      Amounts as 64-bit 分 (fen), rates as 64-bit millionths, and their conversion from and to
 *      numeric at the SQL boundary.
 */
#ifndef MATINS_MONEY_H
#define MATINS_MONEY_H

#include "postgres.h"
#include "fmgr.h"

typedef int64 Fen;				/* an amount in fen (0.01 yuan) */
typedef int64 Micro;			/* a ratio or a parameter value in millionths */

#define MICRO_ONE	INT64CONST(1000000)
#define FEN_MAX		(INT64CONST(100000000000000))	/* 1e12 yuan: far beyond any claim */

/*
 * numeric -> fen.  Returns false when the value is not an exact amount in fen (more than two
 * decimals), is NaN or infinite, or is out of range; the caller reports the field.
 */
extern bool numeric_to_fen(Datum num, Fen *result);

/* the same for the body of a numeric varlena (the bytes after its header) */
extern bool numeric_body_to_fen(const char *body, int len, Fen *result);

/* numeric -> millionths; false when finer than a millionth or out of range */
extern bool numeric_to_micro(Datum num, Micro *result);

/* fen -> numeric with two decimals, built directly (no numeric arithmetic) */
extern Datum fen_to_numeric(Fen fen);

/*
 * The same written into *buf (at least FEN_NUMERIC_MAX bytes), as a packed (one-byte header)
 * varlena, the form heap_form_tuple stores; returns the bytes used.  Lets a caller build all the
 * amounts of a result in one allocation.
 */
#define FEN_NUMERIC_MAX 16
extern Size fen_to_numeric_packed(Fen fen, char *buf);

/*
 * An amount argument or field as fen: an error naming it when it is not exact to the fen or
 * negative (negative_hint says what to do instead).
 */
extern Fen fen_from_field(Datum num, const char *field, const char *negative_hint);

/* millionths -> numeric with up to six decimals */
extern Datum micro_to_numeric(Micro micro);

/* fen × ratio, rounded half away from zero to the fen */
extern Fen fen_mul_ratio(Fen fen, Micro ratio);

/* fen × num ÷ den, rounded half away from zero to the fen */
extern Fen fen_mul_div(Fen fen, int64 num, int64 den);

/*
 * A varlena datum in the packed (one-byte header) form tuples store, when it is short enough;
 * else the datum itself.  Result fields built once are kept packed so forming a result tuple
 * only copies them.
 */
extern Datum packed_varlena(Datum d);
#define packed_text(cstr) packed_varlena(CStringGetTextDatum(cstr))

/* an amount for error messages: "1234.56" */
extern char *fen_to_cstring(Fen fen);

static inline Fen
fen_min(Fen a, Fen b)
{
	return a < b ? a : b;
}

static inline Fen
fen_max(Fen a, Fen b)
{
	return a > b ? a : b;
}

/* a yuan amount given in millionths (parameters, constants) as fen, rounded once */
static inline Fen
micro_to_fen(Micro micro)
{
	return (micro >= 0 ? micro + 5000 : micro - 5000) / 10000;
}

#endif							/* MATINS_MONEY_H */

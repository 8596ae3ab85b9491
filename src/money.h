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
#define FEN_MAX_YUAN 1000000000000	/* the same in yuan, for messages */

/*
 * The largest amount one claim, claim line, wage or an event's contribution base may carry is
 * below 1e9 yuan, so that a person's counters, sums of many claims, stay far within FEN_MAX.
 * (matins_contribution's base, an employer's yearly wages in Inner Mongolia, may go to
 * FEN_MAX itself.)
 */
#define AMOUNT_LIMIT_YUAN 1000000000
#define FEN_AMOUNT_LIMIT ((int64) AMOUNT_LIMIT_YUAN * 100)

/*
 * numeric -> fen.  Returns false when the value is not an exact amount in fen (more than two
 * decimals), is NaN or infinite, or is out of range; the caller reports the field.
 */
extern bool numeric_to_fen(Datum num, Fen *result);

/*
 * Whether a numeric that numeric_to_fen refused is finite and too large (above FEN_MAX_YUAN in
 * magnitude) rather than finer than the fen: the caller then reports it as out of range.
 */
extern bool numeric_beyond_fen_max(Datum num);

/* whether a numeric is below zero (-Infinity is; NaN is not) */
extern bool numeric_negative(Datum num);

/* the same for the body of a numeric varlena (the bytes after its header); below */
extern bool numeric_body_to_fen_general(const char *body, int len, Fen *result);

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
extern Size fen_to_numeric_packed_general(Fen fen, char *buf);

/*
 * An amount argument or field as fen: an error naming it when it is not exact to the fen, not
 * below FEN_AMOUNT_LIMIT, or negative (negative_hint says what to do instead).
 */
extern Fen fen_from_field(Datum num, const char *field, const char *negative_hint);

/* the same up to FEN_MAX_YUAN (matins_contribution's base: an employer's yearly wages) */
extern Fen fen_from_field_wide(Datum num, const char *field, const char *negative_hint);

/* millionths -> numeric with up to six decimals */
extern Datum micro_to_numeric(Micro micro);

/* fen × ratio, rounded half away from zero to the fen */
extern Fen fen_mul_ratio(Fen fen, Micro ratio);

/* fen × num ÷ den, rounded half away from zero to the fen */
extern Fen fen_mul_div(Fen fen, int64 num, int64 den);

/*
 * An exact sum of amounts times fractions (fen × num ÷ den each), rounded once when it is read:
 * the shares of several lines make one computed amount, never rounded line by line.
 */
typedef struct FenSum
{
	int128		num;			/* the sum is num ÷ den fen */
	int64		den;
} FenSum;

#define FEN_SUM_ZERO ((FenSum) {0, 1})
extern void fen_sum_add(FenSum *sum, Fen fen, int64 num, int64 den);
extern Fen	fen_sum_round(const FenSum *sum);

/*
 * A varlena datum in the packed (one-byte header) form tuples store, when it is short enough;
 * else the datum itself.  Result fields built once are kept packed so forming a result tuple
 * only copies them.
 */
extern Datum packed_varlena(Datum d);

/*
 * A value made by packed_varlena is followed by this many more bytes of its allocation, so a
 * writer may copy a short value as one block of that size (settlement_tuple.c).
 */
#define PACKED_SLACK 64
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

/*
 * The storage format of numeric (PostgreSQL's, fixed on disk): a header word with sign, display
 * scale and weight, then base-10000 digits.  The short header form is what values of up to
 * 63 in weight and display scale use; money.c reads both forms.
 */
#define NUM_SIGN_MASK			0xC000
#define NUM_NEG					0x4000
#define NUM_SHORT				0x8000
#define NUM_SPECIAL				0xC000
#define NUM_SHORT_SIGN_MASK		0x2000
#define NUM_SHORT_DSCALE_MASK	0x1F80
#define NUM_SHORT_DSCALE_SHIFT	7
#define NUM_SHORT_WEIGHT_SIGN	0x0040
#define NUM_SHORT_WEIGHT_MASK	0x003F

/* the short header of an amount: display scale 2, and the weight with its sign bit */
#define NUM_SHORT_DSCALE_2		(2 << NUM_SHORT_DSCALE_SHIFT)
#define NUM_SHORT_WEIGHT_BITS	(NUM_SHORT_WEIGHT_SIGN | NUM_SHORT_WEIGHT_MASK)

/*
 * The usual amounts are converted in line below: written when below 1,000,000 yuan, read when
 * below 100,000,000 yuan.  Such an amount has at most three digits (ten-thousands of yuan, yuan,
 * and fen × 100).
 */

/*
 * fen_to_numeric_packed
 *      An amount as a packed numeric varlena written into buf (FEN_NUMERIC_MAX bytes, of which
 *      up to eleven may be written for a usual amount); returns its size.
 */
static pg_attribute_always_inline Size
fen_to_numeric_packed(Fen fen, char *buf)
{
	if (fen == 0)
	{
		/* zero, the most frequent amount: the header word alone */
		uint16		header = NUM_SHORT | NUM_SHORT_DSCALE_2;

		SET_VARSIZE_SHORT(buf, VARHDRSZ_SHORT + sizeof(uint16));
		memcpy(buf + VARHDRSZ_SHORT, &header, sizeof(uint16));
		return VARHDRSZ_SHORT + sizeof(uint16);
	}
#ifndef WORDS_BIGENDIAN
	if ((uint64) fen < UINT64CONST(100000000))
	{
		uint32		f = (uint32) fen;
		uint32		yuan = f / 100;
		uint64		d0 = yuan / 10000,
					d1 = yuan % 10000,
					d2 = (f % 100) * 100;
		int			first = d0 ? 0 : d1 ? 1 : 2;	/* fen > 0: some digit is not zero */
		int			last = d2 ? 3 : d1 ? 2 : 1;
		int			n = last - first;
		uint16		header = NUM_SHORT | NUM_SHORT_DSCALE_2 |
			(uint16) ((1 - first) & NUM_SHORT_WEIGHT_BITS);
		/* the three digits in storage order, from the first that is not zero, as one word:
		 * written with one store (digits past n are overwritten by whatever comes next) */
		uint64		digits = (d0 | d1 << 16 | d2 << 32) >> (16 * first);

		SET_VARSIZE_SHORT(buf, VARHDRSZ_SHORT + sizeof(uint16) + n * sizeof(int16));
		memcpy(buf + VARHDRSZ_SHORT, &header, sizeof(uint16));
		memcpy(buf + VARHDRSZ_SHORT + sizeof(uint16), &digits, sizeof(uint64));
		return VARHDRSZ_SHORT + sizeof(uint16) + n * sizeof(int16);
	}
#endif
	return fen_to_numeric_packed_general(fen, buf);
}

/*
 * numeric_body_to_fen
 *      A numeric amount given by its body (the bytes after the varlena header) as fen; false as
 *      for numeric_to_fen.  For decoders that walk a row themselves.
 */
static pg_attribute_always_inline bool
numeric_body_to_fen(const char *body, int len, Fen *result)
{
	uint16		header;
	int16		x0 = 0,
				x1 = 0,
				x2 = 0;

	/* a short, non-negative value of at most three digits */
	if (len < 2 || len > 8)
		return numeric_body_to_fen_general(body, len, result);
	memcpy(&header, body, sizeof(uint16));
	if ((header & (NUM_SIGN_MASK | NUM_SHORT_SIGN_MASK)) != NUM_SHORT)
		return numeric_body_to_fen_general(body, len, result);
	if (len >= 4)
		memcpy(&x0, body + 2, sizeof(int16));
	if (len >= 6)
		memcpy(&x1, body + 4, sizeof(int16));
	if (len == 8)
		memcpy(&x2, body + 6, sizeof(int16));
	/* by the weight of the first digit: ten-thousands of yuan (1), yuan (0), hundredths (-1) */
	switch (header & NUM_SHORT_WEIGHT_BITS)
	{
		case 1:
			if (x2 % 100 != 0)
				return false;
			*result = (Fen) x0 * 1000000 + (Fen) x1 * 100 + x2 / 100;
			return true;
		case 0:
			if (len > 6 || x1 % 100 != 0)
				return false;
			*result = (Fen) x0 * 100 + x1 / 100;
			return true;
		case NUM_SHORT_WEIGHT_BITS:	/* -1 */
			if (len > 4 || x0 % 100 != 0)
				return false;
			*result = x0 / 100;
			return true;
	}
	return numeric_body_to_fen_general(body, len, result);
}

#endif							/* MATINS_MONEY_H */

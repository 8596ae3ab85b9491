/*
 * money.c
 *      Conversion between numeric and integer amounts without generic numeric arithmetic.
 *
 * A numeric datum is a varlena holding a sign, a weight, a display scale and base-10000
 * digits: value = sum(digit[i] × 10000^(weight − i)).  The on-disk layout is fixed by
 * PostgreSQL's storage format; the two header forms are read below.  Amounts are exact to the
 * fen, so decoding is integer arithmetic and any value with more decimals is refused rather than
 * rounded (rounding happens once, on computed amounts only).
 */
#include "postgres.h"

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "money.h"

/* a decoded numeric: sign, weight and up to a few base-10000 digits */
typedef struct DecodedNumeric
{
	bool		negative;
	int			weight;
	int			ndigits;
	const char *digits;			/* unaligned int16 digits */
} DecodedNumeric;

/*
 * decode_numeric
 *      Read the header of a (possibly packed) numeric varlena; false for NaN and infinities.
 */
static bool
decode_numeric(const char *p, int len, DecodedNumeric *d)
{
	uint16		header;

	if (len < (int) sizeof(uint16))
		return false;
	memcpy(&header, p, sizeof(uint16));
	if ((header & NUM_SIGN_MASK) == NUM_SPECIAL)
		return false;
	if ((header & NUM_SIGN_MASK) == NUM_SHORT)
	{
		d->negative = (header & NUM_SHORT_SIGN_MASK) != 0;
		d->weight = (header & NUM_SHORT_WEIGHT_SIGN) ? (int) (header | ~NUM_SHORT_WEIGHT_MASK)
			: (int) (header & NUM_SHORT_WEIGHT_MASK);
		d->digits = p + sizeof(uint16);
		d->ndigits = (len - sizeof(uint16)) / sizeof(int16);
	}
	else
	{
		int16		weight;

		if (len < (int) (2 * sizeof(uint16)))
			return false;
		memcpy(&weight, p + sizeof(uint16), sizeof(int16));
		d->negative = (header & NUM_SIGN_MASK) == NUM_NEG;
		d->weight = weight;
		d->digits = p + 2 * sizeof(uint16);
		d->ndigits = (len - 2 * sizeof(uint16)) / sizeof(int16);
	}
	return true;
}

static const int64 pow10_64[17] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000), INT64CONST(10000),
	INT64CONST(100000), INT64CONST(1000000), INT64CONST(10000000), INT64CONST(100000000),
	INT64CONST(1000000000), INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000), INT64CONST(100000000000000),
	INT64CONST(1000000000000000), INT64CONST(10000000000000000)
};

/*
 * bytes_to_scaled
 *      The numeric whose body (header word and digits) is p[0..len) × 10^scale as int64, if
 *      that is an integer within ±limit.
 */
static inline bool
bytes_to_scaled(const char *p, int len, int scale, int64 limit, int64 *result)
{
	DecodedNumeric d;
	int64		acc = 0;
	int64		unit;
	int			i;
	bool		ok = true;

	if (!decode_numeric(p, len, &d))
		ok = false;
	/* digits below 10^-scale must be zero; digits above 10^16 are out of range anyway */
	for (i = 0; ok && i < d.ndigits; i++)
	{
		int16		digit;
		int			power = 4 * (d.weight - i);	/* this digit's power of ten */

		memcpy(&digit, d.digits + i * sizeof(int16), sizeof(int16));
		if (digit == 0)
			continue;
		if (power + scale < 0)
		{
			/* a digit straddling the last kept decimal: only its upper part may be nonzero */
			int			drop = -(power + scale);	/* 1..3 decimals of this digit to drop */
			int			div = drop == 1 ? 10 : drop == 2 ? 100 : drop == 3 ? 1000 : 10000;

			if (drop >= 4 || digit % div != 0)
			{
				ok = false;
				break;
			}
			acc += digit / div;
			continue;
		}
		if (power + scale > 16)
		{
			ok = false;
			break;
		}
		unit = pow10_64[power + scale];
		if (pg_mul_s64_overflow((int64) digit, unit, &unit) ||
			pg_add_s64_overflow(acc, unit, &acc))
		{
			ok = false;
			break;
		}
	}
	if (!ok || acc > limit)
		return false;
	*result = d.negative ? -acc : acc;
	return true;
}

/*
 * numeric_to_scaled
 *      The value × 10^scale as int64, if that is an integer within ±limit.
 */
static bool
numeric_to_scaled(Datum num, int scale, int64 limit, int64 *result)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM_PACKED(num);
	bool		ok = bytes_to_scaled(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), scale, limit, result);

	if ((Pointer) v != DatumGetPointer(num))
		pfree(v);
	return ok;
}

/*
 * numeric_body_to_fen_general
 *      numeric_body_to_fen for any numeric (money.h has the fast path of usual amounts).
 */
bool
numeric_body_to_fen_general(const char *body, int len, Fen *result)
{
	return bytes_to_scaled(body, len, 2, FEN_MAX, result);
}

/*
 * numeric_to_fen
 *      A numeric amount in yuan as fen; false when it has more than two decimals or is too big.
 */
bool
numeric_to_fen(Datum num, Fen *result)
{
	return numeric_to_scaled(num, 2, FEN_MAX, result);
}

/*
 * numeric_magnitude_cmp
 *      The sign of |num| - limit_yuan (a numeric literal) for a finite num; -1 for NaN and the
 *      infinities, which callers report as not being amounts rather than as too large.
 */
static int
numeric_magnitude_cmp(Datum num, const char *limit_yuan)
{
	Numeric		n = DatumGetNumeric(num);
	Datum		limit;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		return -1;
	limit = DirectFunctionCall3(numeric_in, CStringGetDatum(limit_yuan),
								ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, DirectFunctionCall1(numeric_abs, num), limit));
}

/*
 * numeric_negative
 *      Whether a numeric is below zero (NaN is not).
 */
bool
numeric_negative(Datum num)
{
	Numeric		n = DatumGetNumeric(num);

	if (numeric_is_nan(n))
		return false;
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, num, NumericGetDatum(int64_to_numeric(0)))) < 0;
}

/*
 * numeric_beyond_fen_max
 *      Whether a finite numeric is above FEN_MAX_YUAN in magnitude, the most numeric_to_fen takes.
 */
bool
numeric_beyond_fen_max(Datum num)
{
	return numeric_magnitude_cmp(num, CppAsString2(FEN_MAX_YUAN)) > 0;
}

/*
 * fen_checked
 *      A numeric field in yuan as fen, or an error naming the field and the value: not exact to
 *      the fen, negative, or out of range (wide: up to FEN_MAX_YUAN; else below
 *      AMOUNT_LIMIT_YUAN).  A negative amount is said to be negative however large, since what
 *      to give instead is the hint.
 */
static Fen
fen_checked(Datum num, const char *field, const char *negative_hint, bool wide)
{
	Fen			fen;
	bool		converted = numeric_to_fen(num, &fen);

	if (!converted)
	{
		int			cmp = numeric_magnitude_cmp(num, wide ? CppAsString2(FEN_MAX_YUAN)
												: CppAsString2(AMOUNT_LIMIT_YUAN));

		if (wide ? cmp <= 0 : cmp < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s = %s is not an amount in yuan exact to the fen", field,
							DatumGetCString(DirectFunctionCall1(numeric_out, num))),
					 errhint("Amounts have at most two decimals and are finite.")));
	}
	if (converted ? fen < 0 : numeric_negative(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s = %s is negative", field,
						converted ? fen_to_cstring(fen) : DatumGetCString(DirectFunctionCall1(numeric_out, num))),
				 errhint("%s", negative_hint)));
	if (!converted || (!wide && fen >= FEN_AMOUNT_LIMIT))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s = %s is out of range", field,
						DatumGetCString(DirectFunctionCall1(numeric_out, num))),
				 wide ? errhint("An amount is at most " CppAsString2(FEN_MAX_YUAN) " yuan.")
				 : errhint("An amount is smaller than " CppAsString2(AMOUNT_LIMIT_YUAN) " yuan.")));
	return fen;
}

/*
 * fen_from_field
 *      A field of a claim or event in yuan as fen, below AMOUNT_LIMIT_YUAN.
 */
Fen
fen_from_field(Datum num, const char *field, const char *negative_hint)
{
	return fen_checked(num, field, negative_hint, false);
}

/*
 * fen_from_field_wide
 *      The same up to FEN_MAX_YUAN (an employer's yearly wages as a contribution base).
 */
Fen
fen_from_field_wide(Datum num, const char *field, const char *negative_hint)
{
	return fen_checked(num, field, negative_hint, true);
}

/*
 * numeric_to_micro
 *      A numeric value in millionths; false when it is finer than that or too big.
 */
bool
numeric_to_micro(Datum num, Micro *result)
{
	return numeric_to_scaled(num, 6, FEN_MAX * 10000, result);
}

/*
 * numeric_body
 *      The header word and base-10000 digits of value ÷ 10^scale (scale 2 or 6) with display
 *      scale `scale`, in the short form, digits normalized (no leading or trailing zero digits).
 *      Writes the header and digits to out; returns their size in bytes.
 */
static Size
numeric_body(int64 value, int scale, char *out)
{
	static const uint64 pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	int16		digits[8];
	int			ndigits = 0;
	int			weight;
	bool		negative = value < 0;
	uint64		mag = negative ? -(uint64) value : (uint64) value;
	uint64		intpart = mag / pow10[scale];
	uint64		frac = mag % pow10[scale];
	int16		intdigits[6];
	int			nint = 0;
	int			first,
				last;
	uint16		header;

	/* integer part in base-10000 digits, most significant first (32-bit steps when it fits) */
	if (intpart <= PG_UINT32_MAX)
	{
		uint32		small = (uint32) intpart;

		while (small > 0)
		{
			intdigits[nint++] = (int16) (small % 10000);
			small /= 10000;
		}
	}
	else
		while (intpart > 0)
		{
			intdigits[nint++] = (int16) (intpart % 10000);
			intpart /= 10000;
		}
	for (int i = nint - 1; i >= 0; i--)
		digits[ndigits++] = intdigits[i];
	weight = nint - 1;
	/* the fraction padded to whole base-10000 digits: 2 decimals -> one digit, 6 -> two */
	if (scale == 2)
		digits[ndigits++] = (int16) (frac * 100);
	else
	{
		frac *= 100;			/* 8 decimals */
		digits[ndigits++] = (int16) (frac / 10000);
		digits[ndigits++] = (int16) (frac % 10000);
	}

	/* strip leading and trailing zero digits */
	first = 0;
	while (first < ndigits && digits[first] == 0)
	{
		first++;
		weight--;
	}
	last = ndigits;
	while (last > first && digits[last - 1] == 0)
		last--;
	if (first == last)
	{
		weight = 0;
		negative = false;
	}
	header = NUM_SHORT | (negative ? NUM_SHORT_SIGN_MASK : 0) |
		((scale << NUM_SHORT_DSCALE_SHIFT) & NUM_SHORT_DSCALE_MASK) |
		(weight < 0 ? NUM_SHORT_WEIGHT_SIGN : 0) | (weight & NUM_SHORT_WEIGHT_MASK);
	memcpy(out, &header, sizeof(uint16));
	memcpy(out + sizeof(uint16), digits + first, (last - first) * sizeof(int16));
	return sizeof(uint16) + (last - first) * sizeof(int16);
}

/*
 * scaled_to_numeric
 *      value ÷ 10^scale as a numeric datum with a four-byte header.
 */
static Datum
scaled_to_numeric(int64 value, int scale)
{
	char		body[32];
	Size		len = numeric_body(value, scale, body);
	struct varlena *result = (struct varlena *) palloc(VARHDRSZ + len);

	SET_VARSIZE(result, VARHDRSZ + len);
	memcpy(VARDATA(result), body, len);
	return PointerGetDatum(result);
}

/*
 * fen_to_numeric_packed_general
 *      fen_to_numeric_packed for any amount (money.h has the fast path of usual amounts).
 */
Size
fen_to_numeric_packed_general(Fen fen, char *buf)
{
	Size		len = numeric_body(fen, 2, buf + VARHDRSZ_SHORT);

	SET_VARSIZE_SHORT(buf, VARHDRSZ_SHORT + len);
	return VARHDRSZ_SHORT + len;
}

/*
 * fen_to_numeric
 *      An amount in fen as a numeric in yuan with two decimals.  Zero, the most frequent amount
 *      of a settlement, is built once per backend.
 */
Datum
fen_to_numeric(Fen fen)
{
	static Datum zero = (Datum) 0;

	if (fen == 0)
	{
		if (zero == (Datum) 0)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			zero = scaled_to_numeric(0, 2);
			MemoryContextSwitchTo(old);
		}
		return zero;
	}
	return scaled_to_numeric(fen, 2);
}

/*
 * micro_to_numeric
 *      A value in millionths as a numeric with six decimals.
 */
Datum
micro_to_numeric(Micro micro)
{
	return scaled_to_numeric(micro, 6);
}

/*
 * div_round_half_away
 *      num ÷ den rounded half away from zero (den > 0).
 */
static int64
div_round_half_away(int128 num, int64 den)
{
	int128		q;
	int128		r;

	if (num >= 0)
	{
		q = num / den;
		r = num % den;
		if (2 * r >= den)
			q++;
	}
	else
	{
		q = (-num) / den;
		r = (-num) % den;
		if (2 * r >= den)
			q++;
		q = -q;
	}
	if (q > PG_INT64_MAX || q < PG_INT64_MIN)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("amount out of range")));
	return (int64) q;
}

/*
 * fen_mul_ratio
 *      An amount times a ratio in millionths, rounded once to the fen.
 */
Fen
fen_mul_ratio(Fen fen, Micro ratio)
{
	int64		product;

	/* the product of a claim amount and a ratio fits 64 bits: no 128-bit division then */
	if (fen >= 0 && ratio >= 0 && !pg_mul_s64_overflow(fen, ratio, &product))
		return (product + MICRO_ONE / 2) / MICRO_ONE;
	return div_round_half_away((int128) fen * ratio, MICRO_ONE);
}

/*
 * fen_mul_div
 *      An amount times num ÷ den, rounded once to the fen.
 */
Fen
fen_mul_div(Fen fen, int64 num, int64 den)
{
	Assert(den > 0);
	return div_round_half_away((int128) fen * num, den);
}

/*
 * gcd_int64
 *      The greatest common divisor of a ≥ 0 and b > 0.
 */
static int64
gcd_int64(int64 a, int64 b)
{
	while (a != 0)
	{
		int64		t = b % a;

		b = a;
		a = t;
	}
	return b;
}

/*
 * The largest denominator FenSum keeps exactly: a common multiple of the lines' quantities
 * (each at most 1000) far beyond any real claim's.  Past it a term is rounded to the sum's
 * denominator, an error of less than a fen's 10^-15.
 */
#define FEN_SUM_MAX_DEN INT64CONST(1000000000000000)

/*
 * fen_sum_add
 *      Add fen × num ÷ den (den > 0) to an exact sum.
 */
void
fen_sum_add(FenSum *sum, Fen fen, int64 num, int64 den)
{
	int128		term = (int128) fen * num;
	int64		g = gcd_int64((int64) ((term < 0 ? -term : term) % den), den);
	int64		d = den / g;
	int64		common = sum->den / gcd_int64(d % sum->den, sum->den) * d;

	Assert(den > 0);
	term /= g;
	if (common > FEN_SUM_MAX_DEN || common <= 0)
	{
		sum->num += div_round_half_away(term * sum->den, d);
		return;
	}
	sum->num = sum->num * (common / sum->den) + term * (common / d);
	sum->den = common;
}

/*
 * fen_sum_round
 *      An exact sum rounded once, half away from zero, to the fen.
 */
Fen
fen_sum_round(const FenSum *sum)
{
	return div_round_half_away(sum->num, sum->den);
}

/*
 * packed_varlena
 *      A copy of a plain varlena with a one-byte header when it fits (in the current context).
 */
Datum
packed_varlena(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	Size		len;
	char	   *packed;

	if (VARATT_IS_EXTENDED(v))
		return d;
	len = VARSIZE(v) - VARHDRSZ;
	if (len + VARHDRSZ_SHORT > VARATT_SHORT_MAX)
		return d;
	packed = palloc(len + VARHDRSZ_SHORT + PACKED_SLACK);
	SET_VARSIZE_SHORT(packed, len + VARHDRSZ_SHORT);
	memcpy(packed + VARHDRSZ_SHORT, VARDATA(v), len);
	return PointerGetDatum(packed);
}

/*
 * fen_to_cstring
 *      "-12.34" for error messages and notes.
 */
char *
fen_to_cstring(Fen fen)
{
	uint64		mag = fen < 0 ? -(uint64) fen : (uint64) fen;

	return psprintf("%s" UINT64_FORMAT ".%02d", fen < 0 ? "-" : "",
					mag / 100, (int) (mag % 100));
}

/*
 * claim_read.c
 *      The direct reader of matins.claim datums: one pass over the row's bytes, in place.
 *
 *      claim_decode (claim.c) is the reference: it deforms the row with the server's own
 *      heap_deform_tuple, which also checks the datum against its type, and it reports every
 *      defect with a clear error.  Once it has accepted a datum, it keeps the datum's stamp (the
 *      header bytes naming type, typmod and version); a later claim with the same stamp is read
 *      here, field after field, knowing the layout of matins.claim.  This reader decides only
 *      the clean case: a valid claim whose values are stored inline and uncompressed.  Anything
 *      else (a null where a value is needed, an unknown code, an amount that is not exact or is
 *      negative, parts above the total, an unusual storage form) makes it return false without a
 *      word, and claim_decode decodes the claim again and says what is wrong.  So there is one
 *      set of rules and one set of errors; this file only skips the generic machinery.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/date.h"

#include "claim.h"

/* the code tables of the claim, indexed */
static CodeIndex scheme_index = CODE_INDEX(scheme_names, 0, N_SCHEMES);
static CodeIndex person_type_index = CODE_INDEX(person_type_names, 0, N_PERSON_TYPES);
static CodeIndex benefit_index = CODE_INDEX(benefit_names, 0, N_BENEFITS);
static CodeIndex setting_index = CODE_INDEX(setting_names, 0, N_SETTINGS);
static CodeIndex procedure_index = CODE_INDEX(procedure_names, 1, N_PROCEDURES);
static CodeIndex location_index = CODE_INDEX(location_names, 0, N_LOCATIONS);
static CodeIndex referral_index = CODE_INDEX(referral_names, 1, N_REFERRALS);

/* where the reader is in the row */
typedef struct RowCursor
{
	const char *data;			/* the first field */
	Size		off;			/* offset of the next field from data */
	uint32		present;		/* bit i set when field i is not null */
	const char *value;			/* the last variable-length field read, with its header */
	const char *end;			/* the end of the row */
	bool		ok;				/* false once anything unusual was seen */
} RowCursor;

/*
 * field_is_null
 *      Whether field i of the row is null.
 */
static pg_attribute_always_inline bool
field_is_null(const RowCursor *rc, int i)
{
	return (rc->present & ((uint32) 1 << i)) == 0;
}

/*
 * read_fixed
 *      The next fixed-length field (len bytes, aligned to align within the row) copied to out.
 */
static pg_attribute_always_inline void
read_fixed(RowCursor *rc, void *out, Size len, Size align)
{
	rc->off = TYPEALIGN(align, rc->off);
	if (unlikely(rc->data + rc->off + len > rc->end))
	{
		rc->ok = false;			/* past the end of the row */
		memset(out, 0, len);
		return;
	}
	memcpy(out, rc->data + rc->off, len);
	rc->off += len;
}

/*
 * read_varlena
 *      The next variable-length field of alignment align (text and numeric: int; an array of
 *      composites: double): its bytes without the header, and their length.  Only
 *      inline, uncompressed values wholly inside the row are read; anything else clears rc->ok
 *      (and gives length 0).
 */
static pg_attribute_always_inline const char *
read_varlena(RowCursor *rc, int *len, Size align)
{
	const char *p;

	*len = 0;
	if (unlikely(rc->data + rc->off >= rc->end))
	{
		rc->ok = false;			/* past the end of the row */
		return rc->end;
	}
	/* a four-byte header is aligned as the type says, and the padding before it is zero bytes */
	if (rc->data[rc->off] == 0)
		rc->off = TYPEALIGN(align, rc->off);
	p = rc->data + rc->off;
	rc->value = p;
	if (VARATT_IS_1B(p) && !VARATT_IS_1B_E(p))
	{
		if (unlikely(p + VARSIZE_1B(p) > rc->end))
			rc->ok = false;
		else
		{
			*len = VARSIZE_1B(p) - VARHDRSZ_SHORT;
			rc->off += VARSIZE_1B(p);
		}
		return p + VARHDRSZ_SHORT;
	}
	if (p + VARHDRSZ <= rc->end && VARATT_IS_4B_U(p))
	{
		uint32		size;

		memcpy(&size, p, sizeof(uint32));
		size = VARSIZE((struct varlena *) &size);
		if (unlikely(size < VARHDRSZ || p + size > rc->end))
			rc->ok = false;
		else
		{
			*len = (int) (size - VARHDRSZ);
			rc->off += size;
		}
		return p + VARHDRSZ;
	}
	rc->ok = false;
	return p;
}

/*
 * read_code
 *      A coded text field as its index, null_value when null (-1: a null is unusual), -1 with
 *      rc->ok cleared when unusual.
 */
static pg_attribute_always_inline int
read_code(RowCursor *rc, int field, CodeIndex *ix, int null_value)
{
	const char *p;
	int			len;
	int			code;

	if (field_is_null(rc, field))
	{
		if (null_value < 0)
			rc->ok = false;
		return null_value;
	}
	p = read_varlena(rc, &len, ALIGNOF_INT);
	code = rc->ok ? code_index_find(ix, p, len, p + CODE_MAX_LEN <= rc->end) : -1;
	if (code < 0)
		rc->ok = false;
	return code;
}

/*
 * read_amount
 *      An amount field as fen (0 when null and allowed); unusual when null and required,
 *      negative, not exact to the fen or out of range.
 */
static pg_attribute_always_inline Fen
read_amount(RowCursor *rc, int field, bool null_ok)
{
	const char *p;
	int			len;
	Fen			fen;

	if (field_is_null(rc, field))
	{
		if (!null_ok)
			rc->ok = false;
		return 0;
	}
	p = read_varlena(rc, &len, ALIGNOF_INT);
	if (!rc->ok || !numeric_body_to_fen(p, len, &fen) || fen < 0 || fen >= FEN_AMOUNT_LIMIT)
	{
		rc->ok = false;
		return 0;
	}
	return fen;
}

#define STRING_COPY 32		/* a free text of at most this many bytes is copied as one block */

/*
 * read_string
 *      A free text field (disease, hospital) as a C string kept in the call site's buffer at
 *      *used, or NULL when null.
 */
static pg_attribute_always_inline char *
read_string(RowCursor *rc, int field, ClaimTypeCache *tc, Size *used)
{
	const char *p;
	int			len;
	char	   *out;

	if (field_is_null(rc, field))
		return NULL;
	p = read_varlena(rc, &len, ALIGNOF_INT);
	if (!rc->ok || *used + Max(len, STRING_COPY) + 1 > tc->strings_size)
	{
		rc->ok = false;			/* the buffer is made large enough before reading */
		return NULL;
	}
	out = tc->strings + *used;
	/* a short string is copied as a whole block (in line) when the row goes on past it */
	if (len <= STRING_COPY && p + STRING_COPY <= rc->end)
		memcpy(out, p, STRING_COPY);
	else
		memcpy(out, p, len);
	out[len] = '\0';
	*used += len + 1;
	return out;
}

/*
 * read_lines
 *      The item lines of a claim (value: the array with its header, len: its data length).
 *      They are few and rarely there: the reference decoder reads them (and says what is wrong
 *      with them); with lines, the parts follow from them.
 */
static pg_noinline bool
read_lines(const char *value, int len, ClaimTypeCache *tc, Claim *claim)
{
	Fen			sum = 0;

	/*
	 * An array is walked by the address of its elements, so a four-byte array of a packed row
	 * (whose bytes are not aligned) is read from an aligned copy.
	 */
	if (!VARATT_IS_1B(value) && (uintptr_t) value != MAXALIGN((uintptr_t) value))
	{
		char	   *copy = palloc(len + VARHDRSZ);

		memcpy(copy, value, len + VARHDRSZ);
		value = copy;
	}
	claim_decode_lines(PointerGetDatum(value), tc, claim);
	if (claim->nlines == 0)
		return claim->self_pay + claim->over_limit + claim->class_b <= claim->total;
	for (int i = 0; i < claim->nlines; i++)
		sum += claim->lines[i].amount;
	if (sum != claim->total)
		return false;
	claim->self_pay = claim->over_limit = claim->class_b = 0;
	return true;
}

/*
 * claim_read_layout_ok
 *      Whether a claim descriptor is laid out as this reader assumes (the contract's types in
 *      the contract's order, nothing dropped).
 */
bool
claim_read_layout_ok(TupleDesc desc)
{
	static const Oid types[N_CLAIM_FIELDS] = {
		INT8OID, INT8OID, INT8OID, TEXTOID, DATEOID, TEXTOID, TEXTOID, BOOLOID, TEXTOID,
		TEXTOID, TEXTOID, TEXTOID, INT2OID, TEXTOID, TEXTOID, TEXTOID, NUMERICOID, NUMERICOID,
		NUMERICOID, NUMERICOID, InvalidOid	/* lines: an array of composites */
	};

	if (desc->natts != N_CLAIM_FIELDS)
		return false;
	for (int i = 0; i < N_CLAIM_FIELDS; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (att->attisdropped)
			return false;
		if (i == CLAIM_LINES ? (att->attlen != -1 || att->attalign != TYPALIGN_DOUBLE)
			: att->atttypid != types[i])
			return false;
	}
	return true;
}

/*
 * claim_read
 *      Read a clean claim in place (see the file comment); false to let claim_decode decide.
 */
bool
claim_read(Datum claim_datum, ClaimTypeCache *tc, MemoryContext cxt, Claim *claim)
{
	const char *raw = DatumGetPointer(claim_datum);
	const char *head;			/* where the header would start with a four-byte length */
	Size		size;
	uint16		infomask;
	uint16		infomask2;
	RowCursor	rc;
	Size		strings_used = 0;
	bool		null_lines;

	if (!tc->stamp_valid)
		return false;
	if (VARATT_IS_1B(raw) && !VARATT_IS_1B_E(raw))
	{
		head = raw - (VARHDRSZ - VARHDRSZ_SHORT);
		size = VARSIZE_1B(raw);
	}
	else if (VARATT_IS_4B_U(raw))
	{
		head = raw;
		size = VARSIZE(raw);
	}
	else
		return false;			/* compressed or out of line: let the server expand it */

	/* the row's cache lines are fetched together, not one after another as the walk reaches them */
	for (Size o = 64; o < size; o += 64)
		__builtin_prefetch(raw + o);

	/* the strings of the row fit in a buffer of its size */
	if (tc->strings_size < size)
	{
		tc->strings_size = Max(size, 256) * 2;
		tc->strings = MemoryContextAlloc(cxt, tc->strings_size);
	}

	if (head + SizeofHeapTupleHeader > raw + size ||
		memcmp(head + CLAIM_STAMP_OFFSET, tc->stamp, CLAIM_STAMP_LEN) != 0)
		return false;
	memcpy(&infomask2, head + offsetof(HeapTupleHeaderData, t_infomask2), sizeof(uint16));
	memcpy(&infomask, head + offsetof(HeapTupleHeaderData, t_infomask), sizeof(uint16));
	if ((infomask2 & HEAP_NATTS_MASK) != N_CLAIM_FIELDS || (infomask & HEAP_HASEXTERNAL) != 0 ||
		!infomask_is_datum(infomask))
		return false;
	rc.data = head + (uint8) head[offsetof(HeapTupleHeaderData, t_hoff)];
	rc.off = 0;
	rc.end = raw + size;
	/* the null bitmap (N_CLAIM_FIELDS bits, in three bytes) as one word */
	StaticAssertStmt(N_CLAIM_FIELDS <= 24, "the claim's null bitmap fits in three bytes");
	rc.present = ~(uint32) 0;
	if (infomask & HEAP_HASNULL)
	{
		const bits8 *bits = (const bits8 *) (head + offsetof(HeapTupleHeaderData, t_bits));

		if ((uint8) head[offsetof(HeapTupleHeaderData, t_hoff)] <
			offsetof(HeapTupleHeaderData, t_bits) + BITMAPLEN(N_CLAIM_FIELDS))
			return false;		/* no room for the bitmap: let the server's decoder see it */
		rc.present = (uint32) bits[0] | (uint32) bits[1] << 8 | (uint32) bits[2] << 16;
	}
	rc.ok = rc.data <= rc.end;

	/* ids */
	claim->claim_id_null = field_is_null(&rc, CLAIM_CLAIM_ID);
	claim->claim_id = 0;
	if (!claim->claim_id_null)
		read_fixed(&rc, &claim->claim_id, sizeof(int64), ALIGNOF_DOUBLE);
	claim->person_id = 0;
	claim->person_id_null = field_is_null(&rc, CLAIM_PERSON_ID);
	if (!claim->person_id_null)
		read_fixed(&rc, &claim->person_id, sizeof(int64), ALIGNOF_DOUBLE);
	claim->pregnancy_id = claim->person_id;
	if (!field_is_null(&rc, CLAIM_PREGNANCY_ID))
		read_fixed(&rc, &claim->pregnancy_id, sizeof(int64), ALIGNOF_DOUBLE);

	/* region: six characters (their digits are checked when the route is resolved) */
	if (field_is_null(&rc, CLAIM_REGION))
		return false;
	{
		int			len;
		const char *p = read_varlena(&rc, &len, ALIGNOF_INT);

		if (!rc.ok || len != 6)
			return false;
		memcpy(claim->region, p, 6);
		claim->region[6] = '\0';
	}

	if (field_is_null(&rc, CLAIM_SERVICE_DATE))
		return false;
	read_fixed(&rc, &claim->service_date, sizeof(DateADT), ALIGNOF_INT);
	if (DATE_NOT_FINITE(claim->service_date) || claim->service_date < CLAIM_DATE_FIRST ||
		claim->service_date > CLAIM_DATE_LAST)
		return false;

	claim->scheme = read_code(&rc, CLAIM_SCHEME, &scheme_index, -1);
	claim->person_type = read_code(&rc, CLAIM_PERSON_TYPE, &person_type_index, -1);
	claim->maternity_insured = true;
	if (rc.ok && !field_is_null(&rc, CLAIM_MATERNITY_INSURED))
	{
		bool		insured;

		read_fixed(&rc, &insured, sizeof(bool), 1);
		claim->maternity_insured = insured;
	}
	claim->benefit = rc.ok ? read_code(&rc, CLAIM_BENEFIT, &benefit_index, -1) : 0;
	/* the setting's default depends on the procedure, which comes after it */
	{
		const char *setting = NULL;
		int			setting_len = 0;

		if (rc.ok && !field_is_null(&rc, CLAIM_SETTING))
			setting = read_varlena(&rc, &setting_len, ALIGNOF_INT);
		claim->procedure = rc.ok ? read_code(&rc, CLAIM_PROCEDURE, &procedure_index, PROC_NONE) : 0;
		if (!rc.ok)
			return false;
		if (setting == NULL)
			claim->setting = usual_setting(claim->benefit, claim->procedure);
		else
		{
			int			code = code_index_find(&setting_index, setting, setting_len,
										 setting + CODE_MAX_LEN <= rc.end);

			if (code < 0)
				return false;
			claim->setting = code;
		}
	}
	claim->disease = read_string(&rc, CLAIM_DISEASE, tc, &strings_used);
	claim->hospital_level = 0;
	if (rc.ok && !field_is_null(&rc, CLAIM_HOSPITAL_LEVEL))
	{
		int16		level;

		read_fixed(&rc, &level, sizeof(int16), ALIGNOF_SHORT);
		if (level < 1 || level > 3)
			return false;
		claim->hospital_level = level;
	}
	claim->hospital = rc.ok ? read_string(&rc, CLAIM_HOSPITAL, tc, &strings_used) : NULL;
	claim->location = rc.ok ? read_code(&rc, CLAIM_LOCATION, &location_index, LOC_LOCAL) : 0;
	claim->referral = rc.ok ? read_code(&rc, CLAIM_REFERRAL, &referral_index, REF_NONE) : 0;

	/* amounts */
	claim->total = rc.ok ? read_amount(&rc, CLAIM_TOTAL, false) : 0;
	claim->self_pay = rc.ok ? read_amount(&rc, CLAIM_SELF_PAY, true) : 0;
	claim->over_limit = rc.ok ? read_amount(&rc, CLAIM_OVER_LIMIT, true) : 0;
	claim->class_b = rc.ok ? read_amount(&rc, CLAIM_CLASS_B, true) : 0;
	if (!rc.ok)
		return false;

	claim->nlines = 0;
	claim->lines = NULL;
	null_lines = field_is_null(&rc, CLAIM_LINES);
	if (null_lines)
	{
		if (claim->self_pay + claim->over_limit + claim->class_b > claim->total)
			return false;
	}
	else
	{
		int			len;

		(void) read_varlena(&rc, &len, ALIGNOF_DOUBLE);
		if (!rc.ok)
			return false;
		return read_lines(rc.value, len, tc, claim);
	}
	return true;
}

/*
 * settlement_tuple.c
 *      A settlement as a matins.settlement composite datum, written directly.
 *
 *      The row has a fixed shape (contract: Settling claims): claim_id bigint, policy and route
 *      text, eight amounts, transfer_to text, four amounts, notes text[].  Every text and
 *      amount is short, so each is stored with a one-byte header and needs no alignment; the
 *      row is therefore written field after field into one allocation, laid out exactly as
 *      heap_form_tuple lays it out.  The tuple header is copied from a row heap_form_tuple
 *      formed once per call site, so whatever the server marks a composite datum with (type,
 *      typmod, datum version) is the server's own.  A descriptor of another shape, or a value
 *      that is not short, takes heap_form_tuple itself.
 *
 *      The expanded record matins_settle returns in an expression (settlement_expanded;
 *      settlement_record.c lends the records) holds no row: its fields' values are written
 *      into one buffer of the record (write_values), and PostgreSQL forms the row from them
 *      when it needs one.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/expandedrecord.h"
#include "utils/memutils.h"

#include "settle.h"

#define N_SETTLEMENT_FIELDS 17
#define S_CLAIM_ID		0
#define S_TRANSFER_TO	11
#define S_NOTES			16

/*
 * A memo of notes arrays: the same notes (pointers into the catalog or literals) give the same
 * text[] datum, built once per catalog generation.  Two ways a set: a few dozen combinations are
 * frequent, and two of them sharing a slot would otherwise evict each other row after row.  As
 * in the route memo, a look-up reads the set's tags (a hash of the notes, 0 when empty: 2 kB
 * for all sets) and then only the entry whose tag matches.
 */
#define NOTES_MEMO_SETS 256
#define NOTES_MEMO_WAYS 2

typedef struct NotesMemo
{
	int			n;
	const char *notes[MAX_NOTES];
	Datum		array;			/* in the catalog's context */
} NotesMemo;

static uint32 *notes_memo_tags = NULL;	/* NOTES_MEMO_WAYS a set */
static NotesMemo *notes_memo = NULL;	/* the entries, in the same order */
static uint64 notes_memo_generation = 0;	/* the catalog generation of the entries */
static uint32 notes_memo_victim = 0;
static Datum transfer_text[N_TRANSFERS];

/*
 * notes_memo_init
 *      Allocate the memo, or empty it for a new catalog generation (the arrays of the last one
 *      went with its context).
 */
static pg_noinline void
notes_memo_init(uint64 generation)
{
	if (notes_memo == NULL)
	{
		notes_memo = MemoryContextAlloc(TopMemoryContext,
										sizeof(NotesMemo) * NOTES_MEMO_SETS * NOTES_MEMO_WAYS);
		notes_memo_tags = MemoryContextAlloc(TopMemoryContext,
											 sizeof(uint32) * NOTES_MEMO_SETS * NOTES_MEMO_WAYS);
	}
	memset(notes_memo_tags, 0, sizeof(uint32) * NOTES_MEMO_SETS * NOTES_MEMO_WAYS);
	notes_memo_generation = generation;
}

/*
 * notes_array_build
 *      Build the notes array of memo entry i (the memo missed) and tag it.
 */
static pg_noinline Datum
notes_array_build(const MatinsCatalog *cat, const Settlement *s, int i, uint32 tag)
{
	NotesMemo  *m = &notes_memo[i];
	Datum		elems[MAX_NOTES];
	Datum		built;

	/*
	 * Build it in the call's context and keep one copy in the catalog's context, where it lives
	 * exactly as long as the strings it names; the array it replaces in the entry is freed (an
	 * entry without a tag held one of an earlier generation, which went with its context).
	 */
	for (int k = 0; k < s->n_notes; k++)
		elems[k] = CStringGetTextDatum(s->notes[k]);
	built = packed_varlena(PointerGetDatum(construct_array(elems, s->n_notes, TEXTOID, -1,
														   false, TYPALIGN_INT)));
	if (notes_memo_tags[i] != 0)
		pfree(DatumGetPointer(m->array));
	notes_memo_tags[i] = 0;		/* untagged until complete (an allocation may fail) */
	{
		Size		size = VARSIZE_ANY(DatumGetPointer(built));
		char	   *copy = MemoryContextAlloc(cat->cxt, size + PACKED_SLACK);	/* as packed_varlena */

		memcpy(copy, DatumGetPointer(built), size);
		m->array = PointerGetDatum(copy);
	}
	m->n = s->n_notes;
	memcpy(m->notes, s->notes, sizeof(char *) * s->n_notes);
	notes_memo_tags[i] = tag;
	return m->array;
}

/*
 * notes_array
 *      The settlement's notes as text[], from the memo when the same notes were seen before.
 */
static inline Datum
notes_array(const MatinsCatalog *cat, const Settlement *s)
{
	uint32		h = (uint32) s->n_notes;
	uint64		key;
	int			set;
	uint32		tag;

	if (unlikely(notes_memo_generation != cat->generation))
		notes_memo_init(cat->generation);
	for (int i = 0; i < s->n_notes; i++)
		h = (h ^ (uint32) (uintptr_t) s->notes[i]) * 16777619u;
	key = (uint64) h * UINT64CONST(0x9E3779B97F4A7C15);
	StaticAssertStmt(NOTES_MEMO_SETS == 256, "the set is the top byte");
	set = (int) (key >> 56) * NOTES_MEMO_WAYS;
	tag = (uint32) (key >> 24) | 1;
	for (int w = 0; w < NOTES_MEMO_WAYS; w++)
	{
		if (notes_memo_tags[set + w] == tag)
		{
			const NotesMemo *m = &notes_memo[set + w];
			int			i = 0;

			if (m->n != s->n_notes)
				continue;
			while (i < s->n_notes && m->notes[i] == s->notes[i])
				i++;
			if (i == s->n_notes)
				return m->array;
		}
	}
	return notes_array_build(cat, s, set + notes_memo_victim++ % NOTES_MEMO_WAYS, tag);
}

/*
 * transfer_datum
 *      The text datum of a transfer destination, built once per backend.
 */
static pg_noinline Datum
transfer_datum(TransferTo t)
{
	if (transfer_text[t] == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		transfer_text[t] = packed_text(transfer_names[t]);
		MemoryContextSwitchTo(old);
	}
	return transfer_text[t];
}

/*
 * expected_type
 *      Whether field i of the descriptor is the type the direct writer assumes.
 */
static bool
expected_type(TupleDesc desc, int i)
{
	Form_pg_attribute att = TupleDescAttr(desc, i);
	Oid			want = i == S_CLAIM_ID ? INT8OID
		: (i == 1 || i == 2 || i == S_TRANSFER_TO) ? TEXTOID
		: i == S_NOTES ? TEXTARRAYOID : NUMERICOID;

	return !att->attisdropped && att->atttypid == want &&
		(i == S_CLAIM_ID ? (att->attlen == 8 && att->attbyval && att->attalign == TYPALIGN_DOUBLE)
		 : (att->attlen == -1 && att->attstorage != TYPSTORAGE_PLAIN));
}

/*
 * settlement_shape_init
 *      Prepare a call site's shape for a blessed matins.settlement descriptor: check the
 *      layout and take the header of one row formed by heap_form_tuple.
 */
void
settlement_shape_init(SettlementShape *shape, TupleDesc desc)
{
	Datum		v[N_SETTLEMENT_FIELDS];
	bool		n[N_SETTLEMENT_FIELDS];
	HeapTuple	sample;
	Datum		zero = fen_to_numeric(0);
	Datum		word = packed_text("x");

	shape->desc = desc;
	shape->direct = desc->natts == N_SETTLEMENT_FIELDS;
	for (int i = 0; shape->direct && i < N_SETTLEMENT_FIELDS; i++)
		shape->direct = expected_type(desc, i);
	if (!shape->direct)
		return;

	memset(n, 0, sizeof(n));
	for (int i = 0; i < N_SETTLEMENT_FIELDS; i++)
		v[i] = zero;
	v[S_CLAIM_ID] = Int64GetDatum(0);
	v[1] = v[2] = v[S_TRANSFER_TO] = word;
	v[S_NOTES] = PointerGetDatum(construct_array(&word, 1, TEXTOID, -1, false, TYPALIGN_INT));
	sample = heap_form_tuple(desc, v, n);
	memcpy(shape->header, sample->t_data, SizeofHeapTupleHeader);
	/* a row without nulls: the flag is set per row below */
	shape->direct = (sample->t_data->t_infomask & (HEAP_HASNULL | HEAP_HASEXTERNAL)) == 0 &&
		HeapTupleHeaderGetNatts(sample->t_data) == N_SETTLEMENT_FIELDS;
	heap_freetuple(sample);
}

/*
 * put_varlena
 *      Append a varlena value at data + *off as heap_fill_tuple would: a short one as it is,
 *      a four-byte one int-aligned (padding zeroed).  The value must be one packed_varlena
 *      made (or a copy with as much room after it), and data must have PACKED_SLACK bytes
 *      beyond the value's room (row_room counts them).
 */
static pg_attribute_always_inline void
put_varlena(char *data, Size *off, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	Size		len;

	if (VARATT_IS_SHORT(v))
	{
		len = VARSIZE_SHORT(v);
		/* a short value (packed, so followed by PACKED_SLACK bytes) is copied as one block */
		if (len <= PACKED_SLACK)
		{
			memcpy(data + *off, v, PACKED_SLACK);
			*off += len;
			return;
		}
	}
	else
	{
		Size		aligned = INTALIGN(*off);

		memset(data + *off, 0, aligned - *off);
		*off = aligned;
		len = VARSIZE(v);
	}
	memcpy(data + *off, v, len);
	*off += len;
}

/*
 * varlena_room
 *      The most a varlena value can take in the row, with alignment padding.
 */
static inline Size
varlena_room(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	return VARATT_IS_SHORT(v) ? VARSIZE_SHORT(v) : VARSIZE(v) + sizeof(int32);
}

/*
 * put_amount
 *      Append an amount at data + *off as a packed numeric.
 */
static pg_attribute_always_inline void
put_amount(char *data, Size *off, Fen fen)
{
	*off += fen_to_numeric_packed(fen, data + *off);
}

/*
 * settlement_datum_general
 *      The same through heap_form_tuple, for a descriptor of another shape.
 */
static pg_noinline Datum
settlement_datum_general(const Claim *claim, const Settlement *s, const SettlementShape *shape,
						 Datum transfer, Datum notes)
{
	const Fen	amounts[12] = {
		s->total, s->self_pay, s->over_limit, s->pre_self_pay, s->in_scope, s->deductible,
		s->copay, s->over_cap, s->maternity_fund, s->pooled_fund, s->fund_total, s->personal
	};
	char		numerics[12 * FEN_NUMERIC_MAX];
	Datum		v[N_SETTLEMENT_FIELDS];
	bool		n[N_SETTLEMENT_FIELDS];
	Size		p = 0;

	memset(n, 0, sizeof(n));
	v[S_CLAIM_ID] = Int64GetDatum(claim->claim_id);
	n[S_CLAIM_ID] = claim->claim_id_null;
	v[1] = s->policy_row->id_text;
	v[2] = s->route_row->route_text;
	for (int i = 0, f = 3; i < 12; i++, f++)
	{
		if (f == S_TRANSFER_TO)
			f++;
		v[f] = PointerGetDatum(numerics + p);
		p += FEN_NUMERIC_MAX;
		(void) fen_to_numeric_packed(amounts[i], DatumGetPointer(v[f]));
	}
	v[S_TRANSFER_TO] = transfer;
	n[S_TRANSFER_TO] = (transfer == (Datum) 0);
	v[S_NOTES] = notes;
	return HeapTupleGetDatum(heap_form_tuple(shape->desc, v, n));
}

/*
 * row_room
 *      The most bytes the settlement's row can take (each amount at its largest).
 */
static pg_attribute_always_inline Size
row_room(const Claim *claim, Datum policy, Datum route, Datum transfer, Datum notes)
{
	bool		has_null = claim->claim_id_null || transfer == (Datum) 0;
	Size		hoff = has_null ? MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(N_SETTLEMENT_FIELDS))
		: MAXALIGN(SizeofHeapTupleHeader);

	return hoff + sizeof(int64) + varlena_room(policy) + varlena_room(route) +
		12 * FEN_NUMERIC_MAX + (transfer ? varlena_room(transfer) : 0) + varlena_room(notes) +
		PACKED_SLACK;			/* a short value is copied as a block of that size */
}

/*
 * write_row
 *      The settlement's row, written directly at td (row_room bytes), laid out as
 *      heap_form_tuple lays it out; returns its length.  The caller checked shape->direct and
 *      that policy and route are short.
 */
static Size
write_row(HeapTupleHeader td, const Claim *claim, const Settlement *s,
		  const SettlementShape *shape, Datum policy, Datum route, Datum transfer, Datum notes)
{
	bool		has_null = claim->claim_id_null || transfer == (Datum) 0;
	Size		hoff = has_null ? MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(N_SETTLEMENT_FIELDS))
		: MAXALIGN(SizeofHeapTupleHeader);
	char	   *data = (char *) td + hoff;
	Size		off = 0;
	const Fen	amounts[12] = {
		s->total, s->self_pay, s->over_limit, s->pre_self_pay, s->in_scope, s->deductible,
		s->copay, s->over_cap, s->maternity_fund, s->pooled_fund, s->fund_total, s->personal
	};

	memcpy(td, shape->header, SizeofHeapTupleHeader);
	memset((char *) td + SizeofHeapTupleHeader, 0, hoff - SizeofHeapTupleHeader);
	if (has_null)
	{
		bits8	   *bits = td->t_bits;

		td->t_infomask |= HEAP_HASNULL;
		/* one bit a field, set when the field is not null */
		bits[0] = claim->claim_id_null ? 0xFE : 0xFF;
		bits[1] = transfer == (Datum) 0 ? (0xFF & ~(1 << (S_TRANSFER_TO - 8))) : 0xFF;
		bits[2] = 0x01;
	}
	td->t_hoff = (uint8) hoff;

	/* the fields in contract order; each amount may write a few bytes past itself, which the
	 * next field overwrites (row_room counts the most each can take) */
	if (!claim->claim_id_null)
	{
		int64		id = claim->claim_id;

		memcpy(data, &id, sizeof(int64));
		off = sizeof(int64);
	}
	put_varlena(data, &off, policy);
	put_varlena(data, &off, route);
	/*
	 * The twelve amounts in contract order, transfer_to after the eighth, written in a loop,
	 * not with twelve copies of the amount writer: the flat row is what a call in FROM returns,
	 * where the engine shares the instruction cache with the function scan's own code, and
	 * smaller code runs faster there.
	 */
#pragma GCC unroll 1
	for (int i = 0; i < 12; i++)
	{
		if (i == 8 && transfer != (Datum) 0)
			put_varlena(data, &off, transfer);
		put_amount(data, &off, amounts[i]);
	}
	put_varlena(data, &off, notes);

	HeapTupleHeaderSetDatumLength(td, hoff + off);
	return hoff + off;
}

/*
 * put_amount_aligned
 *      Append an amount at data + *off (int-aligned) as a numeric with a four-byte header, and
 *      return it as a datum; *off stays int-aligned.  Up to FEN_NUMERIC_MAX + 3 bytes are
 *      written (the next value overwrites those past the amount).
 */
static pg_attribute_always_inline Datum
put_amount_aligned(char *data, Size *off, Fen fen)
{
	char	   *p = data + *off;
	/* the packed form one byte in, then its one-byte header overwritten by the four-byte one */
	Size		len = fen_to_numeric_packed(fen, p + 3) + 3;

	SET_VARSIZE(p, len);
	*off = INTALIGN(*off + len);
	return PointerGetDatum(p);
}

/*
 * values_room
 *      The most bytes write_values can take for a settlement with these texts.
 */
static pg_attribute_always_inline Size
values_room(Datum policy, Datum route, Datum transfer, Datum notes)
{
	return 12 * INTALIGN(FEN_NUMERIC_MAX + 3) + varlena_room(policy) + varlena_room(route) +
		(transfer ? varlena_room(transfer) : 0) + varlena_room(notes) +
		PACKED_SLACK;			/* a short value is copied as a block of that size */
}

/*
 * write_values
 *      The settlement's field values for an expanded record: each written at data (int-aligned,
 *      values_room bytes) and given in dvalues, with the nulls in dnulls; returns the bytes
 *      used.  The amounts come first, int-aligned with four-byte headers: an aggregate such as
 *      sum() then takes them as they are (a one-byte header would make it copy each).  The
 *      texts and notes are copies too, not the catalog's own values, so that the record holds
 *      all it points to whoever takes it over.
 */
static pg_attribute_always_inline Size
write_values(char *data, const Claim *claim, const Settlement *s, Datum policy, Datum route,
			 Datum transfer, Datum notes, Datum *dvalues, bool *dnulls)
{
	Size		off = 0;

	dvalues[3] = put_amount_aligned(data, &off, s->total);
	dvalues[4] = put_amount_aligned(data, &off, s->self_pay);
	dvalues[5] = put_amount_aligned(data, &off, s->over_limit);
	dvalues[6] = put_amount_aligned(data, &off, s->pre_self_pay);
	dvalues[7] = put_amount_aligned(data, &off, s->in_scope);
	dvalues[8] = put_amount_aligned(data, &off, s->deductible);
	dvalues[9] = put_amount_aligned(data, &off, s->copay);
	dvalues[10] = put_amount_aligned(data, &off, s->over_cap);
	dvalues[12] = put_amount_aligned(data, &off, s->maternity_fund);
	dvalues[13] = put_amount_aligned(data, &off, s->pooled_fund);
	dvalues[14] = put_amount_aligned(data, &off, s->fund_total);
	dvalues[15] = put_amount_aligned(data, &off, s->personal);

	/* a value with a four-byte header is int-aligned (put_varlena) */
#define VARLENA_AT(d) PointerGetDatum(data + (VARATT_IS_SHORT(DatumGetPointer(d)) ? off : INTALIGN(off)))
	dvalues[1] = VARLENA_AT(policy);
	put_varlena(data, &off, policy);
	dvalues[2] = VARLENA_AT(route);
	put_varlena(data, &off, route);
	if (transfer != (Datum) 0)
	{
		dvalues[S_TRANSFER_TO] = VARLENA_AT(transfer);
		put_varlena(data, &off, transfer);
	}
	else
		dvalues[S_TRANSFER_TO] = (Datum) 0;
	dvalues[S_NOTES] = VARLENA_AT(notes);
	put_varlena(data, &off, notes);
#undef VARLENA_AT

	dvalues[S_CLAIM_ID] = Int64GetDatum(claim->claim_id);
	memset(dnulls, 0, N_SETTLEMENT_FIELDS);
	dnulls[S_CLAIM_ID] = claim->claim_id_null;
	dnulls[S_TRANSFER_TO] = transfer == (Datum) 0;
	return off;
}

/* the values of a row that are not the settlement's amounts */
typedef struct RowTexts
{
	Datum		policy;
	Datum		route;
	Datum		transfer;		/* 0: null */
	Datum		notes;
} RowTexts;

/*
 * row_texts
 *      The settlement's texts and notes as datums; whether the row can be written directly
 *      (the expected layout, and policy and route short) rather than through heap_form_tuple.
 */
static pg_attribute_always_inline bool
row_texts(const MatinsCatalog *cat, const Settlement *s, const SettlementShape *shape,
		  RowTexts *v)
{
	v->policy = s->policy_row->id_text;
	v->route = s->route_row->route_text;
	v->transfer = s->transfer_to == TRANSFER_NONE ? (Datum) 0 : transfer_datum(s->transfer_to);
	v->notes = notes_array(cat, s);
	return shape->direct && VARATT_IS_SHORT(DatumGetPointer(v->policy)) &&
		VARATT_IS_SHORT(DatumGetPointer(v->route));
}

/*
 * settlement_datum
 *      A settlement as a matins.settlement composite datum.
 */
Datum
settlement_datum(const MatinsCatalog *cat, const Claim *claim, const Settlement *s,
				 const SettlementShape *shape)
{
	RowTexts	v;
	HeapTupleHeader td;

	if (!row_texts(cat, s, shape, &v))
		return settlement_datum_general(claim, s, shape, v.transfer, v.notes);
	td = palloc(row_room(claim, v.policy, v.route, v.transfer, v.notes));
	write_row(td, claim, s, shape, v.policy, v.route, v.transfer, v.notes);
	return PointerGetDatum(td);
}

/*
 * settlement_expanded
 *      A settlement as an expanded matins.settlement record, read-write, that holds its fields'
 *      values (write_values) and no flat row: PostgreSQL forms the row from them when one is
 *      needed (output, a stored tuple, ...).  settlement_record.c says why, and where the
 *      record comes from.
 */
Datum
settlement_expanded(const MatinsCatalog *cat, const Claim *claim, const Settlement *s,
					const SettlementShape *shape, uint64 tupdesc_id)
{
	RowTexts	v;
	ExpandedRecordHeader *erh;
	char	   *values;

	if (!row_texts(cat, s, shape, &v))
		return settlement_datum_general(claim, s, shape, v.transfer, v.notes);
	erh = settlement_record_lend(shape, tupdesc_id,
								 values_room(v.policy, v.route, v.transfer, v.notes), &values);
	if (erh->nfields != N_SETTLEMENT_FIELDS || erh->dvalues == NULL)
		elog(ERROR, "matins: the settlement record has %d fields, not %d", erh->nfields,
			 N_SETTLEMENT_FIELDS);
	settlement_record_fill(erh, values,
						   write_values(values, claim, s, v.policy, v.route, v.transfer, v.notes,
										erh->dvalues, erh->dnulls));
	return EOHPGetRWDatum(&erh->hdr);
}

/*
 * claim.c
 *      Decoding and validating a matins.claim composite, once per claim.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "catalog.h"
#include "claim.h"

/*
 * required_null_error
 *      A field the settlement cannot do without is NULL.
 */
static void
required_null_error(const char *field)
{
	bool		line_field = strncmp(field, "lines[", 6) == 0;

	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("claim field %s must not be null", field),
			 line_field
			 ? errhint("Give each line as ROW(item_code, item_class, quantity, amount, surcharge, indication)::matins.claim_line.")
			 : errhint("Give it with matins.make_claim(%s => ...).", field)));
}

/*
 * decode_amount
 *      An amount field as fen: NULL is 0 where allowed; negative values and values finer than the
 *      fen are errors naming the field.
 */
static Fen
decode_amount(Datum d, bool isnull, const char *field, bool null_ok)
{
	if (isnull)
	{
		if (!null_ok)
			required_null_error(field);
		return 0;
	}
	return fen_from_field(d, psprintf("claim field %s", field),
						  "Amounts are non-negative; enter a refund as a correction of the original claim.");
}

/*
 * decode_code
 *      A coded text field as an enum index; NULL gives null_value (or an error when -1).
 */
static int
decode_code(Datum d, bool isnull, const char *field, const char *const *names, int first, int n,
			int null_value)
{
	if (isnull)
	{
		if (null_value < 0)
			required_null_error(field);
		return null_value;
	}
	return code_lookup_text(field, d, names, first, n);
}

/*
 * deform_composite
 *      The fields of a composite value, given its row header and descriptor.
 */
void
deform_composite(HeapTupleHeader th, TupleDesc desc, Datum *values, bool *nulls)
{
	HeapTupleData tuple;

	tuple.t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = th;
	heap_deform_tuple(&tuple, desc, values, nulls);
}

/*
 * check_list_array
 *      A list argument (lines, contributions) must be a one-dimensional array numbered from 1,
 *      so that the positions messages give (lines[2]) are the caller's subscripts.
 */
void
check_list_array(ArrayType *arr, const char *field)
{
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s is an array of %d dimensions", field, ARR_NDIM(arr)),
				 errhint("Give %s as a one-dimensional array, e.g. ARRAY[...].", field)));
	if (ARR_NDIM(arr) == 1 && ARR_LBOUND(arr)[0] != 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s is numbered from %d", field, ARR_LBOUND(arr)[0]),
				 errhint("Give %s as an array numbered from 1, e.g. ARRAY[...].", field)));
}

/*
 * claim_decode_lines
 *      The claim's item lines; each line's amounts and codes are checked here.
 */
void
claim_decode_lines(Datum d, ClaimTypeCache *tc, Claim *claim)
{
	ArrayType  *arr = DatumGetArrayTypeP(d);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	check_list_array(arr, "claim field lines");
	deconstruct_array(arr, ARR_ELEMTYPE(arr), tc->line_typlen, tc->line_typbyval,
					  tc->line_typalign, &elems, &nulls, &n);
	claim->nlines = n;
	claim->lines = palloc0(sizeof(ClaimLine) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		ClaimLine  *line = &claim->lines[i];
		HeapTupleHeader th;
		Datum		v[N_LINE_FIELDS];
		bool		isnull[N_LINE_FIELDS];
		char		field[48];

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("claim line %d is null", i + 1),
					 errhint("Remove the empty line from lines.")));
		th = DatumGetHeapTupleHeader(elems[i]);
		deform_composite(th, tc->line_desc, v, isnull);

		/* the field names are only formatted for an error message */
#define LINE_FIELD(name) (snprintf(field, sizeof(field), "lines[%d]." name, i + 1), field)
		if (isnull[L_ITEM_CODE])
			required_null_error(LINE_FIELD("item_code"));
		line->item_code = TextDatumGetCString(v[L_ITEM_CODE]);
		line->item_class = CLASS_CATALOG;
		if (!isnull[L_ITEM_CLASS])
		{
			text	   *t = (text *) PG_DETOAST_DATUM_PACKED(v[L_ITEM_CLASS]);
			int			code = code_find(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), item_class_names, 1,
										 N_ITEM_CLASSES);

			line->item_class = code >= 0 ? code
				: decode_code(v[L_ITEM_CLASS], false, LINE_FIELD("item_class"), item_class_names, 1,
							  N_ITEM_CLASSES, CLASS_CATALOG);
		}
		line->quantity_given = !isnull[L_QUANTITY];
		if (isnull[L_QUANTITY])
			line->quantity = 1;
		else
		{
			Fen			q;

			if (!numeric_to_fen(v[L_QUANTITY], &q) || q % 100 != 0 || q < 100)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("claim field %s = %s is not a whole quantity of at least 1",
								LINE_FIELD("quantity"),
								DatumGetCString(DirectFunctionCall1(numeric_out, v[L_QUANTITY]))),
						 errhint("Quantities count times, embryos or eggs.")));
			if (q > 100000)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("claim field %s = %s is above 1000",
								LINE_FIELD("quantity"),
								DatumGetCString(DirectFunctionCall1(numeric_out, v[L_QUANTITY]))),
						 errhint("A line counts at most 1000 times, embryos or eggs; split a larger count over several lines.")));
			line->quantity = (int32) (q / 100);
		}
		if (isnull[L_AMOUNT] || !numeric_to_fen(v[L_AMOUNT], &line->amount) || line->amount < 0 ||
			line->amount >= FEN_AMOUNT_LIMIT)
			line->amount = decode_amount(v[L_AMOUNT], isnull[L_AMOUNT], LINE_FIELD("amount"), false);
		if (isnull[L_SURCHARGE])
			line->surcharge = 0;
		else if (!numeric_to_fen(v[L_SURCHARGE], &line->surcharge) || line->surcharge < 0 ||
				 line->surcharge >= FEN_AMOUNT_LIMIT)
			line->surcharge = decode_amount(v[L_SURCHARGE], false, LINE_FIELD("surcharge"), true);
		if (line->surcharge > line->amount)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("claim field %s = %s is larger than the line amount %s",
							LINE_FIELD("surcharge"), fen_to_cstring(line->surcharge),
							fen_to_cstring(line->amount)),
					 errhint("The surcharge is the part of the amount that is the item's surcharge.")));
#undef LINE_FIELD
		if (isnull[L_INDICATION])
			line->indication = 0;
		else
		{
			char	   *ind = TextDatumGetCString(v[L_INDICATION]);

			if (strcmp(ind, "monogenic") == 0)
				line->indication = INDICATION_MONOGENIC;
			else if (strcmp(ind, "chromosomal") == 0)
				line->indication = INDICATION_CHROMOSOMAL;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown lines[%d].indication \"%s\"", i + 1, value_for_message(ind)),
						 errhint("Use 'monogenic' or 'chromosomal' (JL24-ART-4), or NULL.")));
		}
	}
}

/*
 * claim_decode
 *      Decode a claim and check everything that does not depend on its route: codes known,
 *      amounts exact and non-negative, parts within the total, lines adding up to it.
 */
void
claim_decode(Datum claim_datum, ClaimTypeCache *tc, MemoryContext cxt, Claim *claim)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(claim_datum);
	HeapTupleHeader th;
	Datum		v[N_CLAIM_FIELDS];
	bool		isnull[N_CLAIM_FIELDS];

	/* the usual case: a valid claim of a type checked before, read in place */
	if (claim_read(claim_datum, tc, cxt, claim))
		return;

	/*
	 * A claim read from a table usually has a one-byte (packed) header, so its data is not
	 * aligned: copy it into a buffer kept for the call site instead of a fresh detoasted copy.
	 * (A one-byte header may also be a TOAST pointer: the server expands that one.)
	 */
	if (VARATT_IS_SHORT(raw) && !VARATT_IS_EXTERNAL(raw))
	{
		Size		len = VARSIZE_SHORT(raw) - VARHDRSZ_SHORT;

		if (tc->buf_size < len + VARHDRSZ)
		{
			tc->buf_size = Max(len + VARHDRSZ, 256) * 2;
			tc->buf = MemoryContextAlloc(cxt, tc->buf_size);
		}
		SET_VARSIZE(tc->buf, len + VARHDRSZ);
		memcpy(tc->buf + VARHDRSZ, VARDATA_SHORT(raw), len);
		th = (HeapTupleHeader) tc->buf;
		/* a datum written before datums were marked as such: let the server convert it */
		if (!infomask_is_datum(th->t_infomask))
			th = DatumGetHeapTupleHeader(claim_datum);
	}
	else
		th = DatumGetHeapTupleHeader(claim_datum);

	if (tc->claim_desc == NULL || tc->type_id != HeapTupleHeaderGetTypeId(th))
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);
		TupleDesc	desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(th),
													   HeapTupleHeaderGetTypMod(th));
		Oid			line_array_type;
		Oid			line_type;

		if (desc->natts != N_CLAIM_FIELDS)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("claim has %d fields, matins.claim has %d", desc->natts, N_CLAIM_FIELDS),
					 errhint("Build claims with matins.make_claim(...).")));
		line_array_type = TupleDescAttr(desc, CLAIM_LINES)->atttypid;
		line_type = get_element_type(line_array_type);
		tc->line_desc = lookup_rowtype_tupdesc_copy(line_type, -1);
		get_typlenbyvalalign(line_type, &tc->line_typlen, &tc->line_typbyval,
							 &tc->line_typalign);
		tc->claim_desc = desc;
		tc->type_id = HeapTupleHeaderGetTypeId(th);
		MemoryContextSwitchTo(old);
	}

	deform_composite(th, tc->claim_desc, v, isnull);

	/* the server has checked this datum against the type: datums of the same stamp can be read
	 * in place (claim_read) */
	if (infomask_is_datum(th->t_infomask) && HeapTupleHeaderGetNatts(th) == N_CLAIM_FIELDS &&
		claim_read_layout_ok(tc->claim_desc))
	{
		memcpy(tc->stamp, (char *) th + CLAIM_STAMP_OFFSET, CLAIM_STAMP_LEN);
		tc->stamp_valid = true;
	}

	claim->claim_id_null = isnull[CLAIM_CLAIM_ID];
	claim->claim_id = isnull[CLAIM_CLAIM_ID] ? 0 : DatumGetInt64(v[CLAIM_CLAIM_ID]);
	claim->person_id_null = isnull[CLAIM_PERSON_ID];
	claim->person_id = isnull[CLAIM_PERSON_ID] ? 0 : DatumGetInt64(v[CLAIM_PERSON_ID]);
	claim->pregnancy_id = isnull[CLAIM_PREGNANCY_ID] ? claim->person_id : DatumGetInt64(v[CLAIM_PREGNANCY_ID]);

	if (isnull[CLAIM_REGION])
		required_null_error("region");
	{
		text	   *t = (text *) PG_DETOAST_DATUM_PACKED(v[CLAIM_REGION]);
		int			len = VARSIZE_ANY_EXHDR(t);

		if (len == 6)
		{
			memcpy(claim->region, VARDATA_ANY(t), 6);
			claim->region[6] = '\0';
		}
		else
		{
			char		chain[4][7];

			(void) region_chain(text_to_cstring(t), chain);	/* the error for a bad code */
		}
		/* the digits are checked by region_chain on route resolution (memoized per region) */
	}
	if (isnull[CLAIM_SERVICE_DATE])
		required_null_error("service_date");
	claim->service_date = DatumGetDateADT(v[CLAIM_SERVICE_DATE]);
	if (DATE_NOT_FINITE(claim->service_date))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claim field service_date must be a finite date"),
				 errhint("Give the day the service was provided.")));
	if (claim->service_date < CLAIM_DATE_FIRST || claim->service_date > CLAIM_DATE_LAST)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("claim field service_date = %s is out of range", date_text(claim->service_date)),
				 errhint("Service dates lie between 1900-01-01 and 2199-12-31.")));

	claim->scheme = decode_code(v[CLAIM_SCHEME], isnull[CLAIM_SCHEME], "scheme", scheme_names, 0,
								N_SCHEMES, -1);
	claim->person_type = decode_code(v[CLAIM_PERSON_TYPE], isnull[CLAIM_PERSON_TYPE], "person_type",
									 person_type_names, 0, N_PERSON_TYPES, -1);
	claim->maternity_insured = isnull[CLAIM_MATERNITY_INSURED] ? true :
		DatumGetBool(v[CLAIM_MATERNITY_INSURED]);
	claim->benefit = decode_code(v[CLAIM_BENEFIT], isnull[CLAIM_BENEFIT], "benefit", benefit_names, 0,
								 N_BENEFITS, -1);
	claim->procedure = decode_code(v[CLAIM_PROCEDURE], isnull[CLAIM_PROCEDURE], "procedure",
								   procedure_names, 1, N_PROCEDURES, PROC_NONE);
	claim->setting = decode_code(v[CLAIM_SETTING], isnull[CLAIM_SETTING], "setting", setting_names, 0,
								 N_SETTINGS, usual_setting(claim->benefit, claim->procedure));
	claim->disease = isnull[CLAIM_DISEASE] ? NULL : TextDatumGetCString(v[CLAIM_DISEASE]);
	if (isnull[CLAIM_HOSPITAL_LEVEL])
		claim->hospital_level = 0;
	else
	{
		int			level = DatumGetInt16(v[CLAIM_HOSPITAL_LEVEL]);

		if (level < 1 || level > 3)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("claim field hospital_level = %d is not a hospital level", level),
					 errhint("Use 1, 2 or 3: the level the fund settles the institution at (an unrated institution's agreed level).")));
		claim->hospital_level = level;
	}
	claim->hospital = isnull[CLAIM_HOSPITAL] ? NULL : TextDatumGetCString(v[CLAIM_HOSPITAL]);
	claim->location = decode_code(v[CLAIM_LOCATION], isnull[CLAIM_LOCATION], "location", location_names,
								  0, N_LOCATIONS, LOC_LOCAL);
	claim->referral = decode_code(v[CLAIM_REFERRAL], isnull[CLAIM_REFERRAL], "referral", referral_names,
								  1, N_REFERRALS, REF_NONE);

	/* a null total is the sum of the lines, as make_claim takes it (checked below) */
	claim->total = decode_amount(v[CLAIM_TOTAL], isnull[CLAIM_TOTAL], "total", true);
	/* the parts are amounts whether or not lines replace them below */
	claim->self_pay = decode_amount(v[CLAIM_SELF_PAY], isnull[CLAIM_SELF_PAY], "self_pay", true);
	claim->over_limit = decode_amount(v[CLAIM_OVER_LIMIT], isnull[CLAIM_OVER_LIMIT], "over_limit", true);
	claim->class_b = decode_amount(v[CLAIM_CLASS_B], isnull[CLAIM_CLASS_B], "class_b", true);
	claim->nlines = 0;
	claim->lines = NULL;
	if (!isnull[CLAIM_LINES])
		claim_decode_lines(v[CLAIM_LINES], tc, claim);
	if (claim->nlines > 0)
	{
		Fen			sum = 0;

		for (int i = 0; i < claim->nlines; i++)
			sum += claim->lines[i].amount;
		if (isnull[CLAIM_TOTAL])
			claim->total = sum;
		else if (sum != claim->total)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("claim lines add up to %s but total = %s", fen_to_cstring(sum),
							fen_to_cstring(claim->total)),
					 errhint("With item lines, total is the sum of the lines' amounts.")));
		/* self_pay, over_limit and class_b follow from the lines */
		claim->self_pay = claim->over_limit = claim->class_b = 0;
	}
	else if (isnull[CLAIM_TOTAL])
		required_null_error("total");
	else if (claim->self_pay + claim->over_limit + claim->class_b > claim->total)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claim parts self_pay %s + over_limit %s + class_b %s are larger than total %s",
						fen_to_cstring(claim->self_pay), fen_to_cstring(claim->over_limit),
						fen_to_cstring(claim->class_b), fen_to_cstring(claim->total)),
				 errhint("self_pay, over_limit and class_b are parts of total.")));
}

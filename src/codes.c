/*
 * codes.c
 *      Names of the coded values and their lookup with clear errors.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "codes.h"

const char *const scheme_names[] = {"employee", "resident"};
const char *const person_type_names[] = {
	"enterprise", "public", "flexible", "unemployed", "retiree", "resident", "spouse"
};
const char *const benefit_names[] = {
	"prenatal", "screening", "delivery", "family_planning", "art", "outpatient", "chronic",
	"special", "day_surgery", "inpatient"
};
const char *const setting_names[] = {"outpatient", "inpatient"};
const char *const procedure_names[] = {
	"", "iud_insert", "iud_remove", "abortion", "medical_abortion", "induced_labour",
	"tubal_ligation", "vas_ligation", "tubal_reversal", "vas_reversal", "implant"
};
const char *const location_names[] = {"local", "province", "national"};
const char *const referral_names[] = {"", "up", "down"};
const char *const item_class_names[] = {"", "A", "B", "self"};
const char *const transfer_names[] = {"", "general_outpatient", "critical_illness", "personal"};

/*
 * code_lookup
 *      The index of value in names[first..n-1], or an error that lists the allowed codes.
 */
/*
 * value_for_message
 *      A value as an error message shows it: whole up to 64 bytes, else its first 64 and "...",
 *      so that a megabyte pasted by mistake does not become a megabyte of log.
 */
const char *
value_for_message(const char *value)
{
	int			len = strlen(value);

	if (len <= 64)
		return value;
	len = pg_mbcliplen(value, len, 64);
	return psprintf("%.*s...", len, value);
}

int
code_lookup(const char *field, const char *value, const char *const *names, int first, int n)
{
	StringInfoData allowed;
	int			i;

	for (i = first; i < n; i++)
		if (strcmp(value, names[i]) == 0)
			return i;

	initStringInfo(&allowed);
	for (i = first; i < n; i++)
		appendStringInfo(&allowed, "%s'%s'", i > first ? ", " : "", names[i]);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown %s \"%s\"", field, value_for_message(value)),
			 errhint("Use one of %s.", allowed.data)));
	return -1;					/* not reached */
}

/*
 * code_find
 *      The index of the code data[0..len) in names[first..n-1], or -1 when it is not one.
 */
int
code_find(const char *data, int len, const char *const *names, int first, int n)
{
	if (len <= 0)
		return -1;
	for (int i = first; i < n; i++)
	{
		const char *name = names[i];
		int			k = 0;

		/* codes are a few bytes: compare in line, stopping at the first difference */
		while (k < len && name[k] != '\0' && name[k] == data[k])
			k++;
		if (k == len && name[len] == '\0')
			return i;
	}
	return -1;
}

/*
 * code_index_build
 *      Fill an index from its table (on its first use), with a seed under which every name has
 *      a slot of its own, so that a look-up is one probe.
 */
void
code_index_build(CodeIndex *ix)
{
	Assert(ix->n <= (int) lengthof(ix->len) && ix->n < CODE_INDEX_SLOTS);
	for (int i = ix->first; i < ix->n; i++)
	{
		ix->len[i] = (uint8) strlen(ix->names[i]);
		Assert(ix->len[i] <= CODE_MAX_LEN);
		memcpy(ix->word[i], ix->names[i], ix->len[i]);
	}
	for (ix->seed = 0;; ix->seed++)
	{
		bool		clash = false;

		memset(ix->slot, 0, sizeof(ix->slot));
		for (int i = ix->first; i < ix->n && !clash; i++)
		{
			uint32		h = code_hash(ix->word[i][0], ix->word[i][1], ix->seed);

			clash = ix->slot[h] != 0;
			ix->slot[h] = (int8) (i + 1);
		}
		if (!clash)
			break;
	}
	ix->built = true;
}

/*
 * code_lookup_text
 *      code_lookup on a text datum, comparing its bytes in place (codes are short and stored
 *      inline, so nothing is copied unless the code is unknown).
 */
int
code_lookup_text(const char *field, Datum value, const char *const *names, int first, int n)
{
	text	   *t = (text *) PG_DETOAST_DATUM_PACKED(value);
	int			i = code_find(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), names, first, n);

	if (i >= 0)
		return i;
	return code_lookup(field, text_to_cstring(t), names, first, n);
}

/*
 * usual_setting
 *      Where a benefit is normally given: outpatient for checks, screening, ART and outpatient
 *      care; inpatient for delivery and inpatient care; family planning by procedure (IUD,
 *      abortions and implants outpatient; induced labour, ligations and reversals inpatient).
 */
Setting
usual_setting(Benefit benefit, Procedure procedure)
{
	switch (benefit)
	{
		case BEN_DELIVERY:
		case BEN_INPATIENT:
			return SETTING_INPATIENT;
		case BEN_FAMILY_PLANNING:
			switch (procedure)
			{
				case PROC_INDUCED_LABOUR:
				case PROC_TUBAL_LIGATION:
				case PROC_VAS_LIGATION:
				case PROC_TUBAL_REVERSAL:
				case PROC_VAS_REVERSAL:
					return SETTING_INPATIENT;
				default:
					return SETTING_OUTPATIENT;
			}
		default:
			return SETTING_OUTPATIENT;
	}
}

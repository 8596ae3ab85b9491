-- matins 0.1.0 -> 0.2.0: maternity allowance, eligibility and contributions (contract:
-- Maternity events).  C functions in src/allowance.c, src/eligibility.c, src/event.c and
-- src/contribution.c; they read the catalogs, so they are STABLE.

CREATE FUNCTION @extschema@.matins_allowance(e @extschema@.event, policy text DEFAULT NULL)
    RETURNS @extschema@.allowance
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_allowance';
COMMENT ON FUNCTION @extschema@.matins_allowance(@extschema@.event, text) IS
    'The maternity allowance of an event: days (CN-ML, ZJ-ML, GS-ML, JL-ML), base, amount = base × days ÷ allowance.divisor, prenatal grant (LZ-PN), payee and payer, deadlines; policy NULL = in force on the event date, else that policy (what-if)';

CREATE FUNCTION @extschema@.matins_eligibility(e @extschema@.event, policy text DEFAULT NULL)
    RETURNS @extschema@.eligibility
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_eligibility';
COMMENT ON FUNCTION @extschema@.matins_eligibility(@extschema@.event, text) IS
    'Whether an event''s person gets maternity medical benefits and the allowance, with the continuous contribution months before the event (LZ-GAP, NM-EL, LZ-AEL, JL24-EL) and the first payable day';

CREATE FUNCTION @extschema@.matins_contribution(region text, person_type text, base numeric, month date)
    RETURNS numeric
    LANGUAGE c STABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'matins_contribution';
COMMENT ON FUNCTION @extschema@.matins_contribution(text, text, numeric, date) IS
    'The contribution the region''s documents define for a person type on a base in a month: Lanzhou''s combined medical + maternity rate (LZ-CON), Inner Mongolia''s maternity rate from employer.maternity_rate (NM-CON); rounded once to the fen';

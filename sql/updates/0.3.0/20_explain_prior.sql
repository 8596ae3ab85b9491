
-- matins_explain after earlier usage: the steps of matins_settle(claim, prior, policy), so a
-- settlement made in a window or by the ledger can be read step by step too
CREATE FUNCTION @extschema@.matins_explain(claim @extschema@.claim, prior jsonb, policy text DEFAULT NULL)
    RETURNS TABLE (step int, rule text, source text, basis numeric, rate numeric, amount numeric, note text)
    LANGUAGE c STABLE PARALLEL SAFE ROWS 12
    AS 'MODULE_PATHNAME', 'matins_explain_prior';
COMMENT ON FUNCTION @extschema@.matins_explain(@extschema@.claim, jsonb, text) IS
    'The steps of a claim''s settlement after the earlier usage given in prior (keys documented in the README)';

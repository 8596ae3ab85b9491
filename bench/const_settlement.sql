-- bench only: the floor of PostgreSQL's own cost of a C call claim -> settlement.
-- Declared like matins_settle (STABLE PARALLEL SAFE, not STRICT) so both are called alike.
CREATE FUNCTION bench_const_settlement(c matins.claim) RETURNS matins.settlement
    LANGUAGE c STABLE PARALLEL SAFE
    AS '$libdir/const_settlement', 'bench_const_settlement';

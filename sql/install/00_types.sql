-- matins 0.1.0: the composite types of the public surface (contract: Settling claims;
-- Maternity events).  Their names, fields and order are fixed.

\echo Use "CREATE EXTENSION matins" to load this file. \quit

CREATE TYPE @extschema@.claim_line AS (
    item_code  text,
    item_class text,
    quantity   numeric,
    amount     numeric,
    surcharge  numeric,
    indication text
);
COMMENT ON TYPE @extschema@.claim_line IS
    'One item line of a claim: item code and class, quantity, charged amount, surcharge part, PGT indication';

CREATE TYPE @extschema@.claim AS (
    claim_id bigint, person_id bigint, pregnancy_id bigint,
    region text, service_date date,
    scheme text, person_type text, maternity_insured boolean,
    benefit text, setting text, procedure text, disease text,
    hospital_level smallint,
    hospital text,
    location text, referral text,
    total numeric,
    self_pay numeric,
    over_limit numeric,
    class_b numeric,
    lines @extschema@.claim_line[]
);
COMMENT ON TYPE @extschema@.claim IS
    'A medical claim as the settlement engine reads it (amounts in yuan)';

CREATE TYPE @extschema@.settlement AS (
    claim_id bigint,
    policy text,
    route text,
    total numeric,
    self_pay numeric,
    over_limit numeric,
    pre_self_pay numeric,
    in_scope numeric,
    deductible numeric,
    copay numeric,
    over_cap numeric,
    transfer_to text,
    maternity_fund numeric,
    pooled_fund numeric,
    fund_total numeric,
    personal numeric,
    notes text[]
);
COMMENT ON TYPE @extschema@.settlement IS
    'The settlement of one claim, with the national platform''s amounts and the rule ids applied';

CREATE TYPE @extschema@.contribution AS (
    month date,
    region text,
    paid boolean,
    paid_on date,
    base numeric,
    person_type text
);
COMMENT ON TYPE @extschema@.contribution IS
    'One month of contributions: month (first day), region, paid, when paid, base, person type';

CREATE TYPE @extschema@.event AS (
    person_id bigint, region text,
    event text,
    event_date date,
    person_type text, maternity_insured boolean,
    gestation_months int,
    infants int,
    dystocia boolean,
    birth_order int,
    unit_avg_wage numeric,
    claim_date date,
    employer_arrears boolean,
    contributions @extschema@.contribution[]
);
COMMENT ON TYPE @extschema@.event IS
    'A maternity event (birth, termination, paternity) with the contribution history before it';

CREATE TYPE @extschema@.allowance AS (
    eligible boolean,
    policy text,
    days int,
    base numeric,
    daily numeric,
    amount numeric,
    grant_amount numeric,
    payee text,
    payer text,
    first_payable date,
    apply_by date,
    notes text[]
);
COMMENT ON TYPE @extschema@.allowance IS
    'The maternity allowance of an event: days, base, amount, grants, payee and payer, deadlines';

CREATE TYPE @extschema@.eligibility AS (
    medical boolean, allowance boolean,
    continuous_months int,
    first_payable date,
    notes text[]
);
COMMENT ON TYPE @extschema@.eligibility IS
    'Whether an event''s person is entitled to maternity medical benefits and to the allowance';

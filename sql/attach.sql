-- The fund database path (issue 5): a DBA's own claims table attached with matins.attach(), its
-- rows settled as they are inserted, corrected by DELETE and UPDATE, and every misuse refused
-- with a clear error.  Every amount below is worked out by hand in the comment above it.
SET search_path = "$user", public, matins;
SET datestyle = ISO;
\set SHOW_CONTEXT never

------------------------------------------------------------------ attach
-- A subset of matins.claim's fields (the others are NULL: maternity_insured counts as true,
-- location as 'local', missing amounts as 0), the settlement column, and a column of the DBA's
-- own that matins ignores.
CREATE TABLE fund_claims (
    claim_id     bigint PRIMARY KEY,
    person_id    bigint NOT NULL,
    pregnancy_id bigint,
    region       text,
    service_date date,
    scheme       text,
    person_type  text,
    benefit      text,
    hospital     text,
    total        numeric,
    self_pay     numeric,
    received_by  text,
    settlement   matins.settlement
);
SELECT matins.attach('fund_claims');
SELECT rel, attached_by = current_user AS by_me FROM matins.attached;
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'fund_claims'::regclass;

-- the settled rows, as a clerk reads them
CREATE VIEW settled AS
SELECT claim_id AS id, person_id AS person, pregnancy_id AS preg, service_date, benefit, total,
       (settlement).route, (settlement).in_scope, (settlement).maternity_fund AS fund,
       (settlement).over_cap, (settlement).transfer_to, (settlement).personal,
       array_to_string((settlement).notes, ',') AS notes
FROM fund_claims ORDER BY claim_id;
-- the ledger's counters and each claim's increments
CREATE VIEW counters AS
SELECT person_id AS person, usage FROM matins.ledger ORDER BY person_id;
CREATE VIEW increments AS
SELECT rel, claim_id AS id, person_id AS person, year, pregnancy_id AS preg, delta
FROM matins.ledger_entry ORDER BY rel::text, claim_id;

------------------------------------------------------------------ inserts
-- JL24-PN, person 1, pregnancy 10 (Changchun 220100 uses Jilin's shipped cap of 1000):
--   1: 650 - self_pay 50 = in_scope 600; 1000 - 0 left -> fund 600, personal 50
--   2: in_scope 700; 1000 - 600 = 400 left -> fund 400, over_cap 300 -> general_outpatient,
--      personal 700 - 400 = 300
--   3: in_scope 200; 1000 - 1000 = 0 left -> fund 0, over_cap 200, personal 200
-- (JL24-EL: Jilin has set no waiting period, so each notes waiting_period_not_applied)
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total, self_pay, received_by) VALUES
    (1, 1, 10, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 650, 50, 'clerk a'),
    (2, 1, 10, '220100', '2025-04-12', 'employee', 'enterprise', 'prenatal', 700, 0, 'clerk a');
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total, received_by) VALUES
    (3, 1, 10, '220100', '2025-05-20', 'employee', 'enterprise', 'prenatal', 200, 'clerk b');
-- LZ-SCR, person 2, pregnancy 20 (Lanzhou 620100, quota 160 once per pregnancy, designated
-- hospitals only):
--   4: not designated -> fund 0, 200 -> general_outpatient; the once is not used
--   5: designated, 180 -> min(180, 160) = 160; 180 - 160 = 20 over the quota -> personal
--   6: designated again in the same pregnancy -> fund 0, 120 -> general_outpatient
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, hospital, total) VALUES
    (4, 2, 20, '620100', '2025-09-01', 'employee', 'enterprise', 'screening', '某县人民医院', 200),
    (5, 2, 20, '620100', '2025-09-02', 'employee', 'enterprise', 'screening', '兰州大学第二医院', 180),
    (6, 2, 20, '620100', '2025-10-02', 'employee', 'enterprise', 'screening', '兰州大学第二医院', 120);
SELECT * FROM settled;
-- person 1: prenatal_paid 600 + 400 + 0 = 1000 in pregnancy 10; person 2: screening used in 20
SELECT * FROM counters;
-- claim 3 and claims 4 and 6 paid nothing and added nothing: their deltas are empty
SELECT * FROM increments;
SELECT * FROM matins.ledger_check();

------------------------------------------------------------------ a rejected row, a rollback
-- the engine refuses the row: nothing is stored, no counter moves (a rolled-back statement)
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total) VALUES
    (7, 1, 11, '220100', '2025-06-01', 'employee', 'enterprise', 'prenatal', 300),
    (8, 1, 11, '220100', '2025-06-02', 'employee', 'enterprise', 'prenatal', -300);
-- a rolled-back transaction leaves nothing either: inside it, claim 9 of a new pregnancy 12 is
-- paid 300 in full and the ledger shows it; after ROLLBACK the ledger is as before
BEGIN;
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total) VALUES
    (9, 1, 12, '220100', '2026-03-01', 'employee', 'enterprise', 'prenatal', 300);
SELECT id, fund FROM settled WHERE id = 9;
SELECT usage -> 'pregnancies' AS inside FROM matins.ledger WHERE person_id = 1;
ROLLBACK;
SELECT usage -> 'pregnancies' AS after_rollback FROM matins.ledger WHERE person_id = 1;
SELECT count(*) AS rows_7_8_9 FROM fund_claims WHERE claim_id IN (7, 8, 9);
SELECT count(*) AS entries_7_8_9 FROM matins.ledger_entry WHERE claim_id IN (7, 8, 9);

------------------------------------------------------------------ corrections
-- DELETE gives claim 1's 600 back: prenatal_paid 1000 - 600 = 400 (claim 2's).  Claims 2 and 3
-- are not re-settled: they keep 400 and 0.
DELETE FROM fund_claims WHERE claim_id = 1;
SELECT usage -> 'pregnancies' -> '10' AS pregnancy_10 FROM matins.ledger WHERE person_id = 1;
-- a later claim finds the freed cap (JL24-PN): 1000 - 400 = 600 left, in_scope 500 -> fund 500;
-- prenatal_paid 400 + 500 = 900
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total) VALUES
    (10, 1, 10, '220100', '2025-06-01', 'employee', 'enterprise', 'prenatal', 500);
-- LZ-SCR: deleting claim 5 frees the pregnancy's screening; claim 11 (designated, 150) is paid
-- min(150, 160) = 150 in full
DELETE FROM fund_claims WHERE claim_id = 5;
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, hospital, total) VALUES
    (11, 2, 20, '620100', '2025-10-20', 'employee', 'enterprise', 'screening', '甘肃省妇幼保健院', 150);
-- UPDATE re-settles: claim 2's total 700 -> 300.  Its 400 is given back (900 - 400 = 500), then
-- the new row is settled after the counters as they stand: 1000 - 500 = 500 left, in_scope 300
-- -> fund 300, nothing over; prenatal_paid 500 + 300 = 800
UPDATE fund_claims SET total = 300 WHERE claim_id = 2;
-- an UPDATE of a column matins does not read re-settles too, with the same result here:
-- claim 10's 500 back (800 - 500 = 300), 1000 - 300 = 700 left, 500 paid again -> 800
UPDATE fund_claims SET received_by = 'clerk c' WHERE claim_id = 10;
SELECT * FROM settled;
-- person 1: pregnancy 10 800 (claims 2 300 + 10 500); person 2: the screening used by claim 11
SELECT * FROM counters;
SELECT * FROM increments;
SELECT * FROM matins.ledger_check();
-- the later claims are not re-settled: claim 3 keeps 0 although 1000 - 800 = 200 is left now.
-- matins_settle_run over the stored claims gives the re-settlement report: in date order
-- 2 (300), 3 (200), 10 (500) -> 300, 200 (300 + 200 = 500 of 1000), 500 (500 + 500 = 1000)
SELECT claim_id AS id, service_date, (settlement).maternity_fund AS stored,
       (matins_settle_run(ROW(claim_id, person_id, pregnancy_id, region, service_date, scheme,
            person_type, NULL, benefit, NULL, NULL, NULL, NULL, hospital, NULL, NULL, total,
            self_pay, NULL, NULL, NULL)::matins.claim)
            OVER (PARTITION BY person_id ORDER BY service_date, claim_id)).maternity_fund AS resettled
FROM fund_claims WHERE person_id = 1 ORDER BY service_date, claim_id;

------------------------------------------------------------------ misuse
-- no settlement column, or one of another type
CREATE TABLE no_settlement (claim_id bigint, person_id bigint, total numeric);
SELECT matins.attach('no_settlement');
CREATE TABLE text_settlement (claim_id bigint, person_id bigint, total numeric, settlement text);
SELECT matins.attach('text_settlement');
-- a claim field of the wrong type
CREATE TABLE text_total (claim_id bigint, person_id bigint, total text, settlement matins.settlement);
SELECT matins.attach('text_total');
-- no claim_id (the ledger takes a claim's increments back by it)
CREATE TABLE no_claim_id (person_id bigint, total numeric, settlement matins.settlement);
SELECT matins.attach('no_claim_id');
-- not a table
SELECT matins.attach('settled');
-- attached twice; detached when not attached
SELECT matins.attach('fund_claims');
SELECT matins.detach('no_settlement');
-- a column's type changed after attaching: the trigger refuses the insert
CREATE TABLE altered (claim_id bigint, person_id bigint, region text, service_date date,
                      scheme text, person_type text, benefit text, total numeric,
                      settlement matins.settlement);
SELECT matins.attach('altered');
ALTER TABLE altered ALTER COLUMN total TYPE text;
INSERT INTO altered VALUES (1, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', '100');
SELECT matins.detach('altered');
-- rows the ledger cannot key: a NULL claim_id, a claim_id settled already (no primary key here)
CREATE TABLE loose (claim_id bigint, person_id bigint, region text, service_date date,
                    scheme text, person_type text, benefit text, total numeric,
                    settlement matins.settlement);
SELECT matins.attach('loose');
INSERT INTO loose VALUES (NULL, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 100);
INSERT INTO loose VALUES (1, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 100),
                         (1, 3, '220100', '2025-02-11', 'employee', 'enterprise', 'prenatal', 100);
SELECT matins.detach('loose');
-- the trigger function attached by hand in a way it cannot work with
CREATE TABLE by_hand (claim_id bigint, person_id bigint, region text, service_date date,
                      scheme text, person_type text, benefit text, total numeric,
                      settlement matins.settlement);
CREATE TRIGGER t BEFORE INSERT ON by_hand FOR EACH STATEMENT EXECUTE FUNCTION matins.settle_trigger();
INSERT INTO by_hand VALUES (1, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 100);
DROP TRIGGER t ON by_hand;
CREATE TRIGGER t AFTER INSERT ON by_hand FOR EACH ROW EXECUTE FUNCTION matins.settle_trigger();
INSERT INTO by_hand VALUES (1, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 100);
DROP TRIGGER t ON by_hand;
CREATE TRIGGER t BEFORE INSERT ON by_hand FOR EACH ROW EXECUTE FUNCTION matins.settle_trigger('fast');
INSERT INTO by_hand VALUES (1, 3, '220100', '2025-02-10', 'employee', 'enterprise', 'prenatal', 100);
DROP TRIGGER t ON by_hand;
CREATE TRIGGER t BEFORE TRUNCATE ON by_hand FOR EACH STATEMENT EXECUTE FUNCTION matins.settle_trigger();
TRUNCATE by_hand;
DROP TRIGGER t ON by_hand;
-- and called directly
SELECT matins.settle_trigger();
-- none of these moved a counter: person 3 has no ledger row
SELECT count(*) AS person_3 FROM matins.ledger WHERE person_id = 3;

------------------------------------------------------------------ detach
-- detach stops settling: claim 12 is stored unsettled, and deleting claim 3 gives nothing back
-- (its entry, which added nothing, stays; the counters stay as they are)
SELECT matins.detach('fund_claims');
SELECT count(*) AS attached FROM matins.attached;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'fund_claims'::regclass;
INSERT INTO fund_claims (claim_id, person_id, pregnancy_id, region, service_date, scheme,
                         person_type, benefit, total) VALUES
    (12, 1, 10, '220100', '2025-07-01', 'employee', 'enterprise', 'prenatal', 100);
DELETE FROM fund_claims WHERE claim_id = 3;
SELECT id, fund, route FROM settled WHERE id IN (3, 12);
SELECT id FROM increments WHERE id = 3;
SELECT * FROM counters;
SELECT * FROM matins.ledger_check();

-- leave the database as it was
DROP VIEW settled, counters, increments;
DROP TABLE fund_claims, no_settlement, text_settlement, text_total, no_claim_id, altered, loose, by_hand;
DELETE FROM matins.ledger_entry;
DELETE FROM matins.ledger;

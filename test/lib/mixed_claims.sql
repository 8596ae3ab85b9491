-- The 2000 mixed claims of g(i, c), included with \ir by test/settle_records.sql and
-- test/settle_scan.sql: Lanzhou delivery (LZ-IP), an uninsured spouse's delivery without a claim
-- id (LZ-SPO), Lanzhou prenatal and screening (LZ-PN, LZ-SCR: transfer_to set), Jilin prenatal
-- (JL24-PN, its cap of 1000), with totals that vary row by row.
CREATE TEMP TABLE g AS
SELECT i, matins.make_claim(
        claim_id => CASE WHEN i % 5 = 1 THEN NULL ELSE i END, person_id => i, region => CASE WHEN i % 5 = 4 THEN '220000' ELSE '620100' END,
        service_date => date '2025-08-01' + i % 300, scheme => 'employee',
        person_type => CASE WHEN i % 5 = 1 THEN 'spouse' ELSE 'enterprise' END,
        maternity_insured => i % 5 <> 1,
        benefit => (ARRAY['delivery', 'delivery', 'prenatal', 'screening', 'prenatal'])[i % 5 + 1],
        hospital => CASE WHEN i % 5 = 3 THEN (ARRAY['某县人民医院', '甘肃省人民医院'])[i % 2 + 1] END,
        total => 1 + (i * 7919 % 900000) / 100.0) AS c
FROM generate_series(1, 2000) i;

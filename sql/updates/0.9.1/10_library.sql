-- matins 0.9.0 -> 0.9.1: a release of the library alone; the catalogs and the SQL surface do not
-- change.  The library reads the catalogs only of its own version (src/catalog.h), so this step
-- records that the database has met the 0.9.1 library.  One correction, to notes only: an ART
-- claim none of whose lines is a listed item no longer cites JL24-ART-3 and JL24-ART-4.  The
-- rest is speed, with the same settlements:
--   - the expanded matins.settlement record an expression gets holds its fields' values and no
--     flat row (PostgreSQL forms the row when it needs one), its amounts with four-byte headers;
--   - the record pool registers no allocation a row;
--   - matins' window node takes the window's keys that are fields of the claim
--     ((c).person_id, (c).service_date, (c).claim_id) from the claim it decodes, under ROWS;
--   - the library is built without a frame pointer.

\echo Use "ALTER EXTENSION matins UPDATE TO '0.9.1'" to load this file. \quit

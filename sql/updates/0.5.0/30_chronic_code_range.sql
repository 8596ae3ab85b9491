
-- JL19-CH: the 18 province-wide chronic diseases are CH01..CH18 and a region may add at most 5
-- of its own, CH19..CH23.  0.4.0 took any CHnn row and refused it only when a claim named it;
-- the catalog now refuses it where it is inserted.  NOT VALID: a database that already holds
-- such a row (no claim could use it) still upgrades; the row stays until the DBA removes it.
ALTER TABLE @extschema@.chronic_disease
    ADD CONSTRAINT chronic_disease_code_range CHECK (code BETWEEN 'CH01' AND 'CH23') NOT VALID;

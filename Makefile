# matins: PGXS build.
#
# The install script of the first release, matins--0.1.0.sql, is assembled from the ordered
# pieces in sql/install/ and is frozen from then on: every later version adds an upgrade script
# matins--A--B.sql, assembled from the pieces in sql/updates/B/, and never edits a released
# piece.  PostgreSQL installs a later version by running the 0.1.0 script and then the chain.

EXTENSION    = matins
BASE_VERSION = 0.1.0
MODULE_big   = matins
OBJS         = src/matins.o src/catalog_guard.o src/catalog_cache.o src/money.o src/codes.o \
               src/catalog.o src/claim.o src/claim_read.o src/usage.o src/route.o src/settle.o src/settle_sql.o src/settlement_tuple.o src/settlement_record.o src/settle_scan.o src/settle_run_scan.o \
               src/rules/maternity.o src/rules/basic.o src/rules/art.o \
               src/event.o src/eligibility.o src/allowance.o src/contribution.o src/ledger.o

# each upgrade script is assembled from the ordered pieces in sql/updates/<version>/
UPGRADES     = matins--0.1.0--0.2.0.sql matins--0.2.0--0.3.0.sql matins--0.3.0--0.4.0.sql \
               matins--0.4.0--0.5.0.sql matins--0.5.0--0.6.0.sql matins--0.6.0--0.7.0.sql \
               matins--0.7.0--0.8.0.sql matins--0.8.0--0.9.0.sql matins--0.9.0--0.9.1.sql
DATA_built   = matins--$(BASE_VERSION).sql $(UPGRADES)

# pg_regress: inputs in sql/, expected output in expected/ (explicit list: sql/install and
# sql/updates hold the extension's own scripts)
REGRESS      = catalogs params errors settle allowance attach
REGRESS_OPTS = --load-extension=btree_gist --load-extension=matins

# isolation tests of the claims trigger (issue 5): specs in specs/, expected output in
# expected/; make installcheck runs them after REGRESS, in a database of their own
ISOLATION      = ledger_cap ledger_people ledger_delete ledger_screening ledger_deadlock
ISOLATION_OPTS = --load-extension=btree_gist --load-extension=matins

PG_CONFIG ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The engine's files call one another on every row: link-time optimization inlines across them,
# and calls inside matins.so bind directly, not through the procedure linkage table (about 10%
# of matins_settle's time, bench/run).  The engine is many small functions: without a frame
# pointer each has one more register and two fewer instructions (1.5% of matins_settle's
# instructions; debuggers and perf --call-graph=dwarf unwind from the -g information).
# `override`: a PG_CFLAGS given on the command line (scripts/test gives -Wall -Werror) keeps them.
override CFLAGS += -flto=auto -fno-semantic-interposition -fomit-frame-pointer
SHLIB_LINK += -Wl,-Bsymbolic

matins--$(BASE_VERSION).sql: $(sort $(wildcard sql/install/*.sql))
	cat $^ > $@

matins--0.1.0--0.2.0.sql: $(sort $(wildcard sql/updates/0.2.0/*.sql))
	cat $^ > $@

matins--0.2.0--0.3.0.sql: $(sort $(wildcard sql/updates/0.3.0/*.sql))
	cat $^ > $@

matins--0.3.0--0.4.0.sql: $(sort $(wildcard sql/updates/0.4.0/*.sql))
	cat $^ > $@

matins--0.4.0--0.5.0.sql: $(sort $(wildcard sql/updates/0.5.0/*.sql))
	cat $^ > $@

matins--0.5.0--0.6.0.sql: $(sort $(wildcard sql/updates/0.6.0/*.sql))
	cat $^ > $@

matins--0.6.0--0.7.0.sql: $(sort $(wildcard sql/updates/0.7.0/*.sql))
	cat $^ > $@

matins--0.7.0--0.8.0.sql: $(sort $(wildcard sql/updates/0.8.0/*.sql))
	cat $^ > $@

matins--0.8.0--0.9.0.sql: $(sort $(wildcard sql/updates/0.9.0/*.sql))
	cat $^ > $@

matins--0.9.0--0.9.1.sql: $(sort $(wildcard sql/updates/0.9.1/*.sql))
	cat $^ > $@

# PGXS does not track header dependencies: every object depends on every header
$(OBJS): $(wildcard src/*.h)

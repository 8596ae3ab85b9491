# shellcheck shell=bash
# Shared steps of scripts/demo and scripts/test: packages, build, a private cluster.
#
# The cluster belongs to the postgres user, listens on a Unix socket only
# (listen_addresses=''), and lives in a fresh directory that stop_cluster removes.

set -euo pipefail

MATINS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MATINS_PORT=${MATINS_PORT:-54329}
PG_BIN=/usr/lib/postgresql/15/bin

say() { printf '\n== %s\n' "$*"; }

# Re-run the calling script as root (through sudo) when started by another user.
become_root() {
    if [ "$(id -u)" -ne 0 ]; then
        exec sudo --preserve-env=MATINS_PORT,MATINS_KEEP,CI "$0" "$@"
    fi
}

# Install the Debian packages the build and the tests need, when any is missing.
ensure_packages() {
    local missing=()
    command -v pg_config >/dev/null 2>&1 && [ -d "$(pg_config --includedir-server 2>/dev/null)" ] \
        || missing+=(postgresql-server-dev-15)
    [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
    [ -f /usr/share/postgresql/15/extension/pgtap.control ] || missing+=(postgresql-15-pgtap)
    command -v pg_prove >/dev/null 2>&1 || missing+=(libtap-parser-sourcehandler-pgtap-perl)
    command -v make >/dev/null 2>&1 || missing+=(make)
    command -v gcc >/dev/null 2>&1 || missing+=(gcc)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Build with every warning an error, and install into the server's directories.  Files are
# staged first and each changed one is moved into place whole: install(1) rewrites a file in
# place, which crashes a running server that has the old library loaded.
build_install() {
    say "building and installing matins"
    make -C "$MATINS_ROOT" -s PG_CFLAGS='-Wall -Werror' all
    local stage f
    stage=$(mktemp -d)
    make -C "$MATINS_ROOT" -s install DESTDIR="$stage"
    (cd "$stage" && find . -type f) | while read -r f; do
        f=${f#./}
        if ! cmp -s "$stage/$f" "/$f"; then
            install_file "$stage/$f" "/$f"
        fi
    done
    rm -rf "$stage"
}

# Put file FROM in place as TO whole (a copy beside it, then renamed over it).
install_file() {
    mkdir -p "$(dirname "$2")"
    cp -p "$1" "$2.new.$$"
    mv -f "$2.new.$$" "$2"
}

# Start a new private cluster; exports PGHOST, PGPORT, PGUSER for psql, pg_regress and pg_prove.
start_cluster() {
    MATINS_RUN=$(mktemp -d /tmp/matins-run.XXXXXX)
    chmod 755 "$MATINS_RUN"
    chown postgres: "$MATINS_RUN"
    say "starting a private cluster in $MATINS_RUN (socket only, port $MATINS_PORT)"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$MATINS_RUN/data" -A trust -U postgres \
        --encoding=UTF8 --locale=C.UTF-8 >"$MATINS_RUN/initdb.log"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$MATINS_RUN/data" -l "$MATINS_RUN/server.log" -w \
        -o "-k $MATINS_RUN -p $MATINS_PORT -c listen_addresses='' -c max_parallel_workers_per_gather=0" \
        start >/dev/null
    export PGHOST=$MATINS_RUN PGPORT=$MATINS_PORT PGUSER=postgres
    export MATINS_RUN
}

# Stop the private cluster and remove its directory.
stop_cluster() {
    if [ -n "${MATINS_RUN:-}" ] && [ -d "$MATINS_RUN/data" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$MATINS_RUN/data" -m fast -w stop >/dev/null || true
        rm -rf "$MATINS_RUN"
    fi
}

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

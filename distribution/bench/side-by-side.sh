#!/usr/bin/env bash
# Derby and PostgreSQL side by side in one run (issue 18): N generated residents of county 440606 imported into
# embedded Derby and into PostgreSQL (import.sh, each against its reference: bare JDBC batches on Derby, one bare
# COPY on PostgreSQL), then, Derby and PostgreSQL in turn ROUNDS times, the lookup by ID number against the plain
# servlet on the same Jetty (lookup.sh: the ratio is the comparable figure) and the resident list's first page for
# the whole county and for one community's officer (LIST_RUNS requests, default 20).
#   usage: distribution/bench/side-by-side.sh [residents] [seconds] [rounds]   (default 200000, 10, 2)
#   ports: RENKOU_PORT (default 18391, the lookup on +1) and PGPORT (default 15491); KEEP=1 keeps the homes
set -euo pipefail
N=${1:-200000}
SECS=${2:-10}
ROUNDS=${3:-2}
BENCH=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/renkou-side-XXXXXX)
chmod 755 "$WORK" # the postgres user reaches the cluster folder in it
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PGPORT=${PGPORT:-15491}
PORT=${RENKOU_PORT:-18391}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && echo "kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
echo "$(date -u +%FT%TZ) $N residents, $(nproc) cpus, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== import on Derby"
RENKOU_PORT=$PORT KEEP_HOME=$WORK/derby "$BENCH/import.sh" "$N"
echo "== import on PostgreSQL"
RENKOU_PORT=$PORT KEEP_HOME=$WORK/pg-home KEEP_PG=$WORK/pg BENCH_DB=postgresql PGPORT=$PGPORT "$BENCH/import.sh" "$N"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -w -l "$WORK/pg/server.log" \
  -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
for r in $(seq "$ROUNDS"); do
  echo "== round $r: Derby"
  RENKOU_PORT=$((PORT + 1)) LIST_RUNS=${LIST_RUNS:-20} "$BENCH/lookup.sh" "$WORK/derby" "$SECS" 1
  echo "== round $r: PostgreSQL"
  RENKOU_DB=postgresql://127.0.0.1:$PGPORT/renkou RENKOU_DB_USER=renkou RENKOU_DB_PASSWORD_FILE=$WORK/pg/password \
    RENKOU_PORT=$((PORT + 1)) LIST_RUNS=${LIST_RUNS:-20} "$BENCH/lookup.sh" "$WORK/pg-home" "$SECS" 1
done
echo "$(date -u +%FT%TZ) done, load: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Bulk import of N residents (default 1,000,000) from CSV into embedded Derby through POST /api/imports, with the
# platform started with -Xmx512m, against plain JDBC batch inserts of the same rows into a fresh Derby database
# (org.renkou.core.internal.imports.JdbcImportBaseline: same schema, same INSERT, same batch size) in the same run.
#   usage: distribution/bench/import.sh [residents]     (after mvn -B verify -DskipTests)
#   KEEP_HOME=<folder>: leave the loaded platform home there (distribution/bench/lookup.sh uses it)
#   SKIP_BASELINE=1: only the Renkou import
#   POLL_SECONDS=30: ask for the job's progress every 30 s instead of every second (the import page asks every second;
#     the two rates side by side are what the progress costs)
#   BENCH_DB=postgresql (or distribution/bench/import-pg.sh): a private PostgreSQL cluster (initdb in the temp folder,
#     loopback port PGPORT, default 15433; binaries from PGBIN, default the newest /usr/lib/postgresql/*/bin) holds
#     both: the reference is one bare COPY of the same rows into the same schema (JdbcImportBaseline given a
#     jdbc:postgresql: URL), then Renkou imports into its own database there (RENKOU_DB)
#   PG_STATEMENTS=1 (with BENCH_DB=postgresql): pg_stat_statements on; at the end the statements of Renkou's
#     database by total server time (where the import's time goes on the server)
#   PG_OPTS="-c name=value …": server settings for the private cluster (e.g. -c autovacuum=off to take it apart)
#   KEEP_PG=<folder> (with BENCH_DB=postgresql): the cluster in that folder, stopped but kept at the end (data in
#     <folder>/data, password in <folder>/password; distribution/bench/side-by-side.sh starts it again)
set -euo pipefail
N=${1:-1000000}
COUNTY=440606
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
SYS=$DIST/system
CP=$(ls "$SYS"/org.renkou.core-*.jar):$(ls "$SYS"/org.renkou.core.api-*.jar):$(ls "$SYS"/derby-*.jar):$DIST/lib/slf4j-api.jar:$DIST/lib/slf4j-simple.jar
BENCH_DB=${BENCH_DB:-derby}
PORT=${RENKOU_PORT:-18312}
WORK=$(mktemp -d /tmp/renkou-import-XXXXXX)
HOME_DIR=${KEEP_HOME:-$WORK/home}
mkdir -p "$HOME_DIR"
PID=
PGDATA=
cleanup() {
  if [ -n "$PID" ]; then kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true; fi
  if [ -n "$PGDATA" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

BASE_ARG=$WORK/baseline-db
RENKOU_DB_ENV=()
if [ "$BENCH_DB" = postgresql ]; then
  PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
  PGPORT=${PGPORT:-15433}
  CP=$CP:$(ls "$SYS"/postgresql-*.jar)
  PGDIR=${KEEP_PG:-$WORK/pg}
  chmod 755 "$WORK"; mkdir -p -m 755 "$PGDIR"; chmod 755 "$PGDIR"; echo renkou-bench > "$PGDIR/password"
  [ "$(id -u)" != 0 ] || chown -R postgres "$PGDIR"
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -E UTF8 --no-locale --auth-local=trust \
    --auth-host=scram-sha-256 --pwfile="$PGDIR/password" >/dev/null
  PGDATA=$PGDIR/data
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDIR/server.log" \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 ${PG_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements} ${PG_OPTS:-}" \
    start >/dev/null
  for sql in "CREATE ROLE renkou LOGIN PASSWORD 'renkou-bench'" "CREATE DATABASE baseline OWNER renkou" \
      "CREATE DATABASE renkou OWNER renkou"; do
    as_pg "$PGBIN/psql" -q -h "$PGDIR" -p "$PGPORT" -U postgres -d postgres -c "$sql"
  done
  "$PGBIN/postgres" --version
  BASE_ARG="jdbc:postgresql://127.0.0.1:$PGPORT/baseline?user=renkou&password=renkou-bench"
  RENKOU_DB_ENV=(RENKOU_DB="postgresql://127.0.0.1:$PGPORT/renkou" RENKOU_DB_USER=renkou
    RENKOU_DB_PASSWORD_FILE="$PGDIR/password")
fi

echo "$(date -u +%FT%TZ) generating $N residents of county $COUNTY"
java -cp "$CP" org.renkou.core.internal.sample.CountyGenerator $COUNTY "$N" "$WORK/data" >/dev/null
cp "$WORK/data/id-numbers.txt" "$HOME_DIR/id-numbers.txt"
ls -l "$WORK/data/residents.csv" | awk '{printf "CSV %.0f MB\n", $5/1048576}'

BASE="skipped 0 rows/s"
[ -n "${SKIP_BASELINE:-}" ] || { echo "$(date -u +%FT%TZ) baseline on $BENCH_DB, load: $(cut -d' ' -f1-3 /proc/loadavg)"; BASE=$(java -Xmx512m -XX:+UseSerialGC -Dderby.stream.error.file="$WORK/derby-baseline.log" -cp "$CP" \
  org.renkou.core.internal.imports.JdbcImportBaseline "$WORK/data/jurisdictions.tsv" "$WORK/data/residents.csv" "$BASE_ARG"); }
echo "$BASE"
BASE_RATE=$(echo "$BASE" | awk '{print $(NF-1)}')
rm -rf "$WORK/baseline-db"

echo "$(date -u +%FT%TZ) Renkou on $BENCH_DB, RENKOU_JAVA_OPTS=-Xmx512m, load: $(cut -d' ' -f1-3 /proc/loadavg)"
env "${RENKOU_DB_ENV[@]}" RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_JAVA_OPTS="${RENKOU_JAVA_OPTS:--Xmx512m -Drenkou.auth.trustHeader=true}" "$DIST/bin/renkou" \
  </dev/null >"$WORK/console.txt" 2>&1 &
PID=$!
base=http://127.0.0.1:$PORT
until curl -s $base/api/jurisdictions/$COUNTY | grep -q '"code"'; do sleep 0.3; done
# Every place must exist before the import, or its rows are refused ("no such jurisdiction"): a POST that failed
# under load used to pass unnoticed, so each is checked (201 new, 409 there already) and tried again.
while IFS=$'\t' read -r code level parent name; do
  for try in 1 2 3 4 5 0; do
    [ "$try" != 0 ] || { echo "jurisdiction $code could not be created: HTTP $st" >&2; exit 1; }
    st=$(curl -s -o /dev/null -w '%{http_code}' -X POST $base/api/jurisdictions -H 'Content-Type: application/json' \
      -d "{\"code\":\"$code\",\"name\":\"$name\",\"level\":\"$level\",\"parentCode\":\"$parent\"}")
    case $st in 2??|409) break ;; *) sleep "$try" ;; esac
  done
done < "$WORK/data/jurisdictions.tsv"
START=$(date +%s.%N)
JOB=$(curl -s -X POST $base/api/imports -H 'Content-Type: text/csv' --data-binary @"$WORK/data/residents.csv" \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
while :; do
  J=$(curl -s $base/api/imports/$JOB)
  echo "$J" | grep -q '"state":"RUNNING"' || break
  sleep "${POLL_SECONDS:-1}"
done
END=$(date +%s.%N)
echo "$J" | sed 's/,"errors".*//'
echo "$J" | grep -q '"errorRows":0,' || echo "first errors: $(echo "$J" | sed -n 's/.*"errors":\(.\{0,400\}\).*/\1/p')"
RATE=$(echo "$J" | sed 's/.*"rowsPerSecond":\([0-9.]*\).*/\1/')
IMPORTED=$(echo "$J" | sed 's/.*"importedRows":\([0-9]*\).*/\1/')
printf 'Renkou: %d rows imported, %.0f rows/s by the job (%.1f s wall time including the upload)\n' \
  "$IMPORTED" "$RATE" "$(echo "$END - $START" | bc -l)"
[ -n "${SKIP_BASELINE:-}" ] || printf 'ratio Renkou / baseline (%s): %.2f\n' "$BENCH_DB" "$(echo "$RATE / $BASE_RATE" | bc -l)"
echo "$(date -u +%FT%TZ) done, load: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E 'Import .* rows/s' "$HOME_DIR/logs/renkou.log" | tail -3 || true
if [ -n "${PG_STATEMENTS:-}" ] && [ "$BENCH_DB" = postgresql ]; then
  as_pg "$PGBIN/psql" -q -h "$PGDIR" -p "$PGPORT" -U postgres -d renkou -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  as_pg "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -d renkou -c "SELECT calls, round(total_exec_time::numeric) AS ms,
    round((total_exec_time / calls)::numeric, 2) AS ms_per_call, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS query
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'renkou'
    ORDER BY total_exec_time DESC LIMIT 15"
  as_pg "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -d renkou -c "SELECT relname, autovacuum_count,
    autoanalyze_count FROM pg_stat_user_tables WHERE relname IN ('resident', 'household')"
fi

#!/usr/bin/env bash
# The province-sized benchmark on PostgreSQL (issue 18): N residents (default 10,000,000) of 20 counties in 4
# prefectures (ProvinceCopy.java: 5,000 communities, households of 1-5) in a private PostgreSQL cluster, each figure
# against its reference in the same run:
#   - lookup by ID number (GET /api/residents/by-id-number/{id}, wrk as lookup.sh) against the plain servlet;
#   - the resident list's first page and the dashboard, p95 of RUNS sequential requests (the whole province, a county
#     director, a community officer) against the plain servlet timed the same way;
#   - the statistics snapshot of all N residents (the build at the start, then POST /api/statistics/refresh) against
#     the same aggregate as one bare SQL query (GROUP BY over RESIDENT, work_mem 256MB as the snapshot's) in psql.
# Fill: Renkou creates the schema (one start with RENKOU_DB), then a bare COPY ... FROM STDIN of the generated rows
# with the table's indexes and keys dropped and made again afterwards (sorted builds), then VACUUM ANALYZE.
#   usage: distribution/bench/big-pg.sh [residents] [seconds] [rounds] [runs]  (default 10000000 10 3 40)
#   (after mvn -B verify -DskipTests; run it under nice -n 5 on a shared machine)
#   PGPORT (default 15461), RENKOU_PORT (default 18461); RENKOU_JAVA_OPTS (default -Xmx2g, a province node);
#   KEEP=1 keeps the work folder (cluster stopped, data in $WORK/pg/data); FILL_ONLY=1 stops after the fill;
#   REUSE=<work folder kept before> measures again on its cluster without filling (and keeps it);
#   ONLY=pages: only the list and the dashboard (after the snapshot at the start)
set -euo pipefail
N=${1:-10000000}
SECS=${2:-10}
ROUNDS=${3:-3}
RUNS=${4:-40}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q wrk; }
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
API_JAR=$(ls "$DIST"/system/org.renkou.core.api-*.jar)
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PGPORT=${PGPORT:-15461}
PORT=${RENKOU_PORT:-18461}
BASE=http://127.0.0.1:$PORT
if [ -n "${REUSE:-}" ]; then WORK=$REUSE KEEP=1; else WORK=$(mktemp -d /tmp/renkou-bigpg-XXXXXX); fi
chmod 755 "$WORK"
PG=$WORK/pg
PID=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true; }
stop() { [ -z "$PID" ] || { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=; }; }
cleanup() { stop; pg_stop; [ -n "${KEEP:-}" ] && echo "kept: $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$(date -u +%FT%TZ) $*, load $(load)"; }
sql() { as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG" -p "$PGPORT" -U postgres -d "${DB:-renkou}" "$@"; }
pg_start() { # extra settings
  as_pg "$PGBIN/pg_ctl" -D "$PG/data" -w -l "$PG/server.log" \
    -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1 $*" start >/dev/null
}
export RENKOU_DB=postgresql://127.0.0.1:$PGPORT/renkou RENKOU_DB_USER=renkou RENKOU_DB_PASSWORD_FILE=$PG/password
export RENKOU_HOME=$WORK/home RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_SAMPLE_DATA=jurisdictions
renkou_start() {
  RENKOU_JAVA_OPTS="${RENKOU_JAVA_OPTS:--Xmx2g} -Drenkou.auth.trustHeader=true" "$DIST/bin/renkou" \
    </dev/null >>"$WORK/console.txt" 2>&1 &
  PID=$!
  until curl -s "$BASE/api/health" | grep -q '"status":"UP"'; do sleep 0.3; done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/jurisdictions/230102901001")" = 200 ]; do sleep 0.3; done
}

log "$N residents, $(nproc) cpus, $(free -g | awk '/Mem/ {print $2}') GB memory, $($PGBIN/postgres --version)"
if [ -z "${REUSE:-}" ]; then
mkdir -p -m 755 "$PG" "$RENKOU_HOME"
echo renkou-bench > "$PG/password"
[ "$(id -u)" != 0 ] || chown -R postgres "$PG"
as_pg "$PGBIN/initdb" -D "$PG/data" -U postgres -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$PG/password" >/dev/null
# the fill: no WAL for a table truncated in the loading transaction, no fsync (a benchmark cluster), big sorts
pg_start -c wal_level=minimal -c max_wal_senders=0 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c autovacuum=off -c maintenance_work_mem=2GB -c max_parallel_maintenance_workers=2 -c max_wal_size=20GB
DB=postgres sql -c "CREATE ROLE renkou LOGIN PASSWORD 'renkou-bench'" -c "CREATE DATABASE renkou OWNER renkou"

log "schema: Renkou's first start"
renkou_start
stop

log "jurisdictions"
java -cp "$API_JAR" "$BENCH/ProvinceCopy.java" jurisdictions 1 |
  sql -c "COPY JURISDICTION (CODE, NAME, LEVEL_NAME, PARENT_CODE, VERSION, CREATED_AT) FROM STDIN"
# keys and indexes of RESIDENT and HOUSEHOLD, of their key tables (filled by the COPY's statement triggers) and the
# foreign keys to them off while loading, made again after
TABLES="'resident'::regclass, 'household'::regclass, 'resident_key'::regclass, 'household_key'::regclass"
sql -At -c "SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
  FROM pg_constraint WHERE contype IN ('p', 'u', 'f') AND conparentid = 0 AND (conrelid IN ($TABLES) OR confrelid IN ($TABLES))
  ORDER BY contype = 'f', conname" > "$WORK/constraints.sql"
sql -At -c "SELECT replace(indexdef, ' ON ONLY ', ' ON ') || ';' FROM pg_indexes WHERE tablename IN ('resident', 'household')
  AND indexname NOT IN (SELECT conname FROM pg_constraint)" > "$WORK/indexes.sql"
sql -At -c "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', conrelid::regclass, conname) FROM pg_constraint
  WHERE contype IN ('p', 'u', 'f') AND conparentid = 0 AND (conrelid IN ($TABLES) OR confrelid IN ($TABLES)) ORDER BY contype <> 'f'" |
  sql -f -
sed 's/^CREATE \(UNIQUE \)\{0,1\}INDEX \([^ ]*\) .*/DROP INDEX \2;/' "$WORK/indexes.sql" | sql -f -
echo "$(wc -l < "$WORK/constraints.sql") keys and $(wc -l < "$WORK/indexes.sql") indexes dropped for the load"

log "COPY households"
t0=$(date +%s.%N)
java -cp "$API_JAR" "$BENCH/ProvinceCopy.java" households "$N" | sql -1 -c "TRUNCATE HOUSEHOLD, HOUSEHOLD_KEY" \
  -c "COPY HOUSEHOLD (ID, HH_NUMBER, RESIDENCE_CODE, ADDRESS, VERSION, CREATED_AT, UPDATED_AT) FROM STDIN"
t1=$(date +%s.%N)
log "COPY residents (households took $(printf %.0f "$(echo "$t1 - $t0" | bc -l)") s)"
java -cp "$API_JAR" "$BENCH/ProvinceCopy.java" residents "$N" "$WORK/ids.txt" | sql -1 -c "TRUNCATE RESIDENT, RESIDENT_KEY" \
  -c "COPY RESIDENT (ID, ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, REGISTRATION_CODE, STATUS, MARITAL_STATUS,
      HOUSEHOLD_ID, RELATION, VERSION, CREATED_AT, UPDATED_AT, NAME_KEY) FROM STDIN"
t2=$(date +%s.%N)
COPY_S=$(echo "$t2 - $t1" | bc -l)
log "$(printf '%d residents copied in %.0f s: %.0f rows/s; keys and indexes' "$N" "$COPY_S" "$(echo "$N / $COPY_S" | bc -l)")"
sql -c "SET maintenance_work_mem = '2GB'" -f "$WORK/constraints.sql" -f "$WORK/indexes.sql"
sql -c "SELECT setval(pg_get_serial_sequence('resident', 'id'), (SELECT MAX(ID) FROM RESIDENT))" \
  -c "SELECT setval(pg_get_serial_sequence('household', 'id'), (SELECT MAX(ID) FROM HOUSEHOLD))" >/dev/null
t3=$(date +%s.%N)
log "$(printf 'keys and indexes made in %.0f s; VACUUM ANALYZE' "$(echo "$t3 - $t2" | bc -l)")"
sql -c "VACUUM ANALYZE"
t4=$(date +%s.%N)
log "$(printf 'vacuumed in %.0f s; fill %.0f s in all' "$(echo "$t4 - $t3" | bc -l)" "$(echo "$t4 - $t0" | bc -l)")"
sql -c "SELECT t AS relname, pg_size_pretty(SUM(pg_relation_size(relid))) AS heap,
  pg_size_pretty(SUM(pg_indexes_size(relid))) AS indexes, COUNT(*) - 1 AS partitions
  FROM unnest(ARRAY['resident', 'household', 'resident_key', 'household_key']) t, pg_partition_tree(t::regclass)
  GROUP BY t" \
  -c "SELECT pg_size_pretty(pg_database_size('renkou')) AS database"
echo "data folder: $(du -sh "$PG/data" | cut -f1)"
[ -z "${FILL_ONLY:-}" ] || exit 0
fi

# measuring: a plain cluster (fsync, WAL, autovacuum on) with a 1 GB buffer cache
[ -n "${REUSE:-}" ] || pg_stop
pg_start -c shared_buffers=1GB -c effective_cache_size=8GB -c maintenance_work_mem=256MB
mkdir -p "$RENKOU_HOME/deploy"
cp "$ROOT"/bundles/org.renkou.bench.servlet/target/org.renkou.bench.servlet-*.jar "$RENKOU_HOME/deploy/"
log "Renkou on $N residents"
t0=$(date +%s.%N)
renkou_start
log "$(printf 'started in %.1f s' "$(echo "$(date +%s.%N) - $t0" | bc -l)")"
until curl -s "$BASE/api/statistics/snapshot" | grep -q '"id":[0-9].*"refreshing":false'; do
  kill -0 "$PID" 2>/dev/null || { echo "Renkou stopped"; tail -30 "$WORK/console.txt"; exit 1; }
  sleep 1
done
log "first snapshot: $(curl -s "$BASE/api/statistics/snapshot")"
grep -h 'Statistics snapshot [0-9]' "$RENKOU_HOME"/logs/renkou.log | tail -1
# the reference: the snapshot's resident cells as one bare aggregate query (age bands by birth date as on today)
BANDS=$(python3 -c "import datetime
t = datetime.date.today()
print(' '.join('WHEN BIRTH_DATE <= DATE %r THEN %d' % (t.replace(year=t.year - a, day=min(t.day, 28)).isoformat(), i)
  for i, a in reversed(list(enumerate([0, 3, 6, 15, 20, 30, 40, 50, 60, 65, 80]))) if a > 0))")
AGG="SELECT RESIDENCE_CODE, REGISTRATION_CODE, SEX, CASE $BANDS ELSE 0 END AS BAND, STATUS, MARITAL_STATUS, COUNT(*)
  FROM RESIDENT GROUP BY 1, 2, 3, 4, 5, 6"
[ "${ONLY:-}" = pages ] || for r in $(seq "$ROUNDS"); do
  t0=$(date +%s.%N)
  cells=$(sql -At -c "SET work_mem = '256MB'" -c "SELECT COUNT(*) FROM ($AGG) c")  # as the snapshot sets it
  t1=$(date +%s.%N)
  refresh=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "$BASE/api/statistics/refresh")
  printf '%s snapshot round %d: bare SQL aggregate %.1f s (%s cells) | refresh %s s (HTTP %s) | ratio %.2f, load %s\n' \
    "$(date -u +%TZ)" "$r" "$(echo "$t1 - $t0" | bc -l)" "$cells" "${refresh#* }" "${refresh% *}" \
    "$(echo "${refresh#* } / ($t1 - $t0)" | bc -l)" "$(load)"
  grep -h 'Statistics snapshot [0-9]' "$RENKOU_HOME"/logs/renkou.log | tail -1
done

# lookup by ID number against the plain servlet, as lookup.sh
export RENKOU_IDS=$WORK/ids.txt
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
wrk_run() {
  local before after
  before=$(cpu)
  wrk -t2 -c32 -d"${SECS}s" --latency "$@" > "$WORK/wrk.last"
  after=$(cpu)
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '/Requests\/sec/ {r=$2} /requests in/ {n=$1}
    /^ +50%/ {m=$2} /^ +99%/ {p=$2} /Non-2xx/ {e=$4}
    END {printf "%s req/s, p50 %s, p99 %s, %.0f us CPU/request%s", r, m, p, ticks / hz * 1e6 / n, (e ? ", non-2xx " e : "")}' \
    "$WORK/wrk.last"
}
curl -s -f "$BASE/api/residents/by-id-number/$(head -1 "$RENKOU_IDS")" >/dev/null
[ "${ONLY:-}" = pages ] || { log "lookup warm-up"
  wrk -t2 -c32 -d10s "$BASE/bench/plain" >/dev/null; wrk -t2 -c32 -d30s -s "$BENCH/lookup.lua" "$BASE" >/dev/null; }
[ "${ONLY:-}" = pages ] || for r in $(seq "$ROUNDS"); do
  p=$(wrk_run "$BASE/bench/plain"); l=$(wrk_run -s "$BENCH/lookup.lua" "$BASE")
  printf '%s lookup round %d: plain %s | lookup %s | ratio %.2f, load %s\n' "$(date -u +%TZ)" "$r" "$p" "$l" \
    "$(echo "${l%% *} / ${p%% *}" | bc -l)" "$(load)"
done

# the resident list's first page and the dashboard: p95 of RUNS sequential requests after three
COMMUNITY=440606105012
curl -s -o /dev/null -X POST "$BASE/api/staff" -H 'Content-Type: application/json' -d "{\"username\":\"bench-community\",\
\"name\":\"压测专干\",\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"$COMMUNITY\"],\"password\":\"Bench-2026big\"}"
curl -s -o /dev/null -X POST "$BASE/api/staff" -H 'Content-Type: application/json' -d "{\"username\":\"bench-county\",\
\"name\":\"压测主任\",\"roles\":[\"DIRECTOR\",\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606\"],\"password\":\"Bench-2026big\"}"
timed() { # path [curl options] -> "median x ms, p95 y ms"
  local path=$1; shift
  for i in 1 2 3; do curl -s -o /dev/null "$@" "$BASE$path"; done
  for i in $(seq "$RUNS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$BASE$path"
  done > "$WORK/times"
  grep -v '^200 ' "$WORK/times" | head -1 | sed "s|^|$path answered |" >&2 || true
  cut -d' ' -f2 "$WORK/times" | sort -n | awk '{a[NR] = $1 * 1000} END {printf "median %.1f ms, p95 %.1f ms",
    a[int((NR + 1) / 2)], a[int(NR * 0.95 + 0.999)]}'
}
for r in $(seq "$ROUNDS"); do
  log "pages round $r: plain servlet $(timed /bench/plain)"
  for who in province bench-county bench-community; do
    h=(); [ "$who" = province ] || h=(-H "X-Renkou-User: $who")
    total=$(curl -s "${h[@]}" "$BASE/api/residents?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    echo "  $who ($total residents): list $(timed '/api/residents?limit=50' "${h[@]}") | dashboard $(timed /api/statistics/dashboard "${h[@]}")"
  done
done
log done

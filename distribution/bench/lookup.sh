#!/usr/bin/env bash
# Lookup of a resident by ID number, GET /api/residents/by-id-number/{id}, with 1,000,000 residents loaded, against
# the plain servlet on the same Jetty (bundles/org.renkou.bench.servlet, hot-deployed for the run), with wrk on
# loopback; each request asks for a random existing ID number (lookup.lua).
#   usage: distribution/bench/lookup.sh [home] [seconds] [rounds]
#   home: a RENKOU_HOME loaded by `KEEP_HOME=<home> distribution/bench/import.sh` (made now if not given); on
#     PostgreSQL export RENKOU_DB, RENKOU_DB_USER and RENKOU_DB_PASSWORD_FILE too (distribution/bench/side-by-side.sh)
#   LIST_RUNS=<n> (default 0): then also time the resident list's first page (GET /api/residents?limit=50) for the
#     whole county and for one community's officer, median and p95 of n sequential requests after a warm-up
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
HOME_DIR=${1:-}
SECS=${2:-10}
ROUNDS=${3:-3}
PORT=${RENKOU_PORT:-18313}
if [ -z "$HOME_DIR" ]; then
  HOME_DIR=$(mktemp -d /tmp/renkou-lookup-XXXXXX)
  KEEP_HOME=$HOME_DIR SKIP_BASELINE=1 "$ROOT/distribution/bench/import.sh" 1000000
fi
mkdir -p "$HOME_DIR/deploy"
cp "$ROOT"/bundles/org.renkou.bench.servlet/target/org.renkou.bench.servlet-*.jar "$HOME_DIR/deploy/"
export RENKOU_IDS=$HOME_DIR/ids-sample.txt
shuf -n 100000 "$HOME_DIR/id-numbers.txt" > "$RENKOU_IDS"
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Xmx512m -Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" \
  </dev/null >/dev/null 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true' EXIT
base=http://127.0.0.1:$PORT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/bench/plain || true)" = 200 ]; do sleep 0.2; done
until curl -s $base/api/health | grep -q '"status":"UP"'; do sleep 0.2; done
ID=$(head -1 "$RENKOU_IDS")
for i in $(seq 100); do curl -s -f $base/api/residents/by-id-number/$ID >/dev/null && break; sleep 0.3; done
curl -s -f $base/api/residents/by-id-number/$ID >/dev/null || { echo "lookup of $ID failed"; exit 1; }
LUA=$ROOT/distribution/bench/lookup.lua
OUT=$HOME_DIR/wrk-lookup.txt
: > "$OUT"
# CPU time Renkou's JVM spent per request (from /proc, in microseconds): steadier than req/s on a shared machine
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
run() {
  local before after
  before=$(cpu)
  wrk -t2 -c32 -d"${SECS}s" --latency "$@" > "$OUT.last"
  after=$(cpu)
  cat "$OUT.last" >> "$OUT"
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '/Requests\/sec/ {r=$2} /requests in/ {n=$1} /^ +99%/ {p=$2}
    /Non-2xx/ {e=$4} END {printf "%s req/s, p99 %s, %.0f us CPU/request%s", r, p, ticks / hz * 1e6 / n, (e ? ", non-2xx " e : "")}' "$OUT.last"
}
echo "$(date -u +%FT%TZ) warm-up"
wrk -t2 -c32 -d10s $base/bench/plain >/dev/null; wrk -t2 -c32 -d30s -s "$LUA" $base >/dev/null
for r in $(seq "$ROUNDS"); do
  p=$(run $base/bench/plain); l=$(run -s "$LUA" $base)
  pr=${p%% *}; lr=${l%% *}
  printf '%s round %d: plain %s | lookup %s | ratio %.2f\n' "$(date -u +%TZ)" "$r" "$p" "$l" "$(echo "$lr / $pr" | bc -l)"
done
[ "${LIST_RUNS:-0}" -gt 0 ] || exit 0
list() { # median and p95 in ms of LIST_RUNS first pages, after three
  for i in 1 2 3; do curl -s -o /dev/null "$@" "$base/api/residents?limit=50"; done
  for i in $(seq "$LIST_RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$base/api/residents?limit=50"; done |
    sort -n | awk '{a[NR] = $1 * 1000} END {printf "median %.1f ms, p95 %.1f ms", a[int((NR + 1) / 2)], a[int(NR * 0.95 + 0.5)]}'
}
COMMUNITY=$(curl -s "$base/api/residents?limit=1" | sed 's/.*"residenceCode":"\([0-9]*\)".*/\1/')
curl -s -o /dev/null -X POST "$base/api/staff" -H 'Content-Type: application/json' -d "{\"username\":\"bench-list\",\
\"name\":\"列表\",\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"$COMMUNITY\"],\"password\":\"Bench-2026list\"}"
printf '%s list, first page: county %s | community %s (officer) %s, load %s\n' "$(date -u +%TZ)" "$(list)" \
  "$COMMUNITY" "$(list -H 'X-Renkou-User: bench-list')" "$(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Population school (issue 15): the coverage report (GET /api/school/coverage) for a county of N residents
# (default 1,000,000, the sample county generator through the bulk import: distribution/bench/import.sh) and
# S sessions (default 10,000), a school per community (200) with a class enrolled by query and one session's
# attendance each in the quarter; reference: a page of 50 residents in the same run. Loopback only.
#   usage: distribution/bench/school-coverage.sh [residents] [sessions] [quarter]   (after mvn -B verify -DskipTests)
#   KEEP_HOME=<folder>: a home loaded by an earlier run (import.sh KEEP_HOME=…); it is then not imported again
#   COVERAGE_OUT=<file>: the first coverage answer is written there (to compare the figures of two builds)
#   RESAVE=1 (on a home set up before): every class's attendance saved again with every mark changed, timed
#   The timing waits for the statistics snapshot and builds one more first (SchoolCoverageBench.settleStatistics).
set -euo pipefail
N=${1:-1000000}
SESSIONS=${2:-10000}
QUARTER=${3:-$(date -u +%Y)Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))}
COUNTY=440606
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}   # RENKOU_DIST: another build, for A/B runs
PORT=${RENKOU_PORT:-18617}
WORK=$(mktemp -d /tmp/renkou-school-coverage-XXXXXX)
HOME_DIR=${KEEP_HOME:-$WORK/home}
PID=
cleanup() { if [ -n "$PID" ]; then kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
if [ ! -d "$HOME_DIR/db" ] && [ ! -d "$HOME_DIR/data" ]; then
  echo "$(date -u +%FT%TZ) importing $N residents"
  KEEP_HOME=$HOME_DIR SKIP_BASELINE=1 RENKOU_PORT=$PORT bash "$ROOT/distribution/bench/import.sh" "$N"
fi
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false \
  RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" </dev/null \
  >"$WORK/console.log" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/api/school/schools || true)" = 200 ]; do
  sleep 0.3
done
echo "started $(date -u +%H:%M:%S) UTC on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java ${BENCH_JAVA_OPTS:-} "$ROOT/distribution/bench/SchoolCoverageBench.java" "http://127.0.0.1:$PORT/api" $COUNTY \
  "$N" "$SESSIONS" "$QUARTER"
echo "finished $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"

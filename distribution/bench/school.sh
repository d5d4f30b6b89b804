#!/usr/bin/env bash
# Population school (issue 15): enrolling a target group of N women by query in one request, and saving the
# attendance of a class of 200 in one request; reference: a page of 50 residents in the same run. Starts the
# built distribution on its own home and port (loopback only), runs SchoolBench.java, stops it.
#   usage: distribution/bench/school.sh [women]   (default 5000)
# Run after `mvn verify` (distribution/target/renkou must exist).
set -euo pipefail
WOMEN=${1:-5000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}   # RENKOU_DIST: another build, for A/B runs
PORT=${RENKOU_PORT:-18615}
HOME_DIR=$(mktemp -d /tmp/renkou-school-XXXXXX)
# the benchmark acts as the built-in system caller: header trust (tests and benchmarks only), loopback only
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false \
  RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" </dev/null \
  >"$HOME_DIR/console.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT  # 143 on TERM must not skip the rm under set -e
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/api/school/schools || true)" = 200 ]; do
  sleep 0.3
done
echo "started $(date -u +%H:%M:%S) UTC on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java ${BENCH_JAVA_OPTS:-} "$ROOT/distribution/bench/SchoolBench.java" "http://127.0.0.1:$PORT/api" "$WOMEN"
echo "finished $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"

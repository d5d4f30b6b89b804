#!/usr/bin/env bash
# Module soak (issue 19): load on the rest of the platform (resident list, jurisdictions, health, lookup by ID
# number, resident reads, new residents and communities) from several clients for DURATION seconds, while a module
# (warehouse, school, association in turn) goes off and on every ~10 s through POST /api/admin/modules/{id}/disable
# and …/enable. Passes with zero failed requests to the rest (any answer not 2xx, or none), every switch 200, the
# module's API 404 when off and its record read back when on; prints the live threads and the heap after a full GC
# (jcmd) after the warm-up and at the end. Starts the built distribution on a fresh home and a free port, loopback
# only, and acts as the built-in system caller (header trust, tests and benchmarks only). Runs ModuleSoak.java.
#   usage: distribution/bench/module-soak.sh [duration-s] [clients] [interval-s] [warm-up-s]   (default 600, 4, 10, 60)
#   interval 0: the control run, the same load without switches (what the load alone does to the heap)
#   SOAK_READ_ONLY=1: reads only (no new residents or communities): with nothing new to cache, the heap after GC
#   should stay flat — the leak check
# Run after `mvn -B verify` (distribution/target/renkou must exist). Exit status 1 on any failure.
set -euo pipefail
DURATION=${1:-600}
CLIENTS=${2:-4}
INTERVAL=${3:-10}
WARMUP=${4:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}   # RENKOU_DIST: another build, for A/B runs
[ -x "$DIST/bin/renkou" ] || { echo "no distribution at $DIST: run mvn -B verify first"; exit 2; }
# a free port unless one is given: ask the kernel for one on loopback
PORT=${RENKOU_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
HOME_DIR=$(mktemp -d /tmp/renkou-soak-XXXXXX)
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false \
  RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" </dev/null \
  >"$HOME_DIR/console.log" 2>&1 &
PID=$!   # bin/renkou execs java: this is the JVM jcmd samples
# wait's status is the JVM's (143 after TERM): not an error here, or set -e would skip the clean-up
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; [ -n "${KEEP_HOME:-}" ] || rm -rf "$HOME_DIR"' EXIT
base=http://127.0.0.1:$PORT/api
for m in warehouse/products school/schools association/associations; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/$m" || true)" = 200 ]; do
    kill -0 $PID 2>/dev/null || { echo "Renkou did not start:"; tail -20 "$HOME_DIR/console.log"; exit 2; }
    sleep 0.3
  done
done
echo "started $(date -u +%H:%M:%S) UTC on $(nproc) cores, port $PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
java ${BENCH_JAVA_OPTS:-} "$ROOT/distribution/bench/ModuleSoak.java" "$base" "$PID" "$DURATION" "$CLIENTS" "$INTERVAL" \
  "$WARMUP" || status=$?
echo "finished $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# what the server said about failures (e.g. Derby's lock or sequence errors behind a 409)
if grep -qE 'Exception|SEVERE|ERROR' "$HOME_DIR/logs/"*.log "$HOME_DIR/console.log" 2>/dev/null; then
  echo "errors in Renkou's log (first 20 lines):"
  grep -hE '^Caused by|^Internal Exception|SEVERE|ERROR' "$HOME_DIR/logs/"*.log "$HOME_DIR/console.log" | sort | uniq -c | head -20
fi
exit $status

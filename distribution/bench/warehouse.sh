#!/usr/bin/env bash
# Warehouse (issue 7): 10,000 issue transactions through the REST API against a store holding 500 lots, then the
# quarterly stock and users reports for the county over the ledger that wrote. Starts the built distribution on
# its own home and port (loopback only), runs WarehouseBench.java, stops it.
#   usage: distribution/bench/warehouse.sh [issues] [clients]   (default 10000, 8)
# Run after `mvn verify` (distribution/target/renkou must exist).
set -euo pipefail
ISSUES=${1:-10000}
CLIENTS=${2:-8}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}   # RENKOU_DIST: another build, for A/B runs
PORT=${RENKOU_PORT:-18607}
HOME_DIR=$(mktemp -d /tmp/renkou-warehouse-XXXXXX)
# the benchmark acts as the built-in system caller: header trust (tests and benchmarks only), loopback only
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false \
  RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" </dev/null \
  >"$HOME_DIR/console.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT  # 143 on TERM must not skip the rm under set -e
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/api/warehouse/products || true)" = 200 ]; do
  sleep 0.3
done
echo "started $(date -u +%H:%M:%S) UTC on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the JVM's pid: the bench reads its CPU time from /proc around the issues (µs CPU per issue, steadier than
# issues/s on a shared machine)
java ${BENCH_JAVA_OPTS:-} "$ROOT/distribution/bench/WarehouseBench.java" "http://127.0.0.1:$PORT/api" "$ISSUES" "$CLIENTS" "$PID"
echo "finished $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"

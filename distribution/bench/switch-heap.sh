#!/usr/bin/env bash
# Heap after module switches (issue 19): does switching a module off and on leave anything behind? Starts the built
# distribution on a fresh home (loopback, a free port, the built-in system caller — tests and benchmarks only),
# switches every module three times (class loading, first-time caches), takes the class histogram after two full
# GCs, then switches each module CYCLES times in turn (off, its API 404, on, its API 200) and takes the histogram
# again after each module and once more after a second round of the first. Prints the bytes of the 22 largest types
# at each point; a leak grows with every round, a cache refilled by the last module started does not.
#   usage: distribution/bench/switch-heap.sh [cycles]   (default 30)
set -euo pipefail
CYCLES=${1:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}
[ -x "$DIST/bin/renkou" ] || { echo "no distribution at $DIST: run mvn -B verify first"; exit 2; }
PORT=${RENKOU_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
HOME_DIR=$(mktemp -d /tmp/renkou-switch-heap-XXXXXX)
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false RENKOU_SAMPLE_DATA=jurisdictions \
  RENKOU_JAVA_OPTS=-Drenkou.auth.trustHeader=true "$DIST/bin/renkou" </dev/null >"$HOME_DIR/console.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
base=http://127.0.0.1:$PORT/api
declare -A PROBE=([warehouse]=warehouse/products [school]=school/schools [association]=association/associations)
MODULES=(warehouse school association)
status() { curl -s -o /dev/null -w '%{http_code}' "$base/$1" || true; }
for m in "${MODULES[@]}"; do
  until [ "$(status "${PROBE[$m]}")" = 200 ]; do
    kill -0 $PID 2>/dev/null || { echo "Renkou did not start"; tail -20 "$HOME_DIR/console.log"; exit 2; }
    sleep 0.5
  done
done
cycle() {
  curl -s -o /dev/null -X POST "$base/admin/modules/$1/disable"
  until [ "$(status "${PROBE[$1]}")" = 404 ]; do sleep 0.1; done
  curl -s -o /dev/null -X POST "$base/admin/modules/$1/enable"
  until [ "$(status "${PROBE[$1]}")" = 200 ]; do sleep 0.1; done
}
sample() {
  jcmd $PID GC.run >/dev/null; sleep 1; jcmd $PID GC.run >/dev/null
  jcmd $PID GC.class_histogram | awk -v at="$1" 'NR>3 && NR<26 { s += $3; if ($4 == "[I") ints = $3 }
    END { printf "%-28s 22 largest types %7.2f MB (int arrays %5.2f MB)\n", at, s / 1048576, ints / 1048576 }'
}
echo "started $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do for m in "${MODULES[@]}"; do cycle "$m"; done; done
sample "after the warm-up"
for m in "${MODULES[@]}"; do
  for i in $(seq "$CYCLES"); do cycle "$m"; done
  sample "after $CYCLES × $m"
done
for i in $(seq "$CYCLES"); do cycle "${MODULES[0]}"; done
sample "after $CYCLES × ${MODULES[0]} again"
echo "finished $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Living-sample benchmark: a first start of bin/renkou with the launcher's default sample data (living) into a fresh
# RENKOU_HOME, and how long the core's sample (residents and households by import, marriages, births, certificates,
# applications, migrants, messages) and the warehouse's part took, as the platform logs them. Reference of the same
# start: the core's "Database ready in N ms" (create and migrate the Derby database), so that the ratio says how the
# sample compares with the rest of a first start on this machine, whatever its load. Run after `mvn install`
# (or a verify that builds distribution/target/renkou). Loopback only.
#   usage: distribution/bench/sample.sh [runs]   (default 3)
set -euo pipefail
RUNS=${1:-3}
DIST=$(cd "$(dirname "$0")/.." && pwd)/target/renkou
PORT=${RENKOU_PORT:-18182}
WORK=$(mktemp -d /tmp/renkou-sample-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

await_log() { # file text seconds
  local i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    sleep 0.1; i=$((i + 1)); [ "$i" -lt $(($3 * 10)) ] || { echo "timeout waiting for '$2'" >&2; return 1; }
  done
}

echo "runs=$RUNS dist=$DIST java=$(java -version 2>&1 | head -1) load=$(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  home=$WORK/home$i
  RENKOU_HOME=$home RENKOU_PORT=$PORT RENKOU_SAMPLE_DATA=living RENKOU_SHELL=false "$DIST/bin/renkou" \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  log=$home/logs/renkou.log
  await_log "$log" "Loaded the warehouse sample" 300
  db=$(grep -o 'Database ready in [0-9]* ms' "$log" | head -1 | grep -o '[0-9]*')
  line=$(grep -o 'Loaded the living sample in [0-9]* ms: .*' "$log" | head -1)
  ms=$(echo "$line" | grep -o 'in [0-9]* ms' | grep -o '[0-9]*')
  printf 'run %d: sample %s ms, database ready %s ms, ratio %.2f, load %s\n   %s\n' "$i" "$ms" "$db" \
    "$(echo "$ms / $db" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)" "$line"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done

#!/usr/bin/env bash
# The resident list's order before and after V19 (pinyin name key), same data, same run: starts bin/renkou on a fresh
# RENKOU_HOME (the sample tree only), stops it, fills the database with N generated residents (GenerateResidents.java,
# JDBC while stopped, no name keys: like rows of before V19), starts it again and times the start until the core has
# filled the keys, stops it, then times the page query of both orders directly on the database (ListOrder.java).
# Run after `mvn -B verify`.   usage: distribution/bench/list-order.sh [residents] [runs]   (default 200000 and 20)
set -euo pipefail
N=${1:-200000}
RUNS=${2:-20}
BENCH=$(cd "$(dirname "$0")" && pwd)
DIST=$BENCH/../target/renkou
DERBY=$DIST/system/derby-10.14.2.0.jar
PORT=${RENKOU_PORT:-18432}
WORK=$(mktemp -d /tmp/renkou-list-bench-XXXXXX)
export RENKOU_HOME=$WORK/home RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_SAMPLE_DATA=jurisdictions RENKOU_CDS=false
mkdir -p "$RENKOU_HOME"
start() { "$DIST/bin/renkou" </dev/null >>"$WORK/console.txt" 2>&1 & PID=$!; }
stop() { kill -TERM "$PID"; wait "$PID" || true; }

echo "residents=$N runs=$RUNS java=$(java -version 2>&1 | head -1) cpus=$(nproc) load: $(uptime)"
start
until grep -q '初始密码 initial password:' "$WORK/console.txt"; do sleep 0.2; done
stop
java -cp "$DERBY" "$BENCH/GenerateResidents.java" "$RENKOU_HOME/data/renkou" "$N" | tail -1
t0=$(date +%s%N)
start
until grep -q 'Name sort keys filled' "$RENKOU_HOME/logs/renkou.log"; do sleep 0.2; done
echo "start until the name keys of $N residents were filled: $(( ($(date +%s%N) - t0) / 1000000 )) ms ($(grep -o 'Name sort keys filled.*' "$RENKOU_HOME/logs/renkou.log"))"
stop
java -cp "$DERBY" "$BENCH/ListOrder.java" "$RENKOU_HOME/data/renkou" "$RUNS"
echo "load after: $(uptime)"
echo "work folder: $WORK"

#!/usr/bin/env bash
# Throughput of /api/health against a plain servlet on the same Jetty, in the same run, with wrk on loopback.
# The plain servlet comes from bundles/org.renkou.bench.servlet, dropped into deploy/ (hot deploy) for the run.
#   usage: distribution/bench/wrk.sh [seconds] [rounds]   (default 10 s, 3 rounds, alternating endpoints)
set -euo pipefail
SECS=${1:-10}
ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
PORT=${RENKOU_PORT:-18182}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q wrk; }
HOME_DIR=$(mktemp -d /tmp/renkou-wrk-XXXXXX)
mkdir -p "$HOME_DIR/deploy"
cp "$ROOT"/bundles/org.renkou.bench.servlet/target/org.renkou.bench.servlet-*.jar "$HOME_DIR/deploy/"
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT "$DIST/bin/renkou" </dev/null >/dev/null 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT  # 143 on TERM must not skip the rm under set -e
base=http://127.0.0.1:$PORT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/bench/plain || true)" = 200 ]; do sleep 0.2; done
until curl -s $base/api/health | grep -q '"status":"UP"'; do sleep 0.2; done

rate() { wrk -t2 -c32 -d"${SECS}s" --latency "$1" | tee -a "$HOME_DIR/wrk.txt" | awk '/Requests\/sec/ {print $2}'; }
echo "warm-up"; wrk -t2 -c32 -d5s $base/bench/plain >/dev/null; wrk -t2 -c32 -d5s $base/api/health >/dev/null
for r in $(seq "$ROUNDS"); do
  p=$(rate $base/bench/plain); h=$(rate $base/api/health)
  printf 'round %d: plain %s req/s, /api/health %s req/s, ratio %.2f\n' "$r" "$p" "$h" "$(echo "$h / $p" | bc -l)"
done
grep -E '^\s+99%' "$HOME_DIR/wrk.txt" | awk '{print "p99", $2}' | paste -sd' '

#!/usr/bin/env bash
# Cost of the request metrics (GET /api/metrics): two nodes side by side, one with the request filter on, one with
# -Drenkou.metrics.requests=false, and wrk on loopback against GET /api/auth/me on each in turn — the cheapest
# resource of the JAX-RS application, so the filter's share is as large as it gets. Header trust, no login.
#   usage: nice -n 5 distribution/bench/metrics.sh [seconds] [rounds]   (default 10 s, 6 rounds; after 4 warm-up
#   rounds each, the order alternates: off-on, on-off, …)
set -euo pipefail
SECS=${1:-10}
ROUNDS=${2:-6}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
PORT_ON=${RENKOU_PORT:-18411}
PORT_OFF=$((PORT_ON + 1))
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q wrk; }
WORK=$(mktemp -d /tmp/renkou-metrics-XXXXXX)
start() { # home port extra-opts
  RENKOU_HOME=$1 RENKOU_PORT=$2 RENKOU_SHELL=false RENKOU_SAMPLE_DATA=jurisdictions \
    RENKOU_JAVA_OPTS="-Xmx256m -Drenkou.auth.trustHeader=true $3" "$DIST/bin/renkou" </dev/null >/dev/null 2>&1 &
}
start "$WORK/on" "$PORT_ON" ""
ON=$!
start "$WORK/off" "$PORT_OFF" "-Drenkou.metrics.requests=false"
OFF=$!
# the nodes exit 143 on TERM: under set -e a bare wait would end the trap before the clean-up
trap 'rc=$?; kill -TERM $ON $OFF; wait $ON $OFF 2>/dev/null || true; rm -rf "$WORK"; exit $rc' EXIT
for p in $PORT_ON $PORT_OFF; do
  until curl -s http://127.0.0.1:$p/api/health | grep -q '"status":"UP"'; do sleep 0.3; done
  # the first administrator is created just after "UP"
  for i in $(seq 100); do curl -s -f -H 'X-Renkou-User: admin' http://127.0.0.1:$p/api/auth/me >/dev/null && break; sleep 0.3; done
done
rate() { wrk -t2 -c16 -d"${SECS}s" --latency -H 'X-Renkou-User: admin' "http://127.0.0.1:$1/api/auth/me" \
  | tee -a "$WORK/wrk-$1.txt" | awk '/Requests\/sec/ {print $2}'; }
echo "warm-up"; for w in 1 2 3 4; do rate $PORT_OFF >/dev/null; rate $PORT_ON >/dev/null; done
rm -f "$WORK"/wrk-*.txt
for r in $(seq "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then off=$(rate $PORT_OFF); on=$(rate $PORT_ON); else on=$(rate $PORT_ON); off=$(rate $PORT_OFF); fi
  printf 'round %d: filter off %s req/s, on %s req/s, on/off %.3f, load %s\n' "$r" "$off" "$on" \
    "$(echo "$on / $off" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
for p in $PORT_OFF $PORT_ON; do
  printf '%s p50 %s p99 %s\n' "$([ $p = $PORT_ON ] && echo on || echo off)" \
    "$(grep -E '^\s+50%' "$WORK/wrk-$p.txt" | awk '{print $2}' | paste -sd' ')" \
    "$(grep -E '^\s+99%' "$WORK/wrk-$p.txt" | awk '{print $2}' | paste -sd' ')"
done
# the node with the filter counted what it served (header trust: admin is a platform administrator)
curl -s -H 'X-Renkou-User: admin' http://127.0.0.1:$PORT_ON/api/metrics | grep 'renkou_http_requests_total{resource="/api/auth/me"'

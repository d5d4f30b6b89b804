#!/usr/bin/env bash
# Association (issue 16): throughput of the public notice board (cached, no login) against the plain servlet on the
# same Jetty, in the same run, with wrk on loopback. Starts the built distribution on its own home and port with
# the plain servlet (bundles/org.renkou.bench.servlet) in deploy/ and the board's per-address limit raised (one
# address sends everything here), sets up an association with a council notice and a commendation, then
# alternates plain / board JSON / board page.
#   usage: distribution/bench/association.sh [seconds] [rounds]   (default 10 s, 3 rounds)
# Run after `mvn verify` (distribution/target/renkou must exist).
set -euo pipefail
SECS=${1:-10}
ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${RENKOU_DIST:-$ROOT/distribution/target/renkou}
PORT=${RENKOU_PORT:-18616}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q wrk; }
HOME_DIR=$(mktemp -d /tmp/renkou-association-XXXXXX)
mkdir -p "$HOME_DIR/deploy"
cp "$ROOT"/bundles/org.renkou.bench.servlet/target/org.renkou.bench.servlet-*.jar "$HOME_DIR/deploy/"
printf 'requestsPerMinute = 100000000\n' >"$HOME_DIR/deploy/org.renkou.association.public.cfg"
# the set-up acts as the built-in system caller: header trust (tests and benchmarks only), loopback only
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_HOST=127.0.0.1 RENKOU_SHELL=false \
  RENKOU_JAVA_OPTS=${RENKOU_JAVA_OPTS:--Drenkou.auth.trustHeader=true} "$DIST/bin/renkou" </dev/null \
  >"$HOME_DIR/console.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT  # 143 on TERM must not skip the rm under set -e
base=http://127.0.0.1:$PORT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/bench/plain || true)" = 200 ]; do sleep 0.3; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/api/association/associations || true)" = 200 ]; do sleep 0.3; done
post() { curl -s -H 'Content-Type: application/json' -d "$2" "$base/api/association/$1"; }
ID=$(post associations '{"name":"示例一社区计生协会","jurisdictionCode":"440606901001"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
post "associations/$ID/notices" '{"kind":"COMMITMENT","title":"服务承诺","body":"每月走访计生特殊家庭，节日慰问，为会员提供培训。"}' >/dev/null
post "associations/$ID/notices" '{"kind":"FINANCE","title":"2026 年上半年财务公开","body":"会费收入 3,200 元；5·29 活动支出 1,850 元；慰问支出 2,000 元。"}' >/dev/null
C=$(post "associations/$ID/commendations" '{"kind":"VOLUNTEER","nominee":"李会员","reason":"常年联系两户"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
post "associations/$ID/commendations/$C/decision" '{"approve":true}' >/dev/null
post "associations/$ID/commendations/$C/decision" '{"approve":true}' >/dev/null
curl -sf "$base/public/association/$ID.json" >/dev/null
echo "started $(date -u +%H:%M:%S) UTC on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

rate() { wrk -t2 -c32 -d"${SECS}s" --latency "$1" | tee -a "$HOME_DIR/wrk.txt" | awk '/Requests\/sec/ {print $2}'; }
echo "warm-up"; for u in bench/plain "public/association/$ID.json" "public/association/$ID"; do wrk -t2 -c32 -d5s "$base/$u" >/dev/null; done
for r in $(seq "$ROUNDS"); do
  p=$(rate $base/bench/plain); j=$(rate "$base/public/association/$ID.json"); h=$(rate "$base/public/association/$ID")
  printf 'round %d: plain %s req/s, board JSON %s req/s (ratio %.2f), board page %s req/s (ratio %.2f)\n' "$r" "$p" \
    "$j" "$(echo "$j / $p" | bc -l)" "$h" "$(echo "$h / $p" | bc -l)"
done
grep -E '^\s+99%' "$HOME_DIR/wrk.txt" | awk '{print "p99", $2}' | paste -sd' '
grep -h "Non-2xx" "$HOME_DIR/wrk.txt" || echo "every response 2xx (the limit raised by the .cfg)"
echo "finished $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"

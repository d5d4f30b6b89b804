#!/usr/bin/env bash
# Two nodes behind HAProxy on one PostgreSQL (issue 18): what the proxy adds to a request and what a request costs
# each node. A private PostgreSQL cluster, nodes a and b (X-Renkou-User trusted, the living sample), HAProxy with
# docs/haproxy.cfg on this run's ports, all on 127.0.0.1; wrk in turn straight to node a and through the proxy:
#   - latency: one connection (wrk -c1), p50 and p99 straight and through the proxy; the difference is the proxy's;
#   - cost: 16 connections, req/s and the CPU time of node a, node b and HAProxy (from /proc) per request.
# Two requests: GET /bench/plain (the plain servlet, hot-deployed: the proxy's share as large as it gets) and the
# lookup by ID number (an office's commonest read, a database round trip on every request).
# Two nodes cannot serve more than one on 2 cores (they share them); this shows the price of the second hop instead.
#   usage: distribution/bench/proxy.sh [seconds] [rounds]   (default 10 s, 3 rounds; after mvn -B verify -DskipTests)
#   PGPORT (default 15471), RENKOU_PORT (default 18471: the proxy; the nodes the next two)
set -euo pipefail
SECS=${1:-10}
ROUNDS=${2:-3}
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PGPORT=${PGPORT:-15471}
PROXY=${RENKOU_PORT:-18471}
A=$((PROXY + 1))
B=$((PROXY + 2))
for tool in wrk haproxy; do
  command -v $tool >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q $tool; }
done
WORK=$(mktemp -d /tmp/renkou-proxy-XXXXXX)
chmod 755 "$WORK"
PG=$WORK/pg
PIDS=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

mkdir -p -m 755 "$PG"
echo renkou-bench > "$PG/password"
[ "$(id -u)" != 0 ] || chown -R postgres "$PG"
as_pg "$PGBIN/initdb" -D "$PG/data" -U postgres -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$PG/password" >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PG/data" -w -l "$PG/server.log" -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$PGBIN/psql" -X -q -h "$PG" -p "$PGPORT" -U postgres -c "CREATE ROLE renkou LOGIN PASSWORD 'renkou-bench'" \
  -c "CREATE DATABASE renkou OWNER renkou"

export RENKOU_DB=postgresql://127.0.0.1:$PGPORT/renkou RENKOU_DB_USER=renkou RENKOU_DB_PASSWORD_FILE=$PG/password
export RENKOU_SHELL=false RENKOU_FILES=$WORK/files RENKOU_TRUSTED_PROXIES=127.0.0.1
node() { # name port
  mkdir -p "$WORK/$1/deploy"
  cp "$ROOT"/bundles/org.renkou.bench.servlet/target/org.renkou.bench.servlet-*.jar "$WORK/$1/deploy/"
  RENKOU_HOME=$WORK/$1 RENKOU_PORT=$2 RENKOU_JAVA_OPTS="-Xmx512m -Drenkou.auth.trustHeader=true" "$DIST/bin/renkou" \
    </dev/null >"$WORK/$1.console.txt" 2>&1 &
  PIDS+=($!)
  until curl -s "http://127.0.0.1:$2/api/health" | grep -q '"status":"UP"'; do sleep 0.5; done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/bench/plain")" = 200 ]; do sleep 0.5; done
}
node a $A
NODE_A=${PIDS[0]}
# node a loads the living sample (the database is empty); b starts on the loaded database, as docs/county.md does
until grep -q "Loaded the living sample" "$WORK/a/logs/renkou.log" 2>/dev/null; do sleep 1; done
node b $B
NODE_B=${PIDS[1]}
sed -e "s/bind :8080/bind 127.0.0.1:$PROXY/" -e "s/127.0.0.1:8081/127.0.0.1:$A/" -e "s/127.0.0.1:8082/127.0.0.1:$B/" \
  "$ROOT/docs/haproxy.cfg" > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.txt" 2>&1 &
PIDS+=($!)
HAPROXY=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY/bench/plain")" = 200 ]; do sleep 0.3; done
sleep 2  # both servers marked up by the checks
# the list masks ID numbers; the administrator's read of one resident does not
RID=$(curl -s "http://127.0.0.1:$A/api/residents?limit=1" | sed -n 's/^{"items":\[{"id":\([0-9]*\),.*/\1/p')
ID=$(curl -s "http://127.0.0.1:$A/api/residents/$RID" | sed -n 's/.*"idNumber":"\([0-9X]*\)".*/\1/p')
LOOKUP=/api/residents/by-id-number/$ID
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY$LOOKUP")" = 200 ] || { echo "no lookup of '$ID'"; exit 1; }
nodes=$(for i in 1 2 3 4; do curl -s -D - -o /dev/null "http://127.0.0.1:$PROXY/bench/plain" | tr -d '\r' |
  sed -n 's/^X-Renkou-Node: //Ip'; done | sort -u | tr '\n' ' ')
echo "$(date -u +%FT%TZ) $(nproc) cpus, $($PGBIN/postgres --version); proxy :$PROXY -> a :$A, b :$B (answered: $nodes), load $(load)"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# wrk against port $1, path $2, connections $3: "req/s p50 p99 | µs CPU per request of a, b, haproxy"
measure() {
  local a0 b0 h0 a1 b1 h1 out
  a0=$(ticks $NODE_A); b0=$(ticks $NODE_B); h0=$(ticks $HAPROXY)
  out=$(wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${SECS}s" --latency "http://127.0.0.1:$1$2")
  a1=$(ticks $NODE_A); b1=$(ticks $NODE_B); h1=$(ticks $HAPROXY)
  echo "$out" | awk -v a=$((a1 - a0)) -v b=$((b1 - b0)) -v h=$((h1 - h0)) -v hz="$(getconf CLK_TCK)" '
    function us(v) { return v ~ /us$/ ? v + 0 : v ~ /ms$/ ? v * 1000 : v * 1e6 }
    /Requests\/sec/ {r = $2} /requests in/ {n = $1} /^ +50%/ {m = us($2)} /^ +99%/ {p = us($2)} /Non-2xx/ {e = $4}
    END {printf "%.0f req/s, p50 %.0f us, p99 %.0f us; CPU per request a %.0f, b %.0f, haproxy %.0f us%s",
      r, m, p, a / hz * 1e6 / n, b / hz * 1e6 / n, h / hz * 1e6 / n, (e ? ", non-2xx " e : "")}'
}
echo "warm-up"
for path in /bench/plain "$LOOKUP"; do measure $A "$path" 16 >/dev/null; measure $PROXY "$path" 16 >/dev/null; done
for r in $(seq "$ROUNDS"); do
  for path in /bench/plain "$LOOKUP"; do
    name=plain; [ "$path" = /bench/plain ] || name=lookup
    for c in 1 16; do
      direct=$(measure $A "$path" $c); proxied=$(measure $PROXY "$path" $c)
      printf '%s round %d %s -c%d\n  straight to a: %s\n  through proxy: %s\n' "$(date -u +%TZ)" "$r" "$name" "$c" \
        "$direct" "$proxied"
      if [ "$c" = 1 ]; then
        d=$(echo "$direct" | sed -n 's/.*p50 \([0-9]*\) us.*/\1/p'); p=$(echo "$proxied" | sed -n 's/.*p50 \([0-9]*\) us.*/\1/p')
        echo "  the proxy adds $((p - d)) us at p50 (target <= 300), load $(load)"
      fi
    done
  done
done

#!/usr/bin/env bash
# Start-up benchmark: time from launching bin/renkou to the first 200 from /api/health (and to the first 200 from
# /api/jurisdictions, i.e. database ready), for cold starts (fresh RENKOU_HOME) and warm restarts (existing data and
# framework cache); then the memory of the idle platform. Run after `mvn install`. Loopback only.
#   usage: distribution/bench/startup.sh [runs]   (default 5)
set -euo pipefail
RUNS=${1:-5}
DIST=$(cd "$(dirname "$0")/.." && pwd)/target/renkou
PORT=${RENKOU_PORT:-18181}
WORK=$(mktemp -d /tmp/renkou-bench-XXXXXX)
now() { date +%s.%N; }

first_200() { # url start -> seconds
  local url=$1 t0=$2
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do sleep 0.01; done
  echo "$(now) - $t0" | bc
}

db_up() { # start -> seconds until /api/health reports UP: database and every other check up (the checks themselves
  # are an administrator's detail; without a login only the overall state answers)
  local t0=$1
  until curl -s "http://127.0.0.1:$PORT/api/health" | grep -q '"status":"UP"'; do sleep 0.01; done
  echo "$(now) - $t0" | bc
}

run() { # home -> "health_s jurisdictions_s"
  local home=$1 t0 pid h j
  t0=$(now)
  RENKOU_HOME=$home RENKOU_PORT=$PORT "$DIST/bin/renkou" </dev/null >/dev/null 2>&1 &
  pid=$!
  h=$(first_200 "http://127.0.0.1:$PORT/api/health" "$t0")
  j=$(db_up "$t0")
  echo "$h $j $pid"
}

# The launcher runs in a process substitution, so it is not our child: poll until it is gone and the port is free.
stop() {
  kill -TERM "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
  while curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health"; do sleep 0.05; done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "runs=$RUNS dist=$DIST java=$(java -version 2>&1 | head -1)"
: > "$WORK/cold"; : > "$WORK/warm"
for i in $(seq "$RUNS"); do
  home=$WORK/home$i
  read -r h j pid < <(run "$home"); stop "$pid"; echo "$h $j" >> "$WORK/cold"
  read -r h j pid < <(run "$home"); stop "$pid"; echo "$h $j" >> "$WORK/warm"
  printf 'run %d: cold %s / warm %s\n' "$i" "$(tail -1 "$WORK/cold")" "$(tail -1 "$WORK/warm")"
done
printf 'cold start, median s: health %s, database ready %s\n' "$(cut -d' ' -f1 "$WORK/cold" | median)" "$(cut -d' ' -f2 "$WORK/cold" | median)"
printf 'warm start, median s: health %s, database ready %s\n' "$(cut -d' ' -f1 "$WORK/warm" | median)" "$(cut -d' ' -f2 "$WORK/warm" | median)"

# Memory of the idle platform: RSS and peak RSS 20 s after start, with one page view and nothing else.
read -r h j pid < <(run "$WORK/home1")
curl -s -o /dev/null "http://127.0.0.1:$PORT/ui/index.html"
sleep 20
jpid=$(pgrep -f "renkou-launcher.jar" | head -1)
grep -E 'VmRSS|VmHWM' "/proc/$jpid/status"
stop "$pid"
rm -rf "$WORK"

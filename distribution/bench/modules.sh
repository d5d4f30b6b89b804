#!/usr/bin/env bash
# Module switching: time of POST /api/admin/modules/notes/disable|enable (the fixture module, dropped into deploy/),
# then 200 off/on cycles watching live threads and the heap after a full GC (class-loader or thread leaks).
# Run after `mvn install`. Loopback only.
#   usage: distribution/bench/modules.sh [timed-cycles] [leak-cycles]   (default 40, 200)
set -euo pipefail
TIMED=${1:-40}
CYCLES=${2:-200}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
PORT=${RENKOU_PORT:-18183}
HOME_DIR=$(mktemp -d /tmp/renkou-modules-XXXXXX)
mkdir -p "$HOME_DIR/deploy"
cp "$ROOT"/bundles/org.renkou.itests.fixture/target/org.renkou.itests.fixture-*.jar "$HOME_DIR/deploy/notes.jar"
# the switch endpoints need an admin: benchmarks act as the built-in system caller (header trust, loopback only)
RENKOU_HOME=$HOME_DIR RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_JAVA_OPTS=-Drenkou.auth.trustHeader=true "$DIST/bin/renkou" </dev/null >/dev/null 2>&1 &
PID=$!
trap 'kill -TERM $PID; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT  # 143 on TERM must not skip the rm under set -e
base=http://127.0.0.1:$PORT/api
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/fixture/notes || true)" = 200 ]; do sleep 0.2; done
JPID=$PID   # bin/renkou execs java

switch() { curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/admin/modules/notes/$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# heap: the generations' "used" after a full GC; metaspace: class metadata (grows if class loaders leak)
heap() { jcmd "$JPID" GC.run >/dev/null; sleep 1; jcmd "$JPID" GC.heap_info | awk '/generation/ {for (i=1;i<NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); s+=v}} END {print s}'; }
meta() { jcmd "$JPID" GC.heap_info | awk '/Metaspace/ {for (i=1;i<NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print v; exit}}'; }
threads() { ls "/proc/$JPID/task" | wc -l; }

for i in $(seq 20); do switch disable >/dev/null; switch enable >/dev/null; done   # warm-up
: > "$HOME_DIR/off"; : > "$HOME_DIR/on"
for i in $(seq "$TIMED"); do switch disable >> "$HOME_DIR/off"; switch enable >> "$HOME_DIR/on"; done
printf 'disable: median %.1f ms, max %.1f ms (%d runs)\n' "$(median < "$HOME_DIR/off" | awk '{print $1*1000}')" \
  "$(sort -n "$HOME_DIR/off" | tail -1 | awk '{print $1*1000}')" "$TIMED"
printf 'enable:  median %.1f ms, max %.1f ms (%d runs)\n' "$(median < "$HOME_DIR/on" | awk '{print $1*1000}')" \
  "$(sort -n "$HOME_DIR/on" | tail -1 | awk '{print $1*1000}')" "$TIMED"

sleep 2
jcmd "$JPID" Thread.print | grep '^"' | sed 's/^\("[^"]*"\).*/\1/' | sort > "$HOME_DIR/threads-before" || true
t0=$(threads); h0=$(heap); m0=$(meta)
for i in $(seq "$CYCLES"); do switch disable >/dev/null; switch enable >/dev/null; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/fixture/notes)" = 200 ]; do sleep 0.1; done
sleep 2   # let replaced JAX-RS applications drain and be destroyed
jcmd "$JPID" Thread.print | grep '^"' | sed 's/^\("[^"]*"\).*/\1/' | sort > "$HOME_DIR/threads-after" || true
t1=$(threads); h1=$(heap); m1=$(meta)
echo "after $CYCLES off/on cycles: live threads $t0 -> $t1"
echo "  heap used after full GC ${h0}K -> ${h1}K ($(echo "scale=1; ($h1 - $h0) * 100 / $h0" | bc) %)"
echo "  metaspace used ${m0}K -> ${m1}K"
diff "$HOME_DIR/threads-before" "$HOME_DIR/threads-after" | sed 's/^/  thread /' || true

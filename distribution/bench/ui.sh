#!/usr/bin/env bash
# Web UI benchmark (issue 6): server time of the requests behind each main page, with many residents.
# Starts bin/renkou on a fresh RENKOU_HOME, stops it, fills the database with N generated residents over 300
# sample communities (GenerateResidents.java, JDBC batches while Renkou is stopped), starts it again, logs in as the
# administrator (the printed password) and as a community officer, and times each page's API requests with curl
# (loopback, median, p95 and max of R sequential runs, after one warm-up). The statistics pages and the dashboard
# read the statistics snapshot: the script waits for the first one after the start and times one on-demand refresh.
# The office pages of issue 17 (流动人口, 信息交换, 批量导入, 政策查询, 证件核验) are timed too: the generator adds a
# migrant registration per migrant resident and 900 exchange messages; after the start the officer issues and prints
# three certificates (their codes for the public check) and uploads three small imports. A reference request
# (/api/auth/me: session, no database) is timed in the same run.
# Run after `mvn -B verify` (or `mvn install`).
# RENKOU_BENCH_REUSE=<home of an earlier run> skips the generation and times again.
#   usage: distribution/bench/ui.sh [residents] [runs]   (default 1000000 and 10)
set -euo pipefail
N=${1:-1000000}
RUNS=${2:-10}
BENCH=$(cd "$(dirname "$0")" && pwd)
DIST=$BENCH/../target/renkou
PORT=${RENKOU_PORT:-18431}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/renkou-ui-bench-XXXXXX)
# the sample tree only: the generated residents are the data (RENKOU_SAMPLE_DATA's default adds the living sample)
export RENKOU_HOME=$WORK/home RENKOU_PORT=$PORT RENKOU_SHELL=false RENKOU_SAMPLE_DATA=jurisdictions
mkdir -p "$RENKOU_HOME"

start() {
  "$DIST/bin/renkou" </dev/null >>"$WORK/console.txt" 2>&1 &
  PID=$!
  # health is UP before the JAX-RS application is built (503 "API starting"); a 401 means the API answers
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/auth/me")" = 401 ]; do sleep 0.2; done
}
stop() { kill -TERM "$PID"; wait "$PID" || true; PID=; }
PID=
trap '[ -z "$PID" ] || stop' EXIT  # a failed step must not leave Renkou running

echo "residents=$N runs=$RUNS java=$(java -version 2>&1 | head -1) cpus=$(nproc)"
if [ -n "${RENKOU_BENCH_REUSE:-}" ]; then  # time again on the home of an earlier run (passwords already changed)
  export RENKOU_HOME=$RENKOU_BENCH_REUSE
  start
  for u in admin bench-community bench-street; do
    p=Bench-2026b; [ "$u" = admin ] && p=Bench-2026a
    curl -s -c "$WORK/$u.jar" -H 'Content-Type: application/json' -d "{\"username\":\"$u\",\"password\":\"$p\"}" \
      "$BASE/api/auth/login" >/dev/null
  done
else
start
until grep -q '初始密码 initial password:' "$WORK/console.txt"; do sleep 0.2; done
PASSWORD=$(sed -n 's/.*初始密码 initial password: \([^ ]*\).*/\1/p' "$WORK/console.txt" | head -1)
stop

t0=$(date +%s)
java -cp "$DIST/system/derby-10.14.2.0.jar:$(ls "$DIST"/system/org.renkou.core.api-*.jar)" "$BENCH/GenerateResidents.java" \
  "$RENKOU_HOME/data/renkou" "$N"
echo "generated in $(( $(date +%s) - t0 )) s"
t0=$(date +%s)
start
# the generator writes the name sort keys as the core does (NameOrder.key): nothing to fill after the start
echo "started in $(( $(date +%s) - t0 )) s"

login() { # jar user password -> csrf token
  curl -s -c "$1" -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" \
    "$BASE/api/auth/login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p'
}
post() { # jar csrf path json
  curl -s -o /dev/null -w '%{http_code}' -b "$1" -H "X-CSRF-Token: $2" -H 'Content-Type: application/json' -d "$4" "$BASE$3"
}
ADMIN=$WORK/admin.jar
CSRF=$(login "$ADMIN" admin "$PASSWORD")
echo "admin password change: $(post "$ADMIN" "$CSRF" /api/auth/password "{\"oldPassword\":\"$PASSWORD\",\"newPassword\":\"Bench-2026a\"}")"
post "$ADMIN" "$CSRF" /api/staff '{"username":"bench-community","name":"压测专干","roles":["FAMILY_SERVICES"],"jurisdictionCodes":["440606101001"],"password":"Start-2026a"}' >/dev/null
post "$ADMIN" "$CSRF" /api/staff '{"username":"bench-street","name":"压测主任","roles":["DIRECTOR","AUDITOR"],"jurisdictionCodes":["440606101"],"password":"Start-2026a"}' >/dev/null
for u in bench-community bench-street; do
  c=$(login "$WORK/$u.jar" "$u" Start-2026a)
  post "$WORK/$u.jar" "$c" /api/auth/password '{"oldPassword":"Start-2026a","newPassword":"Bench-2026b"}' >/dev/null
done
# the officer's certificates (printed: a verification code each, for the public check) and import jobs
OJAR=$WORK/bench-community.jar
OCSRF=$(curl -s -b "$OJAR" "$BASE/api/auth/me" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
TYPE=$(curl -s -b "$OJAR" "$BASE/api/certificate-types" | python3 -c "import json,sys
print(next(t['key'] for t in json.load(sys.stdin) if t.get('provinceCode', t.get('province', '44')).startswith('44')))")
for id in $(curl -s -b "$OJAR" "$BASE/api/residents?limit=3&offset=10" | python3 -c "import json,sys
print(' '.join(str(r['id']) for r in json.load(sys.stdin)['items']))"); do
  cert=$(curl -s -b "$OJAR" -H "X-CSRF-Token: $OCSRF" -H 'Content-Type: application/json' \
    -d "{\"type\":\"$TYPE\",\"holderIds\":[$id],\"issuedOn\":\"2025-06-01\"}" "$BASE/api/certificates" \
    | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
  curl -s -b "$OJAR" -H "X-CSRF-Token: $OCSRF" -H 'Content-Type: application/json' -d '{}' \
    "$BASE/api/certificates/$cert/print" | python3 -c "import json,sys; print(json.load(sys.stdin)['verificationCode'])" \
    >> "$RENKOU_HOME/bench-codes.txt"
done
echo "certificates printed: $(wc -l < "$RENKOU_HOME/bench-codes.txt") ($TYPE)"
for job in 0 1 2; do
  python3 - "$job" > "$WORK/import.csv" <<'PY'
import sys
job = int(sys.argv[1]); w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,address")
for i in range(20):
    f = "44060619900101" + str(600 + job * 20 + i)
    ok = i % 10 != 9  # a rejected row in ten: the job has errors to show
    print(",".join([f + ("10X98765432"[sum(int(c) * x for c, x in zip(f, w)) % 11] if ok else "0"), "导入测试",
                    "440606101001", "440606101001", "REGISTERED", "UNMARRIED", "", ""]))
PY
  curl -s -o /dev/null -b "$OJAR" -H "X-CSRF-Token: $OCSRF" -H 'Content-Type: text/csv' --data-binary @"$WORK/import.csv" \
    "$BASE/api/imports"
done
sleep 2
echo "import jobs: $(curl -s -b "$OJAR" "$BASE/api/imports" | grep -o '"state":"[A-Z]*"' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"

fi
echo "load before timing: $(uptime)"
# the first snapshot is built in the background after the start; time one more on demand (administrators)
until curl -s -b "$WORK/admin.jar" "$BASE/api/statistics/snapshot" | grep -q '"id":[0-9].*"refreshing":false'; do sleep 1; done
echo "snapshot at start: $(curl -s -b "$WORK/admin.jar" "$BASE/api/statistics/snapshot")"
ACSRF=$(curl -s -b "$WORK/admin.jar" "$BASE/api/auth/me" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
echo "on-demand refresh: $(curl -s -o /dev/null -w '%{http_code} %{time_total} s' -b "$WORK/admin.jar" -H "X-CSRF-Token: $ACSRF" -X POST "$BASE/api/statistics/refresh")"
echo "snapshot now: $(curl -s -b "$WORK/admin.jar" "$BASE/api/statistics/snapshot")"
# a refresh must not hold up writers: time resident registrations alone, then while a refresh runs
writes() { # label first-sequence [pause between writes]
  : > "$WORK/writes"
  for i in $(seq 0 9); do
    id=$(python3 -c "import sys; f='44060619700101'+sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(f+'10X98765432'[sum(int(c)*x for c,x in zip(f,w))%11])" "$(( $2 + i ))")
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$WORK/admin.jar" -H "X-CSRF-Token: $ACSRF" \
      -H 'Content-Type: application/json' -d "{\"idNumber\":\"$id\",\"name\":\"压测写入\",\"residenceCode\":\"440606101001\"}" \
      "$BASE/api/residents" >> "$WORK/writes"
    sleep "${3:-0}"
  done
  echo "$1: answers $(cut -d' ' -f1 "$WORK/writes" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')ms median $(awk '{print int($2*1000)}' "$WORK/writes" | sort -n | sed -n 5p) max $(awk '{print int($2*1000)}' "$WORK/writes" | sort -n | tail -1)"
}
SEQ=$(( 600 + RANDOM % 300 ))
writes "registrations alone" "$SEQ"
curl -s -o /dev/null -b "$WORK/admin.jar" -H "X-CSRF-Token: $ACSRF" -X POST "$BASE/api/statistics/refresh" &
REFRESH=$!
sleep 1
writes "registrations during a refresh" $(( SEQ + 10 )) 0.5  # spread over its first seconds (the scan)
wait "$REFRESH"
for u in bench-community bench-street admin; do  # what each user sees: the scoping is part of the measurement
  echo "$u sees $(curl -s -b "$WORK/$u.jar" "$BASE/api/residents?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') residents"
done
ONE=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/residents?limit=1" | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')
IDNUMBER=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/residents/$ONE" | sed -n 's/.*"idNumber":"\([^"]*\)".*/\1/p')
NAME=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/residents/$ONE" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
ENC_NAME=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$NAME")
# the officer's pages of issue 17: a present migrant (name, ID number), an exchange message, an import job
MIGRANT=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/migrants?status=PRESENT&limit=1" | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')
MRES=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/migrants/$MIGRANT" | sed -n 's/.*"residentId":\([0-9]*\).*/\1/p')
M_ID=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/residents/$MRES" | sed -n 's/.*"idNumber":"\([^"]*\)".*/\1/p')
M_NAME=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/residents/$MRES" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
ENC_M_NAME=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$M_NAME")
MESSAGE=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/exchange/messages?direction=RECEIVED&jurisdiction=440606101001&limit=1" \
  | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')
JOB=$(curl -s -b "$WORK/bench-community.jar" "$BASE/api/imports" | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
CODE=$(head -1 "$RENKOU_HOME/bench-codes.txt")
TODAY=$(TZ=Asia/Shanghai date +%F)
YEAR_FIRST=${TODAY:0:4}-01-01
# the rates box asks for the year, then for each month of it at once (the page time is the slowest)
MONTHS=$(python3 -c "import sys,datetime,calendar
t = datetime.date.fromisoformat(sys.argv[1])
print(' '.join('/api/exchange/stats?from=%d-%02d-01&to=%s&jurisdiction=@OFFICE@' % (t.year, m, min(t, datetime.date(t.year, m, calendar.monthrange(t.year, m)[1])).isoformat()) for m in range(max(1, t.month - 11), t.month + 1)))" "$TODAY")
echo "officer's migrant $MIGRANT, message $MESSAGE, import job $JOB, certificate code $CODE"
for u in bench-community bench-street admin; do
  echo "$u sees $(curl -s -b "$WORK/$u.jar" "$BASE/api/migrants?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') migrants, $(curl -s -b "$WORK/$u.jar" "$BASE/api/migrants?status=PRESENT&limit=500" | grep -o "\"arrivalDate\":\"${TODAY:0:7}" | wc -l) arrived this month, $(curl -s -b "$WORK/$u.jar" "$BASE/api/exchange/messages?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') messages ($(curl -s -b "$WORK/$u.jar" "$BASE/api/exchange/messages?state=OVERDUE&limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') overdue)"
done

# page -> its requests (the dashboard's run in parallel in the browser; the page time is the slowest)
# @OFFICE@: the office the exchange page opens with (the user's first jurisdiction; the county for the administrator)
PAGES=(
  "reference|/api/auth/me"
  "dashboard|/api/statistics/dashboard /api/ui/menu /api/auth/me"
  "statistics|/api/statistics/population /api/statistics/activity /api/ui/menu"
  "statistics-street|/api/statistics/population?jurisdiction=440606101 /api/statistics/activity?jurisdiction=440606101"
  "statistics-xlsx|/api/statistics/report?format=xlsx"
  "residents-list|/api/residents?limit=50"
  "resident-search-name|/api/residents?name=$ENC_NAME&limit=50"
  "resident-search-id|/api/residents?idNumber=$IDNUMBER&limit=50"
  "resident-detail|/api/residents/$ONE"
  "households|/api/households?limit=50"
  "registrations|/api/marriages?limit=50 /api/births?limit=50"
  "certificates|/api/certificates?limit=50"
  "benefits|/api/benefit-applications?limit=50"
  "tree|/api/jurisdictions?parent=440606"
  "audit|/api/audit?limit=50"
  "staff|/api/staff"
  "modules|/api/modules"
  "migrants-present|/api/migrants?status=PRESENT&limit=50"
  "migrants-this-month|/api/migrants?status=PRESENT&limit=500"
  "migrants-departed|/api/migrants?status=DEPARTED&limit=50"
  "migrants-all|/api/migrants?limit=50"
  "migrants-search-name|/api/migrants?name=$ENC_M_NAME&status=PRESENT&limit=50"
  "migrants-search-id|/api/migrants?idNumber=$M_ID&status=PRESENT&limit=50"
  "migrant-detail|/api/migrants/$MIGRANT"
  "exchange-inbox|/api/exchange/stats?from=$YEAR_FIRST&to=$TODAY&jurisdiction=@OFFICE@ /api/exchange/messages?direction=RECEIVED&limit=50&jurisdiction=@OFFICE@"
  "exchange-outbox|/api/exchange/stats?from=$YEAR_FIRST&to=$TODAY&jurisdiction=@OFFICE@ /api/exchange/messages?direction=SENT&limit=50&jurisdiction=@OFFICE@"
  "exchange-overdue|/api/exchange/messages?direction=RECEIVED&limit=50&jurisdiction=@OFFICE@&state=OVERDUE"
  "exchange-rates-months|$MONTHS"
  "exchange-message|/api/exchange/messages/$MESSAGE"
  "imports-history|/api/imports"
  "import-job|/api/imports/$JOB"
  "policy-resident|/api/provinces /api/residents/$ONE /api/provinces/entitlements?resident=$ONE&date=$TODAY"
  "policy-leave|/api/provinces/44/leave/event?date=$TODAY&event=BIRTH&babies=2&difficult=true&months=0"
  "certificate-check|/api/public/certificate-check/$CODE"
)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p95() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95+0.999); if (i<1) i=1; print a[i]}'; }

printf '\n| page | user | slowest request, median ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |\n'
for user in bench-community bench-street admin; do
  jar=$WORK/$user.jar
  office=440606101001; [ "$user" = bench-street ] && office=440606101; [ "$user" = admin ] && office=440606
  for entry in "${PAGES[@]}"; do
    page=${entry%%|*}
    # the public check needs no login and is rate-limited (10 at once per address): once, at most 9 runs
    if [ "$page" = certificate-check ] && [ "$user" != admin ]; then continue; fi
    runs=$RUNS; [ "$page" = certificate-check ] && [ "$runs" -gt 9 ] && runs=9
    if [ "$user" != bench-community ] && [ "$page" = import-job ]; then continue; fi  # the officer's own job
    if [ "$user" != admin ] && { [ "$page" = staff ] || [ "$page" = modules ]; }; then continue; fi
    if [ "$user" = bench-community ] && [ "$page" = audit ]; then continue; fi  # not an auditor
    if [ "$user" = bench-community ] && [ "$page" = statistics-street ]; then continue; fi  # not their street
    if [ -n "${RENKOU_BENCH_PAGES:-}" ] && [[ " $RENKOU_BENCH_PAGES " != *" $page "* ]]; then continue; fi
    : > "$WORK/times"
    for run in $(seq 0 "$runs"); do
      slowest=0
      for path in ${entry#*|}; do
        path=${path//@OFFICE@/$office}
        read -r code secs < <(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$BASE$path")
        if [ "$code" != 200 ]; then echo "$user $path answered $code" >&2; stop; exit 1; fi
        ms=$(awk -v s="$secs" 'BEGIN {printf "%d", s * 1000}')
        if [ "$ms" -gt "$slowest" ]; then slowest=$ms; fi
      done
      if [ "$run" -gt 0 ]; then echo "$slowest" >> "$WORK/times"; fi  # run 0 warms up
    done
    printf '| %s | %s | %s | %s | %s |\n' "$page" "$user" "$(median < "$WORK/times")" "$(p95 < "$WORK/times")" \
      "$(sort -n "$WORK/times" | tail -1)"
  done
done
echo "load after timing: $(uptime)"
stop
echo "work folder: $WORK"

#!/usr/bin/env bash
# What the pinyin name key (core migration V19, issue 17) costs the Derby import: the plain-JDBC import of
# JdbcImportBaseline (the bundle's schema, the importer's own INSERT and bind, batches of 1,000, one JVM per run) of
# the same N generated residents, alternating variants R rounds in one window:
#   now          as built: NAME_KEY computed per row (NameOrder.key), IX_RESIDENT_ORDER (NAME_KEY, ID, codes, status)
#                and IX_RESIDENT_NAME (NAME)
#   no-name-ix   V19 without IX_RESIDENT_NAME
#   no-key       V19 as built, NameOrder.key answering null (the key neither computed nor stored)
#   before-v19   V19 reduced to the column, no key: V9's IX_RESIDENT_LIST (NAME, ID, codes, status) stays (the work
#                of the import before V19)
# and the key's computation alone (NameOrder.key over the file's names, µs a row).
#   usage: distribution/bench/import-namekey.sh [residents] [rounds]   (default 200000 and 2; after mvn verify)
set -euo pipefail
N=${1:-200000}
R=${2:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/distribution/target/renkou
SYS=$DIST/system
WORK=$(mktemp -d /tmp/renkou-namekey-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
LIBS=$(ls "$SYS"/org.renkou.core.api-*.jar):$(ls "$SYS"/derby-*.jar):$DIST/lib/slf4j-api.jar:$DIST/lib/slf4j-simple.jar
CORE=$(ls "$SYS"/org.renkou.core-*.jar)
java -cp "$CORE:$LIBS" org.renkou.core.internal.sample.CountyGenerator 440606 "$N" "$WORK/data" >/dev/null
# the core's classes with a changed V19 (JdbcImportBaseline reads the scripts beside its class)
variant() { # name sed-expression
  mkdir -p "$WORK/$1" && (cd "$WORK/$1" && unzip -q "$CORE")
  sed -i "$2" "$WORK/$1/db/core/V19__resident_name_key.sql"
}
variant now 's/^$//'
variant no-name-ix '/CREATE INDEX IX_RESIDENT_NAME/d'
variant before-v19 '/^DROP INDEX\|^CREATE INDEX/d'
mkdir -p "$WORK/nokey/src" "$WORK/nokey/classes"
cat > "$WORK/nokey/src/NameOrder.java" <<'JAVA'
package org.renkou.core.api.resident;
/** Stand-in for the benchmark: no key. */
public final class NameOrder {
    public static final int MAX_LENGTH = 256;
    private NameOrder() {
    }
    public static String key(String name) {
        return null;
    }
}
JAVA
javac -d "$WORK/nokey/classes" "$WORK/nokey/src/NameOrder.java"
cat > "$WORK/KeyCost.java" <<'JAVA'
import java.nio.file.*;
import java.util.*;
import org.renkou.core.api.resident.NameOrder;
public class KeyCost {
    public static void main(String[] a) throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            String[] f = line.split(",", 3);
            if (f.length > 1) names.add(f[1]);
        }
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the last round counts (the first ones warm up)
            long t = System.nanoTime();
            for (String n : names) sink += NameOrder.key(n).length();
            if (round == 2) System.out.printf("key alone: %.2f µs a row (%d names, %d key chars)%n",
                    (System.nanoTime() - t) / 1e3 / names.size(), names.size(), sink);
        }
    }
}
JAVA
echo "residents=$N rounds=$R java=$(java -version 2>&1 | head -1) cpus=$(nproc)"
java -cp "$LIBS" "$WORK/KeyCost.java" "$WORK/data/residents.csv"
run() { # label classpath
  rm -rf "$WORK/db"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%-11s load %s  %s\n' "$1" "$load" "$(java -Xmx512m -XX:+UseSerialGC -Dderby.stream.error.file="$WORK/derby.log" \
    -cp "$2" org.renkou.core.internal.imports.JdbcImportBaseline "$WORK/data/jurisdictions.tsv" \
    "$WORK/data/residents.csv" "$WORK/db")"
}
for round in $(seq 1 "$R"); do
  run now "$WORK/now:$LIBS"
  run no-name-ix "$WORK/no-name-ix:$LIBS"
  run no-key "$WORK/nokey/classes:$WORK/now:$LIBS"
  run before-v19 "$WORK/nokey/classes:$WORK/before-v19:$LIBS"
done

#!/usr/bin/env bash
# Bulk import of N residents (default 1,000,000) on PostgreSQL: a bare COPY of the rows into the resident table as
# the reference, then Renkou's import of the same CSV through POST /api/imports, on one private cluster started on
# a loopback port in a temp folder. See import.sh (BENCH_DB=postgresql) for the settings.
#   usage: distribution/bench/import-pg.sh [residents]     (after mvn -B verify -DskipTests)
BENCH_DB=postgresql exec "$(dirname "$0")/import.sh" "$@"

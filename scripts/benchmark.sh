#!/usr/bin/env bash
# ServiceMap's coverage benchmark (see README "Benchmark · 性能基准"): on the Nanjing core and on a generated city of
# at least 1,000,000 edges with 1,000 stations, 15-min walk coverage of all stations at once — ours vs pgRouting
# pgr_drivingDistance (equicost) on the same graph in PostGIS and vs one GraphHopper isochrone per station, unioned;
# nearest-station queries vs PostGIS KNN (<->) on the same points; what-if latency; heap. Prints a table and writes
# benchmark/target/benchmark-results.json; exits non-zero when an answer is wrong (a cross-check fails).
#
# Siting (maximal covering): greedy + interchange against SCIP's proved optimum (OR-Tools) on generated instances of
# 2,000 × 300 and 20,000 × 2,000 (time, bound, gap). Coverage by hour of the week on the generated city (realistic
# opening hours): the incremental week against one full coverage and 168 full recomputations, with and without 交叉覆盖,
# and the worker groups' demand surfaces built from its OSM file. Then, at whole-city and whole-province scale, through the app itself (java -jar backend/target/servicemap.jar, its own
# H2 databases under benchmark/target/scale): a generated metropolis of at least 3,000,000 walk edges, 16 districts and
# 5,000 stations (import time, load from cache, live heap, full coverage vs a bare Dijkstra, first band tile), and a
# province of 5 generated cities in one app instance under a fixed -Xmx and memory budget (each answer's time, the
# regions in memory, the server's live heap, no OutOfMemoryError).
#
#   scripts/benchmark.sh [--quick] [--city-edges N] [--stations N] [--warm N] [--queries N] [--what-ifs N]
#                        [--metropolis-edges N] [--metropolis-stations N] [--province-cities N] [--province-edges N]
#                        [--province-heap SIZE] [--province-budget-mb N] [--import-heap SIZE]
#
#   --quick          the Nanjing core only (about a minute), no scale runs
#   --city-edges N   the generated city has at least N edges after GraphHopper's import (default 1000000)
#   --stations N     stations in the generated city (default 1000)
#   --warm N         warm repetitions of the heavy measurements (default 10; cheap ones repeat at least 20 times)
#   --queries N      random query points for the nearest-station comparison (default 2000; half on Nanjing)
#   --what-ifs N     operations of each kind (add, move, remove) for the what-if latency (default 100)
#   --metropolis-edges N, --metropolis-stations N   the metropolis (default 3000000 edges, 5000 stations)
#   --province-cities N, --province-edges N         the province (default 5 cities of 600000 edges)
#   --province-heap SIZE, --province-budget-mb N    its app's -Xmx and servicemap.network.memory-budget-mb (1536m, 600)
#   --import-heap SIZE                              -Xmx of the import commands (default 6g)
#
# Installs what it needs: PostgreSQL 15 + PostGIS + pgRouting from Debian packages (scripts/postgis.sh), a JDK.
# Its tables (bench_*) go to the cluster's database servicemap_bench, never to servicemap, the app's.
# The generated city's OSM file and the GraphHopper caches stay under benchmark/target/networks for later runs.
# Each phase runs in its own JVM: preparing and ours under -Xmx1g (the heap claim), the peers with more (GraphHopper's
# isochrones run in process).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
for a in "$@"; do
  case "$a" in -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;; esac
done
ensure_java

log() { echo "benchmark.sh: $*" >&2; }

# its own database: the bench_* tables must never land in `servicemap`, the app's (README "Running on PostGIS")
BENCH_DB=(--db servicemap_bench --with-pgrouting)
URL=$(scripts/postgis.sh start "${BENCH_DB[@]}" | tail -n 1)
log "PostGIS + pgRouting at $URL"

log "building"
./mvnw -B -q -ntp -pl benchmark,backend -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="benchmark/target/classes:$(cat benchmark/target/classpath.txt)"
COMMAND="scripts/benchmark.sh${*:+ $*}"

phase() {
  local heap=$1 name=$2; shift 2
  log "phase $name (java -Xmx$heap)"
  java "-Xmx$heap" -cp "$CP" cn.servicemap.benchmark.CoverageBenchmark "$name" "$@" --command "$COMMAND"
}

# 1. the networks: write the city's OSM and import it with GraphHopper once (cached under benchmark/target/networks),
#    load the same edges into PostGIS once (kept while the graph's fingerprint matches); this fits in 1 GB of heap too
phase 1g prepare "$@" --jdbc-url "$URL"
# 2. restart PostgreSQL so that pgRouting's first call meets empty shared buffers (the OS file cache stays warm)
scripts/postgis.sh stop
URL=$(scripts/postgis.sh start "${BENCH_DB[@]}" | tail -n 1)
# 3. our engine alone, heap capped at 1 GB: finishing proves the cap suffices
phase 1g ours "$@"
# 4. the peers and the cross-checks of their answers against ours
phase 6g peers "$@" --jdbc-url "$URL"
# 5. whole city and whole province through the app (not with --quick); the app's processes get their own -Xmx
rm -f benchmark/target/benchmark-metropolis.json benchmark/target/benchmark-province.json benchmark/target/benchmark-siting.json \
      benchmark/target/benchmark-week.json
# siting: ours against SCIP's exact optimum (its native library loads in this JVM)
phase 2g siting "$@"
case " $* " in
  *" --quick "*) ;;
  *) # coverage by hour of the week on the generated city (its network from phase 1), and the worker groups' demand
     phase 3g week "$@"
     phase 3g metropolis "$@"
     phase 512m province "$@" ;;
esac
# 6. the table and benchmark/target/benchmark-results.json; non-zero exit if a cross-check failed
phase 256m report "$@"

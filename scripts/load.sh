#!/usr/bin/env bash
# Load test: starts the built app on its own database and port (never the app's or the tests'), then runs wrk (Debian
# package) on the loopback against it, bounded in time, and prints throughput, latency percentiles and errors per profile
# against the targets: /api/nearest at random points of the region, /api/stations?bbox= map windows, /api/coverage, and a
# mixed read/write profile with a signed-in editor. Figures also go to target/load/load.json.
#
#   scripts/load.sh [seconds per profile, default 20] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
PORT=${SERVICEMAP_LOAD_PORT:-18080}
OUT=target/load
mkdir -p "$OUT"
sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "load.sh: need root to run: $* (install wrk yourself)" >&2; exit 1; fi
}
if ! command -v wrk >/dev/null; then
  echo "load.sh: installing wrk (Debian package)" >&2
  sudo_if_needed apt-get update -qq >&2 && sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
[ -f backend/target/servicemap.jar ] || ./mvnw -B -ntp -q -DskipTests package
rm -rf "$OUT/db"
ADMIN_PASSWORD="load-admin-$(date +%s)-pw"
SERVICEMAP_ADMIN_USERNAME=load-admin SERVICEMAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" SERVICEMAP_DEMO_LOGIN=false \
  java -Xmx1g -jar backend/target/servicemap.jar --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:./$OUT/db/servicemap;DB_CLOSE_ON_EXIT=FALSE" \
  --servicemap.network.cache-dir="$OUT/network" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  curl -fs "$BASE/api/coverage" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { echo "load.sh: the app did not start; see $OUT/app.log" >&2; exit 1; }
  sleep 1
done
BBOX=$(curl -fs "$BASE/api/map-config" | python3 -c 'import json,sys; c=json.load(sys.stdin); b=c.get("bounds") or c.get("bbox"); print(",".join(str(v) for v in b))' 2>/dev/null || true)
if [ -z "$BBOX" ]; then BBOX="118.765,32.025,118.805,32.060"; fi
curl -fs -u "load-admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$BASE/api/users" \
  -d '{"username":"load-editor","password":"load-editor-password","role":"PLANNER","region":"'"$(curl -fs "$BASE/api/region" | python3 -c 'import json,sys; print(json.load(sys.stdin)["region"]["code"])')"'"}' >/dev/null
POINTS=$(curl -fs "$BASE/api/stations" | python3 -c 'import json,sys; print(";".join("%.6f,%.6f" % tuple(f["geometry"]["coordinates"]) for f in json.load(sys.stdin)["features"]))')
export LOAD_DIR="$PWD/scripts/load" BBOX POINTS AUTH_B64=$(printf 'load-editor:load-editor-password' | base64 -w0)
curl -fs "$BASE/api/nearest?lon=118.78&lat=32.04" >/dev/null || true   # warm the caches once
echo "{" > "$OUT/load.json"
first=1
run() { # name, script, target
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "scripts/load/$2.lua" "$BASE" | grep '^RESULT' || true)
  printf '%-10s %s   target: %s\n' "$1" "${line#RESULT }" "$3"
  [ $first = 1 ] || echo "," >> "$OUT/load.json"; first=0
  echo "\"$1\": \"${line#RESULT }\"" >> "$OUT/load.json"
}
# warm the JIT and the caches first (not reported): a just-started JVM answers at half speed
wrk -t2 -c"$CONNECTIONS" -d10s -s scripts/load/nearest.lua "$BASE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s scripts/load/bbox.lua "$BASE" >/dev/null
echo "wrk: ${SECONDS_EACH}s per profile, $CONNECTIONS connections, 2 threads, against $BASE (region box $BBOX)"
run nearest nearest ">= 1000 rps, p99 < 50 ms, 0 errors"
run bbox bbox ">= 1000 rps"
run coverage coverage "(cached report)"
run mixed mixed "(9 reads : 1 signed-in write)"
echo "}" >> "$OUT/load.json"

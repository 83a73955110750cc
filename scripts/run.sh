#!/usr/bin/env bash
# Builds ServiceMap and starts it on the embedded H2GIS database (./data) with the demo region:
# open http://localhost:8080 . Extra arguments go to the application, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java
./mvnw -B -q -ntp -DskipTests package
exec java -jar backend/target/servicemap.jar "$@"

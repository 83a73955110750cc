#!/usr/bin/env bash
# Builds ServiceMap and starts it on the embedded H2GIS database (./data) with the demo region:
# open http://localhost:8080 . Extra arguments go to the application, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java
echo "构建中（首次构建会下载依赖，约需几分钟）… Building (the first build downloads dependencies: a few minutes)" >&2
./mvnw -B -ntp -q -DskipTests package
echo "启动 ServiceMap：http://localhost:8080 （职工页 /，规划页 /plan）… Starting: http://localhost:8080" >&2
exec java -jar backend/target/servicemap.jar "$@"

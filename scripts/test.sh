#!/usr/bin/env bash
# Runs every test: installs and starts what they need first (PostgreSQL + PostGIS from Debian
# packages on a local test cluster, Chromium for the browser tests, nginx for the two-instance test, GDAL),
# then `mvnw verify`.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl gis-data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java
# Browser tests (RequiresChromium) need Debian's chromium + chromium-driver + CJK fonts; in CI a
# missing browser fails those tests, so install it here rather than let them skip.
scripts/chromium.sh >/dev/null
# The two-instance test (ScaleOutIT) puts nginx in front of two app instances, as the README's scale-out does.
ensure_packages nginx-light
# GDAL (ogrinfo, ogr2ogr) is the real client the OGC API – Features tests read the running app with (RequiresGdal)
ensure_packages gdal-bin
# servicemap_test is only the entry point: each test context creates a fresh database next to it
# (TestDatabases); the app's database (servicemap) is never touched by tests
SERVICEMAP_TEST_POSTGIS_URL=$(scripts/postgis.sh start --db servicemap_test | tail -n 1)
export SERVICEMAP_TEST_POSTGIS_URL
echo "PostGIS for tests: $SERVICEMAP_TEST_POSTGIS_URL" >&2
./mvnw -B -ntp verify "$@"

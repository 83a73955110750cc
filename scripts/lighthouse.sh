#!/usr/bin/env bash
# Lighthouse on the project's own pages: builds the app (unless --no-build), starts it on a free loopback port with its
# own throwaway H2 database (never the app's, the tests' or the benchmarks'), waits until it is up and the demo region's
# network is loaded, then runs Lighthouse (from npm, into the git-ignored .tools/lighthouse) with Debian's Chromium
# headless: the worker page / on the mobile preset and the planner page /plan on the desktop preset. The planner page
# needs a signed-in user: the embedded demo signs loopback requests in as 演示规划员, which is what Lighthouse gets.
# Each page runs --runs times (default 5) and the median run by performance score counts, as Lighthouse's own docs
# advise for a machine shared with other work. Prints scores, LCP, TBT and CLS against the targets, writes the JSON
# reports to benchmark/target/lighthouse/ and exits non-zero when a target is missed.
#
# The timings depend on the machine: Lighthouse scales the main thread's observed task times, so a machine busy with
# other work scores lower. The load average of the run is printed beside the table.
#
#   scripts/lighthouse.sh [--no-build] [--runs N] [--jar FILE]   (--jar: measure another build, e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java

BUILD=1
RUNS=5
JAR=backend/target/servicemap.jar
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --runs) RUNS=$2; shift ;;
    --jar) JAR=$2; BUILD=0; shift ;;
    *) echo "usage: scripts/lighthouse.sh [--no-build] [--runs N] [--jar FILE]" >&2; exit 2 ;;
  esac
  shift
done

LIGHTHOUSE_VERSION=12.8.2 # pinned: scores move between Lighthouse versions
TOOLS=.tools/lighthouse
OUT=benchmark/target/lighthouse
LH="$TOOLS/node_modules/.bin/lighthouse"

command -v npm >/dev/null || ensure_packages nodejs npm
if ! [ -x "$LH" ] || [ "$("$LH" --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "lighthouse.sh: installing lighthouse@$LIGHTHOUSE_VERSION into $TOOLS (npm)" >&2
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi
CHROME_PATH=$(bash scripts/chromium.sh | tail -2 | head -1)
export CHROME_PATH

if [ $BUILD = 1 ] || ! [ -f "$JAR" ]; then
  echo "lighthouse.sh: building the app (./mvnw package, tests skipped)" >&2
  ./mvnw -B -ntp -q -DskipTests package
fi

rm -rf "$OUT/db" "$OUT"/*.json
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# the network cache survives between runs (importing the demo's graph is the slow part); the database does not
java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:./$OUT/db/servicemap;DB_CLOSE_ON_EXIT=FALSE" \
  --servicemap.network.cache-dir="$OUT/network" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 $APP 2>/dev/null || { echo "lighthouse.sh: the app did not start; see $OUT/app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/actuator/health" | grep -q '"UP"' || { echo "lighthouse.sh: the app is not up after 4 minutes; see $OUT/app.log" >&2; exit 1; }
# warm up as a server in use would be: the region's network loaded, the pages and their files read once
curl -fs -o /dev/null "$BASE/api/coverage" || echo "lighthouse.sh: warning: /api/coverage did not answer" >&2
for page in / /plan; do curl -fs -o /dev/null "$BASE$page"; done
# Chrome's flags: headless, and Lighthouse's own --disable-features list (chrome-launcher's defaults) without
# RenderDocument. Lighthouse turns RenderDocument off as a workaround (lighthouse#16363); shipping Chrome has it on, and
# with it off Debian's Chromium held this page's first frames back by 1–2 s at random (no frame requested from the
# renderer until then), which made first and largest paint a matter of luck. Passing the list replaces the default one.
# Two more keep Chrome's own UI out of the page's time: Chromium 156 now and then loaded its omnibox popup (a WebUI page,
# chrome://omnibox-popup.top-chrome/, half a second of CPU) in the middle of a measured run; its trace scored 0.69.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-features=Translate,OptimizationHints,MediaRouter,\
DialMediaRouteProvider,CalculateNativeWinOcclusion,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,\
AutofillServerCommunication,PrivacySandboxSettings4,PreloadTopChromeWebUI,WebUIOmniboxPopup"

run_page() { # name, path, preset (mobile = Lighthouse's default), runs
  local name=$1 path=$2 preset=$3 runs=$4 i
  for i in $(seq 1 "$runs"); do
    local extra=()
    [ "$preset" = desktop ] && extra=(--preset=desktop)
    "$LH" "$BASE$path" "${extra[@]}" --quiet --output=json --output-path="$OUT/$name-$i.json" \
      --only-categories=performance,accessibility,best-practices \
      --chrome-flags="$CHROME_FLAGS" >/dev/null 2>"$OUT/$name-$i.log" \
      || { echo "lighthouse.sh: Lighthouse failed on $path; see $OUT/$name-$i.log" >&2; exit 1; }
  done
}
# a server in use has seen these pages many times: the basemap tiles their first view needs are cut and cached, and
# the Java code that answers them is compiled. So each page is loaded once by Lighthouse, unmeasured, and every file and
# API call of those loads is then asked for 30 times more: otherwise the measured runs share the 2 cores with the
# server cutting tiles and compiling hot code while the page runs.
run_page warmup-worker / mobile 1
run_page warmup-planner /plan desktop 1
node -e '
  const fs = require("fs");
  for (const f of process.argv.slice(1)) {
    for (const r of JSON.parse(fs.readFileSync(f, "utf8")).audits["network-requests"].details.items) {
      if (r.url.startsWith("http")) console.log("url = \"" + r.url + "\"\noutput = /dev/null");
    }
  }' "$OUT/warmup-worker-1.json" "$OUT/warmup-planner-1.json" > "$OUT/warmup.curl"
for _ in $(seq 1 30); do curl -s --compressed -K "$OUT/warmup.curl" || true; done
# and the server idle (its background work done: demand surfaces, just-in-time compilation) before the first run
for _ in $(seq 1 60); do
  before=$(awk '{print $14 + $15}' /proc/$APP/stat)
  sleep 2
  [ $(( $(awk '{print $14 + $15}' /proc/$APP/stat) - before )) -lt 20 ] && break # under a tenth of a core
done

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
run_page worker / mobile "$RUNS"
run_page planner /plan desktop "$RUNS"
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

# the table: the median run per page (by performance score), against the targets
node - "$OUT" "$RUNS" "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)" <<'EOF'
const fs = require('fs');
const [dir, runs, loadBefore, loadAfter, cores] = [process.argv[2], Number(process.argv[3]), process.argv[4], process.argv[5], process.argv[6]];
const pages = [
  { name: 'worker', title: '职工页 / (mobile)', targets: { performance: 0.9, accessibility: 1.0 } },
  { name: 'planner', title: '规划页 /plan (desktop)', targets: { performance: 0.9, accessibility: 1.0 } },
];
let missed = 0;
const pad = (s, n) => String(s).padEnd(n);
console.log(pad('page', 24) + pad('performance', 14) + pad('accessibility', 16) + pad('best-practices', 16)
  + pad('LCP', 9) + pad('TBT', 9) + pad('CLS', 7) + 'runs (performance)');
const summary = {};
for (const p of pages) {
  const reports = [];
  for (let i = 1; i <= runs; i++) reports.push(JSON.parse(fs.readFileSync(`${dir}/${p.name}-${i}.json`, 'utf8')));
  const sorted = [...reports].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  fs.writeFileSync(`${dir}/${p.name}.json`, JSON.stringify(median));
  const score = (c) => median.categories[c].score;
  const cell = (c) => {
    const target = p.targets[c];
    const ok = target === undefined || score(c) >= target;
    if (!ok) missed++;
    return score(c).toFixed(2) + (target === undefined ? '' : (ok ? ' ✓' : ' ✗') + '≥' + target);
  };
  const a = median.audits;
  const failing = Object.values(median.categories.accessibility.auditRefs)
    .filter((r) => r.weight > 0 && a[r.id].score !== null && a[r.id].score < 1).map((r) => r.id);
  console.log(pad(p.title, 24) + pad(cell('performance'), 14) + pad(cell('accessibility'), 16) + pad(cell('best-practices'), 16)
    + pad((a['largest-contentful-paint'].numericValue / 1000).toFixed(1) + ' s', 9)
    + pad(Math.round(a['total-blocking-time'].numericValue) + ' ms', 9)
    + pad(a['cumulative-layout-shift'].numericValue.toFixed(3), 7)
    + reports.map((r) => r.categories.performance.score.toFixed(2)).join(' '));
  if (failing.length) console.log('  accessibility audits failing: ' + failing.join(', '));
  summary[p.name] = { url: median.finalDisplayedUrl, lighthouse: median.lighthouseVersion,
    scores: Object.fromEntries(Object.keys(median.categories).map((c) => [c, score(c)])),
    lcpMs: Math.round(a['largest-contentful-paint'].numericValue), tbtMs: Math.round(a['total-blocking-time'].numericValue),
    cls: a['cumulative-layout-shift'].numericValue, runs: reports.map((r) => r.categories.performance.score) };
}
summary.loadAverage = { before: Number(loadBefore), after: Number(loadAfter), cores: Number(cores) };
fs.writeFileSync(`${dir}/summary.json`, JSON.stringify(summary, null, 2) + '\n');
console.log(`load average ${loadBefore} → ${loadAfter} on ${cores} cores` + (Number(loadBefore) > Number(cores) ? ' (busy: timings are longer than on an idle machine)' : ''));
console.log(`reports: ${dir}/worker.json, ${dir}/planner.json (median of ${runs}), summary.json`);
if (missed) {
  console.log(missed + ' target(s) missed');
  process.exit(1);
}
EOF

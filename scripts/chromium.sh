#!/usr/bin/env bash
# Makes sure Debian's Chromium, its ChromeDriver and CJK fonts are installed for the browser tests
# (backend/src/test/java/cn/servicemap/web). Installs the Debian packages when missing, like
# scripts/postgis.sh does for PostGIS; never downloads a browser of its own. Prints the paths of the
# browser and the driver as its last two lines.
#
#   scripts/chromium.sh            install if needed, print /usr/bin/chromium and /usr/bin/chromedriver
#
# Why Debian's packages: this machine's network reaches only the package registries, so a test
# tool's own browser download (Selenium Manager, Playwright) fails; Debian's chromium and
# chromium-driver come in matching versions. fonts-noto-cjk makes Chinese render in screenshots.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*  (install chromium chromium-driver fonts-noto-cjk yourself, or run as root)"; exit 1; fi
}

want=(chromium chromium-driver fonts-noto-cjk)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian packages"
  sudo_if_needed apt-get update -qq >&2
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
for bin in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$bin" ] || { log "$bin is missing after the install"; exit 1; }
done
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown'); $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
echo /usr/bin/chromium
echo /usr/bin/chromedriver

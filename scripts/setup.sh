#!/usr/bin/env bash
#! Installs what the build and the tests need, only what is missing, at pinned versions.
#
# Sourced by scripts/serve.sh and scripts/test.sh (and usable alone). Idempotent: a warm
# machine passes through in about a second. Tools live in $READINESS_TOOLS (default
# ~/.cache/readiness-tools) so that every clone on this machine, CI's included, shares them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${READINESS_TOOLS:-$HOME/.cache/readiness-tools}"

# The installs run in a subshell with `set -e`, so sourcing this file never changes the
# caller's shell options; only the exports at the end reach the caller.
install_missing() (
set -euo pipefail
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
TERSER_VERSION="5.51.4"
# geckodriver 0.37 drives Firefox 128 and later; Debian's firefox-esr here is 153 (checked).
GECKODRIVER_VERSION="0.37.1"
mkdir -p "$TOOLS/bin"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the library exactly; Cargo.lock is the truth.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles its own lean standard library (scripts/build.sh).
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# READINESS_SETUP=build (set by scripts/build.sh) installs only what the release build needs.
TEST_TOOLS=true; [ "${READINESS_SETUP:-all}" = build ] && TEST_TOOLS=false

# chromium-headless-shell: Chromium's headless shell, which the Chromium journeys run in
# (tests/e2e/harness/journey.mjs says why); the whole browser runs the component tests and the
# benchmark.
if $TEST_TOOLS && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium-headless-shell ] || ! command -v brotli >/dev/null; }; then
  say "installing Debian chromium, chromium-headless-shell, chromium-driver, brotli"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-headless-shell chromium-driver brotli >/dev/null
fi

# The other engines (tests/e2e/harness/webdriver.mjs): Firefox and WebKitGTK (WebKitWebDriver drives its
# MiniBrowser) from Debian, Xvfb for WebKit's window and xdotool to give it the keyboard focus
# (there is no window manager), and fonts so screenshots show real glyphs.
ENGINE_PACKAGES=(firefox-esr webkit2gtk-driver xvfb xdotool fonts-dejavu-core fonts-noto-color-emoji)
engines_missing() {
  local installed
  installed=$(dpkg-query -W -f='${Status}\n' "${ENGINE_PACKAGES[@]}" 2>/dev/null | grep -cx 'install ok installed')
  [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ] || [ "$installed" -ne "${#ENGINE_PACKAGES[@]}" ]
}
if $TEST_TOOLS && engines_missing; then
  say "installing Debian firefox-esr, webkit2gtk-driver, xvfb, xdotool and fonts"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${ENGINE_PACKAGES[@]}" >/dev/null
fi

# The version read whole, not piped into `grep -q`: grep stops reading at its match, geckodriver
# then dies writing the rest, and under `set -o pipefail` (scripts/test.sh) that read as a wrong
# version and reinstalled it on every run.
if $TEST_TOOLS && { [ ! -x "$TOOLS/bin/geckodriver" ] || [[ "$("$TOOLS/bin/geckodriver" --version 2>/dev/null)" != "geckodriver $GECKODRIVER_VERSION"* ]]; }; then
  say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
  cargo install --quiet --locked --force --root "$TOOLS" geckodriver --version "$GECKODRIVER_VERSION"
fi

if [ ! -x "$TOOLS/bin/trunk" ] || ! "$TOOLS/bin/trunk" --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install --quiet --root "$TOOLS" trunk --version "$TRUNK_VERSION" --locked
fi

if [ ! -x "$TOOLS/bin/wasm-bindgen" ] || ! "$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its own lockfile names a crate version this registry lacks.
  cargo install --quiet --force --root "$TOOLS" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$TOOLS/npm/node_modules/.bin/wasm-opt" ] || [ ! -f "$TOOLS/npm/node_modules/terser/package.json" ] \
  || ! grep -q "\"version\": \"$TERSER_VERSION\"" "$TOOLS/npm/node_modules/terser/package.json"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) and terser $TERSER_VERSION (minifies the JS glue) from npm"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION" >/dev/null
fi

if $TEST_TOOLS && { [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ] \
    || [ ! -d "$ROOT/tests/e2e/node_modules/selenium-webdriver" ]; }; then
  say "installing the end-to-end test packages (npm ci)"
  (cd "$ROOT/tests/e2e" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

)
install_missing || { echo "[setup] installing the tools failed" >&2; return 1 2>/dev/null || exit 1; }

export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Not GECKODRIVER: wasm-bindgen-test-runner prefers Firefox whenever GECKODRIVER is set, so
# exporting it would move every browser test to Firefox. scripts/test.sh sets it for its
# Firefox layer only; tests/e2e/harness/webdriver.mjs reads these.
export READINESS_GECKODRIVER="$TOOLS/bin/geckodriver"
export READINESS_FIREFOX=/usr/bin/firefox-esr
export READINESS_WEBKITDRIVER=/usr/bin/WebKitWebDriver
READINESS_MINIBROWSER="$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n 1)"
export READINESS_MINIBROWSER
export TRUNK_SKIP_VERSION_CHECK=true
export READINESS_ROOT="$ROOT"
export READINESS_TERSER="$TOOLS/npm/node_modules/terser/bin/terser"

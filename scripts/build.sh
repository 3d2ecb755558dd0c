#!/usr/bin/env bash
#! Builds the release site into dist/ (or `--dist DIR`): both pages with a standard library
#! compiled to abort on panic, then the build step in Rust (xtask/) that finishes them.
#
#   bash scripts/build.sh [--dist DIR]
#   SITE_URL=https://example.com/readiness/ EMBED_ALLOWED="https://blog.example.com" bash scripts/build.sh
#
# SITE_URL (the address the site is served from) makes every preview address absolute, which
# LinkedIn and Facebook need to show a card's image; the build warns loudly without it.
# EMBED_ALLOWED lists the sites that may frame the widget (default: any).
#
# Why a lean std: with the prebuilt std, every panic carries its message-formatting machinery
# into the wasm; rebuilding std with `-Cpanic=immediate-abort` drops it (about 18 KB gzip of the
# wasm; docs/size.md). Both switches are unstable, so RUSTC_BOOTSTRAP=1 unlocks unstable
# features on the pinned stable toolchain (rust-toolchain.toml) for the two Trunk builds only
# (build scripts see it too: proc-macro2, for one, then probes for and uses unstable compiler
# APIs at compile time; its probes fall back when they fail). Tested with rustc 1.95; a
# toolchain that renames the switches fails this build loudly. A panic then traps at once:
# index.html shows the crash message, so no Rust panic hook is needed. Native and browser
# tests, and the build step, compile with the ordinary toolchain.
set -euo pipefail
READINESS_SETUP=build source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$READINESS_ROOT"

DIST=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="${2:?--dist needs a folder}"; shift 2 ;;
    --dist=*) DIST="${1#--dist=}"; shift ;;
    *) echo "build.sh: unknown argument $1 (usage: bash scripts/build.sh [--dist DIR])" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIST"
DIST="$(cd "$DIST" && pwd)"

# A build whose inputs have not changed since it was made into DIST is not made again (a warm
# test run then spends no time here). The inputs: every file the build reads (the sources the
# repository holds, committed or not), the toolchain's versions and the two settings. The
# folder's own contents are checked too, so a DIST changed or emptied since is rebuilt.
# READINESS_REBUILD=1 rebuilds regardless.
build_inputs() {
  {
    git -C "$READINESS_ROOT" ls-files -z --cached --others --exclude-standard -- \
      .cargo Cargo.toml Cargo.lock Trunk.toml rust-toolchain.toml index.html style src embed preview vendor xtask \
      scripts/build.sh scripts/setup.sh |
      sort -z | xargs -0 -r sha256sum
    rustc -vV
    trunk --version
    wasm-bindgen --version
    wasm-opt --version
    echo "SITE_URL=${SITE_URL:-}"
    echo "EMBED_ALLOWED=${EMBED_ALLOWED:-}"
  } | sha256sum | cut -d' ' -f1
}
dist_digest() { (cd "$DIST" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1); }
MARKER="$READINESS_ROOT/target/site-builds/$(printf '%s' "$DIST" | sha256sum | cut -c1-16)"
INPUTS=""
if git -C "$READINESS_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  INPUTS="$(build_inputs)"
  if [ "${READINESS_REBUILD:-0}" != 1 ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$INPUTS $(dist_digest)" ]; then
    echo "build: $DIST is already the build of these sources (READINESS_REBUILD=1 makes it again)"
    exit 0
  fi
fi
rm -f "$MARKER"

# Trunk runs cargo with --offline (Trunk.toml), so every crate must be downloaded first: ours
# (Cargo.lock) and the ones std itself depends on (std's own Cargo.lock). Warm, a blink.
cargo fetch --quiet
# (std's manifest uses unstable Cargo features: RUSTC_BOOTSTRAP for this one command.)
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# The build step, compiled natively before anything else (a mistake in it fails in seconds).
cargo build --quiet --package xtask
xtask() { cargo run --quiet --package xtask -- "$@"; }

# The release builds with the lean std: these switches reach only the Trunk runs.
lean() (
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  # std's own smaller code paths (e.g. a simpler sort and formatting): 0.5 KB gzip, measured.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
  # RUSTFLAGS replaces .cargo/config.toml's rustflags, so erase_components is repeated here.
  # `-Zfmt-debug=none` and `-Zlocation-detail=none` drop `Debug` output and panic locations,
  # which the release never shows (nothing user-visible is formatted with `{:?}`: tidy.rs):
  # 2.8 KB gzip of the check's wasm, measured.
  export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
  "$@"
)

# The check's page, then the author tools' page in DIST/tools/: the same head, the tools' own
# wasm (so the check's first load never carries the team view, readers' results or the embed
# kit), from a page the build step writes from index.html (tools.html, not committed).
lean trunk build --release --dist "$DIST"
xtask tools-source
lean trunk build tools.html --release --dist "$DIST/tools"
# Minification, CSP hashes, the framing list, the 16 outcome pages, 404.html, _headers.
xtask site "$DIST"

if [ -n "$INPUTS" ]; then
  mkdir -p "$(dirname "$MARKER")"
  echo "$INPUTS $(dist_digest)" > "$MARKER"
fi

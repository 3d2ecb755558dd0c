#!/usr/bin/env bash
#! Builds the release widget into dist/ with a standard library compiled to abort on panic.
#
# Why: with the prebuilt std, every panic carries its message-formatting machinery into the
# wasm; rebuilding std with `-Cpanic=immediate-abort` drops it (about 18 KB gzip of the wasm;
# docs/size.md "Where the bytes go"). Both switches are unstable, so RUSTC_BOOTSTRAP=1
# unlocks unstable features on the stable toolchain for this whole build (build scripts see
# it too: proc-macro2, for one, then probes for and uses unstable compiler APIs at compile
# time; its probes fall back when they fail). Tested with rustc 1.95; a toolchain that
# renames the switches fails this build loudly. A panic then traps at once: index.html shows
# the crash message, so no Rust panic hook is needed. Native and browser tests build with
# the ordinary toolchain: these variables stay in this process.
set -euo pipefail
READINESS_SETUP=build source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$READINESS_ROOT"
export RUSTC_BOOTSTRAP=1
# Trunk runs cargo with --offline (Trunk.toml), so every crate must be downloaded first: ours
# (Cargo.lock) and the ones std itself depends on (std's own Cargo.lock). Warm, a blink.
cargo fetch --quiet
cargo fetch --quiet --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
# std's own smaller code paths (e.g. a simpler sort and formatting): 0.5 KB gzip, measured.
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so erase_components is repeated here.
# `-Zfmt-debug=none` and `-Zlocation-detail=none` drop `Debug` output and panic locations,
# which the release never shows (nothing user-visible is formatted with `{:?}`: tidy.rs):
# 2.8 KB gzip of the check's wasm, measured.
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
# The check's page (and its per-outcome copies, written by the post-build hook).
trunk build --release "$@"
# The author tools' page: the same head, the tools' own wasm, in dist/tools/ (so the check's
# first load never carries the team view, readers' results or the embed kit).
python3 scripts/tools_page.py
READINESS_PAGE=tools trunk build tools.html --release --dist target/tools-dist
rm -rf dist/tools
cp -r target/tools-dist dist/tools

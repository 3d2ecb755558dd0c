#!/usr/bin/env bash
#! Builds the floor measurement like the product's release (lean std, wasm-opt -Oz) and
#! prints its wasm and JS glue sizes, raw and gzip -9.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../../scripts/setup.sh
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  cargo build --quiet --release --target wasm32-unknown-unknown
out="$(mktemp -d)"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/readiness-floor.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/readiness-floor_bg.wasm" -o "$out/floor.wasm"
echo "floor wasm: $(wc -c <"$out/floor.wasm") raw, $(gzip -9 -c "$out/floor.wasm" | wc -c) gzip"
echo "floor js:   $(wc -c <"$out/readiness-floor.js") raw, $(gzip -9 -c "$out/readiness-floor.js" | wc -c) gzip"
rm -rf "$out"

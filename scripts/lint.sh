#!/usr/bin/env bash
#! Static checks: `cargo fmt --check` (the crate and the fuzz target), then clippy with every
#! warning an error, natively (the core, the native tests, the examples) and for wasm32 (the
#! shell, the components, the browser tests). Each check says ok or FAILED; the last line is
#! "N passed, M failed", which scripts/test.sh counts as its lint layer. Alone:
#! `bash scripts/lint.sh`. The doc-path check is a test (tests/tidy.rs), run by `cargo test`.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

passed=0
failed=0
check() {
  local name="$1"
  shift
  echo "--- $name: $*"
  if "$@"; then
    passed=$((passed + 1))
    echo "lint: $name ok"
  else
    failed=$((failed + 1))
    echo "lint: $name FAILED"
  fi
}

check fmt cargo fmt --all --check
check fmt-fuzz cargo fmt --check --manifest-path fuzz/Cargo.toml
check clippy-native cargo clippy --quiet --locked --workspace --all-targets -- -D warnings
check clippy-wasm32 cargo clippy --quiet --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
#! Runs every test: native core tests, browser component tests, end-to-end journeys against
#! the release build. Installs what is missing first. Ends with one summary line.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || exit 1
cd "$READINESS_ROOT"
cargo fetch --quiet || exit 1

LOGS="$(mktemp -d)"
declare -a NAMES=() RESULTS=()
total_passed=0
total_failed=0

# Runs one layer, keeps its output, and adds its counts to the totals.
layer() {
  local name="$1"; shift
  echo
  echo "=== $name ==="
  local start=$SECONDS
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local status=${PIPESTATUS[0]}
  local passed failed
  # cargo and wasm-bindgen-test print "test result: ok. N passed; M failed"; the e2e runner prints "N passed, M failed".
  passed=$(grep -Eo '([0-9]+) passed' "$LOGS/$name.log" | awk '{s+=$1} END {print s+0}')
  failed=$(grep -Eo '([0-9]+) failed' "$LOGS/$name.log" | awk '{s+=$1} END {print s+0}')
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "$name ran no test: counting it as a failure"
    failed=1
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  NAMES+=("$name")
  RESULTS+=("$(printf '%-10s %4d passed, %d failed  (%ds)' "$([ "$failed" -eq 0 ] && echo ok || echo FAILED)" "$passed" "$failed" $((SECONDS - start)))")
}

layer native cargo test --quiet
# The component tests twice: wasm-bindgen-test-runner takes Chrome from CHROMEDRIVER and
# Firefox from GECKODRIVER (which wins when both are set); webdriver.json holds both browsers'
# options.
layer browser-chromium env -u GECKODRIVER cargo test --target wasm32-unknown-unknown --test web
layer browser-firefox env GECKODRIVER="$READINESS_GECKODRIVER" cargo test --target wasm32-unknown-unknown --test web
layer e2e bash -c 'bash scripts/build.sh && node tests/e2e/run.mjs dist'

echo
echo "=== summary ==="
for i in "${!NAMES[@]}"; do
  printf '%-17s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}"
done
echo "total: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]

#!/usr/bin/env bash
#! Runs every test: formatting and clippy (scripts/lint.sh); then the end-to-end journeys against
#! the release build (Chromium, Firefox and WebKit side by side) and, meanwhile, the native core
#! tests and the browser component tests (Chromium and Firefox). Installs what is missing first.
#! Ends with a line per layer and one total line.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || exit 1
cd "$READINESS_ROOT"
cargo fetch --quiet || exit 1

LOGS="$(mktemp -d)"
declare -a NAMES=() RESULTS=()
declare -A REPORTS=()
total_passed=0
total_failed=0

# Adds a finished layer's counts, read from its log, to the totals.
count_layer() {
  local name="$1" status="$2" seconds="$3"
  local passed failed
  if [ -n "${REPORTS[$name]:-}" ]; then
    # An end-to-end layer: its processes' JUnit reports, counted by tests/e2e/harness/summary.mjs.
    # shellcheck disable=SC2086 # a list of report files (paths without spaces: mktemp's)
    read -r passed failed < <(node tests/e2e/harness/summary.mjs ${REPORTS[$name]} || echo "0 1")
  else
    # cargo and wasm-bindgen-test print "test result: ok. N passed; M failed".
    passed=$(grep -Eo '([0-9]+) passed' "$LOGS/$name.log" | awk '{s+=$1} END {print s+0}')
    failed=$(grep -Eo '([0-9]+) failed' "$LOGS/$name.log" | awk '{s+=$1} END {print s+0}')
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "$name ran no test: counting it as a failure"
    failed=1
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  NAMES+=("$name")
  RESULTS+=("$(printf '%-10s %4d passed, %d failed  (%ds)' "$([ "$failed" -eq 0 ] && echo ok || echo FAILED)" "$passed" "$failed" "$seconds")")
}

# Runs one layer, keeps its output, and adds its counts to the totals.
layer() {
  local name="$1"; shift
  echo
  echo "=== $name ==="
  local start=$SECONDS
  "$@" 2>&1 | tee "$LOGS/$name.log"
  count_layer "$name" "${PIPESTATUS[0]}" $((SECONDS - start))
}

# Formatting and clippy (-D warnings), native and wasm32: scripts/lint.sh. Before the journeys,
# as is compiling the native and component tests: on a fresh machine that is minutes of both
# cores, which journeys waiting for conditions should not have to share.
layer lint bash scripts/lint.sh
echo
echo "=== compile the tests ==="
cargo test --quiet --workspace --no-run && cargo test --quiet --target wasm32-unknown-unknown --test web --no-run

# The release build, once, for every end-to-end layer.
echo
echo "=== build ==="
BUILT=false
bash scripts/build.sh && BUILT=true

# End to end: the journeys (tests/e2e/journeys/*.test.mjs) under node:test, one layer per
# engine, each counted from its runner's JUnit report, all three engines side by side:
# Chromium (Playwright), Firefox and WebKit (WebDriver; each journey file says which of its
# journeys run there). The layers are CPU-bound on two cores; side by side, one engine's waits
# on its driver are another's CPU time (measured: 465 s one after the other, 449 s together).
# Each layer's files run in long-lived processes (tests/e2e/harness/one-process.mjs), one
# journey at a time in each, so that one set of servers and browsers serves many files, not one
# each as `node --test` would start (measured alone: Chromium 292 → 265 CPU-seconds and 171 →
# 157 s, Firefox 136 → 114, WebKit 93 → 77 and 116 → 69 s): Chromium in two processes that take
# the next file from a shared queue (E2E_QUEUE), Firefox and WebKit in one each.
e2e_processes() { [ "$1" = chromium ] && echo 2 || echo 1; }
# Priorities: Firefox's process at nice 0, WebKit's at 2, Chromium's at 5. Firefox's and
# WebKit's layers run one journey at a time, each waiting on its driver; a layer that ends
# last alone leaves a core idle, unless it is Chromium's, whose two processes keep both busy.
# (Measured, the whole command: all at one priority, Firefox ended 20–25 s after the others;
# Chromium and WebKit at 2, Firefox still ended last, 10–20 s after Chromium, 239–256 s; with
# Chromium at 5, Chromium ends last, 235 and 254 s.)
e2e_niceness() { case "$1" in firefox) echo 0 ;; webkit) echo 2 ;; *) echo 5 ;; esac; }
e2e_layer() {
  local engine="$1" queue="$LOGS/queue-$1" status=0 i
  $BUILT || { echo "the release build failed: no journeys"; return 1; }
  mkdir -p "$queue"
  local pids=()
  for i in $(seq "$(e2e_processes "$engine")"); do
    E2E_ENGINE="$engine" E2E_QUEUE="$queue" nice -n "$(e2e_niceness "$engine")" node \
      --test-reporter=spec --test-reporter-destination="$LOGS/e2e-$engine-$i.out" \
      --test-reporter=junit --test-reporter-destination="$LOGS/e2e-$engine-$i.xml" \
      tests/e2e/harness/one-process.mjs > "$LOGS/e2e-$engine-$i.err" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || status=1; done
  for i in $(seq "$(e2e_processes "$engine")"); do
    cat "$LOGS/e2e-$engine-$i.out" "$LOGS/e2e-$engine-$i.err" 2>/dev/null
  done
  return "$status"
}
# Starts a layer in the background; finish_layer waits for it, prints its output and counts it.
declare -A PIDS=() STARTS=()
start_layer() {
  local name="$1"; shift
  STARTS[$name]=$SECONDS
  { "$@" > "$LOGS/$name.log" 2>&1; ended=$?; echo "$SECONDS" > "$LOGS/$name.end"; exit "$ended"; } &
  PIDS[$name]=$!
}
finish_layer() {
  local name="$1" status=0
  wait "${PIDS[$name]}" || status=$?
  echo
  echo "=== $name ==="
  cat "$LOGS/$name.log"
  count_layer "$name" "$status" $(( $(cat "$LOGS/$name.end" 2>/dev/null || echo "$SECONDS") - STARTS[$name]))
}
ENGINES=(${READINESS_ENGINES:-firefox webkit})
for engine in chromium "${ENGINES[@]}"; do
  REPORTS[e2e-$engine]=$(for i in $(seq "$(e2e_processes "$engine")"); do echo "$LOGS/e2e-$engine-$i.xml"; done)
done
for engine in chromium "${ENGINES[@]}"; do start_layer "e2e-$engine" e2e_layer "$engine"; done

# While the journeys run: the tests already compiled (above), one layer after the other, each
# printed as it ends (the journeys' waits on their drivers leave CPU for them).
# The workspace: the widget's core and the build step (xtask/), natively.
layer native cargo test --quiet --workspace
# The component tests twice: wasm-bindgen-test-runner takes Chrome from CHROMEDRIVER and
# Firefox from GECKODRIVER (which wins when both are set); webdriver.json holds both browsers'
# options.
layer browser-chromium env -u GECKODRIVER cargo test --target wasm32-unknown-unknown --test web
layer browser-firefox env GECKODRIVER="$READINESS_GECKODRIVER" cargo test --target wasm32-unknown-unknown --test web

for engine in chromium "${ENGINES[@]}"; do finish_layer "e2e-$engine"; done

echo
echo "=== summary ==="
for i in "${!NAMES[@]}"; do
  printf '%-17s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}"
done
echo "total: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]

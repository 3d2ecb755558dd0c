#!/usr/bin/env bash
#! Benchmark (a report, not a test): builds the release, then prints the first load's size per
#! file (raw / gzip / brotli), the time to the first usable control beside the hand-written
#! vanilla page (cold loads, also under 4x CPU throttle and slow 4G), the longest start-up long
#! task, and the budgets. Writes bench/results/latest.json. BENCH_RUNS sets the number of loads.
#! The vanilla page is bench/vanilla/ (bench/README.md); BENCH_VANILLA names another folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$READINESS_ROOT"
bash scripts/build.sh
exec node tests/e2e/bench.mjs dist "${BENCH_VANILLA:-$READINESS_ROOT/bench/vanilla}"

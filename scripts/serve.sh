#!/usr/bin/env bash
#! Builds the release widget and serves it on http://127.0.0.1:8080/ (installs what is missing).
set -euo pipefail
# Only what the build needs: serving takes no browser.
READINESS_SETUP=build source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$READINESS_ROOT"
bash scripts/build.sh
PORT="${PORT:-8080}"
echo
echo "Serving the Scaling Readiness Check at http://127.0.0.1:$PORT/  (Ctrl+C to stop)"
exec node tests/e2e/serve.mjs dist "$PORT"

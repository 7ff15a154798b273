#!/usr/bin/env bash
# README command (b): the same setup, then every test (unit, api, ui, e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-tests
start=$(date +%s)
bash scripts/build.sh ci
built=$(date +%s)
echo "build: $((built - start)) s"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 0700 "$XDG_RUNTIME_DIR"
ctest --preset ci "$@"
echo "tests: $(($(date +%s) - built)) s"

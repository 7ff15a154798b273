#!/usr/bin/env bash
# README command (a): install what is missing, build, start the console with its embedded
# server (SQLite in the user's data dir). Extra arguments go to vms-console.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh ci
exec build/ci/app/console/vms-console "$@"

#!/usr/bin/env bash
# Throughput of GET /api/v1/users/me (bearer check + user, groups and permissions load) with wrk,
# 64 connections on loopback, next to GET /openapi.json-free baseline GET /api/v1/hello
# (bearer check only). Prints figures; never fails on time.
# Usage: tests/bench/bench_users_me.sh [BUILD_DIR] [DURATION_S]
set -euo pipefail
build="${1:-build/ci}"
duration="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
VMS_ADMIN_LOGIN=bench@example.com VMS_ADMIN_PASSWORD="$password" \
    "$build/app/server/vms-server" --listen 127.0.0.1:0 --data-dir "$work" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
token=$(curl -s -X POST "$url/api/v1/token" --data-urlencode grant_type=password \
        --data-urlencode username=bench@example.com --data-urlencode "password=$password" |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/')
echo "server: $url  cores: $(nproc)  wrk: -t2 -c64 -d${duration}s"
for path in /api/v1/users/me /api/v1/hello; do
    out=$(wrk -t2 -c64 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    printf 'GET %-20s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$path" "$rps" "$p50" "$p99" "${non2xx:-0}"
done

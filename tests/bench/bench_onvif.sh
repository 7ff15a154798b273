#!/usr/bin/env bash
# ONVIF through the REST API next to raw gSOAP: starts onvif-camera-sim and vms-server on
# loopback, creates a camera pointing at the simulator, and runs bench_onvif (sequential requests
# on keep-alive connections; raw and REST rounds alternate). Prints figures; never fails on time.
# Usage: tests/bench/bench_onvif.sh [BUILD_DIR] [REQUESTS]
set -euo pipefail
build="${1:-build/ci}"
requests="${2:-4000}"
work=$(mktemp -d)
trap 'kill $sim $pid 2>/dev/null || true; rm -rf "$work"' EXIT
simpass="sim-$(head -c 9 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
"$build/app/onvif-camera-sim/onvif-camera-sim" --listen 127.0.0.1:0 --user admin \
    --password "$simpass" --exit-with-parent >"$work/sim.log" 2>&1 &
sim=$!
password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
VMS_ADMIN_LOGIN=bench@example.com VMS_ADMIN_PASSWORD="$password" \
    "$build/app/server/vms-server" --listen 127.0.0.1:0 --data-dir "$work" --no-ingest \
    >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/log" || true)
    simport=$(grep -o 'ready http://127.0.0.1:[0-9]*' "$work/sim.log" | grep -o '[0-9]*$' || true)
    [ -n "$url" ] && [ -n "$simport" ] && break
    sleep 0.1
done
token=$(curl -s -X POST "$url/api/v1/token" --data-urlencode grant_type=password \
        --data-urlencode username=bench@example.com --data-urlencode "password=$password" |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"
place=$(curl -s -X POST "$url/api/v1/places" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"name":"Bench","lat":0,"lon":0}' | sed -E 's/.*"id":([0-9]+).*/\1/')
camera=$(curl -s -X POST "$url/api/v1/cameras" -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"name\":\"PTZ\",\"source\":{\"url\":\"rtsp://127.0.0.1:1/none\"},\"place_id\":$place,
             \"onvif_host\":\"127.0.0.1\",\"onvif_port\":$simport,\"onvif_login\":\"admin\",
             \"onvif_password\":\"$simpass\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "server: $url  simulator port: $simport  cores: $(nproc)  requests: $requests per figure"
"$build/tests/bench/bench_onvif" --server "$url" --token "$token" --camera "$camera" \
    --sim-port "$simport" --user admin --password "$simpass" --requests "$requests"

#!/usr/bin/env bash
# Ingest and recording: N cameras of 720p25 H.264 at 4 Mbit/s from the RTSP test server
# (a pre-encoded clip served in a loop, so that the source costs no encoding), recorded by
# vms-server into 10 s segments; then the same N streams recorded by the ffmpeg CLI
# (ffmpeg -rtsp_transport tcp -i URL -c copy -f segment), in the same run. Prints the CPU per
# stream of each (from /proc/PID/stat over the measuring window) and the ratio; never fails on
# CPU figures. Usage: tests/bench/bench_ingest.sh [BUILD_DIR] [STREAMS] [SECONDS]
# (RTSP_SERVER=path overrides the test server binary, e.g. from a build with tests on.)
set -euo pipefail
build="${1:-build/ci}"
streams="${2:-8}"
seconds="${3:-20}"
py=/usr/bin/python3
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
hz=$(getconf CLK_TCK)
cpu_ticks() { # utime + stime of the given pids
    local total=0
    for p in "$@"; do
        read -r -a f <"/proc/$p/stat"
        total=$((total + f[13] + f[14]))
    done
    echo "$total"
}

# The clip: 20 s of 720p25 at 4 Mbit/s, a keyframe every second, no B-frames (like most IP
# cameras; with B-frames the first RTSP packet has no timestamp and the ffmpeg CLI's segment
# muxer refuses the stream, which would leave no baseline).
ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=25 -t 20 -c:v libx264 -preset veryfast \
    -bf 0 -b:v 4M -maxrate 4M -bufsize 4M -g 25 -pix_fmt yuv420p "$work/clip.mp4"

export GST_REGISTRY="$work/gst-registry.bin"
"${RTSP_SERVER:-$build/tests/support/rtsp_server/vms-rtsp-test-server}" --port 0 --file "$work/clip.mp4" \
    >"$work/rtsp.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    rtsp=$(sed -n 's/^RTSP_URL //p' "$work/rtsp.log")
    [ -n "$rtsp" ] && break
    sleep 0.1
done
[ -n "$rtsp" ] || { cat "$work/rtsp.log"; exit 1; }
source_url="${rtsp}file0"

password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
VMS_ADMIN_LOGIN=bench@example.com VMS_ADMIN_PASSWORD="$password" \
    "$build/app/server/vms-server" --listen 127.0.0.1:0 --data-dir "$work/vms" \
    >"$work/server.log" 2>&1 &
server=$!
pids+=($server)
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; exit 1; }
token=$(curl -s -X POST "$url/api/v1/token" --data-urlencode grant_type=password \
        --data-urlencode username=bench@example.com --data-urlencode "password=$password" |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"
place=$(curl -s -X POST "$url/api/v1/places" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"name":"Benchmark site"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
ids=()
for i in $(seq 1 "$streams"); do
    ids+=("$(curl -s -X POST "$url/api/v1/cameras" -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"name\":\"Bench $i\",\"place_id\":$place,\"source\":{\"url\":\"$source_url\"}}" |
        sed -E 's/.*"id":"([^"]+)".*/\1/')")
done
for _ in $(seq 1 100); do
    online=0
    for id in "${ids[@]}"; do
        curl -s -H "$auth" "$url/api/v1/streams/$id" | grep -q '"status":"online"' && online=$((online + 1))
    done
    [ "$online" -eq "$streams" ] && break
    sleep 0.2
done
sleep 3 # settle: connections made, first segments open
t0=$(cpu_ticks "$server"); s0=$(date +%s.%N)
sleep "$seconds"
t1=$(cpu_ticks "$server"); s1=$(date +%s.%N)
segments=$(find "$work/vms/archive" -name '*.ts' | wc -l)
ours=$(awk -v t="$((t1 - t0))" -v hz="$hz" -v a="$s0" -v b="$s1" -v n="$streams" \
       'BEGIN { printf "%.2f", 100 * t / hz / (b - a) / n }')
kill "$server"; wait "$server" 2>/dev/null || true

fpids=()
for i in $(seq 1 "$streams"); do
    mkdir -p "$work/ff$i"
    ffmpeg -v error -rtsp_transport tcp -i "$source_url" -c copy -f segment -segment_time 10 \
        -reset_timestamps 1 "$work/ff$i/%05d.ts" </dev/null &
    fpids+=($!)
    pids+=($!)
done
sleep 5
t0=$(cpu_ticks "${fpids[@]}"); s0=$(date +%s.%N)
sleep "$seconds"
t1=$(cpu_ticks "${fpids[@]}"); s1=$(date +%s.%N)
theirs=$(awk -v t="$((t1 - t0))" -v hz="$hz" -v a="$s0" -v b="$s1" -v n="$streams" \
         'BEGIN { printf "%.2f", 100 * t / hz / (b - a) / n }')
kill "${fpids[@]}" 2>/dev/null || true

echo "streams: $streams x 720p25 H.264 4 Mbit/s over RTSP/TCP   window: ${seconds}s   cores: $(nproc)"
echo "vms-server ingest + recording : ${ours}% of a core per stream ($segments segment files)"
echo "ffmpeg -c copy -f segment     : ${theirs}% of a core per stream"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: %.2f (target <= 1.0)\n", a / b }'

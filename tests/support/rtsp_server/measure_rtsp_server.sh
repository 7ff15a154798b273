#!/usr/bin/env bash
# Measures vms-rtsp-test-server: time from process start to its RTSP_URL line, and its CPU use
# while CLIENTS ffmpeg clients read MOUNT (no decoding: -c copy) for SECONDS seconds.
#   measure_rtsp_server.sh BUILD_DIR [MOUNT=test] [SECONDS=10] [CLIENTS=1] [-- server args...]
# CPU comes from utime+stime in /proc/PID/stat, in percent of one core.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [MOUNT] [SECONDS] [CLIENTS] [-- server args]}
shift
mount=test seconds=10 clients=1
[ $# -gt 0 ] && [ "$1" != "--" ] && { mount=$1; shift; }
[ $# -gt 0 ] && [ "$1" != "--" ] && { seconds=$1; shift; }
[ $# -gt 0 ] && [ "$1" != "--" ] && { clients=$1; shift; }
[ "${1:-}" = "--" ] && shift

server="$build/tests/support/rtsp_server/vms-rtsp-test-server"
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export GST_REGISTRY="${GST_REGISTRY:-${TMPDIR:-/tmp}/vms-test-gst-registry-$(id -u).bin}"

now_ms() { date +%s%3N; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

t0=$(now_ms)
"$server" "$@" >"$work/out" 2>"$work/err" &
spid=$!
pids+=("$spid")
until grep -q '^RTSP_URL ' "$work/out"; do
    kill -0 "$spid" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.005
done
t1=$(now_ms)
url=$(awk '/^RTSP_URL /{print $2}' "$work/out")
echo "startup_to_rtsp_url_ms=$((t1 - t0))"
echo "url=$url$mount"

idle0=$(ticks "$spid")
sleep 1
idle1=$(ticks "$spid")
echo "idle_cpu_percent=$(echo "scale=1; ($idle1 - $idle0) * 100 / $hz" | bc)"

for _ in $(seq "$clients"); do
    ffmpeg -nostdin -v error -rtsp_transport tcp -i "$url$mount" -c copy -f null - &
    pids+=("$!")
done
sleep 2 # let the pipelines start and x264 settle
c0=$(ticks "$spid")
s0=$(now_ms)
sleep "$seconds"
c1=$(ticks "$spid")
s1=$(now_ms)
echo "clients=$clients cpu_percent_of_one_core=$(echo "scale=1; ($c1 - $c0) * 100 * 1000 / $hz / ($s1 - $s0)" | bc)"

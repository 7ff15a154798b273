#!/usr/bin/env bash
# The console's live grid: a 4x4 LiveViewPane (offscreen, 1280x720) with 16 cameras on 16 RTSP
# sessions of one 720p25 H.264 clip served by the RTSP test server (pre-encoded with
# ffmpeg -f lavfi testsrc2 -c:v libx264 -g 25, so the server does no encoding), measured for
# SECONDS: CPU cores of the console process, new-frame paints per tile, frames dropped. Then, in
# the same run, 16 `ffmpeg -threads 1 -rtsp_transport tcp -i URL -f null -` processes on the same
# mount for the same time: their CPU and decoded frames. Prints both; never fails on figures.
# Usage: tests/bench/bench_live_grid.sh [BUILD_DIR] [SECONDS] [CAMERAS]
set -euo pipefail
build="${1:-build/ci}"
seconds="${2:-20}"
cameras="${3:-16}"
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
now_ms() { date +%s%3N; }

# 20 s of 720p25, a keyframe every second, no B-frames (like most IP cameras).
ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=25 -t 20 -c:v libx264 -preset veryfast \
    -bf 0 -b:v 2M -maxrate 2M -bufsize 2M -g 25 -pix_fmt yuv420p "$work/clip.mp4"

export GST_REGISTRY="$work/gst-registry.bin"
"$build/tests/support/rtsp_server/vms-rtsp-test-server" --port 0 --file "$work/clip.mp4" \
    >"$work/rtsp.log" 2>"$work/rtsp.err" &
pids+=($!)
rtsp_pid=$!
for _ in $(seq 1 100); do
    rtsp=$(sed -n 's/^RTSP_URL //p' "$work/rtsp.log")
    [ -n "$rtsp" ] && break
    sleep 0.1
done
[ -n "$rtsp" ] || { echo "the RTSP test server did not start"; cat "$work/rtsp.err"; exit 1; }
url="${rtsp}file0"
nproc_all=$(nproc)
echo "machine: $nproc_all cores; clip: 720p25 H.264 2 Mbit/s GOP 25; mount: $url"

# --- the console's grid ---
rtsp0=$(cpu_ticks "$rtsp_pid")
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" \
    "$build/tests/bench/bench_live_grid" --url "$url" --cameras "$cameras" --seconds "$seconds" \
    --screenshot "${SCREENSHOT:-$work/grid.png}" | tee "$work/grid.txt"
console=$(sed -n 's/^RESULT //p' "$work/grid.txt")

# --- the same streams decoded by the ffmpeg CLI ---
fpids=()
for i in $(seq 1 "$cameras"); do
    ffmpeg -nostdin -v error -threads 1 -rtsp_transport tcp -i "$url" -f null -progress \
        "$work/progress$i.txt" - &
    fpids+=($!)
    pids+=($!)
done
sleep 4 # connect and settle
frames_of() { # last frame= of each progress file, summed
    local total=0 n
    for i in $(seq 1 "$cameras"); do
        n=$(grep '^frame=' "$work/progress$i.txt" 2>/dev/null | tail -1 | cut -d= -f2)
        total=$((total + ${n:-0}))
    done
    echo "$total"
}
t0=$(now_ms); c0=$(cpu_ticks "${fpids[@]}"); f0=$(frames_of)
sleep "$seconds"
t1=$(now_ms); c1=$(cpu_ticks "${fpids[@]}"); f1=$(frames_of)
for p in "${fpids[@]}"; do kill "$p" 2>/dev/null || true; done
wall=$(echo "($t1 - $t0) / 1000" | bc -l)
ff_cores=$(echo "($c1 - $c0) / $hz / $wall" | bc -l)
ff_fps=$(echo "($f1 - $f0) / $wall / $cameras" | bc -l)

echo
printf '%-44s %s\n' "console 4x4 grid (decode+convert+paint):" "$console"
printf '%-44s cores=%.2f decoded_fps_per_stream=%.1f\n' \
    "$cameras x ffmpeg -threads 1 ... -f null - :" "$ff_cores" "$ff_fps"

#!/usr/bin/env bash
# VideoDecoder benchmarks (core/media/video_decoder.h), both against the ffmpeg CLI in the same
# run, on one vms-rtsp-test-server serving a pre-encoded 720p25 clip (no server-side encoding):
#  1. live decode: STREAMS decoders on STREAMS RTSP sessions, BGRA at native size and at 320x180,
#     CPU cores of the decoding process and fps per stream, next to STREAMS
#     `ffmpeg -threads 1 -rtsp_transport tcp -i URL -f null -` processes (and the CLI doing the
#     same BGRA conversions), with the ratios;
#  2. time to the first frame: open() -> first BGRA frame vs `ffmpeg -fflags nobuffer ...`,
#     alternating repetitions, medians.
# Prints figures, never fails on time. Build the target bench_video_decoder first (Release for
# meaningful CPU figures). Usage: tests/bench/bench_video_decoder.sh [BUILD_DIR] [STREAMS] [SECONDS] [REPS]
set -euo pipefail
build="${1:-build/release}"
streams="${2:-16}"
seconds="${3:-20}"
reps="${4:-9}"
bench="$build/tests/bench/bench_video_decoder"
[ -x "$bench" ] || { echo "build the target bench_video_decoder in $build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "making a 20 s 720p25 H.264 clip (4 Mbit/s, GOP 25) ..."
ffmpeg -nostdin -v error -f lavfi -i testsrc2=size=1280x720:rate=25 -t 20 -c:v libx264 \
    -preset veryfast -b:v 4M -maxrate 4M -bufsize 4M -g 25 -pix_fmt yuv420p "$work/clip.mp4"
"$bench" live --streams "$streams" --seconds "$seconds" --clip "$work/clip.mp4"
echo
"$bench" ttff --reps "$reps" --clip "$work/clip.mp4"

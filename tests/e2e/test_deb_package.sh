#!/usr/bin/env bash
# Builds the DEB with CPack, checks its metadata, unpacks it into a scratch root and runs the
# packaged vms-server from there.
set -euo pipefail
build_dir="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$build_dir"
cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/*.deb)
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libqt6sql6-sqlite libqt6sql6-psql libqt6core6 libqt6httpserver6 libargon2; do
    grep -q "$needed" <<<"$depends" || { echo "FAIL: Depends lacks $needed"; exit 1; }
done

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/vms-server ./usr/bin/vms-console ./usr/bin/onvif-camera-sim ./usr/lib/systemd/system/vms-server.service \
            ./etc/default/vms-server ./usr/share/vms/models/face_detection_back_256x256_barracuda.onnx \
            ./usr/share/vms/models/face_recognition_150.onnx ./usr/share/vms/models/LICENSE.blazeface.txt \
            ./usr/share/vms/models/LICENSE.face-api.txt; do
    grep -q " $path\$" <<<"$contents" || { echo "FAIL: package lacks $path"; exit 1; }
done
dpkg-deb -I "$deb" postinst >/dev/null || { echo "FAIL: no postinst"; exit 1; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
version=$("$root/usr/bin/vms-server" --version)
echo "packaged: $version"
grep -q "^vms-server [0-9]" <<<"$version" || { echo "FAIL: unexpected --version output"; exit 1; }

# The packaged server starts, serves, and refuses an unauthenticated call.
data="$work/data"
# Without VMS_MODEL_DIR: the packaged server must find the packaged face models by itself.
env -u VMS_MODEL_DIR "$root/usr/bin/vms-server" --listen 127.0.0.1:0 --data-dir "$data" \
    >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; kill $pid; echo "FAIL: server did not start"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/hello")
# The packaged face models work: one face in opencv-doc's messi5.jpg.
login=$(sed -n 's/^  login: *//p' "$work/server.log")
password=$(sed -n 's/^  password: *//p' "$work/server.log")
token=$(curl -s -X POST "$url/api/v1/token" --data-urlencode grant_type=password \
            --data-urlencode "username=$login" --data-urlencode "password=$password" |
        python3 -c 'import json,sys; print(json.load(sys.stdin).get("access_token", ""))' || true)
faces=$(curl -s -H "Authorization: Bearer $token" \
             -F "upload_data=@/usr/share/doc/opencv-doc/examples/data/messi5.jpg" \
             "$url/api/v1/uploads/meta" |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)["meta"]))' 2>&1 || true)
kill $pid; wait $pid || true
[ "$code" = 401 ] || { echo "FAIL: /api/v1/hello without a token answered $code"; exit 1; }
[ "$faces" = 1 ] || { echo "FAIL: /uploads/meta with the packaged models: $faces"; exit 1; }
grep -q "password:" "$work/server.log" || { echo "FAIL: no generated password printed"; exit 1; }
echo "1 passed, 0 failed"

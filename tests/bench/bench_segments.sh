#!/usr/bin/env bash
# GET /api/v1/segments over 30 days of archive index for one camera (259,200 segments of 10 s,
# as a camera recording around the clock makes): wrk with 64 connections on loopback, each
# request for a random one-hour window (360 segments, each with its signed URL), then for whole
# days (8,640 segments). Prints req/s, p50 and p99; never fails on time.
# Usage: tests/bench/bench_segments.sh [BUILD_DIR] [DURATION_S]
set -euo pipefail
build="${1:-build/ci}"
duration="${2:-10}"
py=/usr/bin/python3
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
VMS_ADMIN_LOGIN=bench@example.com VMS_ADMIN_PASSWORD="$password" \
    "$build/app/server/vms-server" --listen 127.0.0.1:0 --data-dir "$work" --no-ingest \
    >"$work/server.log" 2>&1 &
pid=$!
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
camera=$(curl -s -X POST "$url/api/v1/cameras" -H "$auth" -H 'Content-Type: application/json' \
         -d "{\"name\":\"Bench\",\"place_id\":$place,\"source\":{\"url\":\"rtsp://127.0.0.1:1/x\"}}" |
         sed -E 's/.*"id":"([^"]+)".*/\1/')

# 30 days of 10-second segments, written straight into the index (the recorder would take a
# month), plus 29 other cameras' worth of rows so that the index is not one camera's alone.
now=$(date +%s)
"$py" - "$work/vms.db" "$camera" "$now" <<'PY'
import sqlite3, sys, uuid
db, camera, now = sys.argv[1], sys.argv[2], int(sys.argv[3])
conn = sqlite3.connect(db)
start = (now - 30 * 86400) * 1000
def rows(stream, count):
    for i in range(count):
        s = start + i * 10000
        yield (stream, s, s + 10000, "archive/%s/%d.ts" % (stream, s), 5_000_000, s + 10000)
conn.executemany("INSERT INTO archive_segments (stream_id, start_ms, end_ms, path, bytes, created_at)"
                 " VALUES (?,?,?,?,?,?)", rows(camera, 30 * 8640))
for _ in range(29):
    conn.executemany("INSERT INTO archive_segments (stream_id, start_ms, end_ms, path, bytes,"
                     " created_at) VALUES (?,?,?,?,?,?)", rows(str(uuid.uuid4()), 8640))
conn.commit()
print("index rows:", conn.execute("SELECT COUNT(*) FROM archive_segments").fetchone()[0])
PY

cat >"$work/window.lua" <<LUA
math.randomseed(os.time())
local span = tonumber(os.getenv("SPAN"))
request = function()
    local from = $now - 30 * 86400 + math.random(0, 30 * 86400 - span)
    return wrk.format("GET", "/api/v1/segments?stream_id=$camera&ts_from=" .. from ..
                      "&ts_to=" .. (from + span), { ["Authorization"] = "Bearer $token" })
end
LUA
measure() {
    local name="$1" span="$2" conns="$3"
    local out
    local threads=$(( conns < 2 ? 1 : 2 ))
    out=$(SPAN="$span" wrk -t"$threads" -c"$conns" -d"${duration}s" --latency -s "$work/window.lua" "$url")
    printf '%-28s %9s req/s   p50 %9s   p99 %9s\n' "$name" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
        "$(awk '$1=="99%" {print $2}' <<<"$out")"
}
sample=$(curl -s -H "$auth" "$url/api/v1/segments?stream_id=$camera&ts_from=$((now - 86400))&ts_to=$((now - 82800))")
echo "one-hour answer: $(grep -o '"segment_url"' <<<"$sample" | wc -l) segments, ${#sample} bytes"
echo "cores: $(nproc)   wrk -d${duration}s, random windows over 30 days"
measure "1-hour window, 64 conns" 3600 64
measure "1-hour window, 1 conn" 3600 1
measure "24-hour window, 16 conns" 86400 16

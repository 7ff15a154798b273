#!/usr/bin/env bash
# GET /api/v1/cameras?limit=100 over 10,000 cameras in SQLite: vms-server next to the FastAPI +
# uvicorn reference (tests/bench/fastapi_reference/app.py) on the same database file, in the
# same run, with wrk (64 connections, loopback). Prints req/s, p50, p99 and the ratio; never
# fails on time. Needs python3-fastapi, uvicorn and wrk (scripts/install-deps.sh --with-tests).
# The server runs with --no-ingest: this measures the API, and the 10,000 cameras point at
# made-up addresses that a benchmark must not contact.
# Usage: tests/bench/bench_cameras.sh [BUILD_DIR] [DURATION_S] [CAMERAS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build/ci}"
duration="${2:-10}"
count="${3:-10000}"
py=/usr/bin/python3
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
VMS_ADMIN_LOGIN=bench@example.com VMS_ADMIN_PASSWORD="$password" \
    "$build/app/server/vms-server" --listen 127.0.0.1:0 --data-dir "$work" --no-ingest \
    >"$work/server.log" 2>&1 &
pids+=($!)
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
        -d '{"name":"Benchmark site","latitude":55.75,"longitude":37.61}' | sed -E 's/.*"id":([0-9]+).*/\1/')

# Bulk-load the cameras straight into the database (the API would take minutes for 10k).
"$py" - "$work/vms.db" "$place" "$count" <<'PY'
import json, sqlite3, sys, time, uuid
db, place, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = sqlite3.connect(db)
org = conn.execute("SELECT organization_id FROM places WHERE id = ?", (place,)).fetchone()[0]
now = int(time.time() * 1000)
rows = []
for i in range(count):
    name = "Camera %05d" % i
    source = {"url": "rtsp://10.0.%d.%d:554/main" % (i // 250, i % 250),
              "substream_url": "rtsp://10.0.%d.%d:554/sub" % (i // 250, i % 250), "transport": "tcp"}
    rows.append((str(uuid.uuid4()), org, place, name, name.casefold(), json.dumps(source),
                 json.dumps({"retention_days": 30}), "10.0.%d.%d" % (i // 250, i % 250), 80, "admin",
                 "secret", "default", json.dumps(["floor-%d" % (i % 5)]), now, now))
conn.executemany("INSERT INTO cameras (id, organization_id, place_id, name, name_folded, source,"
                 " video_storage, onvif_host, onvif_port, onvif_login, onvif_password, scheduler_group,"
                 " scheduler_tags, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
conn.commit()
PY

port=$("$py" -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
VMS_DATA_DIR="$work" "$py" -m uvicorn --app-dir "$here/fastapi_reference" app:app \
    --host 127.0.0.1 --port "$port" --log-level warning >"$work/uvicorn.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/docs" && break
    sleep 0.1
done
ref="http://127.0.0.1:$port"

# Both must answer the same page, or the comparison means nothing.
same=$("$py" - "$url" "$ref" "$token" <<'PY'
import json, sys, urllib.request
def get(base):
    req = urllib.request.Request(base + "/api/v1/cameras?limit=100", headers={"Authorization": "Bearer " + sys.argv[3]})
    return json.load(urllib.request.urlopen(req))
a, b = get(sys.argv[1]), get(sys.argv[2])
print("identical" if a == b else "DIFFERENT")
PY
)
echo "cameras: $count   cores: $(nproc)   wrk -t2 -c64 -d${duration}s   page bodies: $same"

measure() {
    local name="$1" base="$2"
    local out rps p50 p99 errs
    out=$(wrk -t2 -c64 -d"${duration}s" --latency -H "$auth" "$base/api/v1/cameras?limit=100")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errs=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    printf '%-22s %10s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errs:-0}" >&2
    echo "$rps"
}
# A non-superuser too: the read-only "operator" role, scoped to its organization, whose
# permissions are checked on every request (a superuser passes without a lookup).
op_password="op-$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
op_token=$("$py" - "$url" "$token" "$op_password" <<'PY'
import json, sys, urllib.parse, urllib.request
base, token, password = sys.argv[1:4]
def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))
role = next(r["id"] for r in call("GET", "/api/v1/roles?limit=100")["roles"] if r["name"] == "operator")
group = call("POST", "/api/v1/groups", {"name": "Benchmark operators", "description": "wrk"})["id"]
call("POST", "/api/v1/users", {"first_name": "Bench", "last_name": "Operator",
                               "email": "operator@example.com", "password": password,
                               "group_ids": [group], "role_id": role})
form = urllib.parse.urlencode({"grant_type": "password", "username": "operator@example.com",
                               "password": password}).encode()
print(json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/v1/token", data=form)))["access_token"])
PY
)

ours=$(measure "vms-server (C++/Qt)" "$url")
auth="Authorization: Bearer $op_token"
measure "vms-server, operator" "$url" >/dev/null
auth="Authorization: Bearer $token"
theirs=$(measure "FastAPI + uvicorn" "$ref")
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: %.1fx the FastAPI reference (target >= 20x)\n", a / b }'

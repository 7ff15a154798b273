"""FastAPI + uvicorn reference for GET /api/v1/cameras, over the same SQLite file as vms-server.

It does the same work per request as our C++ route, so that the two can be measured side by side:
verify the HS256 bearer token with the installation's key, check that the access token and its
session are not revoked, load the user's organization, superuser flag and camera_read permission,
read one keyset page of cameras (ORDER BY id, LIMIT n+1) and render the seed's JSON shape.

Run: VMS_DATA_DIR=/path/to/data uvicorn --app-dir tests/bench/fastapi_reference app:app --port N
"""
import base64
import hashlib
import hmac
import json
import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from typing import Optional

from fastapi import FastAPI, Header, HTTPException, Query

DATA_DIR = os.environ["VMS_DATA_DIR"]
with open(os.path.join(DATA_DIR, "token-signing.key"), "rb") as f:
    KEY = f.read()
_local = threading.local()

app = FastAPI()

COLUMNS = ("c.id, c.organization_id, c.place_id, c.plan_id, c.plan_x, c.plan_y, c.name, c.source,"
           " c.video_analytics, c.video_storage, c.video_streaming, c.ptz, c.onvif_host,"
           " c.onvif_port, c.onvif_login, c.onvif_password, c.scheduler_group, c.scheduler_tags,"
           " c.snapshot_id, c.created_at, c.updated_at")


def db():
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(os.path.join(DATA_DIR, "vms.db"), check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        _local.conn = conn
    return conn


def b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + \
        "%03dZ" % (ms % 1000)


def authenticate(authorization: Optional[str]):
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "Not authenticated")
    token = authorization[7:].strip()
    parts = token.split(".")
    if len(parts) != 3:
        raise HTTPException(401, "Invalid token")
    expected = hmac.new(KEY, (parts[0] + "." + parts[1]).encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, b64decode(parts[2])):
        raise HTTPException(401, "Invalid token")
    claims = json.loads(b64decode(parts[1]))
    if claims.get("exp", 0) <= time.time():
        raise HTTPException(401, "Token has expired")
    row = db().execute(
        "SELECT a.revoked_at, s.revoked_at, s.user_id FROM access_tokens a"
        " JOIN auth_sessions s ON s.id = a.session_id WHERE a.jti = ?", (claims["jti"],)).fetchone()
    if row is None or row[0] is not None or row[1] is not None:
        raise HTTPException(401, "Token has been revoked")
    user = db().execute("SELECT organization_id, is_superuser, role_id, is_active FROM users WHERE id = ?",
                        (row[2],)).fetchone()
    if user is None or not user[3]:
        raise HTTPException(401, "User is not active")
    return user


def camera_json(r):
    out = {"id": r[0], "name": r[6], "source": json.loads(r[7]), "place_id": r[2],
           "created_at": iso(r[19]), "updated_at": iso(r[20])}
    for key, idx in (("video_analytics", 8), ("video_storage", 9), ("video_streaming", 10), ("ptz", 11)):
        if r[idx] is not None:
            out[key] = json.loads(r[idx])
    for key, idx in (("onvif_host", 12), ("onvif_port", 13), ("onvif_login", 14), ("scheduler_group", 16)):
        if r[idx] is not None:
            out[key] = r[idx]
    if r[17] is not None:
        out["scheduler_tags"] = json.loads(r[17])
    if r[18] is not None:
        out["snapshot_id"] = r[18]
        out["snapshot_url"] = "/api/v1/uploads/%s/content" % r[18]
    if r[3] is not None:
        out["plan_id"] = r[3]
    return out


@app.get("/api/v1/cameras")
def cameras(authorization: Optional[str] = Header(None), cursor: Optional[str] = None,
            limit: int = Query(100, ge=10, le=1000)):
    org_id, is_superuser, role_id, _ = authenticate(authorization)
    if not is_superuser:
        granted = db().execute("SELECT 1 FROM role_permissions WHERE role_id = ? AND permission = 'camera_read'",
                               (role_id,)).fetchone()
        if granted is None:
            raise HTTPException(403, "Permission 'camera_read' is required")
    sql = "SELECT " + COLUMNS + " FROM cameras c WHERE 1=1"
    binds = []
    if not is_superuser:
        sql += " AND c.organization_id = ?"
        binds.append(org_id)
    if cursor:
        after = json.loads(b64decode(cursor))[1]
        sql += " AND c.id > ?"
        binds.append(after)
    sql += " ORDER BY c.id LIMIT ?"
    binds.append(limit + 1)
    rows = db().execute(sql, binds).fetchall()
    page = [camera_json(r) for r in rows[:limit]]
    pagination = {}
    if len(rows) > limit:
        raw = json.dumps(["0", page[-1]["id"]], separators=(",", ":")).encode()
        pagination["cursor"] = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return {"pagination": pagination, "cameras": page}

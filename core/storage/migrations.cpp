#include "core/storage/migrations.h"

#include "core/storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QStringList>

namespace vms::storage {

namespace {

struct Migration
{
    int version;
    const char *description;
    // Statements in a dialect-neutral form: ${PK} is the auto-increment integer key.
    QStringList statements;
};

// Timestamps are stored as BIGINT milliseconds since the Unix epoch (UTC) in both dialects.
QList<Migration> migrations()
{
    return {
            {1,
             "organizations, roles, groups, users, sessions, audit log",
             {
                     QStringLiteral("CREATE TABLE organizations ("
                                    " id ${PK},"
                                    " name TEXT NOT NULL UNIQUE,"
                                    " description TEXT NOT NULL DEFAULT '',"
                                    " logo_id TEXT,"
                                    " is_internal BOOLEAN NOT NULL DEFAULT FALSE,"
                                    " created_at BIGINT NOT NULL,"
                                    " updated_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE TABLE roles ("
                                    " id ${PK},"
                                    " name TEXT NOT NULL UNIQUE,"
                                    " description TEXT NOT NULL DEFAULT '',"
                                    " is_internal BOOLEAN NOT NULL DEFAULT FALSE,"
                                    " created_at BIGINT NOT NULL,"
                                    " updated_at BIGINT NOT NULL)"),
                     QStringLiteral(
                             "CREATE TABLE role_permissions ("
                             " role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,"
                             " permission TEXT NOT NULL,"
                             " PRIMARY KEY (role_id, permission))"),
                     QStringLiteral("CREATE TABLE org_groups ("
                                    " id ${PK},"
                                    " organization_id BIGINT NOT NULL REFERENCES organizations(id),"
                                    " name TEXT NOT NULL,"
                                    " description TEXT NOT NULL DEFAULT '',"
                                    " is_internal BOOLEAN NOT NULL DEFAULT FALSE,"
                                    " created_at BIGINT NOT NULL,"
                                    " updated_at BIGINT NOT NULL,"
                                    " UNIQUE (organization_id, name))"),
                     QStringLiteral("CREATE TABLE users ("
                                    " id ${PK},"
                                    " organization_id BIGINT NOT NULL REFERENCES organizations(id),"
                                    " role_id BIGINT NOT NULL REFERENCES roles(id),"
                                    " email TEXT NOT NULL UNIQUE,"
                                    " first_name TEXT NOT NULL DEFAULT '',"
                                    " last_name TEXT NOT NULL DEFAULT '',"
                                    " avatar_id TEXT,"
                                    " password_hash TEXT NOT NULL,"
                                    " is_superuser BOOLEAN NOT NULL DEFAULT FALSE,"
                                    " is_active BOOLEAN NOT NULL DEFAULT TRUE,"
                                    " created_at BIGINT NOT NULL,"
                                    " updated_at BIGINT NOT NULL)"),
                     QStringLiteral(
                             "CREATE TABLE group_members ("
                             " group_id BIGINT NOT NULL REFERENCES org_groups(id),"
                             " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                             " PRIMARY KEY (group_id, user_id))"),
                     QStringLiteral("CREATE INDEX group_members_user ON group_members(user_id)"),
                     // A login session: one refresh-token rotation chain and the access tokens it
                     // issued.
                     QStringLiteral(
                             "CREATE TABLE auth_sessions ("
                             " id TEXT PRIMARY KEY,"
                             " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                             " client_ip TEXT NOT NULL DEFAULT '',"
                             " created_at BIGINT NOT NULL,"
                             " expires_at BIGINT NOT NULL,"
                             " revoked_at BIGINT)"),
                     QStringLiteral("CREATE TABLE refresh_tokens ("
                                    " token_hash TEXT PRIMARY KEY,"
                                    " session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON "
                                    "DELETE CASCADE,"
                                    " created_at BIGINT NOT NULL,"
                                    " expires_at BIGINT NOT NULL,"
                                    " rotated_at BIGINT)"),
                     QStringLiteral(
                             "CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id)"),
                     QStringLiteral("CREATE TABLE access_tokens ("
                                    " jti TEXT PRIMARY KEY,"
                                    " session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON "
                                    "DELETE CASCADE,"
                                    " expires_at BIGINT NOT NULL,"
                                    " revoked_at BIGINT)"),
                     QStringLiteral(
                             "CREATE INDEX access_tokens_session ON access_tokens(session_id)"),
                     QStringLiteral("CREATE TABLE auditlogs ("
                                    " id TEXT PRIMARY KEY,"
                                    " action_type TEXT NOT NULL,"
                                    " user_id BIGINT NOT NULL,"
                                    " organization_id BIGINT NOT NULL,"
                                    " organization_name TEXT NOT NULL,"
                                    " user_email TEXT NOT NULL,"
                                    " user_first_name TEXT NOT NULL,"
                                    " user_last_name TEXT NOT NULL,"
                                    " user_avatar_id TEXT,"
                                    " user_role_id BIGINT NOT NULL,"
                                    " user_role_name TEXT NOT NULL,"
                                    " user_groups TEXT NOT NULL,"
                                    " user_is_superuser BOOLEAN NOT NULL,"
                                    " client_ip TEXT,"
                                    " meta TEXT NOT NULL,"
                                    " created_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX auditlogs_created ON auditlogs(created_at, id)"),
                     QStringLiteral("CREATE INDEX auditlogs_org_created ON "
                                    "auditlogs(organization_id, created_at)"),
                     QStringLiteral(
                             "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             }},
            {2,
             "organization model: places, uploads, plans, cameras, orion, v2 sources",
             {
                     // *_folded columns hold QString::toCaseFolded() of the searchable text (see
                     // storage/search_text.h), so that search is case-insensitive for any script on
                     // both SQLite and PostgreSQL. LOWER() only backfills the rows of schema 1.
                     QStringLiteral("ALTER TABLE organizations ADD COLUMN name_folded TEXT NOT "
                                    "NULL DEFAULT ''"),
                     QStringLiteral("UPDATE organizations SET name_folded = LOWER(name)"),
                     QStringLiteral("ALTER TABLE org_groups ADD COLUMN name_folded TEXT NOT NULL "
                                    "DEFAULT ''"),
                     QStringLiteral("UPDATE org_groups SET name_folded = LOWER(name)"),
                     QStringLiteral(
                             "ALTER TABLE users ADD COLUMN name_folded TEXT NOT NULL DEFAULT ''"),
                     QStringLiteral("UPDATE users SET name_folded = LOWER(first_name || ' ' || "
                                    "last_name)"),
                     QStringLiteral("CREATE INDEX users_org ON users(organization_id, id)"),
                     QStringLiteral(
                             "CREATE INDEX org_groups_org ON org_groups(organization_id, id)"),
                     QStringLiteral(
                             "CREATE TABLE uploads (id TEXT PRIMARY KEY, organization_id BIGINT "
                             "NOT NULL REFERENCES organizations(id), kind TEXT NOT NULL, mime_type "
                             "TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, "
                             "original_id TEXT, created_by BIGINT, created_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX uploads_sha256 ON uploads(sha256)"),
                     QStringLiteral(
                             "CREATE TABLE places (id ${PK}, organization_id BIGINT NOT NULL "
                             "REFERENCES organizations(id), group_id BIGINT REFERENCES "
                             "org_groups(id), name TEXT NOT NULL, name_folded TEXT NOT NULL, "
                             "description TEXT, latitude DOUBLE PRECISION, longitude DOUBLE "
                             "PRECISION, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX places_org ON places(organization_id, id)"),
                     QStringLiteral("CREATE INDEX places_group ON places(group_id)"),
                     QStringLiteral("CREATE TABLE plans (id ${PK}, organization_id BIGINT NOT NULL "
                                    "REFERENCES organizations(id), place_id BIGINT NOT NULL "
                                    "REFERENCES places(id), image_id TEXT NOT NULL REFERENCES "
                                    "uploads(id), name TEXT NOT NULL, name_folded TEXT NOT NULL, "
                                    "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX plans_org ON plans(organization_id, id)"),
                     QStringLiteral("CREATE INDEX plans_place ON plans(place_id)"),
                     QStringLiteral(
                             "CREATE TABLE cameras (id TEXT PRIMARY KEY, organization_id BIGINT "
                             "NOT NULL REFERENCES organizations(id), place_id BIGINT NOT NULL "
                             "REFERENCES places(id), plan_id BIGINT REFERENCES plans(id), plan_x "
                             "DOUBLE PRECISION, plan_y DOUBLE PRECISION, name TEXT NOT NULL, "
                             "name_folded TEXT NOT NULL, source TEXT NOT NULL, video_analytics "
                             "TEXT, video_storage TEXT, video_streaming TEXT, ptz TEXT, onvif_host "
                             "TEXT, onvif_port INTEGER, onvif_login TEXT, onvif_password TEXT, "
                             "scheduler_group TEXT, scheduler_tags TEXT, snapshot_id TEXT, "
                             "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX cameras_org ON cameras(organization_id, id)"),
                     QStringLiteral("CREATE INDEX cameras_place ON cameras(place_id)"),
                     QStringLiteral("CREATE INDEX cameras_plan ON cameras(plan_id)"),
                     QStringLiteral("CREATE TABLE orion_configs (organization_id BIGINT PRIMARY "
                                    "KEY REFERENCES organizations(id), wsdl_url TEXT NOT NULL, "
                                    "login TEXT, password TEXT, updated_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE TABLE v2_sources (who TEXT PRIMARY KEY, caption TEXT "
                                    "NOT NULL UNIQUE, svcid TEXT, lid TEXT, created BIGINT NOT "
                                    "NULL, updated BIGINT NOT NULL)"),
             }},
            {3,
             "user search in both name orders",
             {
                     // User search matches "first last" (name_folded) and "last first" (this).
                     QStringLiteral("ALTER TABLE users ADD COLUMN name_folded_reversed TEXT NOT "
                                    "NULL DEFAULT ''"),
                     QStringLiteral("UPDATE users SET name_folded_reversed = LOWER(last_name || "
                                    "' ' || first_name)"),
             }},
            {4,
             "camera revisions",
             {
                     // Bumped by every write of a camera row: (id, revision) names one
                     // rendering of a camera, which lets the API cache renderings safely even
                     // when another process writes the same database.
                     QStringLiteral("ALTER TABLE cameras ADD COLUMN revision BIGINT NOT NULL "
                                    "DEFAULT 0"),
                     // Covering indexes: a GET /cameras page is read from the index alone.
                     QStringLiteral("CREATE INDEX cameras_id_revision ON cameras(id, revision)"),
                     QStringLiteral("CREATE INDEX cameras_org_revision ON cameras(organization_id, "
                                    "id, revision)"),
             }},
            {5,
             "video archive index, stream downtimes and stream servers",
             {
                     // One row per closed segment file; path is relative to the data dir.
                     QStringLiteral("CREATE TABLE archive_segments (id ${PK}, stream_id TEXT NOT "
                                    "NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, "
                                    "path TEXT NOT NULL UNIQUE, bytes BIGINT NOT NULL, "
                                    "created_at BIGINT NOT NULL)"),
                     QStringLiteral("CREATE INDEX archive_segments_stream ON "
                                    "archive_segments(stream_id, start_ms)"),
                     QStringLiteral("CREATE INDEX archive_segments_start ON "
                                    "archive_segments(start_ms)"),
                     // end_ms is NULL while the outage lasts.
                     QStringLiteral("CREATE TABLE stream_downtimes (id ${PK}, stream_id TEXT NOT "
                                    "NULL, start_ms BIGINT NOT NULL, end_ms BIGINT, reason TEXT "
                                    "NOT NULL)"),
                     QStringLiteral("CREATE INDEX stream_downtimes_stream ON "
                                    "stream_downtimes(stream_id, start_ms)"),
                     QStringLiteral("CREATE TABLE stream_servers (id TEXT PRIMARY KEY, host TEXT "
                                    "NOT NULL, scheduler_group TEXT, tags TEXT NOT NULL, "
                                    "started_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL)"),
             }},
    };
}

QString toDialect(QString sql, Dialect dialect)
{
    sql.replace(QLatin1String("${PK}"), dialect == Dialect::Sqlite
                                                ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")
                                                : QLatin1String("BIGSERIAL PRIMARY KEY"));
    return sql;
}

} // namespace

int latestSchemaVersion()
{
    return migrations().last().version;
}

Status applyMigrations(Database &db)
{
    if (Status s = db.open(); !s)
        return s;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                               " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                               " applied_at BIGINT NOT NULL)"))) {
        return Error::unavailable(QStringLiteral("cannot create schema_migrations: ")
                                  + q.lastError().text());
    }
    const int current = db.schemaVersion();
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        Status s = db.transaction([&]() -> Status {
            QSqlQuery stmt(db.connection());
            for (const QString &sql : m.statements) {
                if (!stmt.exec(toDialect(sql, db.dialect())))
                    return Error::internal(QStringLiteral("migration %1 failed: %2")
                                                   .arg(m.version)
                                                   .arg(stmt.lastError().text()));
            }
            stmt.prepare(QStringLiteral("INSERT INTO schema_migrations(version, description, "
                                        "applied_at) VALUES (?, ?, ?)"));
            stmt.addBindValue(m.version);
            stmt.addBindValue(QString::fromUtf8(m.description));
            stmt.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!stmt.exec())
                return Error::internal(stmt.lastError().text());
            return Ok{};
        });
        if (!s)
            return s;
    }
    return Ok{};
}

} // namespace vms::storage

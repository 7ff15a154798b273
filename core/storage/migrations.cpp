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

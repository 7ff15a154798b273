#include "core/storage/role_repository.h"

#include "core/storage/database.h"

#include <sqlite3.h>

namespace vms::storage {

namespace {

const QString kSelect = QStringLiteral(
        "SELECT id, name, description, is_internal, created_at, updated_at FROM roles");

Role fromRow(const Database::Row &row)
{
    Role r;
    r.id = row[0].toLongLong();
    r.name = row[1].toString();
    r.description = row[2].toString();
    r.isInternal = row[3].toBool();
    r.createdAtMs = row[4].toLongLong();
    r.updatedAtMs = row[5].toLongLong();
    return r;
}

} // namespace

Result<qint64> RoleRepository::create(const QString &name, const QString &description,
                                      bool isInternal, const QStringList &permissions, qint64 nowMs)
{
    qint64 id = 0;
    Status s = m_db.transaction([&]() -> Status {
        auto r = m_db.insertReturning(
                QStringLiteral("INSERT INTO roles (name, description, is_internal, created_at,"
                               " updated_at) VALUES (?,?,?,?,?) RETURNING id"),
                {name, description, isInternal, nowMs, nowMs});
        if (!r)
            return r.error();
        id = r->toLongLong();
        for (const QString &p : permissions) {
            if (Status g = grant(id, p); !g)
                return g;
        }
        return Ok{};
    });
    if (!s)
        return s.error();
    return id;
}

Result<std::optional<qint64>> RoleRepository::findIdByName(const QString &name)
{
    auto rows = m_db.select(QStringLiteral("SELECT id FROM roles WHERE name = ?"), {name});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<qint64>{};
    return std::optional<qint64>(rows->first().first().toLongLong());
}

Result<std::optional<Role>> RoleRepository::findById(qint64 id)
{
    auto rows = m_db.select(kSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Role>{};
    return std::optional<Role>(fromRow(rows->first()));
}

Result<QList<Role>> RoleRepository::list()
{
    auto rows = m_db.select(kSelect + QStringLiteral(" ORDER BY id"));
    if (!rows)
        return rows.error();
    QList<Role> out;
    out.reserve(rows->size());
    for (const Database::Row &row : *rows)
        out.append(fromRow(row));
    return out;
}

Status RoleRepository::update(qint64 id, const QString &name, const QString &description,
                              qint64 nowMs)
{
    auto r = m_db.execute(
            QStringLiteral(
                    "UPDATE roles SET name = ?, description = ?, updated_at = ? WHERE id = ?"),
            {name, description, nowMs, id});
    if (!r)
        return r.error();
    return Ok{};
}

Status RoleRepository::remove(qint64 id)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM roles WHERE id = ?"), {id});
    if (!r)
        return r.error();
    return Ok{};
}

Result<qint64> RoleRepository::userCount(qint64 id)
{
    auto rows = m_db.select(QStringLiteral("SELECT COUNT(*) FROM users WHERE role_id = ?"), {id});
    if (!rows)
        return rows.error();
    return rows->first().first().toLongLong();
}

Result<QStringList> RoleRepository::permissions(qint64 roleId)
{
    static const QString sql = QStringLiteral(
            "SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission");
    if (m_db.dialect() == Dialect::Sqlite) {
        // Read on every authenticated request of a non-superuser: skip QSqlQuery's QVariants.
        QStringList out;
        Status s = m_db.readRawSqlite(sql, {roleId}, [&out](sqlite3_stmt *st) {
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)),
                                         sqlite3_column_bytes(st, 0)));
        });
        if (!s)
            return s.error();
        return out;
    }
    auto rows = m_db.select(QStringLiteral("SELECT permission FROM role_permissions"
                                           " WHERE role_id = ? ORDER BY permission"),
                            {roleId});
    if (!rows)
        return rows.error();
    QStringList out;
    out.reserve(rows->size());
    for (const Database::Row &row : *rows)
        out.append(row.first().toString());
    return out;
}

Status RoleRepository::grant(qint64 roleId, const QString &permission)
{
    auto r = m_db.execute(
            QStringLiteral("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"),
            {roleId, permission});
    if (!r)
        return r.error();
    return Ok{};
}

Result<bool> RoleRepository::revoke(qint64 roleId, const QString &permission)
{
    auto r = m_db.execute(
            QStringLiteral("DELETE FROM role_permissions WHERE role_id = ? AND permission = ?"),
            {roleId, permission});
    if (!r)
        return r.error();
    return *r > 0;
}

} // namespace vms::storage

#include "core/storage/user_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"

namespace vms::storage {

namespace {

const QString kUserSelect = QStringLiteral(
        "SELECT u.id, u.organization_id, o.name, u.role_id, r.name, u.email, u.first_name,"
        " u.last_name, u.avatar_id, u.is_superuser, u.is_active, u.password_hash, u.created_at,"
        " u.updated_at"
        " FROM users u JOIN organizations o ON o.id = u.organization_id"
        " JOIN roles r ON r.id = u.role_id WHERE ");

QVariant optionalString(const std::optional<QString> &v)
{
    return v ? QVariant(*v) : Database::null();
}

} // namespace

Result<std::optional<User>> UserRepository::findWhere(const QString &where, const QVariant &value)
{
    auto rows = m_db.select(kUserSelect + where, {value});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<User>{};
    const Database::Row &row = rows->first();
    User u;
    u.id = row[0].toLongLong();
    u.organizationId = row[1].toLongLong();
    u.organizationName = row[2].toString();
    u.roleId = row[3].toLongLong();
    u.roleName = row[4].toString();
    u.email = row[5].toString();
    u.firstName = row[6].toString();
    u.lastName = row[7].toString();
    if (!row[8].isNull())
        u.avatarId = row[8].toString();
    u.isSuperuser = row[9].toBool();
    u.isActive = row[10].toBool();
    u.passwordHash = row[11].toString();
    u.createdAtMs = row[12].toLongLong();
    u.updatedAtMs = row[13].toLongLong();

    auto groups = m_db.select(QStringLiteral("SELECT g.id, g.name FROM group_members m"
                                             " JOIN org_groups g ON g.id = m.group_id"
                                             " WHERE m.user_id = ? ORDER BY g.id"),
                              {u.id});
    if (!groups)
        return groups.error();
    for (const Database::Row &g : *groups)
        u.groups.append({g[0].toLongLong(), g[1].toString()});
    return std::optional<User>(std::move(u));
}

Result<std::optional<User>> UserRepository::findById(qint64 id)
{
    return findWhere(QStringLiteral("u.id = ?"), id);
}

Result<std::optional<User>> UserRepository::findByEmail(const QString &email)
{
    return findWhere(QStringLiteral("u.email = ?"), email.trimmed().toLower());
}

Result<qint64> UserRepository::count()
{
    auto rows = m_db.select(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!rows)
        return rows.error();
    return rows->first().first().toLongLong();
}

Result<qint64> UserRepository::create(const User &u, qint64 nowMs)
{
    qint64 id = 0;
    Status s = m_db.transaction([&]() -> Status {
        auto r = m_db.insertReturning(
                QStringLiteral(
                        "INSERT INTO users (organization_id, role_id, email, first_name,"
                        " last_name, avatar_id, password_hash, is_superuser, is_active,"
                        " created_at, updated_at, name_folded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                        " RETURNING id"),
                {u.organizationId, u.roleId, u.email.trimmed().toLower(), u.firstName, u.lastName,
                 optionalString(u.avatarId), u.passwordHash, u.isSuperuser, u.isActive, nowMs,
                 nowMs, foldForSearch(u.firstName + QLatin1Char(' ') + u.lastName)});
        if (!r)
            return r.error();
        id = r->toLongLong();
        for (const GroupRef &g : u.groups) {
            auto m = m_db.execute(
                    QStringLiteral("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)"),
                    {g.id, id});
            if (!m)
                return m.error();
        }
        return Ok{};
    });
    if (!s)
        return s.error();
    return id;
}

Status UserRepository::updateProfile(qint64 id, const QString &firstName, const QString &lastName,
                                     const std::optional<QString> &avatarId, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE users SET first_name = ?, last_name = ?,"
                                         " avatar_id = ?, updated_at = ?, name_folded = ?"
                                         " WHERE id = ?"),
                          {firstName, lastName, optionalString(avatarId), nowMs,
                           foldForSearch(firstName + QLatin1Char(' ') + lastName), id});
    if (!r)
        return r.error();
    return Ok{};
}

Status UserRepository::updatePasswordHash(qint64 id, const QString &hash, qint64 nowMs)
{
    auto r = m_db.execute(
            QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"),
            {hash, nowMs, id});
    if (!r)
        return r.error();
    return Ok{};
}

Status UserRepository::updateEmail(qint64 id, const QString &email, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE users SET email = ?, updated_at = ? WHERE id = ?"),
                          {email.trimmed().toLower(), nowMs, id});
    if (!r)
        return r.error();
    return Ok{};
}

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
            auto pr = m_db.execute(
                    QStringLiteral(
                            "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"),
                    {id, p});
            if (!pr)
                return pr.error();
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

Result<QStringList> RoleRepository::permissions(qint64 roleId)
{
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

Result<qint64> OrganizationRepository::create(const QString &name, const QString &description,
                                              bool isInternal, qint64 nowMs)
{
    auto r = m_db.insertReturning(
            QStringLiteral("INSERT INTO organizations (name, description,"
                           " is_internal, created_at, updated_at, name_folded)"
                           " VALUES (?,?,?,?,?,?) RETURNING id"),
            {name, description, isInternal, nowMs, nowMs, foldForSearch(name)});
    if (!r)
        return r.error();
    return r->toLongLong();
}

Result<std::optional<qint64>> OrganizationRepository::findIdByName(const QString &name)
{
    auto rows = m_db.select(QStringLiteral("SELECT id FROM organizations WHERE name = ?"), {name});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<qint64>{};
    return std::optional<qint64>(rows->first().first().toLongLong());
}

Result<qint64> GroupRepository::create(qint64 organizationId, const QString &name,
                                       const QString &description, bool isInternal, qint64 nowMs)
{
    auto r = m_db.insertReturning(
            QStringLiteral("INSERT INTO org_groups (organization_id, name,"
                           " description, is_internal, created_at, updated_at, name_folded)"
                           " VALUES (?,?,?,?,?,?,?) RETURNING id"),
            {organizationId, name, description, isInternal, nowMs, nowMs, foldForSearch(name)});
    if (!r)
        return r.error();
    return r->toLongLong();
}

} // namespace vms::storage

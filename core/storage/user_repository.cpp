#include "core/storage/user_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"
#include "core/storage/sql_values.h"

#include <QHash>

#include <algorithm>

namespace vms::storage {

namespace {

const QString kUserSelect = QStringLiteral(
        "SELECT u.id, u.organization_id, o.name, u.role_id, r.name, u.email, u.first_name,"
        " u.last_name, u.avatar_id, u.is_superuser, u.is_active, u.password_hash, u.created_at,"
        " u.updated_at"
        " FROM users u JOIN organizations o ON o.id = u.organization_id"
        " JOIN roles r ON r.id = u.role_id WHERE ");

QString nameFolded(const QString &firstName, const QString &lastName)
{
    return foldForSearch(firstName + QLatin1Char(' ') + lastName);
}

User userFromRow(const Database::Row &row)
{
    User u;
    u.id = row[0].toLongLong();
    u.organizationId = row[1].toLongLong();
    u.organizationName = row[2].toString();
    u.roleId = row[3].toLongLong();
    u.roleName = row[4].toString();
    u.email = row[5].toString();
    u.firstName = row[6].toString();
    u.lastName = row[7].toString();
    u.avatarId = optionalString(row[8]);
    u.isSuperuser = row[9].toBool();
    u.isActive = row[10].toBool();
    u.passwordHash = row[11].toString();
    u.createdAtMs = row[12].toLongLong();
    u.updatedAtMs = row[13].toLongLong();
    return u;
}

} // namespace

Result<std::optional<User>> UserRepository::findWhere(const QString &where, const QVariant &value)
{
    auto rows = m_db.select(kUserSelect + where, {value});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<User>{};
    User u = userFromRow(rows->first());
    // One user per authenticated request: a plain equality keeps this hot path lean.
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

Status UserRepository::loadGroups(QList<User> &users)
{
    // IN lists come in a few fixed sizes (padded with a repeated id), so that the per-thread
    // statement cache holds a handful of statements instead of one per page size.
    constexpr qsizetype kMaxSlots = 1024;
    QHash<qint64, QList<GroupRef>> byUser;
    for (qsizetype start = 0; start < users.size(); start += kMaxSlots) {
        const qsizetype count = std::min(kMaxSlots, users.size() - start);
        qsizetype slotCount = 8;
        while (slotCount < count)
            slotCount *= 2;
        QVariantList binds;
        binds.reserve(slotCount);
        for (qsizetype i = 0; i < slotCount; ++i)
            binds.append(users.at(start + std::min(i, count - 1)).id);
        auto rows
                = m_db.select(QStringLiteral("SELECT m.user_id, g.id, g.name FROM group_members m"
                                             " JOIN org_groups g ON g.id = m.group_id"
                                             " WHERE m.user_id IN (")
                                      + placeholders(slotCount) + QStringLiteral(") ORDER BY g.id"),
                              binds);
        if (!rows)
            return rows.error();
        for (const Database::Row &g : *rows)
            byUser[g[0].toLongLong()].append({g[1].toLongLong(), g[2].toString()});
    }
    for (User &u : users)
        u.groups = byUser.value(u.id);
    return Ok{};
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
                QStringLiteral("INSERT INTO users (organization_id, role_id, email, first_name,"
                               " last_name, avatar_id, password_hash, is_superuser, is_active,"
                               " created_at, updated_at, name_folded, name_folded_reversed)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
                {u.organizationId, u.roleId, u.email.trimmed().toLower(), u.firstName, u.lastName,
                 bindOptional(u.avatarId), u.passwordHash, u.isSuperuser, u.isActive, nowMs, nowMs,
                 nameFolded(u.firstName, u.lastName), nameFolded(u.lastName, u.firstName)});
        if (!r)
            return r.error();
        id = r->toLongLong();
        return replaceGroups(id, u.groups);
    });
    if (!s)
        return s.error();
    return id;
}

Status UserRepository::updateProfile(qint64 id, const QString &firstName, const QString &lastName,
                                     const std::optional<QString> &avatarId, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE users SET first_name = ?, last_name = ?,"
                                         " avatar_id = ?, updated_at = ?, name_folded = ?,"
                                         " name_folded_reversed = ? WHERE id = ?"),
                          {firstName, lastName, bindOptional(avatarId), nowMs,
                           nameFolded(firstName, lastName), nameFolded(lastName, firstName), id});
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

Result<Page<User>> UserRepository::list(const UserQuery &query)
{
    QString sql = kUserSelect + QStringLiteral("1 = 1");
    QVariantList binds;
    if (query.organizationId) {
        sql += QStringLiteral(" AND u.organization_id = ?");
        binds.append(*query.organizationId);
    }
    if (query.roleId) {
        sql += QStringLiteral(" AND u.role_id = ?");
        binds.append(*query.roleId);
    }
    if (query.groupId) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM group_members m"
                              " WHERE m.user_id = u.id AND m.group_id = ?)");
        binds.append(*query.groupId);
    }
    if (query.isWithoutGroups) {
        sql += QStringLiteral(
                " AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id)");
    }
    if (query.emailContains) {
        sql += QStringLiteral(" AND u.email LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*query.emailContains));
    }
    if (query.nameContains) {
        sql += QStringLiteral(" AND (u.name_folded LIKE ? ESCAPE '\\'"
                              " OR u.name_folded_reversed LIKE ? ESCAPE '\\')");
        const QString pattern = containsPattern(*query.nameContains);
        binds.append(pattern);
        binds.append(pattern);
    }
    if (query.page.afterId) {
        sql += QStringLiteral(" AND u.id > ?");
        binds.append(*query.page.afterId);
    }
    sql += QStringLiteral(" ORDER BY u.id");
    sql += limitClause(query.page, binds);
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<User> users;
    users.reserve(rows->size());
    for (const Database::Row &row : *rows)
        users.append(userFromRow(row));
    Page<User> page
            = pageFromRows(std::move(users), query.page.limit, [](const User &u) { return u.id; });
    if (Status s = loadGroups(page.items); !s)
        return s.error();
    return page;
}

Status UserRepository::replaceGroups(qint64 userId, const QList<GroupRef> &groups)
{
    auto cleared
            = m_db.execute(QStringLiteral("DELETE FROM group_members WHERE user_id = ?"), {userId});
    if (!cleared)
        return cleared.error();
    for (const GroupRef &g : groups) {
        auto m = m_db.execute(
                QStringLiteral("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)"),
                {g.id, userId});
        if (!m)
            return m.error();
    }
    return Ok{};
}

Status UserRepository::update(const User &u, const std::optional<QString> &passwordHash,
                              qint64 nowMs)
{
    return m_db.transaction([&]() -> Status {
        auto r = m_db.execute(
                QStringLiteral("UPDATE users SET first_name = ?, last_name = ?, email = ?,"
                               " avatar_id = ?, role_id = ?, updated_at = ?, name_folded = ?,"
                               " name_folded_reversed = ? WHERE id = ?"),
                {u.firstName, u.lastName, u.email.trimmed().toLower(), bindOptional(u.avatarId),
                 u.roleId, nowMs, nameFolded(u.firstName, u.lastName),
                 nameFolded(u.lastName, u.firstName), u.id});
        if (!r)
            return r.error();
        if (passwordHash) {
            auto h = m_db.execute(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                                  {*passwordHash, u.id});
            if (!h)
                return h.error();
        }
        return replaceGroups(u.id, u.groups);
    });
}

Status UserRepository::remove(qint64 id)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
    if (!r)
        return r.error();
    return Ok{};
}

} // namespace vms::storage

#include "core/storage/group_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"

namespace vms::storage {

namespace {

const QString kSelect = QStringLiteral(
        "SELECT g.id, g.organization_id, o.name, g.name, g.description, g.is_internal,"
        " (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id),"
        " (SELECT COUNT(*) FROM places p WHERE p.group_id = g.id),"
        " g.created_at, g.updated_at"
        " FROM org_groups g JOIN organizations o ON o.id = g.organization_id WHERE 1 = 1");

Group groupFromRow(const Database::Row &row)
{
    Group g;
    g.id = row[0].toLongLong();
    g.organizationId = row[1].toLongLong();
    g.organizationName = row[2].toString();
    g.name = row[3].toString();
    g.description = row[4].toString();
    g.isInternal = row[5].toBool();
    g.userCount = row[6].toLongLong();
    g.placeCount = row[7].toLongLong();
    g.createdAtMs = row[8].toLongLong();
    g.updatedAtMs = row[9].toLongLong();
    return g;
}

} // namespace

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

Result<std::optional<Group>> GroupRepository::findById(qint64 id)
{
    auto rows = m_db.select(kSelect + QStringLiteral(" AND g.id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Group>{};
    return std::optional<Group>(groupFromRow(rows->first()));
}

Result<Page<Group>> GroupRepository::list(const GroupQuery &query)
{
    QString sql = kSelect;
    QVariantList binds;
    if (query.organizationId) {
        sql += QStringLiteral(" AND g.organization_id = ?");
        binds.append(*query.organizationId);
    }
    if (query.nameContains) {
        sql += QStringLiteral(" AND g.name_folded LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*query.nameContains));
    }
    if (query.page.afterId) {
        sql += QStringLiteral(" AND g.id > ?");
        binds.append(*query.page.afterId);
    }
    sql += QStringLiteral(" ORDER BY g.id");
    sql += limitClause(query.page, binds);
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<Group> items;
    items.reserve(rows->size());
    for (const Database::Row &row : *rows)
        items.append(groupFromRow(row));
    return pageFromRows(std::move(items), query.page.limit, [](const Group &g) { return g.id; });
}

Status GroupRepository::update(qint64 id, const QString &name, const QString &description,
                               qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE org_groups SET name = ?, description = ?,"
                                         " updated_at = ?, name_folded = ? WHERE id = ?"),
                          {name, description, nowMs, foldForSearch(name), id});
    if (!r)
        return r.error();
    return Ok{};
}

Status GroupRepository::remove(qint64 id, qint64 nowMs)
{
    return m_db.transaction([&]() -> Status {
        auto detached = m_db.execute(
                QStringLiteral(
                        "UPDATE places SET group_id = NULL, updated_at = ? WHERE group_id = ?"),
                {nowMs, id});
        if (!detached)
            return detached.error();
        // group_members has no ON DELETE CASCADE on group_id: a member makes this fail.
        auto r = m_db.execute(QStringLiteral("DELETE FROM org_groups WHERE id = ?"), {id});
        if (!r)
            return r.error();
        return Ok{};
    });
}

Status GroupRepository::addMember(qint64 groupId, qint64 userId)
{
    auto r = m_db.execute(
            QStringLiteral("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)"),
            {groupId, userId});
    if (!r)
        return r.error();
    return Ok{};
}

Result<bool> GroupRepository::removeMember(qint64 groupId, qint64 userId)
{
    auto r = m_db.execute(
            QStringLiteral("DELETE FROM group_members WHERE group_id = ? AND user_id = ?"),
            {groupId, userId});
    if (!r)
        return r.error();
    return *r > 0;
}

Status GroupRepository::attachPlace(qint64 groupId, qint64 placeId, qint64 nowMs)
{
    auto r = m_db.execute(
            QStringLiteral("UPDATE places SET group_id = ?, updated_at = ? WHERE id = ?"),
            {groupId, nowMs, placeId});
    if (!r)
        return r.error();
    return Ok{};
}

Result<bool> GroupRepository::detachPlace(qint64 groupId, qint64 placeId, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE places SET group_id = NULL, updated_at = ?"
                                         " WHERE id = ? AND group_id = ?"),
                          {nowMs, placeId, groupId});
    if (!r)
        return r.error();
    return *r > 0;
}

} // namespace vms::storage

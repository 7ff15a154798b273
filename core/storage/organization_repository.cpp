#include "core/storage/organization_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"
#include "core/storage/sql_values.h"

namespace vms::storage {

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, description, logo_id, is_internal,"
                                       " created_at, updated_at FROM organizations");

Organization fromRow(const Database::Row &row)
{
    Organization o;
    o.id = row[0].toLongLong();
    o.name = row[1].toString();
    o.description = row[2].toString();
    o.logoId = optionalString(row[3]);
    o.isInternal = row[4].toBool();
    o.createdAtMs = row[5].toLongLong();
    o.updatedAtMs = row[6].toLongLong();
    return o;
}

} // namespace

Result<qint64> OrganizationRepository::create(const QString &name, const QString &description,
                                              bool isInternal, qint64 nowMs,
                                              const std::optional<QString> &logoId)
{
    auto r = m_db.insertReturning(
            QStringLiteral("INSERT INTO organizations (name, description, logo_id,"
                           " is_internal, created_at, updated_at, name_folded)"
                           " VALUES (?,?,?,?,?,?,?) RETURNING id"),
            {name, description, bindOptional(logoId), isInternal, nowMs, nowMs,
             foldForSearch(name)});
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

Result<std::optional<Organization>> OrganizationRepository::findById(qint64 id)
{
    auto rows = m_db.select(kSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Organization>{};
    return std::optional<Organization>(fromRow(rows->first()));
}

Result<Page<Organization>> OrganizationRepository::list(const OrganizationQuery &query)
{
    QString sql = kSelect + QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (query.id) {
        sql += QStringLiteral(" AND id = ?");
        binds.append(*query.id);
    }
    if (query.nameContains) {
        sql += QStringLiteral(" AND name_folded LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*query.nameContains));
    }
    if (query.page.afterId) {
        sql += QStringLiteral(" AND id > ?");
        binds.append(*query.page.afterId);
    }
    sql += QStringLiteral(" ORDER BY id");
    sql += limitClause(query.page, binds);
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<Organization> items;
    items.reserve(rows->size());
    for (const Database::Row &row : *rows)
        items.append(fromRow(row));
    return pageFromRows(std::move(items), query.page.limit,
                        [](const Organization &o) { return o.id; });
}

Status OrganizationRepository::update(qint64 id, const QString &name, const QString &description,
                                      const std::optional<QString> &logoId, qint64 nowMs)
{
    auto r = m_db.execute(
            QStringLiteral("UPDATE organizations SET name = ?, description = ?,"
                           " logo_id = ?, updated_at = ?, name_folded = ?"
                           " WHERE id = ?"),
            {name, description, bindOptional(logoId), nowMs, foldForSearch(name), id});
    if (!r)
        return r.error();
    return Ok{};
}

Status OrganizationRepository::remove(qint64 id)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM organizations WHERE id = ?"), {id});
    if (!r)
        return r.error();
    return Ok{};
}

Result<qint64> OrganizationRepository::userCount(qint64 id)
{
    auto rows = m_db.select(QStringLiteral("SELECT COUNT(*) FROM users WHERE organization_id = ?"),
                            {id});
    if (!rows)
        return rows.error();
    return rows->first().first().toLongLong();
}

Result<qint64> OrganizationRepository::groupCount(qint64 id)
{
    auto rows = m_db.select(
            QStringLiteral("SELECT COUNT(*) FROM org_groups WHERE organization_id = ?"), {id});
    if (!rows)
        return rows.error();
    return rows->first().first().toLongLong();
}

} // namespace vms::storage

#include "core/storage/plan_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"
#include "core/storage/sql_values.h"

namespace vms::storage {

namespace {

const QString kSelect = QStringLiteral("SELECT pl.id, pl.organization_id, pl.place_id, "
                                       "pl.image_id, pl.name, pl.created_at, pl.updated_at "
                                       "FROM plans pl");

Plan fromRow(const Database::Row &row)
{
    Plan p;
    p.id = row[0].toLongLong();
    p.organizationId = row[1].toLongLong();
    p.placeId = row[2].toLongLong();
    p.imageId = row[3].toString();
    p.name = row[4].toString();
    p.createdAtMs = row[5].toLongLong();
    p.updatedAtMs = row[6].toLongLong();
    return p;
}

} // namespace

Result<QList<Plan>> PlanRepository::list(const PlanQuery &q)
{
    QString sql = kSelect + QStringLiteral(" WHERE 1=1");
    QVariantList binds;
    if (q.organizationId) {
        sql += QStringLiteral(" AND pl.organization_id = ?");
        binds.append(*q.organizationId);
    }
    if (q.placeId) {
        sql += QStringLiteral(" AND pl.place_id = ?");
        binds.append(*q.placeId);
    }
    if (q.groupId) {
        sql += QStringLiteral(" AND pl.place_id IN (SELECT id FROM places WHERE group_id = ?)");
        binds.append(*q.groupId);
    }
    if (q.nameContains) {
        sql += QStringLiteral(" AND pl.name_folded LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*q.nameContains));
    }
    if (q.afterId) {
        sql += QStringLiteral(" AND pl.id > ?");
        binds.append(*q.afterId);
    }
    sql += QStringLiteral(" ORDER BY pl.id");
    if (q.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds.append(q.limit);
    }
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<Plan> out;
    out.reserve(rows->size());
    for (const Database::Row &row : std::as_const(*rows))
        out.append(fromRow(row));
    return out;
}

Result<std::optional<Plan>> PlanRepository::find(qint64 id)
{
    auto rows = m_db.select(kSelect + QStringLiteral(" WHERE pl.id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Plan>();
    return std::optional<Plan>(fromRow(rows->first()));
}

Result<qint64> PlanRepository::insert(const Plan &p)
{
    auto id = m_db.insertReturning(
            QStringLiteral("INSERT INTO plans (organization_id, place_id, image_id, name, "
                           "name_folded, created_at, updated_at) VALUES (?,?,?,?,?,?,?) "
                           "RETURNING id"),
            {p.organizationId, p.placeId, p.imageId, p.name, foldForSearch(p.name), p.createdAtMs,
             p.updatedAtMs});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status PlanRepository::update(const Plan &p)
{
    auto r = m_db.execute(QStringLiteral("UPDATE plans SET organization_id = ?, place_id = ?, "
                                         "image_id = ?, name = ?, name_folded = ?, updated_at = ? "
                                         "WHERE id = ?"),
                          {p.organizationId, p.placeId, p.imageId, p.name, foldForSearch(p.name),
                           p.updatedAtMs, p.id});
    if (!r)
        return r.error();
    if (*r == 0)
        return Error::notFound(QStringLiteral("Plan not found"));
    return Ok{};
}

Result<bool> PlanRepository::removeIfEmpty(qint64 id)
{
    auto r = m_db.execute(
            QStringLiteral("DELETE FROM plans WHERE id = ?"
                           " AND NOT EXISTS (SELECT 1 FROM cameras WHERE plan_id = ?)"),
            {id, id});
    if (!r)
        return r.error();
    return *r > 0;
}

} // namespace vms::storage

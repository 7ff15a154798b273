#include "core/storage/place_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"
#include "core/storage/sql_values.h"

namespace vms::storage {

namespace {

// The counts are correlated subqueries over indexed columns (plans_place, cameras_place): one
// statement per page, whatever the page size.
const QString kSelect = QStringLiteral(
        "SELECT p.id, p.organization_id, p.group_id, p.name, p.description, p.latitude,"
        " p.longitude, p.created_at, p.updated_at,"
        " (SELECT COUNT(*) FROM plans pl WHERE pl.place_id = p.id),"
        " (SELECT COUNT(*) FROM cameras c WHERE c.place_id = p.id)"
        " FROM places p");

Place fromRow(const Database::Row &row)
{
    Place p;
    p.id = row[0].toLongLong();
    p.organizationId = row[1].toLongLong();
    p.groupId = optionalInt(row[2]);
    p.name = row[3].toString();
    p.description = optionalString(row[4]);
    p.latitude = optionalDouble(row[5]);
    p.longitude = optionalDouble(row[6]);
    p.createdAtMs = row[7].toLongLong();
    p.updatedAtMs = row[8].toLongLong();
    p.planCount = row[9].toLongLong();
    p.cameraCount = row[10].toLongLong();
    return p;
}

} // namespace

Result<QList<Place>> PlaceRepository::list(const PlaceQuery &q)
{
    QString sql = kSelect + QStringLiteral(" WHERE 1=1");
    QVariantList binds;
    if (q.organizationId) {
        sql += QStringLiteral(" AND p.organization_id = ?");
        binds.append(*q.organizationId);
    }
    if (q.groupId) {
        sql += QStringLiteral(" AND p.group_id = ?");
        binds.append(*q.groupId);
    }
    if (q.isWithoutGroups)
        sql += QStringLiteral(" AND p.group_id IS NULL");
    if (q.nameContains) {
        sql += QStringLiteral(" AND p.name_folded LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*q.nameContains));
    }
    if (q.minLatitude || q.maxLatitude)
        sql += QStringLiteral(" AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL");
    if (q.minLatitude) {
        sql += QStringLiteral(" AND p.latitude >= ?");
        binds.append(*q.minLatitude);
    }
    if (q.maxLatitude) {
        sql += QStringLiteral(" AND p.latitude <= ?");
        binds.append(*q.maxLatitude);
    }
    if (q.afterId) {
        sql += QStringLiteral(" AND p.id > ?");
        binds.append(*q.afterId);
    }
    sql += QStringLiteral(" ORDER BY p.id");
    if (q.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds.append(q.limit);
    }
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<Place> out;
    out.reserve(rows->size());
    for (const Database::Row &row : std::as_const(*rows))
        out.append(fromRow(row));
    return out;
}

Result<std::optional<Place>> PlaceRepository::find(qint64 id)
{
    auto rows = m_db.select(kSelect + QStringLiteral(" WHERE p.id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Place>();
    return std::optional<Place>(fromRow(rows->first()));
}

Result<std::optional<qint64>> PlaceRepository::groupOrganization(qint64 groupId)
{
    auto rows = m_db.select(QStringLiteral("SELECT organization_id FROM org_groups WHERE id = ?"),
                            {groupId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first().value(0).toLongLong());
}

Result<qint64> PlaceRepository::insert(const Place &p)
{
    auto id = m_db.insertReturning(
            QStringLiteral("INSERT INTO places (organization_id, group_id, name, name_folded, "
                           "description, latitude, longitude, created_at, updated_at) VALUES "
                           "(?,?,?,?,?,?,?,?,?) RETURNING id"),
            {p.organizationId, bindOptional(p.groupId), p.name, foldForSearch(p.name),
             bindOptional(p.description), bindOptional(p.latitude), bindOptional(p.longitude),
             p.createdAtMs, p.updatedAtMs});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status PlaceRepository::update(const Place &p)
{
    auto r = m_db.execute(QStringLiteral("UPDATE places SET name = ?, name_folded = ?, "
                                         "description = ?, latitude = ?, longitude = ?, "
                                         "updated_at = ? WHERE id = ?"),
                          {p.name, foldForSearch(p.name), bindOptional(p.description),
                           bindOptional(p.latitude), bindOptional(p.longitude), p.updatedAtMs,
                           p.id});
    if (!r)
        return r.error();
    if (*r == 0)
        return Error::notFound(QStringLiteral("Place not found"));
    return Ok{};
}

Result<bool> PlaceRepository::removeIfEmpty(qint64 id)
{
    auto r = m_db.execute(
            QStringLiteral("DELETE FROM places WHERE id = ?"
                           " AND NOT EXISTS (SELECT 1 FROM plans WHERE place_id = ?)"
                           " AND NOT EXISTS (SELECT 1 FROM cameras WHERE place_id = ?)"),
            {id, id, id});
    if (!r)
        return r.error();
    return *r > 0;
}

} // namespace vms::storage

#include "core/storage/camera_repository.h"

#include "core/storage/database.h"
#include "core/storage/search_text.h"
#include "core/storage/sql_values.h"

#include <sqlite3.h>

namespace vms::storage {

namespace {

const QString kColumns = QStringLiteral(
        "c.id, c.organization_id, c.place_id, c.plan_id, c.plan_x, c.plan_y, c.name, c.source,"
        " c.video_analytics, c.video_storage, c.video_streaming, c.ptz, c.onvif_host,"
        " c.onvif_port, c.onvif_login, c.onvif_password, c.scheduler_group, c.scheduler_tags,"
        " c.snapshot_id, c.created_at, c.updated_at, c.revision");
constexpr int kColumnCount = 22;
const QString kOriginColumns
        = QStringLiteral(", pl.name, p.name, p.description, p.latitude, p.longitude");
const QString kOriginJoin = QStringLiteral(
        " JOIN places p ON p.id = c.place_id LEFT JOIN plans pl ON pl.id = c.plan_id");

QString selectSql(bool withOrigin)
{
    return QStringLiteral("SELECT ") + kColumns + (withOrigin ? kOriginColumns : QString())
           + QStringLiteral(" FROM cameras c") + (withOrigin ? kOriginJoin : QString());
}

Camera fromRow(const Database::Row &row, bool withOrigin)
{
    Camera c;
    c.id = row[0].toString();
    c.organizationId = row[1].toLongLong();
    c.placeId = row[2].toLongLong();
    c.planId = optionalInt(row[3]);
    c.planX = optionalDouble(row[4]);
    c.planY = optionalDouble(row[5]);
    c.name = row[6].toString();
    c.source = jsonObject(row[7]);
    c.videoAnalytics = optionalJsonObject(row[8]);
    c.videoStorage = optionalJsonObject(row[9]);
    c.videoStreaming = optionalJsonObject(row[10]);
    c.ptz = optionalJsonObject(row[11]);
    c.onvifHost = optionalString(row[12]);
    if (!row[13].isNull())
        c.onvifPort = row[13].toInt();
    c.onvifLogin = optionalString(row[14]);
    c.onvifPassword = optionalString(row[15]);
    c.schedulerGroup = optionalString(row[16]);
    c.schedulerTags = optionalStringList(row[17]);
    c.snapshotId = optionalString(row[18]);
    c.createdAtMs = row[19].toLongLong();
    c.updatedAtMs = row[20].toLongLong();
    c.revision = row[21].toLongLong();
    if (withOrigin) {
        CameraOrigin o;
        o.planId = c.planId;
        if (c.planId)
            o.planName = optionalString(row[kColumnCount]);
        o.placeId = c.placeId;
        o.placeName = row[kColumnCount + 1].toString();
        o.placeDescription = optionalString(row[kColumnCount + 2]);
        o.placeLatitude = optionalDouble(row[kColumnCount + 3]);
        o.placeLongitude = optionalDouble(row[kColumnCount + 4]);
        c.origin = o;
    }
    return c;
}

QVariantList writableValues(const Camera &c)
{
    return {c.organizationId,
            c.placeId,
            bindOptional(c.planId),
            bindOptional(c.planX),
            bindOptional(c.planY),
            c.name,
            foldForSearch(c.name),
            jsonText(c.source),
            bindJson(c.videoAnalytics),
            bindJson(c.videoStorage),
            bindJson(c.videoStreaming),
            bindJson(c.ptz),
            bindOptional(c.onvifHost),
            bindOptional(c.onvifPort),
            bindOptional(c.onvifLogin),
            bindOptional(c.onvifPassword),
            bindOptional(c.schedulerGroup),
            bindStringList(c.schedulerTags),
            bindOptional(c.snapshotId),
            c.updatedAtMs};
}

} // namespace

namespace {

/** The WHERE ... ORDER BY ... LIMIT tail shared by list() and listRevisions(). */
QString filterSql(const CameraQuery &q, QVariantList &binds)
{
    QString sql = QStringLiteral(" WHERE 1=1");
    if (q.organizationId) {
        sql += QStringLiteral(" AND c.organization_id = ?");
        binds.append(*q.organizationId);
    }
    if (q.placeId) {
        sql += QStringLiteral(" AND c.place_id = ?");
        binds.append(*q.placeId);
    }
    if (q.groupId) {
        sql += QStringLiteral(" AND c.place_id IN (SELECT id FROM places WHERE group_id = ?)");
        binds.append(*q.groupId);
    }
    if (q.planId) {
        sql += QStringLiteral(" AND c.plan_id = ?");
        binds.append(*q.planId);
    }
    if (q.isWithoutPlans)
        sql += QStringLiteral(" AND c.plan_id IS NULL");
    if (q.nameContains) {
        sql += QStringLiteral(" AND c.name_folded LIKE ? ESCAPE '\\'");
        binds.append(containsPattern(*q.nameContains));
    }
    if (q.id) {
        sql += QStringLiteral(" AND c.id = ?");
        binds.append(*q.id);
    }
    if (q.afterId) {
        sql += QStringLiteral(" AND c.id > ?");
        binds.append(*q.afterId);
    }
    sql += QStringLiteral(" ORDER BY c.id");
    if (q.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds.append(q.limit);
    }
    return sql;
}

} // namespace

Result<QList<Camera>> CameraRepository::list(const CameraQuery &q)
{
    QVariantList binds;
    const QString sql = selectSql(q.withOrigin) + filterSql(q, binds);
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<Camera> out;
    out.reserve(rows->size());
    for (const Database::Row &row : std::as_const(*rows))
        out.append(fromRow(row, q.withOrigin));
    return out;
}

Result<std::optional<Camera>> CameraRepository::find(const QString &id, bool withOrigin)
{
    auto rows = m_db.select(selectSql(withOrigin) + QStringLiteral(" WHERE c.id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Camera>();
    return std::optional<Camera>(fromRow(rows->first(), withOrigin));
}

Result<QList<Camera>> CameraRepository::findMany(const QStringList &ids)
{
    if (ids.isEmpty())
        return QList<Camera>();
    QVariantList binds;
    for (const QString &id : ids)
        binds.append(id);
    auto rows = m_db.select(selectSql(false) + QStringLiteral(" WHERE c.id IN (")
                                    + placeholders(ids.size()) + QStringLiteral(")"),
                            binds);
    if (!rows)
        return rows.error();
    QList<Camera> out;
    for (const Database::Row &row : std::as_const(*rows))
        out.append(fromRow(row, false));
    return out;
}

Status CameraRepository::insert(const Camera &c)
{
    QVariantList binds{c.id};
    binds += writableValues(c);
    binds.append(c.createdAtMs);
    auto r = m_db.execute(
            QStringLiteral("INSERT INTO cameras (id, organization_id, place_id, plan_id, plan_x, "
                           "plan_y, name, name_folded, source, video_analytics, video_storage, "
                           "video_streaming, ptz, onvif_host, onvif_port, onvif_login, "
                           "onvif_password, scheduler_group, scheduler_tags, snapshot_id, "
                           "updated_at, created_at) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            binds);
    if (!r)
        return r.error();
    return Ok{};
}

Status CameraRepository::update(const Camera &c)
{
    QVariantList binds = writableValues(c);
    binds.append(c.id);
    auto r = m_db.execute(
            QStringLiteral("UPDATE cameras SET organization_id = ?, place_id = ?, plan_id = ?, "
                           "plan_x = ?, plan_y = ?, name = ?, name_folded = ?, source = ?, "
                           "video_analytics = ?, video_storage = ?, video_streaming = ?, ptz = ?, "
                           "onvif_host = ?, onvif_port = ?, onvif_login = ?, onvif_password = ?, "
                           "scheduler_group = ?, scheduler_tags = ?, snapshot_id = ?, "
                           "updated_at = ?, revision = revision + 1 WHERE id = ?"),
            binds);
    if (!r)
        return r.error();
    if (*r == 0)
        return Error::notFound(QStringLiteral("Camera not found"));
    return Ok{};
}

Status CameraRepository::remove(const QString &id)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM cameras WHERE id = ?"), {id});
    if (!r)
        return r.error();
    if (*r == 0)
        return Error::notFound(QStringLiteral("Camera not found"));
    return Ok{};
}

Status CameraRepository::placeOnPlan(const QStringList &ids, qint64 planId, double x, double y,
                                     qint64 nowMs)
{
    if (ids.isEmpty())
        return Ok{};
    QVariantList binds{planId, x, y, nowMs};
    for (const QString &id : ids)
        binds.append(id);
    auto r = m_db.execute(QStringLiteral("UPDATE cameras SET plan_id = ?, plan_x = ?, plan_y = ?, "
                                         "updated_at = ?, revision = revision + 1 WHERE id IN (")
                                  + placeholders(ids.size()) + QStringLiteral(")"),
                          binds);
    if (!r)
        return r.error();
    return Ok{};
}

Result<int> CameraRepository::removeFromPlan(const QStringList &ids, qint64 planId, qint64 nowMs)
{
    if (ids.isEmpty())
        return 0;
    QVariantList binds{nowMs, planId};
    for (const QString &id : ids)
        binds.append(id);
    return m_db.execute(QStringLiteral("UPDATE cameras SET plan_id = NULL, plan_x = NULL, "
                                       "plan_y = NULL, updated_at = ?, revision = revision + 1 "
                                       "WHERE plan_id = ? AND id IN (")
                                + placeholders(ids.size()) + QStringLiteral(")"),
                        binds);
}

Status CameraRepository::setPosition(const QString &id, double x, double y, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE cameras SET plan_x = ?, plan_y = ?, "
                                         "updated_at = ?, revision = revision + 1 WHERE id = ?"),
                          {x, y, nowMs, id});
    if (!r)
        return r.error();
    return Ok{};
}

Result<qint64> CameraRepository::countOnPlan(qint64 planId)
{
    auto rows = m_db.select(QStringLiteral("SELECT COUNT(*) FROM cameras WHERE plan_id = ?"),
                            {planId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

Result<QList<CameraRepository::Revision>> CameraRepository::listRevisions(const CameraQuery &q)
{
    QVariantList binds;
    const QString sql
            = QStringLiteral("SELECT c.id, c.revision FROM cameras c") + filterSql(q, binds);
    QList<Revision> out;
    out.reserve(q.limit > 0 ? q.limit : 100);
    if (m_db.dialect() == Dialect::Sqlite) {
        // The raw connection skips QSqlQuery's per-value QVariant work; this is the hot path
        // of GET /cameras.
        Status s = m_db.readRawSqlite(sql, binds, [&out](sqlite3_stmt *st) {
            out.append(
                    {QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)),
                                       sqlite3_column_bytes(st, 0)),
                     sqlite3_column_int64(st, 1)});
        });
        if (!s)
            return s.error();
        return out;
    }
    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    for (const Database::Row &row : std::as_const(*rows))
        out.append({row[0].toString(), row[1].toLongLong()});
    return out;
}

} // namespace vms::storage

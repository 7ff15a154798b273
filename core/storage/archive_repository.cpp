#include "core/storage/archive_repository.h"

#include "core/storage/database.h"
#include "core/storage/sql_values.h"

#include <sqlite3.h>

namespace vms::storage {

namespace {

const QString kSegmentColumns
        = QStringLiteral("SELECT id, stream_id, start_ms, end_ms, path, bytes, created_at "
                         "FROM archive_segments");

ArchiveSegment segmentFromRow(const Database::Row &row)
{
    ArchiveSegment s;
    s.id = row[0].toLongLong();
    s.streamId = row[1].toString();
    s.startMs = row[2].toLongLong();
    s.endMs = row[3].toLongLong();
    s.path = row[4].toString();
    s.bytes = row[5].toLongLong();
    s.createdAtMs = row[6].toLongLong();
    return s;
}

QString textColumn(sqlite3_stmt *st, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, column)),
                             sqlite3_column_bytes(st, column));
}

Result<QList<ArchiveSegment>> selectSegments(Database &db, const QString &sql,
                                             const QVariantList &binds)
{
    QList<ArchiveSegment> out;
    if (db.dialect() == Dialect::Sqlite) {
        // GET /segments reads thousands of rows for a day of one camera: skip the QVariants.
        Status s = db.readRawSqlite(sql, binds, [&out](sqlite3_stmt *st) {
            ArchiveSegment seg;
            seg.id = sqlite3_column_int64(st, 0);
            seg.streamId = textColumn(st, 1);
            seg.startMs = sqlite3_column_int64(st, 2);
            seg.endMs = sqlite3_column_int64(st, 3);
            seg.path = textColumn(st, 4);
            seg.bytes = sqlite3_column_int64(st, 5);
            seg.createdAtMs = sqlite3_column_int64(st, 6);
            out.append(std::move(seg));
        });
        if (!s)
            return s.error();
        return out;
    }
    auto rows = db.select(sql, binds);
    if (!rows)
        return rows.error();
    out.reserve(rows->size());
    for (const Database::Row &row : std::as_const(*rows))
        out.append(segmentFromRow(row));
    return out;
}

const QString kDowntimeColumns
        = QStringLiteral("SELECT id, stream_id, start_ms, end_ms, reason FROM stream_downtimes");

DowntimePeriod downtimeFromRow(const Database::Row &row)
{
    DowntimePeriod d;
    d.id = row[0].toLongLong();
    d.streamId = row[1].toString();
    d.startMs = row[2].toLongLong();
    d.endMs = optionalInt(row[3]);
    d.reason = row[4].toString();
    return d;
}

} // namespace

Result<qint64> ArchiveRepository::insertSegment(const ArchiveSegment &s)
{
    auto id = m_db.insertReturning(
            QStringLiteral("INSERT INTO archive_segments (stream_id, start_ms, end_ms, path, "
                           "bytes, created_at) VALUES (?,?,?,?,?,?) RETURNING id"),
            {s.streamId, s.startMs, s.endMs, s.path, s.bytes, s.createdAtMs});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<QList<ArchiveSegment>> ArchiveRepository::segments(const QString &streamId, qint64 fromMs,
                                                          qint64 toMs, int limit)
{
    // The lower bound on start_ms keeps the index range short: no segment is longer than
    // kMaxSegmentMs, so one that starts earlier cannot reach fromMs.
    return selectSegments(m_db,
                          kSegmentColumns
                                  + QStringLiteral(" WHERE stream_id = ? AND start_ms >= ? AND "
                                                   "start_ms < ? AND end_ms > ? ORDER BY "
                                                   "start_ms, id LIMIT ?"),
                          {streamId, fromMs - kMaxSegmentMs, toMs, fromMs, limit});
}

Result<std::optional<ArchiveSegment>> ArchiveRepository::findSegment(qint64 id)
{
    auto rows = selectSegments(m_db, kSegmentColumns + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<ArchiveSegment>();
    return std::optional<ArchiveSegment>(rows->first());
}

Result<QList<ArchiveSegment>>
ArchiveRepository::oldestSegments(const std::optional<QString> &streamId, int limit)
{
    if (streamId) {
        return selectSegments(m_db,
                              kSegmentColumns
                                      + QStringLiteral(" WHERE stream_id = ? ORDER BY start_ms, "
                                                       "id LIMIT ?"),
                              {*streamId, limit});
    }
    return selectSegments(m_db, kSegmentColumns + QStringLiteral(" ORDER BY start_ms, id LIMIT ?"),
                          {limit});
}

Result<QList<ArchiveSegment>> ArchiveRepository::segmentsEndedBefore(const QString &streamId,
                                                                     qint64 beforeMs, int limit)
{
    return selectSegments(m_db,
                          kSegmentColumns
                                  + QStringLiteral(" WHERE stream_id = ? AND start_ms < ? AND "
                                                   "end_ms <= ? ORDER BY start_ms, id LIMIT ?"),
                          {streamId, beforeMs, beforeMs, limit});
}

Result<qint64> ArchiveRepository::totalBytes(const std::optional<QString> &streamId)
{
    auto rows = streamId ? m_db.select(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM "
                                                      "archive_segments WHERE stream_id = ?"),
                                       {*streamId})
                         : m_db.select(QStringLiteral(
                                 "SELECT COALESCE(SUM(bytes), 0) FROM archive_segments"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

Status ArchiveRepository::removeSegment(qint64 id)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM archive_segments WHERE id = ?"), {id});
    if (!r)
        return r.error();
    return Ok{};
}

Result<QList<ArchiveSegment>> ArchiveRepository::allSegments(const QString &streamId)
{
    return selectSegments(
            m_db, kSegmentColumns + QStringLiteral(" WHERE stream_id = ? ORDER BY start_ms, id"),
            {streamId});
}

Result<QStringList> ArchiveRepository::streamsWithSegments()
{
    auto rows = m_db.select(QStringLiteral("SELECT DISTINCT stream_id FROM archive_segments"));
    if (!rows)
        return rows.error();
    QStringList out;
    for (const Database::Row &row : std::as_const(*rows))
        out.append(row.first().toString());
    return out;
}

Result<qint64> ArchiveRepository::openDowntime(const QString &streamId, qint64 startMs,
                                               const QString &reason)
{
    auto id = m_db.insertReturning(
            QStringLiteral("INSERT INTO stream_downtimes (stream_id, start_ms, end_ms, reason) "
                           "VALUES (?,?,NULL,?) RETURNING id"),
            {streamId, startMs, reason});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status ArchiveRepository::closeDowntime(const QString &streamId, qint64 endMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE stream_downtimes SET end_ms = CASE WHEN ? < "
                                         "start_ms THEN start_ms ELSE ? END WHERE stream_id = ? "
                                         "AND end_ms IS NULL"),
                          {endMs, endMs, streamId});
    if (!r)
        return r.error();
    return Ok{};
}

Status ArchiveRepository::closeAllDowntimes(qint64 endMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE stream_downtimes SET end_ms = CASE WHEN ? < "
                                         "start_ms THEN start_ms ELSE ? END WHERE end_ms IS NULL"),
                          {endMs, endMs});
    if (!r)
        return r.error();
    return Ok{};
}

Result<std::optional<DowntimePeriod>> ArchiveRepository::openDowntimeOf(const QString &streamId)
{
    auto rows = m_db.select(kDowntimeColumns
                                    + QStringLiteral(" WHERE stream_id = ? AND end_ms IS NULL "
                                                     "ORDER BY start_ms DESC LIMIT 1"),
                            {streamId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<DowntimePeriod>();
    return std::optional<DowntimePeriod>(downtimeFromRow(rows->first()));
}

Result<QList<DowntimePeriod>> ArchiveRepository::downtimes(const QString &streamId, qint64 fromMs,
                                                           int limit)
{
    auto rows = m_db.select(kDowntimeColumns
                                    + QStringLiteral(" WHERE stream_id = ? AND (end_ms IS NULL OR "
                                                     "end_ms >= ?) ORDER BY start_ms DESC, id "
                                                     "DESC LIMIT ?"),
                            {streamId, fromMs, limit});
    if (!rows)
        return rows.error();
    QList<DowntimePeriod> out;
    for (const Database::Row &row : std::as_const(*rows))
        out.append(downtimeFromRow(row));
    return out;
}

Result<qint64> ArchiveRepository::downtimeMs(const QString &streamId, qint64 fromMs, qint64 toMs)
{
    // Each period clipped to [fromMs, toMs]; an open one lasts until toMs.
    auto rows = m_db.select(
            QStringLiteral("SELECT COALESCE(SUM(CASE WHEN e > s THEN e - s ELSE 0 END), 0) FROM "
                           "(SELECT CASE WHEN start_ms < ? THEN ? ELSE start_ms END AS s, CASE "
                           "WHEN end_ms IS NULL OR end_ms > ? THEN ? ELSE end_ms END AS e FROM "
                           "stream_downtimes WHERE stream_id = ? AND start_ms < ? AND (end_ms IS "
                           "NULL OR end_ms > ?)) d"),
            {fromMs, fromMs, toMs, toMs, streamId, toMs, fromMs});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

Status ArchiveRepository::upsertServer(const StreamServerRecord &s)
{
    return m_db.transaction([&]() -> Status {
        auto r = m_db.execute(QStringLiteral("DELETE FROM stream_servers WHERE id = ?"), {s.id});
        if (!r)
            return r.error();
        r = m_db.execute(QStringLiteral("INSERT INTO stream_servers (id, host, scheduler_group, "
                                        "tags, started_at, last_seen_at) VALUES (?,?,?,?,?,?)"),
                         {s.id, s.host, bindOptional(s.schedulerGroup), bindStringList(s.tags),
                          s.startedAtMs, s.lastSeenAtMs});
        if (!r)
            return r.error();
        return Ok{};
    });
}

Status ArchiveRepository::touchServer(const QString &id, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE stream_servers SET last_seen_at = ? WHERE id = ?"),
                          {nowMs, id});
    if (!r)
        return r.error();
    return Ok{};
}

Result<QList<StreamServerRecord>> ArchiveRepository::servers()
{
    auto rows = m_db.select(QStringLiteral("SELECT id, host, scheduler_group, tags, started_at, "
                                           "last_seen_at FROM stream_servers ORDER BY id"));
    if (!rows)
        return rows.error();
    QList<StreamServerRecord> out;
    for (const Database::Row &row : std::as_const(*rows)) {
        StreamServerRecord s;
        s.id = row[0].toString();
        s.host = row[1].toString();
        s.schedulerGroup = optionalString(row[2]);
        s.tags = optionalStringList(row[3]).value_or(QStringList());
        s.startedAtMs = row[4].toLongLong();
        s.lastSeenAtMs = row[5].toLongLong();
        out.append(s);
    }
    return out;
}

} // namespace vms::storage

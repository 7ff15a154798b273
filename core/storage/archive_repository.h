#pragma once

#include "core/domain/archive.h"
#include "core/domain/result.h"

#include <QList>

#include <optional>

namespace vms::storage {

class Database;

/**
 * The archive index (one row per closed segment file), the downtime periods of streams and the
 * registered stream servers.
 */
class ArchiveRepository
{
public:
    /** Segments are cut at keyframes about every 10 s; none is indexed longer than this. */
    static constexpr qint64 kMaxSegmentMs = 3600 * 1000;

    explicit ArchiveRepository(Database &db)
        : m_db(db)
    {}

    Result<qint64> insertSegment(const ArchiveSegment &segment);
    /** Segments of the stream that overlap [fromMs, toMs), by start time; at most `limit`. */
    Result<QList<ArchiveSegment>> segments(const QString &streamId, qint64 fromMs, qint64 toMs,
                                           int limit);
    Result<std::optional<ArchiveSegment>> findSegment(qint64 id);
    /** The oldest segments of the stream (or of all streams), oldest first. */
    Result<QList<ArchiveSegment>> oldestSegments(const std::optional<QString> &streamId, int limit);
    /** Segments of the stream that ended before `beforeMs`. */
    Result<QList<ArchiveSegment>> segmentsEndedBefore(const QString &streamId, qint64 beforeMs,
                                                      int limit);
    /** Bytes indexed for the stream (or for all streams). */
    Result<qint64> totalBytes(const std::optional<QString> &streamId);
    Status removeSegment(qint64 id);
    /** Every indexed path of the stream (crash recovery compares them with the files). */
    Result<QList<ArchiveSegment>> allSegments(const QString &streamId);
    /** The streams that have segments. */
    Result<QStringList> streamsWithSegments();

    Result<qint64> openDowntime(const QString &streamId, qint64 startMs, const QString &reason);
    /** Closes the stream's open downtime, if any. */
    Status closeDowntime(const QString &streamId, qint64 endMs);
    /** Closes every open downtime (at startup: the previous run ended without closing them). */
    Status closeAllDowntimes(qint64 endMs);
    Result<std::optional<DowntimePeriod>> openDowntimeOf(const QString &streamId);
    /** Downtimes of the stream that overlap [fromMs, now], newest first, at most `limit`. */
    Result<QList<DowntimePeriod>> downtimes(const QString &streamId, qint64 fromMs, int limit);
    /** Milliseconds of downtime of the stream within [fromMs, toMs] (open periods end at toMs). */
    Result<qint64> downtimeMs(const QString &streamId, qint64 fromMs, qint64 toMs);

    Status upsertServer(const StreamServerRecord &server);
    Status touchServer(const QString &id, qint64 nowMs);
    Result<QList<StreamServerRecord>> servers();

private:
    Database &m_db;
};

} // namespace vms::storage

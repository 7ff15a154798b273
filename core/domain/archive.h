#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vms {

/** One recorded segment file of a stream: [startMs, endMs) of wall-clock time. */
struct ArchiveSegment
{
    qint64 id = 0;
    QString streamId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString path; ///< relative to the data dir
    qint64 bytes = 0;
    qint64 createdAtMs = 0;
};

/** A period during which a stream was expected to run but delivered nothing. */
struct DowntimePeriod
{
    qint64 id = 0;
    QString streamId;
    qint64 startMs = 0;
    std::optional<qint64> endMs; ///< nullopt while the outage lasts
    QString reason;
};

/** A server that ingests and records streams (§22). */
struct StreamServerRecord
{
    QString id;
    QString host;
    std::optional<QString> schedulerGroup;
    QStringList tags;
    qint64 startedAtMs = 0;
    qint64 lastSeenAtMs = 0;
};

} // namespace vms

#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace vms {

/** API timestamps: ISO 8601 in UTC with milliseconds, e.g. 2026-11-23T01:30:00.123Z. */
inline QString isoFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/** Parses an ISO 8601 date-time; a value without an offset is taken as UTC. */
inline std::optional<qint64> msFromIso(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

} // namespace vms

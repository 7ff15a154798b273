#include "ui/video/recorded_ranges.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/video/guarded_then.h"

#include <QDateTime>

#include <algorithm>

namespace vms::ui {

QList<TimeRange> mergeRanges(QList<TimeRange> ranges, qint64 toleranceMs)
{
    std::sort(ranges.begin(), ranges.end(), [](const TimeRange &a, const TimeRange &b) {
        return a.startMs < b.startMs || (a.startMs == b.startMs && a.endMs < b.endMs);
    });
    QList<TimeRange> merged;
    for (const TimeRange &range : std::as_const(ranges)) {
        if (range.endMs <= range.startMs)
            continue;
        if (!merged.isEmpty() && range.startMs <= merged.last().endMs + toleranceMs)
            merged.last().endMs = std::max(merged.last().endMs, range.endMs);
        else
            merged.append(range);
    }
    return merged;
}

QList<TimeRange> subtractRanges(const TimeRange &range, const QList<TimeRange> &covered)
{
    QList<TimeRange> left;
    qint64 from = range.startMs;
    for (const TimeRange &c : covered) {
        if (c.endMs <= from)
            continue;
        if (c.startMs >= range.endMs)
            break;
        if (c.startMs > from)
            left.append({from, c.startMs});
        from = std::max(from, c.endMs);
        if (from >= range.endMs)
            break;
    }
    if (from < range.endMs)
        left.append({from, range.endMs});
    return left;
}

TimeRange rangeOf(const client::Segment &segment)
{
    return {segment.startMs(), segment.endMs()};
}

RecordedRanges::RecordedRanges(client::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void RecordedRanges::setStream(const QString &streamId)
{
    if (streamId == m_streamId)
        return;
    ++m_generation; // replies for the previous stream are dropped
    m_streamId = streamId;
    m_ranges.clear();
    m_loaded.clear();
    m_inFlight.clear();
    m_lastError.clear();
    emit changed();
}

void RecordedRanges::ensureLoaded(qint64 fromMs, qint64 toMs)
{
    if (m_streamId.isEmpty())
        return;
    toMs = std::min(toMs, QDateTime::currentMSecsSinceEpoch() + 1000);
    if (toMs <= fromMs)
        return;
    const QList<TimeRange> busy = mergeRanges(m_loaded + m_inFlight);
    QList<TimeRange> missing = subtractRanges({fromMs, toMs}, busy);
    // Newest first: that is where the operator looks, and where recording goes on.
    std::reverse(missing.begin(), missing.end());
    for (const TimeRange &gap : std::as_const(missing)) {
        for (qint64 end = gap.endMs; end > gap.startMs; end -= kChunkMs)
            fetch({std::max(gap.startMs, end - kChunkMs), end});
    }
}

void RecordedRanges::fetch(const TimeRange &span)
{
    m_inFlight.append(span);
    ++m_requestCount;
    const quint64 generation = m_generation;
    // The API counts whole seconds: round outwards so that nothing at the edges is missed.
    const qint64 fromS = span.startMs / 1000;
    const qint64 toS = (span.endMs + 999) / 1000;
    thenIfAlive(m_client->listSegments(m_streamId, fromS, toS), m_client, this,
                [this, span, generation](const Result<QList<client::Segment>> &reply) {
                    if (generation != m_generation)
                        return;
                    m_inFlight.removeOne(span);
                    if (!reply) {
                        m_lastError = ErrorText::describe(reply.error());
                        emit failed();
                        return;
                    }
                    m_lastError.clear();
                    QList<TimeRange> ranges = m_ranges;
                    for (const client::Segment &segment : *reply)
                        ranges.append(rangeOf(segment));
                    m_ranges = mergeRanges(ranges, kMergeToleranceMs);
                    // What is still being recorded may grow: leave the recent past unloaded.
                    const qint64 settled = QDateTime::currentMSecsSinceEpoch() - kRecentMs;
                    const TimeRange done{span.startMs, std::min(span.endMs, settled)};
                    if (done.endMs > done.startMs)
                        m_loaded = mergeRanges(m_loaded + QList<TimeRange>{done});
                    emit changed();
                });
}

} // namespace vms::ui

#pragma once

#include "core/client/video_dto.h"

#include <QList>
#include <QObject>

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

/** A span of time in ms since the epoch, [startMs, endMs). */
struct TimeRange
{
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool contains(qint64 ms) const { return ms >= startMs && ms < endMs; }
    qint64 length() const { return endMs - startMs; }
    bool operator==(const TimeRange &other) const = default;
};

/**
 * Sorts @p ranges and merges those that overlap or lie at most @p toleranceMs apart. Segment
 * times come in whole seconds (start rounded down, end up), so neighbouring segments overlap
 * or touch; a tolerance keeps a continuous recording one range.
 */
QList<TimeRange> mergeRanges(QList<TimeRange> ranges, qint64 toleranceMs = 0);
/** The parts of @p range that none of @p covered (sorted, merged) cover. */
QList<TimeRange> subtractRanges(const TimeRange &range, const QList<TimeRange> &covered);
/** The time a segment covers. */
TimeRange rangeOf(const client::Segment &segment);

/**
 * The recorded ranges of one stream, for the timeline: fetches GET /segments for the spans asked
 * for (ensureLoaded) in chunks, merges the segments into ranges and remembers which spans are
 * loaded. The recent past is never counted as loaded, so asking again picks up what was
 * recorded since. GUI thread.
 */
class RecordedRanges : public QObject
{
    Q_OBJECT

public:
    /** The longest span one request asks for. */
    static constexpr qint64 kChunkMs = 6LL * 3600 * 1000;
    /** Gaps up to this long do not split a range (segment times are whole seconds). */
    static constexpr qint64 kMergeToleranceMs = 1500;
    /** Spans closer to now than this are fetched again on the next ensureLoaded(). */
    static constexpr qint64 kRecentMs = 30 * 1000;

    explicit RecordedRanges(client::ApiClient *client, QObject *parent = nullptr);

    /** Forgets everything and follows @p streamId (a camera's id for its main stream). */
    void setStream(const QString &streamId);
    QString streamId() const { return m_streamId; }

    /** Fetches what is missing of [fromMs, toMs) (never beyond now). */
    void ensureLoaded(qint64 fromMs, qint64 toMs);
    const QList<TimeRange> &ranges() const { return m_ranges; }
    /** The spans whose segments are known. */
    const QList<TimeRange> &loaded() const { return m_loaded; }
    bool isLoading() const { return !m_inFlight.isEmpty(); }
    /** Requests sent so far (for tests). */
    int requestCount() const { return m_requestCount; }
    QString lastError() const { return m_lastError; }

signals:
    void changed();
    /** A request failed; lastError() says why. */
    void failed();

private:
    void fetch(const TimeRange &span);

    client::ApiClient *m_client;
    QString m_streamId;
    quint64 m_generation = 0;
    QList<TimeRange> m_ranges;
    QList<TimeRange> m_loaded;
    QList<TimeRange> m_inFlight;
    int m_requestCount = 0;
    QString m_lastError;
};

} // namespace vms::ui

#pragma once

#include "ui/video/recorded_ranges.h"

#include <QList>
#include <QWidget>

namespace vms::ui {

/**
 * The archive timeline: the recorded ranges of a stream over a visible span of time, a cursor at
 * the playback position, and a "now" line. A click seeks; dragging on the bar scrubs (scrubbed()
 * while moving, seekRequested() on release); dragging on the time scale below, or Shift+wheel,
 * pans; the wheel zooms around the mouse (one minute to a week).
 */
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 kMinSpanMs = 60LL * 1000;
    static constexpr qint64 kMaxSpanMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 kDefaultSpanMs = 24LL * 3600 * 1000;

    explicit TimelineWidget(QWidget *parent = nullptr);

    void setRanges(const QList<TimeRange> &ranges);
    const QList<TimeRange> &ranges() const { return m_ranges; }

    /** The playback position; -1 hides the cursor. */
    void setCursorMs(qint64 ms);
    /** The cursor shown: the drag position while scrubbing. */
    qint64 cursorMs() const { return m_isScrubbing ? m_scrubMs : m_cursorMs; }
    bool isScrubbing() const { return m_isScrubbing; }

    void setVisibleSpan(qint64 fromMs, qint64 toMs);
    qint64 visibleFromMs() const { return m_fromMs; }
    qint64 visibleToMs() const { return m_toMs; }
    /** Pans, keeping the span's length, so that @p ms is in view with some room around it. */
    void ensureVisible(qint64 ms);

    /** The time at x (widget coordinates) and back. */
    qint64 timeAt(double x) const;
    double xOf(qint64 ms) const;
    /** The bar with the ranges (where clicks seek); below it is the time scale. */
    QRect barRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 ms);
    void scrubbed(qint64 ms);
    void visibleSpanChanged(qint64 fromMs, qint64 toMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void panBy(qint64 deltaMs);

    QList<TimeRange> m_ranges;
    qint64 m_cursorMs = -1;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    bool m_isScrubbing = false;
    qint64 m_scrubMs = 0;
    bool m_isPanning = false;
    double m_panFromX = 0;
};

} // namespace vms::ui

#include "ui/video/timeline_widget.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vms::ui {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// Tick steps, from fine to coarse; the finest that leaves room for a label is used.
constexpr qint64 kTickSteps[]
        = {kSecond, 2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond,
           kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
           kHour,   2 * kHour,   3 * kHour,   6 * kHour,    12 * kHour,   kDay};
constexpr int kMinLabelSpacing = 70;
constexpr int kBarTop = 4;
constexpr int kBarHeight = 22;
// The share of the span kept around the cursor when the view follows it.
constexpr double kFollowMargin = 0.1;

const QColor kRecordedColor(0x2f, 0xa8, 0x4f);
const QColor kCursorColor(0xe0, 0x3c, 0x3c);

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("archiveTimeline"));
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The last day, with the present a little way in from the right edge.
    m_toMs = now + kDefaultSpanMs / 20;
    m_fromMs = m_toMs - kDefaultSpanMs;
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(600, kBarTop + kBarHeight + fontMetrics().height() + 14);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(200, sizeHint().height());
}

void TimelineWidget::setRanges(const QList<TimeRange> &ranges)
{
    m_ranges = ranges;
    update();
}

void TimelineWidget::setCursorMs(qint64 ms)
{
    if (ms == m_cursorMs)
        return;
    m_cursorMs = ms;
    update();
}

void TimelineWidget::setVisibleSpan(qint64 fromMs, qint64 toMs)
{
    const qint64 span = std::clamp(toMs - fromMs, kMinSpanMs, kMaxSpanMs);
    const qint64 center = fromMs / 2 + toMs / 2;
    fromMs = center - span / 2;
    toMs = fromMs + span;
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    update();
    emit visibleSpanChanged(m_fromMs, m_toMs);
}

void TimelineWidget::ensureVisible(qint64 ms)
{
    const qint64 span = m_toMs - m_fromMs;
    const qint64 margin = qint64(span * kFollowMargin);
    if (ms < m_fromMs + margin / 2)
        setVisibleSpan(ms - margin, ms - margin + span);
    else if (ms > m_toMs - margin / 2)
        setVisibleSpan(ms + margin - span, ms + margin);
}

qint64 TimelineWidget::timeAt(double x) const
{
    if (width() <= 0)
        return m_fromMs;
    return m_fromMs + qint64(std::llround((m_toMs - m_fromMs) * (x / width())));
}

double TimelineWidget::xOf(qint64 ms) const
{
    if (m_toMs <= m_fromMs)
        return 0;
    return double(ms - m_fromMs) * width() / double(m_toMs - m_fromMs);
}

QRect TimelineWidget::barRect() const
{
    return QRect(0, kBarTop, width(), kBarHeight);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const QRect bar = barRect();
    painter.fillRect(bar, pal.color(QPalette::AlternateBase).darker(108));

    // The future cannot have recordings: shade it.
    const double nowX = xOf(QDateTime::currentMSecsSinceEpoch());
    if (nowX < width())
        painter.fillRect(
                QRectF(std::max(0.0, nowX), bar.top(), width() - std::max(0.0, nowX), bar.height()),
                QBrush(pal.color(QPalette::Mid), Qt::BDiagPattern));

    // Recorded ranges; at least two pixels wide, so that a short one still shows at a day's span.
    for (const TimeRange &range : std::as_const(m_ranges)) {
        if (range.endMs <= m_fromMs || range.startMs >= m_toMs)
            continue;
        const double left = std::max(0.0, xOf(range.startMs));
        const double right = std::min(double(width()), std::max(left + 2.0, xOf(range.endMs)));
        painter.fillRect(QRectF(left, bar.top() + 3, right - left, bar.height() - 6),
                         kRecordedColor);
    }

    // Time scale.
    const qint64 span = m_toMs - m_fromMs;
    qint64 step = kTickSteps[std::size(kTickSteps) - 1];
    for (const qint64 candidate : kTickSteps) {
        if (width() > 0 && double(candidate) * width() / span >= kMinLabelSpacing) {
            step = candidate;
            break;
        }
    }
    // Ticks on local time: align to the local midnight's offset.
    const qint64 offsetMs
            = qint64(QDateTime::fromMSecsSinceEpoch(m_fromMs).offsetFromUtc()) * kSecond;
    qint64 tick = ((m_fromMs + offsetMs) / step) * step - offsetMs;
    if (tick < m_fromMs)
        tick += step;
    painter.setPen(pal.color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    const int scaleTop = bar.bottom() + 1;
    const QString format = step < kMinute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (; tick < m_toMs; tick += step) {
        const double x = xOf(tick);
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(tick);
        const bool isMidnight = when.time() == QTime(0, 0);
        painter.setPen(pal.color(isMidnight ? QPalette::Text : QPalette::Mid));
        painter.drawLine(QPointF(x, scaleTop), QPointF(x, scaleTop + (isMidnight ? 7 : 4)));
        painter.setPen(pal.color(QPalette::Text));
        const QString label = isMidnight ? QLocale().toString(when.date(), QStringLiteral("dd.MM"))
                                         : QLocale().toString(when.time(), format);
        painter.drawText(QRectF(x - kMinLabelSpacing / 2.0, scaleTop + 6, kMinLabelSpacing,
                                painter.fontMetrics().height()),
                         Qt::AlignHCenter | Qt::AlignTop, label);
    }

    if (nowX >= 0 && nowX <= width()) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(QPointF(nowX, bar.top()), QPointF(nowX, bar.bottom()));
    }

    const qint64 cursor = cursorMs();
    if (cursor >= m_fromMs && cursor <= m_toMs) {
        const double x = xOf(cursor);
        painter.setPen(QPen(kCursorColor, 2));
        painter.drawLine(QPointF(x, 0), QPointF(x, bar.bottom() + 4));
        painter.setPen(Qt::NoPen);
        painter.setBrush(kCursorColor);
        const QPointF head[] = {{x - 5, 0}, {x + 5, 0}, {x, 6}};
        painter.drawPolygon(head, 3);
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (event->position().y() <= barRect().bottom() && !(event->modifiers() & Qt::ShiftModifier)) {
        m_isScrubbing = true;
        m_scrubMs = timeAt(event->position().x());
        update();
        emit scrubbed(m_scrubMs);
    } else {
        m_isPanning = true;
        m_panFromX = event->position().x();
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_isScrubbing) {
        const double x = std::clamp(event->position().x(), 0.0, double(width()));
        m_scrubMs = timeAt(x);
        update();
        emit scrubbed(m_scrubMs);
    } else if (m_isPanning && width() > 0) {
        const double dx = event->position().x() - m_panFromX;
        m_panFromX = event->position().x();
        panBy(-qint64(dx * (m_toMs - m_fromMs) / width()));
    }
    event->accept();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    if (m_isScrubbing) {
        m_isScrubbing = false;
        m_cursorMs = m_scrubMs;
        update();
        emit seekRequested(m_scrubMs);
    }
    if (m_isPanning) {
        m_isPanning = false;
        unsetCursor();
    }
    event->accept();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    const qint64 span = m_toMs - m_fromMs;
    if (event->modifiers() & Qt::ShiftModifier) {
        panBy(-qint64(notches * span / 10));
    } else {
        // Zoom around the time under the mouse: it stays where it is.
        const double x = event->position().x();
        const qint64 anchor = timeAt(x);
        const qint64 newSpan
                = std::clamp(qint64(span * std::pow(0.8, notches)), kMinSpanMs, kMaxSpanMs);
        const qint64 from = anchor - qint64(newSpan * (width() > 0 ? x / width() : 0.5));
        m_fromMs = from;
        m_toMs = from + newSpan;
        update();
        emit visibleSpanChanged(m_fromMs, m_toMs);
    }
    event->accept();
}

void TimelineWidget::panBy(qint64 deltaMs)
{
    if (deltaMs == 0)
        return;
    m_fromMs += deltaMs;
    m_toMs += deltaMs;
    update();
    emit visibleSpanChanged(m_fromMs, m_toMs);
}

} // namespace vms::ui

#include "ui/video/digital_zoom.h"

#include <algorithm>

namespace vms::ui {

QRectF DigitalZoom::visibleRect() const
{
    const double size = 1.0 / m_factor;
    return QRectF(m_topLeft, QSizeF(size, size));
}

QPointF DigitalZoom::sourcePoint(const QPointF &viewPoint) const
{
    const QRectF visible = visibleRect();
    return visible.topLeft()
           + QPointF(viewPoint.x() * visible.width(), viewPoint.y() * visible.height());
}

void DigitalZoom::zoomAt(const QPointF &anchor, double multiplier)
{
    const QPointF fixed = sourcePoint(anchor);
    m_factor = std::clamp(m_factor * multiplier, 1.0, kMaxFactor);
    const double size = 1.0 / m_factor;
    setTopLeft(fixed - QPointF(anchor.x() * size, anchor.y() * size));
}

void DigitalZoom::pan(const QPointF &delta)
{
    const double size = 1.0 / m_factor;
    setTopLeft(m_topLeft - QPointF(delta.x() * size, delta.y() * size));
}

void DigitalZoom::reset()
{
    m_factor = 1.0;
    m_topLeft = QPointF(0.0, 0.0);
}

void DigitalZoom::setTopLeft(QPointF topLeft)
{
    const double limit = 1.0 - 1.0 / m_factor;
    m_topLeft = QPointF(std::clamp(topLeft.x(), 0.0, limit), std::clamp(topLeft.y(), 0.0, limit));
}

} // namespace vms::ui

#include "ui/plan_camera_item.h"

#include "ui/editor_validation.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace vms::ui {

namespace {
constexpr qreal kRadius = 13;
constexpr qreal kLabelGap = 3;
constexpr qreal kLabelPadding = 4;
// Names longer than this are elided on the plan; the tooltip has the full name.
constexpr qreal kMaxLabelWidth = 160;

QFont labelFont()
{
    QFont font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}
} // namespace

PlanCameraItem::PlanCameraItem(QString cameraId, QString name, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_cameraId(std::move(cameraId))
    , m_name(std::move(name))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIgnoresTransformations
             | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCursor(Qt::OpenHandCursor);
    setToolTip(
            tr("%1\nDrag to move, double-click for live video, right-click for more.").arg(m_name));
    setZValue(1);
}

void PlanCameraItem::setBounds(const QRectF &bounds)
{
    prepareGeometryChange();
    m_bounds = bounds;
}

QRectF PlanCameraItem::labelRect() const
{
    const QFontMetricsF metrics(labelFont());
    const qreal width
            = std::min(metrics.horizontalAdvance(m_name), kMaxLabelWidth) + 2 * kLabelPadding;
    const qreal height = metrics.height() + 2;
    // The label leans towards the middle of the plan, so that a camera at an edge keeps its
    // name on the plan: left-aligned with the marker at the left edge, centred in the middle,
    // right-aligned at the right edge; above the marker near the bottom edge.
    const QPointF unit
            = m_bounds.isEmpty() ? QPointF(0.5, 0.5) : normalizedPlanPosition(pos(), m_bounds);
    const qreal x = -kRadius - (width - 2 * kRadius) * unit.x();
    const qreal y = unit.y() > 0.85 ? -kRadius - kLabelGap - height : kRadius + kLabelGap;
    return {x, y, width, height};
}

QRectF PlanCameraItem::boundingRect() const
{
    const QRectF marker(-kRadius - 2, -kRadius - 2, 2 * kRadius + 4, 2 * kRadius + 4);
    return marker.united(labelRect()).adjusted(-1, -1, 1, 1);
}

QPainterPath PlanCameraItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), kRadius + 1, kRadius + 1);
    path.addRect(labelRect());
    return path;
}

void PlanCameraItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool isSelected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    // Marker: a blue disc (orange when selected) with a white camera glyph.
    const QColor fill = isSelected ? QColor(0xe0, 0x7b, 0x00) : QColor(0x1e, 0x6f, 0xd9);
    painter->setPen(QPen(QColor(255, 255, 255), 2));
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(0, 0), kRadius, kRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(QRectF(-7, -4.5, 9.5, 9), 1.5, 1.5);
    const QPointF lens[] = {{2.5, -1.5}, {7.5, -4.5}, {7.5, 4.5}, {2.5, 1.5}};
    painter->drawPolygon(lens, 4);

    // Name on a light plate, readable on any plan.
    const QRectF label = labelRect();
    painter->setBrush(QColor(255, 255, 255, 225));
    painter->setPen(QPen(isSelected ? fill : QColor(0, 0, 0, 60), 1));
    painter->drawRoundedRect(label, 3, 3);
    painter->setFont(labelFont());
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const QFontMetricsF metrics(labelFont());
    painter->drawText(label.adjusted(kLabelPadding, 0, -kLabelPadding, 0), Qt::AlignCenter,
                      metrics.elidedText(m_name, Qt::ElideRight, kMaxLabelWidth));
}

QVariant PlanCameraItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange) {
        prepareGeometryChange(); // the label's side depends on the position
        // The marker stays on the image: positions outside [0, 1] do not exist on a plan.
        if (!m_bounds.isEmpty())
            return scenePlanPosition(normalizedPlanPosition(value.toPointF(), m_bounds), m_bounds);
    }
    return QGraphicsObject::itemChange(change, value);
}

void PlanCameraItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_isPressed = true;
        m_pressPos = pos();
        setCursor(Qt::ClosedHandCursor);
    }
    QGraphicsObject::mousePressEvent(event);
}

void PlanCameraItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsObject::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_isPressed)
        return;
    m_isPressed = false;
    setCursor(Qt::OpenHandCursor);
    if (pos() != m_pressPos)
        emit moveFinished(this);
}

void PlanCameraItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        emit activated(this);
        event->accept();
        return;
    }
    QGraphicsObject::mouseDoubleClickEvent(event);
}

} // namespace vms::ui

#pragma once

#include <QGraphicsObject>

namespace vms::ui {

/**
 * A camera on a plan: a round marker at the camera's position with its name underneath. It keeps
 * its size on screen whatever the plan's zoom (it ignores the view transform), can be dragged
 * within the plan image, and reports a finished move once, on release.
 */
class PlanCameraItem : public QGraphicsObject
{
    Q_OBJECT

public:
    PlanCameraItem(QString cameraId, QString name, QGraphicsItem *parent = nullptr);

    QString cameraId() const { return m_cameraId; }
    QString name() const { return m_name; }
    /** The scene rectangle the marker may move in (the plan image). */
    void setBounds(const QRectF &bounds);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    /** The user dragged the marker and let go somewhere else. */
    void moveFinished(vms::ui::PlanCameraItem *item);
    void activated(vms::ui::PlanCameraItem *item);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QRectF labelRect() const;

    QString m_cameraId;
    QString m_name;
    QRectF m_bounds;
    QPointF m_pressPos;
    bool m_isPressed = false;
};

} // namespace vms::ui
